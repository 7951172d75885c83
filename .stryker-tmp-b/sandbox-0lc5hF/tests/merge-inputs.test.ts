/**
 * What the merge decides before it sums (templates/merge/inputs.ts) and what the service fills
 * into a roster (templates/merge/roster.ts), each function called directly: the period the inputs
 * agree on and the refusal listing the others, the refusal when nothing can be counted, inputs
 * nested in another input's unit (by code and through the roster's parent links), the order of
 * two reports of one unit and the words for why one was counted, 单位类型 and 上级代码 a clerk left blank.
 * Pure and in-process: cheap for the mutation run (docs/mutation.md).
 */
// @ts-nocheck

import { describe, expect, it } from "vitest";
import { agreedPeriod, baseName, compareReports, doubleCountingMessage, nestedInputs, nothingToMerge, whyChosen } from "../templates/merge/inputs";
import type { MergeInput, Rejection } from "../templates/merge/merge";
import type { Grid } from "../templates/grid";
import { completeRoster, inferUnitType, parseRosterGrid, parseRosterRows, splitCsv, type RosterUnit } from "../templates/merge/roster";
import { reportRecord } from "./support/records";

function input(name: string, code: string, extra: { period?: string; date?: string | null; source?: string; submittedAt?: string } = {}): MergeInput {
  const record = reportRecord({ unit: { name, code }, period: extra.period, meta: { date: extra.date === undefined ? "2025-12-20" : extra.date }, values: {}, narrative: { achievements: "", problems: "", plans: "" } });
  return { record, ...(extra.source ? { source: extra.source } : {}), ...(extra.submittedAt ? { submittedAt: extra.submittedAt } : {}) };
}
const town = (i: number) => `330102${String(i).padStart(3, "0")}000`;
const TAIL = "。请用 --period 指定要汇总的期间（其他期间的报表将列为未汇总），或只选同一期间的报表。";

describe("agreedPeriod: the period every input agrees on", () => {
  it("no input: no period; one input: its period, canonical (1—6月 is 上半年)", () => {
    expect(agreedPeriod([])).toEqual({ ok: true, period: null });
    const one = agreedPeriod([input("镇1", town(1), { period: "2025-M06" })]);
    expect(one.ok && one.period?.id).toBe("2025-H1");
  });

  // (periods of the inputs in order, with their sources) -> the list in the refusal.
  it.each([
    // Equal counts: by period id (2025-H1 before 2025-Y), whatever the order of the inputs.
    ["equal counts, year first", [["2025-Y", "a.xlsx"], ["2025-H1", "b.xlsx"]], "2025年上半年1份（b.xlsx）；2025年全年1份（a.xlsx）"],
    ["equal counts, half first", [["2025-H1", "b.xlsx"], ["2025-Y", "a.xlsx"]], "2025年上半年1份（b.xlsx）；2025年全年1份（a.xlsx）"],
    ["equal counts of two", [["2025-Y", "a"], ["2025-H1", "b"], ["2025-Y", "c"], ["2025-H1", "d"]], "2025年上半年2份（b、d）；2025年全年2份（a、c）"],
    // More files first, then: three names, and 等 for the fourth and after.
    ["three names", [["2025-H1", "x"], ["2025-Y", "/srv/a.xlsx"], ["2025-Y", "C:\\in\\b.xlsx"], ["2025-Y", "c.xlsx"]], "2025年全年3份（a.xlsx、b.xlsx、c.xlsx）；2025年上半年1份（x）"],
    ["four files: 等", [["2025-Y", "a"], ["2025-Y", "b"], ["2025-Y", "c"], ["2025-Y", "d"], ["2025-H1", "x"]], "2025年全年4份（a、b、c等）；2025年上半年1份（x）"],
    // Without a source, the unit's name.
    ["no source", [["2025-Y", ""], ["2025-H1", "x"], ["2025-H1", "y"]], "2025年上半年2份（x、y）；2025年全年1份（镇0）"],
    ["three periods, by id", [["2025-Q1", "q"], ["2025-Y", "a"], ["2025-H1", "h"]], "2025年上半年1份（h）；2025年第一季度1份（q）；2025年全年1份（a）"],
  ] as const)("%s", (_n, list, text) => {
    const inputs = list.map(([period, source], i) => input(`镇${i}`, town(i + 1), { period, ...(source ? { source } : {}) }));
    expect(agreedPeriod(inputs)).toEqual({ ok: false, code: "PERIOD_DISAGREE", message: `报表的报告期不一致，无法确定汇总哪一期：${text}${TAIL}` });
  });
});

