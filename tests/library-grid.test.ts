/**
 * The library mistakes of tests/library-mistakes.test.ts, on the grid: the built-in
 * library workbook read once, the same cells changed in a copy of its grid per case,
 * and `readLibraryGrid` must list the same problems at the same cells. In-process and
 * fast, so the mutation run uses it for templates/library/*.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { BUILTIN, type Catalogue } from "../templates/catalogue";
import { readLibraryGrid } from "../templates/library/read";
import { writeLibraryXlsx } from "../templates/library/write";
import { readXlsxGrid } from "../templates/xlsx/index";
import { LIBRARY_MISTAKES, p, type Edit } from "./support/library-cases";
import { editedLibrary, loadLibraryGrid } from "./support/library-grid";

beforeAll(loadLibraryGrid, 60_000);
const edited = editedLibrary;

/** Grid-only edges: each threshold of 规则设置 on both sides, every field of an indicator row, the info and group sheets. */
const EDGES: [name: string, edits: Edit[], expected: ReturnType<typeof p>[] | Partial<Catalogue["rules"]>][] = [
  ["growth floor -1", [["规则设置", "C3", -1]], [p("LIB_BAD_SETTING", "规则设置", "C3", "“同比下降下限”应为-1 到 0 之间的数（如 -0.5 即下降50%），现为“-1”。")]],
  ["growth floor 0", [["规则设置", "C3", 0]], [p("LIB_BAD_SETTING", "规则设置", "C3", "“同比下降下限”应为-1 到 0 之间的数（如 -0.5 即下降50%），现为“0”。")]],
  ["growth floor -0.99", [["规则设置", "C3", -0.99]], { growthMin: -0.99 }],
  ["growth floor -0.01", [["规则设置", "C3", -0.01]], { growthMin: -0.01 }],
  ["growth ceiling 0", [["规则设置", "C2", 0]], [p("LIB_BAD_SETTING", "规则设置", "C2", "“同比增长上限”应为大于0的数（如 2 即增长200%），现为“0”。")]],
  ["growth ceiling 0.01", [["规则设置", "C2", 0.01]], { growthMax: 0.01 }],
  ["slip factor 1", [["规则设置", "C4", 1]], [p("LIB_BAD_SETTING", "规则设置", "C4", "“单位错填倍数”应为大于1的数（如 1000），现为“1”。")]],
  ["slip factor 1.5", [["规则设置", "C4", 1.5]], { unitSlipFactor: 1.5 }],
  ["peer factor empty", [["规则设置", "C5", null]], [p("LIB_BAD_SETTING", "规则设置", "C5", "“跨单位错填倍数”应为大于1的数（如 1000），现为“空”。")]],
  ["peer factor 2", [["规则设置", "C5", 2]], { peerSlipFactor: 2 }],
  ["a warning that needs no note", [["规则设置", "C8", "否"]], { explain: ["PRIOR_MISSING", "GROWTH_IMPLAUSIBLE", "VALUE_IMPLAUSIBLE", "RATIO_IMPLAUSIBLE", "UNIT_SLIP_PEERS", "UNIT_SLIP_LAST_YEAR"] }],
  ["a note flag neither 是 nor 否", [["规则设置", "C8", "也许"]], [p("LIB_BAD_SETTING", "规则设置", "C8", "“疑似单位错填须备注说明”填“是”或“否”，现为“也许”。")]],
  ["a note flag emptied", [["规则设置", "C6", null]], [p("LIB_BAD_SETTING", "规则设置", "C6", "“未填上年同期须备注说明”填“是”或“否”，现为“空”。")]],
  ["a setting code edited", [["规则设置", "B5", "peerSlip"]], [p("LIB_BAD_SETTING", "规则设置", "B5", "设置代码“peerSlip”无法识别。请不要修改“代码”列。")]],
  ["a rules header edited", [["规则设置", "C1", "数值"]], [p("LIB_HEADER_CHANGED", "规则设置", "C1", "表头应为“值”，实际为“数值”。请不要改动表头。")]],
  ["the id emptied", [["报表信息", "B1", null]], [p("LIB_INFO_REQUIRED", "报表信息", "B1", "“指标库标识”不能为空。")]],
  ["an id with a space", [["报表信息", "B1", "HZ KJ"]], [p("LIB_BAD_ID", "报表信息", "B1", "指标库标识“HZ KJ”只能用英文字母、数字、点、短横线（如 HZ-KJ-01），最长40个字符。")]],
  ["the title emptied", [["报表信息", "B3", null]], [p("LIB_INFO_REQUIRED", "报表信息", "B3", "“报表名称”不能为空。")]],
  ["the title's row label changed", [["报表信息", "A3", "名称"]], [p("LIB_INFO_REQUIRED", "报表信息", "A1", "缺少“报表名称”一行。请在A列写“报表名称”，B列写它的值。")]],
  ["a groups header edited", [["分组", "B1", "组名"]], [p("LIB_HEADER_CHANGED", "分组", "B1", "表头应为“名称”，实际为“组名”。请不要改动表头。")]],
  ["a new group without a name", [["分组", "A9", "H"]], [p("LIB_NAME_EMPTY", "分组", "B9", "分组“H”没有名称，请填写（如“科学普及”）。")]],
  ["a new group with a bad code", [["分组", "A9", "9H"], ["分组", "B9", "新组"]], [p("LIB_BAD_CODE", "分组", "A9", "分组代码“9H”只能以英文字母开头，由字母、数字组成（如 G）。")]],
  ["a new group without a code", [["分组", "B9", "新组"]], [p("LIB_BAD_CODE", "分组", "A9", "分组代码为空，请填写（如 G）。")]],
  ["an indicator without a code", [["指标", "A51", null]], [p("LIB_BAD_CODE", "指标", "A51", "“科技咨询”没有代码。每个指标要有一个唯一的代码（如 G06），填报和汇总都按代码对应。")]],
  ["an indicator without a kind", [["指标", "E51", null]], [p("LIB_UNKNOWN_KIND", "指标", "E51", "类型“空”无效，请填写“数量”“金额”或“比重”。")]],
  ["an indicator without a unit", [["指标", "D51", null]], [p("LIB_UNIT_EMPTY", "指标", "D51", "“科技咨询”没有计量单位，请填写（如 场次、人次、万元）。")]],
  ["an indicator without a group", [["指标", "F51", null]], [p("LIB_UNKNOWN_GROUP", "指标", "F51", "“科技咨询”没有分组，请填写“分组”工作表中的分组代码。")]],
  ["a 重点指标 flag neither 是 nor 否", [["指标", "N51", "对"]], [p("LIB_BAD_FLAG", "指标", "N51", "重点指标填“是”或“否”（或留空），现为“对”。")]],
  ["a town limit of 0", [["指标", "L51", 0]], [p("LIB_BAD_NUMBER", "指标", "L51", "乡镇上限“0”应为大于0的数字（单位同计量单位），或留空表示不设上限。")]],
  ["a ratio limit on an indicator that is not a ratio", [["指标", "M51", 0.3]], [p("LIB_NOT_A_RATIO", "指标", "M51", "“科技咨询”不是比重，不能填比重上限。")]],
  ["a ratio limit of 0", [["指标", "M4", 0]], [p("LIB_BAD_NUMBER", "指标", "M4", "比重上限“0”应为0%到100%之间的百分比，如 30%。")]],
  ["a ratio limit over 100 %", [["指标", "M4", 1.01]], [p("LIB_BAD_NUMBER", "指标", "M4", "比重上限“1.01”应为0%到100%之间的百分比，如 30%。")]],
  ["both 其中属于 and 不超过", [["指标", "H2", "A02"]], [p("LIB_TWO_TOTALS", "指标", "I2", "“财政科技拨款”同时填了“其中属于”（A02）和“不超过”（A02），只能填一个。")]],
];

