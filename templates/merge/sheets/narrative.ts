/** 文字材料汇编: every unit's three narrative sections, printable whole. */
import type ExcelJS from "exceljs";
import { NARRATIVE_SECTIONS } from "../../catalog";
import { splitText } from "../merge";
import { FOOTER, PRINT, REPORT_SHEETS, S, type Ctx } from "./shared";

export async function writeNarrative(wb: ExcelJS.Workbook, ctx: Ctx): Promise<void> {
  const ws = wb.addWorksheet(REPORT_SHEETS.narrative, {
    views: [{ showGridLines: false }],
    pageSetup: { ...PRINT, orientation: "portrait" },
    headerFooter: FOOTER,
  });
  ws.columns = [{ width: 110 }];
  let r = 1;
  const put = (value: string, style: Partial<ExcelJS.Style>, height?: number) => {
    const row = ws.getRow(r++);
    row.getCell(1).value = value;
    row.getCell(1).style = style;
    if (height) row.height = height;
    row.commit();
  };
  put(`${ctx.title}——文字材料汇编`, S.title, 30);
  put(ctx.subtitle, S.subtitle);
  ctx.units.forEach((u, i) => {
    put(`${i + 1}. ${u.name}（${u.code}）${u.status === "missing" ? "——未报送" : ""}`, S.unitTitle, 22);
    if (!u.report) return;
    for (const s of NARRATIVE_SECTIONS) {
      put(s.title, S.sectionTitle);
      const text = u.report.record.narrative[s.key] ?? "";
      const pieces = splitText(text);
      pieces.forEach((p, k) => put(pieces.length > 1 ? `${p}${k < pieces.length - 1 ? "（续下行）" : ""}` : p, S.narrative, Math.min(409, 15 * Math.ceil(p.length / 55) + 6)));
    }
  });
  ws.commit();
}

