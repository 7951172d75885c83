/**
 * 一、主要指标完成情况 and the other figure sentences of the draft (the lead's
 * reporting base, leading units, targets still to reach), from the
 * consolidation model only. Every figure a sentence states is kept with the
 * city-workbook cell it comes from, so the document can cite it.
 */
// @ts-nocheck

import { isOfWhich, type Indicator } from "../catalog";
import { BUILTIN, indicatorIn, type Catalogue } from "../catalogue";
import type { Consolidation, Total } from "../merge/merge";
import type { Period } from "../period";
import { BASE_CELL, detailCell, summaryCell, summaryCell as cellAt, type SummaryColumn } from "./cells";
import { formatFigure, formatPercent, formatPoints, percentShown, roundTo } from "./format";
import {
  BASE_PATTERNS,
  CN_NUMERALS,
  CONTEXT_ONLY,
  LEADER_COUNT,
  LEADER_INDICATORS,
  LEADER_MIN_UNITS,
  LEADERS_PATTERN,
  OF_WHICH,
  SCHEDULE_PATTERNS,
  SENTENCE_PATTERNS,
  TARGET_PATTERNS,
  TEXT_NAMES,
  fillPattern,
  subjectOf,
  type GrowthCase,
} from "./phrasing";

/** A number the text states, with where it comes from. */
export interface Figure {
  /** What it is, as the note names it ("专利申请", "同比增长"). */
  label: string;
  /** Exactly as the text writes it ("1050件", "12.5%"). */
  text: string;
  /** The city-workbook cell(s): "汇总!E30". */
  ref: string;
}

export interface Sentence {
  /** The sentence, ending in "。". */
  text: string;
  figures: Figure[];
  /** Indicator code of a figure sentence. */
  code?: string;
  /** The 同比 / 百分点 case said. */
  growthCase?: GrowthCase;
}

type Slot = string | Figure;

/** Fill a pattern whose placeholders may be figures; figures are collected in order of appearance. */
export function phrase(pattern: string, values: Record<string, Slot>): { text: string; figures: Figure[] } {
  const figures: Figure[] = [];
  const text = pattern.replace(/\{(\w+)\}/g, (m, key: string) => {
    const v = values[key];
    if (v === undefined) return m;
    if (typeof v === "string") return v;
    figures.push(v);
    return v.text;
  });
  return { text, figures };
}

/** Join clauses into one sentence ("，" between, "。" at the end). */
function sentence(clauses: readonly { text: string; figures: Figure[] }[], extra: Partial<Sentence> = {}): Sentence {
  const kept = clauses.filter((c) => c.text !== "");
  return { text: `${kept.map((c) => c.text).join("，")}。`, figures: kept.flatMap((c) => c.figures), ...extra };
}

export const nameOf = (ind: Indicator) => TEXT_NAMES[ind.code] ?? ind.name;

/** The 同比 case of a summed figure, as the reader will see it (a growth that rounds to 0.0% is 持平). */
export function growthCaseOf(current: number | null, prior: number | null): GrowthCase {
  if (current === null || prior === null) return "unknown";
  if (prior === 0) return current > 0 ? "new" : "flat";
  const shown = percentShown((current - prior) / prior);
  return shown > 0 ? "growth" : shown < 0 ? "decline" : "flat";
}

/** The case of a ratio's change in percentage points. */
export function pointsCaseOf(current: number | null, prior: number | null): GrowthCase {
  if (current === null || prior === null) return "unknown";
  const pts = roundTo((current - prior) * 100, 1);
  return pts > 0 ? "growth" : pts < 0 ? "decline" : "flat";
}

/** Share of the year a cumulative period covers (序时进度), or null for a period that has none. */
export function scheduleOf(period: Period): { months: number; share: number } | null {
  const months = /^M(\d{2})$/.exec(period.span)?.[1];
  const n = months ? Number(months) : period.span === "H1" ? 6 : period.span === "Q1" ? 3 : null;
  return n === null ? null : { months: n, share: n / 12 };
}

