/**
 * The roster workbook and roster files, in-process: the blank and filled 名单 workbook as
 * `huizong roster` and the service write it (read back with exceljs and with the product's
 * own reader), the sheet a roster is read from, CSV splitting at its edges, and a file
 * that is no workbook. The server's upload and download are in functions-roster-workbook.test.ts.
 */
// @ts-nocheck

import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Grid, GridSheet } from "../templates/grid";
import { buildRosterWorkbook } from "../templates/merge/roster-workbook";
import { parseRosterFile, parseRosterGrid, parseRosterRows, splitCsv, type RosterUnit } from "../templates/merge/roster";

const UNITS: RosterUnit[] = [
  { name: "示例区", code: "330102000000", parent: "330100000000", type: "县（市、区）", contact: "王五", phone: "0571-88880000" },
  { name: "青阳镇", code: "330102001000", parent: "" },
];

async function load(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["报送单位名单"]);
  return wb.worksheets[0]!;
}

describe("the roster workbook", () => {
  it("blank: the six headers, the note in G1, codes and phones as text and 单位类型 from a list down to row 201", async () => {
    const ws = await load(await buildRosterWorkbook());
    expect(ws.getRow(1).values).toEqual([
      ,
      "名称",
      "区划代码",
      "上级代码",
      "单位类型",
      "联系人",
      "联系电话",
      "说明：每行一个应报送的单位，市、区县、乡镇/街道都要列出。区划代码为12位统计用区划代码（乡镇/街道为9位+000）。上级代码、单位类型可不填：按区划代码自动判断（市为4位+8个0，区县为6位+6个0，名称以“街道”结尾的为街道）。联系人、联系电话用于催报。",
    ]);
    expect(ws.getCell("A1").font).toMatchObject({ bold: true });
    expect(ws.getCell("G1").font).toMatchObject({ size: 9 });
    expect(ws.getCell("G1").alignment).toMatchObject({ wrapText: true, vertical: "top" });
    expect(ws.columns.map((c) => c.width)).toEqual([24, 18, 18, 14, 12, 16, 60]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getCell("A2").value).toBeNull();
    for (const r of [2, 201]) {
      expect(["A", "B", "C", "D", "E", "F"].map((c) => ws.getCell(`${c}${r}`).numFmt ?? null)).toEqual([null, "@", "@", null, null, "@"]);
      expect(ws.getCell(`D${r}`).dataValidation).toEqual({
        type: "list",
        allowBlank: true,
        formulae: ['"市,县（市、区）,乡镇,街道"'],
        showErrorMessage: true,
        errorTitle: "单位类型",
        error: "请从列表中选择：市、县（市、区）、乡镇、街道。",
      });
    }
    expect(ws.getCell("B202").numFmt ?? null).toBeNull();
    expect(ws.getCell("D202").dataValidation).toBeUndefined();
  });

  it("filled: one row per unit, blanks left empty, and it reads back as the same roster", async () => {
    const bytes = await buildRosterWorkbook(UNITS);
    const ws = await load(bytes);
    expect(ws.getRow(2).values).toEqual([, "示例区", "330102000000", "330100000000", "县（市、区）", "王五", "0571-88880000"]);
    expect(ws.getRow(3).values).toEqual([, "青阳镇", "330102001000"]);
    expect(parseRosterFile(bytes, "xlsx")).toEqual({ ok: true, units: UNITS });
  });

  it("a roster longer than 200 units: the text formats and the list reach its last row", async () => {
    const many = Array.from({ length: 230 }, (_, i) => ({ name: `单位${i}`, code: `330102${String(i + 1).padStart(3, "0")}000`, parent: "" }));
    const ws = await load(await buildRosterWorkbook(many));
    expect(ws.getCell("B231").value).toBe("330102230000");
    expect(ws.getCell("B231").numFmt).toBe("@");
    expect(ws.getCell("D231").dataValidation?.type).toBe("list");
    expect(ws.getCell("B232").numFmt ?? null).toBeNull();
  });
});

