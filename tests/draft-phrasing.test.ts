/**
 * The draft's wording, case by case: number formats, the sentence of each
 * indicator kind in each case (growth, decline, flat, new, unknown, ratio,
 * completion, 序时进度), the reporting base, leading units, targets, and the
 * seeds' own sentences rebuilt from figures shaped like theirs.
 */
import { describe, expect, it } from "vitest";
import { indicator, type Indicator } from "../templates/catalog";
import { baseSentence, figureGroups, leadersSentence, ratioSentence, scheduleOf, sumSentence, targetSentences } from "../templates/draft/figures";
import { formatFigure, formatPercent, formatPoints } from "../templates/draft/format";
import { figuresIn, narrativeSections, similarity, splitPoints, themeOf } from "../templates/draft/narrative";
import type { Consolidation, Total } from "../templates/merge/merge";
import { parsePeriodId, type Period } from "../templates/period";
import type { IndicatorValues } from "../templates/record";
import { consolidate } from "./support/draft-towns";

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
  // figures: each figure's label and text as its footnote lists them; growthCase: what the sentence says of 同比.
  const cases: { name: string; figures: string[]; growthCase: string; code: string; t: [number | null, number | null, number | null]; parts?: Total[]; period?: string; text: string; refs: string[] }[] = [
    { name: "growth", figures: ["专利授权|1050件", "同比增长|5%"], growthCase: "growth", code: "D05", t: [1050, 1000, null], text: "全市专利授权1050件，同比增长5%。", refs: ["汇总!E40", "汇总!H40"] },
    { name: "decline", figures: ["财政科技拨款|900万元", "同比下降|10%"], growthCase: "decline", code: "A01", t: [900, 1000, null], text: "全市财政科技拨款900万元，同比下降10%。", refs: ["汇总!E6", "汇总!H6"] },
    { name: "flat", figures: ["专利授权|1000件", "同比|0%"], growthCase: "flat", code: "D05", t: [1000, 1000, null], text: "全市专利授权1000件，与上年同期持平。", refs: ["汇总!E40", "汇总!H40"] },
    { name: "flat when the change rounds to 0.0%", figures: ["专利授权|10000件", "同比|0%"], growthCase: "flat", code: "D05", t: [10_000, 10_001, null], text: "全市专利授权10000件，与上年同期持平。", refs: ["汇总!E40", "汇总!H40"] },
    { name: "decline at the edge of rounding", figures: ["专利授权|9995件", "同比下降|0.1%"], growthCase: "decline", code: "D05", t: [9_995, 10_000, null], text: "全市专利授权9995件，同比下降0.1%。", refs: ["汇总!E40", "汇总!H40"] },
    { name: "new from a zero base", figures: ["科技企业孵化器/众创空间|3家", "上年同期|0家"], growthCase: "new", code: "C12", t: [3, 0, null], text: "全市科技企业孵化器/众创空间3家，上年同期为零，均为新增。", refs: ["汇总!E34", "汇总!F34"] },
    { name: "zero on zero is flat", figures: ["科技企业孵化器/众创空间|0家", "上年同期|0家"], growthCase: "flat", code: "C12", t: [0, 0, null], text: "全市科技企业孵化器/众创空间0家，与上年同期持平。", refs: ["汇总!E34", "汇总!F34"] },
    { name: "unknown base: nothing claimed", figures: ["专利授权|1050件"], growthCase: "unknown", code: "D05", t: [1050, null, null], text: "全市专利授权1050件。", refs: ["汇总!E40"] },
    {
      name: "其中 items and completion",
      figures: ["专利申请|1050件", "其中发明专利|130件", "其中实用新型专利|800件", "其中外观设计专利|120件", "同比增长|5%", "全年目标|700件", "完成率|150%"],
      growthCase: "growth",
      code: "D01",
      t: [1050, 1000, 700],
      parts: [total("D02", 130, 100), total("D03", 800, 800), total("D04", 120, 100)],
      text: "全市专利申请1050件，其中发明专利130件、实用新型专利800件、外观设计专利120件，同比增长5%，完成全年目标（700件）的150%。",
      refs: ["汇总!E36", "汇总!E37", "汇总!E38", "汇总!E39", "汇总!H36", "汇总!I36", "汇总!J36"],
    },
    { name: "behind 序时进度 (1—10月)", figures: ["专利申请|500件", "同比增长|11.1%", "全年目标|700件", "完成率|71.4%", "落后序时进度|11.9个百分点"], growthCase: "growth", code: "D01", t: [500, 450, 700], period: "2025-M10", text: "全市专利申请500件，同比增长11.1%，完成全年目标（700件）的71.4%，落后序时进度11.9个百分点。", refs: ["汇总!E36", "汇总!H36", "汇总!I36", "汇总!J36", "汇总!J36与序时进度83.3%（10/12）之差"] },
    { name: "ahead of 序时进度 (上半年)", figures: ["专利申请|400件", "同比下降|11.1%", "全年目标|700件", "完成率|57.1%", "超过序时进度|7.1个百分点"], growthCase: "decline", code: "D01", t: [400, 450, 700], period: "2025-H1", text: "全市专利申请400件，同比下降11.1%，完成全年目标（700件）的57.1%，超过序时进度7.1个百分点。", refs: ["汇总!E36", "汇总!H36", "汇总!I36", "汇总!J36", "汇总!J36与序时进度50%（6/12）之差"] },
    { name: "on 序时进度 (1—6月)", figures: ["专利申请|350件", "同比|0%", "全年目标|700件", "完成率|50%", "与序时进度之差|0个百分点"], growthCase: "flat", code: "D01", t: [350, 350, 700], period: "2025-M06", text: "全市专利申请350件，与上年同期持平，完成全年目标（700件）的50%，与序时进度持平。", refs: ["汇总!E36", "汇总!H36", "汇总!I36", "汇总!J36", "汇总!J36与序时进度50%（6/12）之差"] },
    { name: "no 序时进度 for a single quarter", figures: ["专利申请|350件", "同比|0%", "全年目标|700件", "完成率|50%"], growthCase: "flat", code: "D01", t: [350, 350, 700], period: "2025-Q3", text: "全市专利申请350件，与上年同期持平，完成全年目标（700件）的50%。", refs: ["汇总!E36", "汇总!H36", "汇总!I36", "汇总!J36"] },
    { name: "a zero target says no completion", figures: ["专利授权|10件", "同比增长|25%"], growthCase: "growth", code: "D05", t: [10, 8, 0], text: "全市专利授权10件，同比增长25%。", refs: ["汇总!E40", "汇总!H40"] },
  ];
  it.each(cases)("$name", ({ code, t, parts, period, text, refs, figures, growthCase }) => {
    const s = sumSentence(ind(code), totals(total(code, ...t), ...(parts ?? [])), "全市", (period ? parsePeriodId(period) : Y) as Period)!;
    expect(s.text).toBe(text);
    expect(s.figures.map((f) => f.ref)).toEqual(refs);
    expect(s.figures.map((f) => `${f.label}|${f.text}`)).toEqual(figures);
    expect(s).toMatchObject({ code, growthCase });
    // Every number the sentence states is one of its figures, as written.
    for (const n of s.text.match(/\d+(?:\.\d+)?/g) ?? []) expect(s.figures.some((f) => f.text.includes(n))).toBe(true);
  });
  it("says nothing for an indicator no unit reported", () => {
    expect(sumSentence(ind("D05"), totals(total("D05", null, 10)), "全市", Y)).toBeNull();
  });
});

