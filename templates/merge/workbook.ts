/**
 * The consolidation workbook (汇总表), bytes out: the report sheets a clerk
 * reads, audits and prints (汇总, 分单位明细, 排名, 报送情况, 校验问题,
 * 文字材料汇编) plus the standard template sheets filled with the totals, so the
 * file is itself a valid report for the next level up.
 *
 * Written with exceljs' streaming writer: rows are committed as they are
 * written, so memory stays flat in the number of units. Totals, growth and
 * ratios are live formulas over 分单位明细 with their values cached.
 * (The streaming writer needs Node streams: server and command line only.)
 */
import ExcelJS from "exceljs";
import { INDICATORS, NARRATIVE_SECTIONS, type Indicator } from "../catalog";
import { addTemplateSheets, numberFormat, type TemplateFill } from "../build";
import { COLORS, FONT, solid, THIN_BORDER } from "../style";
import { columnLetter } from "../grid";
import { COLUMN_TITLES, INDICATOR_FIRST_ROW, INDICATOR_ROWS, VALUE_COLUMNS, groupTitle, printedName, type ValueColumn } from "../layout";
import { spanLabel } from "../period";
import type { ReportRecord } from "../record";
import { growthLabel, growthOf, ratioOf } from "./growth";
import { splitText, type Consolidation, type Rejection, type UnitEntry } from "./merge";
import { ROSTER_HEADERS, ROSTER_SHEET, type RosterUnit } from "./roster";

export const REPORT_SHEETS = {
  summary: "汇总",
  detail: "分单位明细",
  ranking: "排名",
  status: "报送情况",
  issues: "校验问题",
  narrative: "文字材料汇编",
} as const;

/** Number formats: 万元/亿元 two decimals, counts whole, % one decimal. */
export const NUMFMT = {
  count: numberFormat("count"),
  amount: numberFormat("amount"),
  ratio: "0.0%",
  percent: "0.0%",
  points: '+0.00"个百分点";-0.00"个百分点";0.00"个百分点"',
} as const;

/** Detail sheet: fixed columns, then three per indicator (本期, 上年同期, 全年目标). */
export const DETAIL = { headerRow: 3, subHeaderRow: 4, firstRow: 5, fixedCols: 4 } as const;
/** Column number of each indicator's value on the detail sheet, computed once: rows are written per unit. */
const DETAIL_COLUMNS = new Map(INDICATORS.map((ind, i) => [ind.code, { current: DETAIL.fixedCols + 1 + i * 3, prior: DETAIL.fixedCols + 2 + i * 3, target: DETAIL.fixedCols + 3 + i * 3 }]));
const DETAIL_LETTERS = new Map([...DETAIL_COLUMNS].map(([code, cols]) => [code, { current: columnLetter(cols.current), prior: columnLetter(cols.prior), target: columnLetter(cols.target) }]));

/** Column letter of an indicator's value on the detail sheet. */
export function detailColumn(code: string, kind: ValueColumn): string {
  const letters = DETAIL_LETTERS.get(code);
  if (!letters) throw new Error(`unknown indicator ${code}`);
  return letters[kind];
}

/** Summary sheet columns. */
export const SUMMARY_COLS = { seq: "A", code: "B", name: "C", unit: "D", current: "E", prior: "F", delta: "G", growth: "H", target: "I", completion: "J", note: "K" } as const;
export const SUMMARY_HEADER_ROW = 4;
/** 汇总 has the template's indicator rows (group headings in between), right under its header row. */
const SUMMARY_ROW_SHIFT = SUMMARY_HEADER_ROW + 1 - INDICATOR_FIRST_ROW;
/** Row of each indicator on 汇总. */
export const SUMMARY_ROWS: Record<string, number> = Object.fromEntries(INDICATOR_ROWS.filter((r) => r.indicator).map((r) => [r.indicator!.code, r.row + SUMMARY_ROW_SHIFT]));

const BORDER = THIN_BORDER;

