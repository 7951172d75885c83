/** Where everything lives in 目标任务分解表: the writer writes and the reader reads these addresses. */
// @ts-nocheck

import type { Indicator } from "../catalog";
import { columnLetter } from "../grid";
import { TARGET_INDICATORS } from "./table";

export const TARGET_SHEET = "目标任务分解";
export const TARGET_FILE_NAME = "目标任务分解表.xlsx";
/** 年度 label and value. */
export const YEAR_LABEL_CELL = "A2";
export const YEAR_CELL = "B2";
export const HEADER_ROW = 4;
/** The issuing unit's own targets (the city's, from above). */
export const OWN_ROW = 5;
/** First row of the units the targets are assigned to. */
export const FIRST_UNIT_ROW = 6;
export const CODE_COL = "A";
export const NAME_COL = "B";
/** Column number of the first indicator. */
export const FIRST_VALUE_COL = 3;

/** Header text of an indicator column: "D01 专利申请（件）". */
export function targetHeader(ind: Indicator): string {
  return `${ind.code} ${ind.name}（${ind.unit}）`;
}

/** Column letter of each target indicator, as the blank table writes them. */
export const TARGET_COLUMNS: ReadonlyMap<string, string> = new Map(TARGET_INDICATORS.map((ind, i) => [ind.code, columnLetter(FIRST_VALUE_COL + i)]));
