/**
 * The Excel adapter: every Excel JavaScript API call the pane makes, each one a
 * function of an `Excel.RequestContext`, so the unit tests can hand in
 * Microsoft's office-addin-mock instead of Excel (tests/addin-office.test.ts).
 *
 * Calls are batched: reading the workbook is two round trips (sheet list, then
 * one getUsedRange per template sheet with values/formulas/numberFormat/valueTypes
 * loaded), never one per cell. Enum values are passed as their string form
 * ("Custom", "End") so nothing here needs the `Excel` global.
 */
// @ts-nocheck

import type { CellValue, Grid, GridCell, GridSheet } from "../../templates/grid";
import { address } from "../../templates/grid";

/** What Office.js returns for a loaded used range (the fields this adapter asks for). */
export interface RangeData {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  valueTypes: string[][];
}

const VISIBILITY: Record<string, GridSheet["state"]> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

/** Convert one loaded used range into a GridSheet (pure; the same shape the xlsx reader produces). */
export function rangeToSheet(name: string, visibility: string, r: RangeData | null): GridSheet {
  const sheet: GridSheet = { name, state: VISIBILITY[visibility] ?? "visible", cells: {}, rowCount: 0 };
  if (!r) return sheet;
  r.values.forEach((row, i) => {
    row.forEach((raw, j) => {
      const f = r.formulas[i]?.[j];
      const type = r.valueTypes[i]?.[j];
      const formula = typeof f === "string" && f.startsWith("=") && f.length > 1 ? f.slice(1) : undefined;
      const isError = type === "Error";
      let value: CellValue = typeof raw === "number" || typeof raw === "boolean" || typeof raw === "string" ? raw : null;
      if (value === "" && formula === undefined) value = null;
      if (value === null && formula === undefined && !isError) return;
      const numFmt = r.numberFormat[i]?.[j];
      const cell: GridCell = { value: isError ? null : value, numFmt: typeof numFmt === "string" && numFmt ? numFmt : "General" };
      if (formula !== undefined) cell.formula = formula;
      if (isError) cell.error = String(raw);
      const row1 = r.rowIndex + i + 1;
      sheet.cells[address(r.columnIndex + j + 1, row1)] = cell;
      if (row1 > sheet.rowCount) sheet.rowCount = row1;
    });
  });
  return sheet;
}

/**
 * Read the open workbook into a Grid: every sheet is listed (name, visibility),
 * cells are read only for the sheets named in `wanted` (the template's).
 */
export async function readGrid(context: Excel.RequestContext, wanted: readonly string[]): Promise<Grid> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await context.sync();
  const reads = sheets.items.map((ws) => {
    if (!wanted.includes(ws.name)) return { ws, range: null };
    const range = ws.getUsedRange();
    range.load("rowIndex,columnIndex,values,formulas,numberFormat,valueTypes");
    return { ws, range };
  });
  await context.sync();
  return {
    sheets: reads.map(({ ws, range }) => rangeToSheet(ws.name, ws.visibility, range as unknown as RangeData | null)),
  };
}

/** Activate the sheet (and let Excel switch to it), then select the cell. */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  await context.sync();
  ws.getRange(cell).select();
  await context.sync();
}

export type MarkColor = "error" | "warning";

/** One cell to mark. */
export interface MarkRequest {
  sheet: string;
  cell: string;
  kind: MarkColor;
}

/** A mark as placed: the conditional format's id, to delete exactly it and nothing of the clerk's. */
export interface Mark {
  sheet: string;
  cell: string;
  id: string;
}

/** Fill and font of the marks (Office's own "bad" and "neutral" cell styles). */
export const MARK_STYLE: Record<MarkColor, { fill: string; font: string }> = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
};

/** A sheet could not be changed (protected with a password the pane does not know). */
export class SheetLockedError extends Error {
  constructor(readonly sheet: string) {
    super(`sheet ${sheet} is protected`);
  }
}

