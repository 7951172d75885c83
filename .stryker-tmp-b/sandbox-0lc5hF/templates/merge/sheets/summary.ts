/** 汇总: one row per indicator, totals as live formulas over 分单位明细 with cached values. */
// @ts-nocheck

import type * as Xlsx from "../../xlsx/writer/types";
import { rowHeightFor } from "../../style";
import { layoutOf, printedName, type ValueColumn } from "../../layout";
import { paceFormula, paceText } from "../../targets/schedule";
import { roundPoints } from "../growth";
import { DETAIL, FOOTER, PRINT, REPORT_SHEETS, S, SUMMARY_COLS, SUMMARY_HEADER_ROW, SUMMARY_ROW_SHIFT, sheetLayout, formula, growthFormula, headerCells, q, ratioFormula, redWhenNegative, sumFormula, titleRows, valueStyle, type Ctx } from "./shared";

const WIDTHS = [6, 8, 28, 7, 14, 14, 14, 10, 14, 9, 9, 25, 20];
const NOTE_WIDTH = WIDTHS[12]!;
const PACE_WIDTH = WIDTHS[11]!;
const LAST_COL = WIDTHS.length;
const TABLE_WIDTH = WIDTHS.reduce((a, b) => a + b, 0);
const RATIO_NOTE = "比重由合计后的分子、分母计算，增减为百分点";
const HINT = "说明：本表数字为公式：合计取自“分单位明细”，比重由合计后的分子、分母重新计算，同比增长=(本期−上年同期)/上年同期，比重类指标的增减以百分点表示；上年同期为0的显示“新增”，有单位未填上年同期（上年同期不详）的显示“—”；序时进度为报告期月数占全年的比例（1—N月为N/12，季度为3/12），完成率低于序时进度的显示“落后序时进度 x 个百分点”；有目标任务分解表的，全年目标为上级下达的本级目标（不是各单位目标之和）。";

/** 单位负责人 / 统计负责人 / 填表人 / 报出日期, as on every statistical form. */
function signatureLine(meta: Ctx["c"]["meta"]): string {
  const date = meta.date ? `${Number(meta.date.slice(0, 4))}年${Number(meta.date.slice(5, 7))}月${Number(meta.date.slice(8, 10))}日` : "　　年　月　日";
  return `单位负责人：${meta.head}　　　　统计负责人：＿＿＿＿＿＿　　　　填表人：${meta.preparer}　　　　报出日期：${date}`;
}

