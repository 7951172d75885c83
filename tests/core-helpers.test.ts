/**
 * The core's small helpers, case by case: cell addresses (grid.ts), which warnings still
 * need a 备注 (findings.ts), read failures and their wording (errors.ts), the height a
 * wrapped text needs (style.ts), times on the bureau's calendar at their edges (time.ts),
 * and inspectWorkbook/inspectGrid passing their options through (inspect*.ts).
 */
import { describe, expect, it } from "vitest";
import { buildTemplate } from "../templates/build";
import { BUILTIN } from "../templates/catalogue";
import { readFailure, readErrorMessage } from "../templates/errors";
import { unexplainedWarnings, type Finding } from "../templates/findings";
import { address, cellKey, cellKeyAt, columnLetter, columnNumber, parseAddress } from "../templates/grid";
import { inspectGrid, inspectWorkbook } from "../templates/inspect";
import { OWNER_FILE, isOwnerFile } from "../templates/owner-file";
import { sampleFill } from "../templates/samples";
import { charsPerRow, rowHeightFor, wrappedLines } from "../templates/style";
import { calendarDaysBetween, formatDate, formatMonthDayTime, isoDateIn } from "../templates/time";
import { readXlsxGrid } from "../templates/xlsx/index";
import { addParts } from "./fixtures/foreign-files";
import { perMutant } from "./support/per-mutant";

describe("cell addresses", () => {
  it.each([
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [28, "AB"],
    [52, "AZ"],
    [53, "BA"],
    [702, "ZZ"],
    [703, "AAA"],
    [16384, "XFD"],
    [0, ""],
  ])("column %i is %s", (col, letters) => {
    expect(columnLetter(col)).toBe(letters);
  });

  it("address(col, row)", () => {
    expect(address(28, 1048576)).toBe("AB1048576");
  });

  it.each([
    ["A", 1],
    ["Z", 26],
    ["AA", 27],
    ["AB", 28],
    ["BL", 64],
    ["BM", 65],
    ["ZZ", 702],
    ["XFD", 16384],
  ])("column %s is number %i", (letters, col) => {
    expect(columnNumber(letters)).toBe(col);
  });

  // Inside the interned block (64 columns, 2,048 rows) and past each of its edges: the same text as address().
  it.each([
    [1, 1, "A1"],
    [64, 2048, "BL2048"],
    [65, 2048, "BM2048"],
    [64, 2049, "BL2049"],
    [1, 2049, "A2049"],
    [65, 1, "BM1"],
    [28, 1048576, "AB1048576"],
    [0, 5, "5"],
    [3, 0, "C0"],
  ])("cellKey(%i, %i) is %s, and cellKeyAt by letters the same", (col, row, key) => {
    expect(cellKey(col, row)).toBe(key);
    expect(cellKey(col, row)).toBe(cellKey(col, row));
    if (col > 0) expect(cellKeyAt(columnLetter(col), row)).toBe(key);
  });

  it("the keys of the block's last column and of the next row's first column stay apart", () => {
    // Row-major packing: (64, r) and (1, r + 1) are neighbours, (0, r + 1) would be (64, r)'s slot.
    expect([cellKey(64, 7), cellKey(1, 8), cellKey(0, 8), cellKey(64, 7)]).toEqual(["BL7", "A8", "8", "BL7"]);
    // And the cells of one row each keep their own.
    expect([cellKey(64, 9), cellKey(1, 9), cellKey(2, 9), cellKey(64, 9)]).toEqual(["BL9", "A9", "B9", "BL9"]);
  });

  it.each([
    ["A1", { col: 1, row: 1 }],
    ["$B$12", { col: 2, row: 12 }],
    ["AB7", { col: 28, row: 7 }],
    ["XFD1048576", { col: 16384, row: 1048576 }],
    ["a1", null],
    ["xA1", null],
    ["A1x", null],
    ["A", null],
    ["12", null],
    ["AAAA1", null],
    ["A12345678", null],
    ["", null],
  ])("parseAddress(%j) = %j", (addr, want) => {
    expect(parseAddress(addr)).toEqual(want);
  });
});

