/**
 * Checks without a workbook per case: the clean sample report read once into a
 * grid, then cells changed in a copy of the grid and the copy inspected. Fast
 * enough for big case tables and for the mutation run.
 */
// @ts-nocheck

import type { CellValue, Grid, GridCell } from "../../templates/grid";
import type { CheckOptions } from "../../templates/checks";
import { inspectGrid, type Inspection } from "../../templates/inspect";
import { COVER_FIELDS, COVER_INPUT_COL, SHEETS, indicatorCell, type ValueColumn } from "../../templates/layout";
import { TEMPLATE_SHEETS } from "../../templates/read";
import { readXlsxGrid } from "../../templates/xlsx";
import { goodWorkbook } from "./workbooks";

export type Edit = [code: string, column: ValueColumn | "note", value: CellValue];
export type CoverEdit = Partial<Record<(typeof COVER_FIELDS)[number]["key"], CellValue>>;
export type Expected = [rule: string, severity: "error" | "warning", cell: string];

let base: Grid | null = null;

/** Read the good sample workbook into the base grid (call in beforeAll). */
export async function loadBaseGrid(): Promise<void> {
  const r = readXlsxGrid(await goodWorkbook(), { sheets: TEMPLATE_SHEETS });
  if (!r.ok) throw new Error(r.code);
  base = r.grid;
}

/** Same figure in all three value columns: no growth, no target question. */
export const flat = (code: string, v: number): Edit[] => (["current", "prior", "target"] as const).map((c) => [code, c, v]);

/** A whole cell put as it is (a formula error, say): [sheet, address, cell]. */
export type RawEdit = [sheet: string, addr: string, cell: GridCell];

/**
 * Inspect a copy of the base grid with indicator (and cover, narrative) cells changed; null empties a cell.
 * `options` go to the checks over the default expected period 2025-Y (rule settings, say).
 */
export function inspectEdited(edits: Edit[], cover: CoverEdit = {}, narrative: Record<string, CellValue> = {}, raw: RawEdit[] = [], options: CheckOptions = {}): Inspection {
  if (!base) throw new Error("loadBaseGrid() first");
  const grid = structuredClone(base);
  const set = (name: string, addr: string, value: CellValue) => {
    const cells = grid.sheets.find((s) => s.name === name)!.cells;
    // What a clerk's typing does: the value replaces any formula or error; the cell keeps its number format.
    const numFmt = cells[addr]?.numFmt;
    if (value === null) delete cells[addr];
    else cells[addr] = numFmt === undefined ? { value } : { value, numFmt };
  };
  for (const [code, col, value] of edits) set(SHEETS.indicators, indicatorCell(code, col), value);
  for (const [key, value] of Object.entries(cover)) set(SHEETS.cover, `${COVER_INPUT_COL}${COVER_FIELDS.find((f) => f.key === key)!.row}`, value);
  for (const [addr, value] of Object.entries(narrative)) set(SHEETS.narrative, addr, value);
  for (const [name, addr, cell] of raw) grid.sheets.find((s) => s.name === name)!.cells[addr] = cell;
  const r = inspectGrid(grid, { expectedPeriod: "2025-Y", ...options });
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r;
}

/** Findings as [rule, severity, "sheet!cell"]. */
export const tuples = (i: Inspection): Expected[] => i.findings.map((f) => [f.rule, f.severity, `${f.sheet}!${f.cell}`] as Expected);
