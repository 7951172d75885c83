/**
 * The towns' narratives (templates/draft/narrative.ts) rule by rule, with exact expected values:
 * how a text is cut into points, which theme a point goes to, how two points are compared, which
 * points merge, whose wording represents a merged point, and in which order points and theme blocks
 * come. tests/draft-phrasing.test.ts has one end-to-end case of each; this file pins the edges
 * (thresholds, ties, surrogates, ordinals) the mutation run showed unchecked. In-process and fast.
 */
import { describe, expect, it } from "vitest";
import { comparable, dice, figuresIn, narrativeSections, similarity, splitPoints, themeOf, type NarrativeSection } from "../templates/draft/narrative";
import { THEMES, type Theme } from "../templates/draft/themes";
import type { Consolidation } from "../templates/merge/merge";
import { consolidate } from "./support/draft-towns";

/** One town per text (their 主要工作及成效; 存在问题 and 下步打算 empty). */
const consolidateTexts = (achievements: string[], roster?: number): Consolidation =>
  consolidate(achievements.map(() => ({ D01: { current: 1, prior: null, target: null } })), { roster, narratives: achievements.map((t) => [t, "", ""]) });
/** 主要工作及成效 as [theme title, [point text, towns][]][]. */
const view = (s: NarrativeSection) => s.blocks.map((b) => [b.theme.title, b.points.map((p) => [p.text, p.units] as const)] as const);
/** 主要工作及成效 of these texts; no themes given: every point in 其他工作, so only the merging decides. */
const achievements = (texts: string[], themes: readonly Theme[] = []) => narrativeSections(consolidateTexts(texts), themes)[0]!;
const points = (texts: string[]) => view(achievements(texts))[0]![1];

describe("splitPoints", () => {
  it.each<[string, string, string[]]>([
    ["sentence ends, Chinese and ASCII", "加强组织领导！加大科技投入？完善考核机制!健全工作制度?落实各项任务。", ["加强组织领导", "加大科技投入", "完善考核机制", "健全工作制度", "落实各项任务"]],
    ["newlines, blank lines between", "加强组织领导\n\n\n加大科技投入\n", ["加强组织领导", "加大科技投入"]],
    ["\\r\\n line ends", "加强组织领导\r\n加大科技投入\r\n", ["加强组织领导", "加大科技投入"]],
    ["a lone \\r is dropped, not a break", "加强\r组织领导", ["加强组织领导"]],
    ["a ； is a break only before an ordinal", "研发投入偏低；人才缺乏；（2）平台较少；3、资金不足；  4．项目不多", ["研发投入偏低；人才缺乏", "平台较少", "资金不足", "项目不多"]],
    ["一是…二是…", "一是加强组织领导；二是，加大科技投入；十二是培养人才队伍。", ["加强组织领导", "加大科技投入", "培养人才队伍"]],
    ["bracketed and numbered ordinals", "（三）培养人才队伍\n(2) 加大投入力度\n3）建立工作机制\n十一、做好其他事项\n4. 完善考核办法\n⑫落实各项任务", ["培养人才队伍", "加大投入力度", "建立工作机制", "做好其他事项", "完善考核办法", "落实各项任务"]],
    ["word ordinals", "首先，加强组织领导。其次：加大科技投入。再次 完善考核机制。最后，落实各项任务。此外，健全工作制度。另外，做好宣传工作。", ["加强组织领导", "加大科技投入", "完善考核机制", "落实各项任务", "健全工作制度", "做好宣传工作"]],
    ["three nested ordinals are stripped", "一是（1）1、加强组织领导", ["加强组织领导"]],
    ["a fourth is left", "一是（1）1、①加强组织领导", ["①加强组织领导"]],
    ["an ordinal after a sentence end and a space", "加强组织领导。 二、加大科技投入", ["加强组织领导", "加大科技投入"]],
    ["trailing punctuation and spaces", "加强组织领导；：，、 \n加大科技投入, ;", ["加强组织领导", "加大科技投入"]],
    ["inner punctuation and tabs are kept", "加强领导，\t完善机制", ["加强领导，\t完善机制"]],
    ["four characters make a point", "加强领导", ["加强领导"]],
    ["three do not", "加强领。同上。无。", []],
    ["punctuation and spaces do not count", "加，强 领、", []],
    ["four characters with punctuation between", "加，强 领、导", ["加，强 领、导"]],
    ["control characters are dropped", "加强\u0001组织\u0008领导\u000b\u000c\u000e\u001f工作\ufffe\uffff", ["加强组织领导工作"]],
    ["a pair of surrogates is kept", "研发𠮷投入增加", ["研发𠮷投入增加"]],
    ["a lone high surrogate inside is dropped", "研发\ud800投入增加", ["研发投入增加"]],
    ["a lone high surrogate at the end is dropped", "研发投入增加\ud800", ["研发投入增加"]],
    ["a lone low surrogate inside is dropped", "研发\udc00投入增加", ["研发投入增加"]],
    ["a lone low surrogate at the start is dropped", "\udc00研发投入增加", ["研发投入增加"]],
    ["a reversed pair is dropped", "研发\udc00\ud800投入增加", ["研发投入增加"]],
  ])("%s", (_name, text, expected) => expect(splitPoints(text)).toEqual(expected));
});

