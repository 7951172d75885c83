/**
 * A read worker of `huizong merge`: reads a share of the input files and
 * posts back each outcome. Its heap (all the XML text it parsed) dies with it.
 */
import { parentPort, workerData } from "node:worker_threads";
import { readReportFile } from "./read-report";

const { files, expectedPeriod } = workerData as { files: { index: number; file: string }[]; expectedPeriod?: string };
for (const { index, file } of files) parentPort!.postMessage({ index, outcome: readReportFile(file, expectedPeriod) });
parentPort!.postMessage({ done: true });
