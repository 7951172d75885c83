/**
 * What every sheet of the city workbook shares: sheet names, column maps,
 * number formats, the shared style objects, print setup and the formula
 * helpers (growth, ratio, sum) whose text the tests pin down.
 */
// @ts-nocheck

import type * as Xlsx from "../../xlsx/writer/types";
import type { Indicator } from "../../catalog";
import { BUILTIN, type Catalogue } from "../../catalogue";
import { numberFormat } from "../../build";
import { COLORS, FONT, rowHeightFor, solid, THIN_BORDER } from "../../style";
import { columnLetter } from "../../grid";
import { INDICATOR_FIRST_ROW, layoutOf, type ValueColumn } from "../../layout";
import { growthLabel, growthOf } from "../growth";
import type { Consolidation, UnitEntry } from "../merge";

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
/** 合计 is the first data row (it prints on the first page, never alone on the last), units follow. */
export const DETAIL = { headerRow: 3, subHeaderRow: 4, totalRow: 5, firstRow: 6, fixedCols: 4 } as const;
/** Where a catalogue's indicators go on 分单位明细 and 汇总, computed once per catalogue: rows are written per unit. */
export interface SheetLayout {
  /** Column number of each indicator's value on the detail sheet. */
  DETAIL_COLUMNS: ReadonlyMap<string, Record<ValueColumn, number>>;
  /** Column letter of an indicator's value on the detail sheet. */
  detailColumn(code: string, kind: ValueColumn): string;
  /** Row of each indicator on 汇总. */
  SUMMARY_ROWS: Record<string, number>;
}
const SHEET_LAYOUTS = new WeakMap<Catalogue, SheetLayout>();

/** The detail columns and summary rows of a catalogue (memoised per catalogue value). */
export function sheetLayout(cat: Catalogue = BUILTIN): SheetLayout {
  const known = SHEET_LAYOUTS.get(cat);
  if (known) return known;
  const columns = new Map(cat.indicators.map((ind, i) => [ind.code, { current: DETAIL.fixedCols + 1 + i * 3, prior: DETAIL.fixedCols + 2 + i * 3, target: DETAIL.fixedCols + 3 + i * 3 }]));
  const letters = new Map([...columns].map(([code, cols]) => [code, { current: columnLetter(cols.current), prior: columnLetter(cols.prior), target: columnLetter(cols.target) }]));
  const layout: SheetLayout = {
    DETAIL_COLUMNS: columns,
    detailColumn: (code, kind) => {
      const l = letters.get(code);
      if (!l) throw new Error(`unknown indicator ${code}`);
      return l[kind];
    },
    SUMMARY_ROWS: Object.fromEntries(layoutOf(cat).rows.filter((r) => r.indicator).map((r) => [r.indicator!.code, r.row + SUMMARY_ROW_SHIFT])),
  };
  SHEET_LAYOUTS.set(cat, layout);
  return layout;
}

/** Column letter of an indicator's value on the built-in detail sheet. */
export function detailColumn(code: string, kind: ValueColumn): string {
  return sheetLayout(BUILTIN).detailColumn(code, kind);
}

/** Summary sheet columns. */
/** 序时进度 (schedule) and 较序时进度 (pace: "落后序时进度 x 个百分点") stand beside 完成率 (templates/targets/schedule.ts). */
export const SUMMARY_COLS = { seq: "A", code: "B", name: "C", unit: "D", current: "E", prior: "F", delta: "G", growth: "H", target: "I", completion: "J", schedule: "K", pace: "L", note: "M" } as const;
export const SUMMARY_HEADER_ROW = 4;
/** 汇总 has the template's indicator rows (group headings in between), right under its header row. */
export const SUMMARY_ROW_SHIFT = SUMMARY_HEADER_ROW + 1 - INDICATOR_FIRST_ROW;
/** Row of each built-in indicator on 汇总. */
export const SUMMARY_ROWS: Record<string, number> = sheetLayout(BUILTIN).SUMMARY_ROWS;
/** Column number of each built-in indicator's value on the detail sheet. */
export const DETAIL_COLUMNS = sheetLayout(BUILTIN).DETAIL_COLUMNS;