describe("nothingToMerge", () => {
  const refusal = (i: number): Rejection => ({ source: `/srv/in/镇${i}.xlsx`, code: "PERIOD_MISMATCH", message: `原因${i}` });
  it.each([
    [0, "没有可汇总的报表，未生成汇总表。请指定要汇总的报表文件。"],
    [1, "没有可汇总的报表：1份报表都未能汇总（镇1.xlsx：原因1）。请修改后重新汇总，未生成汇总表。"],
    [3, "没有可汇总的报表：3份报表都未能汇总（镇1.xlsx：原因1；镇2.xlsx：原因2；镇3.xlsx：原因3）。请修改后重新汇总，未生成汇总表。"],
    [4, "没有可汇总的报表：4份报表都未能汇总（镇1.xlsx：原因1；镇2.xlsx：原因2；镇3.xlsx：原因3……）。请修改后重新汇总，未生成汇总表。"],
  ])("%d refused", (n, message) => {
    expect(nothingToMerge(Array.from({ length: n }, (_, i) => refusal(i + 1)))).toEqual({ ok: false, code: "NOTHING_TO_MERGE", message });
  });

  it.each([
    ["/a/b/c.xlsx", "c.xlsx"],
    ["C:\\a\\b.xlsx", "b.xlsx"],
    ["a/b\\c.xlsx", "c.xlsx"],
    ["c.xlsx", "c.xlsx"],
    ["dir/", ""],
  ])("baseName(%j) = %j", (source, name) => expect(baseName(source)).toBe(name));
});

describe("nestedInputs: an input under another input's unit", () => {
  const names = (inputs: MergeInput[], roster?: RosterUnit[]) => nestedInputs(inputs, roster).map((n) => [n.outer.record.unit.name, n.inner.record.unit.name]);
  const CITY = input("示例市", "330100000000");
  const COUNTY = input("示例区", "330102000000");
  const TOWN = input("青阳镇", "330102001000");
  const VILLAGE = input("某村", "330102001001");

  it.each([
    ["a town under its county", [COUNTY, TOWN], [["示例区", "青阳镇"]]],
    ["a town and its county under the city: the nearest ancestor by length of code first (the city), once each", [CITY, COUNTY, TOWN], [["示例市", "示例区"], ["示例市", "青阳镇"]]],
    ["a village (12 digits) under its town", [TOWN, VILLAGE], [["青阳镇", "某村"]]],
    ["a province over a city", [input("某省", "330000000000"), CITY], [["某省", "示例市"]]],
    ["two towns of one county: not nested", [TOWN, input("清河街道", "330102002000")], []],
    ["a town of another county: not nested", [COUNTY, input("东港镇", "330103001000")], []],
    ["one unit twice: not nested in itself", [TOWN, input("青阳镇", "330102001000")], []],
    ["a code that is not 12 digits: no ancestor", [COUNTY, input("坏码镇", "33010200100")], []],
  ] as const)("%s", (_n, inputs, pairs) => {
    expect(names([...inputs])).toEqual(pairs);
  });

  // The zone's 管委会 has a code the zone's code nests in, and the roster puts the 管委会 under 示例区: the walk
  // up the parent links went on past a parent already found by code (it stopped there before, missing 示例区).
  it("through the roster's parent links, over two steps, past a parent its code already nests in", () => {
    const zone = input("高新园区", "330199001000");
    const roster: RosterUnit[] = [
      { name: "高新园区", code: "330199001000", parent: "330199000000" },
      { name: "园区管委会", code: "330199000000", parent: "330102000000" },
      { name: "示例区", code: "330102000000", parent: "" },
    ];
    expect(names([COUNTY, zone], roster)).toEqual([["示例区", "高新园区"]]);
    expect(names([COUNTY, zone])).toEqual([]);
  });

  it("a cycle of parent links ends; a unit listed as its own parent is not nested in itself", () => {
    const a = input("甲", "330199001000");
    const b = input("乙", "330199002000");
    const cycle: RosterUnit[] = [
      { name: "甲", code: "330199001000", parent: "330199002000" },
      { name: "乙", code: "330199002000", parent: "330199001000" },
    ];
    expect(names([a, b], cycle)).toEqual([["乙", "甲"], ["甲", "乙"]]);
    expect(names([a], [{ name: "甲", code: "330199001000", parent: "330199001000" }])).toEqual([]);
    expect(names([a, b], [{ name: "甲", code: "330199001000", parent: "" }])).toEqual([]);
  });

  it("two inputs of one outer unit: the first listed is the one named", () => {
    const renamed = input("示例区（新）", "330102000000");
    expect(names([COUNTY, renamed, TOWN])).toEqual([["示例区", "青阳镇"]]);
    expect(names([renamed, COUNTY, TOWN])).toEqual([["示例区（新）", "青阳镇"]]);
  });

  it("the double-counting message names each outer unit once, with its inner units once each", () => {
    const nested = nestedInputs([CITY, COUNTY, TOWN, input("青阳镇", "330102001000")], undefined);
    expect(doubleCountingMessage(nested)).toBe("示例市的汇总表与其下属示例区、青阳镇的报表不能同时汇总（会重复计算）。请去掉其中一方后重新汇总；如要只汇总各县（市、区）的汇总表，请加 --consolidations-only。未生成汇总表。");
    const two = nestedInputs([COUNTY, TOWN, input("东区", "330103000000"), input("东港镇", "330103001000")], undefined);
    expect(doubleCountingMessage(two)).toMatch(/^示例区的汇总表与其下属青阳镇的报表不能同时汇总；东区的汇总表与其下属东港镇的报表不能同时汇总（会重复计算）。/);
  });
});

