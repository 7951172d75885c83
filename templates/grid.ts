/**
 * The plain grid model every reader feeds: a workbook as sheet name → cells.
 *
 * Both the server (from an .xlsx file's bytes) and the task pane (through
 * Office.js) produce a Grid, so the template reader and the checks never
 * know where the cells came from.
 */

/** A cell's value as a spreadsheet shows it after calculation. */
export type CellValue = string | number | boolean | null;

export interface GridCell {
  /** Calculated value (cached result for formula cells); null when empty. */
  value: CellValue;
  /** Formula text without the leading "=", when the cell holds a formula. */
  formula?: string;
  /** Number format code, e.g. "0.00" or "General". */
  numFmt?: string;
  /** Error literal such as "#DIV/0!" or "#REF!" when the cell evaluates to an error. */
  error?: string;
}

export interface GridSheet {
  name: string;
  /** Sheet visibility as stored in the workbook. */
  state: "visible" | "hidden" | "veryHidden";
  /** Cells keyed by A1 address ("E7"); absent keys are empty cells. */
  cells: Record<string, GridCell>;
  /** Highest used row number (1-based), 0 for an empty sheet. */
  rowCount: number;
}

export interface Grid {
  /** Sheets in workbook order. */
  sheets: GridSheet[];
  /** Workbook-level defined names → their reference text (e.g. "'元数据'!$B$2"). */
  definedNames?: Record<string, string>;
}

/** Convert a 1-based column number to letters (1 → "A", 28 → "AB"). */
export function columnLetter(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Build an A1 address from a 1-based column and row. */
export function address(col: number, row: number): string {
  return `${columnLetter(col)}${row}`;
}

/** A column's 1-based number from its upper-case letters ("A" → 1, "AB" → 28). */
export function columnNumber(letters: string): number {
  let col = 0;
  for (let i = 0; i < letters.length; i++) col = col * 26 + (letters.charCodeAt(i) - 64);
  return col;
}

const KEY_COLS = 64;
const KEY_ROWS = 2048;
const KEYS: (string | undefined)[] = [];

/**
 * A cell's A1 address as a key of `GridSheet.cells` (what `address` gives). Those near the top left
 * are made once per process and interned: every report has the same few hundred addresses, and a
 * key made afresh costs V8 a string-table lookup at every use (a reader's ~500 lookups a report
 * were a fifth of its checking time).
 */
export function cellKey(col: number, row: number): string {
  if (col < 1 || row < 1 || col > KEY_COLS || row > KEY_ROWS) return address(col, row);
  const k = row * KEY_COLS + col;
  let a = KEYS[k];
  if (a === undefined) {
    // A property name is interned: the key V8 keeps for it is the one string every later lookup shares.
    const o: Record<string, true> = { [address(col, row)]: true };
    a = KEYS[k] = Object.keys(o)[0]!;
  }
  return a;
}

/** `cellKey` by column letters: `cellKeyAt("E", 7)` is "E7". */
export function cellKeyAt(column: string, row: number): string {
  return cellKey(columnNumber(column), row);
}

/** Split an A1 address into 1-based column and row; null when malformed. */
export function parseAddress(addr: string): { col: number; row: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(addr);
  if (!m) return null;
  return { col: columnNumber(m[1]!), row: Number(m[2]) };
}

/** Find a sheet by exact name. */
export function sheetByName(grid: Grid, name: string): GridSheet | undefined {
  return grid.sheets.find((s) => s.name === name);
}
