// @ts-nocheck
// Page images of the drafted summary for the README (docs/draft-*.png): the demo
// city's draft (示例市, 2025年全年, 6 units, 西溪街道 missing) printed by
// LibreOffice, pages rendered by pdftoppm. Run: npm run docs:draft
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { writeDraft } from "../templates/draft/index";
import { mergeReports } from "../templates/merge/merge";
import { demoUnits, sampleFill } from "../templates/samples";
import { inspectWorkbook } from "../templates/inspect";
import { buildTemplate } from "../templates/build";

const ROOT = resolve(import.meta.dirname, "..");
const units = demoUnits(6, "330102000000");
const inputs = [];
for (const [i, u] of units.slice(0, 5).entries()) {
  // Through the real template and reader, as the command line does.
  const r = await inspectWorkbook(await buildTemplate({ fill: sampleFill(u, "2025-Y", 101 + i, 1 + i * 0.4) }));
  if (!r.ok || !r.record) throw new Error(`${u.name}: not readable`);
  inputs.push({ record: r.record, source: `${u.name}.xlsx` });
}
const merged = mergeReports(inputs, { roster: units.map((u) => ({ ...u, parent: "330100000000" })), unit: { name: "示例市", code: "330100000000" }, period: "2025-Y" });
if (!merged.ok) throw new Error(merged.message);
const dir = mkdtempSync(join(tmpdir(), "huizong-draft-pages-"));
try {
  writeFileSync(join(dir, "draft.docx"), await writeDraft(merged.consolidation));
  execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, join(dir, "draft.docx")], { stdio: "pipe", timeout: 180_000 });
  execFileSync("pdftoppm", ["-r", "70", "-png", join(dir, "draft.pdf"), join(dir, "page")]);
  const pages = readdirSync(dir).filter((f) => f.startsWith("page-")).sort();
  // 附表 starts on the first landscape page.
  const sizes = [...execFileSync("pdfinfo", ["-f", "1", "-l", String(pages.length), join(dir, "draft.pdf")]).toString().matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)];
  const table = sizes.findIndex((m) => Number(m[1]) > Number(m[2]));
  // First page, a page of town points (主要工作及成效), the first page of 附表.
  const picks: [string, number][] = [["draft-1.png", 0], ["draft-points.png", Math.floor(table / 2) + 2], ["draft-table.png", table]];
  for (const [name, i] of picks) copyFileSync(join(dir, pages[i]!), join(ROOT, "docs", name));
  console.log(`${pages.length} pages; wrote ${picks.map(([n]) => `docs/${n}`).join(", ")}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
