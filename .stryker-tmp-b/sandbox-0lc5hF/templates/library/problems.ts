/**
 * What can be wrong in an indicator library, as data: a stable English code
 * and the Chinese message (what is wrong, what to do) for each. Every problem
 * names its cell, so the administrator can go straight to it in Excel.
 */
// @ts-nocheck

export type LibraryProblemCode =
  | "LIB_NOT_XLSX"
  | "LIB_SHEET_MISSING"
  | "LIB_HEADER_CHANGED"
  | "LIB_INFO_REQUIRED"
  | "LIB_BAD_ID"
  | "LIB_BAD_VERSION"
  | "LIB_NO_INDICATORS"
  | "LIB_BAD_CODE"
  | "LIB_DUPLICATE_CODE"
  | "LIB_NAME_EMPTY"
  | "LIB_UNIT_EMPTY"
  | "LIB_UNKNOWN_KIND"
  | "LIB_UNKNOWN_GROUP"
  | "LIB_DUPLICATE_GROUP"
  | "LIB_GROUP_SPLIT"
  | "LIB_UNKNOWN_PART"
  | "LIB_SELF_REFERENCE"
  | "LIB_CYCLE"
  | "LIB_RATIO_INCOMPLETE"
  | "LIB_RATIO_PART_KIND"
  | "LIB_NOT_A_RATIO"
  | "LIB_UNIT_MISMATCH"
  | "LIB_TWO_TOTALS"
  | "LIB_BAD_NUMBER"
  | "LIB_BAD_FLAG"
  | "LIB_BAD_SETTING"
  | "LIB_MEANING_CHANGED"
  | "LIB_ID_CHANGED"
  | "LIB_VERSION_NOT_NEWER";

export interface LibraryProblem {
  code: LibraryProblemCode;
  /** Sheet of the library workbook ("指标") and the cell ("E7"). */
  sheet: string;
  cell: string;
  /** Chinese: what is wrong at sheet!cell and what to do. */
  message: string;
}

export type LibraryFailure = { ok: false; code: "LIBRARY_INVALID"; message: string; problems: LibraryProblem[] };

/** The refusal of a library with its problems, in sheet and cell order as found. */
export function libraryFailure(problems: LibraryProblem[]): LibraryFailure {
  const list = problems.slice(0, 5).map((p) => `${p.sheet}!${p.cell} ${p.message}`);
  return {
    ok: false,
    code: "LIBRARY_INVALID",
    message: `指标库有 ${problems.length} 处问题，未采用。请逐项修改后重新使用：\n${list.join("\n")}${problems.length > 5 ? `\n……另有 ${problems.length - 5} 处` : ""}`,
    problems,
  };
}

/** A problem at sheet!cell; the message is prefixed with the cell so it reads alone. */
export function problem(code: LibraryProblemCode, sheet: string, cell: string, message: string): LibraryProblem {
  return { code, sheet, cell, message: `${sheet}!${cell}：${message}` };
}