describe("two reports of one unit: which counts, and why", () => {
  // (x, y) -> sign of compareReports(x, y) and of compareReports(y, x).
  it.each([
    ["later 填报日期", { date: "2025-12-21" }, { date: "2025-12-20" }, 1],
    ["a date against none", { date: "2025-12-20" }, { date: null }, 1],
    ["same date, later upload", { submittedAt: "2025-12-21T02:00:00Z" }, { submittedAt: "2025-12-21T01:00:00Z" }, 1],
    ["same date, an upload time against none", { submittedAt: "2025-12-21T01:00:00Z" }, {}, 1],
    ["same date, same upload", { submittedAt: "2025-12-21T01:00:00Z" }, { submittedAt: "2025-12-21T01:00:00Z" }, 0],
    ["same date, neither uploaded", {}, {}, 0],
    ["the date decides before the upload", { date: "2025-12-21", submittedAt: "2025-12-01T00:00:00Z" }, { date: "2025-12-20", submittedAt: "2025-12-30T00:00:00Z" }, 1],
  ] as const)("%s", (_n, x, y, sign) => {
    const a = input("青阳镇", town(1), x);
    const b = input("青阳镇", town(1), y);
    expect([compareReports(a, b), compareReports(b, a)]).toEqual([sign, -sign || 0]);
  });

  it.each([
    [{ date: "2025-12-21" }, { date: "2025-12-20" }, "填报日期2025-12-21晚于2025-12-20"],
    [{ date: "2025-12-21" }, { date: null }, "填报日期2025-12-21（另一份未填日期）"],
    [{ submittedAt: "2025-12-21T02:00:00Z" }, { submittedAt: "2025-12-21T01:00:00Z" }, "填报日期相同（2025-12-20），上传时间较晚"],
    [{ submittedAt: "2025-12-21T02:00:00Z" }, {}, "填报日期相同（2025-12-20），上传时间较晚"],
    [{ date: null, submittedAt: "2025-12-21T02:00:00Z" }, { date: null }, "填报日期相同（未填），上传时间较晚"],
    [{}, {}, "填报日期相同（2025-12-20），采用最后列出的一份"],
    [{ date: null }, { date: null }, "填报日期相同（未填），采用最后列出的一份"],
  ] as const)("whyChosen(%j over %j) = %j", (x, y, why) => {
    expect(whyChosen(input("青阳镇", town(1), x), input("青阳镇", town(1), y))).toBe(why);
  });
});

describe("a roster's blanks filled for the service", () => {
  it.each([
    ["330100000000", "示例市", "市"],
    ["330000000000", "某省", "市"],
    ["330102000000", "示例区", "县（市、区）"],
    ["330102001000", "青阳镇", "乡镇"],
    // The anchors: a code with more digits or letters is no city or county.
    ["3301000000000", "示例市", "乡镇"],
    ["x330100000000", "示例市", "乡镇"],
    ["3301020000000", "示例区", "乡镇"],
    ["x330102000000", "示例区", "乡镇"],
    ["330102002000", "清河街道办事处", "街道"],
    ["330102002000", "清河街道", "街道"],
    ["330102002000", "街道办事处附近镇", "乡镇"],
    ["330102002000", "清河街道办", "乡镇"],
  ])("inferUnitType(%s, %s) = %s", (code, name, type) => {
    expect(inferUnitType(code, name)).toBe(type);
  });

  it("without a city in the roster: a county's and an unlisted county's town's 上级代码 stay blank; a listed county still parents its towns", () => {
    const units = completeRoster([
      { name: "示例区", code: "330102000000", parent: "" },
      { name: "青阳镇", code: "330102001000", parent: "" },
      { name: "飞地镇", code: "330105001000", parent: "" },
      { name: "清河街道", code: "330102002000", parent: "", type: "街道" },
    ]);
    expect(units).toEqual([
      { name: "示例区", code: "330102000000", parent: "", type: "县（市、区）" },
      { name: "青阳镇", code: "330102001000", parent: "330102000000", type: "乡镇" },
      { name: "飞地镇", code: "330105001000", parent: "", type: "乡镇" },
      { name: "清河街道", code: "330102002000", parent: "330102000000", type: "街道" },
    ]);
  });

  it("a city keeps a blank 上级代码; a unit typed 市 by the clerk counts as the city; a county is never its own parent", () => {
    const units = completeRoster([
      { name: "某县", code: "330122000000", parent: "" },
      { name: "示例市", code: "330199999000", parent: "", type: "市" },
      { name: "某镇", code: "330122001000", parent: "" },
    ]);
    expect(units.map((u) => [u.name, u.type, u.parent])).toEqual([
      ["某县", "县（市、区）", "330199999000"],
      ["示例市", "市", ""],
      ["某镇", "乡镇", "330122000000"],
    ]);
    // A town-level code ending in 000000 would be its own county: it gets the city instead.
    const self = completeRoster([
      { name: "示例市", code: "330100000000", parent: "" },
      { name: "怪镇", code: "330122000000", parent: "", type: "乡镇" },
    ]);
    expect(self.map((u) => u.parent)).toEqual(["", "330100000000"]);
  });
});

