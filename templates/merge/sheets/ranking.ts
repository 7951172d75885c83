/**
 * 排名: the headline indicators, units in order, with data bars and colour
 * scales. One block of four columns per indicator, blocks stacked down the
 * sheet with a page break after each: a printed page never holds half a block,
 * whatever the application's column metrics (Excel and LibreOffice differ).
 */
import type * as Xlsx from "../../xlsx/writer/types";
import type { ValueColumn } from "../../layout";
import { completionOf } from "../growth";
import { paceFormula, paceText } from "../../targets/schedule";
import { DETAIL, FOOTER, PRINT, RED_FONT, REPORT_SHEETS, S, sheetLayout, formula, growthCached, growthFormula, q, titleRows, valueStyle, type Ctx } from "./shared";

/** First row of block `b` (its heading) when each block holds `units` rows. */
export function rankingBlockRow(b: number, units: number): number {
  return 3 + b * (Math.max(units, 1) + 3);
}

export async function writeRanking(wb: Xlsx.Workbook, ctx: Ctx): Promise<void> {
  const { detailColumn } = sheetLayout(ctx.c.catalogue);
  const heads = ctx.c.catalogue.indicators.filter((i) => i.headline);
  const ws = wb.addWorksheet(REPORT_SHEETS.ranking, {
    views: [{ showGridLines: false }],
    pageSetup: { ...PRINT, orientation: "portrait" },
    headerFooter: FOOTER,
  });
  // 完成率 and 较序时进度 ("落后序时进度 x 个百分点") beside each unit's figure.
  const widths = [6, 20, 14, 10, 10, 25];
  const lastCol = "F";
  const schedule = ctx.c.schedule;
  ws.columns = widths.map((width) => ({ width }));
  titleRows(ws, ctx, lastCol, `${ctx.title}——主要指标排名`, widths.reduce((a, b) => a + b, 0));
  ws.getRow(1).commit();
  ws.getRow(2).commit();
  const reported = ctx.units.map((u, i) => ({ u, i })).filter((x) => x.u.report);
  const n = Math.max(reported.length, 1);
  const detailRef = (code: string, kind: ValueColumn) => `${q(REPORT_SHEETS.detail)}!${detailColumn(code, kind)}`;
  heads.forEach((ind, b) => {
    // Each unit's figures looked up once per block: a keyed lookup into a thousand records, each in
    // its own place in the heap, cost ~1 µs, and the sort and the rows asked for it four times.
    const figures = reported.map((x) => x.u.report!.record.values[ind.code]);
    const current = figures.map((f) => f?.current ?? null);
    const key = current.map((v) => v ?? -Infinity);
    // Sorting is stable: units with equal figures (and those without, -Infinity - -Infinity being NaN, which
    // sorts as equal) keep their order on 分单位明细.
    const order = reported.map((_, k) => k).sort((p, r) => key[r]! - key[p]!);
    const curRef = detailRef(ind.code, "current");
    const priorRef = detailRef(ind.code, "prior");
    const targetRef = detailRef(ind.code, "target");
    const top = rankingBlockRow(b, reported.length);
    const h = ws.getRow(top);
    ws.mergeCells(`A${top}:${lastCol}${top}`);
    h.getCell(1).value = `${ind.name}（${ind.unit}）${schedule === null ? "" : `　序时进度 ${(schedule * 100).toFixed(1)}%`}`;
    for (let k = 1; k <= widths.length; k++) h.getCell(k).style = S.header;
    h.height = 22;
    h.commit();
    const sh = ws.getRow(top + 1);
    ["名次", "单位", "本期", "同比增长", "完成率", "较序时进度"].forEach((t, k) => {
      sh.getCell(k + 1).value = t;
      sh.getCell(k + 1).style = S.header;
    });
    sh.commit();
    // Competition ranking (1, 2, 2, 4): equal figures share a place.
    let rank: number | null = null;
    order.forEach((at, k) => {
      const x = reported[at]!;
      const vals = figures[at];
      const v = current[at] ?? null;
      rank = v === null ? null : k > 0 && current[order[k - 1]!] === v ? rank : k + 1;
      const rowNo = top + 2 + k;
      const detailRow = DETAIL.firstRow + x.i;
      const row = ws.getRow(rowNo);
      if (rank !== null) row.getCell(1).value = rank;
      row.getCell(1).style = S.center;
      row.getCell(2).value = x.u.name;
      row.getCell(2).style = S.text;
      row.getCell(3).value = formula(`${curRef}${detailRow}`, v);
      row.getCell(3).style = valueStyle(ind);
      row.getCell(4).value = formula(growthFormula(`${curRef}${detailRow}`, `${priorRef}${detailRow}`), growthCached(v, vals?.prior ?? null));
      row.getCell(4).style = S.percent;
      const target = `${targetRef}${detailRow}`;
      const completion = completionOf(v, vals?.target ?? null);
      row.getCell(5).value = formula(`IF(AND(ISNUMBER(C${rowNo}),N(${target})>0),C${rowNo}/${target},"—")`, completion ?? "—");
      row.getCell(5).style = S.percent;
      row.getCell(6).value = schedule === null ? "" : formula(paceFormula(`E${rowNo}`, String(schedule)), paceText(completion, schedule));
      row.getCell(6).style = S.text;
      if (k === order.length - 1 && b < heads.length - 1) row.addPageBreak();
      row.commit();
    });
    if (reported.length === 0) {
      const row = ws.getRow(top + 2);
      row.getCell(1).value = "暂无已报送的单位。";
      row.commit();
    }
    const first = top + 2;
    const last = top + 1 + n;
    ws.addConditionalFormatting({
      ref: `C${first}:C${last}`,
      rules: [{ type: "dataBar", priority: 10 + b, cfvo: [{ type: "min" }, { type: "max" }], color: { argb: "FF5B9BD5" }, gradient: true } as Xlsx.DataBarRuleType],
    });
    ws.addConditionalFormatting({
      ref: `D${first}:D${last}`,
      rules: [
        { type: "cellIs", operator: "lessThan", formulae: ["0"], style: RED_FONT, priority: 30 + b },
        { type: "colorScale", priority: 50 + b, cfvo: [{ type: "min" }, { type: "num", value: 0 }, { type: "max" }], color: [{ argb: "FFF8696B" }, { argb: "FFFFFFFF" }, { argb: "FF63BE7B" }] } as Xlsx.ColorScaleRuleType,
      ],
    });
  });
  ws.commit();
}