const sheet = (name: string, state: GridSheet["state"], cells: Record<string, string | number>): GridSheet => ({
  name,
  state,
  rowCount: 9,
  cells: Object.fromEntries(Object.entries(cells).map(([a, v]) => [a, { value: v }])) as GridSheet["cells"],
});

describe("the sheet a roster is read from", () => {
  it.each([
    ["报送单位名单 wherever it is", [sheet("说明", "visible", { A1: "甲镇", B1: "330102005000" }), sheet("报送单位名单", "hidden", { A1: "乙镇", B1: "330102006000" })], "乙镇"],
    ["else the first visible sheet", [sheet("旧名单", "hidden", { A1: "甲镇", B1: "330102005000" }), sheet("Sheet2", "veryHidden", { A1: "丙镇", B1: "330102007000" }), sheet("名单", "visible", { A1: "乙镇", B1: "330102006000" })], "乙镇"],
  ] as const)("%s", (_n, sheets, name) => {
    const r = parseRosterGrid({ sheets: [...sheets] });
    expect(r.ok && r.units.map((u) => u.name)).toEqual([name]);
  });

  it("rows by their number (a gap row skipped), columns past Z ignored, an address that is no cell ignored", () => {
    const grid: Grid = { sheets: [sheet("报送单位名单", "visible", { A2: "甲镇", B2: "330102005000", A5: "乙镇", B5: "330102006000", C5: "330102000000", AA5: "x", "?": "y" })] };
    expect(parseRosterGrid(grid)).toEqual({
      ok: true,
      units: [
        { name: "甲镇", code: "330102005000", parent: "" },
        { name: "乙镇", code: "330102006000", parent: "330102000000" },
      ],
    });
  });

  it("a column past Z is not read: a header there is no header", () => {
    const grid: Grid = { sheets: [sheet("报送单位名单", "visible", { A1: "甲镇", B1: "330102005000", Z1: "x", AA1: "名称", AB1: "区划代码" })] };
    expect(parseRosterGrid(grid)).toEqual({ ok: true, units: [{ name: "甲镇", code: "330102005000", parent: "" }] });
  });

  it.each([
    ["no sheet at all", []],
    ["only hidden sheets", [sheet("名单", "hidden", { A1: "甲镇", B1: "330102005000" })]],
  ] as const)("refused: %s", (_n, sheets) => {
    expect(parseRosterGrid({ sheets: [...sheets] })).toEqual({ ok: false, code: "ROSTER_EMPTY", message: "名单工作簿中没有工作表。", problems: ["名单工作簿中没有工作表。"] });
  });

  it("a file that is no workbook: ROSTER_INVALID with the reader's answer", () => {
    const r = parseRosterFile(new TextEncoder().encode("名称,区划代码\n"), "xlsx");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe("ROSTER_INVALID");
    expect(r.problems).toHaveLength(1);
    expect(r.message).toMatch(/^名单文件无法读取：这是 CSV 文本文件，不是 Excel 工作簿。/);
  });

  it("a CSV file's bytes are read as UTF-8 text", () => {
    expect(parseRosterFile(new TextEncoder().encode("青阳镇,330102001000\n"), "csv")).toEqual({ ok: true, units: [{ name: "青阳镇", code: "330102001000", parent: "" }] });
  });
});