describe("themeOf", () => {
  const T = (key: string, keywords: string[], group?: string): Theme => ({ key, title: key, keywords, ...(group ? { group } : {}) });
  it.each([
    ["推进众创空间建设", "平台载体"], // a theme without a catalogue group: its own keywords
    ["申请实用新型", "知识产权"], // "实用新型" is an indicator of group D, no keyword
    ["规模以上工业总产值增长", "高企培育"], // an indicator of group C
    ["做好防汛抗旱工作", "其他工作"],
    ["获评国家级文明村", "其他工作"], // "国家级" (三 characters) alone is too general to decide a theme
    ["市级财政支持", "其他工作"],
  ])("%s → %s", (text, title) => expect(themeOf(text).title).toBe(title));

  it.each([
    ["the most keyword characters win", "科技培训", [T("a", ["科技"]), T("b", ["科技培训"])], "b"],
    ["ties go to the earlier theme", "科技培训", [T("a", ["科技"]), T("b", ["培训"])], "a"],
    ["keywords add up", "科技培训", [T("a", ["科技培训"]), T("b", ["科技", "培训", "技培"])], "b"],
    ["the group's indicator names count", "申请实用新型", [T("a", ["申请"]), T("b", [], "D")], "b"],
    ["a word in both the keywords and the group counts once", "高新技术企业认定", [T("a", ["高新技术企业"], "C"), T("b", ["高新技术", "企业认定"])], "b"],
    ["nothing matched", "天气晴朗", [T("a", ["科技"])], "other"],
    ["no themes", "科技培训", [], "other"],
  ] as const)("%s", (_name, text, themes, key) => expect(themeOf(text, themes).key).toBe(key));
});

