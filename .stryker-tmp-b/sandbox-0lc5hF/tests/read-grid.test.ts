/**
 * readSubmission over grids: the good sample report read once, then one thing
 * changed in a copy of its grid per case. Exact codes and details for every way
 * a workbook is not (this version of) the template, the library paths (carried,
 * expected, built-in, none) and the fields lifted with their cells. In-process
 * and fast, so the mutation run uses it (templates/read.ts).
 */
// @ts-nocheck

import { beforeAll, describe, expect, it } from "vitest";
import { BUILTIN, type Catalogue } from "../templates/catalogue";
import type { CellValue, Grid, GridSheet } from "../templates/grid";
import { INFO, SHEETS } from "../templates/layout";
import { readSubmission, type ReadOptions, type ReadResult } from "../templates/read";
import { readXlsxGrid } from "../templates/xlsx/index";
import { TEMPLATE_SHEETS } from "../templates/read";
import { buildTemplate } from "../templates/build";
import { goodWorkbook } from "./support/workbooks";

let base: Grid;
beforeAll(async () => {
  const r = readXlsxGrid(await goodWorkbook(), { sheets: TEMPLATE_SHEETS });
  if (!r.ok) throw new Error(r.code);
  base = r.grid;
}, 60_000);

const sheet = (g: Grid, name: string): GridSheet => g.sheets.find((s) => s.name === name)!;
const set = (g: Grid, name: string, addr: string, value: CellValue) => {
  const s = sheet(g, name);
  if (value === null) delete s.cells[addr];
  else s.cells[addr] = { value, numFmt: "General" };
};
/** The workbook as made before templates carried their library: no hash, no JSON chunks. */
const withoutLibrary = (g: Grid) => {
  const info = sheet(g, SHEETS.info);
  for (const addr of Object.keys(info.cells)) if (addr === INFO.hash || /^B([4-9]|\d\d+)$/.test(addr)) delete info.cells[addr];
};
function read(edit: (g: Grid) => void, options?: ReadOptions): ReadResult {
  const g = structuredClone(base);
  edit(g);
  return readSubmission(g, options);
}
function failure(edit: (g: Grid) => void, options?: ReadOptions): [string, string | undefined] {
  const r = read(edit, options);
  if (r.ok) throw new Error("read as the template");
  return [r.code, r.detail];
}

/** Another library of the same id, a later version (what a bureau's edited library looks like). */
const later: Catalogue = { ...BUILTIN, version: "2027.1", readableVersions: undefined };
const other: Catalogue = { ...BUILTIN, id: "HZ-QT-09", title: "其他报表", readableVersions: undefined };
const otherLater: Catalogue = { ...other, version: "2027.1" };

