/**
 * Read and check a grid: the judgement of one report without any file
 * reader, so the task pane (cells from Office.js) bundles no xlsx parser.
 */
// @ts-nocheck

import { checkSubmission, type CheckOptions } from "./checks";
import type { ReadFailure } from "./errors";
import { hasErrors, type Finding } from "./findings";
import type { Catalogue } from "./catalogue";
import type { Grid } from "./grid";
import { readSubmission, type Submission } from "./read";
import { toRecord, type ReportRecord } from "./record";

export interface Inspection {
  ok: true;
  submission: Submission;
  findings: Finding[];
  /** Present when the report has no errors. */
  record: ReportRecord | null;
  /** The library the report was read and checked with (the one it carries, else the expected or built-in one). */
  catalogue: Catalogue;
}

/** Read and check a grid (from Office.js or from a file). */
export function inspectGrid(grid: Grid, options: CheckOptions = {}): Inspection | ReadFailure {
  const read = readSubmission(grid, { catalogue: options.catalogue });
  if (!read.ok) return read;
  const findings = checkSubmission(read.submission, { ...options, catalogue: read.catalogue });
  return { ok: true, submission: read.submission, findings, record: hasErrors(findings) ? null : toRecord(read.submission, findings, read.catalogue), catalogue: read.catalogue };
}
