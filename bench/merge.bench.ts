/**
 * Bench: the consolidation, whole process (time and peak memory of a child
 * process per case, via /usr/bin/time -v).
 *   - 10, 100, 1,000 town workbooks from files: the built CLI `node bin/huizong.js merge …`
 *   - 1,000 and 10,000 units from stored records (JSON lines → merge → city workbook;
 *     bench/merge-child.ts, bundled as the server's code is)
 *   - yardstick: openpyxl (load_workbook per file, sum, write) on the same files, its runs
 *     alternating with huizong's
 *   - every command without NODE_EXTRA_CA_CERTS (see CLEAN_ENV), and the 10-file case once more with it
 * Run: node --import tsx bench/merge.bench.ts   (builds the CLI first; fixtures cached in .tmp/bench-merge/)
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { build } from "esbuild";
import { unzipSync } from "fflate";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { buildTemplate } from "../templates/build";
import type { ReportRecord } from "../templates/record";
import { sampleFill, type SampleUnit } from "../templates/samples";
import { sampleRecord } from "../tests/support/records";

const ROOT = resolve(import.meta.dirname, "..");
const WORK = join(ROOT, ".tmp", "bench-merge");
const PERIOD = "2025-Y";

/** Unit i of a synthetic city: up to 900 towns per county, codes of the right shape. */
function unit(i: number): SampleUnit {
  const county = String(1 + Math.floor(i / 900)).padStart(2, "0");
  const town = String(1 + (i % 900)).padStart(3, "0");
  return { name: `第${county}区${town}镇`, code: `3301${county}${town}000`, type: "乡镇" };
}

function record(i: number): ReportRecord {
  return sampleRecord(unit(i), PERIOD, i + 1, 0.5 + (i % 9) * 0.25);
}

/**
 * The town files, cached under a folder named by the first file's hash: when the template changes
 * (a new sheet, the library it carries), the cache is rebuilt rather than timing yesterday's files.
 */
async function fixtures(n: number): Promise<string[]> {
  const first = await buildTemplate({ fill: sampleFill(unit(0), PERIOD, 1, 0.5) });
  // Its parts, not its bytes: zip entry times and docProps/core.xml change at every build.
  const hash = createHash("sha256");
  for (const [name, data] of Object.entries(unzipSync(first)).sort(([a], [b]) => (a < b ? -1 : 1))) if (name !== "docProps/core.xml") hash.update(name).update(data);
  const dir = join(WORK, `towns-${hash.digest("hex").slice(0, 12)}`);
  for (const old of existsSync(WORK) ? readdirSync(WORK) : []) if (/^towns(-|$)/.test(old) && join(WORK, old) !== dir) rmSync(join(WORK, old), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const f = join(dir, `t${String(i).padStart(5, "0")}.xlsx`);
    if (!existsSync(f)) writeFileSync(f, await buildTemplate({ fill: sampleFill(unit(i), PERIOD, i + 1, 0.5 + (i % 9) * 0.25) }));
    files.push(f);
  }
  return files;
}

interface Measure {
  seconds: number;
  peakMB: number;
  /** User + system CPU seconds: far less sensitive than wall time to other processes on the machine. */
  cpu: number;
  /** Of a median: every run's wall seconds, fastest first. */
  runs?: number[];
}

/**
 * The environment the measured commands run in: this one without NODE_EXTRA_CA_CERTS. Where that is
 * set (these machines set it for their package proxy), Node initialises OpenSSL and parses the named
 * certificate file at every start, before any script runs: 45 ms here (`node -e 0` takes 0.09 s
 * instead of 0.05 s). A merge makes no TLS connection, and a bureau's PC does not set it. The
 * 10-workbook case is also measured with this machine's own environment, in a row of its own.
 */
const CLEAN_ENV: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "NODE_EXTRA_CA_CERTS"));

