/** 检查: read the workbook (Excel) or the picked file (page), run the core's checks, list the findings. */
import { coverPeriod } from "../../templates/checks";
import type { ReadFailure } from "../../templates/errors";
import type { Finding } from "../../templates/findings";
import type { Grid } from "../../templates/grid";
import { inspectGrid } from "../../templates/inspect-grid";
import { OWNER_FILE, isOwnerFile } from "../../templates/owner-file";
import type { CellTarget, FilePicker } from "../source";
import { fill, h } from "../ui/dom";
import { messageBar, renderFindings } from "../ui/findings";
import { renderPreview, scrollToFocus } from "../ui/preview";
import { renderUnexplained } from "../ui/unexplained";
import { periodNote } from "../period-note";
import { busy, type Screen, type ScreenContext } from "./context";

const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** A thrown value from Office/the browser as a sentence for the clerk (never the raw text alone). */
export function explainThrown(e: unknown, doing: string): string {
  const code = (e as { code?: unknown })?.code;
  if (code === "InvalidOperation" || code === "GeneralException" || code === "InvalidOperationInCellEditMode") {
    return `${doing}没有成功：Excel 正忙（可能正在编辑某个单元格）。请按 Enter 或 Esc 结束编辑后再试。`;
  }
  if (code === "ItemNotFound") return `${doing}没有成功：找不到对应的工作表或单元格（可能已被改名或删除）。请重新点击“检查报表”。`;
  return `${doing}没有成功。请稍后再试；如果一直这样，请关闭任务窗格后重新打开。`;
}

export interface CheckScreen extends Screen {
  /**
   * Read and check; the findings, or null when the workbook could not be read as the template.
   * With `followCover`, a cover naming another period that is open too is checked against that one.
   */
  check(expectedPeriod?: string, followCover?: boolean): Promise<Finding[] | null>;
  /** The period on the cover of the last workbook checked. */
  readonly coverPeriod: string | null;
  /** Click handler for findings shown elsewhere (upload answers). */
  pick(f: CellTarget, item: HTMLElement): Promise<void>;
}

