/**
 * 二、主要工作及成效 / 三、存在问题 / 四、下步工作打算, from the towns' own texts:
 * each text is cut into points, each point goes to a theme (themes.ts), points
 * that say the same thing are merged (character-bigram Dice similarity, no
 * network, no language model) and attributed to every town that raised them,
 * and points are ordered by how many towns raised them.
 *
 * Points are merged only when they state the same figures: two towns' boilerplate
 * with different numbers stays two points, so no town is credited with another's figure.
 */
import { INDICATORS, NARRATIVE_SECTIONS, type NarrativeKey } from "../catalog";
import type { Consolidation } from "../merge/merge";
import { narrativeCells } from "./cells";
import { OTHER_THEME, THEMES, type Theme } from "./themes";

/** Two points with at least this Dice similarity of their character bigrams (figures masked) say the same. */
export const SIMILARITY_THRESHOLD = 0.6;
/** Shorter fragments are not points (a stray "无" or "同上"). */
export const MIN_POINT_LENGTH = 4;

const ORDINAL = /^(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[、.．)）]|[①-⑳]|首先|其次|再次|最后|此外|另外)[，,：:\s]*/;
const ORDINAL_AHEAD = /；(?=\s*(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]))/;
const TRAILING = /[。；;，,！？!?、：:\s]+$/;

/** Cut a narrative into points: sentences, and "一是…；二是…" items; ordinals stripped. */
export function splitPoints(text: string): string[] {
  const out: string[] = [];
  // Characters a Word document cannot hold (control characters, lone surrogates) are dropped.
  const clean = text.replace(/\r/g, "").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "");
  for (const piece of clean.split(/\n+|(?<=[。！？!?])/)) {
    for (const item of piece.split(ORDINAL_AHEAD)) {
      let t = item.trim();
      for (let k = 0; k < 3 && ORDINAL.test(t); k++) t = t.replace(ORDINAL, "").trim();
      t = t.replace(TRAILING, "").trim();
      if ([...t.replace(/[\p{P}\s]/gu, "")].length >= MIN_POINT_LENGTH) out.push(t);
    }
  }
  return out;
}

const GROUP_WORDS = new Map<string, string[]>();
for (const ind of INDICATORS) {
  if (ind.name.length <= 3) continue; // "国家级", "发明": too general alone
  const list = GROUP_WORDS.get(ind.group) ?? [];
  list.push(ind.name);
  GROUP_WORDS.set(ind.group, list);
}

const WORDS = new WeakMap<Theme, readonly string[]>();
/** A theme's keywords with its catalogue group's indicator names, each once. */
function wordsOf(theme: Theme): readonly string[] {
  let words = WORDS.get(theme);
  if (!words) {
    words = [...new Set(theme.group ? [...theme.keywords, ...(GROUP_WORDS.get(theme.group) ?? [])] : theme.keywords)];
    WORDS.set(theme, words);
  }
  return words;
}

/** The theme a point belongs to: most keyword characters matched; ties go to the earlier theme. */
export function themeOf(point: string, themes: readonly Theme[] = THEMES): Theme {
  let best = OTHER_THEME;
  let bestScore = 0;
  for (const theme of themes) {
    let score = 0;
    for (const w of wordsOf(theme)) if (point.includes(w)) score += w.length;
    if (score > bestScore) {
      best = theme;
      bestScore = score;
    }
  }
  return best;
}

/** Text for comparison: no punctuation or spaces, the town's own name left out, every figure masked as "#". */
export function comparable(text: string, unitName = ""): string {
  let t = text;
  if (unitName) t = t.split(unitName).join("");
  return t.replace(/[\p{P}\p{S}\s]/gu, "").replace(/\d+(?:\.\d+)?/g, "#");
}

/** Figures a point states, in order ("12", "3.5"): points merge only when these are equal. */
export function figuresIn(text: string): string {
  return (text.match(/\d+(?:\.\d+)?/g) ?? []).join(",");
}

/**
 * Character bigrams as small integers (15 bits of each UTF-16 unit: no string and no heap number per
 * bigram; the rare collision of two bigrams barely moves a similarity).
 */
function bigrams(t: string): Set<number> {
  const out = new Set<number>();
  if (t.length === 1) out.add(t.charCodeAt(0) & 0x7fff);
  for (let i = 0; i + 1 < t.length; i++) out.add(((t.charCodeAt(i) & 0x7fff) << 15) | (t.charCodeAt(i + 1) & 0x7fff));
  return out;
}

