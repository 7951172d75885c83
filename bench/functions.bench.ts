/**
 * The local server under load (filesystem storage, in-process, loopback):
 * bursts of 50 concurrent submissions from different towns, 10 from one
 * town, a consolidation of 50 towns, and status calls with autocannon.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { issueToken } from "../functions/auth/tokens";
import { demoRoster, startServer } from "../functions/local/server";
import { buildTemplate } from "../templates/build";
import { demoUnits, sampleFill } from "../templates/samples";

const CITY = "330100000000";
const COUNTY = "330102000000";
const dataDir = mkdtempSync(path.join(tmpdir(), "huizong-bench-"));
// The rounds below store ~60 versions of one town: above the default 20 an hour (then 429), which is not what is timed.
process.env.HUIZONG_VERSIONS_PER_HOUR = "1000";
const s = await startServer({ port: 0, dataDir, secret: "bench-secret-0123456789abcdef", demo: true, logLevel: "SILENT", demoPeriod: "2025-Y" });
const towns = demoUnits(50, COUNTY);
const cityToken = s.tokens.find((t) => t.code === CITY)!.token;
const countyToken = s.tokens.find((t) => t.code === COUNTY)!.token;

const put = await fetch(`${s.url}/api/roster`, {
  method: "PUT",
  headers: { authorization: `Bearer ${cityToken}`, "content-type": "application/json" },
  body: JSON.stringify(demoRoster(towns.length)),
});
if (put.status !== 200) throw new Error(`roster: ${put.status}`);
const tokens = await Promise.all(towns.map((t) => issueToken(s.ctx.keys, { sub: t.code, role: "unit", name: t.name }, 3600)));
const files = await Promise.all(towns.map((t, i) => buildTemplate({ fill: sampleFill(t, "2025-Y", 1000 + i) })));

async function submit(i: number, bytes = files[i]!): Promise<number> {
  const res = await fetch(`${s.url}/api/periods/2025-Y/units/${towns[i]!.code}/reports`, { method: "POST", headers: { authorization: `Bearer ${tokens[i]}` }, body: bytes as unknown as BodyInit });
  await res.arrayBuffer();
  return res.status;
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

async function rounds(label: string, n: number, fn: () => Promise<void>): Promise<void> {
  await fn(); // warm up
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  console.log(`${label.padEnd(52)} median ${median(xs).toFixed(0)} ms  (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n=${n})`);
}

await rounds("50 concurrent submissions, 50 towns", 5, async () => {
  const st = await Promise.all(towns.map((_, i) => submit(i)));
  if (st.some((x) => x !== 201)) throw new Error(`statuses ${st.join(",")}`);
});
await rounds("10 concurrent submissions, one town", 5, async () => {
  const st = await Promise.all(Array.from({ length: 10 }, () => submit(0)));
  if (st.some((x) => x !== 201)) throw new Error(`statuses ${st.join(",")}`);
});
await rounds("consolidate 50 towns (include submitted)", 5, async () => {
  const res = await fetch(`${s.url}/api/periods/2025-Y/consolidations`, {
    method: "POST",
    headers: { authorization: `Bearer ${countyToken}`, "content-type": "application/json" },
    body: JSON.stringify({ parent: COUNTY, include: "submitted" }),
  });
  if (res.status !== 201) throw new Error(`consolidate ${res.status}`);
  await res.arrayBuffer();
});

const result = await autocannon({
  url: `${s.url}/api/periods/2025-Y/status`,
  headers: { authorization: `Bearer ${countyToken}` },
  connections: 10,
  duration: 5,
});
console.log(
  `${"GET status (50 towns), 10 connections, 5 s".padEnd(52)} ${result.requests.average.toFixed(0)} req/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}`,
);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
await s.close();
rmSync(dataDir, { recursive: true, force: true });
