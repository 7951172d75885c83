/** Turning one raw `<c>` (type, style, value text, formula) into a GridCell. */
import type { GridCell } from "../grid";
import type { ReadErrorCode } from "../errors";
import { cellKey, columnLetter } from "../grid";
import { shiftFormula } from "./formula";
import type { XlsxLimits } from "./limits";
import { unescapeOoxml } from "./xml";

export interface SheetContext {
  sharedStrings: string[];
  /** Number format code per cellXfs index. */
  xfFormats: string[];
  limits: XlsxLimits;
  deadline: number;
  /** Cells seen so far in this read (all sheets). */
  cellCount: number;
}

export interface SheetResult {
  cells: Record<string, GridCell>;
  rowCount: number;
}

export interface SheetFail {
  fail: ReadErrorCode;
  detail?: string;
}

/** Raw fields of one `<c>`, filled by a sheet parser and handed to `CellSink.add`. */
export interface RawCell {
  row: number;
  col: number;
  t: string | null;
  s: number;
  v: string | null;
  f: string | null;
  fType: string | null;
  fSi: string | null;
  inline: string | null;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function isoToSerial(s: string): number | string {
  const ms = Date.parse(/(Z|[+-]\d\d:?\d\d)$/.test(s) || !s.includes("T") ? s : `${s}Z`);
  return Number.isFinite(ms) ? (ms - EXCEL_EPOCH_MS) / 86_400_000 : s;
}

/**
 * Collects cells of one sheet; tracks counts, limits and shared formula masters. With a `log`, it
 * also keeps a copy of every raw cell it is handed: the sheet's whole scan, which `replayCells`
 * turns into the same cells for a later file holding the very same part (memo.ts).
 */
export class CellSink {
  readonly cells: Record<string, GridCell> = {};
  rowCount = 0;
  private readonly masters = new Map<string, { f: string; row: number; col: number }>();
  constructor(
    private readonly ctx: SheetContext,
    private readonly log?: RawCell[],
  ) {}

  /** Add a cell; returns a failure when a bound is hit. */
  add(c: RawCell): SheetFail | null {
    if (this.log) this.log.push({ ...c });
    const ctx = this.ctx;
    const n = ++ctx.cellCount;
    if (n > ctx.limits.maxCells) return { fail: "TOO_MANY_CELLS", detail: `超过 ${ctx.limits.maxCells} 个单元格` };
    if ((n & 1023) === 0 && Date.now() > ctx.deadline) return { fail: "READ_TIMEOUT", detail: `已读 ${n} 个单元格` };
    if (c.row < 1 || c.col < 1 || c.row > 1048576 || c.col > 16384) return { fail: "CORRUPT_ZIP", detail: "单元格地址无效" };

    let formula: string | undefined;
    if (c.f !== null && c.f !== "") {
      formula = c.f;
      if (c.fType === "shared" && c.fSi !== null) this.masters.set(c.fSi, { f: c.f, row: c.row, col: c.col });
    } else if (c.fType === "shared" && c.fSi !== null) {
      const m = this.masters.get(c.fSi);
      if (m) formula = shiftFormula(m.f, c.row - m.row, c.col - m.col);
    }

    let value: string | number | boolean | null = null;
    let error: string | undefined;
    const v = c.v;
    switch (c.t) {
      case "s": {
        if (v !== null && v !== "") {
          const idx = Number(v);
          const str = ctx.sharedStrings[idx];
          if (str === undefined) return { fail: "CORRUPT_ZIP", detail: `共享字符串 ${v} 不存在` };
          value = str;
        }
        break;
      }
      case "inlineStr":
        value = c.inline ?? (v === null ? null : unescapeOoxml(v));
        break;
      case "str":
        value = v === null ? "" : unescapeOoxml(v);
        break;
      case "b":
        value = v === null || v === "" ? null : v === "1" || v.toLowerCase() === "true";
        break;
      case "e":
        if (v !== null && v !== "") error = v;
        break;
      case "d":
        value = v === null || v === "" ? null : isoToSerial(v);
        break;
      default: {
        if (v !== null && v !== "") {
          const num = Number(v);
          value = Number.isFinite(num) ? num : v;
        }
      }
    }
    if (typeof value === "string" && value.length > ctx.limits.maxCellChars) {
      return { fail: "TOO_MANY_CELLS", detail: `单元格 ${columnLetter(c.col)}${c.row} 超过 ${ctx.limits.maxCellChars} 个字符` };
    }
    if ((value === null || (value === "" && c.t !== "str")) && formula === undefined && error === undefined) return null;
    const cell: GridCell = { value, numFmt: ctx.xfFormats[c.s] ?? "General" };
    if (formula !== undefined) cell.formula = formula;
    if (error !== undefined) cell.error = error;
    this.cells[cellKey(c.col, c.row)] = cell;
    if (c.row > this.rowCount) this.rowCount = c.row;
    return null;
  }
}

/**
 * A sheet's cells from the raw cells a scan of the same part handed its sink (CellSink's log): the
 * cells that scan gave, resolved against this read's shared strings and styles, under this read's
 * bounds (cell count, cell size, deadline).
 */
export function replayCells(log: readonly RawCell[], ctx: SheetContext): SheetResult | SheetFail {
  const sink = new CellSink(ctx);
  for (const c of log) {
    const f = sink.add(c);
    if (f) return f;
  }
  return { cells: sink.cells, rowCount: sink.rowCount };
}

/** Parse an A1 reference into (col,row); null when malformed. */
export function parseRef(r: string): { col: number; row: number } | null {
  let col = 0;
  let i = 0;
  for (; i < r.length; i++) {
    const ch = r.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + (ch - 64);
    else if (ch >= 97 && ch <= 122) col = col * 26 + (ch - 96);
    else break;
  }
  if (i === 0 || i === r.length || i > 3) return null;
  let row = 0;
  for (; i < r.length; i++) {
    const ch = r.charCodeAt(i);
    if (ch < 48 || ch > 57) return null;
    row = row * 10 + (ch - 48);
  }
  return { col, row };
}