/** Dice coefficient of two bigram sets: 2|A∩B| / (|A|+|B|). */
export function dice<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Similarity of two point texts (each with its town's name masked). */
export function similarity(a: string, b: string, unitA = "", unitB = ""): number {
  return dice(bigrams(comparable(a, unitA)), bigrams(comparable(b, unitB)));
}

export interface PointSource {
  unitIndex: number;
  unit: string;
  /** The town's own wording. */
  text: string;
  /** Its section's first cell on 文字材料汇编. */
  cell: string;
}

export interface MergedPoint {
  /** The wording shown: the member most similar to the others. */
  text: string;
  theme: Theme;
  /** Every town's point merged here, in unit order (a town appears once per point). */
  sources: PointSource[];
  /** Distinct towns, in unit order. */
  units: string[];
}

export interface ThemeBlock {
  theme: Theme;
  points: MergedPoint[];
}

export interface NarrativeSection {
  key: NarrativeKey;
  blocks: ThemeBlock[];
  /** Every town's point of this section (before merging), for checks. */
  sources: PointSource[];
}

interface Cluster {
  members: (PointSource & { grams: Set<number> })[];
  figures: string;
  first: number;
}

/** Merge near-duplicate points of one theme. */
function cluster(points: readonly PointSource[]): Cluster[] {
  const clusters: Cluster[] = [];
  const byFigures = new Map<string, Cluster[]>();
  points.forEach((p, n) => {
    const grams = bigrams(comparable(p.text, p.unit));
    const figures = figuresIn(p.text);
    let best: Cluster | null = null;
    let bestSim = SIMILARITY_THRESHOLD;
    for (const c of byFigures.get(figures) ?? []) {
      const sim = dice(grams, c.members[0]!.grams);
      if (sim >= bestSim) {
        best = c;
        bestSim = sim;
        if (sim === 1) break;
      }
    }
    const member = { ...p, grams };
    if (best) best.members.push(member);
    else {
      const c: Cluster = { members: [member], figures, first: n };
      clusters.push(c);
      const list = byFigures.get(figures) ?? [];
      list.push(c);
      byFigures.set(figures, list);
    }
  });
  return clusters;
}

/** The member whose wording is closest to all the others (the first on a tie). */
function representative(c: Cluster): PointSource {
  if (c.members.length <= 2) return c.members[0]!;
  let best = c.members[0]!;
  let bestSum = -1;
  // Bounded: beyond a few dozen members the first ones decide.
  const pool = c.members.slice(0, 40);
  for (const m of pool) {
    let sum = 0;
    for (const o of pool) if (o !== m) sum += dice(m.grams, o.grams);
    if (sum > bestSum) {
      best = m;
      bestSum = sum;
    }
  }
  return best;
}

/** The three narrative sections of the draft, from every reporting unit's texts. */
export function narrativeSections(c: Consolidation, themes: readonly Theme[] = THEMES): NarrativeSection[] {
  const cells = narrativeCells(c);
  return c.catalogue.narrative.map((s) => {
    const sources: PointSource[] = [];
    c.units.forEach((u, i) => {
      if (!u.report) return;
      const cell = cells.get(i)![s.key];
      for (const text of splitPoints(u.report.record.narrative[s.key] ?? "")) sources.push({ unitIndex: i, unit: u.name, text, cell });
    });
    const byTheme = new Map<Theme, PointSource[]>();
    for (const p of sources) {
      const t = themeOf(p.text, themes);
      const list = byTheme.get(t) ?? [];
      list.push(p);
      byTheme.set(t, list);
    }
    const blocks: (ThemeBlock & { towns: number; order: number })[] = [];
    for (const [theme, list] of byTheme) {
      const points = cluster(list)
        .map((cl) => {
          const units: string[] = [];
          const seen = new Set<number>();
          const members = [...cl.members].sort((a, b) => a.unitIndex - b.unitIndex);
          for (const m of members) if (!seen.has(m.unitIndex)) (seen.add(m.unitIndex), units.push(m.unit));
          const rep = representative(cl);
          return { point: { text: rep.text, theme, sources: members.map(({ grams: _g, ...m }) => m), units }, first: cl.first };
        })
        .sort((a, b) => b.point.units.length - a.point.units.length || a.first - b.first)
        .map((x) => x.point);
      const towns = new Set(list.map((p) => p.unitIndex)).size;
      const order = theme === OTHER_THEME ? Number.MAX_SAFE_INTEGER : themes.indexOf(theme);
      blocks.push({ theme, points, towns, order });
    }
    blocks.sort((a, b) => (a.theme === OTHER_THEME ? 1 : 0) - (b.theme === OTHER_THEME ? 1 : 0) || b.towns - a.towns || a.order - b.order);
    return { key: s.key, blocks: blocks.map(({ theme, points }) => ({ theme, points })), sources };
  });
}
