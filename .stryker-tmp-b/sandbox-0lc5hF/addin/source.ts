/**
 * Where the report comes from: the workbook open in Excel (Office.js) or a file
 * the clerk picked in an ordinary browser. The pane's views only talk to this.
 */
// @ts-nocheck

import type { ReadFailure } from "../templates/errors";
import type { Finding } from "../templates/findings";
import type { Grid } from "../templates/grid";
import type { ApiClient } from "./api";

export interface CellTarget {
  sheet: string;
  cell: string;
}

export interface WorkbookSource {
  kind: "excel" | "file";
  /**
   * What differs between Excel and the page, said by the source itself (the screens never test `kind`):
   * the picker of the standalone page (absent in Excel, where the open workbook is the source),
   * whether marks can be put on cells, the badge beside the title, and the words of the check and upload tabs.
   */
  readonly picker?: FilePicker;
  readonly canMark: boolean;
  readonly modeLabel: string | null;
  readonly newTemplateLabel: string;
  readonly checkHint: string;
  readonly uploadHint: string;
  /** The cells to check; null when there is nothing to check yet (no file chosen). */
  readGrid(): Promise<Grid | ReadFailure | null>;
  /** Show the cell to the clerk (select it in Excel, or highlight it in the preview). */
  reveal(target: CellTarget): Promise<void>;
  /** Show or clear marks on every offending cell; returns a Chinese note when it could not. */
  setMarks(findings: readonly Finding[] | null): Promise<string | null>;
  /** The whole workbook as .xlsx bytes for upload; progress in [0, 1]. */
  getBytes(onProgress: (fraction: number) => void): Promise<Uint8Array | null>;
  /** After getBytes: a sentence for the clerk when the bytes are not the workbook itself (rebuilt from the values read). */
  bytesNote?: string | null;
  /** Put a blank template in front of the clerk; returns a Chinese note of what happened. */
  newTemplate(api: ApiClient, forUnit?: { period: string; unit: string }): Promise<string>;
}

/** The extra surface of the standalone (file) source: the picked file and its preview hook. */
export interface FilePicker {
  setFile(name: string, bytes: Uint8Array, file?: { name: string; size: number; lastModified: number; arrayBuffer(): Promise<ArrayBuffer> }): void;
  readonly fileName: string | null;
  /** Name, size and modified time of the copy last read (re-read on every check and upload). */
  readonly fileInfo: string | null;
  /** The last grid read from the file (for the preview). */
  readonly grid: Grid | null;
  /** Set by the pane: called by reveal() to highlight a cell in the preview. */
  onReveal?: (target: CellTarget) => void;
}