describe("a library with a mistake is refused with the problem at its cell (grid)", () => {
  it.each(LIBRARY_MISTAKES)("$name", ({ edits, previous, expected }) => {
    const r = readLibraryGrid(edited(edits), previous ? { previous: BUILTIN } : {});
    if (r.ok) throw new Error("library accepted");
    expect(r.code).toBe("LIBRARY_INVALID");
    expect(r.problems).toEqual(expected);
  });

  it("the built-in library reads back equal to the built-in catalogue, and is not newer than itself", () => {
    const again = readLibraryGrid(edited([]));
    if (!again.ok) throw new Error(again.message);
    const { readableVersions: _r, ...rest } = BUILTIN;
    expect(JSON.parse(JSON.stringify(again.catalogue))).toEqual(JSON.parse(JSON.stringify(rest)));
    const r = readLibraryGrid(edited([]), { previous: BUILTIN });
    expect(r.ok ? [] : r.problems).toEqual([p("LIB_VERSION_NOT_NEWER", "报表信息", "B2", "版本“2026.2”不比上一版“2026.2”新。新一版请把版本号改大，如“2027.1”。")]);
  });

  it("a newer version of the same library with a new indicator appended is accepted", () => {
    const r = readLibraryGrid(
      edited([
        ["报表信息", "B2", "2027.1"],
        ["指标", "A52", "G06"],
        ["指标", "B52", "科普讲座"],
        ["指标", "D52", "场"],
        ["指标", "E52", "数量"],
        ["指标", "F52", "G"],
      ]),
      { previous: BUILTIN },
    );
    if (!r.ok) throw new Error(r.message);
    const cat: Catalogue = r.catalogue;
    expect(cat.version).toBe("2027.1");
    expect(cat.indicators).toHaveLength(51);
    expect(cat.indicators[50]).toMatchObject({ code: "G06", name: "科普讲座", unit: "场", kind: "count", group: "G" });
  });

  it("a library with its own rules, groups and limits goes through the workbook and back unchanged", async () => {
    const own: Catalogue = {
      ...BUILTIN,
      id: "HZ-QT-09",
      version: "2027.3",
      readableVersions: undefined,
      title: "高新区科技统计表",
      formHeader: { formNumber: "高科统1表", issuer: "高新区科技局", approval: "高统〔2027〕1号", validUntil: "2028年12月" },
      groups: BUILTIN.groups.map((g, i) => (i === 1 ? { code: g.code, name: `${g.name}（本区）` } : g)),
      indicators: BUILTIN.indicators.map((ind) => (ind.code === "A01" ? { ...ind, townMax: 5_000 } : ind.code === "A03" ? { ...ind, plausibleMaxRatio: 0.3 } : ind)),
      rules: { growthMin: -0.3, growthMax: 1.5, unitSlipFactor: 500, peerSlipFactor: 50, explain: ["UNIT_SLIP", "UNIT_SLIP_PEERS"] },
    };
    const g = readXlsxGrid(await writeLibraryXlsx(own));
    if (!g.ok) throw new Error(g.code);
    const back = readLibraryGrid(g.grid);
    if (!back.ok) throw new Error(back.message);
    const { readableVersions: _r, ...rest } = own;
    expect(JSON.parse(JSON.stringify(back.catalogue))).toEqual(JSON.parse(JSON.stringify(rest)));
  }, 60_000);
});