/**
 * Run `edit` on each sheet, lifting the template's (password-less) sheet
 * protection around it and putting it back with the same options.
 */
async function withUnprotected(context: Excel.RequestContext, sheetNames: string[], edit: (ws: Excel.Worksheet, name: string) => void): Promise<void> {
  const sheets = sheetNames.map((name) => {
    const ws = context.workbook.worksheets.getItem(name);
    ws.protection.load("protected,options");
    return { name, ws };
  });
  await context.sync();
  const locked = sheets.filter((s) => s.ws.protection.protected);
  for (const s of locked) s.ws.protection.unprotect();
  try {
    await context.sync();
  } catch {
    throw new SheetLockedError(locked[0]?.name ?? sheetNames[0] ?? "");
  }
  for (const s of sheets) edit(s.ws, s.name);
  for (const s of locked) s.ws.protection.protect(s.ws.protection.options);
  await context.sync();
}

/**
 * Mark cells with a conditional format each (fill + font colour). The clerk's
 * own formatting is never touched: conditional formats sit on top of it and
 * `unmarkCells` deletes exactly the ones added here, by id.
 */
export async function markCells(context: Excel.RequestContext, requests: readonly MarkRequest[]): Promise<Mark[]> {
  const bySheet = new Map<string, MarkRequest[]>();
  for (const r of requests) bySheet.set(r.sheet, [...(bySheet.get(r.sheet) ?? []), r]);
  const added: { req: MarkRequest; cf: Excel.ConditionalFormat }[] = [];
  await withUnprotected(context, [...bySheet.keys()], (ws, name) => {
    for (const req of bySheet.get(name) ?? []) {
      const cf = ws.getRange(req.cell).conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=TRUE";
      cf.custom.format.fill.color = MARK_STYLE[req.kind].fill;
      cf.custom.format.font.color = MARK_STYLE[req.kind].font;
      cf.load("id");
      added.push({ req, cf });
    }
  });
  return added.map(({ req, cf }) => ({ sheet: req.sheet, cell: req.cell, id: cf.id }));
}

/** Delete the marks placed by `markCells`; marks the clerk already removed are skipped. */
export async function unmarkCells(context: Excel.RequestContext, marks: readonly Mark[]): Promise<void> {
  const sheetNames = [...new Set(marks.map((m) => m.sheet))];
  // Look the marks up first, so one the clerk deleted by hand does not fail the whole batch.
  const found = marks.map((m) => {
    const cfs = context.workbook.worksheets.getItem(m.sheet).getRange(m.cell).conditionalFormats;
    cfs.load("items/id");
    return { m, cfs };
  });
  await context.sync();
  const live = new Set(found.filter(({ m, cfs }) => cfs.items.some((cf) => cf.id === m.id)).map(({ m }) => m));
  await withUnprotected(context, sheetNames.filter((s) => marks.some((m) => m.sheet === s && live.has(m))), (ws, name) => {
    for (const m of marks) if (m.sheet === name && live.has(m)) ws.getRange(m.cell).conditionalFormats.getItem(m.id).delete();
  });
}

/** Names of the workbook's sheets, in order. */
export async function sheetNames(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  return sheets.items.map((s) => s.name);
}

/** Insert the template's sheets (from .xlsx bytes as base64) at the end of the workbook and show the first. */
export async function insertTemplateSheets(context: Excel.RequestContext, base64: string, firstSheet: string): Promise<void> {
  context.workbook.insertWorksheetsFromBase64(base64, { positionType: "End" });
  await context.sync();
  context.workbook.worksheets.getItem(firstSheet).activate();
  await context.sync();
}

/** Delete sheets by name (a very hidden one is made visible first: Excel refuses to delete it otherwise). */
export async function deleteSheets(context: Excel.RequestContext, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  for (const name of names) {
    const ws = context.workbook.worksheets.getItem(name);
    ws.visibility = "Visible";
    ws.delete();
  }
  await context.sync();
}
