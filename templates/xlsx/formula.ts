/**
 * Shared formulas: Excel stores the text once on the master cell
 * (`<f t="shared" ref="C2:C9" si="0">A2*B2</f>`) and an empty `<f t="shared" si="0"/>`
 * on the others. We give each child the master's text with its relative A1
 * references moved by the row/column offset, as Excel shows it. Whole-column
 * / whole-row references (`A:A`, `1:1`) and R1C1 text are left unchanged.
 */
import { columnLetter, columnNumber } from "../grid";

const MAX_COL = 16384;
const MAX_ROW = 1048576;

const REF = /(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})/y;

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c > 127;
}

/** Move the relative references of `formula` by `dRow` rows and `dCol` columns. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = "";
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const c = formula.charCodeAt(i);
    if (c === 34 /* " */ || c === 39 /* ' */) {
      // String literal or quoted sheet name: copy verbatim (doubled quote escapes).
      let j = i + 1;
      while (j < n) {
        if (formula.charCodeAt(j) === c) {
          if (formula.charCodeAt(j + 1) === c) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === 91 /* [ */) {
      const j = formula.indexOf("]", i);
      const e = j < 0 ? n : j + 1;
      out += formula.slice(i, e);
      i = e;
      continue;
    }
    const prev = i > 0 ? formula.charCodeAt(i - 1) : 0;
    if (!isWordChar(prev)) {
      REF.lastIndex = i;
      const m = REF.exec(formula);
      if (m) {
        const end = i + m[0].length;
        const next = end < n ? formula.charCodeAt(end) : 0;
        const col = columnNumber(m[2]!.toUpperCase());
        const row = Number(m[4]);
        if (!isWordChar(next) && next !== 40 /* ( */ && next !== 33 /* ! */ && col <= MAX_COL && row >= 1 && row <= MAX_ROW) {
          const nc = m[1] ? col : col + dCol;
          const nr = m[3] ? row : row + dRow;
          if (nc < 1 || nr < 1 || nc > MAX_COL || nr > MAX_ROW) out += "#REF!";
          else out += `${m[1]}${columnLetter(nc)}${m[3]}${nr}`;
          i = end;
          continue;
        }
      }
    }
    // Copy a run of word characters at once so "LOG10" or "A1B" is never split into a reference.
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < n && isWordChar(formula.charCodeAt(j))) j++;
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    out += formula[i];
    i++;
  }
  return out;
}
