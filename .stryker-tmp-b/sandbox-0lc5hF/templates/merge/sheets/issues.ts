/** 校验问题: the warnings of the counted reports and the cross-unit slips, with the clerk's 备注 explanation. */
// @ts-nocheck

import type * as Xlsx from "../../xlsx/writer/types";
import { RULE_NAMES } from "../../rule-names";
import { rowHeightFor } from "../../style";
import { FOOTER, PRINT, REPORT_SHEETS, S, headerCells, putCells, titleRows, type Ctx } from "./shared";

/** Column widths (characters): the message and the explanation wrap, the row grows to show them whole. */
const WIDTHS = [5, 12, 13, 20, 9, 58, 7, 36];

export async function writeIssues(wb: Xlsx.Workbook, ctx: Ctx): Promise<void> {
  const ws = wb.addWorksheet(REPORT_SHEETS.issues, {
    views: [{ state: "frozen", xSplit: 0, ySplit: 3, showGridLines: false }],
    pageSetup: { ...PRINT, printTitlesRow: "3:3" },
    headerFooter: FOOTER,
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  titleRows(ws, ctx, "H", `${ctx.title}——校验问题（各单位报表中的警告）`, WIDTHS.reduce((a, b) => a + b, 0));
  ws.getRow(1).commit();
  ws.getRow(2).commit();
  const h = ws.getRow(3);
  headerCells(h, ["序号", "单位名称", "区划代码", "问题类型", "位置", "问题说明", "已说明", "单位在备注中的说明"]);
  h.commit();
  const records = new Map(ctx.c.units.filter((u) => u.report).map((u) => [u.code, u.report!.record]));
  ctx.c.warnings.forEach((w, i) => {
    const row = ws.getRow(4 + i);
    const note = (w.finding.indicator && records.get(w.unitCode)?.values[w.finding.indicator]?.note) || "";
    // The Chinese name first, the stable id under it (each on its own line, never broken).
    const rule = `${RULE_NAMES[w.finding.rule]}\n${w.finding.rule}`;
    putCells(row, [
      [i + 1, S.center],
      [w.unit, S.textWrap],
      [w.unitCode, S.codeText],
      [rule, S.textWrap],
      [`${w.finding.sheet}!${w.finding.cell}`, S.text],
      [w.finding.message, S.textWrap],
      [w.finding.explained ? "是" : "否", S.center],
      [note || null, S.textWrap],
    ]);
    row.height = Math.max(15, rowHeightFor(w.finding.message, WIDTHS[5]!, 10), rowHeightFor(note, WIDTHS[7]!, 10), rowHeightFor(rule, WIDTHS[3]!, 10));
    row.commit();
  });
  if (ctx.c.warnings.length === 0) {
    const row = ws.getRow(4);
    row.getCell(1).value = "各单位报表均无警告。";
    row.commit();
  }
  ws.commit();
}
