// @ts-nocheck
// `npm run bench`: builds, then runs every bench/*.bench.ts in its own process
// (so each reports its own peak memory) and prints their medians.
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
const only = process.argv.slice(2);
const files = readdirSync("bench").filter((f) => f.endsWith(".bench.ts") && (!only.length || only.some((o) => f.includes(o)))).sort();
let failed = 0;
for (const f of files) {
  console.log(`\n=== bench/${f} ===`);
  const r = spawnSync(process.execPath, ["--import", "tsx", "--expose-gc", `bench/${f}`], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