describe("a ratio's sentence, in 个百分点", () => {
  it.each([
    { name: "up (seed 002)", figures: ["高新技术产业产值占规模以上工业产值比重|38%", "比上年增长|1.5个百分点"], growthCase: "growth", t: [0.38, 0.365], text: "全市高新技术产业产值占规模以上工业产值比重达38%，比上年增长1.5个百分点。", refs: ["汇总!E32", "汇总!G32"] },
    { name: "down", figures: ["高新技术产业产值占规模以上工业产值比重|20%", "比上年下降|1.5个百分点"], growthCase: "decline", t: [0.2, 0.215], text: "全市高新技术产业产值占规模以上工业产值比重达20%，比上年下降1.5个百分点。", refs: ["汇总!E32", "汇总!G32"] },
    { name: "flat", figures: ["高新技术产业产值占规模以上工业产值比重|20%", "比上年增减|0个百分点"], growthCase: "flat", t: [0.2, 0.2004], text: "全市高新技术产业产值占规模以上工业产值比重达20%，与上年持平。", refs: ["汇总!E32", "汇总!G32"] },
    { name: "unknown prior", figures: ["高新技术产业产值占规模以上工业产值比重|38.1%"], growthCase: "unknown", t: [0.381, null], text: "全市高新技术产业产值占规模以上工业产值比重达38.1%。", refs: ["汇总!E32"] },
  ] as const)("$name", ({ t, text, refs, figures, growthCase }) => {
    const s = ratioSentence(ind("C10"), totals(total("C10", t[0], t[1])), "全市")!;
    expect(s.text).toBe(text);
    expect(s.figures.map((f) => f.ref)).toEqual(refs);
    expect(s.figures.map((f) => `${f.label}|${f.text}`)).toEqual(figures);
    expect(s).toMatchObject({ code: "C10", growthCase });
  });
});

// --- consolidations built by the real merge -----------------------------------------

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

describe("序时进度: the share of the year a cumulative period covers", () => {
  it.each([
    ["2025-Y", null],
    ["2025-H1", [6, 0.5]],
    ["2025-H2", null],
    ["2025-Q1", [3, 0.25]],
    ["2025-Q2", null],
    ["2025-Q4", null],
    ["2025-M01", [1, 1 / 12]],
    ["2025-M06", [6, 0.5]],
    ["2025-M11", [11, 11 / 12]],
  ] as const)("%s → %j", (id, expected) => {
    expect(scheduleOf(parsePeriodId(id)!)).toEqual(expected && { months: expected[0], share: expected[1] });
  });
});