describe("comparing points", () => {
  // The name's mask "@" is itself punctuation, so the name ends up dropped.
  it.each([
    ["青阳镇举办科普讲座12场", "青阳镇", "举办科普讲座#场"],
    ["青阳镇举办科普讲座12场", "", "青阳镇举办科普讲座#场"],
    ["青阳镇和青阳镇", "青阳镇", "和"],
    ["青阳镇举办讲座", "清河街道", "青阳镇举办讲座"],
    ["加强，组织 领导！\n", "", "加强组织领导"],
    ["投入+3.5亿元（同比↑12%）", "", "投入#亿元同比#"], // "." is punctuation: 3.5 becomes 35 before the mask
    ["第1期至第20期", "", "第#期至第#期"],
    ["没有数字", "", "没有数字"],
  ])("comparable(%j, %j) = %j", (text, unit, expected) => expect(comparable(text, unit)).toBe(expected));

  it.each([
    ["举办科普讲座12场，发放3.55万份", "12,3.55"],
    ["增长0.5个百分点", "0.5"],
    ["没有数字", ""],
  ])("figuresIn(%j) = %j", (text, expected) => expect(figuresIn(text)).toBe(expected));

  it.each([
    ["identical", "加强组织领导", "加强组织领导", 1],
    ["both empty", "", "", 1],
    ["both only punctuation", "，。", "！", 1],
    ["one empty", "加强", "", 0],
    ["the other empty", "", "加强", 0],
    ["one character, same", "甲", "甲", 1],
    ["one character, different", "甲", "乙", 0],
    ["one character against two", "甲", "甲乙", 0],
    ["same first character, no bigram shared", "加强", "加快", 0],
    ["same last character, no bigram shared", "加强", "快强", 0],
    ["one of 3+3 bigrams shared", "加强领导", "加强管理", 1 / 3],
    ["three of 5+5 bigrams shared: the threshold", "加强科技投入", "加强科技宣传", 0.6],
    ["figures masked", "举办讲座12场", "举办讲座15.5场", 1],
    ["names not masked: three of 6+7", "青阳镇举办讲座", "清河街道举办讲座", 6 / 13],
  ])("similarity: %s", (_name, a, b, expected) => expect(similarity(a, b)).toBe(expected));

  it("similarity masks each town's own name", () => {
    expect(similarity("青阳镇举办讲座", "清河街道举办讲座", "青阳镇", "清河街道")).toBe(1);
    expect(similarity("青阳镇举办讲座", "清河街道举办讲座", "青阳镇")).toBe(0.6); // 举办讲座 vs 清河街道举办讲座: 3 of 3+7
  });

  it("dice of any two sets", () => {
    expect(dice(new Set([1, 2, 3]), new Set([3, 4]))).toBe(0.4);
    expect(dice(new Set([3, 4]), new Set([1, 2, 3]))).toBe(0.4);
    expect(dice(new Set(), new Set())).toBe(1);
    expect(dice(new Set(["a"]), new Set())).toBe(0);
  });
});

// Texts for the merging cases (no theme keyword in them; the bigram counts are in the comments).
const P = "全面推进乡村振兴战略落地"; // 11 bigrams
const NEAR = "加快推进乡村振兴战略落地"; // 9 of P's: 0.818
const EDGE = "全面推进乡村振兴工作会议"; // 7 of P's: 0.636; 5 of NEAR's: 0.455
const B = "全面推进乡村振兴战略实施"; // 9 of P's: 0.818
const C = "大力推进乡村振兴战略实施"; // 7 of P's: 0.636; 9 of B's: 0.818

describe("merging points", () => {
  it("at the threshold similarity merges, below it not", () => {
    expect(points(["加强科技投入", "加强科技宣传"])).toEqual([["加强科技投入", ["青阳镇", "清河街道"]]]); // 0.6
    expect(points(["加强科技投入", "加强科普宣传"])).toEqual([
      ["加强科技投入", ["青阳镇"]],
      ["加强科普宣传", ["清河街道"]],
    ]); // 0.4
  });

  it("only points with the same figures merge", () => {
    expect(points(["举办科普讲座12场", "举办科普讲座15场", "举办科普讲座12场"])).toEqual([
      ["举办科普讲座12场", ["青阳镇", "南山镇"]],
      ["举办科普讲座15场", ["清河街道"]],
    ]);
  });

  it("a point joins the most similar earlier point, not the first similar enough", () => {
    expect(similarity(EDGE, NEAR)).toBeLessThan(0.6);
    expect(points([EDGE, NEAR, P])).toEqual([
      [NEAR, ["清河街道", "南山镇"]],
      [EDGE, ["青阳镇"]],
    ]);
  });

  it("a town that says the same twice is one town of the point", () => {
    const s = achievements([`${P}。${NEAR}。`, "加强科技投入。", "加强科技投入。"]);
    expect(view(s)).toEqual([
      [
        "其他工作",
        [
          ["加强科技投入", ["清河街道", "南山镇"]],
          [P, ["青阳镇"]],
        ],
      ],
    ]);
    expect(s.blocks[0]!.points[1]!.sources.map((x) => [x.unit, x.text])).toEqual([
      ["青阳镇", P],
      ["青阳镇", NEAR],
    ]);
  });
});

