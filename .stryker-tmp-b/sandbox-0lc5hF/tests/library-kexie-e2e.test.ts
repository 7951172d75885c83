/**
 * A second library, made by a 科协 for its outreach form as an .xlsx (exceljs
 * writing what an administrator types into Excel), runs through everything
 * with no code of its own: template built by the CLI from the library, filled
 * with exceljs as a town clerk would, checked by the CLI, submitted to the
 * local server for a period that collects this library, consolidated there,
 * and merged by the CLI. Figures are from the seed reports (科普书刊1000册,
 * 科技咨询3500人次, 科普资料19万份, 科普志愿者600人, 群众3000人次 …).
 */
// @ts-nocheck

import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspectWorkbook } from "../templates/inspect";
import { libraryHash } from "../templates/library/embed";
import { readLibraryXlsx } from "../templates/library/read";
import type { Catalogue } from "../templates/catalogue";
import { REPORT_SHEETS, SUMMARY_COLS, sheetLayout } from "../templates/merge/workbook";
import { demoUnits } from "../templates/samples";
import { call, COUNTY, goodReport, startTestServer, tokenOf } from "./support/functions-server";

const dir = mkdtempSync(join(tmpdir(), "huizong-kexie-"));
function huizong(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/huizong.js", ...args], { encoding: "utf8", timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const LIBRARY_ROWS = [
  // 代码 指标名称 英文名称 计量单位 类型 分组 分项 其中属于 不超过 分子 分母 乡镇上限 比重上限 重点指标 说明
  ["K01", "科普活动", "Outreach events", "场次", "数量", "K", "", "", "", "", "", 500, "", "是", "科技活动周、科普日、三下乡等"],
  ["K02", "科普讲座", "of which lectures", "场次", "数量", "K", "", "K01", "", "", "", "", "", "", ""],
  ["K03", "参与群众", "Participants", "人次", "数量", "K", "", "", "", "", "", 200_000, "", "是", ""],
  ["K04", "发放科普资料", "Leaflets", "份", "数量", "K", "", "", "", "", "", 500_000, "", "", ""],
  ["K05", "赠送科普书刊", "Books", "册", "数量", "K", "", "", "", "", "", 100_000, "", "", ""],
  ["K06", "科技咨询", "Consultations", "人次", "数量", "K", "", "", "", "", "", 100_000, "", "", ""],
  ["L01", "科普志愿者", "Volunteers", "人", "数量", "L", "", "", "", "", "", 5_000, "", "", ""],
];
const HEADERS = ["代码", "指标名称", "英文名称", "计量单位", "类型", "分组", "分项", "其中属于", "不超过", "分子", "分母", "乡镇上限", "比重上限", "重点指标", "说明"];

