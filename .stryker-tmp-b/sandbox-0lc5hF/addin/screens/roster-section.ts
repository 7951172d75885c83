/**
 * 管理 › 报送单位名单: the roster the city keeps in Excel. Download the stored one
 * (or a blank one), edit it in Excel, upload it; a refused file lists every
 * problem row by row and the stored roster stays as it was.
 */
// @ts-nocheck

import type { RosterUnit } from "../../functions/http/wire";
import { fill, h } from "../ui/dom";
import { messageBar } from "../ui/findings";
import { when } from "../ui/words";
import { busy, saveBytes, showFailure, type ScreenContext } from "./context";

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

/** The roster section, and `refresh` to show the stored roster's counts when the tab opens. */
export function rosterSection(ctx: ScreenContext): { section: HTMLElement; refresh: () => Promise<void> } {
  const rosterOut = h("div", { id: "hz-roster-result", "aria-live": "polite" });
  const rosterNow = h("p", { class: "hz-muted", id: "hz-roster-now" }, "");

  const refresh = async () => {
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
      await refresh();
    });
  });

  const section = h(
    "div",
    {},
    h("h3", {}, "报送单位名单"),
    h("p", { class: "hz-muted" }, "在 Excel 中维护：名称、区划代码必填；上级代码、单位类型可不填，按区划代码判断；联系人、联系电话用于催报。上传后替换原名单。"),
    rosterNow,
    h("div", { class: "hz-toolbar" }, download, upload, picker),
    rosterOut,
  );
  return { section, refresh };
}
