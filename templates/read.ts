/**
 * Grid → typed submission. Checks the workbook is this template (id, version,
 * sheets, rows in place) and lifts every value with the cell it came from.
 * Judging the values is the checks' job (checks.ts); this only reads.
 */
import type { NarrativeKey } from "./catalog";
import { BUILTIN, type Catalogue } from "./catalogue";
import { knownLibrary, readEmbeddedLibrary } from "./library/embed";
import { compareVersions } from "./library/validate";
import { readFailure, type ReadFailure } from "./errors";
import { cellKeyAt, sheetByName, type CellValue, type Grid, type GridSheet } from "./grid";
import {
  COLS,
  COVER_FIELDS,
  COVER_INPUT_COL,
  COVER_LABEL_COL,
  INFO,
  NARRATIVE_ROWS,
  SHEETS,
  layoutOf,
  printedName,
  type CoverKey,
  type ValueColumn,
} from "./layout";

/** Where a value came from. */
export interface CellRef {
  sheet: string;
  cell: string;
}

/** One cell as read: what the clerk typed, what it means as a number, and where it is. */
export interface Field extends CellRef {
  raw: CellValue;
  /** The number when the cell holds a real number; null otherwise (see checks for text forms). */
  value: number | null;
  formula?: string;
  error?: string;
}

export interface TextField extends CellRef {
  raw: CellValue;
  /** Trimmed text ("" when empty). */
  text: string;
}

export interface IndicatorEntry {
  code: string;
  current: Field;
  prior: Field;
  target: Field;
  note: TextField;
}

export interface Submission {
  templateId: string;
  templateVersion: string;
  cover: Record<CoverKey, TextField>;
  indicators: Record<string, IndicatorEntry>;
  narrative: Record<NarrativeKey, TextField>;
}

/** The submission and the library it is read with (the one the file carries, else the expected or built-in one). */
export type ReadResult = { ok: true; submission: Submission; catalogue: Catalogue } | ReadFailure;

export interface ReadOptions {
  /**
   * The library the reader expects (a CLI --library, the period's library on the server). A file of
   * another library (id) is refused; a file that carries its own library of the same id is read with
   * that one. Without it, a file is read with the library it carries, or, when it carries none, as
   * the built-in template.
   */
  catalogue?: Catalogue;
}

/** The sheets a reader needs from a workbook (pass to the xlsx reader to skip the rest). */
export const TEMPLATE_SHEETS: string[] = [SHEETS.cover, SHEETS.indicators, SHEETS.narrative, SHEETS.info];

function cellValue(sheet: GridSheet, addr: string): CellValue {
  return sheet.cells[addr]?.value ?? null;
}

function text(v: CellValue): string {
  if (v === null) return "";
  return String(v).trim();
}

/** Text without any whitespace, for comparing fixed labels. */
function squash(s: string): string {
  return s.replace(/\s/g, "");
}

/**
 * Read a grid as the standard template.
 *
 * @returns the submission, or a ReadFailure naming why the workbook is not
 * (this version of) the template: NOT_TEMPLATE, UNKNOWN_VERSION, OLD_VERSION,
 * SHEET_MISSING or ROWS_CHANGED.
 */
