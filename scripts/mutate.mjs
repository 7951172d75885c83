// @ts-check
/**
 * `npm run mutate`: the mutation run over the whole scope, shard by shard
 * (scripts/mutation-shards.mjs), then one report.
 *
 *   npm run mutate                        every shard whose report is missing or stale, then the report
 *   npm run mutate -- --only checks,auth  those shards (stale or not), then the report
 *   npm run mutate -- --list              the shards, their size and whether each report is current
 *   npm run mutate -- --report            no run: the report from the shards' reports as they are
 *   npm run mutate -- --mutate FILE …     one plain Stryker run (stryker.config.mjs), as before
 *
 * Each shard is one Stryker run (its vitest runner, per-test coverage, no type checker: a mutant
 * the compiler would refuse still runs under vitest and is counted as it behaves) writing
 * reports/mutation/shards/NAME.json, with Stryker's incremental file beside it, so a shard re-run
 * after a change tests only the mutants and tests that changed. A shard's report is current when
 * its stamp (a hash of the files it mutates, its tests and the test code they import, and the configs) matches
 * the tree; so an interrupted run resumes where it stopped, and a report never mixes two states of
 * the code without saying so. Each shard's result is also kept, compact, in docs/mutation-results/
 * (in git): a fresh clone resumes from those, running only the shards whose stamp differs.
 * The merged report is reports/mutation/mutation.{json,html}
 * (Stryker's schema and its HTML elements) and summary.md, the scores per folder and per file.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { calculateMutationTestMetrics } from "mutation-testing-metrics";
import { SHARDS } from "./mutation-shards.mjs";

const ROOT = resolve(import.meta.dirname, "..");
const OUT = join(ROOT, "reports", "mutation");
const SHARD_DIR = join(OUT, "shards");
/** The shards' results kept in git, so a fresh clone resumes (readRecorded). */
const RECORDED = join(ROOT, "docs", "mutation-results");
/** The scope, as stryker.config.mjs states it: these folders' .ts files, but the sample figures. */
const SCOPE = ["templates", "functions/service", "functions/auth", "functions/storage"];
const NOT_IN_SCOPE = new Set(["templates/samples.ts"]);
const THRESHOLDS = { high: 90, low: 85 };

