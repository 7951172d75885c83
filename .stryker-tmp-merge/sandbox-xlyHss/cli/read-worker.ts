/**
 * A read worker of `huizong merge`: reads a share of the input files and
 * posts back each outcome. Its heap (all the XML text it parsed) dies with it.
 */
// @ts-nocheck

import { parentPort, workerData } from "node:worker_threads";
import type { Catalogue } from "../templates/catalogue";
import { readReportFile } from "./read-report";

const { files, expectedPeriod, catalogue } = workerData as { files: { index: number; file: string }[]; expectedPeriod?: string; catalogue?: Catalogue };
for (const { index, file } of files) parentPort!.postMessage({ index, outcome: readReportFile(file, expectedPeriod, catalogue) });
parentPort!.postMessage({ done: true });
