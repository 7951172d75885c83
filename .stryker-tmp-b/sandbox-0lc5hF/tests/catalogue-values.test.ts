/**
 * The catalogue as a value (templates/catalogue.ts): its JSON shape for
 * `huizong catalog --json`, its lookups on a fresh value (not the memo of the
 * built-in one), library identity and the rule settings a library states.
 * Built inside each test, so a mutation run sees them.
 */
// @ts-nocheck

import { describe, expect, it } from "vitest";
import { BUILTIN, WARNING_RULES, catalogueJson, indexOf, indicatorIn, ruleSettingsOf, sameLibrary, type Catalogue } from "../templates/catalogue";

/** A copy of the built-in library that no memo has seen. */
const fresh = (over: Partial<Catalogue> = {}): Catalogue => ({ ...BUILTIN, indicators: [...BUILTIN.indicators], groups: [...BUILTIN.groups], ...over });

describe("catalogueJson", () => {
  it("writes each indicator's fields, nulls and empty lists where it has none", () => {
    const j = catalogueJson(fresh());
    expect([j.id, j.version, j.title]).toEqual(["HZ-KJ-01", "2026.2", "科技工作情况统计报表"]);
    expect(j.groups.A).toEqual({ name: "科技投入", nameEn: "Investment" });
    expect(j.indicators).toHaveLength(50);
    expect(j.indicators[0]).toEqual({
      code: "A01", name: "财政科技拨款", nameEn: "Fiscal S&T appropriation", unit: "万元", kind: "amount", group: "A", aggregate: "sum",
      components: [], partOf: "A02", numerator: null, denominator: null, headline: true,
    });
    expect(j.indicators[2]).toEqual({
      code: "A03", name: "财政科技拨款占财政支出比重", nameEn: "S&T share of fiscal expenditure", unit: "%", kind: "ratio", group: "A", aggregate: "ratio",
      components: [], partOf: null, numerator: "A01", denominator: "A02", headline: false,
    });
    expect(j.narrative).toEqual([
      { key: "achievements", title: "一、主要工作及成效" },
      { key: "problems", title: "二、存在问题" },
      { key: "plans", title: "三、下步工作打算" },
    ]);
  });

  it("a total's components and a group without an English name", () => {
    const withParts = BUILTIN.indicators.find((i) => i.components?.length)!;
    const j = catalogueJson(fresh({ groups: [{ code: "A", name: "投入" }] }));
    expect(j.groups).toEqual({ A: { name: "投入", nameEn: "" } });
    expect(j.indicators.find((i) => i.code === withParts.code)!.components).toEqual([...withParts.components!]);
    expect(catalogueJson().id).toBe("HZ-KJ-01");
  });
});

describe("indexOf and indicatorIn", () => {
  it("splits typed indicators from ratios and finds by code and group, on a fresh value", () => {
    const cat = fresh();
    const ix = indexOf(cat);
    expect(ix.inputs).toHaveLength(47);
    expect(ix.ratios.map((r) => r.code)).toEqual(["A03", "A09", "C10"]);
    expect(ix.byCode.get("D01")!.name).toBe(BUILTIN.indicators.find((i) => i.code === "D01")!.name);
    expect(ix.groupOf.get("A")).toEqual({ code: "A", name: "科技投入", nameEn: "Investment" });
    expect(indexOf(cat)).toBe(ix);
    expect(indicatorIn(cat, "A03")!.kind).toBe("ratio");
    expect(indicatorIn(cat, "Z99")).toBeUndefined();
  });
});

describe("sameLibrary", () => {
  it.each([
    [{ id: "HZ-KJ-01", version: "2026.2" }, { id: "HZ-KJ-01", version: "2026.2" }, true],
    [{ id: "HZ-KJ-01", version: "2026.2" }, { id: "HZ-KJ-01", version: "2026.1" }, false],
    [{ id: "HZ-KJ-01", version: "2026.2" }, { id: "HZ-QT-01", version: "2026.2" }, false],
  ])("%j and %j → %s", (a, b, same) => {
    expect(sameLibrary(a, b)).toBe(same);
  });
});

describe("ruleSettingsOf", () => {
  it("takes the library's band and factors, and needs a note for exactly the warnings it lists", () => {
    const s = ruleSettingsOf(fresh({ rules: { growthMin: -0.3, growthMax: 1.5, unitSlipFactor: 500, peerSlipFactor: 50, explain: ["UNIT_SLIP", "UNIT_SLIP_PEERS"] } }));
    expect(s).toEqual({
      growthBand: { min: -0.3, max: 1.5 },
      unitSlipFactor: 500,
      peerSlipFactor: 50,
      needsNote: {
        PRIOR_MISSING: false,
        GROWTH_IMPLAUSIBLE: false,
        UNIT_SLIP: true,
        VALUE_IMPLAUSIBLE: false,
        RATIO_IMPLAUSIBLE: false,
        UNIT_SLIP_PEERS: true,
        UNIT_SLIP_LAST_YEAR: false,
      },
    });
  });

  it("the built-in library states the rules' defaults and explains every warning", () => {
    expect(ruleSettingsOf(BUILTIN)).toEqual({
      growthBand: { min: -0.5, max: 2 },
      unitSlipFactor: 1000,
      peerSlipFactor: 100,
      needsNote: Object.fromEntries(WARNING_RULES.map((r) => [r, true])),
    });
    expect(WARNING_RULES).toEqual(["PRIOR_MISSING", "GROWTH_IMPLAUSIBLE", "UNIT_SLIP", "VALUE_IMPLAUSIBLE", "RATIO_IMPLAUSIBLE", "UNIT_SLIP_PEERS", "UNIT_SLIP_LAST_YEAR"]);
  });
});