export function checkScreen(ctx: ScreenContext): CheckScreen {
  const { source } = ctx;
  const picker: FilePicker | undefined = source.picker;
  const result = h("div", { id: "hz-check-result", "aria-live": "polite" });
  const preview = h("div", { id: "hz-preview" });
  const markToggle = h("input", { type: "checkbox", id: "hz-mark", disabled: true });
  const fileLabel = h("span", { class: "hz-file-name" }, "尚未选择文件");
  let findings: Finding[] = [];
  let marking = false;
  let cover: string | null = null;

  const showPreview = (t: CellTarget, scroll = true) => {
    if (!picker?.grid) return;
    const el = renderPreview(picker.grid, t.sheet, findings, t.cell);
    fill(preview, el);
    if (scroll) scrollToFocus(el);
  };
  if (picker) picker.onReveal = (t) => showPreview(t);

  async function pick(f: CellTarget, item: HTMLElement): Promise<void> {
    for (const el of item.closest(".hz-result")?.querySelectorAll(".is-current") ?? []) el.classList.remove("is-current");
    item.classList.add("is-current");
    try {
      await source.reveal(f);
    } catch (e) {
      item.append(messageBar("error", explainThrown(e, `跳到 ${f.sheet}!${f.cell}`)));
    }
  }

  async function applyMarks(): Promise<void> {
    marking = markToggle.checked;
    const note = await source.setMarks(marking ? findings : null).catch((e: unknown) => explainThrown(e, "标出问题单元格"));
    if (note) {
      markToggle.checked = false;
      marking = false;
      result.prepend(messageBar("warning", note));
    }
  }
  markToggle.addEventListener("change", () => void applyMarks());

  async function check(expectedPeriod?: string, followCover = false): Promise<Finding[] | null> {
    let grid: Grid | ReadFailure | null;
    try {
      grid = await source.readGrid();
      if (picker) fileLabel.textContent = picker.fileInfo ? `已检查：${picker.fileInfo}` : "尚未选择文件";
    } catch (e) {
      fill(result, messageBar("error", explainThrown(e, "读取工作簿")));
      return null;
    }
    if (grid === null) {
      fill(result, messageBar("info", "请先选择或拖入要检查的报表文件（.xlsx）。"));
      return null;
    }
    const inspect = (period: string | undefined) => ("ok" in grid && grid.ok === false ? grid : inspectGrid(grid as Grid, { expectedPeriod: period || undefined }));
    let r = inspect(expectedPeriod);
    // Several periods may be open at once (a 1—11月 beside the 全年, a reopened 补报): a cover
    // naming one of the open ones is that period's report, not a wrong cover.
    const named = r.ok ? coverPeriod(r.submission)?.id : undefined;
    if (followCover && expectedPeriod && named && named !== expectedPeriod && ctx.session.periods.some((p) => p.id === named && p.open)) {
      expectedPeriod = named;
      r = inspect(named);
    }
    if (!r.ok) {
      findings = [];
      markToggle.disabled = true;
      fill(result, messageBar("error", r.message, r.code));
      return null;
    }
    cover = coverPeriod(r.submission)?.id ?? null;
    findings = r.findings;
    markToggle.disabled = findings.length === 0;
    const expected = ctx.session.periods.find((p) => p.id === expectedPeriod) ?? null;
    fill(
      result,
      renderFindings(findings, (f, item) => void pick(f, item)),
      renderUnexplained(findings, (t, item) => void pick(t, item), r.catalogue),
      h("p", { class: "hz-muted hz-period-note", id: "hz-period-note" }, periodNote(expected, coverPeriod(r.submission), ctx.session.me !== null)),
    );
    if (findings[0]) showPreview(findings[0], false);
    if (marking) await applyMarks();
    return findings;
  }

  // The period being collected (the one chosen last, else the open one) once signed in; signed out, none is known.
  const expectedPeriod = () => (ctx.session.me ? ctx.session.defaultPeriod() || undefined : undefined);

  async function takeFile(file: File): Promise<void> {
    fill(preview);
    if (isOwnerFile(file.name)) {
      fill(result, messageBar("error", `文件“${file.name}”${OWNER_FILE.is}。请选择同一文件夹中不带 ~$ 的那个报表文件。`, OWNER_FILE.code));
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      fill(result, messageBar("error", `文件“${file.name}”有 ${(file.size / 1048576).toFixed(1)} MB，远大于一份标准报表。请确认选对了文件；报表中不要插入图片或附件。`));
      return;
    }
    picker!.setFile(file.name, new Uint8Array(await file.arrayBuffer()), file);
    fileLabel.textContent = `已选择：${picker!.fileInfo ?? file.name}`;
    await check(expectedPeriod(), true);
  }

  // Signed in with a period chosen: 新建模板 brings the unit's prefilled template for it.
  const forUnit = () => {
    const period = expectedPeriod();
    const unit = ctx.session.me?.code;
    return period && unit ? { period, unit } : undefined;
  };
  const checkBtn: HTMLButtonElement = h("button", { type: "button", class: "hz-btn hz-primary", id: "hz-check", onclick: () => busy(checkBtn, () => check(expectedPeriod(), true)) }, "检查报表");
  const newBtn: HTMLButtonElement = h(
    "button",
    { type: "button", class: "hz-btn", id: "hz-new", onclick: () => busy(newBtn, async () => fill(result, messageBar("info", await source.newTemplate(ctx.session.api(), forUnit())))) },
    source.newTemplateLabel,
  );

  let top: HTMLElement[];
  if (picker) {
    const input = h("input", { type: "file", id: "hz-file", accept: ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", class: "hz-visually-hidden" });
    input.addEventListener("change", () => {
      const f = input.files?.[0];
      if (f) void takeFile(f);
      input.value = "";
    });
    const drop = h("label", { class: "hz-drop", for: "hz-file", id: "hz-drop" }, h("strong", {}, "把填好的报表（.xlsx）拖到这里"), h("span", {}, source.checkHint), fileLabel, input);
    drop.addEventListener("dragover", (e) => {
      e.preventDefault();
      drop.classList.add("is-over");
    });
    drop.addEventListener("dragleave", () => drop.classList.remove("is-over"));
    drop.addEventListener("drop", (e) => {
      e.preventDefault();
      drop.classList.remove("is-over");
      const f = e.dataTransfer?.files[0];
      if (f) void takeFile(f);
    });
    top = [drop, h("div", { class: "hz-toolbar" }, checkBtn, newBtn)];
  } else {
    top = [h("p", { class: "hz-muted" }, source.checkHint), h("div", { class: "hz-toolbar" }, checkBtn, newBtn)];
  }
  const mark = source.canMark
    ? h("label", { class: "hz-toggle", for: "hz-mark" }, markToggle, h("span", { class: "hz-switch", "aria-hidden": "true" }), "在表格中标出问题单元格")
    : null;

  return {
    id: "check",
    label: "检查",
    panel: h("section", {}, ...top, mark, result, picker ? preview : null),
    check,
    pick,
    get coverPeriod() {
      return cover;
    },
  };
}
