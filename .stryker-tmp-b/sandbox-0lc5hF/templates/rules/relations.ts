/** Rules between figures of one report: a total and its parts, in every value column. */
// @ts-nocheck

import { fmt, row, where, type At } from "./define";

export const RELATION_RULES = {
  COMPONENTS_SUM: row<{ total: string; column: string; at: string; value: number; parts: readonly string[]; range: string; sum: number }>({
    severity: "error",
    name: "分项之和不等",
    needsNote: false,
    reads: [],
    help: "合计要等于各分项之和（如专利申请＝发明＋实用新型＋外观设计，高新技术企业＝国家级＋省级＋市级），本期、上年同期、全年目标三栏都要对得上。",
    message: (p) => `“${p.total}”${p.column}（${p.at}）为 ${fmt(p.value)}，应等于${p.parts.join("＋")}之和（${p.range} 合计 ${fmt(p.sum)}）。请核对后修改。`,
  }),
  PART_EXCEEDS_TOTAL: row<At & { value: number; total: string; totalAt: string; totalValue: number }>({
    severity: "error",
    name: "其中项大于合计",
    needsNote: false,
    reads: [],
    help: "“其中”项和被包含的指标不能大于它所属的合计（如发明专利授权不能大于专利授权，财政科技拨款不能大于财政一般公共预算支出）。",
    message: (p) => `${where(p)}为 ${fmt(p.value)}，不能大于“${p.total}”（${p.totalAt}）的 ${fmt(p.totalValue)}。请核对后修改。`,
  }),
  PARTS_EXCEED_TOTAL: row<{ total: string; column: string; at: string; value: number; sum: number; parts: readonly string[] }>({
    severity: "error",
    name: "其中项之和大于合计",
    needsNote: false,
    reads: [],
    help: "几个“其中”项加起来不能大于合计（如国家级＋省级不能大于争取上级科技资金）。",
    message: (p) => `“${p.total}”${p.column}（${p.at}）为 ${fmt(p.value)}，小于其中各项之和 ${fmt(p.sum)}（${p.parts.join("＋")}）。请核对后修改。`,
  }),
};
