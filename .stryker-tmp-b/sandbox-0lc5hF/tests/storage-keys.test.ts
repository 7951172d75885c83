/**
 * The key layout (functions/storage/keys.ts) and the storage errors (errors.ts), as tables of exact
 * keys, exact refusals and exact codes and messages. Pure, in-process (the mutation run uses it).
 */
// @ts-nocheck

import { describe, expect, it } from "vitest";

import {
  assertListPrefix,
  assertPeriodId,
  assertUnitCode,
  assertVersionId,
  assertObjectKey,
  consolidationKey,
  consolidationKeys,
  consolidationDraftKey,
  consolidationsPrefix,
  createVersionIdGenerator,
  libraryKey,
  libraryVersionPrefix,
  logKey,
  logPrefix,
  parseLogKey,
  signinCodeKey,
  signinUnitKey,
  StorageConflict,
  StorageCorrupt,
  StorageNotFound,
  StorageUnavailable,
  targetsKeys,
  unitsPrefix,
  webhookKey,
  InvalidKeyInput,
  newVersionId,
  parseConsolidationKey,
  parsePeriodKey,
  parsePeriodPrefix,
  parseReviewKey,
  parseVersionKey,
  periodKey,
  periodPrefix,
  periodsPrefix,
  reviewKey,
  reviewsPrefix,
  rosterKey,
  unitPrefix,
  versionIdTime,
  versionKey,
  versionKeys,
  VERSION_ID_RE,
} from "../functions/storage";
import { P, U, V } from "./support/storage-contract";


