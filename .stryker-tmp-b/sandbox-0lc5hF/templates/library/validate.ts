/**
 * Cross-reference checks of a library: codes unique, every part (分项, 其中,
 * 不超过, 分子, 分母) an indicator of the library, no cycles, ratios complete,
 * units that add up, groups known and contiguous — and, against the previous
 * version, no code that changed its meaning. Pure; problems are data.
 */
// @ts-nocheck

import type { Catalogue, Indicator } from "../catalogue";
import { LIBRARY_SHEETS, type LibraryColumn } from "./format";
import { problem, type LibraryProblem, type LibraryProblemCode } from "./problems";

/** Where an indicator's field is (sheet and cell), by the indicator's index in the library. */
export type Locate = (index: number, column: LibraryColumn) => { sheet: string; cell: string };
/** Where a group's code is, by the group's index. */
export type LocateGroup = (index: number) => { sheet: string; cell: string };

/** Compare "2026.2" with "2027.1". */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const KIND_NAMES = { count: "数量", amount: "金额", ratio: "比重" } as const;

/** Every cross-reference problem of a catalogue (empty when it is sound). */
export function crossCheck(cat: Catalogue, at: Locate, groupAt: LocateGroup, previous?: Catalogue, infoAt?: (key: "id" | "version") => { sheet: string; cell: string }): LibraryProblem[] {
  const out: LibraryProblem[] = [];
  const push = (code: LibraryProblemCode, where: { sheet: string; cell: string }, message: string) => out.push(problem(code, where.sheet, where.cell, message));
  const first = new Map<string, number>();
  cat.indicators.forEach((ind, i) => {
    const seen = first.get(ind.code);
    if (seen !== undefined) push("LIB_DUPLICATE_CODE", at(i, "code"), `代码“${ind.code}”与${at(seen, "code").cell}重复。每个指标的代码必须唯一；新增的指标请用一个新代码。`);
    else first.set(ind.code, i);
  });
  const byCode = new Map<string, Indicator>();
  for (const ind of cat.indicators) if (!byCode.has(ind.code)) byCode.set(ind.code, ind);

  const groupFirst = new Map<string, number>();
  cat.groups.forEach((g, i) => {
    if (groupFirst.has(g.code)) push("LIB_DUPLICATE_GROUP", groupAt(i), `分组代码“${g.code}”重复，请改用不同的代码。`);
    else groupFirst.set(g.code, i);
  });
  const closed = new Set<string>();
  let current: string | null = null;
  cat.indicators.forEach((ind, i) => {
    if (!ind.group) push("LIB_UNKNOWN_GROUP", at(i, "group"), `“${ind.name || ind.code}”没有分组，请填写“${LIBRARY_SHEETS.groups}”工作表中的分组代码。`);
    else if (!groupFirst.has(ind.group)) {
      push("LIB_UNKNOWN_GROUP", at(i, "group"), `分组“${ind.group}”不在“${LIBRARY_SHEETS.groups}”工作表中。请填写已有的分组代码（${cat.groups.map((g) => g.code).join("、")}），或先在“${LIBRARY_SHEETS.groups}”中添加该分组。`);
    }
    if (ind.group !== current) {
      if (current !== null) closed.add(current);
      if (closed.has(ind.group)) push("LIB_GROUP_SPLIT", at(i, "group"), `分组“${ind.group}”的指标不连续：同一分组的指标在表中必须排在一起。请把这一行移到该分组的其他指标旁边。`);
      current = ind.group;
    }
  });

  const ref = (i: number, column: LibraryColumn, code: string, what: string): Indicator | undefined => {
    const ind = cat.indicators[i]!;
    if (code === ind.code) {
      push("LIB_SELF_REFERENCE", at(i, column), `“${ind.name}”的${what}不能是它自己（${code}）。`);
      return undefined;
    }
    const target = byCode.get(code);
    if (!target) push("LIB_UNKNOWN_PART", at(i, column), `“${ind.name}”的${what}“${code}”不是本指标库中的指标代码。请填写已有指标的代码，或先添加该指标。`);
    return target;
  };
  cat.indicators.forEach((ind, i) => {
    if (ind.components?.length) {
      if (ind.kind === "ratio") push("LIB_NOT_A_RATIO", at(i, "components"), `“${ind.name}”是比重，不能有分项；比重由分子、分母自动计算。`);
      for (const c of ind.components) {
        const part = ref(i, "components", c, "分项");
        if (!part) continue;
        if (part.kind === "ratio") push("LIB_RATIO_PART_KIND", at(i, "components"), `“${ind.name}”的分项“${part.name}”（${part.code}）是比重，比重不能相加。`);
        else if (part.unit !== ind.unit) push("LIB_UNIT_MISMATCH", at(i, "components"), `“${ind.name}”（${ind.unit}）等于各分项之和，但分项“${part.name}”（${part.code}）的计量单位是“${part.unit}”。单位不同的数不能相加，请统一计量单位。`);
      }
    }
    const ofWhich = ind.ofWhich ? ind.partOf : undefined;
    const atMost = ind.ofWhich ? undefined : ind.partOf;
    for (const [column, code, what] of [["ofWhich", ofWhich, "其中属于"], ["atMost", atMost, "不超过"]] as const) {
      if (!code) continue;
      const total = ref(i, column, code, `“${what}”`);
      if (!total) continue;
      if (total.kind === "ratio" || ind.kind === "ratio") push("LIB_RATIO_PART_KIND", at(i, column), `比重不能作为合计，也不能属于合计（“${ind.name}”${what}“${total.name}”）。`);
      else if (total.unit !== ind.unit) push("LIB_UNIT_MISMATCH", at(i, column), `“${ind.name}”（${ind.unit}）${what}“${total.name}”（${total.code}，${total.unit}），计量单位不同，无法比较大小。请统一计量单位。`);
    }
    if (ind.kind === "ratio") {
      for (const [column, code, what] of [["numerator", ind.numerator, "分子"], ["denominator", ind.denominator, "分母"]] as const) {
        if (!code) {
          push("LIB_RATIO_INCOMPLETE", at(i, column), `比重“${ind.name}”没有填${what}。比重＝分子÷分母，请在“${what}”列填写指标代码。`);
          continue;
        }
        const part = ref(i, column, code, what);
        if (part?.kind === "ratio") push("LIB_RATIO_PART_KIND", at(i, column), `比重“${ind.name}”的${what}“${part.name}”（${part.code}）本身是比重，请改用数量或金额指标。`);
      }
      const n = ind.numerator ? byCode.get(ind.numerator) : undefined;
      const d = ind.denominator ? byCode.get(ind.denominator) : undefined;
      if (n && d && n.kind !== "ratio" && d.kind !== "ratio" && n.unit !== d.unit) {
        push("LIB_UNIT_MISMATCH", at(i, "denominator"), `比重“${ind.name}”的分子“${n.name}”单位是“${n.unit}”，分母“${d.name}”单位是“${d.unit}”，相除结果不是比重。请选用单位相同的分子和分母。`);
      }
    } else if (ind.numerator || ind.denominator) {
      push("LIB_NOT_A_RATIO", at(i, ind.numerator ? "numerator" : "denominator"), `“${ind.name}”的类型是“${KIND_NAMES[ind.kind]}”，不能填分子、分母。如是比重，请把类型改为“比重”。`);
    }
  });

  // Cycles: in the 分项 graph (A = B + …, B = A + …) and in the bound graph (A ≤ B ≤ A).
  const index = new Map(cat.indicators.map((ind, i) => [ind.code, i] as const));
  const graphs: [LibraryColumn, (ind: Indicator) => readonly string[], string][] = [
    ["components", (ind) => ind.components ?? [], "分项"],
    ["atMost", (ind) => (ind.partOf ? [ind.partOf] : []), "其中/不超过"],
  ];
  for (const [column, edges, what] of graphs) {
    const state = new Map<string, 1 | 2>();
    const reported = new Set<string>();
    const visit = (code: string, path: string[]): void => {
      state.set(code, 1);
      const ind = byCode.get(code)!;
      for (const next of edges(ind)) {
        if (!byCode.has(next) || next === code) continue;
        if (state.get(next) === 1) {
          const cycle = [...path.slice(path.indexOf(next)), next];
          const key = [...new Set(cycle)].sort().join(",");
          if (!reported.has(key)) {
            reported.add(key);
            const startAt = Math.min(...cycle.map((c) => index.get(c)!));
            const ind0 = cat.indicators[startAt]!;
            const col = column === "atMost" && ind0.ofWhich ? "ofWhich" : column;
            push("LIB_CYCLE", at(startAt, col), `${what}循环引用：${cycle.join(" → ")}。一个指标不能（间接地）由它自己组成或受它自己约束，请去掉其中一个引用。`);
          }
        } else if (!state.has(next)) visit(next, [...path, next]);
      }
      state.set(code, 2);
    };
    for (const ind of cat.indicators) if (!state.has(ind.code)) visit(ind.code, [ind.code]);
  }

  if (previous) {
    if (previous.id !== cat.id && infoAt) {
      push("LIB_ID_CHANGED", infoAt("id"), `指标库标识“${cat.id}”与上一版的“${previous.id}”不同。新一年的版本请保留标识“${previous.id}”，只改版本号。`);
    } else if (compareVersions(cat.version, previous.version) <= 0 && infoAt) {
      push("LIB_VERSION_NOT_NEWER", infoAt("version"), `版本“${cat.version}”不比上一版“${previous.version}”新。新一版请把版本号改大，如“${Number(previous.version.slice(0, 4)) + 1}.1”。`);
    }
    const before = new Map(previous.indicators.map((i) => [i.code, i]));
    cat.indicators.forEach((ind, i) => {
      const old = before.get(ind.code);
      if (!old) return;
      const changes: [LibraryColumn, string][] = [];
      if (old.name !== ind.name) changes.push(["name", `名称由“${old.name}”改为“${ind.name}”`]);
      if (old.unit !== ind.unit) changes.push(["unit", `计量单位由“${old.unit}”改为“${ind.unit}”`]);
      if (old.kind !== ind.kind) changes.push(["kind", `类型由“${KIND_NAMES[old.kind]}”改为“${KIND_NAMES[ind.kind]}”`]);
      for (const [column, what] of changes) {
        push("LIB_MEANING_CHANGED", at(i, column), `代码“${ind.code}”在上一版（${previous.version}）中是“${old.name}”（${old.unit}），本版${what}。代码不能改变含义，否则各年数据无法对比：新的指标请用新代码，原代码的行改回原样或删除。`);
      }
    });
  }
  return out;
}