describe("the grid's edges", () => {
  it.each(EDGES)("%s", (_name, edits, expected) => {
    const r = readLibraryGrid(edited(edits));
    if (Array.isArray(expected)) {
      expect(r.ok ? "accepted" : r.problems).toEqual(expected);
    } else {
      if (!r.ok) throw new Error(r.message);
      expect(r.catalogue.rules).toEqual({ ...BUILTIN.rules, ...expected });
    }
  });

  it("a ratio limit of exactly 100 % is kept, a ratio without a unit is in %", () => {
    const r = readLibraryGrid(edited([["指标", "M4", 1], ["指标", "D4", null]]));
    if (!r.ok) throw new Error(r.message);
    expect(r.catalogue.indicators[2]).toMatchObject({ code: "A03", unit: "%", plausibleMaxRatio: 1 });
  });

  it("a library with no indicators left", () => {
    const g = edited([]);
    const sheet = g.sheets.find((x) => x.name === "指标")!;
    for (const k of Object.keys(sheet.cells)) if (!/^[A-Z]+1$/.test(k)) delete sheet.cells[k];
    const r = readLibraryGrid(g);
    expect(r.ok ? "accepted" : r.problems.filter((x) => x.code === "LIB_NO_INDICATORS")).toEqual([p("LIB_NO_INDICATORS", "指标", "A2", "指标库中没有指标。请从第2行起每行填写一个指标。")]);
  });

  it("the refusal's message lists five problems, then how many more", () => {
    const flags = ["C6", "C7", "C8", "C9", "C10", "C11"].map((c): Edit => ["规则设置", c, "也许"]);
    const r = readLibraryGrid(edited(flags));
    if (r.ok) throw new Error("accepted");
    const line = (c: string, label: string) => `规则设置!${c} 规则设置!${c}：“${label}”填“是”或“否”，现为“也许”。`;
    expect(r.message).toBe(
      "指标库有 6 处问题，未采用。请逐项修改后重新使用：\n" +
        [
          line("C6", "未填上年同期须备注说明"),
          line("C7", "增幅异常须备注说明"),
          line("C8", "疑似单位错填须备注说明"),
          line("C9", "超出乡镇常见规模须备注说明"),
          line("C10", "比重偏高须备注说明"),
        ].join("\n") +
        "\n……另有 1 处",
    );
    const five = readLibraryGrid(edited(flags.slice(0, 5)));
    expect(five.ok ? "" : five.message.endsWith(line("C10", "比重偏高须备注说明"))).toBe(true);
  });
});

