/** Cell references of the direct writer: column letters, A1 addresses and ranges, and the sheet's bounds. */
import { columnNumber } from "../../grid";

/** Excel's grid: 16,384 columns (A…XFD), 1,048,576 rows. */
export const MAX_COLS = 16_384;
export const MAX_ROWS = 1_048_576;

const LETTERS: string[] = [""];

/**
 * Column n's letters (1 → "A", 16384 → "XFD"), remembered once worked out. Lazily: working out all
 * 16,384 when the module loaded cost ~11 ms of every command's start, and a workbook uses a few hundred.
 */
export function colLetters(n: number): string {
  const known = LETTERS[n];
  if (known !== undefined) return known;
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  LETTERS[n] = s;
  return s;
}

/** Column number of letters ("A" → 1); throws outside A…XFD. */
export function colNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`bad column "${letters}"`);
  const n = columnNumber(letters.toUpperCase());
  if (n > MAX_COLS) throw new RangeError(`column ${letters} is outside A…XFD`);
  return n;
}

/** Row and column of an A1 address; throws outside the sheet. */
export function parseAddress(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address);
  if (!m) throw new RangeError(`bad cell address "${address}"`);
  const row = Number(m[2]);
  if (row < 1 || row > MAX_ROWS) throw new RangeError(`row ${row} is outside 1…${MAX_ROWS}`);
  return { row, col: colNumber(m[1]!) };
}

/** Corners of an "A1:B2" range; throws when it is not one. */
export function parseRange(range: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b, extra] = range.split(":");
  if (!a || !b || extra !== undefined) throw new RangeError(`bad range "${range}"`);
  const p = parseAddress(a);
  const q = parseAddress(b);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}