/** The sentence of one summed indicator: level, 其中 items, 同比, completion (and 序时进度). */
export function sumSentence(ind: Indicator, totals: Record<string, Total>, subject: string, period: Period, cat: Catalogue = BUILTIN): Sentence | null {
  const INDICATORS = cat.indicators;
  const summaryCell = (code: string, col: SummaryColumn) => cellAt(code, col, cat);
  const t = totals[ind.code];
  if (!t || t.current === null) return null;
  const p = SENTENCE_PATTERNS[ind.kind];
  const name = nameOf(ind);
  const clauses = [phrase(p.level, { subject, name, value: { label: name, text: formatFigure(t.current, ind), ref: summaryCell(ind.code, "current") } })];

  const parts = INDICATORS.filter((i) => isOfWhich(i) && i.partOf === ind.code && totals[i.code]?.current !== null && totals[i.code]?.current !== undefined);
  if (parts.length) {
    const items = parts.map((i) => phrase(OF_WHICH.item, { name: nameOf(i), value: { label: `其中${nameOf(i)}`, text: formatFigure(totals[i.code]!.current!, i), ref: summaryCell(i.code, "current") } }));
    clauses.push({ text: OF_WHICH.lead + items.map((x) => x.text).join(OF_WHICH.joiner), figures: items.flatMap((x) => x.figures) });
  }

  const gc = growthCaseOf(t.current, t.prior);
  const g = p.cases[gc];
  if (g) {
    const pct =
      gc === "growth" || gc === "decline"
        ? { label: gc === "growth" ? "同比增长" : "同比下降", text: formatPercent(Math.abs((t.current - t.prior!) / t.prior!)), ref: summaryCell(ind.code, "growth") }
        : undefined;
    const c = phrase(g, pct ? { pct } : {});
    // 持平 and 新增 state no number but rest on the cells that show them.
    if (!pct) c.figures.push(gc === "flat" && t.prior !== 0 ? { label: "同比", text: "0%", ref: summaryCell(ind.code, "growth") } : { label: "上年同期", text: formatFigure(t.prior ?? 0, ind), ref: summaryCell(ind.code, "prior") });
    clauses.push(c);
  }

  if (p.completion && t.target !== null && t.target > 0) {
    const done = t.current / t.target;
    clauses.push(
      phrase(p.completion, {
        target: { label: "全年目标", text: formatFigure(t.target, ind), ref: summaryCell(ind.code, "target") },
        pct: { label: "完成率", text: formatPercent(done), ref: summaryCell(ind.code, "completion") },
      }),
    );
    const sched = scheduleOf(period);
    if (sched) {
      const diff = roundTo(percentShown(done) - percentShown(sched.share), 1);
      const key = diff > 0 ? "ahead" : diff < 0 ? "behind" : "on";
      const ref = `${summaryCell(ind.code, "completion")}与序时进度${formatPercent(sched.share)}（${sched.months}/12）之差`;
      const c = phrase(SCHEDULE_PATTERNS[key], { points: { label: key === "on" ? "与序时进度之差" : key === "ahead" ? "超过序时进度" : "落后序时进度", text: formatPoints(diff), ref } });
      if (key === "on") c.figures.push({ label: "与序时进度之差", text: "0个百分点", ref });
      clauses.push(c);
    }
  }
  return sentence(clauses, { code: ind.code, growthCase: gc });
}

/** The sentence of a ratio: level in %, change in 个百分点 (nothing claimed without last year's ratio). */
export function ratioSentence(ind: Indicator, totals: Record<string, Total>, subject: string, cat: Catalogue = BUILTIN): Sentence | null {
  const summaryCell = (code: string, col: SummaryColumn) => cellAt(code, col, cat);
  const t = totals[ind.code];
  if (!t || t.current === null) return null;
  const p = SENTENCE_PATTERNS.ratio;
  const name = nameOf(ind);
  const clauses = [phrase(p.level, { subject, name, pct: { label: name, text: formatPercent(t.current), ref: summaryCell(ind.code, "current") } })];
  const gc = pointsCaseOf(t.current, t.prior);
  const g = p.cases[gc];
  if (g) {
    const pts = (t.current - t.prior!) * 100;
    const c = phrase(g, { points: { label: gc === "growth" ? "比上年增长" : gc === "decline" ? "比上年下降" : "比上年增减", text: formatPoints(pts), ref: summaryCell(ind.code, "delta") } });
    if (gc === "flat") c.figures.push({ label: "比上年增减", text: "0个百分点", ref: summaryCell(ind.code, "delta") });
    clauses.push(c);
  }
  return sentence(clauses, { code: ind.code, growthCase: gc });
}

/** "专利申请量居前三位的是青阳镇（120件）、白塔镇（98件）和南山镇（77件）。" */
export function leadersSentence(code: string, label: string, c: Consolidation): Sentence | null {
  const ind = indicatorIn(c.catalogue, code);
  if (!ind) return null;
  const withValue = c.units
    .map((u, i) => ({ u, i, v: u.report?.record.values[code]?.current ?? null }))
    .filter((x): x is { u: (typeof c.units)[number]; i: number; v: number } => typeof x.v === "number" && Number.isFinite(x.v));
  if (withValue.length < LEADER_MIN_UNITS) return null;
  const top = withValue.sort((a, b) => b.v - a.v || a.i - b.i).slice(0, LEADER_COUNT).filter((x) => x.v > 0);
  if (top.length < LEADER_COUNT) return null;
  const items = top.map((x) => phrase(LEADERS_PATTERN.item, { unit: x.u.name, value: { label: x.u.name, text: formatFigure(x.v, ind), ref: detailCell(code, x.i, c.catalogue) } }));
  const texts = items.map((x) => x.text);
  const list = texts.length > 1 ? `${texts.slice(0, -1).join(LEADERS_PATTERN.joiner)}${LEADERS_PATTERN.last}${texts[texts.length - 1]}` : texts.join("");
  return { text: `${fillPattern(LEADERS_PATTERN.sentence, { label, count: CN_NUMERALS[LEADER_COUNT] ?? String(LEADER_COUNT), list })}。`, figures: items.flatMap((x) => x.figures), code };
}

