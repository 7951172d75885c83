/**
 * The roster (报送单位名单): the units expected to report, so the ones that have
 * not are listed as missing instead of silently counting as zero. A simple
 * two- or three-column sheet or CSV: 名称, 区划代码, 上级代码.
 */
import { parseAddress, type CellValue, type Grid } from "../grid";

export interface RosterUnit {
  name: string;
  /** 12-digit 统计用区划代码. */
  code: string;
  /** 12-digit code of the unit it reports to; "" when not given. */
  parent: string;
}

export type RosterErrorCode = "ROSTER_EMPTY" | "ROSTER_INVALID";

export type RosterResult = { ok: true; units: RosterUnit[] } | { ok: false; code: RosterErrorCode; message: string };

/** Header texts as written by `huizong roster` (and accepted alternatives). */
export const ROSTER_HEADERS = ["名称", "区划代码", "上级代码"] as const;
export const ROSTER_SHEET = "报送单位名单";

const NAME_HEADER = /^(单位)?名称$|^单位$|^填报单位$/;
const CODE_HEADER = /^(统计用)?区划代码$|^代码$/;
const PARENT_HEADER = /^上级(区划)?代码$|^上级单位代码$/;

function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(v);
  return String(v).replace(/\u3000/g, " ").trim();
}

/**
 * Read roster rows (already split into cells). A header row among the first
 * five rows fixes the columns; without one the columns are 名称, 区划代码, 上级代码.
 */
export function parseRosterRows(rows: readonly (readonly CellValue[])[]): RosterResult {
  let cols = { name: 0, code: 1, parent: 2 };
  let start = 0;
  for (let r = 0; r < Math.min(rows.length, 5); r++) {
    const texts = (rows[r] ?? []).map((v) => cellText(v).replace(/\s/g, ""));
    const name = texts.findIndex((t) => NAME_HEADER.test(t));
    const code = texts.findIndex((t) => CODE_HEADER.test(t));
    if (name >= 0 && code >= 0) {
      cols = { name, code, parent: texts.findIndex((t) => PARENT_HEADER.test(t)) };
      start = r + 1;
      break;
    }
  }
  const units: RosterUnit[] = [];
  const seen = new Map<string, number>();
  for (let r = start; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const name = cellText(row[cols.name]);
    const code = cellText(row[cols.code]).replace(/\s/g, "");
    const parent = cols.parent >= 0 ? cellText(row[cols.parent]).replace(/\s/g, "") : "";
    if (!name && !code && !parent) continue;
    const line = r + 1;
    if (!name) return { ok: false, code: "ROSTER_INVALID", message: `名单第${line}行没有填写单位名称。` };
    if (!/^\d{12}$/.test(code)) return { ok: false, code: "ROSTER_INVALID", message: `名单第${line}行“${name}”的区划代码“${code || "空"}”应为12位数字。` };
    if (parent && !/^\d{12}$/.test(parent)) return { ok: false, code: "ROSTER_INVALID", message: `名单第${line}行“${name}”的上级代码“${parent}”应为12位数字。` };
    const dup = seen.get(code);
    if (dup !== undefined) return { ok: false, code: "ROSTER_INVALID", message: `名单第${line}行“${name}”与第${dup}行的区划代码 ${code} 重复。` };
    seen.set(code, line);
    units.push({ name, code, parent });
  }
  if (units.length === 0) return { ok: false, code: "ROSTER_EMPTY", message: "名单中没有任何单位。请按“名称、区划代码、上级代码”三列填写。" };
  return { ok: true, units };
}

/** Read a roster from a workbook grid: the sheet 报送单位名单, or else the first visible sheet. */
export function parseRosterGrid(grid: Grid): RosterResult {
  const sheet = grid.sheets.find((s) => s.name === ROSTER_SHEET) ?? grid.sheets.find((s) => s.state === "visible");
  if (!sheet) return { ok: false, code: "ROSTER_EMPTY", message: "名单工作簿中没有工作表。" };
  const rows: CellValue[][] = [];
  for (const [addr, cell] of Object.entries(sheet.cells)) {
    const at = parseAddress(addr);
    if (!at || at.col > 26) continue;
    (rows[at.row - 1] ??= [])[at.col - 1] = cell.value;
  }
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return parseRosterRows(rows);
}

/** Split CSV text (comma or tab separated, quotes, a UTF-8 BOM) into rows. */
export function splitCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, "");
  const firstLine = src.split(/\r?\n/, 1)[0] ?? "";
  const sep = firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Read a roster from CSV text. */
export function parseRosterCsv(text: string): RosterResult {
  return parseRosterRows(splitCsv(text));
}
