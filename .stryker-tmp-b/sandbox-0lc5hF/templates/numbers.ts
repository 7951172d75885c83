/**
 * How a clerk's cell content reads as a number, and what to suggest when it
 * does not. Excel stores "约200" or "１２３" as text; the checks name the form
 * and say exactly what to type instead.
 */
// @ts-nocheck

import type { CellValue } from "./grid";

export type NumberForm =
  | "empty"
  | "number"
  | "numeric-text" // "123" stored as text
  | "spaces" // " 12 "
  | "full-width" // "１２３"
  | "thousands" // "1,234"
  | "approximate" // "约200", "200左右", "200余"
  | "with-unit" // "12件", "100万元"
  | "wan" // "1.2万" (a 万/亿 multiplier)
  | "placeholder" // "—", "无", "/", "空"
  | "text"; // anything else

export interface NumberReading {
  form: NumberForm;
  /** The number when the cell is a real number. */
  value: number | null;
  /** The number we believe the clerk meant, in the template's unit (for the suggestion). */
  suggestion: number | null;
}

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\uFF0D\uFF0B]/;
const PLACEHOLDER = /^(?:[—\-–－―─_／/\\、.。…]+|无|没有|空|暂无|不详|未统计|n\/?a|null|none)$/i;
const APPROX = /^(约|大约|近|超过|逾|将近|接近)|(左右|余|多|以上|上下)$/;
const UNIT_SUFFIX = /(万元|亿元|元|件|家|项|人次|人|场次|场|次|份|册|个|%|％)$/;

function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

/** Round away float noise for display (1.2*10000 → 12000). */
function tidy(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/**
 * Classify a cell's value as a number. `unit` is the indicator's unit
 * (万元, 亿元, 件, ...) so "1.2亿元" in a 万元 row suggests 12000.
 */
export function readNumber(raw: CellValue, unit: string): NumberReading {
  if (raw === null || raw === "") return { form: "empty", value: null, suggestion: null };
  if (typeof raw === "number") return Number.isFinite(raw) ? { form: "number", value: raw, suggestion: raw } : { form: "text", value: null, suggestion: null };
  if (typeof raw === "boolean") return { form: "text", value: null, suggestion: null };
  const original = raw;
  if (original.trim() === "") return { form: "spaces", value: null, suggestion: null };
  const fullWidth = FULL_WIDTH.test(original);
  let s = toHalfWidth(original).trim().replace(/\s+/g, "");
  if (PLACEHOLDER.test(s)) return { form: "placeholder", value: null, suggestion: 0 };
  const approx = APPROX.test(s);
  s = s.replace(APPROX, "").replace(APPROX, "");
  let multiplier = 1;
  let unitFound: string | null = null;
  const u = UNIT_SUFFIX.exec(s);
  if (u) {
    unitFound = u[1]!;
    s = s.slice(0, -unitFound.length);
  }
  const wan = /(万|亿)$/.exec(s);
  if (wan) {
    multiplier = wan[1] === "万" ? 1e4 : 1e8;
    s = s.slice(0, -1);
  }
  const thousands = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s);
  if (thousands) s = s.replace(/,/g, "");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return { form: "text", value: null, suggestion: null };
  const n = Number(s);
  // Express what was typed in the indicator's own unit.
  let base = n * multiplier; // in 元 if a money unit was named, else in plain units
  if (unitFound === "万元") base = n * multiplier * 1e4;
  else if (unitFound === "亿元") base = n * multiplier * 1e8;
  let suggestion = base;
  if (unit === "万元") suggestion = unitFound && unitFound.endsWith("元") ? base / 1e4 : multiplier > 1 ? n * multiplier / 1e4 : n;
  else if (unit === "亿元") suggestion = unitFound && unitFound.endsWith("元") ? base / 1e8 : multiplier > 1 ? n * multiplier / 1e8 : n;
  suggestion = tidy(suggestion);
  const form: NumberForm = approx
    ? "approximate"
    : multiplier > 1
      ? "wan"
      : unitFound
        ? "with-unit"
        : fullWidth
          ? "full-width"
          : thousands
            ? "thousands"
            : original !== original.trim()
              ? "spaces"
              : "numeric-text";
  return { form, value: null, suggestion };
}

/** Format a number for a Chinese message: up to 2 decimals, no grouping noise. */
export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}