// Shared style objects: exceljs' writer caches style ids by object identity, so
// cells share these (never mutate them per cell).
const S = {
  title: { font: { name: FONT, size: 16, bold: true }, alignment: { horizontal: "center", vertical: "middle" } },
  subtitle: { font: { name: FONT, size: 10 }, alignment: { horizontal: "left", vertical: "middle" } },
  header: { font: { name: FONT, size: 10, bold: true }, fill: solid(COLORS.header), border: BORDER, alignment: { horizontal: "center", vertical: "middle", wrapText: true } },
  group: { font: { name: FONT, size: 10, bold: true }, fill: solid(COLORS.group), border: BORDER },
  text: { font: { name: FONT, size: 10 }, border: BORDER, alignment: { vertical: "top" } },
  textWrap: { font: { name: FONT, size: 10 }, border: BORDER, alignment: { vertical: "top", wrapText: true } },
  center: { font: { name: FONT, size: 10 }, border: BORDER, alignment: { horizontal: "center", vertical: "top" } },
  codeText: { font: { name: FONT, size: 10, color: { argb: "FF808080" } }, border: BORDER, alignment: { horizontal: "center" }, numFmt: "@" },
  count: { font: { name: FONT, size: 10 }, border: BORDER, numFmt: NUMFMT.count },
  amount: { font: { name: FONT, size: 10 }, border: BORDER, numFmt: NUMFMT.amount },
  ratio: { font: { name: FONT, size: 10 }, border: BORDER, numFmt: NUMFMT.ratio, fill: solid(COLORS.ratio) },
  percent: { font: { name: FONT, size: 10 }, border: BORDER, numFmt: NUMFMT.percent, alignment: { horizontal: "right" } },
  points: { font: { name: FONT, size: 10 }, border: BORDER, numFmt: NUMFMT.points, alignment: { horizontal: "right" } },
  totalLabel: { font: { name: FONT, size: 10, bold: true }, fill: solid(COLORS.input), border: BORDER, alignment: { horizontal: "center" } },
  totalCount: { font: { name: FONT, size: 10, bold: true }, fill: solid(COLORS.input), border: BORDER, numFmt: NUMFMT.count },
  totalAmount: { font: { name: FONT, size: 10, bold: true }, fill: solid(COLORS.input), border: BORDER, numFmt: NUMFMT.amount },
  totalRatio: { font: { name: FONT, size: 10, bold: true }, fill: solid(COLORS.input), border: BORDER, numFmt: NUMFMT.ratio },
  missing: { font: { name: FONT, size: 10, color: { argb: "FFC00000" }, bold: true }, fill: solid("FFFCE4D6"), border: BORDER, alignment: { horizontal: "center" } },
  warned: { font: { name: FONT, size: 10, color: { argb: "FF9C5700" } }, fill: solid("FFFFEB9C"), border: BORDER, alignment: { horizontal: "center" } },
  ok: { font: { name: FONT, size: 10, color: { argb: "FF006100" } }, fill: solid("FFC6EFCE"), border: BORDER, alignment: { horizontal: "center" } },
  sectionTitle: { font: { name: FONT, size: 12, bold: true } },
  unitTitle: { font: { name: FONT, size: 14, bold: true }, fill: solid(COLORS.header) },
  narrative: { font: { name: FONT, size: 11 }, alignment: { wrapText: true, vertical: "top" } },
  note: { font: { name: FONT, size: 9, color: { argb: "FF808080" } }, alignment: { wrapText: true, vertical: "top" } },
} satisfies Record<string, Partial<ExcelJS.Style>>;

function valueStyle(ind: Indicator, total = false): Partial<ExcelJS.Style> {
  if (ind.kind === "ratio") return total ? S.totalRatio : S.ratio;
  if (ind.kind === "count") return total ? S.totalCount : S.count;
  return total ? S.totalAmount : S.amount;
}

/** Write a row's cells from column 1, each with its style; a null value leaves the cell empty. */
function putCells(row: ExcelJS.Row, cells: readonly (readonly [value: ExcelJS.CellValue, style: Partial<ExcelJS.Style>])[]): void {
  cells.forEach(([value, style], k) => {
    const cell = row.getCell(k + 1);
    if (value !== null) cell.value = value;
    cell.style = style;
  });
}
const headerCells = (row: ExcelJS.Row, titles: readonly string[]) => putCells(row, titles.map((t) => [t, S.header] as const));
const statusStyle = (u: UnitEntry) => (u.status === "missing" ? S.missing : u.unlisted || u.warnings ? S.warned : S.ok);

const RED_FONT: Partial<ExcelJS.Style> = { font: { color: { argb: "FFC00000" } } };
function redWhenNegative(ws: ExcelJS.Worksheet, ref: string, priority: number): void {
  ws.addConditionalFormatting({ ref, rules: [{ type: "cellIs", operator: "lessThan", formulae: ["0"], style: RED_FONT, priority }] });
}