const BORDER = THIN_BORDER;

// Shared style objects: exceljs' writer caches style ids by object identity, so
// cells share these (never mutate them per cell).
const MIDDLE: Partial<Xlsx.Alignment> = { vertical: "middle" };

export const S = {
  title: { font: { name: FONT, size: 16, bold: true }, alignment: { horizontal: "center", vertical: "middle" } },
  subtitle: { font: { name: FONT, size: 10 }, alignment: { horizontal: "left", vertical: "middle", wrapText: true } },
  header: { font: { name: FONT, size: 10, bold: true }, fill: solid(COLORS.header), border: BORDER, alignment: { horizontal: "center", vertical: "middle", wrapText: true } },
  group: { font: { name: FONT, size: 10, bold: true }, fill: solid(COLORS.group), border: BORDER },
  // Table cells are centred vertically: in a row made tall by a wrapped 备注, a name and its figures stay on one line.
  text: { font: { name: FONT, size: 10 }, border: BORDER, alignment: { vertical: "middle" } },
  textWrap: { font: { name: FONT, size: 10 }, border: BORDER, alignment: { vertical: "middle", wrapText: true } },
  center: { font: { name: FONT, size: 10 }, border: BORDER, alignment: { horizontal: "center", vertical: "middle" } },
  codeText: { font: { name: FONT, size: 10, color: { argb: "FF808080" } }, border: BORDER, alignment: { horizontal: "center", vertical: "middle" }, numFmt: "@" },
  count: { font: { name: FONT, size: 10 }, border: BORDER, alignment: MIDDLE, numFmt: NUMFMT.count },
  amount: { font: { name: FONT, size: 10 }, border: BORDER, alignment: MIDDLE, numFmt: NUMFMT.amount },
  ratio: { font: { name: FONT, size: 10 }, border: BORDER, alignment: MIDDLE, numFmt: NUMFMT.ratio, fill: solid(COLORS.ratio) },
  percent: { font: { name: FONT, size: 10 }, border: BORDER, numFmt: NUMFMT.percent, alignment: { horizontal: "right", vertical: "middle" } },
  points: { font: { name: FONT, size: 10 }, border: BORDER, numFmt: NUMFMT.points, alignment: { horizontal: "right", vertical: "middle" } },
  totalLabel: { font: { name: FONT, size: 10, bold: true }, fill: solid(COLORS.input), border: BORDER, alignment: { horizontal: "center" } },
  totalCount: { font: { name: FONT, size: 10, bold: true }, fill: solid(COLORS.input), border: BORDER, numFmt: NUMFMT.count },
  totalAmount: { font: { name: FONT, size: 10, bold: true }, fill: solid(COLORS.input), border: BORDER, numFmt: NUMFMT.amount },
  totalRatio: { font: { name: FONT, size: 10, bold: true }, fill: solid(COLORS.input), border: BORDER, numFmt: NUMFMT.ratio },
  missing: { font: { name: FONT, size: 10, color: { argb: "FFC00000" }, bold: true }, fill: solid("FFFCE4D6"), border: BORDER, alignment: { horizontal: "center" } },
  warned: { font: { name: FONT, size: 10, color: { argb: "FF9C5700" } }, fill: solid("FFFFEB9C"), border: BORDER, alignment: { horizontal: "center" } },
  ok: { font: { name: FONT, size: 10, color: { argb: "FF006100" } }, fill: solid("FFC6EFCE"), border: BORDER, alignment: { horizontal: "center" } },
  sectionTitle: { font: { name: FONT, size: 12, bold: true } },
  unitTitle: { font: { name: FONT, size: 14, bold: true }, fill: solid(COLORS.header), alignment: { wrapText: true, vertical: "middle" } },
  narrativeTitle: { font: { name: FONT, size: 14, bold: true }, alignment: { horizontal: "center", vertical: "middle", wrapText: true } },
  narrative: { font: { name: FONT, size: 11 }, alignment: { wrapText: true, vertical: "top" } },
  note: { font: { name: FONT, size: 9, color: { argb: "FF808080" } }, alignment: { wrapText: true, vertical: "top" } },
  formLine: { font: { name: FONT, size: 9, color: { argb: "FF595959" } }, alignment: { horizontal: "left", vertical: "middle" } },
  signature: { font: { name: FONT, size: 11 }, alignment: { horizontal: "left", vertical: "middle" } },
} satisfies Record<string, Partial<Xlsx.Style>>;

