/**
 * Two small core modules as tables, in-process (so the mutation run sees them):
 * reporting periods (templates/period.ts: ids, labels, the pick-list's spellings, the
 * same months under two names, the year bounds) and how a cell reads as a number
 * (templates/numbers.ts: each form a clerk types, what it suggests in the row's unit).
 */
import { describe, expect, it } from "vitest";
import type { CellValue } from "../templates/grid";
import { fmt, readNumber, type NumberReading } from "../templates/numbers";
import { PERIOD_SPANS, canonicalPeriod, parsePeriod, parsePeriodId, periodFromLabel, samePeriod, spanLabel } from "../templates/period";

describe("period ids", () => {
  it.each<[string, string | null]>([
    ["2025-Y", "2025年全年"],
    ["2025-H1", "2025年上半年"],
    ["2025-H2", "2025年下半年"],
    ["2025-Q1", "2025年第一季度"],
    ["2025-Q4", "2025年第四季度"],
    ["2025-M01", "2025年1月"],
    ["2025-M02", "2025年1—2月"],
    ["2025-M11", "2025年1—11月"],
    ["2000-Y", "2000年全年"],
    ["2100-Y", "2100年全年"],
    ["1999-Y", null],
    ["2101-Y", null],
    ["2025-M00", null],
    ["2025-M12", null],
    ["2025-M1", null],
    ["2025-H3", null],
    ["2025-Q5", null],
    ["2025-y", null],
    ["25-Y", null],
    [" 2025-Y", null],
    ["2025-Y ", null],
  ])("%s → %s", (id, label) => {
    const p = parsePeriodId(id);
    expect(p && p.label).toBe(label);
    if (p) expect([p.id, p.year, p.span]).toEqual([id, Number(id.slice(0, 4)), id.slice(5)]);
  });

  it("the pick-list: 全年, halves, quarters, then 1月 and 1—2月 … 1—11月", () => {
    expect(PERIOD_SPANS.map((s) => s.code)).toEqual(["Y", "H1", "H2", "Q1", "Q2", "Q3", "Q4", "M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08", "M09", "M10", "M11"]);
    expect(PERIOD_SPANS.map((s) => s.label).slice(7)).toEqual(["1月", "1—2月", "1—3月", "1—4月", "1—5月", "1—6月", "1—7月", "1—8月", "1—9月", "1—10月", "1—11月"]);
    expect(spanLabel(parsePeriodId("2025-M10")!)).toBe("1—10月");
    expect(spanLabel(parsePeriodId("2025-Q2")!)).toBe("第二季度");
  });
});

describe("the same months under two names", () => {
  it.each<[string, string]>([
    ["2025-M03", "2025-Q1"],
    ["2025-M06", "2025-H1"],
    ["2025-M09", "2025-M09"],
    ["2025-Q1", "2025-Q1"],
    ["2025-H1", "2025-H1"],
  ])("%s is %s", (id, canonical) => {
    expect(canonicalPeriod(parsePeriodId(id)!).id).toBe(canonical);
  });

  it("samePeriod", () => {
    const p = (id: string) => parsePeriodId(id)!;
    expect(samePeriod(p("2025-M06"), p("2025-H1"))).toBe(true);
    expect(samePeriod(p("2025-M03"), p("2025-Q1"))).toBe(true);
    expect(samePeriod(p("2025-M06"), p("2025-Q2"))).toBe(false);
    expect(samePeriod(p("2025-H1"), p("2024-H1"))).toBe(false);
  });
});

describe("periods from the cover's label and from --period", () => {
  it.each<[number, string, string | null]>([
    [2025, "上半年", "2025-H1"],
    [2025, " 上半年 ", "2025-H1"],
    [2025, "1-6月", "2025-M06"],
    [2025, "1－6月", "2025-M06"],
    [2025, "1–6月", "2025-M06"],
    [2025, "1~6月", "2025-M06"],
    [2025, "1～6月", "2025-M06"],
    [2025, "1―6月", "2025-M06"],
    [2025, "1 — 10 月", "2025-M10"],
    [2025, "1月", "2025-M01"],
    [2025, "全年", "2025-Y"],
    [2025, "半年", null],
    // The cover keeps to its pick-list: what --period also takes is not picked there.
    [2025, "1至6月", null],
    [2025, "一季度", null],
    [2025, "1—12月", null],
    [1999, "全年", null],
    [2101, "全年", null],
    [2025.5, "全年", null],
    [2000, "全年", "2000-Y"],
    [2100, "全年", "2100-Y"],
  ])("%s %j → %s", (year, label, id) => {
    const p = periodFromLabel(year, label);
    expect(p && p.id).toBe(id);
  });

  it.each<[string, string | null]>([
    ["2025-H1", "2025-H1"],
    [" 2025-M06 ", "2025-H1"],
    ["2025年上半年", "2025-H1"],
    ["2025年1-6月", "2025-H1"],
    ["2025年1—6月", "2025-H1"],
    ["2025 年 1—3月", "2025-Q1"],
    ["2025全年", "2025-Y"],
    ["2025年1—10月", "2025-M10"],
    [" 2025年上半年 ", "2025-H1"],
    // As bureaus also write them in notices and file names.
    ["2025年度", "2025-Y"],
    ["2025 年 度", "2025-Y"],
    ["2025年全年度", "2025-Y"],
    ["2025年1-12月", "2025-Y"],
    ["2025年1月—12月", "2025-Y"],
    ["2025年1至12月", "2025-Y"],
    ["2025年1至6月", "2025-H1"],
    ["2025年1月至6月", "2025-H1"],
    ["2025年1 到 9月", "2025-M09"],
    ["2025年一季度", "2025-Q1"],
    ["2025年二季度", "2025-Q2"],
    ["2025年三季度", "2025-Q3"],
    ["2025年四季度", "2025-Q4"],
    ["2025年前三季度", "2025-M09"],
    ["2025度", null],
    ["2025年度度", null],
    ["2025年1—13月", null],
    ["2025年2至6月", null],
    ["2025年至6月", null],
    ["2025年12月", null],
    ["2025年上半年度", null],
    ["2025年上半年\n2026年", null],
    ["2025年1至6月至9月", null],
    ["2025年五季度", null],
    ["x2025年上半年", null],
    ["2025年", null],
    ["上半年", null],
    ["2025年第五季度", null],
    ["", null],
  ])("--period %j → %s", (text, id) => {
    const p = parsePeriod(text);
    expect(p && p.id).toBe(id);
  });
});