describe("CSV splitting", () => {
  it.each([
    ["a comma file", "a,b\nc,d", [["a", "b"], ["c", "d"]]],
    ["a trailing newline adds no row", "a,b\n", [["a", "b"]]],
    ["CRLF and a lone CR end rows", "a\r\nb\rc", [["a"], ["b"], ["c"]]],
    ["a tab file (tabs and no comma on the first line)", "名称\t区划代码\n甲,乙\t1", [["名称", "区划代码"], ["甲,乙", "1"]]],
    ["a first line with both: commas separate", "a,b\tc\nd\te", [["a", "b\tc"], ["d\te"]]],
    ["a BOM is dropped", "\uFEFFa,b", [["a", "b"]]],
    ["a BOM only at the start", "a\uFEFF,b", [["a\uFEFF", "b"]]],
    ["quotes keep separators and newlines, \"\" is a quote", '"a,b","c""d","e\nf"\n', [["a,b", 'c"d', "e\nf"]]],
    ["a quote inside a field is a character", 'ab"c,d', [['ab"c', "d"]]],
    ["empty fields, and a last empty field", ",a,\n", [["", "a", ""]]],
    ["a blank line is a row of one empty field", "a\n\nb", [["a"], [""], ["b"]]],
    ["nothing", "", []],
  ] as const)("%s", (_n, text, rows) => {
    expect(splitCsv(text)).toEqual(rows);
  });
});

describe("roster rows at their edges", () => {
  it.each([
    ["a code of 13 digits", [["名称", "区划代码"], ["青阳镇", "3301020010001"]], "名单第2行“青阳镇”的区划代码“3301020010001”应为12位数字。"],
    ["a letter before the code", [["名称", "区划代码"], ["青阳镇", "x330102001000"]], "名单第2行“青阳镇”的区划代码“x330102001000”应为12位数字。"],
    ["a parent of 13 digits", [["名称", "区划代码", "上级代码"], ["青阳镇", "330102001000", "3301020000001"]], "名单第2行“青阳镇”的上级代码“3301020000001”应为12位数字。"],
    ["a letter after the parent", [["名称", "区划代码", "上级代码"], ["青阳镇", "330102001000", "330102000000x"]], "名单第2行“青阳镇”的上级代码“330102000000x”应为12位数字。"],
    ["a header in the sixth row is a unit's row", [[], [], [], [], [], ["名称", "区划代码"], ["青阳镇", "330102001000"]], "名单第6行“名称”的区划代码“区划代码”应为12位数字。"],
  ] as const)("refused: %s", (_n, rows, message) => {
    expect(parseRosterRows(rows.map((r) => [...r]))).toEqual({ ok: false, code: "ROSTER_INVALID", message, problems: [message] });
  });

  it("ideographic spaces around a name are trimmed; a header in the fifth row counts; a header needs both 名称 and 区划代码", () => {
    expect(parseRosterRows([["名称"], [], [], [], ["名称", "区划代码"], ["\u3000青阳镇\u3000", "330102001000"]])).toEqual({ ok: true, units: [{ name: "青阳镇", code: "330102001000", parent: "" }] });
    expect(parseRosterRows([["区划代码", "x"], ["青阳镇", "330102001000"]])).toEqual({ ok: false, code: "ROSTER_INVALID", message: "名单第1行“区划代码”的区划代码“x”应为12位数字。", problems: ["名单第1行“区划代码”的区划代码“x”应为12位数字。"] });
  });

  it("from a sheet: column Z is read, the row numbers in messages are the sheet's", () => {
    const grid: Grid = { sheets: [sheet("报送单位名单", "visible", { A1: "名称", B1: "区划代码", Z1: "联系电话", A2: "甲镇", B2: "330102005000", Z2: "13905710000", A4: "乙镇", B4: "33010200600" })] };
    expect(parseRosterGrid(grid)).toEqual({ ok: false, code: "ROSTER_INVALID", message: "名单第4行“乙镇”的区划代码“33010200600”应为12位数字。", problems: ["名单第4行“乙镇”的区划代码“33010200600”应为12位数字。"] });
    grid.sheets[0]!.cells.B4 = { value: "330102006000" };
    expect(parseRosterGrid(grid)).toEqual({ ok: true, units: [{ name: "甲镇", code: "330102005000", parent: "", phone: "13905710000" }, { name: "乙镇", code: "330102006000", parent: "" }] });
  });
});
