/**
 * The cross-check (templates/library/validate.ts) on what tests/library-grid.test.ts does
 * not reach: version numbers compared part by part, a reference to a code that is there
 * twice (the first one counts), a ratio's 分母 that is a ratio, cycles whose bound is a 其中
 * (said at 其中属于), cycles found below the indicator the search started from, several
 * cycles at once, a cycle said once however often it is met. Grid edits of the built-in
 * library, and small hand-made catalogues for the cycle search. In-process.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { BUILTIN, type Catalogue, type Indicator } from "../templates/catalogue";
import { columnOf } from "../templates/library/format";
import { readLibraryGrid } from "../templates/library/read";
import { compareVersions, crossCheck } from "../templates/library/validate";
import { p, type Edit } from "./support/library-cases";
import { editedLibrary, loadLibraryGrid } from "./support/library-grid";

beforeAll(async () => {
  await loadLibraryGrid();
}, 60_000);

const problems = (edits: Edit[], previous?: Catalogue) => {
  const r = readLibraryGrid(editedLibrary(edits), previous ? { previous } : {});
  return r.ok ? "accepted" : r.problems;
};
const cycle = (cell: string, what: string, path: string) =>
  p("LIB_CYCLE", "指标", cell, `${what}循环引用：${path}。一个指标不能（间接地）由它自己组成或受它自己约束，请去掉其中一个引用。`);

describe("compareVersions", () => {
  it.each<[string, string, -1 | 0 | 1]>([
    ["2027.1", "2026.2", 1],
    ["2026.2", "2027.1", -1],
    ["2026.3", "2026.2", 1],
    ["2026.2", "2026.3", -1],
    ["2026.10", "2026.9", 1],
    ["2026.2", "2026.2", 0],
    ["2027", "2027.1", -1],
    ["2027.1", "2027", 1],
    ["2027.0", "2027", 0],
    ["2027.1.1", "2027.1", 1],
  ])("%s against %s", (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });

  it("a later number in the same year is newer than the previous version", () => {
    expect(problems([["报表信息", "B2", "2026.3"]], BUILTIN)).toBe("accepted");
    expect(problems([["报表信息", "B2", "2026.10"]], BUILTIN)).toBe("accepted");
  });
});

describe("references", () => {
  it("a code there twice: a reference to it means the first", () => {
    // G05's row takes the code G04; G01 (场次) is then made of G04, the first one (赠送科普书刊, 册).
    expect(problems([["指标", "A51", "G04"], ["指标", "G47", "G04"]])).toEqual([
      p("LIB_DUPLICATE_CODE", "指标", "A51", "代码“G04”与A50重复。每个指标的代码必须唯一；新增的指标请用一个新代码。"),
      p("LIB_UNIT_MISMATCH", "指标", "G47", "“科普活动”（场次）等于各分项之和，但分项“赠送科普书刊”（G04）的计量单位是“册”。单位不同的数不能相加，请统一计量单位。"),
    ]);
  });

  it("a ratio's 分母 that is a ratio: said once, not also as a mismatch of units", () => {
    expect(problems([["指标", "K4", "A09"]])).toEqual([
      p("LIB_RATIO_PART_KIND", "指标", "K4", "比重“财政科技拨款占财政支出比重”的分母“R&D经费占GDP比重”（A09）本身是比重，请改用数量或金额指标。"),
    ]);
  });

  it("a ratio whose 分子 and 分母 are the same kind of amount in one unit is sound", () => {
    expect(problems([["指标", "J4", "A10"], ["指标", "K4", "A02"]])).toBe("accepted");
  });
});

describe("cycles in the built-in library's grid", () => {
  it.each<[string, Edit[], ReturnType<typeof p>[]]>([
    ["a cycle of 其中: said at 其中属于", [["指标", "H29", "D02"]], [cycle("H29", "其中/不超过", "D01 → D02 → D01")]],
    ["a cycle of 不超过 met below A01: said at its own first indicator", [["指标", "I3", "A10"], ["指标", "I11", "A02"]], [cycle("I3", "其中/不超过", "A02 → A10 → A02")]],
    [
      "two cycles of 分项, each said",
      [["指标", "G30", "D01"], ["指标", "G18", "C01"]],
      [cycle("G17", "分项", "C01 → C02 → C01"), cycle("G29", "分项", "D01 → D02 → D01")],
    ],
    ["a cycle met twice over a 分项 written twice: said once", [["指标", "G30", "D01、D01"]], [cycle("G29", "分项", "D01 → D02 → D01")]],
  ])("%s", (_name, edits, expected) => {
    expect(problems(edits)).toEqual(expected);
  });
});

/** A small library of counts in one group, each with its 分项 (components). */
function made(parts: Record<string, string[]>): Catalogue {
  const indicators: Indicator[] = Object.entries(parts).map(([code, components]) => ({
    code,
    name: `指标${code}`,
    nameEn: "",
    unit: "项",
    kind: "count",
    group: "A",
    aggregate: "sum",
    ...(components.length ? { components } : {}),
  }));
  return { ...BUILTIN, groups: [{ code: "A", name: "测试" }], indicators };
}
const check = (cat: Catalogue) =>
  crossCheck(
    cat,
    (i, column) => ({ sheet: "指标", cell: `${columnOf(column)}${i + 2}` }),
    (i) => ({ sheet: "分组", cell: `A${i + 2}` }),
  );

describe("cycles in hand-made libraries", () => {
  it.each<[string, Record<string, string[]>, ReturnType<typeof p>[]]>([
    ["none", { A: ["B", "C"], B: ["C"], C: [] }, []],
    ["a triangle with a short cut: the cycle the search meets", { A: ["B", "C"], B: ["C"], C: ["A"] }, [cycle("G2", "分项", "A → B → C → A")]],
    [
      "two cycles whose codes run together alike (A, BC and AB, C)",
      { A: ["BC"], BC: ["A"], AB: ["C"], C: ["AB"] },
      [cycle("G2", "分项", "A → BC → A"), cycle("G4", "分项", "AB → C → AB")],
    ],
    ["a long cycle met from its middle", { X: ["Y"], Y: ["Z"], Z: ["W"], W: ["Y"] }, [cycle("G3", "分项", "Y → Z → W → Y")]],
    ["itself as its own 分项 (said as such, not as a cycle)", { A: ["A"] }, [p("LIB_SELF_REFERENCE", "指标", "G2", "“指标A”的分项不能是它自己（A）。")]],
  ])("%s", (_name, parts, expected) => {
    expect(check(made(parts))).toEqual(expected);
  });
});
