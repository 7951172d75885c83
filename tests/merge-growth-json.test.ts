/**
 * The merge's arithmetic helpers (templates/merge/growth.ts) at their edges, and the
 * consolidation as JSON (templates/merge/json.ts: `huizong merge --json` and the server's
 * consolidation record) field by field, including the version notes' wording.
 */
import { describe, expect, it } from "vitest";
import { completionOf, growthLabel, growthOf, growthText, pointsChange, ratioOf, roundPoints } from "../templates/merge/growth";
import { consolidationJson, versionNoteText } from "../templates/merge/json";
import { mergeReports, type VersionNote } from "../templates/merge/merge";
import { sampleRecord } from "./support/records";

describe("growth, ratios, points and completion at their edges", () => {
  it.each([
    // current, prior → growthOf, growthLabel, growthText
    [12, 10, 0.2, null, "增长20.0%"],
    [9, 10, -0.1, null, "下降10.0%"],
    [10, 10, 0, null, "持平"],
    [5, 0, null, "新增", "新增"],
    [0, 0, null, "—", "—"],
    [null, 0, null, "—", "—"],
    [5, null, null, "—", "—"],
    [null, 10, null, "—", "—"],
    [5, -2, null, "—", "—"],
  ] as const)("本期 %s, 上年同期 %s → growth %s, label %s, text %s", (current, prior, growth, label, text) => {
    const g = growthOf(current, prior);
    if (growth === null) expect(g).toBeNull();
    else expect(g).toBeCloseTo(growth, 12);
    expect(growthLabel(current, prior)).toBe(label);
    expect(growthText(current, prior)).toBe(text);
  });

  it.each([
    [3, 4, 0.75],
    [0, 4, 0],
    [3, 0, null],
    [3, -4, null],
    [null, 4, null],
    [3, null, null],
  ] as const)("ratio %s / %s → %s, and completion the same", (n, d, want) => {
    expect(ratioOf(n, d)).toBe(want);
    expect(completionOf(n, d)).toBe(want);
  });

  it.each([
    [0.135, 0.12, 1.5],
    [0.12, 0.135, -1.5],
    [null, 0.12, null],
    [0.12, null, null],
  ] as const)("points from %s to %s → %s", (current, prior, want) => {
    const p = pointsChange(current, prior);
    if (want === null) expect(p).toBeNull();
    else expect(p).toBeCloseTo(want, 12);
  });

  it.each([
    [1.234, 1.23],
    [1.235, 1.24],
    [-1.235, -1.24],
    [2.5, 2.5],
    [-0.004, 0],
    [0.004, 0],
    [0, 0],
    [12.345, 12.35],
  ])("roundPoints(%s) → %s, half away from zero, never -0", (points, want) => {
    const r = roundPoints(points);
    expect(r).toBe(want);
    expect(Object.is(r, -0)).toBe(false);
  });
});

describe("versionNoteText", () => {
  const note = (added: string[], dropped: string[]): VersionNote => ({ unit: "青阳镇", unitCode: "330102001000", version: "2025.1", added, dropped });
  it.each([
    [[], [], "青阳镇使用 2025.1 版报表，按指标代码汇总。"],
    [["G06", "G07"], [], "青阳镇使用 2025.1 版报表，按指标代码汇总；本版新增，未填报：G06、G07。"],
    [[], ["F03"], "青阳镇使用 2025.1 版报表，按指标代码汇总；本版已取消，未计入：F03。"],
    [["G06"], ["F03", "F04"], "青阳镇使用 2025.1 版报表，按指标代码汇总；本版新增，未填报：G06；本版已取消，未计入：F03、F04。"],
  ])("added %j, dropped %j → %s", (added, dropped, text) => {
    expect(versionNoteText(note(added, dropped))).toBe(text);
  });
});