describe("the reporting base at its edges", () => {
  it("units outside the roster are named as counted", () => {
    const c = consolidate([{ D01: v(1) }, { D01: v(2) }, { D01: v(3) }], { roster: 2 });
    expect(baseSentence(c)).toEqual({
      text: "全市应报2个单位，已报3个，均已报送；另有名单外单位南山镇的报表已计入汇总。",
      figures: [
        { label: "应报", text: "2", ref: "汇总!A2" },
        { label: "已报", text: "3", ref: "汇总!A2" },
      ],
    });
  });
  it("no report at all: the fixed sentence, no figures", () => {
    const c = consolidate([{ D01: v(1) }], { roster: 2 });
    expect(baseSentence({ ...c, counts: { ...c.counts, submitted: 0 } })).toEqual({ text: "本期尚无单位报送，以下各项暂无数据。", figures: [] });
  });
});

describe("leading units at their edges", () => {
  it.each([
    ["exactly four units: the top three", [5, 7, 6, 1], "专利申请量居前三位的是清河街道（7件）、南山镇（6件）和青阳镇（5件）。"],
    ["a tie: the earlier unit first", [5, 7, 7, 1], "专利申请量居前三位的是清河街道（7件）、南山镇（7件）和青阳镇（5件）。"],
    ["a zero among the top three: nothing said", [5, 7, 0, 0], null],
    ["four units, one without a figure: too few to rank", [5, 7, 6, null], null],
    ["five units, one without a figure: ranked among four", [5, null, 6, 1, 9], "专利申请量居前三位的是白塔镇（9件）、南山镇（6件）和青阳镇（5件）。"],
  ] as const)("%s", (_why, figures, text) => {
    const c = consolidate(figures.map((n) => ({ D01: v(n) })));
    expect(leadersSentence("D01", "专利申请量", c)?.text ?? null).toBe(text);
  });
  it("an indicator the catalogue lacks: nothing said", () => {
    expect(leadersSentence("Z99", "无", consolidate([1, 2, 3, 4].map((n) => ({ D01: v(n) }))))).toBeNull();
  });
});

describe("targets still to reach (下步工作打算), at their edges", () => {
  it.each([
    ["one open target in a group", { D01: v(500, 0, 700) }, ["围绕全年目标任务，全年专利申请达700件。"]],
    ["two in a group: 确保 the rest", { D01: v(500, 0, 700), D05: v(100, 0, 300) }, ["围绕全年目标任务，全年专利申请达700件，确保专利授权300件。"]],
    ["three in a group, the rest joined", { A01: v(100, 0, 200), A04: v(50, 0, 80), A07: v(900, 0, 1000) }, ["围绕全年目标任务，全年财政科技拨款达200万元，确保争取上级科技资金80万元、全社会R&D经费支出1000万元。"]],
    ["two groups: the lead words once", { A01: v(100, 0, 200), D01: v(500, 0, 700) }, ["围绕全年目标任务，全年财政科技拨款达200万元。", "全年专利申请达700件。"]],
    ["a target reached exactly is not open", { D01: v(700, 0, 700) }, []],
    ["a target passed is not open", { D01: v(701, 0, 700) }, []],
    ["a zero target is not open", { D01: v(0, 0, 0) }, []],
    ["no figure yet: not stated", { D01: v(null, 0, 700) }, []],
    ["no target: not stated", { D01: v(500, 0, null) }, []],
  ] as const)("%s", (_why, values, texts) => {
    const c = consolidate([values as Record<string, IndicatorValues>], { period: "2025-M10" });
    const sentences = targetSentences(c);
    expect(sentences.map((s) => s.text)).toEqual(texts);
    for (const s of sentences) expect(s.figures.every((f) => /^汇总!I\d+$/.test(f.ref) && f.label.endsWith("全年目标"))).toBe(true);
  });
});

describe("一、主要指标完成情况: which indicators speak in which group", () => {
  it("each group's sentences: its sums and ratios in catalogue order (no 其中 items, no context-only figures), then its leading units", () => {
    const values = Object.fromEntries(["A01", "A02", "A03", "A04", "A05", "A07", "A08", "A09", "C01", "C08", "C09", "C10", "D01", "D02", "G02"].map((code) => [code, v(10, 8, 12)]));
    const c = consolidate([values, values, values, values]);
    const groups = figureGroups(c).map((g) => [g.code, g.title, g.sentences.map((s) => s.code)]);
    expect(groups).toEqual([
      ["A", "科技投入", ["A01", "A03", "A04", "A07", "A09", "A04"]],
      ["B", "科技项目", []],
      ["C", "创新主体", ["C01", "C08", "C10", "C01"]],
      ["D", "知识产权", ["D01", "D01"]],
      ["E", "成果转化与合作", []],
      ["F", "人才与服务", []],
      ["G", "科学普及", ["G02"]],
    ]);
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