/** Run a command under /usr/bin/time -v: wall time and max RSS of the whole process. */
function measure(cmd: string, args: string[], env: NodeJS.ProcessEnv = CLEAN_ENV): Measure {
  const r = spawnSync("/usr/bin/time", ["-v", cmd, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env });
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr);
  if (!wall || !rss || !user || !sys) throw new Error(`no /usr/bin/time output: ${r.stderr.slice(-500)}`);
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  return { seconds, peakMB: Number(rss[1]) / 1024, cpu: Number(user[1]) + Number(sys[1]) };
}

const OPENPYXL = `
import sys, openpyxl
files = sys.argv[2:]
totals = {}
for f in files:
    wb = openpyxl.load_workbook(f, data_only=True)
    ws = wb["指标"]
    for row in ws.iter_rows(min_row=6, max_col=7, values_only=True):
        code = row[1]
        if not code:
            continue
        t = totals.setdefault(code, [0.0, 0.0, 0.0])
        for k in range(3):
            v = row[4 + k]
            if isinstance(v, (int, float)):
                t[k] += v
    wb.close()
out = openpyxl.Workbook()
ws = out.active
for code, t in sorted(totals.items()):
    ws.append([code] + t)
out.save(sys.argv[1])
`;

/** The median run by wall time, with the highest peak memory of all runs (a memory target holds for every run or not at all). */
function median(all: Measure[]): Measure {
  const sorted = [...all].sort((a, b) => a.seconds - b.seconds);
  const mid = sorted[Math.floor(all.length / 2)]!;
  return { ...mid, peakMB: Math.max(...all.map((m) => m.peakMB)), runs: sorted.map((m) => m.seconds) };
}

/** Every run's wall seconds of a median, fastest first. */
const runsOf = (m: Measure) => (m.runs ?? [m.seconds]).map((x) => x.toFixed(2)).join(" ");

/**
 * A fixed piece of JavaScript (objects and strings made and dropped, as a merge does), run as its own
 * process: the host's speed in these minutes. It drifts by up to half within an hour here, and a target
 * met or missed reads differently when this takes its usual time or half as long again.
 */
const PROBE = 'let s=0;const a=[];for(let i=0;i<3e6;i++){const o={k:"x"+(i%1000),v:i*1.5};a.push(o);if(a.length>1000)a.length=0;s+=o.k.length}if(s<0)console.log(s)';

/** The probe's median of 5 runs, as a line of the bench's output. */
function hostProbe(when: string): string {
  const m = median(Array.from({ length: 5 }, () => measure(process.execPath, ["-e", PROBE])));
  return `host probe ${when} (fixed JavaScript, median of 5; CPU ${m.cpu.toFixed(2)} s): ${m.seconds.toFixed(2)} s (runs ${runsOf(m)})`;
}

/**
 * Runs of two commands in alternation (a, b, a, b…, `b` every `every`-th round): the host's speed
 * drifts from minute to minute here, by up to 1.6× within an hour, and a speed-up taken from runs
 * minutes apart measured the drift as much as either command.
 */