export interface FigureGroup {
  code: string;
  title: string;
  sentences: Sentence[];
}

/** 一、主要指标完成情况: a paragraph per catalogue group. */
export function figureGroups(c: Consolidation): FigureGroup[] {
  const subject = subjectOf(c.unit);
  const out: FigureGroup[] = [];
  for (const { code, ...g } of c.catalogue.groups) {
    const sentences: Sentence[] = [];
    for (const ind of c.catalogue.indicators) {
      if (ind.group !== code || isOfWhich(ind) || CONTEXT_ONLY.includes(ind.code)) continue;
      const s = ind.kind === "ratio" ? ratioSentence(ind, c.totals, subject, c.catalogue) : sumSentence(ind, c.totals, subject, c.period, c.catalogue);
      if (s) sentences.push(s);
    }
    for (const l of LEADER_INDICATORS) {
      if (indicatorIn(c.catalogue, l.code)?.group !== code) continue;
      const s = leadersSentence(l.code, l.label, c);
      if (s) sentences.push(s);
    }
    out.push({ code, title: g.name, sentences });
  }
  return out;
}

/** The lead's reporting base: "全市应报6个单位，已报5个；西溪街道未报送，以下数据未含该单位。" */
export function baseSentence(c: Consolidation): Sentence {
  const subject = subjectOf(c.unit);
  const missing = c.units.filter((u) => u.status === "missing").map((u) => u.name);
  const unlisted = c.units.filter((u) => u.unlisted).map((u) => u.name);
  const submitted = { label: "已报", text: `${c.counts.submitted}`, ref: BASE_CELL };
  if (c.counts.submitted === 0) return { text: `${BASE_PATTERNS.none}。`, figures: [] };
  let main;
  if (c.counts.expected !== null) {
    main = phrase(BASE_PATTERNS.expected, { subject, expected: { label: "应报", text: `${c.counts.expected}`, ref: BASE_CELL }, submitted });
    main.text += missing.length ? fillPattern(BASE_PATTERNS.missing, { names: missing.join("、"), which: missing.length === 1 ? BASE_PATTERNS.whichOne : BASE_PATTERNS.whichMany }) : BASE_PATTERNS.allIn;
  } else main = phrase(BASE_PATTERNS.noRoster, { submitted });
  if (unlisted.length) main.text += fillPattern(BASE_PATTERNS.unlisted, { names: unlisted.join("、") });
  return { text: `${main.text}。`, figures: main.figures };
}

/** 下步工作打算, before the year's end: the headline targets not yet reached, a sentence per group (seed 003's wording). */
export function targetSentences(c: Consolidation): Sentence[] {
  if (c.period.span === "Y") return [];
  const out: Sentence[] = [];
  for (const { code } of c.catalogue.groups) {
    const open = c.catalogue.indicators.filter((i) => i.group === code && i.headline && i.kind !== "ratio").filter((i) => {
      const t = c.totals[i.code];
      return t && t.target !== null && t.target > 0 && t.current !== null && t.current < t.target;
    });
    if (!open.length) continue;
    const fig = (i: Indicator) => ({ label: `${nameOf(i)}全年目标`, text: formatFigure(c.totals[i.code]!.target!, i), ref: summaryCell(i.code, "target", c.catalogue) });
    const first = phrase(TARGET_PATTERNS.first, { name: nameOf(open[0]!), target: fig(open[0]!) });
    const clauses = [first];
    if (open.length > 1) {
      const rest = open.slice(1).map((i) => phrase("{name}{target}", { name: nameOf(i), target: fig(i) }));
      clauses.push({ text: fillPattern(TARGET_PATTERNS.rest, { list: rest.map((r) => r.text).join(TARGET_PATTERNS.joiner) }), figures: rest.flatMap((r) => r.figures) });
    }
    if (!out.length) clauses[0] = { text: TARGET_PATTERNS.lead + first.text, figures: first.figures };
    out.push(sentence(clauses, { code: open[0]!.code }));
  }
  return out;
}