describe("consolidationJson", () => {
  const A = { name: "青阳镇", code: "330102001000", type: "乡镇" } as const;
  const B = { name: "清河街道", code: "330102002000", type: "街道" } as const;
  const C = { name: "南山镇", code: "330102003000", type: "乡镇" } as const;
  const D = { name: "北湖镇", code: "330102004000", type: "乡镇" } as const;
  const roster = [A, B, C].map((u) => ({ name: u.name, code: u.code, parent: "330102000000" }));
  const warning = { severity: "warning", rule: "GROWTH_IMPLAUSIBLE", sheet: "指标", cell: "E7", message: "增长过快", indicator: "D01", explained: true } as const;

  function merged() {
    const withWarning = sampleRecord(A, "2025-Y", 1, 1);
    withWarning.warnings = [warning];
    // 清河街道 reports under a wrong code: matched on its name, its own code kept as reportedCode.
    const wrongCode = sampleRecord({ ...B, code: "330102009000" }, "2025-Y", 2, 1);
    const r = mergeReports(
      [
        { record: withWarning, source: "qingyang.xlsx", submittedAt: "2026-01-05T02:00:00Z" },
        { record: wrongCode },
        { record: sampleRecord(D, "2025-Y", 4, 1), source: "beihu.xlsx" },
        { record: sampleRecord(C, "2025-H1", 3, 1), source: "nanshan-h1.xlsx" },
      ],
      { period: "2025-Y", roster, unit: { name: "示例区", code: "330102000000" } },
    );
    if (!r.ok) throw new Error(r.message);
    return r.consolidation;
  }

  it("units with their report's source, upload time, preparer, date and version; missing, unlisted and rejected inputs", () => {
    const c = merged();
    const j = consolidationJson(c, [{ source: "broken.xlsx", code: "CORRUPT_ZIP", message: "文件已损坏" }]);
    expect(j.units.map((u) => [u.name, u.code, u.parent, u.status, u.unlisted, u.source, u.submittedAt, u.preparer, u.date, u.version, u.warnings])).toEqual([
      ["青阳镇", A.code, "330102000000", "submitted", false, "qingyang.xlsx", "2026-01-05T02:00:00Z", "王晓燕", "2025-12-20", 1, 1],
      ["清河街道", B.code, "330102000000", "submitted", false, null, null, "王晓燕", "2025-12-20", 1, 0],
      ["南山镇", C.code, "330102000000", "missing", false, null, null, null, null, null, 0],
      ["北湖镇", D.code, "", "submitted", true, "beihu.xlsx", null, "王晓燕", "2025-12-20", 1, 0],
    ]);
    expect(j.units.map((u) => ("reportedCode" in u ? u.reportedCode : "-"))).toEqual(["-", "330102009000", "-", "-"]);
    expect(j.missing).toEqual([{ name: "南山镇", code: C.code }]);
    expect(j.unlisted).toEqual([{ name: "北湖镇", code: D.code }]);
    expect(j.rejected.map((r) => [r.file, r.code])).toEqual([
      ["broken.xlsx", "CORRUPT_ZIP"],
      ["nanshan-h1.xlsx", c.rejected[0]!.code],
    ]);
    expect(j.rejected[0]!.message).toBe("文件已损坏");
    expect(j.rejected[1]!.message).toBe(c.rejected[0]!.message);
    expect(j.library).toEqual({ id: c.catalogue.id, version: c.catalogue.version, title: c.catalogue.title });
    expect(j.warnings).toEqual([{ unit: "青阳镇", unitCode: A.code, rule: "GROWTH_IMPLAUSIBLE", sheet: "指标", cell: "E7", message: "增长过快" }]);
    expect(j.counts).toBe(c.counts);
    expect(j.unit).toBe(c.unit);
  });

  it("totals without their code key, and version notes with their wording", () => {
    const c = merged();
    const note: VersionNote = { unit: "青阳镇", unitCode: A.code, version: "2024.1", added: ["G06"], dropped: [] };
    const j = consolidationJson({ ...c, versionNotes: [note] });
    expect(Object.keys(j.totals)).toEqual(Object.keys(c.totals));
    const { code: _code, ...d01 } = c.totals.D01!;
    expect(j.totals.D01).toEqual(d01);
    expect(j.totals.D01).not.toHaveProperty("code");
    expect(j.versionNotes).toEqual([{ ...note, message: "青阳镇使用 2024.1 版报表，按指标代码汇总；本版新增，未填报：G06。" }]);
    expect(consolidationJson(c).rejected).toHaveLength(1);
  });
});
