/** 分单位明细: one row per unit, three columns per indicator, and the 合计 row. */
// @ts-nocheck

import type * as Xlsx from "../../xlsx/writer/types";
import { columnLetter } from "../../grid";
import { COLUMN_TITLES, VALUE_COLUMNS, printedName } from "../../layout";
import { ratioOf } from "../growth";
import { DETAIL, FOOTER, PRINT, REPORT_SHEETS, S, formula, sheetLayout, putCells, ratioFormula, statusStyle, sumFormula, titleRows, valueStyle, type Ctx } from "./shared";

export async function writeDetail(wb: Xlsx.Workbook, ctx: Ctx): Promise<void> {
  const { units } = ctx;
  const INDICATORS = ctx.c.catalogue.indicators;
  const { DETAIL_COLUMNS, detailColumn } = sheetLayout(ctx.c.catalogue);
  const ws = wb.addWorksheet(REPORT_SHEETS.detail, {
    views: [{ state: "frozen", xSplit: 2, ySplit: DETAIL.subHeaderRow, showGridLines: false }],
    // Widths and scale chosen so a landscape A4 page holds the unit columns plus exactly five
    // indicator blocks: page breaks fall between indicators, never inside one.
    pageSetup: { ...PRINT, fitToWidth: 0, fitToHeight: 0, fitToPage: false, scale: DETAIL_PRINT.scale, printTitlesRow: `${DETAIL.headerRow}:${DETAIL.subHeaderRow}`, printTitlesColumn: "A:D" },
    headerFooter: FOOTER,
  });
  ws.columns = [{ width: 5 }, { width: 12 }, { width: 13 }, { width: 7 }, ...INDICATORS.flatMap(() => [{ width: DETAIL_PRINT.value }, { width: DETAIL_PRINT.value }, { width: DETAIL_PRINT.value }])];
  titleRows(ws, ctx, "P", `${ctx.title}——分单位明细`, 5 + 12 + 13 + 7 + 12 * DETAIL_PRINT.value);
  const h = ws.getRow(DETAIL.headerRow);
  const sh = ws.getRow(DETAIL.subHeaderRow);
  ["序号", "单位名称", "区划代码", "报送状态"].forEach((t, i) => {
    const col = columnLetter(i + 1);
    ws.mergeCells(`${col}${DETAIL.headerRow}:${col}${DETAIL.subHeaderRow}`);
    h.getCell(i + 1).value = t;
    h.getCell(i + 1).style = S.header;
    sh.getCell(i + 1).style = S.header;
  });
  for (const ind of INDICATORS) {
    const a = detailColumn(ind.code, "current");
    const z = detailColumn(ind.code, "target");
    ws.mergeCells(`${a}${DETAIL.headerRow}:${z}${DETAIL.headerRow}`);
    const cell = ws.getCell(`${a}${DETAIL.headerRow}`);
    cell.value = `${ind.code} ${printedName(ind).trimStart()}（${ind.unit}）`;
    cell.style = S.header;
    for (const kind of VALUE_COLUMNS) {
      const c2 = ws.getCell(`${detailColumn(ind.code, kind)}${DETAIL.subHeaderRow}`);
      c2.value = COLUMN_TITLES[kind];
      c2.style = S.header;
      if (kind !== "current") ws.getCell(`${detailColumn(ind.code, kind)}${DETAIL.headerRow}`).style = S.header;
    }
  }
  h.height = 42;
  for (let r = 1; r <= DETAIL.subHeaderRow; r++) ws.getRow(r).commit();
  writeTotalRow(ws, ctx);

  for (const [i, u] of units.entries()) {
    const rowNo = DETAIL.firstRow + i;
    const row = ws.getRow(rowNo);
    putCells(row, [
      [i + 1, S.center],
      [u.name, S.text],
      [u.code, S.codeText],
      [u.status === "missing" ? "未报送" : u.unlisted ? "名单外" : "已报送", statusStyle(u)],
    ]);
    const values = u.report?.record.values;
    for (const ind of INDICATORS) {
      for (const kind of VALUE_COLUMNS) {
        const cell = row.getCell(DETAIL_COLUMNS.get(ind.code)![kind]);
        cell.style = valueStyle(ind);
        if (!values) continue;
        if (ind.kind === "ratio") {
          const n = values[ind.numerator!]?.[kind] ?? null;
          const d = values[ind.denominator!]?.[kind] ?? null;
          cell.value = formula(ratioFormula(`${detailColumn(ind.numerator!, kind)}${rowNo}`, `${detailColumn(ind.denominator!, kind)}${rowNo}`), ratioOf(n, d));
        } else {
          const v = values[ind.code]?.[kind];
          if (typeof v === "number" && Number.isFinite(v)) cell.value = v;
        }
      }
    }
    row.commit();
  }
  ws.commit();
}

/** Print geometry of 分单位明细 (see writeDetail). */
export const DETAIL_PRINT = { scale: 66, value: 11 } as const;

/** 合计, the first data row: totals over the unit rows below it. */
function writeTotalRow(ws: Xlsx.Worksheet, ctx: Ctx): void {
  const total = ws.getRow(DETAIL.totalRow);
  ws.mergeCells(`A${DETAIL.totalRow}:D${DETAIL.totalRow}`);
  total.getCell(1).value = `合计（${ctx.c.counts.submitted}个单位）`;
  for (let col = 1; col <= 4; col++) total.getCell(col).style = S.totalLabel;
  const INDICATORS = ctx.c.catalogue.indicators;
  const { DETAIL_COLUMNS, detailColumn } = sheetLayout(ctx.c.catalogue);
  for (const ind of INDICATORS) {
    const t = ctx.c.totals[ind.code]!;
    for (const kind of VALUE_COLUMNS) {
      const col = detailColumn(ind.code, kind);
      const cell = total.getCell(DETAIL_COLUMNS.get(ind.code)![kind]);
      cell.style = valueStyle(ind, true);
      cell.value =
        ind.kind === "ratio"
          ? formula(ratioFormula(`${detailColumn(ind.numerator!, kind)}${DETAIL.totalRow}`, `${detailColumn(ind.denominator!, kind)}${DETAIL.totalRow}`), t[kind])
          : formula(sumFormula(`${col}${DETAIL.firstRow}:${col}${ctx.lastUnitRow}`, kind === "current" ? undefined : `${detailColumn(ind.code, "current")}${DETAIL.firstRow}:${detailColumn(ind.code, "current")}${ctx.lastUnitRow}`), t[kind]);
    }
  }
  total.commit();
}
