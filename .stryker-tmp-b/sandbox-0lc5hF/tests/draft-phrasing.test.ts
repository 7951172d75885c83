/**
 * The draft's wording, case by case: number formats, the sentence of each
 * indicator kind in each case (growth, decline, flat, new, unknown, ratio,
 * completion, 序时进度), the reporting base, leading units, targets, and the
 * seeds' own sentences rebuilt from figures shaped like theirs.
 */
// @ts-nocheck

import { describe, expect, it } from "vitest";
import { indicator, type Indicator } from "../templates/catalog";
import { baseSentence, leadersSentence, ratioSentence, sumSentence, targetSentences } from "../templates/draft/figures";
import { formatFigure, formatPercent, formatPoints } from "../templates/draft/format";
import { figuresIn, narrativeSections, similarity, splitPoints, themeOf } from "../templates/draft/narrative";
import { mergeReports, type Consolidation, type Total } from "../templates/merge/merge";
import { parsePeriodId, type Period } from "../templates/period";
import type { IndicatorValues } from "../templates/record";
import { reportRecord } from "./support/records";

const ind = (code: string): Indicator => indicator(code)!;
const Y = parsePeriodId("2025-Y")!;
const total = (code: string, current: number | null, prior: number | null, target: number | null = null): Total => ({
  code,
  current,
  prior,
  target,
  delta: null,
  growth: null,
  growthLabel: null,
  change: null,
  completion: null,
  units: { current: 1, prior: 1, target: 1 },
});
const totals = (...list: Total[]) => Object.fromEntries(list.map((t) => [t.code, t]));

describe("numbers as official documents write them", () => {
  it.each([
    [1050, "D01", "1050件"],
    [99_999, "F04", "99999人次"],
    [183_456, "G02", "18.35万人次"],
    [100_000, "G02", "10万人次"],
    [1457, "A01", "1457万元"],
    [35.456, "C08", "35.46亿元"],
    [2608.5, "A04", "2608.5万元"],
    [1.005, "C08", "1.01亿元"],
  ])("%s of %s → %s", (v, code, text) => expect(formatFigure(v, ind(code))).toBe(text));
  it.each([
    [0.38, "38%"],
    [0.125, "12.5%"],
    [0.12349, "12.3%"],
    [0.12351, "12.4%"],
    [1.5, "150%"],
  ])("percent %s → %s", (f, text) => expect(formatPercent(f)).toBe(text));
  it.each([
    [1.5, "1.5个百分点"],
    [-0.04, "0个百分点"],
    [-2.25, "2.3个百分点"],
  ])("points %s → %s", (p, text) => expect(formatPoints(p)).toBe(text));
});