const PRINT: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: "landscape",
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
  margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
};
const FOOTER = { oddFooter: "&C第 &P 页，共 &N 页" };

type Cached = number | string;
const formula = (f: string, result: number | string | null): ExcelJS.CellFormulaValue => ({ formula: f, result: (result ?? "") as Cached } as ExcelJS.CellFormulaValue);
const q = (sheet: string) => `'${sheet}'`;

/**
 * Formula text of growth over two cells, with no #DIV/0!: "新增" only over a true 0 base,
 * "—" where last year is unknown (an empty total) or both are 0.
 */
export function growthFormula(cur: string, prior: string): string {
  return `IF(AND(ISNUMBER(${cur}),ISNUMBER(${prior}),N(${prior})>0),(${cur}-${prior})/${prior},IF(AND(ISNUMBER(${prior}),N(${prior})=0,N(${cur})>0),"新增","—"))`;
}
/** A ratio over two cells; "" without a positive denominator. */
export function ratioFormula(num: string, den: string): string {
  return `IF(AND(ISNUMBER(${num}),N(${den})>0),${num}/${den},"")`;
}
/**
 * A total over a range that stays empty (not 0) when no unit has the figure; with
 * `complete`, also empty unless every unit with a 本期 (that range) has one.
 */
export function sumFormula(range: string, complete?: string): string {
  return complete ? `IF(OR(COUNT(${range})=0,COUNT(${range})<COUNT(${complete})),"",SUM(${range}))` : `IF(COUNT(${range})=0,"",SUM(${range}))`;
}
const growthCached = (cur: number | null, prior: number | null): Cached => growthOf(cur, prior) ?? growthLabel(cur, prior)!;

export interface WorkbookOptions {
  /** Inputs refused before the merge (unreadable, errors): listed on 报送情况. */
  rejected?: readonly Rejection[];
  /** When the workbook was made (shown on the sheets); default: none shown. */
  generatedAt?: string;
}

/**
 * Write the consolidation workbook.
 * @returns the .xlsx bytes.
 */
export async function writeConsolidationWorkbook(c: Consolidation, options: WorkbookOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ useStyles: true, useSharedStrings: true });
  wb.creator = "huizong";
  const fixed = c.meta.date ? new Date(`${c.meta.date}T00:00:00Z`) : new Date(Date.UTC(2026, 0, 1));
  wb.created = fixed;
  wb.modified = fixed;

  const units = c.units;
  const lastUnitRow = DETAIL.firstRow + Math.max(units.length, 1) - 1;
  const totalRow = lastUnitRow + 1;
  const title = `${c.unit.name}${c.period.label}科技工作情况汇总表`;
  const subtitle = `汇总单位：${c.unit.name}（区划代码 ${c.unit.code}）　报告期：${c.period.label}　${
    c.counts.expected !== null ? `应报${c.counts.expected}个单位，` : ""
  }已报${c.counts.submitted}个${c.counts.expected !== null ? `，缺报${c.counts.missing}个` : ""}${c.counts.unlisted ? `，名单外${c.counts.unlisted}个` : ""}${
    options.generatedAt ? `　生成时间：${options.generatedAt}` : ""
  }`;
  const ctx: Ctx = { c, units, lastUnitRow, totalRow, title, subtitle };

  await writeSummary(wb, ctx);
  await writeDetail(wb, ctx);
  await writeRanking(wb, ctx);
  await writeStatus(wb, ctx, options.rejected ?? []);
  await writeIssues(wb, ctx);
  await writeNarrative(wb, ctx);

  const tpl = await addTemplateSheets(wb, { fill: fillFromRecord(c.record) });
  for (const ws of tpl) ws.commit();
  await wb.commit();
  const stream = (wb as unknown as { stream: { read(): Uint8Array | null } }).stream;
  const out = stream.read();
  return out ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength) : new Uint8Array();
}

interface Ctx {
  c: Consolidation;
  units: readonly UnitEntry[];
  lastUnitRow: number;
  totalRow: number;
  title: string;
  subtitle: string;
}