describe("key layout", () => {
  it("builds the documented keys", () => {
    const table: [string, string][] = [
      [rosterKey(), "config/roster.json"],
      [periodsPrefix(), "periods/"],
      [periodPrefix("2025-M10"), "periods/2025-M10/"],
      [periodKey("2025-Q3"), "periods/2025-Q3/period.json"],
      [unitPrefix("2025-H1", U), "periods/2025-H1/units/330101001001/"],
      [versionKey(P, U, V, "xlsx"), `periods/2025-Y/units/330101001001/${V}.xlsx`],
      [versionKey(P, U, V, "json"), `periods/2025-Y/units/330101001001/${V}.json`],
      [reviewsPrefix(P, U), "periods/2025-Y/units/330101001001/reviews/"],
      [reviewKey(P, U, V), `periods/2025-Y/units/330101001001/reviews/${V}.json`],
      [consolidationsPrefix(P), "periods/2025-Y/consolidations/"],
      [consolidationsPrefix(P, "330100000000"), "periods/2025-Y/consolidations/330100000000/"],
      [consolidationKey(P, "330100000000", V, "xlsx"), `periods/2025-Y/consolidations/330100000000/${V}.xlsx`],
    ];
    for (const [built, expected] of table) expect(built).toBe(expected);
    expect(versionKeys(P, U, V)).toEqual({
      xlsx: `periods/2025-Y/units/330101001001/${V}.xlsx`,
      json: `periods/2025-Y/units/330101001001/${V}.json`,
    });
    expect(consolidationKeys(P, "330100000000", V).json).toBe(`periods/2025-Y/consolidations/330100000000/${V}.json`);
  });

  it.each(["2025-Y", "2025-H1", "2025-H2", "2025-Q1", "2025-Q4", "2025-M01", "2025-M09", "2025-M10", "2025-M12"])(
    "accepts period %s",
    (periodId) => {
      expect(periodKey(periodId)).toBe(`periods/${periodId}/period.json`);
    },
  );

  const BAD_TEXT = [
    "",
    "../x",
    "2025-Y/../../etc",
    "..",
    "%2e%2e",
    "%2E%2E%2F",
    "2025-Y\u0000",
    "2025-Y/",
    " 2025-Y",
    "2025-Y\n",
    "\uff12\uff10\uff12\uff15-Y", // full-width digits
    "2025\u2010Y", // Unicode hyphen
    "٢٠٢٥-Y", // Arabic-Indic digits
  ];
  const rejections: [string, string, () => unknown][] = [
    ...[...BAD_TEXT, "2025-y", "2025-H3", "2025-Q0", "2025-Q5", "2025-M1", "2025-M00", "2025-M13", "25-Y", "2025-YY"].map(
      (bad): [string, string, () => unknown] => ["periodId", bad, () => periodKey(bad)],
    ),
    ...[...BAD_TEXT, "3301", "33010100100a", "3301010010010", "33010100100", "３３０１０１００１００１", "330101001001 ", "-33010100100"].map(
      (bad): [string, string, () => unknown] => ["unitCode", bad, () => unitPrefix(P, bad)],
    ),
    ...[...BAD_TEXT, "V20250314T081502123Z-1a2b3c4d", "v20250314T081502123Z-1A2B3C4D", "v20250314T08150212Z-1a2b3c4d", `${V}.xlsx`, `${V}/x`, "v1"].map(
      (bad): [string, string, () => unknown] => ["versionId", bad, () => versionKey(P, U, bad, "xlsx")],
    ),
    ["reviewId", "../../config/roster", () => reviewKey(P, U, "../../config/roster")],
    ["parentCode", "../units", () => consolidationsPrefix(P, "../units")],
    ["consolidationId", "x", () => consolidationKey(P, "330100000000", "x", "json")],
    ["kind", "exe", () => versionKey(P, U, V, "exe" as "xlsx")],
    ["periodId", "number", () => periodKey(2025 as unknown as string)],
  ];
  it.each(rejections)("rejects %s %j with InvalidKeyInput", (field, _bad, build) => {
    let err: unknown;
    try {
      build();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InvalidKeyInput);
    expect(err).toMatchObject({ code: "INVALID_KEY_INPUT", field });
    expect((err as Error).message.startsWith("请求中的参数格式不正确")).toBe(true);
  });

  it("every built key passes the adapters' raw-key check", () => {
    for (const key of [rosterKey(), periodKey(P), versionKey(P, U, V, "xlsx"), reviewKey(P, U, V), consolidationKey(P, U, V, "json")]) {
      expect(assertObjectKey(key)).toBe(key);
    }
    expect(assertListPrefix(unitPrefix(P, U))).toBe(unitPrefix(P, U));
  });

  it("parses keys back into their parts", () => {
    expect(parseVersionKey(versionKey("2025-M10", U, V, "xlsx"))).toEqual({ periodId: "2025-M10", unitCode: U, versionId: V, kind: "xlsx" });
    expect(parseVersionKey(versionKey(P, U, V, "json"))).toEqual({ periodId: P, unitCode: U, versionId: V, kind: "json" });
    expect(parseReviewKey(reviewKey(P, U, V))).toEqual({ periodId: P, unitCode: U, reviewId: V });
    expect(parseConsolidationKey(consolidationKey(P, "330100000000", V, "json"))).toEqual({
      periodId: P,
      parentCode: "330100000000",
      id: V,
      kind: "json",
    });
    const notVersions = [
      reviewKey(P, U, V),
      periodKey(P),
      rosterKey(),
      `x/${versionKey(P, U, V, "xlsx")}`,
      `${versionKey(P, U, V, "xlsx")}.bak`,
      `periods/2025-Y/units/${U}/../${V}.xlsx`,
    ];
    for (const key of notVersions) expect(parseVersionKey(key)).toBeNull();
    expect(parsePeriodKey(periodKey("2025-M10"))).toBe("2025-M10");
    expect(parsePeriodPrefix(periodPrefix("2025-M10"))).toBe("2025-M10");
    for (const notPeriod of ["periods/", "periods/2025-Y", "periods/2025-Y/units/", "periods/2025-y/", "x/periods/2025-Y/", periodKey(P)]) {
      expect({ notPeriod, id: parsePeriodPrefix(notPeriod) }).toEqual({ notPeriod, id: null });
    }
    expect(parsePeriodKey(periodPrefix(P))).toBeNull();
    expect(parseReviewKey(versionKey(P, U, V, "json"))).toBeNull();
    expect(parseConsolidationKey(versionKey(P, U, V, "json"))).toBeNull();
  });
});