describe("the wording shown for a merged point", () => {
  it("of three or more: the one most similar to the others", () => {
    expect(points([P, B, C])).toEqual([[B, ["青阳镇", "清河街道", "南山镇"]]]);
    expect(points([C, P, B])).toEqual([[B, ["青阳镇", "清河街道", "南山镇"]]]);
  });

  it("of three equally similar: the first town's", () => {
    expect(points(["青阳镇举办科技讲座", "清河街道举办科技讲座", "南山镇举办科技讲座"])).toEqual([["青阳镇举办科技讲座", ["青阳镇", "清河街道", "南山镇"]]]);
    expect(points(["加强组织领导", "加强，组织领导", "加强组织、领导"])).toEqual([["加强组织领导", ["青阳镇", "清河街道", "南山镇"]]]);
  });

  it("of two: the first", () => {
    expect(points([C, B])).toEqual([[C, ["青阳镇", "清河街道"]]]);
    expect(points([B, C])).toEqual([[B, ["青阳镇", "清河街道"]]]);
  });

  it("of more than forty: the first forty decide", () => {
    // Among the first 40 (all P) the first wins; the 41 B after them would outweigh them.
    const s = achievements([`${P}。`.repeat(40) + `${B}。`.repeat(41)]);
    expect(view(s)).toEqual([["其他工作", [[P, ["青阳镇"]]]]]);
    expect(s.blocks[0]!.points[0]!.sources).toHaveLength(81);
  });
});

describe("order of points and of theme blocks", () => {
  it("points: by towns that raised them, then first appearance", () => {
    expect(points(["加强组织领导。加大科技投入。培养人才队伍。完善考核机制。", "培养人才队伍。加大科技投入。健全工作制度。", "培养人才队伍。"])).toEqual([
      ["培养人才队伍", ["青阳镇", "清河街道", "南山镇"]],
      ["加大科技投入", ["青阳镇", "清河街道"]],
      ["加强组织领导", ["青阳镇"]],
      ["完善考核机制", ["青阳镇"]],
      ["健全工作制度", ["清河街道"]],
    ]);
  });

  it("points: first appearance among many equally shared", () => {
    // 70 points of one town (figures differ: none merge), three of them raised by a second town too.
    const many = Array.from({ length: 70 }, (_, k) => `举办科普讲座${k + 1}场`);
    const shared = [60, 12, 33].map((n) => many[n - 1]!);
    const got = points([many.join("。"), shared.join("。")]).map(([text]) => text);
    expect(got).toEqual([...["举办科普讲座12场", "举办科普讲座33场", "举办科普讲座60场"], ...many.filter((t) => !shared.includes(t))]);
  });

  it("blocks: 其他工作 last, then by towns, then theme order", () => {
    const text = "做好防汛抗旱工作。推进众创空间建设。指导企业申报高新技术企业。";
    const s = achievements([text, text, "做好防汛抗旱工作。开展科普宣传活动。"], THEMES);
    expect(s.blocks.map((b) => [b.theme.title, b.points.map((p) => p.units.length)])).toEqual([
      ["高企培育", [2]],
      ["平台载体", [2]],
      ["科普", [1]],
      ["其他工作", [3]],
    ]);
  });

  it("blocks: more towns go before an earlier theme; 其他工作 after both, raised by more", () => {
    const s = achievements(["推进众创空间建设。", "开展科普宣传活动。做好防汛抗旱工作。", "开展科普宣传活动。做好防汛抗旱工作。", "做好防汛抗旱工作。"], THEMES);
    expect(view(s)).toEqual([
      ["科普", [["开展科普宣传活动", ["清河街道", "南山镇"]]]],
      ["平台载体", [["推进众创空间建设", ["青阳镇"]]]],
      ["其他工作", [["做好防汛抗旱工作", ["清河街道", "南山镇", "东湖街道"]]]],
    ]);
  });
});

describe("narrativeSections", () => {
  it("every section, missing towns and texts a record lacks give no points", () => {
    const c = consolidateTexts(["加强组织领导。", "加大科技投入。"], 3);
    delete (c.units[1]!.report!.record.narrative as Partial<Record<string, string>>).achievements;
    const sections = narrativeSections(c);
    expect(sections.map((s) => [s.key, s.sources.length])).toEqual([
      ["achievements", 1],
      ["problems", 0],
      ["plans", 0],
    ]);
    expect(sections[0]!.sources).toEqual([{ unitIndex: 0, unit: "青阳镇", text: "加强组织领导", cell: "文字材料汇编!A5" }]);
    expect(view(sections[0]!)).toEqual([["组织保障", [["加强组织领导", ["青阳镇"]]]]]);
  });
});