/** The template fill of a consolidation record (cover, totals, notes, narrative). */
export function fillFromRecord(r: ReportRecord): TemplateFill {
  const values: NonNullable<TemplateFill["values"]> = {};
  const notes: Record<string, string> = {};
  for (const [code, v] of Object.entries(r.values)) {
    values[code] = { current: v.current, prior: v.prior, target: v.target };
    if (v.note) notes[code] = v.note;
  }
  const cover: NonNullable<TemplateFill["cover"]> = {
    unitName: r.unit.name,
    divisionCode: r.unit.code,
    unitType: r.unit.type,
    year: r.period.year,
    periodSpan: spanLabel(r.period),
    preparer: r.meta.preparer,
    phone: r.meta.phone,
    head: r.meta.head,
  };
  if (r.meta.date) cover.date = new Date(`${r.meta.date}T00:00:00Z`);
  return { cover, values, notes, narrative: r.narrative };
}

function titleRows(ws: ExcelJS.Worksheet, ctx: Ctx, lastCol: string, heading: string): void {
  ws.mergeCells(`A1:${lastCol}1`);
  const t = ws.getCell("A1");
  t.value = heading;
  t.style = S.title;
  ws.getRow(1).height = 30;
  ws.mergeCells(`A2:${lastCol}2`);
  const s = ws.getCell("A2");
  s.value = ctx.subtitle;
  s.style = S.subtitle;
}

async function writeSummary(wb: ExcelJS.Workbook, ctx: Ctx): Promise<void> {
  const { c } = ctx;
  const ws = wb.addWorksheet(REPORT_SHEETS.summary, {
    views: [{ state: "frozen", xSplit: 3, ySplit: SUMMARY_HEADER_ROW, showGridLines: false }],
    pageSetup: { ...PRINT, printTitlesRow: `1:${SUMMARY_HEADER_ROW}` },
    headerFooter: FOOTER,
  });
  ws.columns = [{ width: 6 }, { width: 8 }, { width: 30 }, { width: 8 }, { width: 15 }, { width: 15 }, { width: 15 }, { width: 11 }, { width: 15 }, { width: 10 }, { width: 26 }];
  titleRows(ws, ctx, SUMMARY_COLS.note, `${ctx.title}`);
  ws.mergeCells(`A3:${SUMMARY_COLS.note}3`);
  const hint = ws.getCell("A3");
  hint.value = "本表数字为公式：合计取自“分单位明细”，比重由合计后的分子、分母重新计算，同比增长=(本期−上年同期)/上年同期，比重类指标的增减以百分点表示；上年同期为0或空的显示“新增”或“—”。";
  hint.style = S.note;
  ws.getRow(3).height = 28;
  const head = ws.getRow(SUMMARY_HEADER_ROW);
  headerCells(head, ["序号", "指标代码", "指标名称", "计量单位", "本期", "上年同期", "增减量", "同比增长", "全年目标", "完成率", "备注"]);
  head.height = 24;

  const first = DETAIL.firstRow;
  const last = ctx.lastUnitRow;
  const range = (code: string, kind: ValueColumn) => `${q(REPORT_SHEETS.detail)}!${detailColumn(code, kind)}${first}:${detailColumn(code, kind)}${last}`;
  let seq = 0;
  for (const { row: templateRow, group, indicator: ind } of INDICATOR_ROWS) {
    const rowNo = templateRow + SUMMARY_ROW_SHIFT;
    if (!ind) {
      const g = ws.getRow(rowNo);
      for (let col = 1; col <= 11; col++) g.getCell(col).style = S.group;
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
      at("delta").value = formula(`IF(AND(ISNUMBER(${ref("current")}),ISNUMBER(${ref("prior")})),(${ref("current")}-${ref("prior")})*100,"—")`, t.change ?? "—");
      at("delta").style = S.points;
      at("growth").value = "—";
      at("growth").style = S.center;
      at("completion").value = "—";
      at("completion").style = S.center;
      at("note").value = "比重由合计后的分子、分母计算，增减为百分点";
      at("note").style = S.textWrap;
      continue;
    }
    at("current").value = formula(sumFormula(range(ind.code, "current")), t.current);
    at("prior").value = formula(sumFormula(range(ind.code, "prior"), range(ind.code, "current")), t.prior);
    at("target").value = formula(sumFormula(range(ind.code, "target"), range(ind.code, "current")), t.target);
    for (const col of ["current", "prior", "target"] as const) at(col).style = valueStyle(ind);
    at("delta").value = formula(`IF(AND(ISNUMBER(${ref("current")}),ISNUMBER(${ref("prior")})),${ref("current")}-${ref("prior")},"—")`, t.delta ?? "—");
    at("delta").style = valueStyle(ind);
    at("growth").value = formula(growthFormula(ref("current"), ref("prior")), t.growth ?? t.growthLabel);
    at("growth").style = S.percent;
    at("completion").value = formula(`IF(AND(ISNUMBER(${ref("current")}),N(${ref("target")})>0),${ref("current")}/${ref("target")},"—")`, t.completion ?? "—");
    at("completion").style = S.percent;
    const gaps = [t.units.prior < t.units.current ? `${t.units.current - t.units.prior}个未填上年同期` : "", t.units.target < t.units.current ? `${t.units.current - t.units.target}个无目标` : ""].filter(Boolean);
    at("note").value = `${t.units.current}个单位填报${gaps.length ? `，其中${gaps.join("、")}` : ""}`;
    at("note").style = S.textWrap;
  }
  const lastRow = SUMMARY_ROWS[INDICATORS[INDICATORS.length - 1]!.code]!;
  redWhenNegative(ws, `G${SUMMARY_HEADER_ROW + 1}:H${lastRow}`, 1);
  ws.commit();
}