export function valueStyle(ind: Indicator, total = false): Partial<Xlsx.Style> {
  if (ind.kind === "ratio") return total ? S.totalRatio : S.ratio;
  if (ind.kind === "count") return total ? S.totalCount : S.count;
  return total ? S.totalAmount : S.amount;
}

/** Write a row's cells from column 1, each with its style; a null value leaves the cell empty. */
export function putCells(row: Xlsx.Row, cells: readonly (readonly [value: Xlsx.CellValue, style: Partial<Xlsx.Style>])[]): void {
  cells.forEach(([value, style], k) => {
    const cell = row.getCell(k + 1);
    if (value !== null) cell.value = value;
    cell.style = style;
  });
}
export const headerCells = (row: Xlsx.Row, titles: readonly string[]) => putCells(row, titles.map((t) => [t, S.header] as const));
export const statusStyle = (u: UnitEntry) => (u.status === "missing" ? S.missing : u.unlisted || u.warnings ? S.warned : S.ok);

export const RED_FONT: Partial<Xlsx.Style> = { font: { color: { argb: "FFC00000" } } };
export function redWhenNegative(ws: Xlsx.Worksheet, ref: string, priority: number): void {
  ws.addConditionalFormatting({ ref, rules: [{ type: "cellIs", operator: "lessThan", formulae: ["0"], style: RED_FONT, priority }] });
}

export const PRINT: Partial<Xlsx.PageSetup> = {
  paperSize: 9,
  orientation: "landscape",
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
  // Numbering starts again on every sheet ("第1页" of 分单位明细 is its own first page).
  firstPageNumber: 1,
  margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
};
/** Page numbers of the sheet ("第1页 共3页"); the sheet name on the left so loose pages find their place. */
export const FOOTER = { oddFooter: "&L&A&C第&P页 共&N页" };

export type Cached = number | string;
export const formula = (f: string, result: number | string | null): Xlsx.CellFormulaValue => ({ formula: f, result: (result ?? "") as Cached } as Xlsx.CellFormulaValue);
export const q = (sheet: string) => `'${sheet}'`;

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
export const growthCached = (cur: number | null, prior: number | null): Cached => growthOf(cur, prior) ?? growthLabel(cur, prior)!;

export interface Ctx {
  c: Consolidation;
  units: readonly UnitEntry[];
  lastUnitRow: number;
  totalRow: number;
  title: string;
  subtitle: string;
  /** The bureau's time zone for every time shown (templates/time.ts). */
  timeZone?: string;
}

/** Title and subtitle over columns A…lastCol; the subtitle wraps within `width` characters (never spills onto extra pages). */
export function titleRows(ws: Xlsx.Worksheet, ctx: Ctx, lastCol: string, heading: string, width = 120): void {
  ws.mergeCells(`A1:${lastCol}1`);
  const t = ws.getCell("A1");
  t.value = heading;
  t.style = S.title;
  ws.getRow(1).height = 30;
  ws.mergeCells(`A2:${lastCol}2`);
  const s = ws.getCell("A2");
  s.value = ctx.subtitle;
  s.style = S.subtitle;
  ws.getRow(2).height = rowHeightFor(ctx.subtitle, width, 10);
}

