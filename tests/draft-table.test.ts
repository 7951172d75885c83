/**
 * The draft's 附表 as data (templates/draft/model.ts `tableRows`): the rows a clerk copies into
 * the yearly report, one per indicator with its 汇总 row number, group headings between. The
 * document tests read only four rows of it; here every row of the demo city, and each column's
 * edge (a blank figure, a zero base, a zero target, a ratio's change in points rounding to zero)
 * with exact strings.
 */
import { describe, expect, it } from "vitest";
import type { Catalogue } from "../templates/catalogue";
import { groupTitle, printedName } from "../templates/layout";
import { summaryRow } from "../templates/draft/cells";
import { tableRows, type TableRow } from "../templates/draft/model";
import type { Consolidation, Total } from "../templates/merge/merge";
import { SUMMARY_ROWS } from "../templates/merge/workbook";
import { demoCity } from "./support/draft-cases";

const DEMO = demoCity();

/** The consolidation with one indicator's totals replaced. */
function withTotal(code: string, t: Partial<Total>): Consolidation {
  return { ...DEMO, totals: { ...DEMO.totals, [code]: { ...DEMO.totals[code]!, ...t } } };
}

const rowOf = (rows: TableRow[], code: string) => rows.find((r) => r.code === code);
const figures = (r: TableRow | undefined) => r && [r.current, r.prior, r.change, r.target, r.completion];

describe("the demo city's 附表", () => {
  it("seven group headings, each before its group's indicators, in the catalogue's order", () => {
    const rows = tableRows(DEMO);
    expect(rows.filter((r) => r.heading).map((r) => r.heading)).toEqual(["一、科技投入", "二、科技项目", "三、创新主体", "四、知识产权", "五、成果转化与合作", "六、人才与服务", "七、科学普及"]);
    const expected = DEMO.catalogue.indicators.flatMap((ind, i, all) => [...(all[i - 1]?.group !== ind.group ? [`#${ind.group}`] : []), ind.code]);
    expect(rows.map((r) => r.code ?? `#${"ABCDEFG"["一二三四五六七".indexOf(r.heading![0]!)]}`)).toEqual(expected);
    expect(rows).toHaveLength(DEMO.catalogue.indicators.length + 7);
    for (const r of rows.filter((x) => x.heading)) expect(r).toEqual({ heading: r.heading, name: "", unit: "", current: "", prior: "", change: "", target: "", completion: "", row: "" });
  });

  it("every indicator row: its 汇总 row number, printed name without the indent, unit (% for ratios)", () => {
    const rows = tableRows(DEMO);
    for (const ind of DEMO.catalogue.indicators) {
      const r = rowOf(rows, ind.code)!;
      expect(r.row).toBe(String(SUMMARY_ROWS[ind.code]));
      expect(r.name).toBe(printedName(ind).trim());
      expect(r.unit).toBe(ind.kind === "ratio" ? "%" : ind.unit);
    }
    expect([rowOf(rows, "A01")!.row, rowOf(rows, "A05")!.name, rowOf(rows, "D01")!.row, rowOf(rows, "G05")!.row]).toEqual(["6", "其中：国家级", "36", "61"]);
  });

  it.each([
    // code, 本期, 上年同期, 增减%, 全年目标, 完成率%: amounts with 2 decimals, counts with none, ratios in % with one
    ["A01", ["2592.18", "2281.91", "13.6", "3238.34", "80.0"]],
    ["A03", ["1.2", "1.1", "+0.1个百分点", "1.3", "—"]],
    ["A09", ["1.8", "2.0", "-0.1个百分点", "1.9", "—"]],
    ["A10", ["36301.03", "37714.69", "-3.7", "43895.04", "82.7"]],
    ["C05", ["23", "23", "0.0", "27", "85.2"]],
    ["C12", ["8", "8", "0.0", "8", "100.0"]],
    ["D01", ["1311", "1362", "-3.7", "1562", "83.9"]],
    ["G02", ["31511", "30390", "3.7", "37366", "84.3"]],
  ])("%s: %j", (code, expected) => {
    expect(figures(rowOf(tableRows(DEMO), code))).toEqual(expected);
  });
});