/** The cross-check's rules on kinds and references (templates/library/validate.ts), each alone. */
const CROSS: [name: string, edits: Edit[], previous: boolean, expected: ReturnType<typeof p>[]][] = [
  ["a group code twice", [["分组", "A9", "F"], ["分组", "B9", "重复"]], false, [p("LIB_DUPLICATE_GROUP", "分组", "A9", "分组代码“F”重复，请改用不同的代码。")]],
  ["a total among its own 分项", [["指标", "G17", "C01、C02"]], false, [p("LIB_SELF_REFERENCE", "指标", "G17", "“高新技术企业”的分项不能是它自己（C01）。")]],
  ["其中属于 itself", [["指标", "H30", "D02"], ["指标", "I30", null]], false, [p("LIB_SELF_REFERENCE", "指标", "H30", "“发明”的“其中属于”不能是它自己（D02）。")]],
  ["a ratio as a 分项", [["指标", "G17", "C02、C03、C10"]], false, [p("LIB_RATIO_PART_KIND", "指标", "G17", "“高新技术企业”的分项“高新技术产业产值占比”（C10）是比重，比重不能相加。")]],
  ["a ratio as the total an amount may not exceed", [["指标", "I2", "A03"]], false, [p("LIB_RATIO_PART_KIND", "指标", "I2", "比重不能作为合计，也不能属于合计（“财政科技拨款”不超过“财政科技拨款占财政支出比重”）。")]],
  ["a ratio that may not exceed an amount", [["指标", "I4", "A02"]], false, [p("LIB_RATIO_PART_KIND", "指标", "I4", "比重不能作为合计，也不能属于合计（“财政科技拨款占财政支出比重”不超过“财政一般公共预算支出”）。")]],
  ["a ratio's 分子 that is a ratio", [["指标", "J4", "A09"]], false, [p("LIB_RATIO_PART_KIND", "指标", "J4", "比重“财政科技拨款占财政支出比重”的分子“R&D经费占GDP比重”（A09）本身是比重，请改用数量或金额指标。")]],
  ["a 分子 on a count", [["指标", "J17", "C02"]], false, [p("LIB_NOT_A_RATIO", "指标", "J17", "“高新技术企业”的类型是“数量”，不能填分子、分母。如是比重，请把类型改为“比重”。")]],
  ["a 分母 on a count", [["指标", "K17", "C02"]], false, [p("LIB_NOT_A_RATIO", "指标", "K17", "“高新技术企业”的类型是“数量”，不能填分子、分母。如是比重，请把类型改为“比重”。")]],
  [
    "a code's kind changed against the previous version",
    [["报表信息", "B2", "2027.1"], ["指标", "E17", "金额"]],
    true,
    [p("LIB_MEANING_CHANGED", "指标", "E17", "代码“C01”在上一版（2026.2）中是“高新技术企业”（家），本版类型由“数量”改为“金额”。代码不能改变含义，否则各年数据无法对比：新的指标请用新代码，原代码的行改回原样或删除。")],
  ],
];

describe("the cross-check's rules on kinds and references (grid)", () => {
  it.each(CROSS)("%s", (_name, edits, previous, expected) => {
    const r = readLibraryGrid(edited(edits), previous ? { previous: BUILTIN } : {});
    expect(r.ok ? "accepted" : r.problems).toEqual(expected);
  });

  it("a ratio with 分项 is told it may not have them (and that its 分项 cannot be summed into a %)", () => {
    const r = readLibraryGrid(edited([["指标", "G4", "A01、A02"]]));
    expect(r.ok ? [] : r.problems.map((x) => x.code)).toEqual(["LIB_NOT_A_RATIO", "LIB_UNIT_MISMATCH", "LIB_UNIT_MISMATCH"]);
    expect(r.ok ? "" : r.problems[0]!.message).toBe("指标!G4：“财政科技拨款占财政支出比重”是比重，不能有分项；比重由分子、分母自动计算。");
  });
});