describe("a summed indicator's sentence, per case", () => {
  const cases: { name: string; code: string; t: [number | null, number | null, number | null]; parts?: Total[]; period?: string; text: string; refs: string[] }[] = [
    { name: "growth", code: "D05", t: [1050, 1000, null], text: "全市专利授权1050件，同比增长5%。", refs: ["汇总!E40", "汇总!H40"] },
    { name: "decline", code: "A01", t: [900, 1000, null], text: "全市财政科技拨款900万元，同比下降10%。", refs: ["汇总!E6", "汇总!H6"] },
    { name: "flat", code: "D05", t: [1000, 1000, null], text: "全市专利授权1000件，与上年同期持平。", refs: ["汇总!E40", "汇总!H40"] },
    { name: "flat when the change rounds to 0.0%", code: "D05", t: [10_000, 10_001, null], text: "全市专利授权10000件，与上年同期持平。", refs: ["汇总!E40", "汇总!H40"] },
    { name: "decline at the edge of rounding", code: "D05", t: [9_995, 10_000, null], text: "全市专利授权9995件，同比下降0.1%。", refs: ["汇总!E40", "汇总!H40"] },
    { name: "new from a zero base", code: "C12", t: [3, 0, null], text: "全市科技企业孵化器/众创空间3家，上年同期为零，均为新增。", refs: ["汇总!E34", "汇总!F34"] },
    { name: "zero on zero is flat", code: "C12", t: [0, 0, null], text: "全市科技企业孵化器/众创空间0家，与上年同期持平。", refs: ["汇总!E34", "汇总!F34"] },
    { name: "unknown base: nothing claimed", code: "D05", t: [1050, null, null], text: "全市专利授权1050件。", refs: ["汇总!E40"] },
    {
      name: "其中 items and completion",
      code: "D01",
      t: [1050, 1000, 700],
      parts: [total("D02", 130, 100), total("D03", 800, 800), total("D04", 120, 100)],
      text: "全市专利申请1050件，其中发明专利130件、实用新型专利800件、外观设计专利120件，同比增长5%，完成全年目标（700件）的150%。",
      refs: ["汇总!E36", "汇总!E37", "汇总!E38", "汇总!E39", "汇总!H36", "汇总!I36", "汇总!J36"],
    },
    { name: "behind 序时进度 (1—10月)", code: "D01", t: [500, 450, 700], period: "2025-M10", text: "全市专利申请500件，同比增长11.1%，完成全年目标（700件）的71.4%，落后序时进度11.9个百分点。", refs: ["汇总!E36", "汇总!H36", "汇总!I36", "汇总!J36", "汇总!J36与序时进度83.3%（10/12）之差"] },
    { name: "ahead of 序时进度 (上半年)", code: "D01", t: [400, 450, 700], period: "2025-H1", text: "全市专利申请400件，同比下降11.1%，完成全年目标（700件）的57.1%，超过序时进度7.1个百分点。", refs: ["汇总!E36", "汇总!H36", "汇总!I36", "汇总!J36", "汇总!J36与序时进度50%（6/12）之差"] },
    { name: "on 序时进度 (1—6月)", code: "D01", t: [350, 350, 700], period: "2025-M06", text: "全市专利申请350件，与上年同期持平，完成全年目标（700件）的50%，与序时进度持平。", refs: ["汇总!E36", "汇总!H36", "汇总!I36", "汇总!J36", "汇总!J36与序时进度50%（6/12）之差"] },
    { name: "no 序时进度 for a single quarter", code: "D01", t: [350, 350, 700], period: "2025-Q3", text: "全市专利申请350件，与上年同期持平，完成全年目标（700件）的50%。", refs: ["汇总!E36", "汇总!H36", "汇总!I36", "汇总!J36"] },
    { name: "a zero target says no completion", code: "D05", t: [10, 8, 0], text: "全市专利授权10件，同比增长25%。", refs: ["汇总!E40", "汇总!H40"] },
  ];
  it.each(cases)("$name", ({ code, t, parts, period, text, refs }) => {
    const s = sumSentence(ind(code), totals(total(code, ...t), ...(parts ?? [])), "全市", (period ? parsePeriodId(period) : Y) as Period)!;
    expect(s.text).toBe(text);
    expect(s.figures.map((f) => f.ref)).toEqual(refs);
    // Every number the sentence states is one of its figures, as written.
    for (const n of s.text.match(/\d+(?:\.\d+)?/g) ?? []) expect(s.figures.some((f) => f.text.includes(n))).toBe(true);
  });
  it("says nothing for an indicator no unit reported", () => {
    expect(sumSentence(ind("D05"), totals(total("D05", null, 10)), "全市", Y)).toBeNull();
  });
});

describe("a ratio's sentence, in 个百分点", () => {
  it.each([
    { name: "up (seed 002)", t: [0.38, 0.365], text: "全市高新技术产业产值占规模以上工业产值比重达38%，比上年增长1.5个百分点。", refs: ["汇总!E32", "汇总!G32"] },
    { name: "down", t: [0.2, 0.215], text: "全市高新技术产业产值占规模以上工业产值比重达20%，比上年下降1.5个百分点。", refs: ["汇总!E32", "汇总!G32"] },
    { name: "flat", t: [0.2, 0.2004], text: "全市高新技术产业产值占规模以上工业产值比重达20%，与上年持平。", refs: ["汇总!E32", "汇总!G32"] },
    { name: "unknown prior", t: [0.381, null], text: "全市高新技术产业产值占规模以上工业产值比重达38.1%。", refs: ["汇总!E32"] },
  ] as const)("$name", ({ t, text, refs }) => {
    const s = ratioSentence(ind("C10"), totals(total("C10", t[0], t[1])), "全市")!;
    expect(s.text).toBe(text);
    expect(s.figures.map((f) => f.ref)).toEqual(refs);
  });
});

