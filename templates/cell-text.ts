/**
 * A cell's text as Excel or WPS shows it, for the web page's sheet preview: a clerk who
 * typed 2025-12-20 into 填报日期 must see that date beside the finding, not the serial
 * 46011 the file stores, and 22,463.58 as the sheet shows it.
 *
 * Covers the number formats the template writes (`#,##0`, `#,##0.00`, `0.00%`, `@`,
 * `yyyy-mm-dd`) and those Excel and WPS put on a cell a clerk retypes: the built-in date
 * formats (`yyyy"年"m"月"d"日"`, `m/d/yy`, …), fixed decimals, General. Hand-written
 * rather than SheetJS's `ssf`: its npm release is frozen since 2020, it would add ~30 KB
 * to the page for format codes no report carries, and what a preview needs fits here.
 */
import type { GridCell } from "./grid";

/** Serials from 61 (1900-03-01) on count from here, Excel's phantom 1900-02-29 included; no report has earlier ones. */
const EPOCH = Date.UTC(1899, 11, 30);
const MAX_SERIAL = 2958465; // 9999-12-31

/** The format's section for `value`: "pos;neg;zero;text", as far as given. */
function section(parts: readonly [string, ...string[]], value: number): { code: string; negative: boolean } {
  if (value < 0 && parts.length > 1) return { code: parts[1]!, negative: false };
  if (value === 0 && parts.length > 2) return { code: parts[2]!, negative: false };
  return { code: parts[0], negative: value < 0 };
}

function splitSections(code: string): [string, ...string[]] {
  const out: [string, ...string[]] = [""];
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    let ch = code[i]!;
    if (ch === '"') quoted = !quoted;
    else if (ch === "\\" && !quoted) ch += code[++i] ?? "";
    else if (ch === ";" && !quoted) {
      out.push("");
      continue;
    }
    out[out.length - 1] += ch;
  }
  return out;
}

/** A format's text that is not code: quoted text, escapes, [colour]/[locale] tags, `_x` padding and `*x` fill. */
const NOT_CODE = /"([^"]*)"|\\(.)|\[[^\]]*\]|_.|\*./g;

/** The code with its text, tags and padding removed: what decides its kind. */
function bare(code: string): string {
  return code.replace(NOT_CODE, "");
}

/** A section's bare code is a date or time: it has y, d, h or s, or m without a digit placeholder. */
function isDateCode(bareCode: string): boolean {
  const b = bareCode.toLowerCase();
  return /[ydhs]/.test(b) || (/m/.test(b) && !/[0#?]/.test(b));
}

/** A date or time format: judged by its first section, outside quotes and tags. */
export function isDateFormat(code: string): boolean {
  return isDateCode(bare(splitSections(code)[0]));
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

function formatDate(serial: number, code: string): string {
  const ms = EPOCH + Math.round(serial * 86_400_000);
  const d = new Date(ms);
  const parts = { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), min: d.getUTCMinutes(), s: d.getUTCSeconds() };
  const ampm = /AM\/PM|上午\/下午/i.test(code);
  let out = "";
  let lastWasHour = false;
  const tokens = /"([^"]*)"|\\(.)|\[[^\]]*\]|AM\/PM|上午\/下午|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|(.)/gi;
  const list = [...code.matchAll(tokens)];
  list.forEach((t, i) => {
    const tok = t[0];
    const low = tok.toLowerCase();
    if (t[1] !== undefined) return void (out += t[1]);
    if (t[2] !== undefined) return void (out += t[2]);
    if (tok.startsWith("[")) return;
    if (low === "am/pm") return void (out += parts.h < 12 ? "AM" : "PM");
    if (tok === "上午/下午") return void (out += parts.h < 12 ? "上午" : "下午");
    if (low === "yyyy") return void (out += pad(parts.y, 4));
    if (low === "yy") return void (out += pad(parts.y % 100, 2));
    if (low === "mmmm" || low === "mmm") return void (out += `${parts.m}月`);
    if (low === "mm" || low === "m") {
      // Excel's rule: m right after an hour or right before seconds is minutes, else the month.
      const next = list.find((n, j) => j > i && /^[a-z]/i.test(n[0]));
      const minute = lastWasHour || next?.[0][0]?.toLowerCase() === "s";
      lastWasHour = false;
      return void (out += minute ? pad(parts.min, low.length) : pad(parts.m, low.length));
    }
    if (low === "dddd" || low === "ddd") return void (out += `星期${"日一二三四五六"[d.getUTCDay()]}`);
    if (low === "dd" || low === "d") return void (out += pad(parts.d, low.length));
    if (low === "hh" || low === "h") {
      lastWasHour = true;
      const h = ampm ? parts.h % 12 || 12 : parts.h;
      return void (out += pad(h, low.length));
    }
    if (low === "ss" || low === "s") return void (out += pad(parts.s, low.length));
    out += tok;
  });
  return out;
}

/** A format's literal text as shown: quoted text and escapes as themselves, `_x` as a space, tags dropped. */
function literal(s: string): string {
  return s.replace(NOT_CODE, (m: string, quoted?: string, escaped?: string) => quoted ?? escaped ?? (m.startsWith("_") ? " " : ""));
}

const NUMBER_SECTION = /^((?:"[^"]*"|\\.|\[[^\]]*\]|_.|\*.|[^#0?"\\[_*])*)([#0?][#0?,]*(?:\.[#0?]*)?)(.*)$/;

function formatNumber(value: number, sections: readonly [string, ...string[]]): string {
  const { code: sec, negative } = section(sections, value);
  const parts = NUMBER_SECTION.exec(sec);
  // A section without digit placeholders ("-" for zero) shows only its text; only a
  // section of its own reaches here, so the sign is the section's.
  if (!parts) return literal(sec);
  const [before, body, after] = [parts[1]!, parts[2]!, parts[3]!];
  const percent = bare(before + after).includes("%");
  const abs = Math.abs(value) * (percent ? 100 : 1);
  const decimals = body.split(".")[1]?.length ?? 0;
  let digits = abs.toFixed(decimals);
  if (body.includes(",")) {
    const [int, frac] = digits.split(".");
    digits = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac !== undefined ? `.${frac}` : "");
  }
  return `${negative ? "-" : ""}${literal(before)}${digits}${literal(after)}`;
}

/** Excel's General: integers as they are, others to ten significant digits. */
function general(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(10)));
}

/**
 * The text a spreadsheet shows for `cell`: errors as their literal, dates and numbers by the
 * cell's number format, text as typed, an empty cell as "".
 */
export function cellText(cell: GridCell | undefined): string {
  if (!cell) return "";
  if (cell.error) return cell.error;
  const { value } = cell;
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const sections = splitSections(cell.numFmt ?? "");
  const first = bare(sections[0]);
  // Dates take the first section: WPS and Excel write 填报日期's format as `yyyy"年"m"月"d"日";@`.
  if (isDateCode(first) && value >= 0 && value <= MAX_SERIAL) return formatDate(value, sections[0]);
  // General, "@" and a format of text alone show the number as typed.
  if (!/[0#?]/.test(first)) return general(value);
  return formatNumber(value, sections);
}