describe("roster rows: spaces, holes and the columns a header puts anywhere", () => {
  const ok = (units: RosterUnit[]) => ({ ok: true, units });
  const refused = (problems: string[]) => ({ ok: false, code: "ROSTER_INVALID", message: problems.join(" "), problems });

  it("spaces inside a header's words, a code's, a parent's and a type's are dropped; an ideographic space inside a name becomes a plain one", () => {
    const rows = [
      ["单位 名称", "区划　代码", "上级 代码", "单位 类型"],
      ["青阳\u3000镇", "330102 001000", "330102 000000", "县（市、 区）"],
    ];
    expect(parseRosterRows(rows)).toEqual(ok([{ name: "青阳 镇", code: "330102001000", parent: "330102000000", type: "县（市、区）" }]));
  });

  it("optional columns in column A: 上级代码 or 单位类型 or 联系电话 first", () => {
    expect(parseRosterRows([["上级代码", "名称", "区划代码"], ["330102000000", "青阳镇", "330102001000"]])).toEqual(ok([{ name: "青阳镇", code: "330102001000", parent: "330102000000" }]));
    expect(parseRosterRows([["单位类型", "名称", "区划代码"], ["街道", "清河街道", "330102002000"]])).toEqual(ok([{ name: "清河街道", code: "330102002000", parent: "", type: "街道" }]));
    expect(parseRosterRows([["联系电话", "联系人", "名称", "区划代码"], ["139 0571 0000", "王晓燕", "青阳镇", "330102001000"]])).toEqual(ok([{ name: "青阳镇", code: "330102001000", parent: "", contact: "王晓燕", phone: "13905710000" }]));
  });

  it("holes in the rows (a sparse list) read as empty rows, before and after the header", () => {
    const rows: string[][] = [];
    rows[1] = ["名称", "区划代码"];
    rows[3] = ["青阳镇", "330102001000"];
    expect(parseRosterRows(rows)).toEqual(ok([{ name: "青阳镇", code: "330102001000", parent: "" }]));
  });

  it("a name without a code: the code is called 空", () => {
    expect(parseRosterRows([["名称", "区划代码"], ["青阳镇", ""]])).toEqual(refused(["名单第2行“青阳镇”的区划代码“空”应为12位数字。"]));
  });

  it("from a sheet: a row with a code and no name (its B cell the row's first)", () => {
    const grid: Grid = { sheets: [{ name: "报送单位名单", state: "visible", rowCount: 3, cells: { B2: { value: "330102005000" }, A3: { value: "乙镇" }, B3: { value: "330102006000" } } }] };
    expect(parseRosterGrid(grid)).toEqual(refused(["名单第2行没有填写单位名称。"]));
  });

  it("a county typed by the clerk gets the city as its parent, never the county its code would nest in", () => {
    const units = completeRoster([
      { name: "示例市", code: "330100000000", parent: "" },
      { name: "示例区", code: "330102000000", parent: "" },
      { name: "园区", code: "330102900000", parent: "", type: "县（市、区）" },
    ]);
    expect(units.map((u) => u.parent)).toEqual(["", "330100000000", "330100000000"]);
  });

  it.each([
    // A first line with neither a comma nor a tab: the separator is the comma.
    ["名称\n青阳镇,330102001000", [["名称"], ["青阳镇", "330102001000"]]],
    ["名称\t区划代码\n青阳镇\t330102001000", [["名称", "区划代码"], ["青阳镇", "330102001000"]]],
    ["名称\t区划代码,x\na\tb,c", [["名称\t区划代码", "x"], ["a\tb", "c"]]],
  ])("splitCsv(%j)", (text, rows) => {
    expect(splitCsv(text)).toEqual(rows);
  });
});