// --- consolidations built by the real merge -----------------------------------------

const CITY = { name: "示例市", code: "330100000000" };
const TOWNS = ["青阳镇", "清河街道", "南山镇", "东湖街道", "白塔镇", "西溪街道", "龙泉镇"].map((name, i) => ({ name, code: `330102${String(i + 1).padStart(3, "0")}000`, parent: CITY.code }));
function consolidate(values: Record<string, IndicatorValues>[], options: { period?: string; roster?: number; narratives?: string[][] } = {}): Consolidation {
  const inputs = values.map((v, i) =>
    ({
      record: reportRecord({
        unit: TOWNS[i]!,
        values: v,
        period: options.period,
        narrative: { achievements: options.narratives?.[i]?.[0] ?? "", problems: options.narratives?.[i]?.[1] ?? "", plans: options.narratives?.[i]?.[2] ?? "" },
      }),
    }),
  );
  const r = mergeReports(inputs, { roster: options.roster === undefined ? undefined : TOWNS.slice(0, options.roster), unit: CITY, period: options.period ?? "2025-Y" });
  if (!r.ok) throw new Error(r.message);
  return r.consolidation;
}
const v = (current: number | null, prior: number | null = null, target: number | null = null): IndicatorValues => ({ current, prior, target });

describe("the reporting base", () => {
  it.each([
    { name: "one missing (the issue's example)", reported: 5, roster: 6, text: "全市应报6个单位，已报5个；西溪街道未报送，以下数据未含该单位。" },
    { name: "two missing", reported: 5, roster: 7, text: "全市应报7个单位，已报5个；西溪街道、龙泉镇未报送，以下数据未含上述单位。" },
    { name: "all in", reported: 6, roster: 6, text: "全市应报6个单位，已报6个，均已报送。" },
    { name: "no roster", reported: 3, roster: undefined, text: "本次汇总3个单位的报表。" },
  ])("$name", ({ reported, roster, text }) => {
    const c = consolidate(Array.from({ length: reported }, () => ({ D01: v(1) })), { roster });
    const s = baseSentence(c);
    expect(s.text).toBe(text);
    expect(s.figures.every((f) => f.ref === "汇总!A2")).toBe(true);
  });
});

describe("leading units", () => {
  it("names the top three with their figures and cells on 分单位明细", () => {
    const c = consolidate([120, 98, 300, 77, 301].map((n) => ({ D01: v(n) })));
    const s = leadersSentence("D01", "专利申请量", c)!;
    expect(s.text).toBe("专利申请量居前三位的是白塔镇（301件）、南山镇（300件）和青阳镇（120件）。");
    expect(s.figures.map((f) => f.ref)).toEqual(["分单位明细!CH10", "分单位明细!CH8", "分单位明细!CH6"]);
  });
  it("says nothing with fewer than four units", () => {
    expect(leadersSentence("D01", "专利申请量", consolidate([1, 2, 3].map((n) => ({ D01: v(n) }))))).toBeNull();
  });
});

