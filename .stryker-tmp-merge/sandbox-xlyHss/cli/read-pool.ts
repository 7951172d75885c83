/**
 * Reads a merge's input files, in parallel worker threads when there are
 * many: reading is the merge's main cost, it is CPU-bound, and each worker's
 * parsing garbage is freed whole when the worker ends. Outcomes come back in
 * input order. Without the built worker (running from source), reads inline.
 */
// @ts-nocheck

import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Catalogue } from "../templates/catalogue";
import { readReportFile, type ReadOutcome } from "./read-report";

/** Below this many files a worker's start-up (~30 ms) costs more than it saves. */
export const PARALLEL_THRESHOLD = 64;

export async function readReportFiles(files: string[], expectedPeriod: string | undefined, jobs?: number, catalogue?: Catalogue): Promise<ReadOutcome[]> {
  const workerUrl = new URL("./read-worker.mjs", import.meta.url);
  const n = Math.max(1, Math.min(jobs ?? (files.length >= PARALLEL_THRESHOLD ? availableParallelism() : 1), files.length));
  if (n === 1 || !existsSync(fileURLToPath(workerUrl))) return files.map((f) => readReportFile(f, expectedPeriod, catalogue));
  const out: ReadOutcome[] = new Array(files.length);
  const shares = Array.from({ length: n }, (_, w) => files.flatMap((file, index) => (index % n === w ? [{ index, file }] : [])));
  await Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(workerUrl, { workerData: { files: share, expectedPeriod, catalogue } });
          worker.on("message", (m: { index: number; outcome: ReadOutcome } | { done: true }) => {
            if ("done" in m) return;
            out[m.index] = m.outcome;
          });
          worker.once("error", reject);
          worker.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`read worker exited with ${code}`))));
        }),
    ),
  );
  // A worker that died without answering for a file leaves a hole: read that file here.
  for (let i = 0; i < files.length; i++) out[i] ??= readReportFile(files[i]!, expectedPeriod, catalogue);
  return out;
}
