/**
 * Rules only visible across units (templates/merge/slips.ts): at the merge,
 * and on the server at submission against what it holds for the period.
 */
// @ts-nocheck

import { fmt4, row } from "./define";

/** `factor`: the figure over what it was compared with; `at`: where to look ("指标!E47，本表金额单位为万元"). */
interface Across {
  unitName: string;
  item: string;
  value: number;
  unit: string;
  factor: number;
  at: string;
}

const times = (factor: number) => (factor >= 1 ? `${Math.round(factor)}倍` : `1/${Math.round(1 / factor)}`);
/** The units below an amount unit: a figure far too large in that row was most likely typed in one of them. */
const SMALLER: Readonly<Record<string, string>> = { 万元: "“元”", 亿元: "“元”或“万元”" };
const guess = (unit: string, factor: number) =>
  factor >= 1
    ? SMALLER[unit] !== undefined
      ? `可能把${SMALLER[unit]}当成了“${unit}”`
      : "可能填错了单位"
    : unit === "万元"
      ? "可能把“亿元”当成了“万元”"
      : "可能填错了单位";
const slip = (p: Across, against: string) =>
  `${p.unitName}“${p.item}”本期 ${fmt4(p.value)}${p.unit}，是${against} 的${times(p.factor)}，${guess(p.unit, p.factor)}。请核对（${p.at}）；确认无误的，请在该行备注中说明。`;

export const ACROSS_RULES = {
  UNIT_SLIP_PEERS: row<Across & { peers: number; median: number }>({
    severity: "warning",
    name: "与同级单位相差百倍",
    needsNote: true,
    reads: ["peerSlipFactor", "minPeers"],
    help: (s) =>
      `金额是同级其他单位中位数的 ${s.peerSlipFactor} 倍以上（或 1/${s.peerSlipFactor} 以下；至少 ${s.minPeers} 个单位填了该数才比较），多半是整张表都用错了单位（如把亿元填进万元栏），单看本表看不出来。请核对单位；确认无误的，在该行备注中说明。`,
    message: (p) => slip(p, `其他${p.peers}个同级单位中位数 ${fmt4(p.median)}${p.unit}`),
  }),
  UNIT_SLIP_LAST_YEAR: row<Across & { last: number }>({
    severity: "warning",
    name: "与上年报表相差百倍",
    needsNote: true,
    reads: ["peerSlipFactor"],
    help: (s) =>
      `金额是本单位上年同期所报报表的 ${s.peerSlipFactor} 倍以上（或 1/${s.peerSlipFactor} 以下），多半是今年或去年用错了单位。请核对；确认无误的，在该行备注中说明。`,
    message: (p) => slip(p, `本单位上年同期报表 ${fmt4(p.last)}${p.unit}`),
  }),
};
