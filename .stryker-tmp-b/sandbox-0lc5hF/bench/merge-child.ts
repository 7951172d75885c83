/**
 * The stored-records case of bench/merge.bench.ts, run as its own bundled process:
 * merge N stored records (JSON lines) and write the city workbook, as the server's
 * consolidation does (functions/service/merge-engine.ts: native zlib).
 * Usage: node merge-child.mjs RECORDS.jsonl OUT.xlsx
 */
// @ts-nocheck

import { readFileSync, writeFileSync } from "node:fs";
import type { ReportRecord } from "../templates/record";
import { mergeReports, type MergeInput } from "../templates/merge/merge";
import { writeConsolidationWorkbook } from "../templates/merge/workbook";
import { nativeZip } from "../functions/service/native-deflate";

async function child(file: string, out: string): Promise<void> {
  const inputs: MergeInput[] = readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line, i) => ({ record: JSON.parse(line) as ReportRecord, source: `upload-${i}` }));
  const r = mergeReports(inputs, { unit: { name: "示范市", code: "330100000000" } });
  if (!r.ok) throw new Error(r.message);
  // As the server writes it (functions/service/merge-engine.ts): native zlib.
  writeFileSync(out, await writeConsolidationWorkbook(r.consolidation, { zip: nativeZip }));
  const u = process.resourceUsage();
  console.log(JSON.stringify({ units: r.consolidation.counts.submitted, maxRSSkB: u.maxRSS }));
}

await child(process.argv[2]!, process.argv[3]!);
