/**
 * Print the city workbook (40 towns) and the blank template with LibreOffice
 * (xlsx → PDF → PNG), the way a bureau prints them, and keep the pages of
 * 汇总 and 文字材料汇编 in docs/ for the README. `npx tsx scripts/print-preview.ts [outDir]`
 */
// @ts-nocheck

import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { writeConsolidationWorkbook } from "../templates/merge/workbook";
import { printConsolidation } from "../tests/support/print-fixture";

const out = resolve(process.argv[2] ?? "out/print");
mkdirSync(out, { recursive: true });
const c = printConsolidation(40);
const file = join(out, "city.xlsx");
writeFileSync(file, await writeConsolidationWorkbook(c, { generatedAt: "2026-01-10T02:30:00Z" }));
execFileSync("soffice", [`-env:UserInstallation=file://${join(out, "lo-profile")}`, "--headless", "--convert-to", "pdf", "--outdir", out, file], { timeout: 300_000, stdio: "pipe" });
const pdf = join(out, "city.pdf");
const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { maxBuffer: 64 << 20 }).toString("utf8");
const pages = text.split("\f");
const find = (needle: string) => pages.findIndex((p) => p.includes(needle)) + 1;
const summaryPage = find("科技工作情况汇总表\n") || 1;
const narrativePage = find("文字材料汇编");
console.log(`pages: ${pages.length - 1}; 汇总 at ${summaryPage}; 文字材料汇编 at ${narrativePage}`);
for (const [name, page] of [["print-summary", summaryPage], ["print-narrative", narrativePage]] as const) {
  execFileSync("pdftoppm", ["-png", "-r", "70", "-f", String(page), "-l", String(page), "-singlefile", pdf, join(out, name)]);
  if (process.argv.includes("--docs")) copyFileSync(join(out, `${name}.png`), resolve("docs", `${name}.png`));
}
writeFileSync(join(out, "city.txt"), text);
