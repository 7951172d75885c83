/**
 * Rules on the form of one figure (指标): a cell that is empty, text, negative,
 * fractional where a count is meant, too finely divided, or a broken formula.
 * Each message says the number to type instead.
 */
// @ts-nocheck

import { fmt, row, where, type At } from "./define";

/** A cell that holds text instead of a number: what was typed and the number meant ("" when none). */
interface Typed extends At {
  /** The cell as typed ("约200"). */
  typed: string;
  /** The number the clerk meant, in the row's unit, formatted ("" when unknown). */
  suggestion: string;
  /** The row's unit (万元, 项, …). */
  unit: string;
}

const quoted = (p: Typed) => `“${p.typed}”`;

/** Same message for "15" stored as text and for " 15 ". */
const asText = (p: Typed) => `${where(p)}是文本格式的${quoted(p)}，不能参与汇总。请删除后重新输入数字 ${p.suggestion}（不要带空格或前导撇号）。`;

export const VALUE_RULES = {
  VALUE_REQUIRED: row<At>({
    severity: "error",
    name: "本期未填",
    needsNote: false,
    reads: [],
    help: "每个指标的本期数都要填写；本期没有发生的填 0，不要留空，否则汇总分不清“没有”和“漏填”。",
    message: (p) => `${where(p)}没有填写。本期没有发生请填 0。`,
  }),
  NUMBER_AS_TEXT: row<Typed>({
    severity: "error",
    name: "文本格式数字",
    needsNote: false,
    reads: [],
    help: "单元格里的数字是文本格式（前导撇号、前后空格、从别处粘贴的文本），Excel 不会把它加进合计。删除后直接输入数字即可。",
    message: asText,
  }),
  NUMBER_FULL_WIDTH: row<Typed>({
    severity: "error",
    name: "全角数字",
    needsNote: false,
    reads: [],
    help: "用中文输入法打出的全角数字（如“１２３”）是文字，不是数字。请切换到半角（英文）输入法重新输入。",
    message: (p) => `${where(p)}填的是全角数字${quoted(p)}，请切换到半角（英文）输入法，填写数字 ${p.suggestion}。`,
  }),
  NUMBER_THOUSANDS: row<Typed>({
    severity: "error",
    name: "带千分位逗号",
    needsNote: false,
    reads: [],
    help: "手工输入的千分位逗号（如“1,234”）会让数字变成文本。请只输入数字，需要千分位时用单元格格式显示。",
    message: (p) => `${where(p)}填的是带逗号的文本${quoted(p)}，请去掉逗号，填写数字 ${p.suggestion}。`,
  }),
  NUMBER_APPROXIMATE: row<Typed>({
    severity: "error",
    name: "约数",
    needsNote: false,
    reads: [],
    help: "“约200”“200左右”“200余”不能参与汇总。请填写确切的数字；确实是估算的，在备注中注明“估算”。",
    message: (p) => `${where(p)}填的是${quoted(p)}，这里只能填确切的数字，如 ${p.suggestion}；如为估算数，请在备注中注明“估算”。`,
  }),
  NUMBER_WITH_UNIT: row<Typed>({
    severity: "error",
    name: "数字带单位",
    needsNote: false,
    reads: [],
    help: "计量单位已印在表中（万元、件、项……），单元格里只填数字。带了单位的，按表中的单位换算后填写。",
    message: (p) => `${where(p)}填的是${quoted(p)}，计量单位已固定为“${p.unit}”，请只填数字 ${p.suggestion}。`,
  }),
  NUMBER_WAN: row<Typed>({
    severity: "error",
    name: "带万/亿字",
    needsNote: false,
    reads: [],
    help: "“1.2万”“3亿”这样带万、亿字的数要换算成表中的单位后填写数字。",
    message: (p) => `${where(p)}填的是${quoted(p)}，请换算成“${p.unit}”后填写数字 ${p.suggestion}。`,
  }),
  NUMBER_PLACEHOLDER: row<Typed & { col: "current" | "prior" | "target" }>({
    severity: "error",
    name: "占位符",
    needsNote: false,
    reads: [],
    help: "“—”“无”“/”等占位符不是数字。本期没有发生的填 0；上年同期没有数据的留空并在备注中说明；没有目标的全年目标不填。",
    message: (p) =>
      p.col === "current"
        ? `${where(p)}填的是${quoted(p)}，本期没有发生请填 0。`
        : `${where(p)}填的是${quoted(p)}，没有数据请留空（不要填“无”或“—”），${p.col === "prior" ? "并在备注中说明" : "没有目标的不填"}。`,
  }),
  NUMBER_TEXT: row<Typed>({
    severity: "error",
    name: "非数字",
    needsNote: false,
    reads: [],
    help: "指标栏只能填数字。文字说明请写在该行的备注里。",
    message: (p) => `${where(p)}填的是${quoted(p)}，这里只能填数字（单位：${p.unit}）。`,
  }),
  NEGATIVE: row<At & { value: number }>({
    severity: "error",
    name: "负数",
    needsNote: false,
    reads: [],
    help: "本表的指标都不会小于0。减少的情况体现在本期与上年同期的对比中，不要填负数。",
    message: (p) => `${where(p)}为负数 ${fmt(p.value)}，请填写不小于0的数。`,
  }),
  FRACTIONAL_COUNT: row<At & { value: number; unit: string }>({
    severity: "error",
    name: "个数带小数",
    needsNote: false,
    reads: [],
    help: "家、项、件、人、场次等个数只能是整数。",
    message: (p) => `${where(p)}应为整数（单位：${p.unit}），现为 ${p.value}，请填写如 ${Math.round(p.value)}。`,
  }),
  AMOUNT_PRECISION: row<At & { value: number; unit: string; decimals: number }>({
    severity: "error",
    name: "小数位过多",
    needsNote: false,
    reads: ["amountDecimals"],
    help: "数字最多保留4位小数（万元的4位小数即1元）。更细的小数汇总时无法精确相加，请按提示四舍五入后填写。",
    message: (p) => {
      const step = (1 / 10 ** p.decimals).toFixed(p.decimals);
      const finest = p.unit === "万元" ? `万元的${p.decimals}位小数即${fmt(10_000 / 10 ** p.decimals)}元` : `最小到${step}${p.unit}`;
      return `${where(p)}为 ${p.value}，小数超过${p.decimals}位（${finest}），汇总时无法精确相加。请填写 ${String(Number(p.value.toFixed(p.decimals)))}。`;
    },
  }),
  FORMULA_ERROR: row<At & { error: string }>({
    severity: "error",
    name: "公式错误",
    needsNote: false,
    reads: [],
    help: "单元格的公式算出了错误值（#DIV/0!、#REF! 等）。指标栏请直接填写数字，不要引用其他表格。",
    message: (p) => `${where(p)}的公式结果是错误值 ${p.error}，请直接填写数字。`,
  }),
  RATIO_OVERWRITTEN: row<At>({
    severity: "error",
    name: "比重公式被改",
    needsNote: false,
    reads: [],
    help: "比重由模板按分子、分母自动计算，不能手工填写或删除公式。请撤销修改，或重新下载标准模板后把数字抄过去。",
    message: (p) => `${where(p)}是自动计算的比重，公式被改写或删除了。请重新下载标准模板，或撤销对该单元格的修改。`,
  }),
};