describe("readSubmission refuses what is not this template, with the reason", () => {
  const cases: [name: string, edit: (g: Grid) => void, options: ReadOptions | undefined, code: string, detail: string | undefined][] = [
    ["no template sheet at all", (g) => (g.sheets = [{ name: "Sheet1", state: "visible", cells: {}, rowCount: 0 }]), undefined, "NOT_TEMPLATE", undefined],
    ["the info sheet deleted", (g) => (g.sheets = g.sheets.filter((s) => s.name !== SHEETS.info)), undefined, "SHEET_MISSING", "缺少隐藏的工作表“模板信息”，模板信息已被删除"],
    ["only 文字材料 left, no info sheet", (g) => (g.sheets = g.sheets.filter((s) => s.name === SHEETS.narrative)), undefined, "SHEET_MISSING", "缺少隐藏的工作表“模板信息”，模板信息已被删除"],
    ["id edited (library carried)", (g) => set(g, SHEETS.info, INFO.id, "OTHER-01"), undefined, "NOT_TEMPLATE", "模板标识为“OTHER-01”，应为“HZ-KJ-01”"],
    ["id cleared", (g) => set(g, SHEETS.info, INFO.id, null), undefined, "NOT_TEMPLATE", "模板标识为“空”，应为“HZ-KJ-01”"],
    ["version edited to an older one", (g) => set(g, SHEETS.info, INFO.version, "2025.3"), undefined, "OLD_VERSION", "文件版本 2025.3，当前版本 2026.2"],
    ["version edited to a newer one", (g) => set(g, SHEETS.info, INFO.version, "2026.9"), undefined, "UNKNOWN_VERSION", "文件中的版本为“2026.9”，当前版本 2026.2"],
    ["version garbage", (g) => set(g, SHEETS.info, INFO.version, "最新版"), undefined, "UNKNOWN_VERSION", "文件中的版本为“最新版”，当前版本 2026.2"],
    ["version 2025.x without the dot form", (g) => set(g, SHEETS.info, INFO.version, "2025"), undefined, "UNKNOWN_VERSION", "文件中的版本为“2025”，当前版本 2026.2"],
    ["version cleared", (g) => set(g, SHEETS.info, INFO.version, null), undefined, "UNKNOWN_VERSION", "文件中的版本为“空”，当前版本 2026.2"],
    [
      "readable id and version typed over a carried library of another version",
      (g) => set(g, SHEETS.info, INFO.version, "2026.1"),
      undefined,
      "LIBRARY_CORRUPT",
      "模板标识或版本（HZ-KJ-01 2026.1）与所带指标库（HZ-KJ-01 2026.2）不一致",
    ],
    ["the library's hash edited", (g) => set(g, SHEETS.info, INFO.hash, "0".repeat(64)), undefined, "LIBRARY_CORRUPT", "指标库内容与校验值不符"],
    ["a file of this library when another is collected", () => {}, { catalogue: other }, "NOT_TEMPLATE", "这是“科技工作情况统计报表”（HZ-KJ-01），本次收集的是“其他报表”（HZ-QT-09）"],
    ["no library carried, another collected", withoutLibrary, { catalogue: other }, "NOT_TEMPLATE", "模板标识为“HZ-KJ-01”，应为“HZ-QT-09”"],
    ["no library carried, an older version of the expected one", (g) => (withoutLibrary(g), set(g, SHEETS.info, INFO.version, "2026.0")), { catalogue: later }, "OLD_VERSION", "文件版本 2026.0，当前版本 2027.1"],
    ["no library carried, a version newer than the built-in", (g) => (withoutLibrary(g), set(g, SHEETS.info, INFO.version, "2026.3")), undefined, "UNKNOWN_VERSION", "文件中的版本为“2026.3”，当前版本 2026.2"],
    ["version with two digits after the dot, older", (g) => set(g, SHEETS.info, INFO.version, "2025.10"), undefined, "OLD_VERSION", "文件版本 2025.10，当前版本 2026.2"],
    ["version with a prefix", (g) => set(g, SHEETS.info, INFO.version, "v2025.3"), undefined, "UNKNOWN_VERSION", "文件中的版本为“v2025.3”，当前版本 2026.2"],
    ["version with a suffix", (g) => set(g, SHEETS.info, INFO.version, "2025.3a"), undefined, "UNKNOWN_VERSION", "文件中的版本为“2025.3a”，当前版本 2026.2"],
    ["version with a part before the year", (g) => set(g, SHEETS.info, INFO.version, "1.2025.3"), undefined, "UNKNOWN_VERSION", "文件中的版本为“1.2025.3”，当前版本 2026.2"],
    [
      "another library's file without its library, at a version only the built-in reads",
      (g) => (withoutLibrary(g), set(g, SHEETS.info, INFO.id, "HZ-QT-09")),
      { catalogue: otherLater },
      "OLD_VERSION",
      "文件版本 2026.2，当前版本 2027.1",
    ],
    [
      "指标 renamed and another visible sheet added",
      (g) => {
        sheet(g, SHEETS.indicators).name = "指标表";
        g.sheets.push({ name: "Sheet2", state: "visible", cells: {}, rowCount: 0 });
      },
      undefined,
      "SHEET_MISSING",
      "找不到工作表“指标”，文件中有 “指标表”、“Sheet2”，请改回原名",
    ],
    ["a 其中 name changed (the message shows it without its indent)", (g) => set(g, SHEETS.indicators, "C11", "国家级项目"), undefined, "ROWS_CHANGED", "指标表C11的指标名称应为“其中：国家级”，实际为“国家级项目”；指标名称不能修改，请改回原文"],
    [
      "指标 renamed",
      (g) => (sheet(g, SHEETS.indicators).name = "指标表"),
      undefined,
      "SHEET_MISSING",
      "找不到工作表“指标”，文件中有 “指标表”，请改回原名",
    ],
    [
      "文字材料 deleted, nothing visible besides",
      (g) => (g.sheets = g.sheets.filter((s) => s.name !== SHEETS.narrative)),
      undefined,
      "SHEET_MISSING",
      "找不到工作表“文字材料”",
    ],
    [
      "封面 renamed and a hidden extra sheet (not named as a candidate)",
      (g) => {
        sheet(g, SHEETS.cover).name = "封面页";
        g.sheets.push({ name: "草稿", state: "hidden", cells: {}, rowCount: 0 });
      },
      undefined,
      "SHEET_MISSING",
      "找不到工作表“封面”，文件中有 “封面页”，请改回原名",
    ],
    ["a cover label changed", (g) => set(g, SHEETS.cover, "B7", "类型"), undefined, "ROWS_CHANGED", "封面第7行应为“单位类型”，实际为“类型”"],
    ["the last cover label cleared", (g) => set(g, SHEETS.cover, "B13", null), undefined, "ROWS_CHANGED", "封面第13行应为“填报日期”，实际为“空”"],
    ["a group title changed", (g) => set(g, SHEETS.indicators, "C6", "科技投入"), undefined, "ROWS_CHANGED", "指标表第6行应为“一、科技投入”，实际为“科技投入”"],
    ["the last group title cleared", (g) => set(g, SHEETS.indicators, "C57", null), undefined, "ROWS_CHANGED", "指标表第57行应为“七、科学普及”，实际为“空”"],
    ["a code changed", (g) => set(g, SHEETS.indicators, "B7", "A09"), undefined, "ROWS_CHANGED", "指标表第7行应为指标 A01“财政科技拨款”，实际为“A09”"],
    ["the last code cleared", (g) => set(g, SHEETS.indicators, "B62", null), undefined, "ROWS_CHANGED", "指标表第62行应为指标 G05“科技咨询”，实际为“空”"],
    ["a name changed", (g) => set(g, SHEETS.indicators, "C7", "财政科技拨款（亿元）"), undefined, "ROWS_CHANGED", "指标表C7的指标名称应为“财政科技拨款”，实际为“财政科技拨款（亿元）”；指标名称不能修改，请改回原文"],
    ["a name cleared", (g) => set(g, SHEETS.indicators, "C7", null), undefined, "ROWS_CHANGED", "指标表C7的指标名称应为“财政科技拨款”，实际为“空”；指标名称不能修改，请改回原文"],
    [
      "a unit changed",
      (g) => set(g, SHEETS.indicators, "D7", "亿元"),
      undefined,
      "ROWS_CHANGED",
      "指标表D7“财政科技拨款”的计量单位应为“万元”，实际为“亿元”；计量单位不能修改，请改回“万元”并把数字换算成万元填写",
    ],
    ["a unit cleared", (g) => set(g, SHEETS.indicators, "D62", null), undefined, "ROWS_CHANGED", "指标表D62“科技咨询”的计量单位应为“人次”，实际为“空”；计量单位不能修改，请改回“人次”并把数字换算成人次填写"],
    ["a code below the table", (g) => set(g, SHEETS.indicators, "B63", "H01"), undefined, "ROWS_CHANGED", "指标表第63行多出了内容“H01”"],
    ["a name below the table", (g) => set(g, SHEETS.indicators, "C63", "新增指标"), undefined, "ROWS_CHANGED", "指标表第63行多出了内容“新增指标”"],
    ["a narrative title changed", (g) => set(g, SHEETS.narrative, "A5", "存在问题"), undefined, "ROWS_CHANGED", "文字材料第5行应为“二、存在问题”"],
    ["the last narrative title cleared", (g) => set(g, SHEETS.narrative, "A7", null), undefined, "ROWS_CHANGED", "文字材料第7行应为“三、下步工作打算”"],
  ];
  it.each(cases)("%s", (_name, edit, options, code, detail) => {
    expect(failure(edit, options)).toEqual([code, detail]);
  });
});

