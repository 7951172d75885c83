/**
 * Reads 目标任务分解表 back with the project's own reader (templates/xlsx) and
 * validates it: every problem at its cell, in Chinese, with a stable English
 * code. A table with any problem is refused whole (a half-read table would
 * give some units a target and silently drop others').
 */
import { indicator } from "../catalog";
import { address, parseAddress, sheetByName, type CellValue, type GridSheet } from "../grid";
import { readXlsxGrid } from "../xlsx/index";
import { CODE_COL, FIRST_UNIT_ROW, FIRST_VALUE_COL, HEADER_ROW, NAME_COL, OWN_ROW, TARGET_SHEET, YEAR_CELL } from "./layout";
import { TARGET_INDICATORS, type TargetRow, type TargetTable } from "./table";
import { ownName } from "./names";

export type TargetProblemCode =
  | "TARGET_YEAR_INVALID"
  | "TARGET_YEAR_MISMATCH"
  | "TARGET_INDICATOR_UNKNOWN"
  | "TARGET_UNIT_CODE_FORMAT"
  | "TARGET_UNIT_UNKNOWN"
  | "TARGET_UNIT_DUPLICATE"
  | "TARGET_NOT_NUMBER"
  | "TARGET_NEGATIVE";

/** One problem of the table, at its cell. */
export interface TargetProblem {
  code: TargetProblemCode;
  sheet: string;
  cell: string;
  message: string;
}

export type TargetReadResult =
  | { ok: true; table: TargetTable }
  | { ok: false; code: "TARGETS_UNREADABLE" | "TARGETS_NOT_TABLE"; message: string; problems: [] }
  | { ok: false; code: "TARGETS_INVALID"; message: string; problems: TargetProblem[] };

export interface TargetReadOptions {
  /** Codes of the units targets may be assigned to (the roster); without it any 12-digit code is taken. */
  units?: readonly string[];
  /** The year the table is uploaded for; a table of another year is refused. */
  year?: number;
}

const KNOWN = new Set(TARGET_INDICATORS.map((i) => i.code));

function text(v: CellValue | undefined): string {
  return v === null || v === undefined ? "" : String(v).replace(/\u3000/g, " ").trim();
}

/** Read and validate the table's bytes. */
export function readTargetWorkbook(bytes: Uint8Array, options: TargetReadOptions = {}): TargetReadResult {
  const grid = readXlsxGrid(bytes);
  if (!grid.ok) return { ok: false, code: "TARGETS_UNREADABLE", message: `目标任务分解表无法读取：${grid.message}`, problems: [] };
  const ws = sheetByName(grid.grid, TARGET_SHEET);
  if (!ws || text(ws.cells[`${CODE_COL}${HEADER_ROW}`]?.value) !== "区划代码") {
    return {
      ok: false,
      code: "TARGETS_NOT_TABLE",
      message: `文件中找不到“${TARGET_SHEET}”工作表（第${HEADER_ROW}行表头应为“区划代码、单位名称、各指标”）。请用 huizong targets 或系统下载的空白目标任务分解表填写后上传。`,
      problems: [],
    };
  }
  return readSheet(ws, options);
}

