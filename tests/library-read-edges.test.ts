/**
 * readLibraryGrid / readLibraryXlsx (templates/library/read.ts) on what an administrator
 * types that the other library tests leave out: limits and settings typed as text ("30%",
 * "1,000", " 5000 ") and text that only looks like a number ("约30%", "1e5", ".5"), cells
 * with spaces around them, sheets missing, headers emptied, rows of 分组 that are blank or
 * only half filled, 否 for 重点指标, 说明, a rule row without its code, and the bytes path.
 * Each case: the cells changed in a copy of the built-in library's grid → the exact problems,
 * or the exact values read. In-process, for the library mutation shard.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { BUILTIN, type Catalogue, type Indicator } from "../templates/catalogue";
import { readLibraryGrid, readLibraryXlsx } from "../templates/library/read";
import { p, type Edit } from "./support/library-cases";
import { editedLibrary, loadLibraryGrid } from "./support/library-grid";

let bytes: Uint8Array;
beforeAll(async () => {
  bytes = await loadLibraryGrid();
}, 60_000);

const read = (edits: Edit[]) => readLibraryGrid(editedLibrary(edits));
const problems = (edits: Edit[]) => {
  const r = read(edits);
  return r.ok ? "accepted" : r.problems;
};
const catalogue = (edits: Edit[]): Catalogue => {
  const r = read(edits);
  if (!r.ok) throw new Error(r.message);
  return r.catalogue;
};
const byCode = (cat: Catalogue, code: string): Indicator => cat.indicators.find((i) => i.code === code)!;

// Row 51 is G05 科技咨询 (a count in 人次, 乡镇上限 1000000); row 4 is A03, a ratio (比重上限 30%).
const townMax = (t: string) => p("LIB_BAD_NUMBER", "指标", "L51", `乡镇上限“${t}”应为大于0的数字（单位同计量单位），或留空表示不设上限。`);
const ratioMax = (t: string) => p("LIB_BAD_NUMBER", "指标", "M4", `比重上限“${t}”应为0%到100%之间的百分比，如 30%。`);

describe("a limit typed as text is read as the number it says", () => {
  it.each<[string, string | number | null, number | undefined]>([
    ["plain digits", "5000", 5000],
    ["spaces around", " 5000 ", 5000],
    ["thousands with commas", "1,000,000", 1_000_000],
    ["thousands with a full-width comma", "1，000", 1000],
    ["decimals", "2.55", 2.55],
    ["a percent (taken as its fraction)", "30%", 0.3],
    ["a number too large to write in digits", 1e21, 1e21],
    ["only spaces: no limit", "   ", undefined],
    ["emptied: no limit", null, undefined],
  ])("乡镇上限 %s", (_name, value, expected) => {
    expect(byCode(catalogue([["指标", "L51", value]]), "G05").townMax).toBe(expected);
  });

  it.each<[string, string | number | null, number]>([
    ["a percent", "30%", 0.3],
    ["a percent with a space", "30 %", 0.3],
    ["a full-width percent sign", "30％", 0.3],
    ["a percent with two decimals", "12.55%", 0.1255],
    ["a fraction as text", "0.25", 0.25],
    ["a tiny fraction as a number", 1e-7, 1e-7],
    ["100 % exactly", "100%", 1],
    ["emptied: a ratio may reach 100 %", null, 1],
  ])("比重上限 %s", (_name, value, expected) => {
    expect(byCode(catalogue([["指标", "M4", value]]), "A03").plausibleMaxRatio).toBe(expected);
  });

  it.each<[string, Edit, Partial<Catalogue["rules"]>]>([
    ["a fall as negative text", ["规则设置", "C3", "-0.25"], { growthMin: -0.25 }],
    ["a fall as a negative percent", ["规则设置", "C3", "-30%"], { growthMin: -0.3 }],
    ["a rise as a percent", ["规则设置", "C2", "150%"], { growthMax: 1.5 }],
    ["a factor with a comma", ["规则设置", "C4", "1,000"], { unitSlipFactor: 1000 }],
    ["a factor with spaces", ["规则设置", "C5", " 50 "], { peerSlipFactor: 50 }],
  ])("规则设置: %s", (_name, edit, expected) => {
    expect(catalogue([edit]).rules).toEqual({ ...BUILTIN.rules, ...expected });
  });
});

describe("text that only looks like a number is refused", () => {
  it.each<[string, string]>([
    ["words before a percent", "约30%"],
    ["words after a percent", "30%左右"],
    ["a plus sign", "+5"],
    ["a trailing point", "5."],
    ["a leading point", ".5"],
    ["an exponent", "1e5"],
    ["a hexadecimal number", "0x10"],
    ["words", "很多"],
    ["digits too many to be a number", "9".repeat(400)],
  ])("乡镇上限: %s", (_name, value) => {
    expect(problems([["指标", "L51", value]])).toEqual([townMax(value)]);
  });

  it.each<[string, string]>([
    ["a percent with words before it", "约30%"],
    ["a percent over 100", "130%"],
    ["a negative percent", "-5%"],
  ])("比重上限: %s", (_name, value) => {
    expect(problems([["指标", "M4", value]])).toEqual([ratioMax(value)]);
  });

  it("a setting typed as words", () => {
    expect(problems([["规则设置", "C4", "一千"]])).toEqual([p("LIB_BAD_SETTING", "规则设置", "C4", "“单位错填倍数”应为大于1的数（如 1000），现为“一千”。")]);
  });
});

describe("cells with spaces around their text", () => {
  it("code, name, unit, kind, group and 重点指标 are read trimmed; so is the library's id", () => {
    const cat = catalogue([
      ["指标", "A51", " G05 "],
      ["指标", "B51", " 科技咨询 "],
      ["指标", "D51", " 人次 "],
      ["指标", "E51", " 数量 "],
      ["指标", "F51", " G "],
      ["指标", "N51", " 是 "],
      ["报表信息", "B1", " HZ-KJ-01 "],
    ]);
    expect(cat.id).toBe("HZ-KJ-01");
    expect(byCode(cat, "G05")).toEqual({ ...BUILTIN.indicators[49]!, headline: true });
  });
});

describe("the sheets and their headers", () => {
  const without = (...names: string[]) => {
    const g = editedLibrary([]);
    g.sheets = g.sheets.filter((s) => !names.includes(s.name));
    return readLibraryGrid(g);
  };
  const missing = (name: string) => p("LIB_SHEET_MISSING", name, "A1", `找不到工作表“${name}”。请用“huizong library”写出的指标库修改，不要删除或改名工作表。`);

  it.each<[string, string[]]>([
    ["规则设置 deleted", ["规则设置"]],
    ["指标 deleted", ["指标"]],
    ["报表信息 and 分组 deleted (said in the library's order)", ["报表信息", "分组"]],
  ])("%s: the missing sheets, and nothing else", (_name, names) => {
    const r = without(...names);
    const order = ["指标", "分组", "规则设置", "报表信息"].filter((n) => names.includes(n));
    expect(r.ok ? "accepted" : r.problems).toEqual(order.map(missing));
  });

  it.each<[string, Edit, ReturnType<typeof p>]>([
    ["an indicator header renamed", ["指标", "A1", "编码"], p("LIB_HEADER_CHANGED", "指标", "A1", "表头应为“代码”，实际为“编码”。请不要增删、移动或改名列。")],
    ["an indicator header emptied", ["指标", "O1", null], p("LIB_HEADER_CHANGED", "指标", "O1", "表头应为“说明”，实际为“空”。请不要增删、移动或改名列。")],
    ["a groups header emptied", ["分组", "C1", null], p("LIB_HEADER_CHANGED", "分组", "C1", "表头应为“英文名称”，实际为“空”。请不要改动表头。")],
    ["a rules header emptied", ["规则设置", "D1", null], p("LIB_HEADER_CHANGED", "规则设置", "D1", "表头应为“说明”，实际为“空”。请不要改动表头。")],
  ])("%s", (_name, edit, expected) => {
    expect(problems([edit])).toEqual([expected]);
  });
});

describe("报表信息 rows", () => {
  it.each<[string, Edit, ReturnType<typeof p>[]]>([
    ["the id's label changed: one problem, at A1", ["报表信息", "A1", "标识"], [p("LIB_INFO_REQUIRED", "报表信息", "A1", "缺少“指标库标识”一行。请在A列写“指标库标识”，B列写它的值。")]],
    ["the version's label changed: one problem, at A1", ["报表信息", "A2", "版次"], [p("LIB_INFO_REQUIRED", "报表信息", "A1", "缺少“版本”一行。请在A列写“版本”，B列写它的值。")]],
    ["the version emptied", ["报表信息", "B2", null], [p("LIB_INFO_REQUIRED", "报表信息", "B2", "“版本”不能为空。")]],
  ])("%s", (_name, edit, expected) => {
    expect(problems([edit])).toEqual(expected);
  });

  it("the rows may be in another order, found by their labels", () => {
    const cat = catalogue([
      ["报表信息", "A1", "版本"],
      ["报表信息", "B1", "2026.2"],
      ["报表信息", "A2", "指标库标识"],
      ["报表信息", "B2", "HZ-KJ-01"],
      ["报表信息", "A9", "表号"],
      ["报表信息", "B9", "新表号"],
      ["报表信息", "A4", "旧表号"],
    ]);
    expect([cat.id, cat.version, cat.formHeader.formNumber]).toEqual(["HZ-KJ-01", "2026.2", "新表号"]);
  });
});

describe("rows of 分组", () => {
  it("blank rows below the groups are skipped", () => {
    expect(catalogue([["分组", "C12", ""]]).groups).toEqual(BUILTIN.groups);
  });

  it("a row with only an English name is a group without code or name", () => {
    expect(problems([["分组", "C9", "Extra"]])).toEqual([
      p("LIB_BAD_CODE", "分组", "A9", "分组代码为空，请填写（如 G）。"),
      p("LIB_NAME_EMPTY", "分组", "B9", "分组“”没有名称，请填写（如“科学普及”）。"),
    ]);
  });

  it("a new group, added with its English name, then used", () => {
    const cat = catalogue([["分组", "A9", "H"], ["分组", "B9", "科技金融"], ["分组", "C9", "S&T finance"], ["指标", "F51", "H"]]);
    expect(cat.groups.at(-1)).toEqual({ code: "H", name: "科技金融", nameEn: "S&T finance" });
    expect(byCode(cat, "G05").group).toBe("H");
  });
});

describe("fields of an indicator row", () => {
  it("a row with neither code nor name is named by its row", () => {
    expect(problems([["指标", "A51", null], ["指标", "B51", null]])).toEqual([
      p("LIB_BAD_CODE", "指标", "A51", "“第51行”没有代码。每个指标要有一个唯一的代码（如 G06），填报和汇总都按代码对应。"),
      p("LIB_NAME_EMPTY", "指标", "B51", "代码“”的指标名称为空，请填写。"),
    ]);
  });

  it("重点指标 否 is no headline (and no problem)", () => {
    const cat = catalogue([["指标", "N51", "否"], ["指标", "N2", "否"]]);
    expect([byCode(cat, "G05").headline, byCode(cat, "A01").headline]).toEqual([undefined, undefined]);
  });

  it("说明 is kept; a 说明 of spaces is none", () => {
    const cat = catalogue([["指标", "O51", "按人次计，含线上咨询。"], ["指标", "O50", "  "]]);
    expect([byCode(cat, "G05").notes, "notes" in byCode(cat, "G04")]).toEqual(["按人次计，含线上咨询。", false]);
  });

  it("分项 separated any way a clerk types them", () => {
    const cat = catalogue([["指标", "G29", " D02,D03 ＋ D04；"]]);
    expect(byCode(cat, "D01").components).toEqual(["D02", "D03", "D04"]);
  });

  it("an unknown kind is checked further as a count", () => {
    expect(problems([["指标", "E17", "件数"], ["指标", "J17", "C02"]])).toEqual([
      p("LIB_UNKNOWN_KIND", "指标", "E17", "类型“件数”无效，请填写“数量”“金额”或“比重”。"),
      p("LIB_NOT_A_RATIO", "指标", "J17", "“高新技术企业”的类型是“数量”，不能填分子、分母。如是比重，请把类型改为“比重”。"),
    ]);
  });

  it("kinds may be written in English", () => {
    const cat = catalogue([["指标", "E51", "count"], ["指标", "E2", "amount"], ["指标", "E4", "ratio"]]);
    expect(["G05", "A01", "A03"].map((c) => byCode(cat, c).kind)).toEqual(["count", "amount", "ratio"]);
  });
});

describe("规则设置 rows", () => {
  it("a row whose code was emptied is skipped: its setting stays the default", () => {
    expect(catalogue([["规则设置", "B2", null], ["规则设置", "C2", 5]]).rules).toEqual(BUILTIN.rules);
  });
});

describe("the bytes path", () => {
  it("a workbook's bytes read as its catalogue; the previous version is passed on", () => {
    const r = readLibraryXlsx(bytes);
    if (!r.ok) throw new Error(r.message);
    const { readableVersions: _r, ...rest } = BUILTIN;
    expect(JSON.parse(JSON.stringify(r.catalogue))).toEqual(JSON.parse(JSON.stringify(rest)));
    const again = readLibraryXlsx(bytes, { previous: BUILTIN });
    expect(again.ok ? "accepted" : again.problems).toEqual([p("LIB_VERSION_NOT_NEWER", "报表信息", "B2", "版本“2026.2”不比上一版“2026.2”新。新一版请把版本号改大，如“2027.1”。")]);
  });

  it("a sheet of the administrator's own is not read: one the reader could not open does not refuse the library", () => {
    const files = unzipSync(bytes);
    const wb = strFromU8(files["xl/workbook.xml"]!);
    // Listed in the workbook, but with no relationship to a part: read, it would be a damaged file.
    files["xl/workbook.xml"] = strToU8(wb.replace("</sheets>", '<sheet sheetId="5" name="草稿" state="visible" r:id="rId99"/></sheets>'));
    const r = readLibraryXlsx(zipSync(files));
    expect(r.ok ? r.catalogue.indicators.length : r.problems).toBe(BUILTIN.indicators.length);
  });

  const SAVE_AS = "请用 Excel 打开，点“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”；或用 WPS 表格打开，点“文件 → 另存为”，文件类型选“Microsoft Excel 文件（*.xlsx）”。然后上传另存的 .xlsx 文件。";
  it.each<[string, string, string]>([
    ["bytes that are no table at all", "not a workbook", `这不是 Excel 工作簿（.xlsx）文件。请使用标准模板填报；如是其他表格文件，${SAVE_AS}`],
    ["the library saved as CSV", "代码,指标名称\nA01,财政科技拨款\n", `这是 CSV 文本文件，不是 Excel 工作簿。请使用标准模板填报；如数据已在其中，${SAVE_AS}`],
  ])("%s", (_name, text, why) => {
    expect(readLibraryXlsx(new TextEncoder().encode(text))).toEqual({
      ok: false,
      code: "LIBRARY_INVALID",
      message: `指标库有 1 处问题，未采用。请逐项修改后重新使用：\n文件!- 文件!-：无法作为 Excel 工作簿读取：${why}`,
      problems: [p("LIB_NOT_XLSX", "文件", "-", `无法作为 Excel 工作簿读取：${why}`)],
    });
  });
});
