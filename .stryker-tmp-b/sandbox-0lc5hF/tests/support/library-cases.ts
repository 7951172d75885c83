/**
 * The library mistakes, one table for two paths: tests/library-mistakes.test.ts edits the
 * built-in library workbook with exceljs (as Excel would save it) and reads the bytes;
 * tests/library-grid.test.ts changes the same cells in a copy of its grid (fast, in the
 * mutation run). Values are what a cell holds: text, a number, or null for an emptied cell.
 */
// @ts-nocheck

export type Edit = [sheet: string, cell: string, value: string | number | null];

export const p = (code: string, sheet: string, cell: string, message: string) => ({ code, sheet, cell, message: `${sheet}!${cell}：${message}` });

// Rows of the built-in library's 指标 sheet: indicator n (0-based) on row n + 2.
// A01 2, A02 3, A03 4, C01 17, D01 29, D02 30, D03 31, G01 47, G04 50, G05 51.
export const LIBRARY_MISTAKES: { name: string; edits: Edit[]; previous?: boolean; expected: ReturnType<typeof p>[] }[] = [
  {
    name: "duplicate code",
    edits: [["指标", "A51", "G04"]],
    expected: [p("LIB_DUPLICATE_CODE", "指标", "A51", "代码“G04”与A50重复。每个指标的代码必须唯一；新增的指标请用一个新代码。")],
  },
  {
    name: "a component (分项) that does not exist",
    edits: [["指标", "G17", "C02、C03、C99"]],
    expected: [p("LIB_UNKNOWN_PART", "指标", "G17", "“高新技术企业”的分项“C99”不是本指标库中的指标代码。请填写已有指标的代码，或先添加该指标。")],
  },
  {
    name: "a 其中 total that does not exist",
    edits: [["指标", "H30", "D99"]],
    expected: [p("LIB_UNKNOWN_PART", "指标", "H30", "“发明”的“其中属于”“D99”不是本指标库中的指标代码。请填写已有指标的代码，或先添加该指标。")],
  },
  {
    name: "a ratio part (分母) that does not exist",
    edits: [["指标", "K4", "A99"]],
    expected: [p("LIB_UNKNOWN_PART", "指标", "K4", "“财政科技拨款占财政支出比重”的分母“A99”不是本指标库中的指标代码。请填写已有指标的代码，或先添加该指标。")],
  },
  {
    name: "a cycle of 分项",
    edits: [["指标", "G30", "D01"]],
    expected: [p("LIB_CYCLE", "指标", "G29", "分项循环引用：D01 → D02 → D01。一个指标不能（间接地）由它自己组成或受它自己约束，请去掉其中一个引用。")],
  },
  {
    name: "a cycle of bounds (A01 ≤ A02 ≤ A01)",
    edits: [["指标", "I3", "A01"]],
    expected: [p("LIB_CYCLE", "指标", "I2", "其中/不超过循环引用：A01 → A02 → A01。一个指标不能（间接地）由它自己组成或受它自己约束，请去掉其中一个引用。")],
  },
  {
    name: "a ratio without denominator",
    edits: [["指标", "K4", null]],
    expected: [p("LIB_RATIO_INCOMPLETE", "指标", "K4", "比重“财政科技拨款占财政支出比重”没有填分母。比重＝分子÷分母，请在“分母”列填写指标代码。")],
  },
  {
    name: "units that do not match for a sum (and for its 其中)",
    edits: [["指标", "D31", "项"]],
    expected: [
      p("LIB_UNIT_MISMATCH", "指标", "G29", "“专利申请”（件）等于各分项之和，但分项“实用新型”（D03）的计量单位是“项”。单位不同的数不能相加，请统一计量单位。"),
      p("LIB_UNIT_MISMATCH", "指标", "H31", "“实用新型”（项）其中属于“专利申请”（D01，件），计量单位不同，无法比较大小。请统一计量单位。"),
    ],
  },
  {
    name: "a ratio of parts in different units",
    edits: [["指标", "K4", "A10"], ["指标", "J4", "B01"]],
    expected: [p("LIB_UNIT_MISMATCH", "指标", "K4", "比重“财政科技拨款占财政支出比重”的分子“申报省级以上科技计划项目”单位是“项”，分母“企业科技投入”单位是“万元”，相除结果不是比重。请选用单位相同的分子和分母。")],
  },
  {
    name: "a code whose meaning changed against the previous version",
    previous: true,
    edits: [["报表信息", "B2", "2027.1"], ["指标", "B47", "科普宣传活动"], ["指标", "D47", "次"]],
    expected: [
      p("LIB_MEANING_CHANGED", "指标", "B47", "代码“G01”在上一版（2026.2）中是“科普活动”（场次），本版名称由“科普活动”改为“科普宣传活动”。代码不能改变含义，否则各年数据无法对比：新的指标请用新代码，原代码的行改回原样或删除。"),
      p("LIB_MEANING_CHANGED", "指标", "D47", "代码“G01”在上一版（2026.2）中是“科普活动”（场次），本版计量单位由“场次”改为“次”。代码不能改变含义，否则各年数据无法对比：新的指标请用新代码，原代码的行改回原样或删除。"),
    ],
  },
  {
    name: "next year's version that is not newer than the previous one",
    previous: true,
    edits: [["报表信息", "B2", "2026.1"]],
    expected: [p("LIB_VERSION_NOT_NEWER", "报表信息", "B2", "版本“2026.1”不比上一版“2026.2”新。新一版请把版本号改大，如“2027.1”。")],
  },
  {
    name: "another library id than the previous version",
    previous: true,
    edits: [["报表信息", "B1", "HZ-KJ-02"], ["报表信息", "B2", "2027.1"]],
    expected: [p("LIB_ID_CHANGED", "报表信息", "B1", "指标库标识“HZ-KJ-02”与上一版的“HZ-KJ-01”不同。新一年的版本请保留标识“HZ-KJ-01”，只改版本号。")],
  },
  {
    name: "an unknown kind",
    edits: [["指标", "E50", "册数"]],
    expected: [p("LIB_UNKNOWN_KIND", "指标", "E50", "类型“册数”无效，请填写“数量”“金额”或“比重”。")],
  },
  {
    name: "an unknown group",
    edits: [["指标", "F51", "H"]],
    expected: [p("LIB_UNKNOWN_GROUP", "指标", "F51", "分组“H”不在“分组”工作表中。请填写已有的分组代码（A、B、C、D、E、F、G），或先在“分组”中添加该分组。")],
  },
  {
    name: "a group whose indicators are not together",
    edits: [["指标", "F51", "A"]],
    expected: [p("LIB_GROUP_SPLIT", "指标", "F51", "分组“A”的指标不连续：同一分组的指标在表中必须排在一起。请把这一行移到该分组的其他指标旁边。")],
  },
  {
    name: "an empty name",
    edits: [["指标", "B50", null]],
    expected: [p("LIB_NAME_EMPTY", "指标", "B50", "代码“G04”的指标名称为空，请填写。")],
  },
  {
    name: "a bad town limit (乡镇上限)",
    edits: [["指标", "L50", "很多"]],
    expected: [p("LIB_BAD_NUMBER", "指标", "L50", "乡镇上限“很多”应为大于0的数字（单位同计量单位），或留空表示不设上限。")],
  },
  {
    name: "a ratio limit typed as 30 instead of 30%",
    edits: [["指标", "M4", 30]],
    expected: [p("LIB_BAD_NUMBER", "指标", "M4", "比重上限“30”应为0%到100%之间的百分比，如 30%。")],
  },
  {
    name: "a bad rule setting",
    edits: [["规则设置", "C3", 0.5]],
    expected: [p("LIB_BAD_SETTING", "规则设置", "C3", "“同比下降下限”应为-1 到 0 之间的数（如 -0.5 即下降50%），现为“0.5”。")],
  },
  {
    name: "a malformed version",
    edits: [["报表信息", "B2", "2027版"]],
    expected: [p("LIB_BAD_VERSION", "报表信息", "B2", "版本“2027版”应写成“年份.序号”，如 2027.1。")],
  },
  {
    name: "a code that is not a code",
    edits: [["指标", "A51", "科普5"]],
    expected: [p("LIB_BAD_CODE", "指标", "A51", "代码“科普5”只能以英文字母开头，由字母、数字组成，最长16个字符（如 G06）。")],
  },
];