describe("a column at its edge", () => {
  it.each<[string, string, Partial<Total>, string[]]>([
    ["an amount: 2 decimals, half away from zero", "A01", { current: 1234.505, prior: 1000, target: 2000 }, ["1234.51", "1000.00", "23.5", "2000.00", "61.7"]],
    ["a count: no decimals", "D01", { current: 7, prior: 4, target: 8 }, ["7", "4", "75.0", "8", "87.5"]],
    ["a blank 本期: no growth, no completion", "A01", { current: null, prior: 1000, target: 2000 }, ["", "1000.00", "—", "2000.00", "—"]],
    ["a blank 上年同期: growth unknown", "A01", { current: 1200, prior: null, target: 2000 }, ["1200.00", "", "—", "2000.00", "60.0"]],
    ["a zero base and a figure now: 新增", "D01", { current: 3, prior: 0, target: 3 }, ["3", "0", "新增", "3", "100.0"]],
    ["zero now and zero before: no growth to state", "D01", { current: 0, prior: 0, target: 3 }, ["0", "0", "—", "3", "0.0"]],
    ["a fall to zero", "D01", { current: 0, prior: 4, target: 3 }, ["0", "4", "-100.0", "3", "0.0"]],
    ["growth just shown: 0.05 % → 0.1", "A01", { current: 1000.5, prior: 1000, target: 1000 }, ["1000.50", "1000.00", "0.1", "1000.00", "100.1"]],
    ["a blank target: no completion", "A01", { current: 1200, prior: 1000, target: null }, ["1200.00", "1000.00", "20.0", "", "—"]],
    ["a zero target: no completion", "A01", { current: 1200, prior: 1000, target: 0 }, ["1200.00", "1000.00", "20.0", "0.00", "—"]],
    ["a negative target: no completion", "A01", { current: 1200, prior: 1000, target: -5 }, ["1200.00", "1000.00", "20.0", "-5.00", "—"]],
    ["a ratio: points with their sign", "A03", { current: 0.1234, prior: 0.1, change: 2.34, target: 0.15 }, ["12.3", "10.0", "+2.3个百分点", "15.0", "—"]],
    ["a ratio falling", "A03", { current: 0.1, prior: 0.1234, change: -2.34, target: 0.15 }, ["10.0", "12.3", "-2.3个百分点", "15.0", "—"]],
    ["a ratio's change rounding to zero: no sign, no −0", "A03", { current: 0.1, prior: 0.1004, change: -0.04, target: null }, ["10.0", "10.0", "0.0个百分点", "", "—"]],
    ["a ratio's change at the rounding edge: 0.05 → +0.1", "A03", { current: 0.1005, prior: 0.1, change: 0.05, target: 0.1 }, ["10.1", "10.0", "+0.1个百分点", "10.0", "—"]],
    ["a ratio without a base", "A03", { current: 0.1, prior: null, change: null, target: null }, ["10.0", "", "—", "", "—"]],
    ["a ratio without a figure", "A03", { current: null, prior: 0.1, change: null, target: 0.12 }, ["", "10.0", "—", "12.0", "—"]],
  ])("%s", (_why, code, total, expected) => {
    const r = rowOf(tableRows(withTotal(code, total)), code);
    expect(figures(r)).toEqual(expected);
    expect(r?.name).toBe(printedName(DEMO.catalogue.indicators.find((i) => i.code === code)!).trim());
  });
});

describe("a bureau's own catalogue", () => {
  it("more than ten groups: 十一、十二, as on the template's 指标 sheet", () => {
    const inds = DEMO.catalogue.indicators.filter((i) => i.kind !== "ratio").slice(0, 12);
    const groups = inds.map((_, i) => ({ code: `G${i + 1}`, name: `第${i + 1}组` }));
    const cat: Catalogue = { ...DEMO.catalogue, groups, indicators: inds.map((ind, i) => ({ ...ind, group: `G${i + 1}` })) };
    const c: Consolidation = { ...DEMO, catalogue: cat };
    const headings = tableRows(c).filter((r) => r.heading).map((r) => r.heading);
    expect(headings).toEqual(["一、第1组", "二、第2组", "三、第3组", "四、第4组", "五、第5组", "六、第6组", "七、第7组", "八、第8组", "九、第9组", "十、第10组", "十一、第11组", "十二、第12组"]);
    expect(tableRows(c).filter((r) => r.code).map((r) => r.row)).toEqual(inds.map((ind) => String(summaryRow(ind.code, cat))));
    expect(groupTitle("A")).toBe("一、科技投入");
  });
});
