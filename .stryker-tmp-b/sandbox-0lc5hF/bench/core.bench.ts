/**
 * Read + check one filled template in a warm process (target ≤ 15 ms median),
 * with the reader's parts shown separately and exceljs's own load as a yardstick.
 */
// @ts-nocheck

import ExcelJS from "exceljs";
import { checkSubmission } from "../templates/checks";
import { inspectWorkbook } from "../templates/inspect";
import { readSubmission, TEMPLATE_SHEETS } from "../templates/read";
import { buildTemplate } from "../templates/build";
import { sampleFill } from "../templates/samples";
import { readXlsxGrid } from "../templates/xlsx/index";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(label: string, runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await fn(); // warm up
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  const m = median(xs);
  console.log(`${label.padEnd(44)} median ${m.toFixed(2)} ms  (p90 ${[...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)]!.toFixed(2)} ms, n=${runs})`);
  return m;
}

const bytes = await buildTemplate({ fill: sampleFill({ name: "青阳镇", code: "330102001000", type: "乡镇" }, "2025-Y", 7) });
console.log(`filled template: ${bytes.length} bytes`);
const total = await time("read + check (inspectWorkbook)", 500, () => inspectWorkbook(bytes, { expectedPeriod: "2025-Y" }));
await time("  bytes → grid (readXlsxGrid, template sheets)", 500, () => readXlsxGrid(bytes, { sheets: TEMPLATE_SHEETS }));
const g = readXlsxGrid(bytes, { sheets: TEMPLATE_SHEETS });
if (!g.ok) throw new Error(g.message);
await time("  grid → submission → findings", 2000, () => {
  const r = readSubmission(g.grid);
  if (r.ok) checkSubmission(r.submission);
});
await time("yardstick: exceljs workbook.xlsx.load", 100, async () => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer));
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(`target: read + check ≤ 15 ms → ${total <= 15 ? "met" : "NOT met"} (${total.toFixed(2)} ms)`);
