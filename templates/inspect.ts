/**
 * The whole judgement of one report: bytes (or a grid) → submission, findings
 * and, when there are no errors, the normalized record. Every adapter (CLI,
 * server, task pane) calls one of these two functions.
 */
import { checkSubmission, type CheckOptions } from "./checks";
import type { ReadFailure } from "./errors";
import { hasErrors, type Finding } from "./findings";
import type { Grid } from "./grid";
import { readSubmission, TEMPLATE_SHEETS, type Submission } from "./read";
import { toRecord, type ReportRecord } from "./record";
import { readXlsxGrid, type XlsxLimits } from "./xlsx/index";

export interface Inspection {
  ok: true;
  submission: Submission;
  findings: Finding[];
  /** Present when the report has no errors. */
  record: ReportRecord | null;
}

/** Read and check a grid (from Office.js or from a file). */
export function inspectGrid(grid: Grid, options: CheckOptions = {}): Inspection | ReadFailure {
  const read = readSubmission(grid);
  if (!read.ok) return read;
  const findings = checkSubmission(read.submission, options);
  return { ok: true, submission: read.submission, findings, record: hasErrors(findings) ? null : toRecord(read.submission, findings) };
}

/** Read and check an .xlsx file's bytes, bounded in size and time before parsing. */
export function inspectWorkbook(bytes: Uint8Array, options: CheckOptions & { limits?: Partial<XlsxLimits> } = {}): Inspection | ReadFailure {
  const grid = readXlsxGrid(bytes, { limits: options.limits, sheets: TEMPLATE_SHEETS });
  if (!grid.ok) return grid;
  return inspectGrid(grid.grid, options);
}
