/**
 * A bureau's next-year library, edited in its .xlsx form by a foreign writer
 * (openpyxl, as Excel or WPS would save it): one indicator added (G06 科普讲座),
 * one removed (E05), a town limit changed (G01 乡镇上限 5000 → 100), version
 * 2027.1. Then template → fill (exceljs) → check → merge on the command line,
 * including a town still on last year's 2026.2 template (read by code).
 */
// @ts-nocheck

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { TemplateFill } from "../templates/build";
import { buildTemplate } from "../templates/build";
import { demoUnits, sampleFill } from "../templates/samples";

const dir = mkdtempSync(join(tmpdir(), "huizong-openpyxl-"));
function huizong(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/huizong.js", ...args], { encoding: "utf8", timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const EDIT = `
import sys, openpyxl
src, dst = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(src)
ws = wb["指标"]
for row in range(2, ws.max_row + 1):
    if ws.cell(row=row, column=1).value == "E05":
        ws.delete_rows(row, 1)
        break
for row in range(2, ws.max_row + 1):
    if ws.cell(row=row, column=1).value == "G01":
        ws.cell(row=row, column=12).value = 100
ws.append(["G06", "科普讲座", "Outreach lectures", "场次", "数量", "G", None, None, None, None, None, 500, None, None, "新增：各类科普讲座"])
info = wb["报表信息"]
for row in range(1, info.max_row + 1):
    if info.cell(row=row, column=1).value == "版本":
        info.cell(row=row, column=2).value = "2027.1"
wb.save(dst)
`;

const TOWNS = demoUnits(6, "330102000000").slice(0, 4);
const P = "2025-Y";
let builtinLib: string;
let editedLib: string;
let template: Uint8Array;
const files: string[] = [];
const fills: TemplateFill[] = [];

/** Fill the CLI-built template as a clerk: cover, then each code's row found in column B. */
async function fill(bytes: Uint8Array, f: TemplateFill, extra: Record<string, [number, number, string?]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const cover = wb.getWorksheet("封面")!;
  const c = f.cover!;
  for (const [cell, v] of [["C5", c.unitName], ["C6", c.divisionCode], ["C7", c.unitType], ["C8", c.year], ["C9", c.periodSpan], ["C10", c.preparer], ["C11", c.phone], ["C12", c.head], ["C13", c.date]] as const) {
    cover.getCell(cell).value = v as ExcelJS.CellValue;
  }
  wb.getWorksheet("指标")!.eachRow((row) => {
    const code = String(row.getCell(2).value ?? "");
    const given = extra[code];
    const v = f.values?.[code];
    if (given) {
      row.getCell(5).value = given[0];
      row.getCell(6).value = given[1];
      if (given[2]) row.getCell(8).value = given[2];
    } else if (v && !row.getCell(5).formula) {
      row.getCell(5).value = v.current as number;
      row.getCell(6).value = v.prior as number;
      row.getCell(7).value = v.target as number;
    }
  });
  const n = wb.getWorksheet("文字材料")!;
  n.getCell("A4").value = f.narrative!.achievements!;
  n.getCell("A6").value = f.narrative!.problems!;
  n.getCell("A8").value = f.narrative!.plans!;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Row of a code on the 指标 sheet of a workbook (as a clerk finds it). */
async function rowOf(bytes: Uint8Array, code: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  let found = 0;
  wb.getWorksheet("指标")!.eachRow((row, n) => {
    if (row.getCell(2).value === code) found = n;
  });
  return found;
}

// G01 at the new limit (100: no warning), one over it (explained in 备注), one well under; G06 per town.
const EXTRA: Record<string, [number, number, string?]>[] = [
  { G01: [100, 90], G06: [12, 10] },
  { G01: [101, 95, "本年承办全市科技活动周，活动场次较多"], G06: [30, 25] },
  { G01: [60, 55], G06: [7, 6] },
];

beforeAll(async () => {
  builtinLib = join(dir, "指标库2026.xlsx");
  editedLib = join(dir, "指标库2027.xlsx");
  expect(huizong("library", "-o", builtinLib).code).toBe(0);
  const py = spawnSync("/usr/bin/python3", ["-c", EDIT, builtinLib, editedLib], { encoding: "utf8", timeout: 60_000 });
  expect(py.stderr).toBe("");
  expect(py.status).toBe(0);
  const t = join(dir, "模板2027.xlsx");
  const r = huizong("template", "--library", editedLib, "-o", t);
  expect(r.code).toBe(0);
  template = new Uint8Array(readFileSync(t));
  for (const [i, town] of TOWNS.slice(0, 3).entries()) {
    const f = sampleFill(town, P, 40 + i);
    fills.push(f);
    const file = join(dir, `${town.name}.xlsx`);
    writeFileSync(file, await fill(template, f, EXTRA[i]!));
    files.push(file);
  }
  // The fourth town still reports on last year's built-in template (2026.2).
  const f4 = sampleFill(TOWNS[3]!, P, 43);
  fills.push(f4);
  const old = join(dir, `${TOWNS[3]!.name}（2026.2）.xlsx`);
  writeFileSync(old, await buildTemplate({ fill: f4 }));
  files.push(old);
});

describe("a library edited through openpyxl: add, remove, change a limit, next year's version", () => {
  it("the edited library passes against last year's (no code changed its meaning)", () => {
    const r = huizong("library", "--check", editedLib, "--previous", builtinLib);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out.trim()).toBe(`${editedLib}: 指标库“科技工作情况统计报表”（HZ-KJ-01 版本 2027.1），50 个指标，检查通过。`);
  });

  it("the template has G06 after G05 and no E05 row", async () => {
    const g05 = await rowOf(template, "G05");
    expect(await rowOf(template, "G06")).toBe(g05 + 1);
    expect(await rowOf(template, "E05")).toBe(0);
    expect(await rowOf(template, "E06")).toBe((await rowOf(template, "E04")) + 1);
  });

  it("checks use the edited limit: 100 passes, 101 is a warning (explained in 备注)", async () => {
    const g01 = await rowOf(template, "G01");
    const atLimit = JSON.parse(huizong("check", files[0]!, "--period", P, "--json").out);
    expect(atLimit.findings).toEqual([]);
    expect(atLimit.record.templateVersion).toBe("2027.1");
    expect(Object.keys(atLimit.record.values)).not.toContain("E05");
    expect(atLimit.record.values.G06).toEqual({ current: 12, prior: 10, target: null });
    const over = huizong("check", files[1]!, "--period", P, "--json");
    expect(over.code).toBe(0);
    expect(JSON.parse(over.out).findings).toEqual([
      {
        severity: "warning",
        rule: "VALUE_IMPLAUSIBLE",
        sheet: "指标",
        cell: `E${g01}`,
        message: `“科普活动”本期 101场次，远超一个乡镇的常见规模，请核对；确认无误的，请在备注（指标!H${g01}）中说明。`,
        indicator: "G01",
        explained: true,
      },
    ]);
  });

  it("merge with the 2027.1 library: exact sums, the 2026.2 town read by code (G06 blank for it, E05 ignored with a note)", () => {
    const out = join(dir, "汇总.xlsx");
    const r = huizong("merge", ...files, "--library", editedLib, "--period", P, "-o", out, "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.library).toEqual({ id: "HZ-KJ-01", version: "2027.1", title: "科技工作情况统计报表" });
    expect(json.counts).toMatchObject({ submitted: 4 });
    expect(Object.keys(json.totals)).not.toContain("E05");
    expect(json.totals.G06).toMatchObject({ current: 49, prior: 41, units: { current: 3, prior: 3, target: 0 } });
    const cur = (code: string, i: number) => Number(EXTRA[i]?.[code]?.[0] ?? fills[i]!.values![code]!.current);
    for (const code of ["G01", "D01", "E06", "B02"]) expect([code, json.totals[code].current]).toEqual([code, [0, 1, 2, 3].reduce((a, i) => a + cur(code, i), 0)]);
    expect(json.versionNotes).toEqual([
      {
        unit: TOWNS[3]!.name,
        unitCode: TOWNS[3]!.code,
        version: "2026.2",
        added: ["G06"],
        dropped: ["E05"],
        message: `${TOWNS[3]!.name}使用 2026.2 版报表，按指标代码汇总；本版新增，未填报：G06；本版已取消，未计入：E05。`,
      },
    ]);
    const text = huizong("merge", ...files, "--library", editedLib, "--period", P, "-o", join(dir, "汇总2.xlsx"));
    expect(text.out).toContain(`${TOWNS[3]!.name}使用 2026.2 版报表，按指标代码汇总；本版新增，未填报：G06；本版已取消，未计入：E05。`);
  });

  it("报送情况 names the town that reported on the older version, and what that means for its figures", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "汇总.xlsx"));
    const ws = wb.getWorksheet("报送情况")!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1, 6)));
    const at = rows.findIndex((r) => String(r[0]).startsWith("使用其他版本报表的单位"));
    expect(rows.slice(at)).toEqual([
      ["使用其他版本报表的单位（1个，已按指标代码汇总；本汇总使用 2027.1 版）"],
      ["序号", "单位名称", "区划代码", "报表版本", "说明"],
      [1, TOWNS[3]!.name, TOWNS[3]!.code, "2026.2", `${TOWNS[3]!.name}使用 2026.2 版报表，按指标代码汇总；本版新增，未填报：G06；本版已取消，未计入：E05。`],
    ]);
  });

  it("without --library the merge takes the newest version the files carry", () => {
    const json = JSON.parse(huizong("merge", ...files, "--period", P, "-o", join(dir, "汇总3.xlsx"), "--json").out);
    expect(json.library.version).toBe("2027.1");
    expect(json.versionNotes.map((n: { unit: string }) => n.unit)).toEqual([TOWNS[3]!.name]);
  });
});
