// Makes sure the real things the tests talk to are on this machine:
// Debian's chromium (browser tests) and LibreOffice Calc (recalculation and
// LibreOffice-saved files), plus python3-openpyxl (the benchmark's yardstick)
// and CJK fonts (screenshots), LibreOffice Writer and poppler (the drafted summary, printed). Installs what is missing with apt-get.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { installDebianPackages } from "./apt.mjs";
import { findChromium } from "./ensure-chromium.mjs";

const needs = [
  { present: () => findChromium() !== null, pkg: "chromium", why: "browser tests (playwright-core drives Debian's chromium)" },
  { present: () => existsSync("/usr/bin/soffice"), pkg: "libreoffice-calc-nogui", why: "recalculating output workbooks, LibreOffice-saved fixtures" },
  { present: () => existsSync("/usr/lib/python3/dist-packages/openpyxl/__init__.py"), pkg: "python3-openpyxl", why: "benchmark yardstick" },
  { present: () => existsSync("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"), pkg: "fonts-noto-cjk", why: "Chinese glyphs in screenshots" },
  { present: () => existsSync("/usr/lib/libreoffice/program/libswlo.so"), pkg: "libreoffice-writer-nogui", why: "printing the drafted summary (.docx → PDF)" },
  { present: () => existsSync("/usr/bin/pdftotext") && existsSync("/usr/bin/pdftoppm"), pkg: "poppler-utils", why: "reading printed pages (pdftotext) and page images (pdftoppm)" },
];
// Python tools the service tests start themselves; they come with the machine image (pip), not from Debian,
// so they are checked here and reported clearly rather than installed.
const python = [
  { ok: () => run("python3", ["-c", "import moto, sys; sys.stdout.write(moto.__version__)"]) === "5.2.1", what: "moto 5.2.1 (scripts/moto_server.py serves it: the S3 server with conditional writes for the storage and commit tests)" },
  { ok: () => /^cfn-lint 1\./.test(run("cfn-lint", ["--version"]) ?? ""), what: "cfn-lint 1.x (template.yaml lint in tests/functions-deploy.test.ts)" },
];
function run(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}
const absentPython = python.filter((p) => !p.ok());
for (const p of absentPython) console.error(`test environment: missing ${p.what}`);
if (absentPython.length) process.exit(1);
const missing = needs.filter((n) => !n.present());
if (missing.length === 0) {
  console.log("test environment: chromium, LibreOffice, openpyxl, CJK fonts, moto 5.2.1, cfn-lint present");
  process.exit(0);
}
for (const m of missing) console.log(`test environment: installing ${m.pkg} for ${m.why}`);
try {
  installDebianPackages(missing.map((m) => m.pkg));
} catch (e) {
  console.error(`test environment: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
console.log("test environment: installed");
