/**
 * Bench: drafting the summary (.docx) on top of the merge — the model
 * (figure sentences, themed and merged town points) and the Word bytes — for
 * 10, 100 and 1,000 units of sample records (their narratives drawn from the
 * seed-worded pool). Target: 1,000 units ≤ 1 s on top of the merge.
 * Run: node --import tsx bench/draft.bench.ts
 */
// @ts-nocheck

import { buildDraft } from "../templates/draft/model";
import { draftDocx } from "../templates/draft/docx";
import { mergeReports } from "../templates/merge/merge";
import type { SampleUnit } from "../templates/samples";
import { sampleRecord } from "../tests/support/records";

function unit(i: number): SampleUnit {
  const county = String(1 + Math.floor(i / 900)).padStart(2, "0");
  const town = String(1 + (i % 900)).padStart(3, "0");
  return { name: `第${county}区${town}镇`, code: `3301${county}${town}000`, type: "乡镇" };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const n of [10, 100, 1000]) {
  const inputs = Array.from({ length: n }, (_, i) => ({ record: sampleRecord(unit(i), "2025-Y", i + 1, 0.5 + (i % 9) * 0.25) }));
  const mergeTimes: number[] = [];
  const modelTimes: number[] = [];
  const docxTimes: number[] = [];
  const cpuTimes: number[] = [];
  let bytes = 0;
  let points = 0;
  for (let k = 0; k < 6; k++) {
    const t0 = performance.now();
    const r = mergeReports(inputs, { unit: { name: "示范市", code: "330100000000" } });
    if (!r.ok) throw new Error(r.message);
    const t1 = performance.now();
    const cpu = process.cpuUsage();
    const d = buildDraft(r.consolidation);
    const t2 = performance.now();
    const out = await draftDocx(d);
    const t3 = performance.now();
    const used = process.cpuUsage(cpu);
    if (k === 0) continue; // warm-up
    mergeTimes.push(t1 - t0);
    modelTimes.push(t2 - t1);
    docxTimes.push(t3 - t2);
    cpuTimes.push((used.user + used.system) / 1000);
    bytes = out.byteLength;
    points = d.sections.reduce((s, sec) => s + sec.blocks.reduce((a, b) => a + b.points.length, 0), 0);
  }
  const total = modelTimes.map((m, i) => m + docxTimes[i]!);
  console.log(
    `draft ${String(n).padStart(5)} units: median ${median(total).toFixed(0)} ms on top of the merge (model ${median(modelTimes).toFixed(0)} ms, docx ${median(docxTimes).toFixed(0)} ms; merge itself ${median(mergeTimes).toFixed(0)} ms; CPU ${median(cpuTimes).toFixed(0)} ms) — ${points} points, ${(bytes / 1024).toFixed(0)} KB${n === 1000 ? `  [target ≤ 1000 ms: ${median(total) <= 1000 ? "met" : "MISSED"}]` : ""}`,
  );
}
console.log(`load average at the end: ${(await import("node:os")).loadavg().map((x) => x.toFixed(1)).join(" ")} on ${(await import("node:os")).cpus().length} cores`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
