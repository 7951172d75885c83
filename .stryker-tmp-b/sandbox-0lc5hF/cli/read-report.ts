/**
 * One input file of a merge → its record or the reason it is left out.
 * Runs in the main thread or in a read worker (cli/read-worker.ts).
 */
// @ts-nocheck

import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { inspectWorkbook } from "../templates/inspect";
import { nativeUnzip } from "../functions/service/native-deflate";
import type { Catalogue } from "../templates/catalogue";
import { PartMemo, refuseOversized } from "../templates/xlsx/index";
import type { ReadFailure } from "../templates/errors";
import type { MergeInput, Rejection } from "../templates/merge/merge";

/** A file read: its record and the library it was read with, or why it is left out. */
export type ReadOutcome = { ok: true; input: MergeInput; catalogue: Catalogue } | { ok: false; rejection: Rejection };

/** Why a file could not be read from disk: a stable code and what to tell the clerk. */
export function fileReadError(file: string, e: unknown): { code: "FILE_NOT_FOUND" | "NOT_A_FILE" | "READ_FAILED"; message: string } {
  const errno = (e as NodeJS.ErrnoException).code;
  if (errno === "ENOENT") return { code: "FILE_NOT_FOUND", message: `找不到文件：${file}` };
  if (errno === "EISDIR") return { code: "NOT_A_FILE", message: `${file} 是文件夹，不是文件` };
  return { code: "READ_FAILED", message: `无法读取文件 ${file}` };
}

/**
 * This thread's memo of the template's unchanging parts (workbook, relationships, styles): one per
 * thread, since the command line runs one batch and each read worker loads this module afresh.
 */
const memo = new PartMemo();

let scratch = new Uint8Array(1 << 16);

/**
 * The file's bytes in this thread's reused buffer, valid until the next call; or, for a file over
 * the size bound, its refusal, unread. A fresh buffer per file meant fresh memory pages per file,
 * and on a virtual machine first touches of memory were a fifth of a 1,000-file merge's time.
 */
function readIntoScratch(file: string): Uint8Array | ReadFailure {
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    const oversized = refuseOversized(size);
    if (oversized) return oversized;
    if (size + 1 > scratch.length) scratch = new Uint8Array(Math.max(size + 1, scratch.length * 2));
    // Up to one byte more than fstat said: a file that grew meanwhile reads as cut short (refused), never as a wrong whole.
    let n = 0;
    for (let got; n < scratch.length && (got = readSync(fd, scratch, n, scratch.length - n, n)) > 0; ) n += got;
    return scratch.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * Read, check and reduce one file; never throws. `copy` false leaves the record's strings as slices
 * of the file's XML: for a read worker, whose postMessage copies the record anyway.
 */
export function readReportFile(file: string, expectedPeriod: string | undefined, catalogue?: Catalogue, copy = true): ReadOutcome {
  let bytes: Uint8Array | ReadFailure;
  try {
    bytes = readIntoScratch(file);
  } catch (e) {
    return { ok: false, rejection: { source: file, ...fileReadError(file, e) } };
  }
  if (!(bytes instanceof Uint8Array)) return { ok: false, rejection: { source: file, code: bytes.code, message: bytes.message } };
  const result = inspectWorkbook(bytes, { expectedPeriod, catalogue, codec: nativeUnzip, memo });
  if (!result.ok) return { ok: false, rejection: { source: file, code: result.code, message: result.message } };
  if (!result.record) {
    const errors = result.findings.filter((f) => f.severity === "error");
    const first = errors[0];
    return {
      ok: false,
      rejection: {
        source: file,
        code: errors.some((f) => f.rule === "PERIOD_MISMATCH") ? "PERIOD_MISMATCH" : "HAS_ERRORS",
        message: `检查发现${errors.length}个错误，未汇总${first ? `。第一个：${first.sheet}!${first.cell} ${first.message}` : ""}`,
      },
    };
  }
  // A fresh copy: strings read from the file are slices of its whole XML text and would keep it alive.
  // No submittedAt: a file's modified time says nothing about which report is newer (a copy or
  // `touch` changes it); of two reports of one unit the merge goes by the 填报日期 the clerk entered.
  return { ok: true, input: { record: copy ? structuredClone(result.record) : result.record, source: file }, catalogue: result.catalogue };
}