describe("readSubmission reads what is the template", () => {
  it.each([
    ["as built", () => {}, undefined, "2026.2"],
    ["labels and names with spaces added", (g: Grid) => (set(g, SHEETS.indicators, "C7", " 财政 科技拨款 "), set(g, SHEETS.cover, "B5", " 填报单位 ")), undefined, "2026.2"],
    ["a unit typed with spaces", (g: Grid) => set(g, SHEETS.indicators, "D7", " 万 元 "), undefined, "2026.2"],
    ["a narrative title with more after it", (g: Grid) => set(g, SHEETS.narrative, "A3", "一、主要工作及成效（500字以内）"), undefined, "2026.2"],
    ["without its library, version 2026.1 (read as the built-in)", (g: Grid) => (withoutLibrary(g), set(g, SHEETS.info, INFO.version, "2026.1")), undefined, "2026.1"],
    ["without its library, the expected library's version", (g: Grid) => (withoutLibrary(g), set(g, SHEETS.info, INFO.version, "2027.1")), { catalogue: later }, "2027.1"],
    ["carrying its library, a later one expected", () => {}, { catalogue: later }, "2026.2"],
    ["without its library, version 2026.1, a later one expected (read as the built-in)", (g: Grid) => (withoutLibrary(g), set(g, SHEETS.info, INFO.version, "2026.1")), { catalogue: later }, "2026.1"],
  ] as [string, (g: Grid) => void, ReadOptions | undefined, string][])("%s", (_name, edit, options, version) => {
    const r = read(edit, options);
    if (!r.ok) throw new Error(`${r.code} ${r.detail}`);
    expect([r.submission.templateId, r.submission.templateVersion]).toEqual(["HZ-KJ-01", version]);
    expect(r.catalogue.version).toBe(version === "2026.1" ? "2026.2" : version);
  });

  it("lifts each value with its sheet and cell, numbers only where the cell holds a finite number", () => {
    const r = read((g) => {
      set(g, SHEETS.indicators, "E7", 1234.5);
      set(g, SHEETS.indicators, "F7", "约90");
      set(g, SHEETS.indicators, "G7", null);
      sheet(g, SHEETS.indicators).cells.E8 = { value: 7, numFmt: "0", formula: "3+4" };
      sheet(g, SHEETS.indicators).cells.F8 = { value: null, numFmt: "General", error: "#DIV/0!" };
      set(g, SHEETS.indicators, "H7", "  含上级转拨  ");
      set(g, SHEETS.cover, "C5", " 青阳镇 ");
      set(g, SHEETS.narrative, "A4", "全年完成……");
      set(g, SHEETS.narrative, "A6", 2025);
    });
    if (!r.ok) throw new Error(r.code);
    const s = r.submission;
    expect(s.indicators.A01).toEqual({
      code: "A01",
      current: { sheet: "指标", cell: "E7", raw: 1234.5, value: 1234.5 },
      prior: { sheet: "指标", cell: "F7", raw: "约90", value: null },
      target: { sheet: "指标", cell: "G7", raw: null, value: null },
      note: { sheet: "指标", cell: "H7", raw: "  含上级转拨  ", text: "含上级转拨" },
    });
    expect(s.indicators.A02!.current).toEqual({ sheet: "指标", cell: "E8", raw: 7, value: 7, formula: "3+4" });
    expect(s.indicators.A02!.prior).toEqual({ sheet: "指标", cell: "F8", raw: null, value: null, error: "#DIV/0!" });
    expect(s.cover.unitName).toEqual({ sheet: "封面", cell: "C5", raw: " 青阳镇 ", text: "青阳镇" });
    expect(s.narrative.achievements).toEqual({ sheet: "文字材料", cell: "A4", raw: "全年完成……", text: "全年完成……" });
    expect(s.narrative.problems).toEqual({ sheet: "文字材料", cell: "A6", raw: 2025, text: "2025" });
    expect(Object.keys(s.indicators)).toHaveLength(BUILTIN.indicators.length);
    expect(Object.keys(s.indicators)).not.toContain("A");
  });

  it("a file carrying the expected library is read with that very value, not a copy parsed from the file", async () => {
    // A library no read has seen yet (its title is new), so the memo of known libraries cannot answer first.
    const custom: Catalogue = { ...BUILTIN, version: "2027.1", readableVersions: undefined, title: `科技工作情况统计报表（${process.hrtime.bigint()}）` };
    const g = readXlsxGrid(await buildTemplate({ catalogue: custom }), { sheets: TEMPLATE_SHEETS });
    if (!g.ok) throw new Error(g.code);
    const r = readSubmission(g.grid, { catalogue: custom });
    if (!r.ok) throw new Error(`${r.code} ${r.detail}`);
    expect(r.catalogue).toBe(custom);
    expect(r.submission.templateVersion).toBe("2027.1");
  }, 60_000);

  it("a non-finite number is no number", () => {
    const r = read((g) => set(g, SHEETS.indicators, "E7", Number.POSITIVE_INFINITY));
    if (!r.ok) throw new Error(r.code);
    expect(r.submission.indicators.A01!.current.value).toBeNull();
  });
});