export function readSubmission(grid: Grid, options: ReadOptions = {}): ReadResult {
  const info = sheetByName(grid, SHEETS.info);
  const present = [SHEETS.cover, SHEETS.indicators, SHEETS.narrative].filter((n) => sheetByName(grid, n));
  if (!info) {
    if (present.length === 0) return readFailure("NOT_TEMPLATE");
    return readFailure("SHEET_MISSING", `缺少隐藏的工作表“${SHEETS.info}”，模板信息已被删除`);
  }
  const id = text(cellValue(info, INFO.id));
  const version = text(cellValue(info, INFO.version));
  const expected = options.catalogue;
  if (expected) knownLibrary(expected);
  const embedded = readEmbeddedLibrary(info);
  if (embedded && !embedded.ok) return readFailure("LIBRARY_CORRUPT", embedded.detail);
  let cat: Catalogue;
  if (embedded && embedded.catalogue.id === id && embedded.catalogue.version === version) {
    cat = embedded.catalogue;
    if (expected && expected.id !== id) return readFailure("NOT_TEMPLATE", `这是“${cat.title}”（${id}），本次收集的是“${expected.title}”（${expected.id}）`);
  } else {
    // A template without its library (made before libraries travelled with templates): the built-in one, or the expected one by version.
    const base = expected && expected.id === id && (expected.readableVersions ?? [expected.version]).includes(version) ? expected : BUILTIN;
    const wantId = expected?.id ?? BUILTIN.id;
    if (id !== wantId) return readFailure("NOT_TEMPLATE", `模板标识为“${id || "空"}”，应为“${wantId}”`);
    const current = expected?.id === id ? expected.version : base.version;
    if (id !== base.id || !(base.readableVersions ?? [base.version]).includes(version)) {
      if (/^\d{4}\.\d+$/.test(version) && compareVersions(version, current) < 0) {
        return readFailure("OLD_VERSION", `文件版本 ${version}，当前版本 ${current}`);
      }
      return readFailure("UNKNOWN_VERSION", `文件中的版本为“${version || "空"}”，当前版本 ${current}`);
    }
    // Id and version cells edited to a readable pair while the library they travel with says otherwise.
    if (embedded) return readFailure("LIBRARY_CORRUPT", `模板标识或版本（${id} ${version}）与所带指标库（${embedded.catalogue.id} ${embedded.catalogue.version}）不一致`);
    cat = base;
  }
  const { rows: INDICATOR_ROWS, lastRow: INDICATOR_LAST_ROW, groupTitle } = layoutOf(cat);
  for (const name of [SHEETS.cover, SHEETS.indicators, SHEETS.narrative]) {
    if (!sheetByName(grid, name)) {
      const extra = grid.sheets.filter((s) => s.state === "visible" && !Object.values(SHEETS).includes(s.name as never)).map((s) => `“${s.name}”`);
      return readFailure("SHEET_MISSING", `找不到工作表“${name}”${extra.length ? `，文件中有 ${extra.join("、")}，请改回原名` : ""}`);
    }
  }
  const cover = sheetByName(grid, SHEETS.cover)!;
  const ind = sheetByName(grid, SHEETS.indicators)!;
  const nar = sheetByName(grid, SHEETS.narrative)!;

  for (const f of COVER_FIELDS) {
    const label = text(cellValue(cover, cellKeyAt(COVER_LABEL_COL, f.row)));
    if (label !== f.label) return readFailure("ROWS_CHANGED", `封面第${f.row}行应为“${f.label}”，实际为“${label || "空"}”`);
  }
  for (const row of INDICATOR_ROWS) {
    if (row.kind === "group") {
      const got = text(cellValue(ind, cellKeyAt(COLS.name, row.row)));
      if (got !== groupTitle(row.group)) return readFailure("ROWS_CHANGED", `指标表第${row.row}行应为“${groupTitle(row.group)}”，实际为“${got || "空"}”`);
      continue;
    }
    const code = text(cellValue(ind, cellKeyAt(COLS.code, row.row)));
    if (code !== row.indicator!.code) {
      return readFailure("ROWS_CHANGED", `指标表第${row.row}行应为指标 ${row.indicator!.code}“${row.indicator!.name}”，实际为“${code || "空"}”`);
    }
    // Fixed texts, whatever the protection state: a changed 计量单位 would be summed in the wrong unit.
    const name = text(cellValue(ind, cellKeyAt(COLS.name, row.row)));
    const expectedName = printedName(row.indicator!).trim();
    // Equal texts (nearly every row) need no squashing: these two tests only skip work.
    if (name !== expectedName && squash(name) !== squash(expectedName)) {
      return readFailure("ROWS_CHANGED", `指标表${COLS.name}${row.row}的指标名称应为“${expectedName}”，实际为“${name || "空"}”；指标名称不能修改，请改回原文`);
    }
    const unit = text(cellValue(ind, cellKeyAt(COLS.unit, row.row)));
    if (unit !== row.indicator!.unit && squash(unit) !== row.indicator!.unit) {
      return readFailure("ROWS_CHANGED", `指标表${COLS.unit}${row.row}“${row.indicator!.name}”的计量单位应为“${row.indicator!.unit}”，实际为“${unit || "空"}”；计量单位不能修改，请改回“${row.indicator!.unit}”并把数字换算成${row.indicator!.unit}填写`);
    }
  }
  const last = INDICATOR_LAST_ROW;
  const after = text(cellValue(ind, cellKeyAt(COLS.code, last + 1))) || text(cellValue(ind, cellKeyAt(COLS.name, last + 1)));
  if (after) return readFailure("ROWS_CHANGED", `指标表第${last + 1}行多出了内容“${after}”`);
  for (const s of cat.narrative) {
    const got = text(cellValue(nar, cellKeyAt("A", NARRATIVE_ROWS[s.key].titleRow)));
    if (!got.startsWith(s.title)) return readFailure("ROWS_CHANGED", `文字材料第${NARRATIVE_ROWS[s.key].titleRow}行应为“${s.title}”`);
  }

  const textField = (sheet: GridSheet, addr: string): TextField => {
    const raw = cellValue(sheet, addr);
    return { sheet: sheet.name, cell: addr, raw, text: text(raw) };
  };
  const coverFields = Object.fromEntries(COVER_FIELDS.map((f) => [f.key, textField(cover, cellKeyAt(COVER_INPUT_COL, f.row))])) as Record<CoverKey, TextField>;

  const indicators: Record<string, IndicatorEntry> = {};
  for (const row of INDICATOR_ROWS) {
    if (!row.indicator) continue;
    const code = row.indicator.code;
    const field = (col: ValueColumn): Field => {
      const addr = cellKeyAt(COLS[col], row.row);
      const c = ind.cells[addr];
      const raw = c?.value ?? null;
      const f: Field = { sheet: ind.name, cell: addr, raw, value: typeof raw === "number" && Number.isFinite(raw) ? raw : null };
      if (c?.formula) f.formula = c.formula;
      if (c?.error) f.error = c.error;
      return f;
    };
    indicators[code] = { code, current: field("current"), prior: field("prior"), target: field("target"), note: textField(ind, cellKeyAt(COLS.note, row.row)) };
  }
  const narrative = Object.fromEntries(cat.narrative.map((s) => [s.key, textField(nar, cellKeyAt("A", NARRATIVE_ROWS[s.key].inputRow))])) as Record<NarrativeKey, TextField>;

  return { ok: true, submission: { templateId: id, templateVersion: version, cover: coverFields, indicators, narrative }, catalogue: cat };
}