describe("warnings that still need a 备注", () => {
  const f = (severity: Finding["severity"], rule: Finding["rule"], explained?: boolean): Finding => ({ severity, rule, sheet: "指标", cell: "D8", message: rule, ...(explained === undefined ? {} : { explained }) });
  const growth = f("warning", "GROWTH_IMPLAUSIBLE");
  const growthExplained = f("warning", "GROWTH_IMPLAUSIBLE", true);
  const slip = f("warning", "UNIT_SLIP", false);
  const error = f("error", "VALUE_REQUIRED");

  it("unexplained warnings whose rule needs a note; not errors, not explained ones", () => {
    expect(unexplainedWarnings([growth, growthExplained, slip, error])).toEqual([growth, slip]);
  });

  it("the library's settings decide which rules need one", () => {
    expect(unexplainedWarnings([growth, slip, error], { needsNote: { GROWTH_IMPLAUSIBLE: false } })).toEqual([slip]);
  });
});

describe("read failures", () => {
  const rows = "报表的行被插入、删除或移动，指标与行号对不上。请不要增删行；可重新下载标准模板，把数据复制过去。";

  it("the code's message, and the detail after it in brackets", () => {
    expect(readFailure("ROWS_CHANGED")).toEqual({ ok: false, code: "ROWS_CHANGED", message: rows });
    expect(readFailure("ROWS_CHANGED", "第8行")).toEqual({ ok: false, code: "ROWS_CHANGED", message: `${rows}（第8行）`, detail: "第8行" });
    expect(readErrorMessage("ROWS_CHANGED")).toBe(rows);
  });
});

describe("the height a wrapped text needs", () => {
  // Width 10 at 10 pt: (10 × 7 + 5) px × 0.92 / 13.33 px a character = 5 CJK characters a line.
  it.each([
    ["一二三四五", 10, 10, 1],
    ["一二三四五六", 10, 10, 2],
    ["abcdefghi", 10, 10, 1], // 9 × 0.55 = 4.95
    ["abcdefghij", 10, 10, 2], // 5.5
    ["\u2e7f".repeat(9), 10, 10, 1], // below U+2E80: half width
    ["\u2e80".repeat(6), 10, 10, 2], // from U+2E80: full width
    ["一\n二", 10, 10, 2],
    ["", 10, 10, 1],
    ["一二三四五六", 20, 10, 1], // 11 a line
    ["一二三四五六七八九十一二", 20, 10, 2],
    ["一二", 0, 10, 2], // never fewer than one character a line
    ["一二三四五六七八九十一二三四五六", 40, 12, 1], // 16 a line at 12 pt
    ["一二三四五六七八九十一二三四五六七", 40, 12, 2],
  ])("%j in width %i at %i pt: %i lines", (text, width, pt, lines) => {
    expect(wrappedLines(text, width, pt)).toBe(lines);
  });

  it.each([
    ["一", 10, 10, 19], // 1 × 10 × 1.45 + 4 = 18.5
    ["一二三四五六", 10, 10, 33], // 2 lines: 33
    ["一".repeat(5 * 100), 10, 10, 409], // capped at Excel's tallest row
  ])("row height for %j in width %i at %i pt: %i", (text, width, pt, height) => {
    expect(rowHeightFor(text, width, pt)).toBe(height);
  });

  it.each([
    [10, 10, 5 * 27], // 5 a line, floor(405 / 14.5) = 27 lines
    [40, 12, 16 * 23], // 16 a line, floor(405 / 17.4) = 23 lines
    [0, 10, 1 * 27],
  ])("characters in the tallest row of width %i at %i pt: %i", (width, pt, chars) => {
    expect(charsPerRow(width, pt)).toBe(chars);
  });
});