async function writeDetail(wb: ExcelJS.Workbook, ctx: Ctx): Promise<void> {
  const { units } = ctx;
  const ws = wb.addWorksheet(REPORT_SHEETS.detail, {
    views: [{ state: "frozen", xSplit: 2, ySplit: DETAIL.subHeaderRow, showGridLines: false }],
    pageSetup: { ...PRINT, fitToWidth: 0, fitToHeight: 0, fitToPage: false, scale: 70, printTitlesRow: `${DETAIL.headerRow}:${DETAIL.subHeaderRow}`, printTitlesColumn: "A:B" },
    headerFooter: FOOTER,
  });
  ws.columns = [{ width: 6 }, { width: 18 }, { width: 15 }, { width: 10 }, ...INDICATORS.flatMap(() => [{ width: 12 }, { width: 12 }, { width: 12 }])];
  titleRows(ws, ctx, "N", `${ctx.title}——分单位明细`);
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
  const total = ws.getRow(ctx.totalRow);
  ws.mergeCells(`A${ctx.totalRow}:D${ctx.totalRow}`);
  total.getCell(1).value = `合计（${ctx.c.counts.submitted}个单位）`;
  for (let col = 1; col <= 4; col++) total.getCell(col).style = S.totalLabel;
  for (const ind of INDICATORS) {
    const t = ctx.c.totals[ind.code]!;
    for (const kind of VALUE_COLUMNS) {
      const col = detailColumn(ind.code, kind);
      const cell = total.getCell(DETAIL_COLUMNS.get(ind.code)![kind]);
      cell.style = valueStyle(ind, true);
      cell.value =
        ind.kind === "ratio"
          ? formula(ratioFormula(`${detailColumn(ind.numerator!, kind)}${ctx.totalRow}`, `${detailColumn(ind.denominator!, kind)}${ctx.totalRow}`), t[kind])
          : formula(sumFormula(`${col}${DETAIL.firstRow}:${col}${ctx.lastUnitRow}`, kind === "current" ? undefined : `${detailColumn(ind.code, "current")}${DETAIL.firstRow}:${detailColumn(ind.code, "current")}${ctx.lastUnitRow}`), t[kind]);
    }
  }
  total.commit();
  ws.commit();
}

