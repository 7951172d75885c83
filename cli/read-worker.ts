/**
 * A read worker of `huizong merge --jobs N`: reads the input files it takes
 * from the shared counter (read-pool.ts) and posts back each outcome. Its
 * heap (all the XML text it parsed) dies with it.
 * A library goes over once: later outcomes read with the same one name it by
 * number (every file of a period carries the same library, and cloning it
 * across threads for each of 1,000 files cost more than reading them).
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Catalogue } from "../templates/catalogue";
import { readReportFile } from "./read-report";
import { claimFile, type ReadShare, type WorkerMessage } from "./read-pool";

const { files, next, expectedPeriod, catalogue } = workerData as ReadShare;
const sent = new Map<Catalogue, number>();
for (let index = claimFile(next); index < files.length; index = claimFile(next)) {
  // Not copied here: posting the outcome copies it (and frees it from the file's XML text).
  const outcome = readReportFile(files[index]!, expectedPeriod, catalogue, false);
  let message: WorkerMessage;
  if (!outcome.ok) message = { index, outcome };
  else {
    const known = sent.get(outcome.catalogue);
    if (known !== undefined) message = { index, input: outcome.input, catalogueRef: known };
    else {
      sent.set(outcome.catalogue, sent.size);
      message = { index, outcome };
    }
  }
  parentPort!.postMessage(message);
}
parentPort!.postMessage({ done: true } satisfies WorkerMessage);
