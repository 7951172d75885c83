/**
 * Submissions under load: the local server (functions/local/server.ts) runs in
 * its own process over filesystem storage; autocannon in this process sends
 * uploads from many towns at once over loopback. One request in ten carries a
 * report with errors (422), one in ten is a town uploading for another (403),
 * the rest are clean reports (201). Reports requests per second, latency
 * percentiles and the server's peak memory, and checks every acknowledged
 * upload was stored once.
 *
 * Bounded: BENCH_LOAD_AMOUNT requests (default 1,000) from BENCH_LOAD_TOWNS
 * towns (default 200) over BENCH_LOAD_CONNECTIONS connections (default 20).
 */
// @ts-nocheck

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { prepareLoad, runSubmitLoad, storedVersions } from "../tests/fixtures/load";
import { startServerProcess } from "../tests/fixtures/server-process";

const towns = Number(process.env.BENCH_LOAD_TOWNS ?? 200);
const amount = Number(process.env.BENCH_LOAD_AMOUNT ?? 1000);
const connections = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 20);
const MB = 1024 * 1024;

const dataDir = mkdtempSync(path.join(tmpdir(), "huizong-load-bench-"));
const server = await startServerProcess(dataDir);
try {
  const t0 = performance.now();
  const plan = await prepareLoad(server, towns);
  console.log(`prepared ${towns} towns' files in ${((performance.now() - t0) / 1000).toFixed(1)} s; server pid ${server.pid}, RSS ${((server.memory()?.rss ?? 0) / MB).toFixed(0)} MB`);

  // Warm-up (JIT, file cache), not reported.
  await runSubmitLoad(server, plan, { amount: Math.min(100, amount), connections });
  const run = await runSubmitLoad(server, plan, { amount, connections });
  const r = run.result;
  const count = (k: string) => run.sent.filter((s) => s.kind === k).length;
  console.log(`${amount} submissions (${count("good")} clean → 201, ${count("errors")} with errors → 422, ${count("other unit")} for another town → 403) from ${towns} towns, ${connections} connections:`);
  console.log(`  ${(amount / r.duration).toFixed(1)} req/s over ${r.duration.toFixed(1)} s; latency p50 ${r.latency.p50} ms, p90 ${r.latency.p90} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms`);
  console.log(`  socket errors ${r.errors}, timeouts ${r.timeouts}, unexpected answers ${run.unexpected.length}`);
  if (run.serverPeakGrowth !== null) {
    console.log(`  server RSS before ${(run.serverRssBefore! / MB).toFixed(0)} MB, peak growth during the run ${(run.serverPeakGrowth / MB).toFixed(0)} MB`);
  }
  const stored = await storedVersions(server, plan);
  const all = [...stored.values()].flat();
  const acknowledged = run.sent.filter((s) => s.status === 201).length;
  const warmAcknowledged = Math.round(Math.min(100, amount) * 0.8);
  console.log(`  stored versions ${all.length} (unique ${new Set(all).size}); acknowledged ${acknowledged} + ${warmAcknowledged} in the warm-up`);
  if (all.length !== acknowledged + warmAcknowledged) process.exitCode = 1;
  if (run.unexpected.length || r.errors || r.timeouts || new Set(all).size !== all.length) process.exitCode = 1;
} finally {
  await server.kill();
  rmSync(dataDir, { recursive: true, force: true });
}