/** @param {string} dir @returns {string[]} repository-relative .ts files under dir, sorted */
function tsFiles(dir) {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  if (statSync(abs).isFile()) return [dir];
  return readdirSync(abs, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
    .map((f) => relative(ROOT, join(abs, f)).split("\\").join("/"))
    .sort();
}

/**
 * Each shard's files. A file belongs to the shard with the most specific entry naming it (a file
 * over its folder, a folder over its parent), so the order of SHARDS is only the order of the runs.
 */
function assign() {
  const scope = SCOPE.flatMap(tsFiles).filter((f) => !NOT_IN_SCOPE.has(f));
  const inScope = new Set(scope);
  /** @type {Map<string, { shard: string, entry: string }>} */
  const owner = new Map();
  const problems = [];
  for (const shard of SHARDS) {
    for (const entry of shard.mutate) {
      const found = tsFiles(entry).filter((f) => !NOT_IN_SCOPE.has(f));
      if (!found.length) problems.push(`shard ${shard.name}: ${entry} names no .ts file`);
      for (const f of found) {
        if (!inScope.has(f)) problems.push(`shard ${shard.name}: ${f} is outside the scope of stryker.config.mjs`);
        const had = owner.get(f);
        if (had && had.entry.length === entry.length) problems.push(`${f} is named by both ${had.shard} and ${shard.name}`);
        if (!had || had.entry.length < entry.length) owner.set(f, { shard: shard.name, entry });
      }
    }
    for (const t of shard.tests) if (!existsSync(join(ROOT, t))) problems.push(`shard ${shard.name}: no test file ${t}`);
  }
  /** @type {Map<string, string[]>} */
  const files = new Map(SHARDS.map((s) => [s.name, scope.filter((f) => owner.get(f)?.shard === s.name)]));
  for (const [name, mine] of files) if (!mine.length) problems.push(`shard ${name}: every file it names belongs to a more specific entry`);
  for (const f of scope) if (!owner.has(f)) problems.push(`${f} is in no shard (scripts/mutation-shards.mjs)`);
  if (problems.length) throw new Error(`the shards do not cover the scope once each:\n  ${problems.join("\n  ")}`);
  return files;
}

/**
 * The test files a shard's tests import, themselves included: relative imports followed within
 * tests/ (the support code and fixtures), so a change to a helper only one shard uses leaves the
 * other shards' reports current.
 * @param {string[]} tests @returns {string[]}
 */
function testClosure(tests) {
  const seen = new Set();
  const todo = [...tests];
  while (todo.length) {
    const f = /** @type {string} */ (todo.pop());
    if (seen.has(f) || !existsSync(join(ROOT, f))) continue;
    seen.add(f);
    for (const m of readFileSync(join(ROOT, f), "utf8").matchAll(/(?:from|import)\s*\(?\s*"(\.\.?\/[^"]+)"/g)) {
      const target = relative(ROOT, resolve(ROOT, f, "..", /** @type {string} */ (m[1]))).split("\\").join("/");
      if (!target.startsWith("tests/")) continue;
      for (const candidate of [target, `${target}.ts`, `${target.replace(/\.js$/, "")}.ts`]) {
        if (existsSync(join(ROOT, candidate)) && statSync(join(ROOT, candidate)).isFile()) {
          todo.push(candidate);
          break;
        }
      }
    }
  }
  return [...seen].sort();
}

/**
 * What a shard's report depends on: the files it mutates, its own test files and the test code they
 * import (testClosure), and the configs. Code outside the shard's files can change a mutant's fate
 * too, but rarely (Stryker's incremental mode makes the same bet); `--only NAME` re-runs a shard
 * regardless.
 */
function stamp(shard, files) {
  const h = createHash("sha256").update(JSON.stringify({ shard, files }));
  const inputs = [...files, ...testClosure(shard.tests), "stryker.config.mjs", "vitest.stryker.config.ts", "package-lock.json"];
  for (const f of [...new Set(inputs)].sort()) h.update(f).update(readFileSync(join(ROOT, f)));
  return h.digest("hex").slice(0, 16);
}

/** @param {string} name */
function readLocal(name) {
  const file = join(SHARD_DIR, `${name}.json`);
  const meta = join(SHARD_DIR, `${name}.meta.json`);
  if (!existsSync(file) || !existsSync(meta)) return null;
  return { report: JSON.parse(readFileSync(file, "utf8")), meta: JSON.parse(readFileSync(meta, "utf8")) };
}

/**
 * A shard's recorded result (RECORDED/NAME.json, kept in git): each mutant's place, mutator,
 * replacement and status, with the stamp of the tree it was measured on. A fresh clone resumes
 * from these, as Stryker's incremental mode resumes from its own file; the full reports and
 * Stryker's incremental files stay under reports/ (too large to keep).
 * @param {string} name
 */
function readRecorded(name) {
  const file = join(RECORDED, `${name}.json`);
  if (!existsSync(file)) return null;
  const r = JSON.parse(readFileSync(file, "utf8"));
  /** @type {Record<string, any>} */
  const files = {};
  for (const [path, mutants] of Object.entries(r.files)) {
    const source = existsSync(join(ROOT, path)) ? readFileSync(join(ROOT, path), "utf8") : "";
    files[path] = {
      language: "typescript",
      source,
      mutants: /** @type {any[]} */ (mutants).map(([line, column, endLine, endColumn, mutatorName, replacement, status], i) => ({
        id: `${name}-${i}`,
        mutatorName,
        replacement,
        status,
        location: { start: { line, column }, end: { line: endLine, column: endColumn } },
      })),
    };
  }
  return { report: { schemaVersion: "1", thresholds: THRESHOLDS, files }, meta: { stamp: r.stamp, seconds: r.seconds, finished: r.finished, commit: r.commit, recorded: true } };
}

/** Write a shard's full report as its recorded result. @param {string} name @param {{ report: any, meta: any }} got */
function record(name, got) {
  /** @type {Record<string, unknown[]>} */
  const files = {};
  for (const [path, f] of Object.entries(got.report.files).sort(([a], [b]) => a.localeCompare(b))) {
    files[path] = /** @type {any[]} */ (f.mutants).map((m) => [m.location.start.line, m.location.start.column, m.location.end.line, m.location.end.column, m.mutatorName, m.replacement ?? "", m.status]);
  }
  mkdirSync(RECORDED, { recursive: true });
  const { stamp: st, seconds, finished, commit } = got.meta;
  const body = Object.entries(files).map(([path, ms]) => `  ${JSON.stringify(path)}: [\n${ms.map((m) => `   ${JSON.stringify(m)}`).join(",\n")}\n  ]`).join(",\n");
  writeFileSync(join(RECORDED, `${name}.json`), `{"shard": ${JSON.stringify(name)}, "stamp": ${JSON.stringify(st)}, "seconds": ${seconds}, "finished": ${JSON.stringify(finished)}, "commit": ${JSON.stringify(commit)},\n "files": {\n${body}\n }\n}\n`);
}

/**
 * A shard's result: the local full report or the recorded one, whichever is current (the local
 * one when both are, or neither).
 * @param {string} name @param {string} [currentStamp]
 */
function readShard(name, currentStamp) {
  const local = readLocal(name);
  const recorded = readRecorded(name);
  if (local && recorded && currentStamp && recorded.meta.stamp === currentStamp && local.meta.stamp !== currentStamp) return recorded;
  return local ?? recorded;
}

/** A moto server for the S3 shard, on a free port (moto prints it). */
async function startMoto() {
  const child = spawn("python3", [fileURLToPath(new URL("./moto_server.py", import.meta.url)), "127.0.0.1", "0"], { stdio: ["ignore", "ignore", "pipe"] });
  const port = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error("moto did not start within 120 s (scripts/setup-test-env.mjs installs it)")), 120_000);
    child.once("exit", (code) => fail(new Error(`moto exited (${code}); is moto installed for python3? run scripts/setup-test-env.mjs`)));
    createInterface({ input: /** @type {import("node:stream").Readable} */ (child.stderr) }).on("line", (line) => {
      const m = /Running on http:\/\/127\.0\.0\.1:(\d+)/.exec(line);
      if (m) (clearTimeout(timer), ok(Number(m[1])));
    });
  });
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
}

