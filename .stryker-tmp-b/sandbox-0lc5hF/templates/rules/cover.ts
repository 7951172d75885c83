/** Rules on the cover (封面) and the narrative (文字材料): missing or malformed metadata. */
// @ts-nocheck

import { row } from "./define";

export const COVER_RULES = {
  COVER_REQUIRED: row<{ label: string; at: string }>({
    severity: "error",
    name: "封面未填",
    needsNote: false,
    reads: [],
    help: "封面的每一项（单位名称、区划代码、单位类型、统计年度、报告期、填报人、联系电话、填报日期等）都必须填写，汇总时靠这些信息认出报表是哪个单位、哪一期的。",
    message: (p) => `封面“${p.label}”（${p.at}）不能为空，请填写。`,
  }),
  DIVISION_CODE_FORMAT: row<{ typed: string }>({
    severity: "error",
    name: "区划代码格式",
    needsNote: false,
    reads: [],
    help: "统计用区划代码是12位数字，按国家统计局的区划代码填写；乡镇/街道是9位乡镇代码后加“000”。不要带空格、横线或文字。",
    message: (p) => `统计用区划代码“${p.typed}”应为12位数字（乡镇/街道为9位代码后加000），请核对后重新填写。`,
  }),
  DIVISION_CODE_LEVEL: row<{ level: "town" | "county" | "city"; code: string }>({
    severity: "error",
    name: "区划代码级别",
    needsNote: false,
    reads: [],
    help: "区划代码要与单位类型的级别一致：乡镇/街道为9位代码加“000”，县（市、区）为6位代码加“000000”，市为4位代码加“00000000”。级别不符多半是填了上级或下级单位的代码。",
    message: (p) =>
      p.level === "town"
        ? `乡镇/街道的统计用区划代码应为9位乡镇代码加“000”（如 330102001000），“${p.code}”不符合，请核对。`
        : p.level === "county"
          ? `县（市、区）的统计用区划代码应为6位代码加“000000”（如 330102000000），“${p.code}”不符合，请核对。`
          : `市的统计用区划代码应为4位代码加“00000000”（如 330100000000），“${p.code}”不符合，请核对。`,
  }),
  UNIT_TYPE_INVALID: row<{ typed: string; choices: readonly string[] }>({
    severity: "error",
    name: "单位类型无效",
    needsNote: false,
    reads: [],
    help: "单位类型只能从下拉列表中选择（乡镇、街道、县（市、区）、市），汇总按它决定报表属于哪一级。",
    message: (p) => `单位类型“${p.typed}”无效，请从下拉列表选择：${p.choices.join("、")}。`,
  }),
  PERIOD_INVALID: row<{ year: string; span: string }>({
    severity: "error",
    name: "报告期无效",
    needsNote: false,
    reads: [],
    help: "统计年度填4位数字（如 2025），报告期从下拉列表选择（全年、上半年、某季度或1—N月）。",
    message: (p) => `报告期“${p.year}年${p.span}”无效：年度填4位数字（如 2025），报告期从下拉列表选择。`,
  }),
  PERIOD_MISMATCH: row<{ found: string; expected: string; fix: { field: string; year: number } | { field: string; span: string } }>({
    severity: "error",
    name: "报告期不符",
    needsNote: false,
    reads: [],
    help: "封面的统计年度和报告期要与本次收集的报告期一致。填错了请改封面；报表本来就是另一期的，请上传到那一期的收集批次。",
    message: (p) => {
      const what = "year" in p.fix ? `请把封面的${p.fix.field}改为 ${p.fix.year}` : `请把封面的${p.fix.field}改为“${p.fix.span}”`;
      return `本报表的报告期为“${p.found}”，但本次收集的是“${p.expected}”。${what}，或上传到正确的收集批次。`;
    },
  }),
  PHONE_INVALID: row<{ typed: string }>({
    severity: "error",
    name: "电话格式",
    needsNote: false,
    reads: [],
    help: "联系电话填11位手机号，或带区号的座机号（如 0571-87654321），以便核对数据时联系得上填报人。",
    message: (p) => `联系电话“${p.typed}”格式不对，请填写11位手机号或带区号的座机号（如 0571-87654321）。`,
  }),
  DATE_INVALID: row<{ label: string; typed: string }>({
    severity: "error",
    name: "日期无效",
    needsNote: false,
    reads: [],
    help: "填报日期要是一个真实的日期，如 2025-12-20 或 2025年12月20日。",
    message: (p) => `${p.label}“${p.typed}”不是有效日期，请填写如 2025-12-20。`,
  }),
  NARRATIVE_REQUIRED: row<{ title: string; at: string }>({
    severity: "error",
    name: "文字材料未填",
    needsNote: false,
    reads: [],
    help: "文字材料的三部分（主要工作及成效、存在问题、下步工作打算）都要填写，汇总材料初稿从这里摘录。",
    message: (p) => `文字材料“${p.title}”（${p.at}）还没有填写，请补充。`,
  }),
};