describe("version ids", () => {
  it("have the documented format and encode the UTC time", () => {
    const gen = createVersionIdGenerator({ now: () => Date.UTC(2025, 2, 14, 8, 15, 2, 123), random32: () => 0x1a2b3c4d });
    const id = gen();
    expect(id).toBe(V);
    expect(versionIdTime(id).toISOString()).toBe("2025-03-14T08:15:02.123Z");
    expect(VERSION_ID_RE.test(newVersionId())).toBe(true);
  });

  it("sort in call order within one millisecond and when the clock steps back", () => {
    const now = Date.UTC(2025, 0, 1);
    const clock = [0, 0, 0, -5, -5, 1, 1];
    let step = 0;
    const gen = createVersionIdGenerator({ now: () => now + clock[step++ % clock.length]!, random32: () => 0xfffffff0 });
    const ids = Array.from({ length: 1000 }, gen);
    expect(new Set(ids).size).toBe(1000);
    expect([...ids].sort()).toEqual(ids);
  });

  it("move to the next millisecond when the random tail would overflow", () => {
    const gen = createVersionIdGenerator({ now: () => Date.UTC(2025, 0, 1), random32: () => 0xffffffff });
    expect([gen(), gen()]).toEqual(["v20250101T000000000Z-ffffffff", "v20250101T000000001Z-ffffffff"]);
  });

  it("from the process-wide generator are unique and ordered", () => {
    const ids = Array.from({ length: 5000 }, () => newVersionId());
    expect(new Set(ids).size).toBe(5000);
    expect([...ids].sort()).toEqual(ids);
  });
});

// ---------------------------------------------------------------------------
// Every builder, parser and check at its edges

const HASH = "0123456789abcdef".repeat(4);

/** The InvalidKeyInput a call throws (or a failure when it throws nothing or something else). */
function refusal(build: () => unknown): { field: string; message: string } {
  try {
    build();
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidKeyInput);
    const e = err as InvalidKeyInput;
    expect(e.code).toBe("INVALID_KEY_INPUT");
    expect(e.name).toBe("InvalidKeyInput");
    expect(e.key).toBeUndefined();
    return { field: e.field, message: e.message };
  }
  throw new Error("expected InvalidKeyInput");
}

