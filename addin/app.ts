/**
 * The task pane: 检查 / 上传 / 报送情况 / 设置, the same in Excel and in an ordinary
 * browser; only the WorkbookSource differs (Office.js, or a file the clerk picked).
 * Everything shown is Simplified Chinese; failures arrive as data with a message.
 */
import { coverPeriod } from "../templates/checks";
import type { ReadFailure } from "../templates/errors";
import { hasErrors, unexplainedWarnings, type Finding } from "../templates/findings";
import type { Grid } from "../templates/grid";
import { inspectGrid } from "../templates/inspect-grid";
import { ApiClient, type ApiFailure, type HttpTransport, type PeriodInfo, type Role, type StatusRow, type Unit, type UnitState } from "./api";
import { apiBase, SettingsStore } from "./settings";
import type { CellTarget, FilePicker, WorkbookSource } from "./source";
import { fill, h } from "./ui/dom";
import { messageBar, renderFindings } from "./ui/findings";
import { renderPreview, scrollToFocus } from "./ui/preview";
import { needsNoteSentence, renderUnexplained } from "./ui/unexplained";
import { periodNote } from "./period-note";

export interface AppOptions {
  root: HTMLElement;
  source: WorkbookSource;
  settings?: SettingsStore;
  /** Origin the pane was served from: the default API server. */
  origin: string;
  /** Open a link outside the pane (downloads). */
  openUrl: (url: string) => void;
  transport?: HttpTransport;
}

type Tab = "check" | "upload" | "status" | "settings";

const ROLE_LABEL: Record<Role, string> = { unit: "乡镇/街道", county: "区县", city: "市科技局" };
const STATE_LABEL: Record<UnitState, string> = {
  missing: "未报送",
  submitted: "已报送",
  has_warnings: "已报送（有警告）",
  returned: "已退回",
  accepted: "已审核通过",
};
const MAX_FILE_BYTES = 20 * 1024 * 1024;

function isFailure(x: Grid | ReadFailure): x is ReadFailure {
  return (x as ReadFailure).ok === false;
}

/** A thrown value from Office/the browser as a sentence for the clerk (never the raw text alone). */
export function explainThrown(e: unknown, doing: string): string {
  const code = (e as { code?: unknown })?.code;
  if (code === "InvalidOperation" || code === "GeneralException" || code === "InvalidOperationInCellEditMode") {
    return `${doing}没有成功：Excel 正忙（可能正在编辑某个单元格）。请按 Enter 或 Esc 结束编辑后再试。`;
  }
  if (code === "ItemNotFound") return `${doing}没有成功：找不到对应的工作表或单元格（可能已被改名或删除）。请重新点击“检查报表”。`;
  return `${doing}没有成功。请稍后再试；如果一直这样，请关闭任务窗格后重新打开。`;
}

export class App {
  private readonly settings: SettingsStore;
  private readonly source: WorkbookSource;
  private me: Unit | null = null;
  private periods: PeriodInfo[] = [];
  private findings: Finding[] = [];
  private coverPeriod: string | null = null;
  private marking = false;

  private readonly tabs = new Map<Tab, { button: HTMLButtonElement; panel: HTMLElement }>();
  private readonly who = h("p", { class: "hz-who", id: "hz-who" }, "未登录");
  private readonly checkResult = h("div", { id: "hz-check-result", "aria-live": "polite" });
  private readonly preview = h("div", { id: "hz-preview" });
  private readonly markToggle = h("input", { type: "checkbox", id: "hz-mark", disabled: true });
  private readonly fileLabel = h("span", { class: "hz-file-name" }, "尚未选择文件");
  private readonly uploadPeriod = h("select", { id: "hz-upload-period", "aria-label": "报告期" });
  private readonly uploadMsg = h("div", { id: "hz-upload-result", "aria-live": "polite" });
  private readonly progress = h("progress", { id: "hz-progress", max: 100, value: 0, hidden: true });
  private readonly progressText = h("span", { class: "hz-progress-text" });
  private readonly statusPeriod = h("select", { id: "hz-status-period", "aria-label": "报告期" });
  private readonly statusBody = h("div", { id: "hz-status", "aria-live": "polite" });
  private readonly consolidateBox = h("div", { class: "hz-consolidate", hidden: true });
  private readonly settingsMsg = h("div", { id: "hz-settings-result", "aria-live": "polite" });

