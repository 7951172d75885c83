/**
 * The whole judgement of one report: bytes (or a grid) → submission, findings
 * and, when there are no errors, the normalized record. Every adapter (CLI,
 * server, standalone page) calls one of these; the Excel task pane imports
 * inspect-grid.ts directly so it carries no xlsx reader.
 */
import type { CheckOptions } from "./checks";
import type { ReadFailure } from "./errors";
import { inspectGrid, type Inspection } from "./inspect-grid";
import { TEMPLATE_SHEETS } from "./read";
import { readXlsxGridAndDirectory, type PartMemo, type XlsxLimits, type ZipCodec } from "./xlsx/index";
import { refuseForeignParts } from "./xlsx/parts";

export { inspectGrid, type Inspection } from "./inspect-grid";

/** Read and check an .xlsx file's bytes, bounded in size and time before parsing. */
export function inspectWorkbook(bytes: Uint8Array, options: CheckOptions & { limits?: Partial<XlsxLimits>; codec?: ZipCodec; memo?: PartMemo } = {}): Inspection | ReadFailure {
  const grid = readXlsxGridAndDirectory(bytes, { limits: options.limits, sheets: TEMPLATE_SHEETS, codec: options.codec, memo: options.memo });
  if (!grid.ok) return grid;
  // Content disarm: macros, external links, embedded objects and parts the template does not have are refused.
  const foreign = refuseForeignParts(bytes, options.codec, options.memo, grid.dir);
  if (foreign) return foreign;
  return inspectGrid(grid.grid, options);
}
