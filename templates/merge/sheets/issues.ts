/** 校验问题: the warnings of the counted reports and the cross-unit slips. */
import type ExcelJS from "exceljs";
import { FOOTER, PRINT, REPORT_SHEETS, S, headerCells, putCells, titleRows, type Ctx } from "./shared";

export async function writeIssues(wb: ExcelJS.Workbook, ctx: Ctx): Promise<void> {
  const ws = wb.addWorksheet(REPORT_SHEETS.issues, {
    views: [{ state: "frozen", xSplit: 0, ySplit: 3, showGridLines: false }],
    pageSetup: { ...PRINT, printTitlesRow: "3:3" },
    headerFooter: FOOTER,
  });
  ws.columns = [{ width: 6 }, { width: 16 }, { width: 15 }, { width: 20 }, { width: 8 }, { width: 8 }, { width: 80 }, { width: 10 }];
  titleRows(ws, ctx, "H", `${ctx.title}——校验问题（各单位报表中的警告）`);
  ws.getRow(1).commit();
  ws.getRow(2).commit();
  const h = ws.getRow(3);
  headerCells(h, ["序号", "单位名称", "区划代码", "规则", "工作表", "单元格", "问题说明", "已在备注说明"]);
  h.commit();
  ctx.c.warnings.forEach((w, i) => {
    const row = ws.getRow(4 + i);
    putCells(row, [
      [i + 1, S.center],
      [w.unit, S.text],
      [w.unitCode, S.codeText],
      [w.finding.rule, S.text],
      [w.finding.sheet, S.text],
      [w.finding.cell, S.text],
      [w.finding.message, S.textWrap],
      [w.finding.explained ? "是" : "否", S.center],
    ]);
    row.commit();
  });
  if (ctx.c.warnings.length === 0) {
    const row = ws.getRow(4);
    row.getCell(1).value = "各单位报表均无警告。";
    row.commit();
  }
  ws.commit();
}

