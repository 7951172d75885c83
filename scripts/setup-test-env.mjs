// Makes sure the real things the tests talk to are on this machine:
// Debian's chromium (browser tests) and LibreOffice Calc (recalculation and
// LibreOffice-saved files), plus python3-openpyxl (the benchmark's yardstick).
// Installs them with apt-get when missing (needs root, as on CI and dev machines here).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const needs = [
  { bin: "/usr/bin/chromium", pkg: "chromium", why: "browser tests (playwright-core drives Debian's chromium)" },
  { bin: "/usr/bin/soffice", pkg: "libreoffice-calc-nogui", why: "recalculating output workbooks, LibreOffice-saved fixtures" },
  { bin: "/usr/lib/python3/dist-packages/openpyxl/__init__.py", pkg: "python3-openpyxl", why: "benchmark yardstick" },
  { bin: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", pkg: "fonts-noto-cjk", why: "Chinese glyphs in screenshots" },
];
const missing = needs.filter((n) => !existsSync(n.bin));
if (missing.length === 0) {
  console.log("test environment: chromium, LibreOffice, openpyxl present");
  process.exit(0);
}
for (const m of missing) console.log(`test environment: installing ${m.pkg} for ${m.why}`);
if (process.getuid && process.getuid() !== 0) {
  console.error(`test environment: missing ${missing.map((m) => m.pkg).join(", ")}; run as root or: sudo apt-get install -y ${missing.map((m) => m.pkg).join(" ")}`);
  process.exit(1);
}
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
const r = spawnSync("apt-get", ["install", "-y", "-qq", ...missing.map((m) => m.pkg)], { stdio: "inherit", env });
if (r.status !== 0) process.exit(r.status ?? 1);
console.log("test environment: installed");
