/**
 * 文字材料汇编: every unit's three narrative sections, printable whole on
 * portrait A4 at 100%: one column as wide as the page, long texts split at
 * sentence ends over several rows, each row as tall as its text.
 */
// @ts-nocheck

import type * as Xlsx from "../../xlsx/writer/types";
import { charsPerRow, rowHeightFor } from "../../style";
import { FOOTER, PRINT, REPORT_SHEETS, S, type Ctx } from "./shared";

/** The one column, in characters: fits portrait A4 between 0.5" margins at 100% in Excel (7 px a character) and in LibreOffice (about 8.7 px with 宋体/Noto CJK). */
export const NARRATIVE_WIDTH = 72;
const FONT_PT = 11;

/** Split a text into row-sized pieces, at paragraph or sentence ends where possible. */
export function printPieces(text: string, size = Math.floor(charsPerRow(NARRATIVE_WIDTH, FONT_PT) * 0.85)): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > size) {
    const window = rest.slice(0, size);
    let cut = Math.max(window.lastIndexOf("\n"), window.lastIndexOf("。"), window.lastIndexOf("；"), window.lastIndexOf("！"), window.lastIndexOf("？"));
    if (cut < size / 2) cut = size - 1;
    // Never split a surrogate pair.
    if (/[\uD800-\uDBFF]/.test(rest[cut] ?? "")) cut++;
    out.push(rest.slice(0, cut + 1));
    rest = rest.slice(cut + 1).replace(/^\n/, "");
  }
  out.push(rest);
  return out;
}

export async function writeNarrative(wb: Xlsx.Workbook, ctx: Ctx): Promise<void> {
  const ws = wb.addWorksheet(REPORT_SHEETS.narrative, {
    views: [{ showGridLines: false }],
    pageSetup: { ...PRINT, orientation: "portrait", fitToPage: false, fitToWidth: 0, fitToHeight: 0, scale: 100, horizontalCentered: false },
    headerFooter: FOOTER,
  });
  ws.columns = [{ width: NARRATIVE_WIDTH }];
  let r = 1;
  const put = (value: string, style: Partial<Xlsx.Style>, height: number) => {
    const row = ws.getRow(r++);
    row.getCell(1).value = value;
    row.getCell(1).style = style;
    row.height = height;
    row.commit();
  };
  const title = `${ctx.title}——文字材料汇编`;
  put(title, S.narrativeTitle, rowHeightFor(title, NARRATIVE_WIDTH, 14));
  put(ctx.subtitle, S.subtitle, rowHeightFor(ctx.subtitle, NARRATIVE_WIDTH, 10));
  ctx.units.forEach((u, i) => {
    const heading = `${i + 1}. ${u.name}（${u.code}）${u.status === "missing" ? "——未报送" : ""}`;
    put(heading, S.unitTitle, rowHeightFor(heading, NARRATIVE_WIDTH, 14));
    if (!u.report) return;
    for (const s of ctx.c.catalogue.narrative) {
      put(s.title, S.sectionTitle, 18);
      for (const piece of printPieces(u.report.record.narrative[s.key] ?? "")) put(piece, S.narrative, rowHeightFor(piece, NARRATIVE_WIDTH, FONT_PT));
    }
  });
  ws.commit();
}