  constructor(private readonly opts: AppOptions) {
    this.settings = opts.settings ?? new SettingsStore();
    this.source = opts.source;
    if (this.source.kind === "file") (this.source as WorkbookSource & FilePicker).onReveal = (t) => this.showPreview(t);
    this.render();
  }

  private api(): ApiClient {
    const s = this.settings.get();
    return new ApiClient(apiBase(s, this.opts.origin), s.token, this.opts.transport);
  }

  // ---------------------------------------------------------------- layout

  private render(): void {
    const root = this.opts.root;
    const nav = h("nav", { class: "hz-tabs", role: "tablist", "aria-label": "功能" });
    const main = h("main", { class: "hz-main" });
    const add = (tab: Tab, label: string, panel: HTMLElement) => {
      const button = h("button", { type: "button", role: "tab", id: `hz-tab-${tab}`, "aria-controls": `hz-panel-${tab}`, onclick: () => this.select(tab) }, label);
      panel.id = `hz-panel-${tab}`;
      panel.setAttribute("role", "tabpanel");
      panel.classList.add("hz-panel");
      nav.append(button);
      main.append(panel);
      this.tabs.set(tab, { button, panel });
    };
    add("check", "检查", this.checkPanel());
    add("upload", "上传", this.uploadPanel());
    add("status", "报送情况", this.statusPanel());
    add("settings", "设置", this.settingsPanel());
    fill(
      root,
      h(
        "header",
        { class: "hz-header" },
        h("img", { src: "assets/icon-32.png", alt: "", width: 24, height: 24 }),
        h("div", {}, h("h1", {}, "科技报表汇总"), this.who),
        this.source.kind === "file" ? h("span", { class: "hz-mode", title: "在浏览器中使用（WPS 或旧版 Excel 用户）" }, "网页版") : null,
      ),
      nav,
      main,
    );
    root.classList.add(`hz-${this.source.kind}`);
    // Checking needs no token; uploading asks for one when it is missing.
    this.select("check");
    if (this.settings.get().token) void this.signIn(false);
  }

  select(tab: Tab): void {
    for (const [t, { button, panel }] of this.tabs) {
      button.setAttribute("aria-selected", String(t === tab));
      button.tabIndex = t === tab ? 0 : -1;
      panel.hidden = t !== tab;
    }
    if (tab === "status") void this.loadStatus();
  }

  private busy<T>(button: HTMLButtonElement, work: () => Promise<T>): Promise<T> {
    button.disabled = true;
    button.classList.add("is-busy");
    return work().finally(() => {
      button.disabled = false;
      button.classList.remove("is-busy");
    });
  }

  // ---------------------------------------------------------------- 检查