describe("times at their edges", () => {
  it.each([
    ["2025-12-31T00:05:00Z", "12月31日08:05"],
    ["2025-12-31T01:02:00Z", "12月31日09:02"],
    ["not a date", ""],
  ])("formatMonthDayTime(%s) = %j", (iso, shown) => {
    expect(formatMonthDayTime(iso)).toBe(shown);
  });

  it("an invalid date is no date", () => {
    expect(formatDate("not a date")).toBe("");
    expect(isoDateIn("not a date")).toBe("");
  });

  it("years below 1000 keep four digits", () => {
    expect(isoDateIn("0999-06-01T00:00:00Z", "UTC")).toBe("0999-06-01");
  });

  it.each([
    ["not a date", "2025-12-31T09:00:00Z"],
    ["2025-12-31T09:00:00Z", "not a date"],
  ])("calendar days from %s to %s: 0 (one of them is no date)", (from, to) => {
    expect(calendarDaysBetween(from, to)).toBe(0);
  });
});

describe("inspectWorkbook and inspectGrid pass their options through", () => {
  const town = perMutant(() => buildTemplate({ fill: sampleFill({ name: "青阳镇", code: "330102001000", type: "乡镇" }, "2025-Y", 1, 1) }));

  it("a filled template: read, checked, a record", async () => {
    const r = inspectWorkbook(await town(), { expectedPeriod: "2025-Y" });
    expect(r.ok && r.record?.unit).toEqual({ name: "青阳镇", code: "330102001000", type: "乡镇" });
  });

  it("the reader's limits: a file over the bound is refused before anything else", async () => {
    const bytes = await town();
    const r = inspectWorkbook(bytes, { limits: { maxFileBytes: bytes.length - 1 } });
    expect(r.ok ? null : r.code).toBe("FILE_TOO_LARGE");
  });

  it("a part the template does not have is refused after a clean read", async () => {
    const bytes = addParts(await town(), { "xl/embeddings/oleObject1.bin": new Uint8Array(64).fill(7) });
    expect(readXlsxGrid(bytes).ok).toBe(true);
    const r = inspectWorkbook(bytes);
    expect(r.ok ? null : [r.code, r.message]).toEqual(["EMBEDDED_OBJECTS", expect.stringContaining("xl/embeddings/oleObject1.bin")]);
  });

  it("a grid that is no template: the read's failure", () => {
    const r = inspectGrid({ sheets: [{ name: "Sheet1", state: "visible", cells: {}, rowCount: 0 }] });
    expect(r.ok ? null : r.code).toBe("NOT_TEMPLATE");
  });

  it("the expected library: a report of another library is refused", async () => {
    const grid = readXlsxGrid(await town());
    if (!grid.ok) throw new Error(grid.message);
    const other = { ...BUILTIN, id: "other-report", title: "另一种报表" };
    const r = inspectGrid(grid.grid, { catalogue: other });
    expect(r.ok ? null : [r.code, r.message]).toEqual(["NOT_TEMPLATE", expect.stringContaining("本次收集的是“另一种报表”（other-report）")]);
  });
});

describe("Excel's and WPS's owner files, known by name", () => {
  it.each<[string, boolean]>([
    ["~$青阳镇.xlsx", true],
    ["~$", true],
    ["青阳镇.xlsx", false],
    ["青阳镇~$.xlsx", false],
    ["~青阳镇.xlsx", false],
    ["$~青阳镇.xlsx", false],
  ])("%s → %s", (name, owner) => expect(isOwnerFile(name)).toBe(owner));

  it("has a stable code and says what it is", () => {
    expect(OWNER_FILE).toEqual({ code: "OFFICE_LOCK_FILE", is: "是 Excel 或 WPS 打开工作簿时在旁边生成的临时文件（文件名以 ~$ 开头），不是报表" });
  });
});
