/** Chinese names of the check rules, as 校验问题 and printed lists show them (the English id stays beside). */
import type { RuleId } from "./findings";

export const RULE_NAMES: Record<RuleId, string> = {
  COVER_REQUIRED: "封面未填",
  DIVISION_CODE_FORMAT: "区划代码格式",
  DIVISION_CODE_LEVEL: "区划代码级别",
  UNIT_TYPE_INVALID: "单位类型无效",
  PERIOD_INVALID: "报告期无效",
  PERIOD_MISMATCH: "报告期不符",
  PHONE_INVALID: "电话格式",
  DATE_INVALID: "日期无效",
  VALUE_REQUIRED: "本期未填",
  PRIOR_MISSING: "缺上年同期",
  NUMBER_AS_TEXT: "文本格式数字",
  NUMBER_FULL_WIDTH: "全角数字",
  NUMBER_THOUSANDS: "带千分位逗号",
  NUMBER_APPROXIMATE: "约数",
  NUMBER_WITH_UNIT: "数字带单位",
  NUMBER_WAN: "带万/亿字",
  NUMBER_PLACEHOLDER: "占位符",
  NUMBER_TEXT: "非数字",
  NEGATIVE: "负数",
  FRACTIONAL_COUNT: "个数带小数",
  AMOUNT_PRECISION: "小数位过多",
  FORMULA_ERROR: "公式错误",
  RATIO_OVERWRITTEN: "比重公式被改",
  COMPONENTS_SUM: "分项之和不等",
  PART_EXCEEDS_TOTAL: "其中项大于合计",
  PARTS_EXCEED_TOTAL: "其中项之和大于合计",
  RATIO_IMPLAUSIBLE: "比重偏高",
  GROWTH_IMPLAUSIBLE: "增幅异常",
  UNIT_SLIP: "疑似单位填错",
  VALUE_IMPLAUSIBLE: "数值偏大",
  UNIT_SLIP_PEERS: "与同级单位相差百倍",
  UNIT_SLIP_LAST_YEAR: "与上年报表相差百倍",
  TARGET_DIFFERS: "与下达目标不一致",
  PRIOR_DIFFERS_FROM_LAST_YEAR: "与上年报送数不一致",
  NARRATIVE_REQUIRED: "文字材料未填",
};

/** "增幅异常（GROWTH_IMPLAUSIBLE）". */
export function ruleLabel(rule: RuleId): string {
  return `${RULE_NAMES[rule]}（${rule}）`;
}