async function writeRanking(wb: ExcelJS.Workbook, ctx: Ctx): Promise<void> {
  const heads = INDICATORS.filter((i) => i.headline);
  const width = 5; // 名次, 单位, 本期, 同比增长, spacer
  const lastCol = columnLetter(heads.length * width - 1);
  const ws = wb.addWorksheet(REPORT_SHEETS.ranking, {
    views: [{ state: "frozen", xSplit: 0, ySplit: 4, showGridLines: false }],
    pageSetup: { ...PRINT, fitToWidth: 0, fitToHeight: 0, fitToPage: false, scale: 75, printTitlesRow: "3:4" },
    headerFooter: FOOTER,
  });
  ws.columns = heads.flatMap(() => [{ width: 6 }, { width: 16 }, { width: 13 }, { width: 10 }, { width: 3 }]);
  titleRows(ws, ctx, lastCol, `${ctx.title}——主要指标排名`);
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

async function writeStatus(wb: ExcelJS.Workbook, ctx: Ctx, extra: readonly Rejection[]): Promise<void> {
  const { c } = ctx;
  const ws = wb.addWorksheet(REPORT_SHEETS.status, {
    views: [{ state: "frozen", xSplit: 2, ySplit: 3, showGridLines: false }],
    pageSetup: { ...PRINT, printTitlesRow: "3:3" },
    headerFooter: FOOTER,
  });
  ws.columns = [{ width: 6 }, { width: 18 }, { width: 15 }, { width: 15 }, { width: 20 }, { width: 8 }, { width: 10 }, { width: 14 }, { width: 12 }, { width: 20 }, { width: 8 }, { width: 28 }, { width: 40 }];
  titleRows(ws, ctx, "M", `${ctx.title}——报送情况`);
  ws.getRow(1).commit();
  ws.getRow(2).commit();
  const h = ws.getRow(3);
  headerCells(h, ["序号", "单位名称", "区划代码", "上级代码", "报送状态", "警告数", "填报人", "联系电话", "填报日期", "报送时间", "版本", "来源文件", "此前报送（已被替代）"]);
  h.commit();
  let r = 4;
  ctx.units.forEach((u, i) => {
    const row = ws.getRow(r++);
    const rep = u.report;
    const status =
      u.status === "missing"
        ? "未报送"
        : `${u.unlisted ? "名单外（已计入汇总）" : "已报送"}${u.warnings ? `，有${u.warnings}条警告` : ""}${u.reportedCode ? `，报表代码为${u.reportedCode}` : ""}`;
    putCells(row, [
      [i + 1, S.center],
      [u.name, S.text],
      [u.code, S.codeText],
      [u.parent || null, S.codeText],
      [status, statusStyle(u)],
      [rep ? u.warnings : null, S.center],
      [rep?.record.meta.preparer ?? null, S.text],
      [rep?.record.meta.phone ?? null, S.text],
      [rep?.record.meta.date ?? null, S.text],
      [rep?.submittedAt ?? null, S.text],
      [rep ? `第${rep.version}版` : null, S.center],
      [rep?.source ?? null, S.text],
      [u.superseded.length ? u.superseded.map((s) => `第${s.version}版：${s.source ?? s.record.unit.name}${s.submittedAt ? `（${s.submittedAt}）` : ""}`).join("；") : null, S.text],
    ]);
    row.commit();
  });
  const rejected = [...extra, ...c.rejected];
  r++;
  const head2 = ws.getRow(r++);
  head2.getCell(1).value = rejected.length ? `未汇总的文件（${rejected.length}个）` : "未汇总的文件：无";
  head2.getCell(1).style = S.sectionTitle;
  head2.commit();
  if (rejected.length) {
    const hh = ws.getRow(r++);
    headerCells(hh, ["序号", "文件", "原因代码", "原因"]);
    hh.commit();
    rejected.forEach((x, i) => {
      const row = ws.getRow(r++);
      putCells(row, [
        [i + 1, S.center],
        [x.source, S.text],
        [x.code, S.text],
        [x.message, S.textWrap],
      ]);
      row.commit();
    });
  }
  ws.commit();
}

async function writeIssues(wb: ExcelJS.Workbook, ctx: Ctx): Promise<void> {
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

async function writeNarrative(wb: ExcelJS.Workbook, ctx: Ctx): Promise<void> {
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

/** A roster workbook (`huizong roster`, blank by default): 名称, 区划代码, 上级代码. */
export async function buildRosterWorkbook(units: readonly RosterUnit[] = []): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "huizong";
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet(ROSTER_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [{ width: 24 }, { width: 18 }, { width: 18 }, { width: 60 }];
  headerCells(ws.getRow(1), ROSTER_HEADERS);
  ws.getCell("D1").value = "说明：每行一个应报送的单位。区划代码为12位统计用区划代码（乡镇/街道为9位+000）；上级代码为其所属县（市、区）或市的代码。";
  ws.getCell("D1").style = S.note;
  units.forEach((u, i) => {
    ws.getCell(i + 2, 1).value = u.name;
    ws.getCell(i + 2, 2).value = u.code;
    ws.getCell(i + 2, 3).value = u.parent || null;
  });
  // Codes as text so Excel keeps all 12 digits.
  for (let r = 2; r <= Math.max(201, units.length + 1); r++) {
    for (const col of ["B", "C"]) ws.getCell(`${col}${r}`).numFmt = "@";
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
