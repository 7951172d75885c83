/** 排名: the headline indicators, units in order, with data bars and colour scales. */
import ExcelJS from "exceljs";
import { INDICATORS } from "../../catalog";
import { columnLetter } from "../../grid";
import type { ValueColumn } from "../../layout";
import type { UnitEntry } from "../merge";
import { DETAIL, FOOTER, PRINT, RED_FONT, REPORT_SHEETS, S, detailColumn, formula, growthCached, growthFormula, q, titleRows, valueStyle, type Ctx } from "./shared";

export async function writeRanking(wb: ExcelJS.Workbook, ctx: Ctx): Promise<void> {
  const heads = INDICATORS.filter((i) => i.headline);
  const width = 5; // 名次, 单位, 本期, 同比增长, spacer
  const lastCol = columnLetter(heads.length * width - 1);
  const ws = wb.addWorksheet(REPORT_SHEETS.ranking, {
    views: [{ state: "frozen", xSplit: 0, ySplit: 4, showGridLines: false }],
    // Four indicator blocks a page and 40 units a column: no page holds a lone row or half a block.
    pageSetup: { ...PRINT, fitToWidth: 0, fitToHeight: 0, fitToPage: false, scale: 62, printTitlesRow: "3:4" },
    headerFooter: FOOTER,
  });
  ws.columns = heads.flatMap(() => [{ width: 6 }, { width: 16 }, { width: 13 }, { width: 10 }, { width: 6 }]);
  titleRows(ws, ctx, columnLetter(Math.min(heads.length, 4) * width - 1), `${ctx.title}——主要指标排名`, 4 * 51);
  const reported = ctx.units.map((u, i) => ({ u, i })).filter((x) => x.u.report);
  const orders = heads.map((ind) => {
    const cur = (x: { u: UnitEntry }) => x.u.report!.record.values[ind.code]?.current ?? null;
    const sorted = [...reported].sort((a, b) => (cur(b) ?? -Infinity) - (cur(a) ?? -Infinity) || a.i - b.i);
    // Competition ranking (1, 2, 2, 4): equal figures share a place.
    const ranks: (number | null)[] = [];
    sorted.forEach((x, k) => {
      const v = cur(x);
      ranks.push(v === null ? null : k > 0 && cur(sorted[k - 1]!) === v ? ranks[k - 1]! : k + 1);
    });
    return { ind, sorted, ranks };
  });
  const h = ws.getRow(3);
  const sh = ws.getRow(4);
  heads.forEach((ind, b) => {
    const c0 = b * width + 1;
    ws.mergeCells(`${columnLetter(c0)}3:${columnLetter(c0 + 3)}3`);
    h.getCell(c0).value = `${ind.name}（${ind.unit}）`;
    for (let k = 0; k < 4; k++) {
      h.getCell(c0 + k).style = S.header;
      sh.getCell(c0 + k).value = ["名次", "单位", "本期", "同比增长"][k]!;
      sh.getCell(c0 + k).style = S.header;
    }
  });
  h.height = 30;
  const dRef = (code: string, kind: ValueColumn, unitIndex: number) => `${q(REPORT_SHEETS.detail)}!${detailColumn(code, kind)}${DETAIL.firstRow + unitIndex}`;
  for (let k = 0; k < reported.length; k++) {
    const row = ws.getRow(5 + k);
    orders.forEach(({ ind, sorted, ranks }, b) => {
      const x = sorted[k]!;
      const c0 = b * width + 1;
      const v = x.u.report!.record.values[ind.code];
      const rank = row.getCell(c0);
      if (ranks[k] !== null) rank.value = ranks[k]!;
      rank.style = S.center;
      row.getCell(c0 + 1).value = x.u.name;
      row.getCell(c0 + 1).style = S.text;
      const cur = row.getCell(c0 + 2);
      cur.value = formula(dRef(ind.code, "current", x.i), v?.current ?? null);
      cur.style = valueStyle(ind);
      const g = row.getCell(c0 + 3);
      g.value = formula(growthFormula(dRef(ind.code, "current", x.i), dRef(ind.code, "prior", x.i)), growthCached(v?.current ?? null, v?.prior ?? null));
      g.style = S.percent;
    });
    row.commit();
  }
  if (reported.length === 0) {
    ws.getCell("A5").value = "暂无已报送的单位。";
  }
  const last = 4 + Math.max(reported.length, 1);
  heads.forEach((_, b) => {
    const c0 = b * width + 1;
    const val = `${columnLetter(c0 + 2)}5:${columnLetter(c0 + 2)}${last}`;
    const gr = `${columnLetter(c0 + 3)}5:${columnLetter(c0 + 3)}${last}`;
    ws.addConditionalFormatting({
      ref: val,
      rules: [{ type: "dataBar", priority: 10 + b, cfvo: [{ type: "min" }, { type: "max" }], color: { argb: "FF5B9BD5" }, gradient: true } as ExcelJS.DataBarRuleType],
    });
    ws.addConditionalFormatting({
      ref: gr,
      rules: [
        { type: "cellIs", operator: "lessThan", formulae: ["0"], style: RED_FONT, priority: 30 + b },
        { type: "colorScale", priority: 50 + b, cfvo: [{ type: "min" }, { type: "num", value: 0 }, { type: "max" }], color: [{ argb: "FFF8696B" }, { argb: "FFFFFFFF" }, { argb: "FF63BE7B" }] } as ExcelJS.ColorScaleRuleType,
      ],
    });
  });
  ws.commit();
}