describe("key builders, exactly", () => {
  it("builds every documented key", () => {
    const table: [string, string][] = [
      [webhookKey(), "config/webhook.json"],
      [signinUnitKey(U), `config/signin/units/${U}.json`],
      [signinCodeKey(HASH), `config/signin/codes/${HASH}.json`],
      [libraryVersionPrefix("HZ-KJ-01", "2026.2"), "config/libraries/HZ-KJ-01/2026.2/"],
      [libraryKey("HZ-KJ-01", "2026.2", HASH), `config/libraries/HZ-KJ-01/2026.2/${HASH}.json`],
      [unitsPrefix(P), "periods/2025-Y/units/"],
      [logPrefix(P, U), `periods/2025-Y/units/${U}/log/`],
      [logKey(P, U, 1), `periods/2025-Y/units/${U}/log/000001.json`],
      [logKey(P, U, 42), `periods/2025-Y/units/${U}/log/000042.json`],
      [logKey(P, U, 999_999), `periods/2025-Y/units/${U}/log/999999.json`],
      [consolidationDraftKey(P, "330100000000", V), `periods/2025-Y/consolidations/330100000000/${V}.docx`],
      [consolidationKey(P, "330100000000", V, "json"), `periods/2025-Y/consolidations/330100000000/${V}.json`],
      [assertPeriodId("2025-M12"), "2025-M12"],
      [assertUnitCode(U), U],
      [assertVersionId(V), V],
    ];
    for (const [built, expected] of table) expect(built).toBe(expected);
    expect(targetsKeys("2026")).toEqual({ xlsx: "config/targets/2026.xlsx", json: "config/targets/2026.json" });
    expect(consolidationKeys(P, "330100000000", V)).toEqual({
      xlsx: `periods/2025-Y/consolidations/330100000000/${V}.xlsx`,
      json: `periods/2025-Y/consolidations/330100000000/${V}.json`,
      docx: `periods/2025-Y/consolidations/330100000000/${V}.docx`,
    });
  });

  it.each([
    ["2000", true],
    ["2099", true],
    ["2100", true],
    ["1999", false],
    ["2101", false],
    ["21000", false],
    ["x2026", false],
    ["2026x", false],
    ["202", false],
  ])("target year %s accepted: %s", (year, ok) => {
    if (ok) expect(targetsKeys(year).json).toBe(`config/targets/${year}.json`);
    else expect(refusal(() => targetsKeys(year)).field).toBe("year");
  });

  it.each([
    ["HZ-KJ-01", "2026.2", null],
    ["a", "2026.123", null],
    ["0.lib_x-y", "2026.1", null],
    [`A${"b".repeat(39)}`, "2026.2", null],
    [`A${"b".repeat(40)}`, "2026.2", "libraryId"],
    ["-HZ", "2026.2", "libraryId"],
    [".HZ", "2026.2", "libraryId"],
    ["_HZ", "2026.2", "libraryId"],
    ["HZ/01", "2026.2", "libraryId"],
    ["HZ 01", "2026.2", "libraryId"],
    ["", "2026.2", "libraryId"],
    ["HZ", "2026.1234", "libraryVersion"],
    ["HZ", "26.2", "libraryVersion"],
    ["HZ", "2026.", "libraryVersion"],
    ["HZ", "2026", "libraryVersion"],
    ["HZ", "x2026.2", "libraryVersion"],
    ["HZ", "2026.2x", "libraryVersion"],
  ] as const)("library %j version %j refused as %s", (id, version, field) => {
    if (field === null) expect(libraryVersionPrefix(id, version)).toBe(`config/libraries/${id}/${version}/`);
    else expect(refusal(() => libraryVersionPrefix(id, version)).field).toBe(field);
  });

  it.each([
    ["63 digits", HASH.slice(1)],
    ["65 digits", `${HASH}0`],
    ["upper case", HASH.toUpperCase()],
    ["a g", `${HASH.slice(1)}g`],
    ["a prefix", `x${HASH}`],
    ["a suffix", `${HASH}x`],
  ])("a code digest with %s is refused", (_why, digest) => {
    expect(refusal(() => signinCodeKey(digest)).field).toBe("codeDigest");
    expect(refusal(() => libraryKey("HZ", "2026.2", digest)).field).toBe("libraryHash");
  });

  it.each([0, -1, 1_000_000, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("log slot %s is refused", (slot) => {
    expect(refusal(() => logKey(P, U, slot))).toEqual({ field: "slot", message: "请求中的参数格式不正确（报告期、单位代码或版本号无效）。（slot: number）" });
  });

  it("names the refused input and shows it, escaped and cut at 60 characters", () => {
    expect(refusal(() => signinUnitKey("1234"))).toEqual({ field: "unitCode", message: '请求中的参数格式不正确（报告期、单位代码或版本号无效）。（unitCode: "1234"）' });
    expect(refusal(() => consolidationsPrefix(P, "x"))).toMatchObject({ field: "parentCode" });
    expect(refusal(() => reviewKey(P, U, "x"))).toMatchObject({ field: "reviewId" });
    expect(refusal(() => consolidationDraftKey(P, U, "x"))).toMatchObject({ field: "consolidationId" });
    expect(refusal(() => consolidationKey(P, U, V, "docx" as "json"))).toMatchObject({ field: "kind" });
    expect(refusal(() => versionKey(P, U, V, "xlsx ".trim().toUpperCase() as "xlsx"))).toMatchObject({ field: "kind" });
    const sixty = "a".repeat(60);
    expect(refusal(() => periodKey(sixty)).message).toBe(`请求中的参数格式不正确（报告期、单位代码或版本号无效）。（periodId: "${sixty}"）`);
    expect(refusal(() => periodKey(`${sixty}b`)).message).toBe(`请求中的参数格式不正确（报告期、单位代码或版本号无效）。（periodId: "${sixty}…"）`);
    expect(refusal(() => periodKey("a\u0000\n")).message).toBe('请求中的参数格式不正确（报告期、单位代码或版本号无效）。（periodId: "a\\u0000\\n"）');
    expect(refusal(() => periodKey(null as unknown as string)).message).toBe("请求中的参数格式不正确（报告期、单位代码或版本号无效）。（periodId: object）");
    expect(refusal(() => assertUnitCode(330101001001))).toMatchObject({ field: "unitCode" });
    expect(refusal(() => assertVersionId(undefined, "reviewId")).message).toBe("请求中的参数格式不正确（报告期、单位代码或版本号无效）。（reviewId: undefined）");
  });

  it.each([
    ["periodId", "x2025-Y"],
    ["periodId", "2025-Yx"],
    ["periodId", "2025-M1x"],
    ["unitCode", "x330101001001"],
    ["unitCode", "330101001001x"],
    ["versionId", `x${V}`],
    ["versionId", `${V}0`],
    ["versionId", "v20250314T08150212Z3-1a2b3c4d"],
    ["versionId", "v2025031T4081502123Z-1a2b3c4d"],
    ["versionId", "v20250314T081502123Z-1a2b3c4"],
    ["versionId", "v20250314T081502123Z1a2b3c4d"],
  ])("%s %j is refused (anchored patterns)", (field, bad) => {
    const build = { periodId: () => periodKey(bad), unitCode: () => unitPrefix(P, bad), versionId: () => versionKey(P, U, bad, "json") }[field]!;
    expect(refusal(build).field).toBe(field);
  });
});

describe("key parsers, exactly", () => {
  it("parses log keys, and nothing else, back into their parts", () => {
    expect(parseLogKey(logKey("2025-Q3", U, 7))).toEqual({ periodId: "2025-Q3", unitCode: U, slot: 7 });
    expect(parseLogKey(logKey(P, U, 1))).toEqual({ periodId: P, unitCode: U, slot: 1 });
    expect(parseLogKey(logKey(P, U, 999_999))).toEqual({ periodId: P, unitCode: U, slot: 999_999 });
    for (const key of [
      `periods/2025-Y/units/${U}/log/000000.json`,
      `periods/2025-Y/units/${U}/log/00001.json`,
      `periods/2025-Y/units/${U}/log/0000001.json`,
      `periods/2025-Y/units/${U}/log/000001.jsonx`,
      `periods/2025-Y/units/${U}/log/000001xjson`,
      `x/periods/2025-Y/units/${U}/log/000001.json`,
      `periods/2025-Y/units/${U}/reviews/000001.json`,
      versionKey(P, U, V, "json"),
    ]) {
      expect({ key, parsed: parseLogKey(key) }).toEqual({ key, parsed: null });
    }
  });

  it("parses every period form and refuses near misses", () => {
    for (const id of ["2025-Y", "2025-H1", "2025-H2", "2025-Q1", "2025-Q4", "2025-M01", "2025-M09", "2025-M10", "2025-M12"]) {
      expect(parsePeriodKey(`periods/${id}/period.json`)).toBe(id);
      expect(parsePeriodPrefix(`periods/${id}/`)).toBe(id);
      expect(parseVersionKey(`periods/${id}/units/${U}/${V}.json`)?.periodId).toBe(id);
    }
    for (const id of ["2025-H3", "2025-Q5", "2025-M00", "2025-M13", "2025-M1", "2025-y", "202-Y"]) {
      expect({ id, parsed: parsePeriodKey(`periods/${id}/period.json`) }).toEqual({ id, parsed: null });
      expect({ id, parsed: parsePeriodPrefix(`periods/${id}/`) }).toEqual({ id, parsed: null });
    }
    for (const key of ["periods/2025-Y/periodxjson", "periods/2025-Y/period.json.bak", "x/periods/2025-Y/period.json"]) {
      expect({ key, parsed: parsePeriodKey(key) }).toEqual({ key, parsed: null });
    }
  });

  it("parses version, review and consolidation keys only when whole", () => {
    for (const key of [
      `periods/2025-Y/units/${U}/${V}.docx`,
      `periods/2025-Y/units/${U}/${V}xjson`,
      `periods/2025-Y/units/${U}1/${V}.json`,
      `periods/2025-Y/units/${U}/${V}.json/`,
    ]) {
      expect({ key, parsed: parseVersionKey(key) }).toEqual({ key, parsed: null });
    }
    for (const key of [`x/${reviewKey(P, U, V)}`, `${reviewKey(P, U, V)}x`, `periods/2025-Y/units/${U}/reviews/${V}xjson`]) {
      expect({ key, parsed: parseReviewKey(key) }).toEqual({ key, parsed: null });
    }
    const C = "330100000000";
    expect(parseConsolidationKey(consolidationKey(P, C, V, "xlsx"))).toEqual({ periodId: P, parentCode: C, id: V, kind: "xlsx" });
    for (const key of [consolidationDraftKey(P, C, V), `x/${consolidationKey(P, C, V, "json")}`, `${consolidationKey(P, C, V, "json")}x`]) {
      expect({ key, parsed: parseConsolidationKey(key) }).toEqual({ key, parsed: null });
    }
  });
});

describe("version ids, exactly", () => {
  it("pad every field of the UTC time and the tail", () => {
    const gen = createVersionIdGenerator({ now: () => Date.UTC(999, 0, 2, 3, 4, 5, 6), random32: () => 0xa });
    expect(gen()).toBe("v09990102T030405006Z-0000000a");
  });

  it("take a fresh tail whenever the clock moves on, and read a negative 32-bit value as unsigned", () => {
    const times = [1000, 1000, 1001, 1001, 1003];
    const tails = [-1, 5, 0x10];
    let t = 0;
    let r = 0;
    const gen = createVersionIdGenerator({ now: () => Date.UTC(2025, 0, 1) + times[t++]!, random32: () => tails[r++]! });
    expect(Array.from({ length: 5 }, gen)).toEqual([
      "v20250101T000001000Z-ffffffff",
      "v20250101T000001001Z-00000005",
      "v20250101T000001001Z-00000006",
      "v20250101T000001001Z-00000007",
      "v20250101T000001003Z-00000010",
    ]);
  });

  it("after the overflow of the tail, keep the moved time until the clock passes it", () => {
    let now = Date.UTC(2025, 0, 1);
    const tails = [0xffffffff, 3, 9];
    let r = 0;
    const gen = createVersionIdGenerator({ now: () => now, random32: () => tails[r++]! });
    expect([gen(), gen(), gen()]).toEqual([
      "v20250101T000000000Z-ffffffff",
      "v20250101T000000001Z-00000003",
      "v20250101T000000001Z-00000004",
    ]);
    now += 1;
    expect(gen()).toBe("v20250101T000000001Z-00000005");
    now += 1;
    expect(gen()).toBe("v20250101T000000002Z-00000009");
  });

  it("give their time back, and refuse one that is no time", () => {
    expect(versionIdTime("v20241231T235959999Z-00000000").toISOString()).toBe("2024-12-31T23:59:59.999Z");
    expect(versionIdTime("v00010101T000000000Z-00000000").toISOString()).toBe("0001-01-01T00:00:00.000Z");
    for (const bad of ["v20251301T000000000Z-00000000", "v20250132T000000000Z-00000000", "v20250101T250000000Z-00000000", "v20250101T006000000Z-00000000"]) {
      expect({ bad, field: refusal(() => versionIdTime(bad)).field }).toEqual({ bad, field: "versionId" });
    }
    expect(refusal(() => versionIdTime("v1")).field).toBe("versionId");
  });
});

describe("raw key and prefix checks", () => {
  it.each([
    ["1024 characters", `${"a".repeat(200)}/`.repeat(5) + "b".repeat(19), true],
    ["1025 characters", `${"a".repeat(200)}/`.repeat(5) + "b".repeat(20), false],
    ["a segment of 200", "a".repeat(200), true],
    ["a segment of 201", "a".repeat(201), false],
    ["one character", "a", true],
    ["dots and dashes inside", "a.b_c-d/0.json", true],
    ["a segment ending in a space", "a /b", false],
    ["a leading slash", "/a", false],
    ["a trailing slash", "a/", false],
  ])("assertObjectKey: %s → %s", (_why, key, ok) => {
    if (ok) expect(assertObjectKey(key)).toBe(key);
    else expect(refusal(() => assertObjectKey(key)).field).toBe("key");
  });

  it("assertObjectKey refuses what is not a string", () => {
    for (const v of [undefined, null, 1, ["a"]]) expect(refusal(() => assertObjectKey(v)).field).toBe("key");
  });

  it.each([
    ["everything", "", true],
    ["a partial segment", "periods/2025-", true],
    ["a folder", "periods/2025-Y/", true],
    ["one partial segment", "per", true],
    ["1024 characters", `${"a".repeat(200)}/`.repeat(5) + "b".repeat(19), true],
    ["1025 characters", `${"a".repeat(200)}/`.repeat(5) + "b".repeat(20), false],
    ["a partial segment of 201", "a".repeat(201), false],
    ["a bad partial segment", "periods/.tm", false],
    ["a bad folder before a good one", "./periods/", false],
    ["a bad middle folder", "a/../b/", false],
    ["a space in the partial segment", "periods/a b", false],
  ])("assertListPrefix: %s → %s", (_why, prefix, ok) => {
    if (ok) expect(assertListPrefix(prefix)).toBe(prefix);
    else expect(refusal(() => assertListPrefix(prefix)).field).toBe("prefix");
  });

  it("assertListPrefix refuses what is not a string", () => {
    for (const v of [undefined, null, 0, {}]) expect(refusal(() => assertListPrefix(v)).field).toBe("prefix");
  });
});

describe("storage errors: exact codes, names and messages", () => {
  // Built inside the test (a table built when the file is collected would run without the mutant under test).
  it.each([
    ["not found", () => new StorageNotFound("k/a.json"), "STORAGE_NOT_FOUND", "StorageNotFound", "要读取的数据不存在（可能尚未上传或已被删除）。", "k/a.json"],
    ["conflict", () => new StorageConflict("k/b.json"), "STORAGE_CONFLICT", "StorageConflict", "数据已存在，不能重复写入。请刷新后重试。", "k/b.json"],
    [
      "unavailable",
      () => new StorageUnavailable("k/c.json", "ECONNRESET"),
      "STORAGE_UNAVAILABLE",
      "StorageUnavailable",
      "存储服务暂时不可用，数据未能读取或保存。请稍后重试；如持续出现，请联系市科技局。",
      "k/c.json",
    ],
    ["corrupt", () => new StorageCorrupt("k/d.json"), "STORAGE_CORRUPT", "StorageCorrupt", "存储中的数据已损坏，无法读取。请联系市科技局。", "k/d.json"],
  ] as const)("%s", (_what, make, code, name, message, key) => {
    const err = make();
    expect({ code: err.code, name: err.name, message: err.message, key: err.key }).toEqual({ code, name, message, key });
    expect(err).toBeInstanceOf(Error);
    expect("cause" in err).toBe(false);
  });

  it("keep the vendor's error as the cause, and the vendor code for logs", () => {
    const vendor = new Error("socket hang up");
    const err = new StorageUnavailable(undefined, "ECONNRESET", vendor);
    expect(err.cause).toBe(vendor);
    expect(err.vendorCode).toBe("ECONNRESET");
    expect(err.key).toBeUndefined();
    expect(new StorageNotFound("a", vendor).cause).toBe(vendor);
    expect(new StorageConflict("a", vendor).cause).toBe(vendor);
    expect(new StorageCorrupt("a", vendor).cause).toBe(vendor);
    expect(new StorageUnavailable("a", undefined).vendorCode).toBeUndefined();
    expect("cause" in new InvalidKeyInput("key", "x")).toBe(false);
  });
});