/** The 科协's library workbook, typed sheet by sheet (rule settings left at their defaults: header only). */
async function kexieLibrary(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ind = wb.addWorksheet("指标");
  ind.addRow(HEADERS);
  for (const r of LIBRARY_ROWS) ind.addRow(r);
  const groups = wb.addWorksheet("分组");
  groups.addRow(["代码", "名称", "英文名称"]);
  groups.addRow(["K", "科普活动", "Outreach"]);
  groups.addRow(["L", "科普队伍", "Volunteers"]);
  wb.addWorksheet("规则设置").addRow(["设置", "代码", "值", "说明"]);
  const info = wb.addWorksheet("报表信息");
  for (const row of [
    ["指标库标识", "KX-KP-01"],
    ["版本", "2026.1"],
    ["报表名称", "科普工作情况统计表"],
    ["表号", "科协普1表"],
    ["制定机关", "市科学技术协会"],
    ["批准文号", "市科协〔2026〕3号"],
    ["有效期至", "2027年12月"],
  ])
    info.addRow(row);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const TOWNS = demoUnits(6, COUNTY).slice(0, 3);
const P = "2025-H1";
/** Per town: 本期 and 上年同期 of each code (figures of the seed reports). */
const FIGURES: Record<string, [number, number]>[] = [
  { K01: [12, 10], K02: [4, 3], K03: [3000, 2600], K04: [5000, 4200], K05: [1000, 900], K06: [1500, 1300], L01: [600, 520] },
  { K01: [8, 7], K02: [2, 2], K03: [2000, 1800], K04: [10000, 9000], K05: [2000, 1800], K06: [3500, 3000], L01: [120, 100] },
  { K01: [20, 18], K02: [6, 5], K03: [12000, 11000], K04: [190000, 150000], K05: [50000, 40000], K06: [2000, 1800], L01: [300, 280] },
];

/** Fill the template as a clerk: find each code's row in column B, type 本期/上年同期, the cover and the narrative. */
async function fillReport(template: Uint8Array, town: (typeof TOWNS)[number], figures: Record<string, [number, number]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const cover = wb.getWorksheet("封面")!;
  const values: [string, ExcelJS.CellValue][] = [
    ["C5", town.name],
    ["C6", town.code],
    ["C7", town.type],
    ["C8", 2025],
    ["C9", "上半年"],
    ["C10", "王芳"],
    ["C11", "13800138000"],
    ["C12", "李强"],
    ["C13", new Date(Date.UTC(2025, 6, 5))],
  ];
  for (const [cell, v] of values) cover.getCell(cell).value = v;
  const sheet = wb.getWorksheet("指标")!;
  sheet.eachRow((row) => {
    const f = figures[String(row.getCell(2).value ?? "")];
    if (!f) return;
    row.getCell(5).value = f[0];
    row.getCell(6).value = f[1];
  });
  const narrative = wb.getWorksheet("文字材料")!;
  narrative.getCell("A4").value = `${town.name}开展科技活动周和科普宣传月活动，组织科普志愿者深入村社开展科普宣传和科技咨询。`;
  narrative.getCell("A6").value = "基层科普网络薄弱，经费不足。";
  narrative.getCell("A8").value = "继续开展科技三下乡，办好科普讲座。";
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

let libFile: string;
let templateFile: string;
let catalogue: Catalogue;
const files: string[] = [];
let s: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  libFile = join(dir, "科协指标库.xlsx");
  writeFileSync(libFile, await kexieLibrary());
  const lib = readLibraryXlsx(readFileSync(libFile));
  if (!lib.ok) throw new Error(lib.message);
  catalogue = lib.catalogue;
  s = await startTestServer();
});
afterAll(async () => s?.cleanup());

const sum = (code: string, col: 0 | 1) => FIGURES.reduce((a, f) => a + f[code]![col], 0);

