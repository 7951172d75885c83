/** Bounds applied while reading an uploaded workbook; every one maps to a ReadFailure code. */
// @ts-nocheck

export interface XlsxLimits {
  /** Largest accepted file (FILE_TOO_LARGE). Default 5 MiB. */
  maxFileBytes: number;
  /** Largest declared and actual inflated total over all zip entries (ZIP_BOMB). Default 50 MiB. */
  maxUncompressedBytes: number;
  /** Largest declared and actual inflated size of one zip entry (ZIP_BOMB). Default 50 MiB. */
  maxEntryBytes: number;
  /** Most zip entries (ZIP_BOMB, or TOO_MANY_SHEETS when they are worksheets). Default 200. */
  maxEntries: number;
  /** Most sheets listed in workbook.xml (TOO_MANY_SHEETS). Default 50. */
  maxSheets: number;
  /** Most `<c>` elements parsed over all sheets (TOO_MANY_CELLS). Default 200,000. */
  maxCells: number;
  /** Longest text in one cell or shared string; Excel itself stops at 32,767 (TOO_MANY_CELLS). */
  maxCellChars: number;
  /** Wall-clock budget for one read (READ_TIMEOUT). Default 3,000 ms. */
  timeoutMs: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxFileBytes: 5 * 1024 * 1024,
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxEntryBytes: 50 * 1024 * 1024,
  maxEntries: 200,
  maxSheets: 50,
  maxCells: 200_000,
  maxCellChars: 32_767,
  timeoutMs: 3000,
};