async function runShard(shard, files, currentStamp) {
  mkdirSync(SHARD_DIR, { recursive: true });
  const config = join(SHARD_DIR, `${shard.name}.config.mjs`);
  writeFileSync(
    config,
    `import base from ${JSON.stringify(join(ROOT, "stryker.config.mjs"))};\n` +
      `export default { ...base, checkers: [], mutate: ${JSON.stringify(files)}, reporters: ["json", "progress"],\n` +
      `  jsonReporter: { fileName: ${JSON.stringify(relative(ROOT, join(SHARD_DIR, `${shard.name}.json`)))} },\n` +
      `  incremental: true, incrementalFile: ${JSON.stringify(relative(ROOT, join(SHARD_DIR, `${shard.name}.incremental.json`)))},\n` +
      `  tempDirName: ".stryker-tmp-${shard.name}" };\n`,
  );
  const moto = shard.moto ? await startMoto() : null;
  const started = Date.now();
  const env = { ...process.env, HZ_MUTATE_TESTS: shard.tests.join(","), ...(moto ? { HZ_MOTO_ENDPOINT: moto.endpoint } : {}) };
  console.log(`\n== shard ${shard.name}: ${files.length} files, ${shard.tests.length} test files`);
  // Not spawnSync: this process must keep draining moto's request log, or its pipe fills and every S3 call hangs.
  const stryker = spawn(process.execPath, [join(ROOT, "node_modules/@stryker-mutator/core/bin/stryker.js"), "run", config], { cwd: ROOT, env, stdio: "inherit" });
  const [code, signal] = await new Promise((done) => stryker.once("exit", (c, s) => done([c, s])));
  moto?.stop();
  if (code !== 0) throw new Error(`shard ${shard.name}: Stryker exited with ${code ?? signal}`);
  const seconds = Math.round((Date.now() - started) / 1000);
  const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
  const dirty = spawnSync("git", ["status", "--porcelain", "--", ...SCOPE, "tests"], { cwd: ROOT, encoding: "utf8" }).stdout.trim() !== "";
  writeFileSync(join(SHARD_DIR, `${shard.name}.meta.json`), JSON.stringify({ stamp: currentStamp, seconds, finished: new Date().toISOString(), commit: dirty ? `${commit}+changes` : commit }, null, 1));
  const got = readLocal(shard.name);
  if (got) record(shard.name, got);
}

const pct = (m) => (Number.isNaN(m.mutationScore) ? "—" : `${m.mutationScore.toFixed(1)} %`);

