/**
 * The direct xlsx writer (bytes out, pure): `new Workbook()`, `addWorksheet`,
 * cells and rows as exceljs names them, `finish()` for the bytes. Used for the
 * city workbook and the roster workbook, so the merge never loads exceljs.
 */
// @ts-nocheck

export { Workbook } from "./workbook";
export { Sheet, Row, Cell, excelDate } from "./sheet";
export { esc } from "./escape";
export { colLetters, MAX_COLS, MAX_ROWS } from "./refs";
export type { CellFormulaValue, CellValue, Style, WorkbookLike, WorksheetLike, RowLike, CellLike, WorksheetOptions, PageSetup } from "./types";