describe("the seeds' own sentences, rebuilt from figures shaped like theirs", () => {
  it("seed 002: 比重达38%，比上年增长1.5个百分点", () => {
    // 高新技术产业产值 38 of 100 亿元 规上工业产值 (last year 36.5 of 100).
    const c = consolidate([{ C08: v(20, 19), C09: v(50, 50) }, { C08: v(18, 17.5), C09: v(50, 50) }], { period: "2025-H1" });
    const s = ratioSentence(ind("C10"), c.totals, "全市")!;
    const seed = "今年上半年全市高新技术产业产值占规模以上工业产值比重达38%，比上年增长1.5个百分点。";
    expect(seed).toContain(s.text);
  });
  it("seed 003: 全年专利申请达700件，确保专利授权340件", () => {
    const c = consolidate([{ D01: v(300, 280, 400), D05: v(100, 90, 200) }, { D01: v(200, 210, 300), D05: v(90, 80, 140) }], { period: "2025-M10" });
    const texts = targetSentences(c).map((s) => s.text);
    const seed = "7、加大调整专利结构力度，努力提高发明专利申请量。全年专利申请达700件，确保专利授权340件，积极实施知识产权示范市行动方案。";
    const d = texts.find((t) => t.includes("专利"))!;
    expect(seed).toContain(d.replace(/^围绕全年目标任务，/, "").replace(/。$/, ""));
    expect(targetSentences(consolidate([{ D01: v(300, 280, 400) }]))).toEqual([]); // the full year has no targets left to state
  });
});

describe("towns' narratives: points, themes, merging", () => {
  it.each([
    ["一是抓培育，指导企业申报高新技术企业；二是抓项目，争取上级扶持资金。", ["抓培育，指导企业申报高新技术企业", "抓项目，争取上级扶持资金"]],
    ["1、加强领导。2、加大投入！\n（三）培养人才", ["加强领导", "加大投入", "培养人才"]],
    ["无。同上", []],
    ["企业研发投入偏低；人才缺乏。", ["企业研发投入偏低；人才缺乏"]],
  ])("splits %j", (text, points) => expect(splitPoints(text)).toEqual(points));

  it.each([
    ["指导企业申报高新技术企业", "高企培育"],
    ["组织企业申报上级各类科技计划项目", "项目申报"],
    ["以知识产权宣传周为契机发放宣传材料", "知识产权"],
    ["组织企业与高校院所开展产学研对接", "成果转化"],
    ["高层次科技人才引进难", "人才"],
    ["推进科技企业孵化器和众创空间建设", "平台载体"],
    ["开展科技活动周和科普宣传月活动", "科普"],
    ["天气晴朗", "其他工作"],
  ])("%s → %s", (text, theme) => expect(themeOf(text).title).toBe(theme));

  it("merges near-duplicates (their own names masked), keeps different figures apart, orders by towns", () => {
    const narratives = [
      ["开展科技活动周和科普宣传月等大型科普宣传活动，无偿赠送科普书籍。青阳镇举办科普讲座12场。", "", ""],
      ["开展科技活动周和科普宣传月活动，无偿赠送科普书籍。清河街道举办科普讲座12场。", "", ""],
      ["开展科技活动周和科普宣传月等大型科普宣传活动，无偿赠送科普书籍。南山镇举办科普讲座15场。推进众创空间建设。", "", ""],
    ];
    expect(similarity(narratives[0]![0]!.split("。")[0]!, narratives[1]![0]!.split("。")[0]!)).toBeGreaterThanOrEqual(0.6);
    expect(figuresIn("举办科普讲座12场，发放3.5万份")).toBe("12,3.5");
    const c = consolidate([{ D01: v(1) }, { D01: v(1) }, { D01: v(1) }], { narratives });
    const [achievements] = narrativeSections(c);
    const blocks = achievements!.blocks.map((b) => [b.theme.title, b.points.map((p) => [p.text, p.units])]);
    expect(blocks).toEqual([
      [
        "科普",
        [
          ["开展科技活动周和科普宣传月等大型科普宣传活动，无偿赠送科普书籍", ["青阳镇", "清河街道", "南山镇"]],
          ["青阳镇举办科普讲座12场", ["青阳镇", "清河街道"]],
          ["南山镇举办科普讲座15场", ["南山镇"]],
        ],
      ],
      ["平台载体", [["推进众创空间建设", ["南山镇"]]]],
    ]);
    expect(achievements!.sources.map((s) => s.cell)).toEqual(["文字材料汇编!A5", "文字材料汇编!A5", "文字材料汇编!A12", "文字材料汇编!A12", "文字材料汇编!A19", "文字材料汇编!A19", "文字材料汇编!A19"]);
  });
});
