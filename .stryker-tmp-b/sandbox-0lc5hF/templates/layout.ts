/**
 * Where everything lives in the template workbook. The builder writes these
 * addresses, the reader reads them and the checks report them, so a layout
 * change happens in this one file.
 */
// @ts-nocheck

import { NARRATIVE_SECTIONS, isOfWhich, type Indicator, type NarrativeKey } from "./catalog";
import { BUILTIN, type Catalogue } from "./catalogue";

export const SHEETS = {
  cover: "封面",
  indicators: "指标",
  narrative: "文字材料",
  instructions: "填表说明",
  /** Very hidden: template id/version and the pick-lists. */
  info: "模板信息",
} as const;

/** Cover fields: label in column B, clerk's input in column C. */
export const COVER_FIELDS = [
  { key: "unitName", label: "填报单位", row: 5 },
  { key: "divisionCode", label: "统计用区划代码", row: 6 },
  { key: "unitType", label: "单位类型", row: 7 },
  { key: "year", label: "统计年度", row: 8 },
  { key: "periodSpan", label: "报告期", row: 9 },
  { key: "preparer", label: "填报人", row: 10 },
  { key: "phone", label: "联系电话", row: 11 },
  { key: "head", label: "单位负责人", row: 12 },
  { key: "date", label: "填报日期", row: 13 },
] as const;
export type CoverKey = (typeof COVER_FIELDS)[number]["key"];
export const COVER_LABEL_COL = "B";
export const COVER_INPUT_COL = "C";

/** Indicator sheet columns. */
export const COLS = {
  seq: "A",
  code: "B",
  name: "C",
  unit: "D",
  current: "E",
  prior: "F",
  target: "G",
  note: "H",
} as const;
export type ValueColumn = "current" | "prior" | "target";
export const VALUE_COLUMNS: readonly ValueColumn[] = ["current", "prior", "target"];
export const COLUMN_TITLES: Record<keyof typeof COLS, string> = {
  seq: "序号",
  code: "指标代码",
  name: "指标名称",
  unit: "计量单位",
  current: "本期",
  prior: "上年同期",
  target: "全年目标",
  note: "备注",
};
/** Chinese statistical-form column labels (甲乙丙丁 for descriptive columns, numbers for data). */
export const COLUMN_MARKS = ["甲", "乙", "丙", "丁", "1", "2", "3", "4"];

export const INDICATOR_HEADER_ROW = 4;
export const INDICATOR_MARK_ROW = 5;
export const INDICATOR_FIRST_ROW = 6;

export interface IndicatorRow {
  kind: "group" | "indicator";
  row: number;
  group: string;
  indicator?: Indicator;
}

/** A catalogue's indicator sheet: rows, addresses and group titles, derived once per catalogue. */
export interface IndicatorLayout {
  /** A header row per group, then its indicators. */
  rows: readonly IndicatorRow[];
  /** Last row of the indicator table. */
  lastRow: number;
  /** Row number of an indicator (throws for a code the catalogue lacks). */
  indicatorRow(code: string): number;
  /** Cell address of an indicator's column ("E12"). */
  indicatorCell(code: string, column: keyof typeof COLS): string;
  /** Group heading text ("一、科技投入"). */
  groupTitle(group: string): string;
  /** True when the catalogue has this indicator. */
  has(code: string): boolean;
}

const LAYOUTS = new WeakMap<Catalogue, IndicatorLayout>();
const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"];

/** The indicator sheet's layout for a catalogue (memoised per catalogue value). */
export function layoutOf(cat: Catalogue = BUILTIN): IndicatorLayout {
  const known = LAYOUTS.get(cat);
  if (known) return known;
  const rows: IndicatorRow[] = [];
  let row = INDICATOR_FIRST_ROW;
  let group: string | null = null;
  for (const ind of cat.indicators) {
    if (ind.group !== group) {
      group = ind.group;
      rows.push({ kind: "group", row: row++, group });
    }
    rows.push({ kind: "indicator", row: row++, group: ind.group, indicator: ind });
  }
  const rowOf = new Map(rows.filter((r) => r.indicator).map((r) => [r.indicator!.code, r.row]));
  const order = cat.groups.map((g) => g.code);
  const indicatorRow = (code: string): number => {
    const r = rowOf.get(code);
    if (r === undefined) throw new Error(`unknown indicator ${code}`);
    return r;
  };
  const layout: IndicatorLayout = {
    rows,
    lastRow: rows.length ? rows[rows.length - 1]!.row : INDICATOR_FIRST_ROW - 1,
    indicatorRow,
    indicatorCell: (code, column) => `${COLS[column]}${indicatorRow(code)}`,
    groupTitle: (g) => `${NUMERALS[order.indexOf(g)] ?? String(order.indexOf(g) + 1)}、${cat.groups.find((x) => x.code === g)?.name ?? g}`,
    has: (code) => rowOf.has(code),
  };
  LAYOUTS.set(cat, layout);
  return layout;
}

const BUILTIN_LAYOUT = layoutOf(BUILTIN);

/** The built-in catalogue's indicator sheet rows: a header row per group, then its indicators. */
export const INDICATOR_ROWS: readonly IndicatorRow[] = BUILTIN_LAYOUT.rows;

/** Row number of an indicator on the built-in indicator sheet. */
export function indicatorRow(code: string): number {
  return BUILTIN_LAYOUT.indicatorRow(code);
}

/** Cell address of an indicator's value column on the built-in sheet ("E12"). */
export function indicatorCell(code: string, column: keyof typeof COLS): string {
  return BUILTIN_LAYOUT.indicatorCell(code, column);
}

/** Last row of the built-in indicator table. */
export const INDICATOR_LAST_ROW = BUILTIN_LAYOUT.lastRow;

/** Group heading text of the built-in catalogue ("一、科技投入"). */
export function groupTitle(group: string): string {
  return BUILTIN_LAYOUT.groupTitle(group);
}

/** Name as printed: "其中：" items are indented. */
export function printedName(ind: Indicator): string {
  return isOfWhich(ind) ? `  其中：${ind.name}` : ind.name;
}

/** Narrative: title in column A on the row above, clerk's text in column A. */
export const NARRATIVE_ROWS: Record<NarrativeKey, { titleRow: number; inputRow: number }> = Object.fromEntries(
  NARRATIVE_SECTIONS.map((s, i) => [s.key, { titleRow: 3 + i * 2, inputRow: 4 + i * 2 }]),
) as Record<NarrativeKey, { titleRow: number; inputRow: number }>;

/** Info sheet cells and defined names. */
export const INFO = {
  idLabel: "A1",
  id: "B1",
  versionLabel: "A2",
  version: "B2",
  /** The template's library: its sha-256 (hex) here, the JSON in chunks from libraryFirstRow down column libraryCol. */
  hashLabel: "A3",
  hash: "B3",
  libraryLabel: "A4",
  libraryCol: "B",
  libraryFirstRow: 4,
  periodListCol: "D",
  unitTypeListCol: "E",
} as const;
export const DEFINED_NAMES = {
  templateId: "HZ_TEMPLATE_ID",
  templateVersion: "HZ_TEMPLATE_VERSION",
  periodList: "报告期清单",
  unitTypeList: "单位类型清单",
} as const;