describe("a 科协 outreach library, from its .xlsx to the consolidation, with no code of its own", () => {
  it("the library checks clean and the CLI builds its template", () => {
    const check = huizong("library", "--check", libFile);
    expect(check.err).toBe("");
    expect(check.out.trim()).toBe(`${libFile}: 指标库“科普工作情况统计表”（KX-KP-01 版本 2026.1），7 个指标，检查通过。`);
    templateFile = join(dir, "科普报表.xlsx");
    const r = huizong("template", "--library", libFile, "-o", templateFile);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(`已写出空白模板：${templateFile}（科普工作情况统计表 KX-KP-01 版本 2026.1）`);
  });

  it("the template has the library's rows, title and 表号, and carries the library", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(templateFile) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("指标")!;
    expect(ws.getCell("A1").value).toBe("科普工作情况统计表——主要指标");
    expect(String(ws.getCell("A2").value)).toContain("表号：科协普1表　制定机关：市科学技术协会");
    const rows = [6, 7, 8, 9, 10, 11, 12, 13, 14].map((r) => [ws.getCell(`B${r}`).value ?? null, ws.getCell(`C${r}`).value, ws.getCell(`D${r}`).value ?? null]);
    expect(rows).toEqual([
      [null, "一、科普活动", null],
      ["K01", "科普活动", "场次"],
      ["K02", "  其中：科普讲座", "场次"],
      ["K03", "参与群众", "人次"],
      ["K04", "发放科普资料", "份"],
      ["K05", "赠送科普书刊", "册"],
      ["K06", "科技咨询", "人次"],
      [null, "二、科普队伍", null],
      ["L01", "科普志愿者", "人"],
    ]);
    expect(ws.getCell("B15").value ?? null).toBeNull();
    expect(wb.getWorksheet("模板信息")!.state).toBe("veryHidden");
    expect(wb.getWorksheet("模板信息")!.getCell("B1").value).toBe("KX-KP-01");
  });

  it("filled reports check clean with the CLI, with or without --library (the file carries it)", async () => {
    const template = new Uint8Array(readFileSync(templateFile));
    for (const [i, town] of TOWNS.entries()) {
      const f = join(dir, `${town.name}.xlsx`);
      writeFileSync(f, await fillReport(template, town, FIGURES[i]!));
      files.push(f);
    }
    for (const f of files) {
      const withLib = huizong("check", f, "--library", libFile, "--period", P, "--json");
      expect(withLib.code).toBe(0);
      expect(JSON.parse(withLib.out).findings).toEqual([]);
      expect(huizong("check", f, "--period", P).code).toBe(0);
    }
    const r = JSON.parse(huizong("check", files[0]!, "--json").out);
    expect(r.record.templateId).toBe("KX-KP-01");
    expect(r.record.values.K05).toEqual({ current: 1000, prior: 900, target: null });
  });

  it("the library's own relations and limits are checked: 其中 over its total, a town over 乡镇上限 (at the edge)", async () => {
    const template = new Uint8Array(readFileSync(templateFile));
    const over = join(dir, "over.xlsx");
    writeFileSync(over, await fillReport(template, TOWNS[0]!, { ...FIGURES[0]!, K02: [13, 9], K01: [12, 10], L01: [5001, 4800] }));
    const r = huizong("check", over, "--json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).findings.map((f: { rule: string; cell: string; severity: string }) => [f.severity, f.rule, f.cell])).toEqual([
      ["error", "PART_EXCEEDS_TOTAL", "E8"],
      ["warning", "VALUE_IMPLAUSIBLE", "E14"],
    ]);
    const edge = join(dir, "edge.xlsx");
    writeFileSync(edge, await fillReport(template, TOWNS[0]!, { ...FIGURES[0]!, K02: [12, 10], L01: [5000, 4800] }));
    expect(JSON.parse(huizong("check", edge, "--json").out).findings).toEqual([]);
  });

  it("a report of the built-in library is refused when the 科协 library is expected, and the other way round", async () => {
    const builtin = join(dir, "builtin.xlsx");
    writeFileSync(builtin, await goodReport(TOWNS[0]!, P, 1));
    const r = huizong("check", builtin, "--library", libFile);
    expect(r.code).toBe(2);
    expect(r.err).toContain("（这是“科技工作情况统计报表”（HZ-KJ-01），本次收集的是“科普工作情况统计表”（KX-KP-01）） (NOT_TEMPLATE)");
    const back = inspectWorkbook(readFileSync(files[0]!));
    expect(back.ok && back.catalogue.id).toBe("KX-KP-01");
  });

  it("the server collects the 科协 library for a period: submit, refuse a built-in report, consolidate with exact sums", async () => {
    const city = tokenOf(s, "330100000000");
    const opened = await call(s.url, "POST", "/api/periods", { token: city, json: { id: P, library: catalogue } });
    expect(opened.status).toBe(201);
    expect(opened.body.period.library).toEqual({ id: "KX-KP-01", version: "2026.1", title: "科普工作情况统计表" });
    // Kept by the server, content-addressed, where keys.ts says.
    const kept = readdirSync(join(s.dataDir, "config", "libraries", "KX-KP-01", "2026.1"));
    expect(kept).toEqual([`${libraryHash(catalogue)}.json`]);
    const byRef = await call(s.url, "POST", "/api/periods", { token: city, json: { id: "2025-Q3", library: { id: "KX-KP-01", version: "2026.1" } } });
    expect([byRef.status, byRef.body.period.library]).toEqual([201, { id: "KX-KP-01", version: "2026.1", title: "科普工作情况统计表" }]);
    const unknown = await call(s.url, "POST", "/api/periods", { token: city, json: { id: "2025-Q4", library: { id: "KX-KP-01", version: "2027.1" } } });
    expect([unknown.status, unknown.body.code]).toEqual([404, "LIBRARY_NOT_FOUND"]);
    const broken = await call(s.url, "POST", "/api/periods", { token: city, json: { id: "2025-Q4", library: { ...catalogue, indicators: [{ ...catalogue.indicators[0], components: ["K99"] }] } } });
    expect([broken.status, broken.body.code]).toEqual([400, "BAD_LIBRARY"]);
    for (const [i, town] of TOWNS.entries()) {
      const res = await call(s.url, "POST", `/api/periods/${P}/units/${town.code}/reports`, { token: tokenOf(s, town.code), bytes: new Uint8Array(readFileSync(files[i]!)) });
      expect(res.status).toBe(201);
    }
    const refused = await call(s.url, "POST", `/api/periods/${P}/units/${TOWNS[0]!.code}/reports`, { token: tokenOf(s, TOWNS[0]!.code), bytes: await goodReport(TOWNS[0]!, P, 1) });
    expect([refused.status, refused.body.code]).toEqual([422, "NOT_TEMPLATE"]);

    const res = await call(s.url, "POST", `/api/periods/${P}/consolidations`, { token: tokenOf(s, COUNTY), json: { parent: COUNTY, include: "submitted" } });
    expect(res.status).toBe(201);
    expect(res.body.counts).toMatchObject({ expected: 6, submitted: 3, missing: 3 });
    expect(res.body.totals.K03).toMatchObject({ current: sum("K03", 0), prior: sum("K03", 1) });
    const file = await call(s.url, "GET", res.body.download.url);
    expect(file.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body);
    const summary = wb.getWorksheet(REPORT_SHEETS.summary)!;
    const rows = sheetLayout(catalogue).SUMMARY_ROWS;
    for (const code of ["K01", "K02", "K03", "K04", "K05", "K06", "L01"]) {
      const cell = summary.getCell(`${SUMMARY_COLS.current}${rows[code]}`);
      const v = typeof cell.value === "object" && cell.value !== null && "result" in cell.value ? cell.value.result : cell.value;
      expect([code, summary.getCell(`${SUMMARY_COLS.code}${rows[code]}`).value, v]).toEqual([code, code, sum(code, 0)]);
    }
    // The consolidation is itself a 科协 report for the next level up.
    const again = inspectWorkbook(new Uint8Array(file.body));
    if (!again.ok) throw new Error(again.message);
    expect(again.catalogue.id).toBe("KX-KP-01");
    expect(again.record?.values.K04?.current).toBe(sum("K04", 0));

    // A town's template downloaded for the period is the period's library, prefilled with its cover.
    const town = demoUnits(6, COUNTY)[4]!;
    const tpl = await call(s.url, "GET", `/api/template?period=${P}&unit=${town.code}`, { token: tokenOf(s, town.code) });
    expect(tpl.status).toBe(200);
    const read = inspectWorkbook(tpl.body as Uint8Array);
    if (!read.ok) throw new Error(read.message);
    expect([read.catalogue.id, read.catalogue.version, read.submission.cover.unitName.text, read.submission.cover.divisionCode.text]).toEqual(["KX-KP-01", "2026.1", town.name, town.code]);
    expect(Object.keys(read.submission.indicators)).toEqual(catalogue.indicators.map((i) => i.code));
  });

  it("the CLI merges the three reports with the library they carry: exact sums, 科协 rows on 汇总", async () => {
    const out = join(dir, "汇总.xlsx");
    const r = huizong("merge", ...files, "--period", P, "--unit", "示例区科协", "--code", COUNTY, "-o", out, "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.library).toEqual({ id: "KX-KP-01", version: "2026.1", title: "科普工作情况统计表" });
    expect(Object.keys(json.totals)).toEqual(["K01", "K02", "K03", "K04", "K05", "K06", "L01"]);
    for (const code of Object.keys(json.totals)) expect([code, json.totals[code].current, json.totals[code].prior]).toEqual([code, sum(code, 0), sum(code, 1)]);
    const text = huizong("merge", ...files, "-o", join(dir, "汇总2.xlsx"));
    expect(text.out).toContain(`  科普活动：${sum("K01", 0)}场次，同比`);
    expect(text.out).toContain(`  参与群众：${sum("K03", 0).toLocaleString("zh-CN")}人次，同比`);
  });
});
