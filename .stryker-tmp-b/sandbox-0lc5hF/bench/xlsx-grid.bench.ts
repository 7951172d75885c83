/**
 * Bench: readXlsxGrid vs exceljs `xlsx.load` on a template-sized workbook
 * (5 sheets, 60 rows × 8 cols, Chinese text, formulas), and the worksheet
 * scanner vs the saxes oracle from tests/support on the same sheets; a filled
 * template read and checked (inspectWorkbook) with fflate and with Node's zlib,
 * and its small parts (workbook, rels, styles, shared strings) scanned vs saxes.
 * Run: npm run bench (or node --import tsx bench/xlsx-grid.bench.ts)
 */
// @ts-nocheck

import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { DEFAULT_XLSX_LIMITS, readXlsxGrid } from "../templates/xlsx";
import type { SheetContext } from "../templates/xlsx/cells";
import { parseSheetScan } from "../templates/xlsx/sheet-scan";
import { parseSheetSaxes } from "../tests/support/sheet-saxes";
import { BAD_FILES } from "../tests/fixtures/bad-files";
import { buildTemplate } from "../templates/build";
import { inspectWorkbook } from "../templates/inspect";
import { sampleFill } from "../templates/samples";
import { scanXml } from "../templates/xlsx/scan";
import { saxParse } from "../tests/support/saxes-oracle";
import { nativeUnzip } from "../functions/service/native-deflate";

async function buildWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const groups = ["科技投入", "科技项目", "创新主体", "知识产权", "科学普及"];
  for (const g of groups) {
    const ws = wb.addWorksheet(g);
    ws.addRow(["指标代码", "指标名称", "单位", "本期", "上年同期", "同比增长", "全年目标", "完成率"]);
    for (let r = 2; r <= 60; r++) {
      const row = ws.getRow(r);
      row.getCell(1).value = `${g.slice(0, 2)}-${String(r).padStart(3, "0")}`;
      row.getCell(2).value = `${g}指标第${r}项（专利申请、高新技术企业、财政科技拨款）`;
      row.getCell(3).value = r % 2 ? "万元" : "件";
      row.getCell(4).value = r * 13.5;
      row.getCell(5).value = r * 11;
      row.getCell(6).value = { formula: `IF(E${r}=0,"新增",(D${r}-E${r})/E${r})`, result: (r * 13.5 - r * 11) / (r * 11) };
      row.getCell(6).numFmt = "0.0%";
      row.getCell(7).value = r * 20;
      row.getCell(8).value = { formula: `D${r}/G${r}`, result: (r * 13.5) / (r * 20) };
      row.getCell(8).numFmt = "0.00%";
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  const bytes = await buildWorkbook();
  const check = readXlsxGrid(bytes);
  if (!check.ok) throw new Error(`read failed: ${check.code}`);
  const cells = check.grid.sheets.reduce((n, s) => n + Object.keys(s.cells).length, 0);
  console.log(`workbook: ${bytes.length} bytes, ${check.grid.sheets.length} sheets, ${cells} cells`);

  const time = (fn: () => void, n: number): number => {
    for (let i = 0; i < 20; i++) fn();
    const t: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      fn();
      t.push(performance.now() - s);
    }
    return median(t);
  };
  const scan = time(() => readXlsxGrid(bytes), 300);

  // The worksheets alone, as readXlsxGrid hands them to its sheet parser (shared strings are only looked up).
  const parts = unzipSync(bytes);
  const sheetXml = Object.keys(parts)
    .filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k))
    .map((k) => strFromU8(parts[k]!));
  const strings = new Array<string>(strFromU8(parts["xl/sharedStrings.xml"]!).split("<si>").length).fill("文本");
  const ctx = (): SheetContext => ({ sharedStrings: strings, xfFormats: [], limits: DEFAULT_XLSX_LIMITS, deadline: Infinity, cellCount: 0 });
  const parseAll = (parse: typeof parseSheetScan) => () => {
    for (const xml of sheetXml) if ("fail" in parse(xml, ctx())) throw new Error("sheet parse failed");
  };
  const sheetsScan = time(parseAll(parseSheetScan), 300);
  const sheetsSax = time(parseAll(parseSheetSaxes), 300);
  const one = time(() => readXlsxGrid(bytes, { sheets: ["知识产权"] }), 300);

  const ex: number[] = [];
  for (let i = 0; i < 40; i++) {
    const s = performance.now();
    await new ExcelJS.Workbook().xlsx.load(Buffer.from(bytes) as never);
    if (i >= 10) ex.push(performance.now() - s);
  }
  console.log(`readXlsxGrid                    median ${scan.toFixed(2)} ms`);
  console.log(`  ${sheetXml.length} worksheets: scanner    median ${sheetsScan.toFixed(2)} ms`);
  console.log(`  ${sheetXml.length} worksheets: saxes      median ${sheetsSax.toFixed(2)} ms (tests/support oracle)`);
  console.log(`readXlsxGrid (1 sheet of 5)     median ${one.toFixed(2)} ms`);
  console.log(`exceljs workbook.xlsx.load      median ${median(ex).toFixed(2)} ms`);

  // A filled template, as the merge reads each town's file.
  const filled = await buildTemplate({ fill: sampleFill({ name: "青阳镇", code: "330102001000", type: "乡镇" }, "2025-Y", 1, 1) });
  const small = Object.entries(unzipSync(filled))
    .filter(([k]) => /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|styles\.xml|sharedStrings\.xml)$/.test(k))
    .map(([, v]) => strFromU8(v));
  const noop = { open() {}, text() {}, close() {} };
  console.log(`filled template: inspectWorkbook, fflate          median ${time(() => inspectWorkbook(filled), 300).toFixed(2)} ms`);
  console.log(`filled template: inspectWorkbook, Node's zlib     median ${time(() => inspectWorkbook(filled, { codec: nativeUnzip }), 300).toFixed(2)} ms`);
  console.log(`  its ${small.length} small parts (${small.reduce((n, x) => n + x.length, 0)} chars): scanner median ${time(() => small.forEach((x) => scanXml(x, noop)), 300).toFixed(2)} ms, saxes median ${time(() => small.forEach((x) => saxParse(x, noop)), 300).toFixed(2)} ms`);

  // Refusing bad files (was a 3 s bound inside tests/xlsx-grid.test.ts): the time to each answer.
  for (const bad of BAD_FILES) {
    const b = await bad.make();
    const ms = time(() => readXlsxGrid(b), 5);
    console.log(`refuse ${bad.kind.padEnd(28)} ${bad.expected.padEnd(18)} median ${ms.toFixed(2)} ms`);
  }
}

await main();