  private checkPanel(): HTMLElement {
    const checkBtn: HTMLButtonElement = h("button", { type: "button", class: "hz-btn hz-primary", id: "hz-check", onclick: () => this.busy(checkBtn, () => this.check()) }, "检查报表");
    const newBtn: HTMLButtonElement = h(
      "button",
      { type: "button", class: "hz-btn", id: "hz-new", onclick: () => this.busy(newBtn, async () => fill(this.checkResult, messageBar("info", await this.source.newTemplate(this.api())))) },
      this.source.kind === "excel" ? "新建模板" : "下载空白模板",
    );
    this.markToggle.addEventListener("change", () => void this.applyMarks());
    const parts: HTMLElement[] = [];
    if (this.source.kind === "file") {
      const input = h("input", { type: "file", id: "hz-file", accept: ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", class: "hz-visually-hidden" });
      input.addEventListener("change", () => {
        const f = input.files?.[0];
        if (f) void this.takeFile(f);
        input.value = "";
      });
      const drop = h(
        "label",
        { class: "hz-drop", for: "hz-file", id: "hz-drop" },
        h("strong", {}, "把填好的报表（.xlsx）拖到这里"),
        h("span", {}, "或点击选择文件。文件只在本机检查，点“上传”才会发送。"),
        this.fileLabel,
        input,
      );
      drop.addEventListener("dragover", (e) => {
        e.preventDefault();
        drop.classList.add("is-over");
      });
      drop.addEventListener("dragleave", () => drop.classList.remove("is-over"));
      drop.addEventListener("drop", (e) => {
        e.preventDefault();
        drop.classList.remove("is-over");
        const f = e.dataTransfer?.files[0];
        if (f) void this.takeFile(f);
      });
      parts.push(drop, h("div", { class: "hz-toolbar" }, checkBtn, newBtn));
    } else {
      parts.push(
        h("p", { class: "hz-muted" }, "检查当前工作簿中的报表。发现的问题会逐条列出，点击即可跳到对应单元格。"),
        h("div", { class: "hz-toolbar" }, checkBtn, newBtn),
        h("label", { class: "hz-toggle", for: "hz-mark" }, this.markToggle, h("span", { class: "hz-switch", "aria-hidden": "true" }), "在表格中标出问题单元格"),
      );
    }
    return h("section", {}, ...parts, this.checkResult, this.source.kind === "file" ? this.preview : null);
  }

  private async takeFile(file: File): Promise<void> {
    const picker = this.source as WorkbookSource & FilePicker;
    fill(this.preview);
    if (file.size > MAX_FILE_BYTES) {
      fill(this.checkResult, messageBar("error", `文件“${file.name}”有 ${(file.size / 1048576).toFixed(1)} MB，远大于一份标准报表。请确认选对了文件；报表中不要插入图片或附件。`));
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    picker.setFile(file.name, bytes, file);
    this.fileLabel.textContent = `已选择：${picker.fileInfo ?? file.name}`;
    await this.check();
  }

  /** Read and check; returns the findings, or null when the workbook could not be read as the template. */
  async check(): Promise<Finding[] | null> {
    let grid: Grid | ReadFailure | null;
    try {
      grid = await this.source.readGrid();
      if (this.source.kind === "file") this.fileLabel.textContent = (this.source as WorkbookSource & FilePicker).fileInfo ? `已检查：${(this.source as WorkbookSource & FilePicker).fileInfo}` : "尚未选择文件";
    } catch (e) {
      fill(this.checkResult, messageBar("error", explainThrown(e, "读取工作簿")));
      return null;
    }
    if (grid === null) {
      fill(this.checkResult, messageBar("info", "请先选择或拖入要检查的报表文件（.xlsx）。"));
      return null;
    }
    const result = isFailure(grid) ? grid : inspectGrid(grid, { expectedPeriod: this.uploadPeriod.value || undefined });
    if (!result.ok) {
      this.findings = [];
      this.markToggle.disabled = true;
      fill(this.checkResult, messageBar("error", result.message, `代码：${result.code}`));
      return null;
    }
    this.coverPeriod = coverPeriod(result.submission)?.id ?? null;
    this.findings = result.findings;
    this.markToggle.disabled = this.findings.length === 0;
    const expected = this.periods.find((p) => p.id === this.uploadPeriod.value) ?? null;
    fill(
      this.checkResult,
      renderFindings(this.findings, (f, item) => void this.pick(f, item)),
      renderUnexplained(this.findings, (t, item) => void this.pick(t, item)),
      h("p", { class: "hz-muted hz-period-note", id: "hz-period-note" }, periodNote(expected, coverPeriod(result.submission), this.me !== null)),
    );
    if (this.source.kind === "file" && this.findings[0]) this.showPreview(this.findings[0], false);
    if (this.marking) await this.applyMarks();
    this.preselectPeriod();
    return this.findings;
  }

  private async pick(f: CellTarget, item: HTMLElement): Promise<void> {
    for (const el of item.closest(".hz-result")?.querySelectorAll(".is-current") ?? []) el.classList.remove("is-current");
    item.classList.add("is-current");
    try {
      await this.source.reveal(f);
    } catch (e) {
      item.append(messageBar("error", explainThrown(e, `跳到 ${f.sheet}!${f.cell}`)));
    }
  }

  private showPreview(t: CellTarget, scroll = true): void {
    const grid = (this.source as WorkbookSource & FilePicker).grid;
    if (!grid) return;
    const el = renderPreview(grid, t.sheet, this.findings, t.cell);
    fill(this.preview, el);
    if (scroll) scrollToFocus(el);
  }

  private async applyMarks(): Promise<void> {
    this.marking = this.markToggle.checked;
    const note = await this.source.setMarks(this.marking ? this.findings : null).catch((e: unknown) => explainThrown(e, "标出问题单元格"));
    if (note) {
      this.markToggle.checked = false;
      this.marking = false;
      this.checkResult.prepend(messageBar("warning", note));
    }
  }

  // ---------------------------------------------------------------- 上传

  private uploadPanel(): HTMLElement {
    const btn: HTMLButtonElement = h("button", { type: "button", class: "hz-btn hz-primary", id: "hz-upload", onclick: () => this.busy(btn, () => this.upload()) }, "上传报表");
    this.uploadPeriod.addEventListener("change", () => this.settings.set({ period: this.uploadPeriod.value }));
    return h(
      "section",
      {},
      h("p", { class: "hz-muted" }, this.source.kind === "excel" ? "上传前会先检查一遍；没有错误才会把整个工作簿发送到服务器。" : "上传前请先在“检查”中选择文件并确认没有错误。"),
      h("label", { class: "hz-field" }, h("span", {}, "报告期"), this.uploadPeriod),
      h("div", { class: "hz-toolbar" }, btn),
      h("div", { class: "hz-progress" }, this.progress, this.progressText),
      this.uploadMsg,
    );
  }

  private setProgress(fraction: number | null, text = ""): void {
    this.progress.hidden = fraction === null;
    this.progress.value = Math.round((fraction ?? 0) * 100);
    this.progressText.textContent = text;
  }

  private failure(into: HTMLElement, f: ApiFailure): void {
    const parts: HTMLElement[] = [messageBar("error", f.message, `代码：${f.code}`)];
    if (f.status === 401) parts.push(h("button", { type: "button", class: "hz-link", onclick: () => this.select("settings") }, "去“设置”填写令牌"));
    if (f.findings?.length) parts.push(renderFindings(f.findings, (x, item) => void this.pick(x, item)));
    fill(into, ...parts);
  }

  async upload(): Promise<void> {
    fill(this.uploadMsg);
    const ready = await this.signedInWithPeriod(this.uploadMsg, this.uploadPeriod, "warning", "目前没有正在收集的报告期，无法上传。请与上级确认报送时间。");
    if (!ready) return;
    const { api, unit, period } = ready;
    this.setProgress(0, "正在检查…");
    const findings = await this.check();
    if (findings === null || hasErrors(findings)) {
      this.setProgress(null);
      const n = findings?.filter((f) => f.severity === "error").length ?? 0;
      fill(this.uploadMsg, messageBar("error", findings === null ? "报表无法读取，没有上传。请先在“检查”中查看原因。" : `报表还有 ${n} 处错误，没有上传。请在“检查”中逐项修改后再上传。`));
      return;
    }
    if (unexplainedWarnings(findings).length) {
      this.setProgress(null);
      fill(this.uploadMsg, messageBar("warning", `没有上传：${needsNoteSentence(unexplainedWarnings(findings).length)}`), renderUnexplained(findings, (t, item) => void this.pick(t, item)));
      return;
    }
    let bytes: Uint8Array | null;
    try {
      this.setProgress(0.02, "正在读取工作簿…");
      bytes = await this.source.getBytes((p) => this.setProgress(0.02 + p * 0.28, "正在读取工作簿…"));
    } catch (e) {
      this.setProgress(null);
      fill(this.uploadMsg, messageBar("error", explainThrown(e, "读取整个工作簿")));
      return;
    }
    if (!bytes) {
      this.setProgress(null);
      fill(this.uploadMsg, messageBar("info", "请先在“检查”中选择要上传的报表文件。"));
      return;
    }
    const res = await api.submit(period, unit.code, bytes, (sent, total) => this.setProgress(0.3 + (total ? sent / total : 0) * 0.7, `正在上传… ${Math.round(sent / 1024)} KB`));
    this.setProgress(null);
    if (!res.ok) {
      this.failure(this.uploadMsg, res);
      return;
    }
    const label = this.periods.find((p) => p.id === period)?.label ?? period;
    const warnings = res.findings?.filter((f) => f.severity === "warning") ?? [];
    fill(
      this.uploadMsg,
      messageBar(
        "success",
        `上传成功：${unit.name} ${label}报表，状态：${STATE_LABEL[res.state] ?? res.state}。`,
        `${this.source.bytesNote ?? ""}${warnings.length ? `附带 ${warnings.length} 条已说明的警告，审核时会看到。` : ""}版本号 ${res.version}`,
      ),
      warnings.length ? renderFindings(warnings, (x, item) => void this.pick(x, item)) : null,
    );
  }

  // ---------------------------------------------------------------- sign-in, periods

  private async ensureMe(api: ApiClient, into: HTMLElement): Promise<Unit | null> {
    if (this.me) return this.me;
    const r = await api.me();
    if (!r.ok) {
      this.failure(into, r);
      return null;
    }
    this.setMe(r.unit);
    return r.unit;
  }

  /** The API, the signed-in unit and the period chosen in `select`; null once `into` shows why one is missing. */
  private async signedInWithPeriod(into: HTMLElement, select: HTMLSelectElement, ...noPeriod: Parameters<typeof messageBar>): Promise<{ api: ApiClient; unit: Unit; period: string } | null> {
    const api = this.api();
    const unit = await this.ensureMe(api, into);
    if (!unit) return null;
    if (!this.periods.length) await this.loadPeriods(api);
    const period = select.value;
    if (!period) {
      fill(into, messageBar(...noPeriod));
      return null;
    }
    return { api, unit, period };
  }

  private setMe(unit: Unit | null): void {
    if (unit?.code !== this.me?.code) fill(this.statusBody);
    this.me = unit;
    this.who.textContent = unit ? `${unit.name}（${ROLE_LABEL[unit.role] ?? unit.role}）` : "未登录";
    this.consolidateBox.hidden = !unit || unit.role === "unit";
  }

  /** Verify the token with /api/me and load the periods. */
  async signIn(report: boolean): Promise<boolean> {
    const api = this.api();
    this.setMe(null);
    const r = await api.me();
    if (!r.ok) {
      this.setMe(null);
      if (report) this.failure(this.settingsMsg, r);
      else this.who.textContent = r.status === 401 ? "令牌已失效，请在“设置”中更新" : "未连接服务器";
      return false;
    }
    this.setMe(r.unit);
    await this.loadPeriods(api);
    if (report) fill(this.settingsMsg, messageBar("success", `已登录：${r.unit.name}（${ROLE_LABEL[r.unit.role] ?? r.unit.role}，代码 ${r.unit.code}）。`));
    return true;
  }

  private async loadPeriods(api: ApiClient): Promise<void> {
    const r = await api.periods();
    if (!r.ok) return;
    this.periods = r.periods;
    const open = r.periods.filter((p) => p.open);
    fill(this.uploadPeriod, ...open.map((p) => h("option", { value: p.id }, p.label)));
    fill(this.statusPeriod, ...r.periods.map((p) => h("option", { value: p.id }, `${p.label}${p.open ? "（收集中）" : ""}`)));
    this.preselectPeriod();
  }

  private preselectPeriod(): void {
    const saved = this.settings.get().period;
    const open = this.periods.filter((p) => p.open).map((p) => p.id);
    const choice = [this.coverPeriod, saved].find((id) => id && open.includes(id));
    if (choice) this.uploadPeriod.value = choice;
    const all = this.periods.map((p) => p.id);
    const statusChoice = [this.uploadPeriod.value, saved].find((id) => id && all.includes(id));
    if (statusChoice && !this.statusPeriod.dataset.touched) this.statusPeriod.value = statusChoice;
  }

  // ---------------------------------------------------------------- 报送情况

  private statusPanel(): HTMLElement {
    const refresh: HTMLButtonElement = h("button", { type: "button", class: "hz-btn", id: "hz-status-refresh", onclick: () => this.busy(refresh, () => this.loadStatus()) }, "刷新");
    this.statusPeriod.addEventListener("change", () => {
      this.statusPeriod.dataset.touched = "1";
      void this.loadStatus();
    });
    const include = h("select", { id: "hz-include", "aria-label": "汇总范围" }, h("option", { value: "accepted" }, "只汇总审核通过的"), h("option", { value: "submitted" }, "汇总全部已报送的"));
    const dl: HTMLButtonElement = h("button", { type: "button", class: "hz-btn hz-primary", id: "hz-consolidate", onclick: () => this.busy(dl, () => this.consolidate(include.value as "accepted" | "submitted")) }, "下载汇总");
    fill(this.consolidateBox, h("h3", {}, "汇总"), h("div", { class: "hz-toolbar" }, include, dl), h("div", { id: "hz-consolidate-result", "aria-live": "polite" }));
    return h("section", {}, h("div", { class: "hz-toolbar" }, h("label", { class: "hz-field hz-grow" }, h("span", {}, "报告期"), this.statusPeriod), refresh), this.statusBody, this.consolidateBox);
  }

  async loadStatus(): Promise<void> {
    const ready = await this.signedInWithPeriod(this.statusBody, this.statusPeriod, "info", "还没有任何报告期。");
    if (!ready) return;
    const { api, unit, period } = ready;
    if (!this.statusBody.firstChild) fill(this.statusBody, h("p", { class: "hz-muted" }, "正在加载…"));
    const r = await api.status(period, unit.role === "county" ? unit.code : undefined);
    if (!r.ok) {
      this.failure(this.statusBody, r);
      return;
    }
    fill(this.statusBody, this.statusView(r.units));
  }

  private statusView(rows: StatusRow[]): HTMLElement {
    const count = (s: UnitState) => rows.filter((r) => r.state === s).length;
    // A returned report is not reported: the town must send it again.
    const reported = count("submitted") + count("has_warnings") + count("accepted");
    const summary = h(
      "p",
      { class: "hz-status-summary" },
      h("strong", {}, `已报送 ${reported} / ${rows.length}`),
      `　未报送 ${count("missing")}　已退回待重报 ${count("returned")}　已通过 ${count("accepted")}`,
    );
    const order: UnitState[] = ["missing", "returned", "has_warnings", "submitted", "accepted"];
    const sorted = [...rows].sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state) || a.code.localeCompare(b.code));
    const when = (s?: string | null) => (s ? s.replace("T", " ").slice(0, 16) : "");
    const table = h(
      "table",
      { class: "hz-table" },
      h("thead", {}, h("tr", {}, h("th", {}, "单位"), h("th", {}, "状态"), h("th", {}, "报送"))),
      h(
        "tbody",
        {},
        ...sorted.map((r) =>
          h(
            "tr",
            { dataset: { unit: r.code, state: r.state } },
            h("td", {}, r.name, h("small", {}, r.code)),
            h("td", {}, h("span", { class: `hz-state hz-state-${r.state}` }, STATE_LABEL[r.state] ?? r.state)),
            h(
              "td",
              {},
              r.state === "missing" ? "—" : r.preparer ? `填报人 ${r.preparer}` : "已报送",
              r.submittedAt ? h("small", {}, when(r.submittedAt)) : null,
              r.state === "returned" && r.returnReason ? h("small", { class: "hz-reason" }, `退回原因：${r.returnReason}`) : null,
            ),
          ),
        ),
      ),
    );
    return h("div", {}, summary, rows.length ? table : h("p", { class: "hz-muted" }, "没有可显示的单位。"));
  }

  async consolidate(include: "accepted" | "submitted"): Promise<void> {
    const out = this.consolidateBox.querySelector<HTMLElement>("#hz-consolidate-result")!;
    const api = this.api();
    const unit = await this.ensureMe(api, out);
    if (!unit) return;
    fill(out, messageBar("info", "正在生成汇总表…"));
    const r = await api.consolidate(this.statusPeriod.value, unit.code, include);
    if (!r.ok) {
      this.failure(out, r);
      return;
    }
    const url = api.url(r.download.url);
    this.opts.openUrl(url);
    fill(out, messageBar("success", "汇总表已生成，正在下载。"), h("a", { href: url, target: "_blank", rel: "noopener", class: "hz-link" }, "如果没有开始下载，请点这里"));
  }

  // ---------------------------------------------------------------- 设置

  private settingsPanel(): HTMLElement {
    const s = this.settings.get();
    const server = h("input", { type: "url", id: "hz-server", value: s.server, placeholder: this.opts.origin, autocomplete: "url", spellcheck: "false" });
    const token = h("textarea", { id: "hz-token", rows: 4, placeholder: "粘贴市科技局（或区县）发给本单位的令牌", spellcheck: "false", autocomplete: "off" });
    token.value = s.token;
    const save: HTMLButtonElement = h(
      "button",
      {
        type: "button",
        class: "hz-btn hz-primary",
        id: "hz-save",
        onclick: () =>
          this.busy(save, async () => {
            this.settings.set({ server: server.value.trim(), token: token.value.replace(/\s+/g, "") });
            fill(this.settingsMsg, messageBar("info", "正在验证…"));
            await this.signIn(true);
          }),
      },
      "保存并验证",
    );
    const signOut = h(
      "button",
      {
        type: "button",
        class: "hz-btn",
        onclick: () => {
          this.settings.clearToken();
          token.value = "";
          this.setMe(null);
          fill(this.settingsMsg, messageBar("info", "已退出。本机不再保存令牌。"));
        },
      },
      "退出登录",
    );
    return h(
      "section",
      {},
      h("label", { class: "hz-field" }, h("span", {}, "服务器地址"), server, h("small", {}, "一般不用填写，留空即使用本页面所在的服务器。")),
      h("label", { class: "hz-field" }, h("span", {}, "登录令牌"), token, h("small", {}, "令牌只保存在本机，不会写入报表文件。")),
      h("div", { class: "hz-toolbar" }, save, signOut),
      this.settingsMsg,
    );
  }
}