export async function writeSummary(wb: Xlsx.Workbook, ctx: Ctx): Promise<void> {
  const { c } = ctx;
  const FORM_HEADER = c.catalogue.formHeader;
  const INDICATORS = c.catalogue.indicators;
  const { rows: INDICATOR_ROWS, groupTitle } = layoutOf(c.catalogue);
  const { detailColumn, SUMMARY_ROWS } = sheetLayout(c.catalogue);
  const ws = wb.addWorksheet(REPORT_SHEETS.summary, {
    views: [{ state: "frozen", xSplit: 3, ySplit: SUMMARY_HEADER_ROW, showGridLines: false }],
    pageSetup: { ...PRINT, printTitlesRow: `1:${SUMMARY_HEADER_ROW}` },
    headerFooter: FOOTER,
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  titleRows(ws, ctx, SUMMARY_COLS.note, `${ctx.title}`);
  ws.mergeCells(`A3:${SUMMARY_COLS.note}3`);
  const form = ws.getCell("A3");
  form.value = `表号：${FORM_HEADER.formNumber}　　制定机关：${FORM_HEADER.issuer}　　批准文号：${FORM_HEADER.approval}　　有效期至：${FORM_HEADER.validUntil}　　计量单位见各行`;
  form.style = S.formLine;
  ws.getRow(3).height = 16;
  const head = ws.getRow(SUMMARY_HEADER_ROW);
  headerCells(head, ["序号", "指标代码", "指标名称", "计量单位", "本期", "上年同期", "增减量", "同比增长", "全年目标", "完成率", "序时进度", "较序时进度", "备注"]);
  head.height = 24;

  const first = DETAIL.firstRow;
  const last = ctx.lastUnitRow;
  const range = (code: string, kind: ValueColumn) => `${q(REPORT_SHEETS.detail)}!${detailColumn(code, kind)}${first}:${detailColumn(code, kind)}${last}`;
  let seq = 0;
  for (const { row: templateRow, group, indicator: ind } of INDICATOR_ROWS) {
    const rowNo = templateRow + SUMMARY_ROW_SHIFT;
    if (!ind) {
      const g = ws.getRow(rowNo);
      for (let col = 1; col <= LAST_COL; col++) g.getCell(col).style = S.group;
      g.getCell(3).value = groupTitle(group);
      continue;
    }
    const t = c.totals[ind.code]!;
    const row = ws.getRow(rowNo);
    const at = (col: keyof typeof SUMMARY_COLS) => row.getCell(SUMMARY_COLS[col]);
    const ref = (col: keyof typeof SUMMARY_COLS) => `${SUMMARY_COLS[col]}${rowNo}`;
    at("seq").value = ++seq;
    at("seq").style = S.center;
    at("code").value = ind.code;
    at("code").style = S.codeText;
    at("name").value = printedName(ind);
    at("name").style = S.text;
    at("unit").value = ind.unit;
    at("unit").style = S.center;
    if (ind.kind === "ratio") {
      const n = SUMMARY_ROWS[ind.numerator!]!;
      const d = SUMMARY_ROWS[ind.denominator!]!;
      at("current").value = formula(ratioFormula(`E${n}`, `E${d}`), t.current);
      at("prior").value = formula(ratioFormula(`F${n}`, `F${d}`), t.prior);
      at("target").value = formula(ratioFormula(`I${n}`, `I${d}`), t.target);
      for (const col of ["current", "prior", "target"] as const) at(col).style = S.ratio;
      // Rounded to the 0.01 point it prints with, so a change of -0.004 points reads 0.00, not "-0.00个百分点".
      at("delta").value = formula(`IF(AND(ISNUMBER(${ref("current")}),ISNUMBER(${ref("prior")})),ROUND((${ref("current")}-${ref("prior")})*100,2),"—")`, t.change === null ? "—" : roundPoints(t.change));
      at("delta").style = S.points;
      at("growth").value = "—";
      at("growth").style = S.center;
      for (const col of ["completion", "schedule", "pace"] as const) {
        at(col).value = "—";
        at(col).style = S.center;
      }
      at("note").value = RATIO_NOTE;
      at("note").style = S.textWrap;
      row.height = rowHeightFor(RATIO_NOTE, NOTE_WIDTH, 10);
      continue;
    }
    at("current").value = formula(sumFormula(range(ind.code, "current")), t.current);
    at("prior").value = formula(sumFormula(range(ind.code, "prior"), range(ind.code, "current")), t.prior);
    // The consolidating unit's own target (target table) is its own figure, not a sum over the units.
    at("target").value = t.assigned ? t.target : formula(sumFormula(range(ind.code, "target"), range(ind.code, "current")), t.target);
    for (const col of ["current", "prior", "target"] as const) at(col).style = valueStyle(ind);
    at("delta").value = formula(`IF(AND(ISNUMBER(${ref("current")}),ISNUMBER(${ref("prior")})),${ref("current")}-${ref("prior")},"—")`, t.delta ?? "—");
    at("delta").style = valueStyle(ind);
    at("growth").value = formula(growthFormula(ref("current"), ref("prior")), t.growth ?? t.growthLabel);
    at("growth").style = S.percent;
    at("completion").value = formula(`IF(AND(ISNUMBER(${ref("current")}),N(${ref("target")})>0),${ref("current")}/${ref("target")},"—")`, t.completion ?? "—");
    at("completion").style = S.percent;
    at("schedule").value = c.schedule ?? "—";
    at("schedule").style = c.schedule === null ? S.center : S.percent;
    at("pace").value = formula(paceFormula(ref("completion"), ref("schedule")), paceText(t.completion, c.schedule));
    at("pace").style = S.textWrap;
    const gaps = [t.units.prior < t.units.current ? `${t.units.current - t.units.prior}个未填上年同期` : "", t.units.target < t.units.current ? `${t.units.current - t.units.target}个无目标` : ""].filter(Boolean);
    at("note").value = `${t.units.current}个单位填报${gaps.length ? `，其中${gaps.join("、")}` : ""}${t.assigned ? "；全年目标为上级下达" : ""}`;
    at("note").style = S.textWrap;
    row.height = Math.max(15, rowHeightFor(String(at("note").value), NOTE_WIDTH, 10), rowHeightFor(paceText(t.completion, c.schedule), PACE_WIDTH, 10));
  }
  const lastRow = SUMMARY_ROWS[INDICATORS[INDICATORS.length - 1]!.code]!;
  // Under the table: how the figures are made, then the lines the bureau signs.
  const hintRow = lastRow + 1;
  ws.mergeCells(`A${hintRow}:${SUMMARY_COLS.note}${hintRow}`);
  ws.getCell(`A${hintRow}`).value = HINT;
  ws.getCell(`A${hintRow}`).style = S.note;
  ws.getRow(hintRow).height = rowHeightFor(HINT, TABLE_WIDTH, 9);
  const signRow = lastRow + 3;
  ws.mergeCells(`A${signRow}:${SUMMARY_COLS.note}${signRow}`);
  ws.getCell(`A${signRow}`).value = signatureLine(c.meta);
  ws.getCell(`A${signRow}`).style = S.signature;
  ws.getRow(signRow).height = 20;
  redWhenNegative(ws, `G${SUMMARY_HEADER_ROW + 1}:H${lastRow}`, 1);
  ws.commit();
}
