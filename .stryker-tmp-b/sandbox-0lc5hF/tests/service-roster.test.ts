/**
 * The roster (functions/service/roster.ts): the city's list checked word for word, roles, who is within
 * whom, loading and saving on the filesystem store, the 名单 workbook there and back. In-process.
 */
// @ts-nocheck

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

import {
  findUnit,
  isWithin,
  loadRoster,
  reportingUnitsUnder,
  roleOf,
  rosterFromFile,
  rosterWorkbook,
  saveRoster,
  validateRoster,
  type Roster,
  type RosterUnit,
} from "../functions/service/roster";
import { FsObjectStore, rosterKey } from "../functions/storage/index";

const CITY: RosterUnit = { code: "330100000000", name: "杭州市", type: "市", parent: null };
const COUNTY: RosterUnit = { code: "330102000000", name: "上城区", type: "县（市、区）", parent: CITY.code };
const TOWN: RosterUnit = { code: "330102001000", name: "青阳镇", type: "乡镇", parent: COUNTY.code };
const STREET: RosterUnit = { code: "330102002000", name: "东湖街道", type: "街道", parent: COUNTY.code };
const CITY_TOWN: RosterUnit = { code: "330100001000", name: "市直镇", type: "乡镇", parent: CITY.code };
const ROSTER: Roster = { units: [CITY, COUNTY, TOWN, STREET, CITY_TOWN] };

const problems = (input: unknown): string[] => {
  const r = validateRoster(input);
  return r.ok ? [] : r.problems;
};

describe("validateRoster", () => {
  it("takes a valid roster, trimmed, with contacts cut to their lengths", () => {
    const r = validateRoster({
      units: [
        { code: " 330100000000 ", name: " 杭州市 ", type: " 市 ", parent: "  " },
        { code: "330102000000", name: "上城区", type: "县（市、区）", parent: " 330100000000 ", contact: ` ${"张".repeat(60)} `, phone: ` ${"1".repeat(40)} ` },
        { code: "330102001000", name: "青阳镇", type: "乡镇", parent: "330102000000", contact: "  ", phone: "" },
      ],
    });
    expect(r).toEqual({
      ok: true,
      roster: {
        units: [
          { code: "330100000000", name: "杭州市", type: "市", parent: null },
          { code: "330102000000", name: "上城区", type: "县（市、区）", parent: "330100000000", contact: "张".repeat(50), phone: "1".repeat(30) },
          { code: "330102001000", name: "青阳镇", type: "乡镇", parent: "330102000000" },
        ],
      },
    });
  });

  it.each([
    [null],
    [{}],
    [{ units: [] }],
    [{ units: "x" }],
    ["units"],
  ])("an empty roster %j: one problem", (input) => {
    expect(problems(input)).toEqual(["名单为空：请至少列出市、区县和乡镇单位。"]);
  });

  it("more than 5000 units: refused; 5000 are looked at", () => {
    const many = (n: number) => ({ units: Array.from({ length: n }, () => ({ code: "x" })) });
    expect(problems(many(5001))).toEqual(["名单中的单位过多（超过 5000 个）。"]);
    expect(problems(many(5000))).toHaveLength(15000);
  });

  it("names each unit's problems, word for word", () => {
    expect(
      problems({
        units: [
          { code: "33010000000", name: "", type: "省" },
          { code: 330100000000, name: "杭州市", type: "市" },
          null,
          { code: "330102000000", name: "名".repeat(51), type: "县（市、区）" },
          { code: "330102000000", name: "上城区", type: "县（市、区）" },
        ],
      }),
    ).toEqual([
      "第 1 个单位（未命名）的区划代码“33010000000”不是 12 位数字。",
      "第 1 个单位（33010000000）缺少单位名称或名称过长。",
      "第 1 个单位（33010000000）的单位类型“省”无效，应为 乡镇、街道、县（市、区）、市 之一。",
      "第 2 个单位（杭州市）的区划代码“”不是 12 位数字。",
      "第 3 个单位（未命名）的区划代码“”不是 12 位数字。",
      "第 3 个单位（）缺少单位名称或名称过长。",
      "第 3 个单位（）的单位类型“”无效，应为 乡镇、街道、县（市、区）、市 之一。",
      `第 4 个单位（330102000000）缺少单位名称或名称过长。`,
      "第 5 个单位（上城区）的区划代码 330102000000 重复。",
    ]);
    expect(problems({ units: [{ code: "330100000000", name: "名".repeat(50), type: "市" }] })).toEqual([]);
  });

  it("needs exactly one city, without a parent, and parents one level up that exist", () => {
    expect(problems({ units: [COUNTY, TOWN] })).toEqual([
      "名单中应有且只有一个“市”级单位（现有 0 个）。",
      "上城区（330102000000）的上级单位“330100000000”不在名单中。",
    ]);
    expect(problems({ units: [CITY, { ...CITY, code: "330200000000", name: "宁波市", parent: "330100000000" }] })).toEqual([
      "名单中应有且只有一个“市”级单位（现有 2 个）。",
      "宁波市（330200000000）是市级单位，不应填写上级单位。",
    ]);
    expect(problems({ units: [CITY, { ...COUNTY, parent: null }] })).toEqual(["上城区（330102000000）的上级单位“”不在名单中。"]);
    const level = (u: RosterUnit, p: RosterUnit) => `${u.name}（${u.code}）的上级单位 ${p.name} 层级不对：乡镇/街道的上级应为区县或市，区县的上级应为市。`;
    expect(problems({ units: [CITY, COUNTY, { ...COUNTY, code: "330103000000", name: "下城区", parent: COUNTY.code }] })).toEqual([
      level({ ...COUNTY, code: "330103000000", name: "下城区" }, COUNTY),
    ]);
    expect(problems({ units: [CITY, COUNTY, TOWN, { ...STREET, parent: TOWN.code }] })).toEqual([level(STREET, TOWN)]);
    expect(problems(ROSTER)).toEqual([]);
  });
});

