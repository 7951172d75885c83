/**
 * Assigned targets at 1—6月: 完成率 against the assigned targets, 序时进度 50%
 * beside it and "落后序时进度 x 个百分点" where behind, on 汇总 and 排名 —
 * cached values exact, and LibreOffice (recalculating on load) agreeing. The
 * city's own target is the table's, not the sum of its towns'; a typed target
 * that differs from the assigned one is carried as TARGET_DIFFERS (the model's
 * figures without LibreOffice: targets-model.test.ts).
 */
// @ts-nocheck

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INDICATORS } from "../templates/catalog";
import type { Grid, GridSheet } from "../templates/grid";
import { sheetByName } from "../templates/grid";
import type { Consolidation } from "../templates/merge/merge";
import { DETAIL, SUMMARY_ROWS, detailColumn, writeConsolidationWorkbook } from "../templates/merge/workbook";
import { rankingBlockRow } from "../templates/merge/sheets/ranking";
import { readXlsxGrid } from "../templates/xlsx/index";
import { TABLE, TOWNS, merged } from "./support/targets-case";

const dir = mkdtempSync(join(tmpdir(), "hz-targets-"));
const profile = join(dir, "profile");

/** LibreOffice, told to recalculate every formula on load (as in city-workbook-libreoffice.test.ts). */
function convert(file: string, to: string, outDir: string): void {
  const user = join(profile, "user");
  mkdirSync(user, { recursive: true });
  writeFileSync(
    join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`,
  );
  execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", to, "--outdir", outDir, file], { timeout: 180_000, stdio: "pipe" });
}

function gridOf(bytes: Uint8Array): Grid {
  const r = readXlsxGrid(bytes, { limits: { maxCells: 2_000_000 } });
  if (!r.ok) throw new Error(r.code);
  return r.grid;
}
const val = (ws: GridSheet, a: string) => ws.cells[a]?.value ?? null;

const row = SUMMARY_ROWS.D01!;
const HEADS = INDICATORS.filter((i) => i.headline).map((i) => i.code);
const top = rankingBlockRow(HEADS.indexOf("D01"), TOWNS.length);

let c: Consolidation;
let cached: Grid;
let recalculated: Grid;
/** The printed pages (pdftotext -layout) of the workbook. */
let printed: string[];
beforeAll(async () => {
  c = merged(TABLE);
  const file = join(dir, "汇总.xlsx");
  writeFileSync(file, await writeConsolidationWorkbook(c));
  cached = gridOf(new Uint8Array(readFileSync(file)));
  const out = join(dir, "recalc");
  mkdirSync(out);
  convert(file, "xlsx", out);
  recalculated = gridOf(new Uint8Array(readFileSync(join(out, "汇总.xlsx"))));
  convert(file, "pdf", dir);
  printed = execFileSync("pdftotext", ["-layout", join(dir, "汇总.pdf"), "-"], { maxBuffer: 64 << 20 }).toString("utf8").split("\f");
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("汇总: 完成率 and 序时进度 side by side", () => {
  it("headers", () => {
    const ws = sheetByName(cached, "汇总")!;
    expect(["I4", "J4", "K4", "L4", "M4"].map((a) => val(ws, a))).toEqual(["全年目标", "完成率", "序时进度", "较序时进度", "备注"]);
  });
  it("cached: 本期 100, 全年目标 240 (the city's own, a figure, not a sum formula), 完成率 41.67%, 序时进度 50%, 落后 8.3 个百分点", () => {
    const ws = sheetByName(cached, "汇总")!;
    expect([`E${row}`, `I${row}`, `J${row}`, `K${row}`, `L${row}`].map((a) => val(ws, a))).toEqual([100, 240, 100 / 240, 0.5, "落后序时进度 8.3 个百分点"]);
    expect(ws.cells[`I${row}`]!.formula).toBeUndefined();
    expect(val(ws, `M${row}`)).toBe("3个单位填报；全年目标为上级下达");
  });
  it("LibreOffice recalculates the same figures and the same wording", () => {
    const before = sheetByName(cached, "汇总")!;
    const after = sheetByName(recalculated, "汇总")!;
    const cells = [`E${row}`, `I${row}`, `J${row}`, `K${row}`, `L${row}`];
    expect(cells.map((a) => val(after, a))).toEqual([100, 240, expect.closeTo(100 / 240, 12), 0.5, "落后序时进度 8.3 个百分点"]);
    // Every 较序时进度 cell of the sheet agrees with its cached text.
    for (const ind of INDICATORS) {
      const a = `L${SUMMARY_ROWS[ind.code]}`;
      expect([ind.code, val(after, a) ?? ""]).toEqual([ind.code, val(before, a) ?? ""]);
    }
  });
});

describe("排名: each town's 完成率 and 较序时进度", () => {
  const rows = [top + 2, top + 3, top + 4];
  it("cached: 青阳镇 41.7% behind by 8.3 points; 清河街道 exactly on schedule; 南山镇 ahead", () => {
    const ws = sheetByName(cached, "排名")!;
    expect(val(ws, `A${top}`)).toBe("专利申请（件）　序时进度 50.0%");
    expect(["A", "B", "C", "D", "E", "F"].map((col) => val(ws, `${col}${top + 1}`))).toEqual(["名次", "单位", "本期", "同比增长", "完成率", "较序时进度"]);
    expect(rows.map((r) => [val(ws, `B${r}`), val(ws, `C${r}`), val(ws, `E${r}`), val(ws, `F${r}`) ?? ""])).toEqual([
      ["青阳镇", 50, 50 / 120, "落后序时进度 8.3 个百分点"],
      ["清河街道", 30, 0.5, ""],
      ["南山镇", 20, 0.8, ""],
    ]);
  });
  it("LibreOffice agrees", () => {
    const ws = sheetByName(recalculated, "排名")!;
    expect(rows.map((r) => [val(ws, `B${r}`), val(ws, `C${r}`), val(ws, `E${r}`), val(ws, `F${r}`) ?? ""])).toEqual([
      ["青阳镇", 50, expect.closeTo(50 / 120, 12), "落后序时进度 8.3 个百分点"],
      ["清河街道", 30, 0.5, ""],
      ["南山镇", 20, 0.8, ""],
    ]);
  });
  it("分单位明细 holds the assigned targets the 完成率 is computed from", () => {
    const ws = sheetByName(recalculated, "分单位明细")!;
    expect([0, 1, 2].map((i) => val(ws, `${detailColumn("D01", "target")}${DETAIL.firstRow + i}`))).toEqual([120, 60, 25]);
  });
});

describe("printed (LibreOffice → PDF)", () => {
  const summaryPages = () => printed.filter((p) => /^\s*汇总\s+第\d+页/m.test(p));
  it("汇总 keeps 完成率, 序时进度, 较序时进度 and 备注 on the page: one header line, and each row's name beside its 落后 wording", () => {
    const pages = summaryPages();
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const header = page.split("\n").find((l) => l.includes("指标名称"));
      expect(header?.replace(/\s+/g, " ").trim()).toBe("序号 指标代码 指标名称 计量单位 本期 上年同期 增减量 同比增长 全年目标 完成率 序时进度 较序时进度 备注");
    }
    const d01 = pages.join("\n").split("\n").find((l) => /\sD01\s/.test(l));
    expect(d01?.replace(/\s+/g, " ").trim()).toMatch(/^\d+ D01 专利申请 件 100 120 -20 -16\.7% 240 41\.7% 50\.0% 落后序时进度 8\.3 个百分点/);
  });
});
