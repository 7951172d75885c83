/**
 * The library workbook's shape (指标库.xlsx), shared by its writer and reader:
 * sheet names, the indicator columns with their Chinese headers, the wording of
 * kinds and flags, the rule settings and the report-information rows.
 */
// @ts-nocheck

import type { IndicatorKind } from "../catalog";
import type { RuleId } from "../findings";
import type { LibraryRules } from "../catalogue";

export const LIBRARY_SHEETS = {
  indicators: "指标",
  groups: "分组",
  rules: "规则设置",
  info: "报表信息",
} as const;

/** Indicator columns, in order (A, B, …); the header row is row 1. */
export const INDICATOR_COLUMNS = [
  { key: "code", header: "代码", width: 8 },
  { key: "name", header: "指标名称", width: 26 },
  { key: "nameEn", header: "英文名称", width: 30 },
  { key: "unit", header: "计量单位", width: 9 },
  { key: "kind", header: "类型", width: 7 },
  { key: "group", header: "分组", width: 6 },
  { key: "components", header: "分项", width: 16 },
  { key: "ofWhich", header: "其中属于", width: 9 },
  { key: "atMost", header: "不超过", width: 8 },
  { key: "numerator", header: "分子", width: 7 },
  { key: "denominator", header: "分母", width: 7 },
  { key: "townMax", header: "乡镇上限", width: 12 },
  { key: "ratioMax", header: "比重上限", width: 9 },
  { key: "headline", header: "重点指标", width: 9 },
  { key: "notes", header: "说明", width: 40 },
] as const;
export type LibraryColumn = (typeof INDICATOR_COLUMNS)[number]["key"];

/** Column letter of an indicator column. */
export function columnOf(key: LibraryColumn): string {
  return String.fromCharCode(65 + INDICATOR_COLUMNS.findIndex((c) => c.key === key));
}

export const KIND_WORDS: Record<IndicatorKind, string> = { count: "数量", amount: "金额", ratio: "比重" };
export const YES = "是";
export const NO = "否";

/** Groups sheet: 代码 | 名称 | 英文名称. */
export const GROUP_HEADERS = ["代码", "名称", "英文名称"] as const;

/** Report information sheet: label in column A, value in column B. */
export const INFO_ROWS = [
  { key: "id", label: "指标库标识" },
  { key: "version", label: "版本" },
  { key: "title", label: "报表名称" },
  { key: "formNumber", label: "表号" },
  { key: "issuer", label: "制定机关" },
  { key: "approval", label: "批准文号" },
  { key: "validUntil", label: "有效期至" },
] as const;
export type InfoKey = (typeof INFO_ROWS)[number]["key"];

/** Rule settings sheet: 设置 (Chinese) | 代码 (stable key) | 值 | 说明. */
export const RULE_HEADERS = ["设置", "代码", "值", "说明"] as const;
export const RULE_ROWS: readonly { key: keyof Omit<LibraryRules, "explain">; label: string; note: string }[] = [
  { key: "growthMax", label: "同比增长上限", note: "同比增长超过此值（2 即 +200%）提示核实" },
  { key: "growthMin", label: "同比下降下限", note: "同比下降超过此值（-0.5 即 -50%）提示核实" },
  { key: "unitSlipFactor", label: "单位错填倍数", note: "本期是上年同期的此倍数以上（或以下），提示可能把“元”填成“万元”" },
  { key: "peerSlipFactor", label: "跨单位错填倍数", note: "汇总时金额是其他单位中位数的此倍数以上，提示核实" },
];
/** Warnings a bureau may let pass without a 备注: one row each, 值 是/否. */
export const EXPLAIN_ROWS: readonly { rule: RuleId; label: string }[] = [
  { rule: "PRIOR_MISSING", label: "未填上年同期须备注说明" },
  { rule: "GROWTH_IMPLAUSIBLE", label: "增幅异常须备注说明" },
  { rule: "UNIT_SLIP", label: "疑似单位错填须备注说明" },
  { rule: "VALUE_IMPLAUSIBLE", label: "超出乡镇常见规模须备注说明" },
  { rule: "RATIO_IMPLAUSIBLE", label: "比重偏高须备注说明" },
  { rule: "UNIT_SLIP_PEERS", label: "与其他单位相差悬殊须备注说明" },
  { rule: "UNIT_SLIP_LAST_YEAR", label: "与上年报送数相差悬殊须备注说明" },
];
/** 代码 of an explanation row: EXPLAIN:GROWTH_IMPLAUSIBLE. */
export const explainKey = (rule: RuleId) => `EXPLAIN:${rule}`;
