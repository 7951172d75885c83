/**
 * A spreadsheet that recalculates must show what the cached values show: open
 * the city workbook in LibreOffice (told to recalculate on load), save it, and
 * compare every formula cell's recalculated value with the value we cached.
 */
// @ts-nocheck

import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Grid } from "../templates/grid";
import type { ReportRecord } from "../templates/record";
import { demoUnits } from "../templates/samples";
import { readXlsxGrid } from "../templates/xlsx/index";
import { mergeReports, type MergeInput } from "../templates/merge/merge";
import { SUMMARY_ROWS, writeConsolidationWorkbook } from "../templates/merge/workbook";
import { sampleRecord } from "./support/records";

const dir = mkdtempSync(join(tmpdir(), "hz-lo-test-"));
const profile = join(tmpdir(), `lo-${process.pid}-${Math.random().toString(36).slice(2)}`);

/** Convert with a fresh LibreOffice profile whose settings say: always recalculate on load. */
function convert(file: string, to: string, outDir: string): void {
  const user = join(profile, "user");
  execFileSync("mkdir", ["-p", user]);
  writeFileSync(
    join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`,
  );
  execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", to, "--outdir", outDir, file], { timeout: 120_000, stdio: "pipe" });
}

function grid(file: string): Grid {
  const r = readXlsxGrid(new Uint8Array(readFileSync(file)), { limits: { maxCells: 2_000_000 } });
  if (!r.ok) throw new Error(`${file}: ${r.code}`);
  return r.grid;
}

const INJECT = "=1+1";
/** Indicators whose 上年同期 town 2 left blank (an amount, a count, a ratio's numerator). */
const BLANK_PRIOR = ["E02", "D07", "A01", "D05"];

function record(i: number, name: string, code: string): ReportRecord {
  return sampleRecord({ name, code, type: "乡镇" }, "2025-Y", 500 + i, 1 + i * 0.7, {
    // No town had an incubator last year (新增 for the county); town 2 left some 上年同期 blank; town 3 set no targets.
    values: (ind, v) => ({
      current: v.current,
      prior: ind.code === "C12" ? 0 : i === 1 && BLANK_PRIOR.includes(ind.code) ? null : v.prior,
      target: i === 2 ? null : v.target,
    }),
    narrative: { achievements: `${INJECT} 成效`, problems: "问题", plans: "打算" },
  });
}

let original: Grid;
let recalculated: Grid;
let control: Grid;

beforeAll(async () => {
  const units = demoUnits(5);
  const inputs: MergeInput[] = units.slice(0, 4).map((u, i) => ({ record: record(i, i === 3 ? INJECT : u.name, u.code), source: `${u.name}.xlsx` }));
  const r = mergeReports(inputs, { roster: units.map((u, i) => ({ name: i === 3 ? INJECT : u.name, code: u.code, parent: "330102000000" })), unit: { name: "示范区" } });
  if (!r.ok) throw new Error(r.message);
  writeFileSync(join(dir, "city.xlsx"), await writeConsolidationWorkbook(r.consolidation));

  // A control file whose cached value is wrong on purpose: proves LibreOffice did recalculate.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("s");
  ws.getCell("A1").value = 2;
  ws.getCell("A2").value = { formula: "A1*21", result: 7 } as ExcelJS.CellFormulaValue;
  writeFileSync(join(dir, "control.xlsx"), new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));

  const out = join(dir, "lo");
  convert(join(dir, "city.xlsx"), "xlsx", out);
  convert(join(dir, "control.xlsx"), "xlsx", out);
  original = grid(join(dir, "city.xlsx"));
  recalculated = grid(join(out, "city.xlsx"));
  control = grid(join(out, "control.xlsx"));
}, 240_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
});

describe("LibreOffice recalculation", () => {
  it("LibreOffice recalculated on load (the control's wrong cache is replaced)", () => {
    expect(control.sheets[0]!.cells.A2!.value).toBe(42);
  });

  it("every formula cell's recalculated value equals the cached one", () => {
    const mismatches: string[] = [];
    let formulas = 0;
    for (const s of original.sheets) {
      const other = recalculated.sheets.find((x) => x.name === s.name);
      expect(other, s.name).toBeDefined();
      for (const [addr, cell] of Object.entries(s.cells)) {
        if (!cell.formula) continue;
        formulas++;
        const a = cell.value ?? "";
        const b = other!.cells[addr]?.value ?? "";
        const same = typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)) : a === b;
        if (!same || other!.cells[addr]?.error) mismatches.push(`${s.name}!${addr}: cached ${JSON.stringify(a)}, LibreOffice ${JSON.stringify(b)} (${cell.formula})`);
      }
    }
    expect(mismatches).toEqual([]);
    // 汇总 (47 rows × several columns), the detail's per-unit ratios and totals, the ranking: hundreds of formulas.
    expect(formulas).toBeGreaterThan(500);
  });

  it("covers growth labels and percentages: 新增 over a true 0 base, — where a town left 上年同期 blank", () => {
    const summary = recalculated.sheets.find((s) => s.name === "汇总")!;
    const values = Object.values(summary.cells).map((c) => c.value);
    expect(values).toContain("新增");
    expect(summary.cells[`H${SUMMARY_ROWS.C12}`]?.value).toBe("新增");
    expect(summary.cells[`H${SUMMARY_ROWS.A01}`]?.value).toBe("—");
    expect(summary.cells[`F${SUMMARY_ROWS.A01}`]?.value ?? "").toBe("");
    expect(summary.cells[`H${SUMMARY_ROWS.D05}`]?.value).toBe("—");
    // Town 3 has no targets: no 全年目标 total, no 完成率.
    expect(summary.cells[`I${SUMMARY_ROWS.A01}`]?.value ?? "").toBe("");
    expect(summary.cells[`J${SUMMARY_ROWS.A01}`]?.value).toBe("—");
    expect(values.some((v) => typeof v === "number" && v < 0)).toBe(true);
  });

  it("a town with a blank 上年同期 and one with a blank 全年目标: no partial base or target, cached and recalculated alike", () => {
    const summary = (g: Grid) => g.sheets.find((s) => s.name === "汇总")!.cells;
    const seen = (g: Grid, code: string) => {
      const row = SUMMARY_ROWS[code]!;
      const c = summary(g);
      const v = (col: string) => c[`${col}${row}`]?.value ?? "";
      return { current: typeof v("E"), prior: v("F"), delta: v("G"), growth: v("H"), target: v("I"), completion: v("J"), note: v("M") };
    };
    for (const g of [original, recalculated]) {
      for (const code of ["E02", "D07"]) {
        expect(seen(g, code)).toEqual({ current: "number", prior: "", delta: "—", growth: "—", target: "", completion: "—", note: "4个单位填报，其中1个未填上年同期、1个无目标" });
      }
      // The ratio over a numerator with a partial base has no 上年同期 and no change in points either.
      const a03 = summary(g)[`F${SUMMARY_ROWS.A03!}`]?.value ?? "";
      expect(a03).toBe("");
      expect(summary(g)[`G${SUMMARY_ROWS.A03!}`]?.value).toBe("—");
      // A figure every town reported last year has its base and a growth percentage.
      const e01 = seen(g, "E01");
      expect([typeof e01.prior, typeof e01.growth, typeof e01.delta]).toEqual(["number", "number", "number"]);
    }
  });

  it("town text that looks like a formula is still text after LibreOffice opens it", () => {
    const detail = recalculated.sheets.find((s) => s.name === "分单位明细")!;
    expect(detail.cells.B9).toMatchObject({ value: INJECT });
    expect(detail.cells.B9!.formula).toBeUndefined();
    const nar = recalculated.sheets.find((s) => s.name === "文字材料汇编")!;
    expect(Object.values(nar.cells).some((c) => c.value === `${INJECT} 成效` && !c.formula)).toBe(true);
  });
});