describe("roles and the tree", () => {
  it("roleOf", () => {
    expect([roleOf("市"), roleOf("县（市、区）"), roleOf("乡镇"), roleOf("街道")]).toEqual(["city", "county", "unit", "unit"]);
  });

  it("isWithin, findUnit and reportingUnitsUnder", () => {
    expect(findUnit(ROSTER, TOWN.code)).toBe(TOWN);
    expect(findUnit(ROSTER, "330199999999")).toBeUndefined();
    expect(isWithin(ROSTER, TOWN.code, TOWN.code)).toBe(true);
    expect(isWithin(ROSTER, TOWN.code, COUNTY.code)).toBe(true);
    expect(isWithin(ROSTER, TOWN.code, CITY.code)).toBe(true);
    expect(isWithin(ROSTER, COUNTY.code, TOWN.code)).toBe(false);
    expect(isWithin(ROSTER, CITY_TOWN.code, COUNTY.code)).toBe(false);
    expect(isWithin(ROSTER, "330199999999", CITY.code)).toBe(false);
    expect(reportingUnitsUnder(ROSTER, CITY.code)).toEqual([TOWN, STREET, CITY_TOWN]);
    expect(reportingUnitsUnder(ROSTER, COUNTY.code)).toEqual([TOWN, STREET]);
    expect(reportingUnitsUnder(ROSTER, TOWN.code)).toEqual([TOWN]);
  });

  it("isWithin stops after ten steps up (a cycle, or a chain too deep)", () => {
    const chain: RosterUnit[] = Array.from({ length: 12 }, (_, i) => ({
      code: String(330100000000 + i),
      name: `u${i}`,
      type: "乡镇",
      parent: i === 0 ? null : String(330100000000 + i - 1),
    }));
    const r: Roster = { units: chain };
    expect(isWithin(r, chain[9]!.code, chain[0]!.code)).toBe(true);
    expect(isWithin(r, chain[10]!.code, chain[0]!.code)).toBe(false);
    const cycle: Roster = { units: [{ ...TOWN, parent: STREET.code }, { ...STREET, parent: TOWN.code }] };
    expect(isWithin(cycle, TOWN.code, CITY.code)).toBe(false);
  });
});

describe("the roster in storage and in Excel", () => {
  it("loads an empty roster when none is stored, saves with who and when, and refuses a broken file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hz-roster-"));
    try {
      const store = new FsObjectStore({ root: dir });
      expect(await loadRoster(store)).toEqual({ units: [] });
      const saved = await saveRoster(store, { units: ROSTER.units, updatedBy: "旧" }, "市科技局", new Date("2025-12-01T08:00:00Z"));
      expect(saved).toEqual({ units: ROSTER.units, updatedAt: "2025-12-01T08:00:00.000Z", updatedBy: "市科技局" });
      expect(await loadRoster(store)).toEqual(saved);
      await store.putText(rosterKey(), "[");
      await expect(loadRoster(store)).rejects.toMatchObject({ code: "STORAGE_CORRUPT" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the 名单 workbook read back gives the same roster, contacts included", async () => {
    const roster: Roster = { units: [CITY, COUNTY, { ...TOWN, contact: "王晓燕", phone: "0571-88888888" }, STREET] };
    const bytes = await rosterWorkbook(roster);
    expect(rosterFromFile(bytes, "xlsx")).toEqual({ ok: true, roster: { units: roster.units } });
  });

  it("a CSV with blank types and parents: filled from the codes; a broken file: its problems", () => {
    const csv = new TextEncoder().encode("名称,区划代码,上级代码,单位类型\n杭州市,330100000000,,\n上城区,330102000000,,\n青阳镇,330102001000,,\n");
    expect(rosterFromFile(csv, "csv")).toEqual({
      ok: true,
      roster: {
        units: [
          { code: "330100000000", name: "杭州市", type: "市", parent: null },
          { code: "330102000000", name: "上城区", type: "县（市、区）", parent: "330100000000" },
          { code: "330102001000", name: "青阳镇", type: "乡镇", parent: "330102000000" },
        ],
      },
    });
    const r = rosterFromFile(new TextEncoder().encode("不是名单"), "csv");
    expect(r.ok).toBe(false);
  });
});