function readSheet(ws: GridSheet, options: TargetReadOptions): TargetReadResult {
  const problems: TargetProblem[] = [];
  const problem = (code: TargetProblemCode, cell: string, message: string) => problems.push({ code, sheet: ws.name, cell, message });
  const at = (cell: string) => `${ws.name}!${cell}`;

  const yearRaw = ws.cells[YEAR_CELL]?.value ?? null;
  const year = typeof yearRaw === "number" ? yearRaw : Number(text(yearRaw));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    problem("TARGET_YEAR_INVALID", YEAR_CELL, `年度（${at(YEAR_CELL)}）为“${text(yearRaw) || "空"}”，请填写4位年份，如 2026。`);
  } else if (options.year !== undefined && year !== options.year) {
    problem("TARGET_YEAR_MISMATCH", YEAR_CELL, `本表的年度（${at(YEAR_CELL)}）为 ${year}，但上传到了 ${options.year} 年。请核对年度，或上传到 ${year} 年。`);
  }

  // Columns: every header from column C on names one indicator by its code.
  const columns: Array<{ col: number; code: string }> = [];
  const maxCol = Math.max(0, ...Object.keys(ws.cells).map((a) => parseAddress(a)?.col ?? 0));
  for (let col = FIRST_VALUE_COL; col <= maxCol; col++) {
    const cell = address(col, HEADER_ROW);
    const h = text(ws.cells[cell]?.value);
    if (!h) continue;
    const code = /^([A-Z]\d{2})(?:\s|$)/.exec(h)?.[1] ?? "";
    if (!KNOWN.has(code)) {
      const ind = indicator(code);
      const why = ind ? `：“${ind.name}”不是可下达目标的指标（比重、“其中”项和分母类指标不下达目标）` : "不是指标库中的指标代码";
      problem("TARGET_INDICATOR_UNKNOWN", cell, `表头${at(cell)}“${h}”${why}。请删除该列，或改回空白表的表头（如“D01 专利申请（件）”）。`);
      continue;
    }
    columns.push({ col, code });
  }

  const roster = options.units ? new Set(options.units) : null;
  const seen = new Map<string, string>();
  const rows: TargetRow[] = [];
  let own: TargetRow | null = null;
  for (let row = OWN_ROW; row <= ws.rowCount; row++) {
    const codeCell = `${CODE_COL}${row}`;
    const rawCode = ws.cells[codeCell]?.value ?? null;
    const code = typeof rawCode === "number" && Number.isInteger(rawCode) ? String(rawCode) : text(rawCode).replace(/\s/g, "");
    const name = text(ws.cells[`${NAME_COL}${row}`]?.value);
    const filled = columns.filter((c) => text(ws.cells[address(c.col, row)]?.value) !== "");
    if (!code && !name && filled.length === 0) continue;
    const isOwn = row === OWN_ROW;
    const who = name || code || `第${row}行`;
    if (!/^\d{12}$/.test(code)) {
      if (!(isOwn && code === "")) problem("TARGET_UNIT_CODE_FORMAT", codeCell, `${at(codeCell)}“${who}”的区划代码“${code || "空"}”应为12位数字，请核对。`);
    } else if (!isOwn && roster && !roster.has(code)) {
      problem("TARGET_UNIT_UNKNOWN", codeCell, `${at(codeCell)}的区划代码 ${code}（${who}）不在报送单位名单中。请核对代码，或先把该单位加入名单后再上传。`);
    } else if (seen.has(code)) {
      problem("TARGET_UNIT_DUPLICATE", codeCell, `${at(codeCell)}的区划代码 ${code}（${who}）与${seen.get(code)}重复，每个单位只能有一行。请合并后删除多余的行。`);
    }
    if (code) seen.set(code, at(codeCell));
    const values: Record<string, number> = {};
    for (const { col, code: ind } of columns) {
      const cell = address(col, row);
      const v = ws.cells[cell]?.value ?? null;
      if (v === null || text(v) === "") continue;
      const meta = indicator(ind)!;
      if (typeof v !== "number" || !Number.isFinite(v)) {
        problem("TARGET_NOT_NUMBER", cell, `${at(cell)}（${who}“${meta.name}”）填的是“${text(v)}”，目标只能填数字（单位：${meta.unit}），不要带单位或文字；没有目标的留空。`);
      } else if (v < 0) {
        problem("TARGET_NEGATIVE", cell, `${at(cell)}（${who}“${meta.name}”）为负数 ${v}，目标应不小于0。请改正。`);
      } else values[ind] = v;
    }
    const entry: TargetRow = { code, name: isOwn ? ownName(name) : name, values };
    if (isOwn) own = entry;
    else rows.push(entry);
  }
  if (problems.length) {
    // Each message names its cell already and ends in "。": listed as written, not prefixed with the cell again.
    const list = problems.slice(0, 3).map((p) => p.message).join("");
    return { ok: false, code: "TARGETS_INVALID", message: `目标任务分解表有 ${problems.length} 处问题，未采用：${list}${problems.length > 3 ? "……" : ""}`, problems };
  }
  return { ok: true, table: { year, own: own ?? { code: "", name: "", values: {} }, units: rows } };
}
