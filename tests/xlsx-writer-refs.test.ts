/**
 * The direct writer's cell references (templates/xlsx/writer/refs.ts), case by case: column letters
 * both ways at every carry (Z/AA, ZZ/AAA, XFD), A1 addresses with and without $ at the sheet's edges,
 * and ranges in either corner order. Each bad input is refused with a RangeError that names it.
 */
import { describe, expect, it } from "vitest";
import { MAX_COLS, MAX_ROWS, colLetters, colNumber, parseAddress, parseRange } from "../templates/xlsx/writer/refs";

describe("column letters", () => {
  it.each([
    [1, "A"],
    [2, "B"],
    [26, "Z"],
    [27, "AA"],
    [52, "AZ"],
    [53, "BA"],
    [702, "ZZ"],
    [703, "AAA"],
    [16_384, "XFD"],
  ])("%i ↔ %s", (n, letters) => {
    expect(colLetters(n)).toBe(letters);
    // Asked again: the remembered answer is the same.
    expect(colLetters(n)).toBe(letters);
    expect(colNumber(letters)).toBe(n);
    expect(colNumber(letters.toLowerCase())).toBe(n);
  });

  it("every column from A to XFD goes there and back", () => {
    for (let n = 1; n <= MAX_COLS; n++) expect(colNumber(colLetters(n))).toBe(n);
  });

  it.each([
    ["XFE", 'column XFE is outside A…XFD'],
    ["ZZZ", 'column ZZZ is outside A…XFD'],
    ["", 'bad column ""'],
    ["AAAA", 'bad column "AAAA"'],
    ["A1", 'bad column "A1"'],
    ["1A", 'bad column "1A"'],
    ["列", 'bad column "列"'],
  ])("%j is refused: %s", (letters, message) => {
    expect(() => colNumber(letters)).toThrow(new RangeError(message));
  });
});

describe("A1 addresses", () => {
  it.each([
    ["A1", 1, 1],
    ["$B$7", 7, 2],
    ["c3", 3, 3],
    ["XFD1048576", MAX_ROWS, MAX_COLS],
    ["$AA$10", 10, 27],
  ])("%s → row %i, column %i", (address, row, col) => {
    expect(parseAddress(address)).toEqual({ row, col });
  });

  it.each([
    ["A0", "row 0 is outside 1…1048576"],
    ["A1048577", "row 1048577 is outside 1…1048576"],
    ["XFE1", "column XFE is outside A…XFD"],
    ["A", 'bad cell address "A"'],
    ["1", 'bad cell address "1"'],
    ["#A1", 'bad cell address "#A1"'],
    ["ABCD1", 'bad cell address "ABCD1"'],
    ["A1x", 'bad cell address "A1x"'],
    ["A12345678", 'bad cell address "A12345678"'],
    ["$$A1", 'bad cell address "$$A1"'],
  ])("%s is refused: %s", (address, message) => {
    expect(() => parseAddress(address)).toThrow(new RangeError(message));
  });
});

describe("ranges", () => {
  it.each([
    ["A1:C3", { top: 1, left: 1, bottom: 3, right: 3 }],
    ["C3:A1", { top: 1, left: 1, bottom: 3, right: 3 }],
    ["C1:A3", { top: 1, left: 1, bottom: 3, right: 3 }],
    ["A3:C1", { top: 1, left: 1, bottom: 3, right: 3 }],
    ["B2:B2", { top: 2, left: 2, bottom: 2, right: 2 }],
    ["$A$1:$XFD$1", { top: 1, left: 1, bottom: 1, right: MAX_COLS }],
  ])("%s → %j", (range, corners) => {
    expect(parseRange(range)).toEqual(corners);
  });

  it.each([
    ["A1", 'bad range "A1"'],
    [":B2", 'bad range ":B2"'],
    ["A1:", 'bad range "A1:"'],
    ["A1:B2:C3", 'bad range "A1:B2:C3"'],
    ["A1:B0", "row 0 is outside 1…1048576"],
  ])("%s is refused: %s", (range, message) => {
    expect(() => parseRange(range)).toThrow(new RangeError(message));
  });
});
