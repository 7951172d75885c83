/**
 * The merge with a target table: each unit's 全年目标 is the one assigned to it
 * (a typed one that differs is carried as TARGET_DIFFERS), and the
 * consolidating unit's own target is its row of the table — the city's target
 * from above, not the sum of its towns'. Called by templates/merge/merge.ts.
 */
// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import type { MergeInput, Total } from "../merge/merge";
import { completionOf } from "../merge/growth";
import type { IndicatorValues, ReportRecord } from "../record";
import { BUILTIN, type Catalogue } from "../catalogue";
import { targetFindings } from "./check";
import { assignedTo, targetRowOf, type TargetTable } from "./table";

/** The input with the unit's assigned targets in place of typed ones (the input itself is not changed). */
export function withAssignedTargets(input: MergeInput, table: TargetTable, cat: Catalogue = BUILTIN): MergeInput {
  if (stryMutAct_9fa48("102")) {
    {}
  } else {
    stryCov_9fa48("102");
    const assigned = assignedTo(table, input.record.unit.code);
    const codes = Object.keys(assigned);
    if (stryMutAct_9fa48("105") ? codes.length !== 0 : stryMutAct_9fa48("104") ? false : stryMutAct_9fa48("103") ? true : (stryCov_9fa48("103", "104", "105"), codes.length === 0)) return input;
    const r = input.record;
    const values: Record<string, IndicatorValues> = stryMutAct_9fa48("106") ? {} : (stryCov_9fa48("106"), {
      ...r.values
    });
    for (const code of codes) values[code] = stryMutAct_9fa48("107") ? {} : (stryCov_9fa48("107"), {
      ...(stryMutAct_9fa48("108") ? values[code] && {
        current: null,
        prior: null,
        target: null
      } : (stryCov_9fa48("108"), values[code] ?? (stryMutAct_9fa48("109") ? {} : (stryCov_9fa48("109"), {
        current: null,
        prior: null,
        target: null
      })))),
      target: assigned[code]!
    });
    const seen = new Set(r.warnings.map(stryMutAct_9fa48("110") ? () => undefined : (stryCov_9fa48("110"), w => stryMutAct_9fa48("111") ? `` : (stryCov_9fa48("111"), `${w.rule}@${w.cell}`))));
    const differs = stryMutAct_9fa48("112") ? targetFindings(r, assigned, cat) : (stryCov_9fa48("112"), targetFindings(r, assigned, cat).filter(stryMutAct_9fa48("113") ? () => undefined : (stryCov_9fa48("113"), f => stryMutAct_9fa48("114") ? seen.has(`${f.rule}@${f.cell}`) : (stryCov_9fa48("114"), !seen.has(stryMutAct_9fa48("115") ? `` : (stryCov_9fa48("115"), `${f.rule}@${f.cell}`))))));
    const record: ReportRecord = stryMutAct_9fa48("116") ? {} : (stryCov_9fa48("116"), {
      ...r,
      values,
      warnings: stryMutAct_9fa48("117") ? [] : (stryCov_9fa48("117"), [...r.warnings, ...differs])
    });
    return stryMutAct_9fa48("118") ? {} : (stryCov_9fa48("118"), {
      ...input,
      record
    });
  }
}

/**
 * The consolidating unit's own row: the table row of its code, else the table's own
 * (first) row when that row has no code and the consolidation is the city's.
 */
export function ownTargets(table: TargetTable, unit: {
  code: string;
  type: string;
}): Record<string, number> {
  if (stryMutAct_9fa48("119")) {
    {}
  } else {
    stryCov_9fa48("119");
    const row = stryMutAct_9fa48("120") ? targetRowOf(table, unit.code) && (table.own.code === "" && unit.type === "市" ? table.own : undefined) : (stryCov_9fa48("120"), targetRowOf(table, unit.code) ?? ((stryMutAct_9fa48("123") ? table.own.code === "" || unit.type === "市" : stryMutAct_9fa48("122") ? false : stryMutAct_9fa48("121") ? true : (stryCov_9fa48("121", "122", "123"), (stryMutAct_9fa48("125") ? table.own.code !== "" : stryMutAct_9fa48("124") ? true : (stryCov_9fa48("124", "125"), table.own.code === (stryMutAct_9fa48("126") ? "Stryker was here!" : (stryCov_9fa48("126"), "")))) && (stryMutAct_9fa48("128") ? unit.type !== "市" : stryMutAct_9fa48("127") ? true : (stryCov_9fa48("127", "128"), unit.type === (stryMutAct_9fa48("129") ? "" : (stryCov_9fa48("129"), "市")))))) ? table.own : undefined));
    return stryMutAct_9fa48("130") ? row?.values && {} : (stryCov_9fa48("130"), (stryMutAct_9fa48("131") ? row.values : (stryCov_9fa48("131"), row?.values)) ?? {});
  }
}

/** Put the consolidating unit's own targets into its totals (and 完成率); returns the codes replaced. */
export function applyOwnTargets(totals: Record<string, Total>, own: Readonly<Record<string, number>>): string[] {
  if (stryMutAct_9fa48("132")) {
    {}
  } else {
    stryCov_9fa48("132");
    const done: string[] = stryMutAct_9fa48("133") ? ["Stryker was here"] : (stryCov_9fa48("133"), []);
    for (const [code, v] of Object.entries(own)) {
      if (stryMutAct_9fa48("134")) {
        {}
      } else {
        stryCov_9fa48("134");
        const t = totals[code];
        if (stryMutAct_9fa48("137") ? false : stryMutAct_9fa48("136") ? true : stryMutAct_9fa48("135") ? t : (stryCov_9fa48("135", "136", "137"), !t)) continue;
        t.target = v;
        t.completion = completionOf(t.current, v);
        t.assigned = stryMutAct_9fa48("138") ? false : (stryCov_9fa48("138"), true);
        done.push(code);
      }
    }
    return done;
  }
}