/**
 * The bureau's wording as data: every sentence pattern of the drafted summary,
 * per indicator kind and per case, so a bureau adjusts its phrasing here (and,
 * later, in the indicator library of issue 13) without touching code.
 *
 * Placeholders: {subject} 全市/全区/全县, {name} the indicator's text name,
 * {value} a figure with its unit ("1050件"), {pct} a percentage with "%",
 * {points} percentage points with "个百分点", {target} the target with its unit,
 * {list} a joined list. Wording follows the seed summaries (shared/seeds/):
 * "全市高新技术产业产值占规模以上工业产值比重达38%，比上年增长1.5个百分点",
 * "全年专利申请达700件，确保专利授权340件".
 */
// @ts-nocheck

import type { IndicatorKind } from "../catalog";

/** The cases a figure sentence distinguishes. */
export type GrowthCase = "growth" | "decline" | "flat" | "new" | "unknown";

export interface KindPatterns {
  /** The figure itself. */
  level: string;
  /** 同比 (sums) or the change in 百分点 (ratios), per case; "" says nothing. */
  cases: Record<GrowthCase, string>;
  /** Against the annual target (sums only); "" for none. */
  completion: string;
}

/** Sentence patterns per indicator kind and case. */
export const SENTENCE_PATTERNS: Record<IndicatorKind, KindPatterns> = {
  count: {
    level: "{subject}{name}{value}",
    cases: { growth: "同比增长{pct}", decline: "同比下降{pct}", flat: "与上年同期持平", new: "上年同期为零，均为新增", unknown: "" },
    completion: "完成全年目标（{target}）的{pct}",
  },
  amount: {
    level: "{subject}{name}{value}",
    cases: { growth: "同比增长{pct}", decline: "同比下降{pct}", flat: "与上年同期持平", new: "上年同期为零，均为新增", unknown: "" },
    completion: "完成全年目标（{target}）的{pct}",
  },
  ratio: {
    level: "{subject}{name}达{pct}",
    cases: { growth: "比上年增长{points}", decline: "比上年下降{points}", flat: "与上年持平", new: "", unknown: "" },
    completion: "",
  },
};

/** 序时进度 (cumulative periods): completion against the share of the year elapsed. */
export const SCHEDULE_PATTERNS = { ahead: "超过序时进度{points}", behind: "落后序时进度{points}", on: "与序时进度持平" } as const;

/** 其中 items after their total: "其中发明专利130件、实用新型专利800件". */
export const OF_WHICH = { lead: "其中", item: "{name}{value}", joiner: "、" } as const;

/** The leading units of an indicator. */
export const LEADERS_PATTERN = { sentence: "{label}居前{count}位的是{list}", item: "{unit}（{value}）", joiner: "、", last: "和" } as const;

/** Targets still to reach, stated in 下步工作打算 for periods before the year's end (seed 003). */
export const TARGET_PATTERNS = { first: "全年{name}达{target}", rest: "确保{list}", joiner: "、", lead: "围绕全年目标任务，" } as const;

/** The lead paragraph: the reporting base. */
export const BASE_PATTERNS = {
  expected: "{subject}应报{expected}个单位，已报{submitted}个",
  allIn: "，均已报送",
  missing: "；{names}未报送，以下数据未含{which}",
  whichOne: "该单位",
  whichMany: "上述单位",
  noRoster: "本次汇总{submitted}个单位的报表",
  unlisted: "；另有名单外单位{names}的报表已计入汇总",
  none: "本期尚无单位报送，以下各项暂无数据",
} as const;

/** The document's fixed texts. */
export const DOC_TEXTS = {
  title: "{unit}{period}科技工作情况汇总（初稿）",
  /** A long title breaks before this. */
  titleBreak: "科技工作情况汇总",
  figuresHeading: "一、主要指标完成情况",
  sections: { achievements: "二、主要工作及成效", problems: "三、存在问题", plans: "四、下步工作打算" },
  tableHeading: "附表",
  tableTitle: "{unit}{period}科技工作主要指标汇总表",
  tableColumns: ["指标名称", "单位", "本期", "上年同期", "增减%", "全年目标", "完成率%"],
  emptySection: "各单位均未填写此部分内容。",
  noFigure: "本期暂无数据",
  sourcePrefix: "来源：",
  otherUnits: "等{count}个单位",
  draftNote: "（本稿由系统根据各单位报表自动生成，数字均注明来源单元格，请核对后修改定稿。）",
} as const;

/**
 * How an indicator is named in a sentence when the catalogue's short name does
 * not read well there (seed wording: "高新技术产业产值占规模以上工业产值比重").
 * 其中 items are named as in "其中发明专利130件".
 */
export const TEXT_NAMES: Record<string, string> = {
  A03: "财政科技拨款占财政支出比重",
  A05: "国家级",
  A06: "省级",
  A09: "全社会R&D经费支出占地区生产总值比重",
  C02: "国家级",
  C03: "省级",
  C04: "市级",
  C10: "高新技术产业产值占规模以上工业产值比重",
  D02: "发明专利",
  D03: "实用新型专利",
  D04: "外观设计专利",
  D06: "发明专利",
  F03: "举办科技培训",
  F04: "参加科技培训",
  G01: "开展科普活动",
  G02: "参与群众",
};

/** Figures that only serve as a ratio's denominator: in the table, not in the text. */
export const CONTEXT_ONLY: readonly string[] = ["A02", "A08", "C09"];

/** Leading units named after a group's figures (label as in "专利申请量居前三位的是…"). */
export const LEADER_INDICATORS: readonly { code: string; label: string }[] = [
  { code: "A04", label: "争取上级科技资金" },
  { code: "C01", label: "高新技术企业数量" },
  { code: "D01", label: "专利申请量" },
  { code: "E02", label: "技术合同成交额" },
];
/** How many leading units a sentence names, and the fewest reporting units for which it is said at all. */
export const LEADER_COUNT = 3;
export const LEADER_MIN_UNITS = 4;

/** Chinese numerals for "居前三位", "（一）". */
export const CN_NUMERALS = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"] as const;

/** Towns named inline after a point; more are summarised ("等28个单位") and all listed in its note. */
export const ATTRIBUTION_MAX_NAMES = 8;

/** The subject word of the consolidating unit, by its name's ending: 全区, 全县, else 全市. */
export function subjectOf(unit: { name: string; type: string }): string {
  if (unit.name.endsWith("区")) return "全区";
  if (unit.name.endsWith("县")) return "全县";
  return "全市";
}

/** Fill a pattern's {placeholders}; unknown placeholders stay visible so a bad pattern shows. */
export function fillPattern(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m);
}
