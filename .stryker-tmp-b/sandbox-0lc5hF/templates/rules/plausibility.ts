/**
 * Warnings on figures that are possible but unlikely: a slip of unit, a figure
 * beyond a town's scale, growth outside the usual band, an implausible ratio, a
 * missing 上年同期. The clerk checks them and, when the figure is right, says why
 * in the row's 备注.
 */
// @ts-nocheck

import { fmt, row } from "./define";
import { bandText } from "./settings";

/** `note`: the 备注 cell that explains the warning ("指标!H47"). */
type Slip =
  | { kind: "factor"; item: string; current: number; prior: number; factor: number; unit: string; note: string }
  | { kind: "scale"; item: string; current: number; unit: string; note: string };

export const PLAUSIBILITY_RULES = {
  PRIOR_MISSING: row<{ item: string; note: string }>({
    severity: "warning",
    name: "缺上年同期",
    needsNote: true,
    reads: [],
    help: "本期填了数而上年同期空着，就算不出增长。请补填上年同期；确实没有的（如新设单位、新增指标），在该行备注中说明。",
    message: (p) => `“${p.item}”没有填上年同期数，无法计算增长。请补填；确实没有的（如新设单位），请在备注（${p.note}）中说明。`,
  }),
  UNIT_SLIP: row<Slip>({
    severity: "warning",
    name: "疑似单位填错",
    needsNote: true,
    reads: ["unitSlipFactor", "indicator.townMax"],
    help: (s) =>
      `金额是上年同期的 ${s.unitSlipFactor} 倍以上（或 1/${s.unitSlipFactor} 以下），或一个乡镇/街道的金额远超常见规模，多半是把“元”当成了“万元”填写。请核对单位；数字确实无误的，在该行备注中说明。`,
    message: (p) =>
      p.kind === "factor"
        ? `“${p.item}”${p.factor >= 1 ? `本期 ${fmt(p.current)} 是上年同期 ${fmt(p.prior)} 的 ${fmt(p.factor)} 倍` : `上年同期 ${fmt(p.prior)} 是本期 ${fmt(p.current)} 的 ${fmt(1 / p.factor)} 倍`}，${p.factor >= 1 ? "本期" : "上年同期"}可能把“元”当成了“${p.unit}”填写。请核对单位（本表金额单位为${p.unit}）；确认无误的，请在备注（${p.note}）中说明。`
        : `“${p.item}”本期 ${fmt(p.current)}${p.unit}，远超一个乡镇的常见规模，可能把“元”当成了“${p.unit}”。请核对单位；确认无误的，请在备注（${p.note}）中说明。`,
  }),
  VALUE_IMPLAUSIBLE: row<{ item: string; current: number; unit: string; note: string }>({
    severity: "warning",
    name: "数值偏大",
    needsNote: true,
    reads: ["indicator.townMax"],
    help: "一个乡镇/街道的个数远超常见规模（每个指标有自己的上限），多半是多打了几位或填了全县的数。请核对；确认无误的，在该行备注中说明。",
    message: (p) => `“${p.item}”本期 ${fmt(p.current)}${p.unit}，远超一个乡镇的常见规模，请核对；确认无误的，请在备注（${p.note}）中说明。`,
  }),
  GROWTH_IMPLAUSIBLE: row<{ item: string; current: number; prior: number; growth: number; band: { min: number; max: number }; note: string }>({
    severity: "warning",
    name: "增幅异常",
    needsNote: true,
    reads: ["growthBand", "growthMinSize"],
    help: (s) =>
      `本期与上年同期相比的增幅超出常见范围（${bandText(s.growthBand)}）。数字很小时（个数和万元不到 ${s.growthMinSize.default}）不判断。请核对两栏数字；变化确实如此的，在该行备注中写明原因（如新引进大项目）。`,
    message: (p) =>
      `“${p.item}”本期 ${fmt(p.current)}，上年同期 ${fmt(p.prior)}，同比${p.growth > 0 ? "增长" : "下降"} ${(Math.abs(p.growth) * 100).toFixed(1)}%，超出常见范围（${bandText(p.band)}）。请核对；确认无误的，请在备注（${p.note}）中说明原因。`,
  }),
  RATIO_IMPLAUSIBLE: row<{ ratio: string; value: number; max: number; numerator: string; denominator: string }>({
    severity: "warning",
    name: "比重偏高",
    needsNote: true,
    reads: ["indicator.plausibleMaxRatio"],
    help: "自动算出的比重明显高于常见水平（每个比重有自己的上限，如财政科技拨款占财政支出比重一般不超过30%），多半是分子或分母填错了。请核对；确认无误的，在分子那一行的备注中说明。",
    message: (p) =>
      `“${p.ratio}”为 ${(p.value * 100).toFixed(2)}%，明显偏高（一般不超过 ${(p.max * 100).toFixed(0)}%）。请核对“${p.numerator}”和“${p.denominator}”；确认无误的，请在“${p.numerator}”的备注中说明。`,
  }),
};
