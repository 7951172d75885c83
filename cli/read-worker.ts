/**
 * A read worker of `huizong merge`: reads a share of the input files and
 * posts back each outcome. Its heap (all the XML text it parsed) dies with it.
 * A library goes over once: later outcomes read with the same one name it by
 * number (every file of a period carries the same library, and cloning it
 * across threads for each of 1,000 files cost more than reading them).
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Catalogue } from "../templates/catalogue";
import { readReportFile } from "./read-report";
import type { WorkerMessage } from "./read-pool";

const { files, expectedPeriod, catalogue } = workerData as { files: { index: number; file: string }[]; expectedPeriod?: string; catalogue?: Catalogue };
const sent = new Map<Catalogue, number>();
for (const { index, file } of files) {
  const outcome = readReportFile(file, expectedPeriod, catalogue);
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
