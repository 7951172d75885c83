/**
 * Writes 目标任务分解表 (bytes out): rows = the issuing unit (its own targets,
 * received from above) then the units from the roster with 区划代码 and 名称;
 * columns = the indicators a target makes sense for, headed "代码 名称（单位）".
 * Values may be given (tests, a table carried from last year).
 */
// @ts-nocheck

import ExcelJS from "exceljs";
import { FONT, solid, COLORS, THIN_BORDER } from "../style";
import { numberFormat } from "../build";
import { CODE_COL, FIRST_UNIT_ROW, FIRST_VALUE_COL, HEADER_ROW, NAME_COL, OWN_ROW, TARGET_COLUMNS, TARGET_SHEET, YEAR_CELL, YEAR_LABEL_CELL, targetHeader } from "./layout";
import { TARGET_INDICATORS } from "./table";
import { OWN_SUFFIX } from "./names";

export interface TargetWorkbookInput {
  year: number;
  /** The issuing unit (the city); code may be "" when not known yet. */
  own: { code: string; name: string; values?: Record<string, number> };
  units: ReadonlyArray<{ code: string; name: string; values?: Record<string, number> }>;
}

const HINT = "说明：第5行为本级目标（上级下达给本市的全年目标，市的完成率按此计算，不是各单位目标之和）；第6行起为分解下达到各单位的全年目标。只填数字（单位见表头），没有目标的留空；不要修改表头和区划代码。";

/** Build the target table; returns the .xlsx bytes. */
export async function buildTargetWorkbook(input: TargetWorkbookInput): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "huizong";
  wb.created = new Date(Date.UTC(input.year, 0, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet(TARGET_SHEET, {
    views: [{ state: "frozen", xSplit: 2, ySplit: HEADER_ROW, showGridLines: false }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `1:${HEADER_ROW}` },
  });
  ws.columns = [{ width: 15 }, { width: 22 }, ...TARGET_INDICATORS.map(() => ({ width: 14 }))];
  const last = TARGET_COLUMNS.get(TARGET_INDICATORS[TARGET_INDICATORS.length - 1]!.code)!;
  ws.mergeCells(`A1:${last}1`);
  ws.getCell("A1").value = `${input.year}年度科技工作目标任务分解表`;
  ws.getCell("A1").font = { name: FONT, size: 16, bold: true };
  ws.getCell("A1").alignment = { horizontal: "center" };
  ws.getCell(YEAR_LABEL_CELL).value = "年度";
  ws.getCell(YEAR_CELL).value = input.year;
  ws.getCell(YEAR_CELL).fill = solid(COLORS.input);
  ws.mergeCells(`C2:${last}3`);
  ws.getCell("C2").value = HINT;
  ws.getCell("C2").font = { name: FONT, size: 9, color: { argb: "FF595959" } };
  ws.getCell("C2").alignment = { wrapText: true, vertical: "top" };
  const head = ws.getRow(HEADER_ROW);
  head.height = 42;
  const headers = ["区划代码", "单位名称", ...TARGET_INDICATORS.map(targetHeader)];
  headers.forEach((h, i) => {
    const cell = head.getCell(i + 1);
    cell.value = h;
    cell.font = { name: FONT, size: 10, bold: true };
    cell.fill = solid(COLORS.header);
    cell.border = THIN_BORDER;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  const rows: Array<{ row: number; unit: TargetWorkbookInput["own"]; own: boolean }> = [
    { row: OWN_ROW, unit: input.own, own: true },
    ...input.units.map((u, i) => ({ row: FIRST_UNIT_ROW + i, unit: u, own: false })),
  ];
  for (const { row, unit, own } of rows) {
    const code = ws.getCell(`${CODE_COL}${row}`);
    code.value = unit.code;
    code.numFmt = "@";
    const name = ws.getCell(`${NAME_COL}${row}`);
    name.value = own ? `${unit.name}${OWN_SUFFIX}` : unit.name;
    for (const c of [code, name]) {
      c.font = { name: FONT, size: 10, bold: own };
      c.border = THIN_BORDER;
    }
    TARGET_INDICATORS.forEach((ind, i) => {
      const cell = ws.getRow(row).getCell(FIRST_VALUE_COL + i);
      const v = unit.values?.[ind.code];
      if (v !== undefined) cell.value = v;
      cell.numFmt = numberFormat(ind.kind === "ratio" ? "amount" : ind.kind);
      cell.font = { name: FONT, size: 10, bold: own };
      cell.fill = solid(own ? COLORS.group : COLORS.input);
      cell.border = THIN_BORDER;
    });
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}



