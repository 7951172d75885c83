/**
 * 管理 (the city): the roster kept in Excel (download, edit, upload), a period
 * opened with its deadline (截止时间, in the bureau's zone), and sign-in codes to hand out.
 */
import type { RosterUnit } from "../../functions/http/wire";
import { PERIOD_SPANS } from "../../templates/period";
import { fill, h } from "../ui/dom";
import { messageBar } from "../ui/findings";
import { when, zonedToIso } from "../ui/words";
import { busy, saveBytes, showFailure, type Screen, type ScreenContext } from "./context";

/** "共 47 个单位：市 1 个，区县 3 个，乡镇/街道 43 个". */
export function rosterSummary(units: readonly RosterUnit[]): string {
  const n = (f: (u: RosterUnit) => boolean) => units.filter(f).length;
  return `共 ${units.length} 个单位：市 ${n((u) => u.type === "市")} 个，区县 ${n((u) => u.type === "县（市、区）")} 个，乡镇/街道 ${n((u) => u.type === "乡镇" || u.type === "街道")} 个`;
}

/** A file the clerk picked, as bytes (FileReader: the Office webviews of Excel 2016 lack Blob.arrayBuffer). */
function readPicked(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(file);
  });
}

export function manageScreen(ctx: ScreenContext): Screen {
  const year = h("input", { type: "number", id: "hz-open-year", min: 2000, max: 2100, value: String(new Date().getFullYear()), "aria-label": "年度" });
  const span = h("select", { id: "hz-open-span", "aria-label": "报告期" }, ...PERIOD_SPANS.map((s) => h("option", { value: s.code }, s.label)));
  const deadline = h("input", { type: "datetime-local", id: "hz-open-deadline", "aria-label": "截止时间" });
  const openOut = h("div", { id: "hz-open-result", "aria-live": "polite" });
  const codesOut = h("div", { id: "hz-codes-result", "aria-live": "polite" });
  const rosterOut = h("div", { id: "hz-roster-result", "aria-live": "polite" });
  const rosterNow = h("p", { class: "hz-muted", id: "hz-roster-now" }, "");

  const showRoster = async () => {
    const r = await ctx.session.api().roster();
    if (r.ok) rosterNow.textContent = r.units.length ? `当前名单${rosterSummary(r.units)}${r.updatedAt ? `（${when(r.updatedAt, ctx.session.timeZone)} 更新）` : ""}。` : "还没有报送单位名单：请下载名单表，填写后上传。";
  };

  const download: HTMLButtonElement = h(
    "button",
    {
      type: "button",
      class: "hz-btn",
      id: "hz-roster-download",
      onclick: () =>
        busy(download, async () => {
          const r = await ctx.session.api().rosterWorkbook();
          if (!r.ok) return showFailure(ctx, rosterOut, r);
          saveBytes(r.bytes, "报送单位名单.xlsx");
        }),
    },
    "下载名单表（Excel）",
  );
  const picker = h("input", { type: "file", id: "hz-roster-file", accept: ".xlsx,.csv", hidden: true });
  const upload: HTMLButtonElement = h("button", { type: "button", class: "hz-btn hz-primary", id: "hz-roster-upload", onclick: () => picker.click() }, "上传名单…");
  picker.addEventListener("change", () => {
    const file = picker.files?.[0];
    picker.value = "";
    if (!file) return;
    void busy(upload, async () => {
      const r = await ctx.session.api().uploadRoster(await readPicked(file));
      if (!r.ok) {
        const list = r.problems?.length ? h("ul", { class: "hz-problems" }, ...r.problems.map((p) => h("li", {}, p))) : null;
        return showFailure(ctx, rosterOut, r.problems?.length ? { ...r, message: `名单有 ${r.problems.length} 处问题，没有保存。请在 Excel 中改正后重新上传：` } : r, list);
      }
      fill(rosterOut, messageBar("success", `名单已保存：${rosterSummary(r.units)}。新单位需要登录码，请在下方签发。`));
      await showRoster();
    });
  });

  const open: HTMLButtonElement = h(
    "button",
    {
      type: "button",
      class: "hz-btn hz-primary",
      id: "hz-open",
      onclick: () =>
        busy(open, async () => {
          const tz = ctx.session.timeZone;
          const iso = deadline.value ? zonedToIso(deadline.value, tz) : null;
          if (deadline.value && !iso) return fill(openOut, messageBar("warning", "截止时间填写不完整，请选择日期和时间。"));
          const r = await ctx.session.api().openPeriod(`${year.value}-${span.value}`, iso ?? undefined);
          if (!r.ok) return showFailure(ctx, openOut, r);
          ctx.session.settings.set({ period: r.period.id });
          await ctx.session.loadPeriods();
          fill(openOut, messageBar("success", `已开通 ${r.period.label}报送${r.period.deadline ? `，截止时间 ${when(r.period.deadline, tz)}` : "（未设截止时间）"}。`));
        }),
    },
    "开通报送",
  );

  const issue: HTMLButtonElement = h(
    "button",
    {
      type: "button",
      class: "hz-btn",
      id: "hz-issue-codes",
      onclick: () =>
        busy(issue, async () => {
          const r = await ctx.session.api().codes();
          if (!r.ok) return showFailure(ctx, codesOut, r);
          fill(
            codesOut,
            messageBar("success", `已为 ${r.codes.length} 个单位签发新登录码，原登录码已作废。请打印或抄送各单位。`),
            h("table", { class: "hz-table" }, h("thead", {}, h("tr", {}, h("th", {}, "单位"), h("th", {}, "登录码"))), h("tbody", {}, ...r.codes.map((c) => h("tr", { dataset: { unit: c.unit } }, h("td", {}, c.name, h("small", {}, c.unit)), h("td", {}, h("code", {}, c.code)))))),
          );
        }),
    },
    "为全部单位签发新登录码",
  );

  return {
    id: "manage",
    label: "管理",
    show: () => void showRoster(),
    panel: h(
      "section",
      {},
      h("h3", {}, "报送单位名单"),
      h("p", { class: "hz-muted" }, "在 Excel 中维护：名称、区划代码必填；上级代码、单位类型可不填，按区划代码判断；联系人、联系电话用于催报。上传后替换原名单。"),
      rosterNow,
      h("div", { class: "hz-toolbar" }, download, upload, picker),
      rosterOut,
      h("h3", {}, "开通报告期"),
      h("div", { class: "hz-toolbar" }, h("label", { class: "hz-field" }, h("span", {}, "年度"), year), h("label", { class: "hz-field hz-grow" }, h("span", {}, "报告期"), span)),
      h("label", { class: "hz-field" }, h("span", {}, "截止时间"), deadline, h("small", {}, "按本地时间（北京时间）填写；过了截止时间仍可报送，记为迟报。")),
      h("div", { class: "hz-toolbar" }, open),
      openOut,
      h("h3", {}, "登录码"),
      h("p", { class: "hz-muted" }, "每个单位一个登录码。重新签发后，旧登录码和用它登录的设备都会失效。"),
      h("div", { class: "hz-toolbar" }, issue),
      codesOut,
    ),
  };
}
