/**
 * A small read-only preview of one sheet for the standalone page: the clerk
 * clicks a finding and sees the offending cell highlighted in place.
 */
import type { Finding } from "../../templates/findings";
import { cellText } from "../../templates/cell-text";
import { columnLetter, parseAddress, type Grid } from "../../templates/grid";
import { h } from "./dom";

const MAX_ROWS = 400;
const MAX_COLS = 30;

/** Render `sheet` of the grid; findings' cells are tinted, `focus` is outlined and scrolled to. */
export function renderPreview(grid: Grid, sheetName: string, findings: readonly Finding[], focus?: string): HTMLElement {
  const sheet = grid.sheets.find((s) => s.name === sheetName);
  if (!sheet) return h("p", { class: "hz-muted" }, `文件中没有工作表“${sheetName}”。`);
  const marks = new Map<string, string>();
  for (const f of findings) if (f.sheet === sheetName && marks.get(f.cell) !== "error") marks.set(f.cell, f.severity);
  let maxCol = 1;
  let maxRow = Math.min(sheet.rowCount, MAX_ROWS);
  for (const a of [...Object.keys(sheet.cells), ...marks.keys(), ...(focus ? [focus] : [])]) {
    const p = parseAddress(a);
    if (!p) continue;
    maxCol = Math.max(maxCol, Math.min(p.col, MAX_COLS));
    maxRow = Math.max(maxRow, Math.min(p.row, MAX_ROWS));
  }
  const head = h("tr", {}, h("th", { class: "hz-corner" }), ...Array.from({ length: maxCol }, (_, j) => h("th", {}, columnLetter(j + 1))));
  const rows = Array.from({ length: maxRow }, (_, i) => {
    const r = i + 1;
    return h(
      "tr",
      {},
      h("th", {}, r),
      ...Array.from({ length: maxCol }, (_, j) => {
        const addr = `${columnLetter(j + 1)}${r}`;
        const cell = sheet.cells[addr];
        const text = cellText(cell);
        const mark = marks.get(addr);
        // Numbers and dates sit on the right, as the spreadsheet shows them.
        const numeric = typeof cell?.value === "number" && !cell.error && cell.numFmt !== "@";
        return h("td", { class: [mark ? `is-${mark}` : "", addr === focus ? "is-focus" : "", numeric ? "is-number" : ""].filter(Boolean).join(" ") || undefined, dataset: { cell: addr }, title: text.length > 12 ? text : undefined }, text);
      }),
    );
  });
  const table = h("table", { class: "hz-sheet", "aria-label": `工作表 ${sheetName} 预览` }, h("thead", {}, head), h("tbody", {}, ...rows));
  return h("div", { class: "hz-preview" }, h("div", { class: "hz-preview-title" }, `工作表：${sheetName}`, focus ? `　单元格 ${focus}` : ""), h("div", { class: "hz-preview-scroll" }, table));
}

/**
 * Scroll the preview's own box so the focused cell sits in its middle (rows) and in view
 * (columns), then bring the preview into the window if it is out of sight.
 */
export function scrollToFocus(preview: HTMLElement): void {
  const cell = preview.querySelector<HTMLElement>("td.is-focus");
  const box = preview.querySelector<HTMLElement>(".hz-preview-scroll");
  if (!cell || !box) return;
  const header = preview.querySelector<HTMLElement>("thead")?.offsetHeight ?? 0;
  const rowHeader = preview.querySelector<HTMLElement>("tbody th")?.offsetWidth ?? 0;
  box.scrollTop = Math.max(0, cell.offsetTop - header - (box.clientHeight - header - cell.offsetHeight) / 2);
  const left = cell.offsetLeft - rowHeader;
  if (left < box.scrollLeft || cell.offsetLeft + cell.offsetWidth > box.scrollLeft + box.clientWidth) box.scrollLeft = Math.max(0, left - 8);
  preview.scrollIntoView({ block: "nearest" });
}
