/**
 * The roster (报送单位名单): the units expected to report, so the ones that have
 * not are listed as missing instead of silently counting as zero. A simple
 * sheet or CSV a clerk keeps in Excel: 名称, 区划代码, 上级代码, and for the
 * service also 单位类型, 联系人, 联系电话 (optional columns, found by header).
 */
// @ts-nocheck

import { parseAddress, type CellValue, type Grid } from "../grid";
import { readXlsxGrid } from "../xlsx/index";

export interface RosterUnit {
  name: string;
  /** 12-digit 统计用区划代码. */
  code: string;
  /** 12-digit code of the unit it reports to; "" when not given. */
  parent: string;
  /** 单位类型 as written (市, 县（市、区）, 乡镇, 街道); absent when the column is blank. */
  type?: string;
  /** 联系人 and 联系电话 (for 催报); absent when blank. */
  contact?: string;
  phone?: string;
}

export type RosterErrorCode = "ROSTER_EMPTY" | "ROSTER_INVALID";

/** A refused roster: every problem, one sentence each (`message` joins them). */
export type RosterResult = { ok: true; units: RosterUnit[] } | { ok: false; code: RosterErrorCode; message: string; problems: string[] };

function refused(code: RosterErrorCode, problems: string[]): RosterResult {
  return { ok: false, code, message: problems.join(" "), problems };
}

/** Header texts as written by `huizong roster` (and accepted alternatives). */
export const ROSTER_HEADERS = ["名称", "区划代码", "上级代码", "单位类型", "联系人", "联系电话"] as const;
export const ROSTER_SHEET = "报送单位名单";

const NAME_HEADER = /^(单位)?名称$|^单位$|^填报单位$/;
const CODE_HEADER = /^(统计用)?区划代码$|^代码$/;
const PARENT_HEADER = /^上级(区划)?代码$|^上级单位代码$/;
const TYPE_HEADER = /^(单位)?类型$|^单位级别$/;
const CONTACT_HEADER = /^联系人$|^填报人$/;
const PHONE_HEADER = /^(联系)?电话$|^手机(号码)?$/;

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
  let cols = { name: 0, code: 1, parent: 2, type: -1, contact: -1, phone: -1 };
  let start = 0;
  for (let r = 0; r < Math.min(rows.length, 5); r++) {
    const texts = (rows[r] ?? []).map((v) => cellText(v).replace(/\s/g, ""));
    const name = texts.findIndex((t) => NAME_HEADER.test(t));
    const code = texts.findIndex((t) => CODE_HEADER.test(t));
    if (name >= 0 && code >= 0) {
      const at = (re: RegExp) => texts.findIndex((t) => re.test(t));
      cols = { name, code, parent: at(PARENT_HEADER), type: at(TYPE_HEADER), contact: at(CONTACT_HEADER), phone: at(PHONE_HEADER) };
      start = r + 1;
      break;
    }
  }
  const optional = (row: readonly CellValue[], col: number) => (col >= 0 ? cellText(row[col]) : "");
  const units: RosterUnit[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (let r = start; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const name = cellText(row[cols.name]);
    const code = cellText(row[cols.code]).replace(/\s/g, "");
    const parent = cols.parent >= 0 ? cellText(row[cols.parent]).replace(/\s/g, "") : "";
    if (!name && !code && !parent) continue;
    const line = r + 1;
    // Every row is checked, so the clerk corrects the whole sheet in one pass.
    if (!name) {
      problems.push(`名单第${line}行没有填写单位名称。`);
      continue;
    }
    if (!/^\d{12}$/.test(code)) {
      problems.push(`名单第${line}行“${name}”的区划代码“${code || "空"}”应为12位数字。`);
      continue;
    }
    if (parent && !/^\d{12}$/.test(parent)) problems.push(`名单第${line}行“${name}”的上级代码“${parent}”应为12位数字。`);
    const dup = seen.get(code);
    if (dup !== undefined) {
      problems.push(`名单第${line}行“${name}”与第${dup}行的区划代码 ${code} 重复。`);
      continue;
    }
    seen.set(code, line);
    const type = optional(row, cols.type).replace(/\s/g, "").replace(/\(/g, "（").replace(/\)/g, "）");
    const contact = optional(row, cols.contact);
    const phone = optional(row, cols.phone).replace(/\s/g, "");
    units.push({ name, code, parent, ...(type ? { type } : {}), ...(contact ? { contact } : {}), ...(phone ? { phone } : {}) });
  }
  if (problems.length) return refused("ROSTER_INVALID", problems);
  if (units.length === 0) return refused("ROSTER_EMPTY", ["名单中没有任何单位。请按“名称、区划代码、上级代码”三列填写。"]);
  return { ok: true, units };
}

/** The 单位类型 a roster may give (the service's roles follow from it). */
const TYPES = ["市", "县（市、区）", "乡镇", "街道"] as const;

/**
 * The 单位类型 of a 12-digit 统计用区划代码 when the clerk left it blank: a code
 * ending in eight zeros is a city (市), in six a county (县（市、区）), else a
 * town-level unit, a 街道 when its name says so and a 乡镇 otherwise.
 */
export function inferUnitType(code: string, name: string): string {
  if (/^\d{4}0{8}$/.test(code)) return "市";
  if (/^\d{6}0{6}$/.test(code)) return "县（市、区）";
  return /街道(办事处)?$/.test(name) ? "街道" : "乡镇";
}

/**
 * Fill what a clerk may leave blank in a roster for the service: each unit's
 * 单位类型 from its code, and its 上级代码 from its code (a town's county when the
 * roster lists it, else the city; a county's city). Given values are kept as written.
 */
export function completeRoster(units: readonly RosterUnit[]): RosterUnit[] {
  const codes = new Set(units.map((u) => u.code));
  const typed = units.map((u) => ({ ...u, type: u.type || inferUnitType(u.code, u.name) }));
  const city = typed.find((u) => u.type === "市")?.code ?? "";
  return typed.map((u) => {
    if (u.parent || u.type === "市") return u;
    const county = `${u.code.slice(0, 6)}000000`;
    const parent = u.type === "县（市、区）" ? city : codes.has(county) && county !== u.code ? county : city;
    return { ...u, parent };
  });
}

export { TYPES as ROSTER_TYPES };

/** Read a roster from a workbook grid: the sheet 报送单位名单, or else the first visible sheet. */
export function parseRosterGrid(grid: Grid): RosterResult {
  const sheet = grid.sheets.find((s) => s.name === ROSTER_SHEET) ?? grid.sheets.find((s) => s.state === "visible");
  if (!sheet) return refused("ROSTER_EMPTY", ["名单工作簿中没有工作表。"]);
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

/** Read a roster file's bytes: CSV text (UTF-8) or a workbook (.xlsx and the other formats the reader knows). */
export function parseRosterFile(bytes: Uint8Array, kind: "xlsx" | "csv"): RosterResult {
  if (kind === "csv") return parseRosterCsv(new TextDecoder("utf-8").decode(bytes));
  const grid = readXlsxGrid(bytes);
  if (!grid.ok) return refused("ROSTER_INVALID", [`名单文件无法读取：${grid.message}`]);
  return parseRosterGrid(grid.grid);
}