describe("a cell read as a number", () => {
  const r = (form: NumberReading["form"], suggestion: number | null, value: number | null = null): NumberReading => ({ form, value, suggestion });
  it.each<[CellValue, string, NumberReading]>([
    [null, "万元", r("empty", null)],
    ["", "件", r("empty", null)],
    [12.5, "件", r("number", 12.5, 12.5)],
    [Number.POSITIVE_INFINITY, "件", r("text", null)],
    [true, "件", r("text", null)],
    ["   ", "件", r("spaces", null)],
    ["\u3000", "件", r("spaces", null)],
    ["—", "件", r("placeholder", 0)],
    ["无", "件", r("placeholder", 0)],
    ["N/A", "件", r("placeholder", 0)],
    ["na", "件", r("placeholder", 0)],
    ["...", "件", r("placeholder", 0)],
    ["约200", "件", r("approximate", 200)],
    ["200左右", "件", r("approximate", 200)],
    ["大约200多", "件", r("approximate", 200)],
    ["12件", "件", r("with-unit", 12)],
    ["12人次", "人次", r("with-unit", 12)],
    ["30%", "%", r("with-unit", 30)],
    ["30％", "%", r("with-unit", 30)],
    ["100万元", "万元", r("with-unit", 100)],
    ["100万元", "亿元", r("with-unit", 0.01)],
    ["1.2万元", "万元", r("with-unit", 1.2)],
    ["1.2亿元", "万元", r("with-unit", 12000)],
    ["5000元", "万元", r("with-unit", 0.5)],
    ["2亿元", "亿元", r("with-unit", 2)],
    ["1.2亿", "万元", r("wan", 12000)],
    ["1.2万", "件", r("wan", 12000)],
    ["3万", "亿元", r("wan", 0.0003)],
    ["0.3亿", "亿元", r("wan", 0.3)],
    ["１２３", "件", r("full-width", 123)],
    ["１２３．５", "件", r("full-width", 123.5)],
    ["1,234", "件", r("thousands", 1234)],
    ["1,234.5", "万元", r("thousands", 1234.5)],
    ["12,34", "件", r("text", null)],
    [" 12 ", "件", r("spaces", 12)],
    ["12", "件", r("numeric-text", 12)],
    ["-3", "件", r("numeric-text", -3)],
    ["+.5", "件", r("numeric-text", 0.5)],
    ["5.", "件", r("numeric-text", 5)],
    ["abc", "件", r("text", null)],
    ["1.2.3", "件", r("text", null)],
    ["1 234", "件", r("numeric-text", 1234)],
    ["12,345,678", "件", r("thousands", 12345678)],
    ["12,345", "件", r("thousands", 12345)],
    ["1,234.56", "件", r("thousands", 1234.56)],
    ["1234,567", "件", r("text", null)],
    [".55", "件", r("numeric-text", 0.55)],
    ["1万亿元", "万元", r("wan", 100000000)],
    ["12件", "万元", r("with-unit", 12)],
    ["12件", "亿元", r("with-unit", 12)],
    ["5", "亿元", r("numeric-text", 5)],
  ])("%j in a %s row", (raw, unit, reading) => {
    expect(readNumber(raw, unit)).toEqual(reading);
  });

  it.each<[number, string]>([
    [1, "1"],
    [1.234, "1.23"],
    [1.235, "1.24"],
    [-2.5, "-2.5"],
    [0.005, "0.01"],
    [12000.999, "12001"],
  ])("fmt(%s) → %s", (n, text) => {
    expect(fmt(n)).toBe(text);
  });
});
