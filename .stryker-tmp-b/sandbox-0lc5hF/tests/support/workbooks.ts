/**
 * Round-trip helpers for tests: build the template, edit it the way a clerk's
 * Excel would (through exceljs: load, set cells, save), and read it back.
 */
// @ts-nocheck

import ExcelJS from "exceljs";
import { buildTemplate, type TemplateFill } from "../../templates/build";
import { inspectWorkbook, type Inspection } from "../../templates/inspect";
import type { ReadFailure } from "../../templates/errors";
import { indicatorCell, SHEETS, type ValueColumn } from "../../templates/layout";
import { sampleFill, type SampleUnit } from "../../templates/samples";
import type { CheckOptions } from "../../templates/checks";

export const TOWN: SampleUnit = { name: "青阳镇", code: "330102001000", type: "乡镇" };
export const PERIOD = "2025-Y";

/** A complete, clean fill for one town (passes every check). */
export function goodFill(unit: SampleUnit = TOWN, seed = 1): TemplateFill {
  return sampleFill(unit, PERIOD, seed);
}

export type CellEdit = { sheet: string; cell: string; value: ExcelJS.CellValue };

/** Shorthand for an edit of an indicator value cell. */
export function valueEdit(code: string, column: ValueColumn | "note", value: ExcelJS.CellValue): CellEdit {
  return { sheet: SHEETS.indicators, cell: indicatorCell(code, column), value };
}

/** Load bytes into exceljs, apply a mutation, save: what a clerk's Excel does. */
export async function editWorkbook(bytes: Uint8Array, mutate: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  await mutate(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Set cells on a workbook (by sheet name and address). */
export async function setCells(bytes: Uint8Array, edits: CellEdit[]): Promise<Uint8Array> {
  return editWorkbook(bytes, (wb) => {
    for (const e of edits) {
      const ws = wb.getWorksheet(e.sheet);
      if (!ws) throw new Error(`no sheet ${e.sheet}`);
      ws.getCell(e.cell).value = e.value;
    }
  });
}

let cachedGood: Uint8Array | null = null;
/** The good filled workbook (built once per test file). */
export async function goodWorkbook(): Promise<Uint8Array> {
  cachedGood ??= await buildTemplate({ fill: goodFill() });
  return cachedGood;
}

/** Inspect bytes and fail loudly when the file is not readable as the template. */
export function inspectOk(bytes: Uint8Array, options: CheckOptions = {}): Inspection {
  const r = inspectWorkbook(bytes, options);
  if (!r.ok) throw new Error(`expected a readable template, got ${r.code}: ${r.message}`);
  return r;
}

export function inspectFail(bytes: Uint8Array, options: CheckOptions = {}): ReadFailure {
  const r = inspectWorkbook(bytes, options);
  if (r.ok) throw new Error(`expected a read failure, got ${r.findings.length} findings`);
  return r;
}

/** Findings as compact tuples [rule, severity, cell] for exact table assertions. */
export function tuples(i: Inspection): [string, string, string][] {
  return i.findings.map((f) => [f.rule, f.severity, `${f.sheet}!${f.cell}`]);
}