/** Merge the shards' reports into one, write JSON, HTML and the summary; returns the summary. */
function report(files) {
  /** @type {any} */
  const merged = { schemaVersion: "1", thresholds: THRESHOLDS, projectRoot: ROOT, files: {}, testFiles: {} };
  const rows = [];
  for (const shard of SHARDS) {
    const now = stamp(shard, files.get(shard.name));
    const got = readShard(shard.name, now);
    if (!got) {
      rows.push(`| ${shard.name} | not run | | |`);
      continue;
    }
    Object.assign(merged.files, got.report.files);
    Object.assign(merged.testFiles, got.report.testFiles ?? {});
    const current = got.meta.stamp === now;
    const m = calculateMutationTestMetrics({ ...got.report, files: got.report.files }).systemUnderTestMetrics.metrics;
    rows.push(`| ${shard.name} | ${pct(m)} (${m.totalDetected}/${m.totalValid}) | ${Math.round(got.meta.seconds / 60)} min, ${got.meta.finished.slice(0, 16)}Z at ${got.meta.commit}${got.meta.recorded ? " (recorded)" : ""} | ${current ? "current" : "**stale**: code or tests changed since"} |`);
  }
  const tree = calculateMutationTestMetrics(merged).systemUnderTestMetrics;
  const lines = [];
  const walk = (node, path) => {
    const full = path ? `${path}/${node.name}` : node.name;
    const m = node.metrics;
    lines.push(`| ${node.file ? full : `**${full || "(scope)"}/**`} | ${m.totalValid} | ${m.killed + m.timeout} | ${m.survived} | ${m.noCoverage} | ${pct(m)} |`);
    for (const child of node.childResults) walk(child, full);
  };
  walk(tree, "");
  const missing = [...files.values()].flat().filter((f) => !merged.files[f]);
  const summary = [
    `# Mutation scores (scripts/mutate.mjs)`,
    ``,
    `Whole scope: **${pct(tree.metrics)}** (${tree.metrics.totalDetected} of ${tree.metrics.totalValid} mutants detected; ${tree.metrics.ignored} ignored as static)${missing.length ? `; **${missing.length} files not in any report yet**: ${missing.join(", ")}` : ""}.`,
    ``,
    `| shard | score | run | state |`,
    `|---|---|---|---|`,
    ...rows,
    ``,
    `| file | mutants | killed + timeout | survived | no coverage | score |`,
    `|---|---|---|---|---|---|`,
    ...lines,
    ``,
  ].join("\n");
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, "mutation.json"), JSON.stringify(merged));
  const require = createRequire(import.meta.url);
  const elements = readFileSync(require.resolve("mutation-testing-elements/dist/mutation-test-elements.js"), "utf8");
  writeFileSync(
    join(OUT, "mutation.html"),
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>huizong mutation report</title><script>${elements}</script></head><body>` +
      `<mutation-test-report-app titlePostfix="huizong"></mutation-test-report-app><script>` +
      `document.querySelector("mutation-test-report-app").report = ${JSON.stringify(merged).replace(/</g, '<"+"')};</script></body></html>`,
  );
  writeFileSync(join(OUT, "summary.md"), summary);
  return summary;
}

async function main() {
  const args = process.argv.slice(2);
  if (args.includes("--mutate")) {
    const r = spawnSync(process.execPath, [join(ROOT, "node_modules/@stryker-mutator/core/bin/stryker.js"), "run", ...args], { cwd: ROOT, stdio: "inherit" });
    process.exit(r.status ?? 1);
  }
  const onlyAt = args.indexOf("--only");
  const unknown = args.filter((a, i) => !["--only", "--list", "--report"].includes(a) && (onlyAt < 0 || i !== onlyAt + 1));
  if (unknown.length || (onlyAt >= 0 && !args[onlyAt + 1])) {
    console.error(`npm run mutate: unknown arguments ${unknown.join(" ") || "(--only needs shard names)"}; see the usage at the top of scripts/mutate.mjs`);
    process.exit(2);
  }
  const files = assign();
  const only = onlyAt >= 0 ? new Set((args[onlyAt + 1] ?? "").split(",").filter(Boolean)) : null;
  for (const name of only ?? []) if (!SHARDS.some((s) => s.name === name)) throw new Error(`no shard named ${name}; npm run mutate -- --list`);
  if (args.includes("--list")) {
    for (const shard of SHARDS) {
      const now = stamp(shard, files.get(shard.name));
      const got = readShard(shard.name, now);
      const state = !got ? "not run" : `${got.meta.stamp === now ? "current" : "stale"}${got.meta.recorded ? "*" : ""}`;
      console.log(`${shard.name.padEnd(16)} ${String(files.get(shard.name)?.length).padStart(3)} files  ${state.padEnd(8)} ${files.get(shard.name)?.join(" ")}`);
    }
    return;
  }
  if (!args.includes("--report")) {
    for (const shard of SHARDS) {
      if (only && !only.has(shard.name)) continue;
      const mine = /** @type {string[]} */ (files.get(shard.name));
      const now = stamp(shard, mine);
      if (!only && readShard(shard.name, now)?.meta.stamp === now) {
        console.log(`shard ${shard.name}: report current, not re-run`);
        continue;
      }
      await runShard(shard, mine, now);
    }
  }
  console.log(`\n${report(files)}`);
}

main().catch((e) => {
  console.error(`npm run mutate: ${e.message}`);
  process.exit(1);
});