function alternate(rounds: number, a: () => Measure, b: () => Measure, every = 1): [Measure, Measure] {
  const as: Measure[] = [];
  const bs: Measure[] = [];
  // One run of `a` untimed: the first case's runs right after the build had a median of 0.30 s, later runs 0.22.
  a();
  for (let i = 0; i < rounds; i++) {
    as.push(a());
    if (i % every === 0) bs.push(b());
  }
  return [median(as), median(bs)];
}

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  execFileSync(process.execPath, ["scripts/build.mjs", "cli"], { cwd: ROOT, stdio: "inherit" });
  console.log(`load average at the start: ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  const probeAtStart = hostProbe("at the start");
  console.log(probeAtStart);
  console.log("preparing fixtures (cached in .tmp/bench-merge/)…");
  const files = await fixtures(1000);
  const py = join(WORK, "openpyxl_merge.py");
  writeFileSync(py, OPENPYXL);
  const out = join(WORK, "out");
  mkdirSync(out, { recursive: true });

  // The records case runs bundled, as the server does (dist/functions), not through tsx's transpiler.
  const childBundle = join(WORK, "merge-child.mjs");
  await build({
    entryPoints: [join(ROOT, "bench/merge-child.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: childBundle,
    packages: "external",
    logLevel: "error",
  });
  const rows: string[][] = [["case", "huizong s", "huizong CPU s", "huizong peak MB", "openpyxl s", "openpyxl CPU s", "openpyxl peak MB", "speed-up (wall)", "target"]];
  const targets: Record<number, string> = { 10: "≤ 0.3 s, faster than openpyxl", 100: "—", 1000: "≤ 1.5 s, ≤ 120 MB, ≥ 8× openpyxl" };
  for (const n of [10, 100, 1000]) {
    const list = files.slice(0, n);
    const huizong = (env?: NodeJS.ProcessEnv) => () => measure(process.execPath, ["bin/huizong.js", "merge", ...list, "-o", join(out, `city-${n}.xlsx`)], env);
    const openpyxl = () => measure("/usr/bin/python3", [py, join(out, `openpyxl-${n}.xlsx`), ...list]);
    // openpyxl takes 12–20 s on 1,000 files: three of its runs among five of huizong's.
    const [hz, op] = n === 1000 ? alternate(5, huizong(), openpyxl, 2) : alternate(5, huizong(), openpyxl);
    rows.push([`${n} workbooks (files, CLI)`, hz.seconds.toFixed(2), hz.cpu.toFixed(2), hz.peakMB.toFixed(0), op.seconds.toFixed(2), op.cpu.toFixed(2), op.peakMB.toFixed(0), `${(op.seconds / hz.seconds).toFixed(1)}×`, targets[n]!]);
    console.log(rows[rows.length - 1]!.join("\t"));
    console.log(`  runs (s): huizong ${runsOf(hz)}; openpyxl ${runsOf(op)}`);
    if (n === 10) {
      const [clean, inherited] = alternate(5, huizong(), huizong(process.env));
      rows.push([`10 workbooks, with this machine's NODE_EXTRA_CA_CERTS`, inherited.seconds.toFixed(2), inherited.cpu.toFixed(2), inherited.peakMB.toFixed(0), "", "", "", "", `(${clean.seconds.toFixed(2)} s without it, same minutes)`]);
      console.log(rows[rows.length - 1]!.join("\t"));
      console.log(`  runs (s): with it ${runsOf(inherited)}; without ${runsOf(clean)}`);
    }
  }
  for (const n of [1000, 10_000]) {
    // Named by the first record, so a change of the record's shape rebuilds it.
    const file = join(WORK, `records-${n}-${createHash("sha256").update(JSON.stringify(record(0))).digest("hex").slice(0, 12)}.jsonl`);
    for (const old of readdirSync(WORK)) if (old.startsWith(`records-${n}`) && join(WORK, old) !== file) rmSync(join(WORK, old), { force: true });
    if (!existsSync(file)) writeFileSync(file, Array.from({ length: n }, (_, i) => JSON.stringify(record(i))).join("\n") + "\n");
    // Three runs, as the other cases: one run's peak once went from 316 to 401 MB while the host was slow (the
    // collector's concurrent marking fell behind the allocation); the table shows the highest peak of the three.
    const m = median(Array.from({ length: 3 }, () => measure(process.execPath, [childBundle, file, join(out, `records-${n}.xlsx`)])));
    rows.push([`${n} units (stored records)`, m.seconds.toFixed(2), m.cpu.toFixed(2), m.peakMB.toFixed(0), "", "", "", "", n === 10_000 ? "≤ 5 s, ≤ 400 MB" : "—"]);
    console.log(rows[rows.length - 1]!.join("\t"));
    console.log(`  runs (s): ${runsOf(m)}`);
  }
  console.log("\n" + rows.map((r) => r.join(" | ")).join("\n"));
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  console.log(probeAtStart);
  console.log(hostProbe("at the end"));
  console.log(`\n(2 cores; whole-process wall time and peak RSS via /usr/bin/time -v; median wall and CPU time of each command's runs, taken in alternation, and the highest peak of them; without NODE_EXTRA_CA_CERTS but where a row says otherwise; fixtures ${files.length} files)`);
  if (process.env.HZ_BENCH_CLEAN) rmSync(WORK, { recursive: true, force: true });
}

await main();
