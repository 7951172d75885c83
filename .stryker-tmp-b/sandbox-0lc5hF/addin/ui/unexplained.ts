/**
 * "需在备注中说明": the warnings the server will refuse until the row's 备注
 * explains them (WARNINGS_UNEXPLAINED), listed before upload in the same words
 * the server uses, each with a button to the 备注 cell to type in. One word —
 * 警告 — for one thing, in the pane and in the server's answer.
 */
// @ts-nocheck

import { BUILTIN, indicatorIn, type Catalogue } from "../../templates/catalogue";
import { unexplainedWarnings, type Finding } from "../../templates/findings";
import { parseAddress } from "../../templates/grid";
import { COLS, layoutOf, SHEETS } from "../../templates/layout";
import type { CellTarget } from "../source";
import { h } from "./dom";

export const NEEDS_NOTE_TITLE = "需在备注中说明";

/**
 * The 备注 cell that explains a warning: on the warning's own row, or for a ratio its numerator's row
 * (as the checks read it), in the report's library (default the built-in one).
 */
export function noteTarget(f: Finding, cat: Catalogue = BUILTIN): CellTarget | null {
  if (!f.indicator) return null;
  const ind = indicatorIn(cat, f.indicator);
  if (ind?.kind === "ratio" && ind.numerator && layoutOf(cat).has(ind.numerator)) return { sheet: SHEETS.indicators, cell: layoutOf(cat).indicatorCell(ind.numerator, "note") };
  const at = f.sheet === SHEETS.indicators ? parseAddress(f.cell) : null;
  if (at) return { sheet: SHEETS.indicators, cell: `${COLS.note}${at.row}` };
  return ind ? { sheet: SHEETS.indicators, cell: layoutOf(cat).indicatorCell(ind.code, "note") } : null;
}

/** One sentence for the count, as the pane and the upload say it. */
export function needsNoteSentence(n: number): string {
  return `有 ${n} 处警告${NEEDS_NOTE_TITLE}：服务器不接收未说明的警告。请核对这些数据；确认无误的，点“去备注”在该行“备注”中写明原因，保存后再检查、上传。`;
}

/** The block listing unexplained warnings; null when there are none. */
export function renderUnexplained(findings: readonly Finding[], onPick: (t: CellTarget, item: HTMLElement) => void, cat: Catalogue = BUILTIN): HTMLElement | null {
  const open = unexplainedWarnings(findings);
  if (!open.length) return null;
  return h(
    "section",
    { class: "hz-group hz-group-warning hz-needs-note", id: "hz-needs-note" },
    h("h3", {}, h("span", { class: "hz-dot hz-dot-warning", "aria-hidden": "true" }), `${NEEDS_NOTE_TITLE}（${open.length}）`),
    h("p", { class: "hz-muted" }, needsNoteSentence(open.length)),
    h(
      "ul",
      { class: "hz-findings" },
      ...open.map((f) => {
        const target = noteTarget(f, cat);
        const item: HTMLElement = h(
          "li",
          {},
          h("span", { class: "hz-needs-note-text" }, f.message),
          target
            ? h("button", { type: "button", class: "hz-link hz-go-note", dataset: { sheet: target.sheet, cell: target.cell }, onclick: () => onPick(target, item) }, `去备注（${target.sheet}!${target.cell}）`)
            : null,
        );
        return item;
      }),
    ),
  );
}
