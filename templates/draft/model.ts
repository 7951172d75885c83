/**
 * The drafted summary as data (what the .docx shows, before any Word
 * formatting): title, reporting base, figure paragraphs, the three narrative
 * sections and the 附表 rows. Tests check this model and the printed document.
 */
import { layoutOf, printedName } from "../layout";
import type { Consolidation } from "../merge/merge";
import { summaryRow } from "./cells";
import { baseSentence, figureGroups, growthCaseOf, targetSentences, type FigureGroup, type Sentence } from "./figures";
import { roundTo } from "./format";
import { narrativeSections, type NarrativeSection } from "./narrative";
import { DOC_TEXTS, fillPattern } from "./phrasing";

export interface TableRow {
  /** A group heading row ("一、科技投入") or an indicator row. */
  heading?: string;
  code?: string;
  name: string;
  unit: string;
  current: string;
  prior: string;
  change: string;
  target: string;
  completion: string;
  /** The 汇总 row the figures are copied from. */
  row: string;
}

export interface Draft {
  title: string;
  /** Where a long title breaks onto its second line. */
  titleBreak: string;
  base: Sentence;
  groups: FigureGroup[];
  /** 下步工作打算's targets still to reach (periods before the year's end). */
  targets: Sentence[];
  sections: NarrativeSection[];
  tableTitle: string;
  table: TableRow[];
}

/** Table figures keep a fixed number of decimals (columns line up), unlike the text. */
const num = (v: number | null, digits: number) => (v === null ? "" : roundTo(v, digits).toFixed(digits));
const pct = (fraction: number) => roundTo(fraction * 100, 1).toFixed(1);

/** The 附表 rows: the 汇总 sheet's figures, one row per indicator, group headings between. */
export function tableRows(c: Consolidation): TableRow[] {
  const rows: TableRow[] = [];
  let group: string | null = null;
  const layout = layoutOf(c.catalogue);
  for (const ind of c.catalogue.indicators) {
    if (ind.group !== group) {
      group = ind.group;
      rows.push({ heading: layout.groupTitle(group), name: "", unit: "", current: "", prior: "", change: "", target: "", completion: "", row: "" });
    }
    const t = c.totals[ind.code]!;
    const row = String(summaryRow(ind.code, c.catalogue));
    const name = printedName(ind).trim();
    if (ind.kind === "ratio") {
      const pts = t.change;
      rows.push({
        code: ind.code,
        name,
        unit: "%",
        current: t.current === null ? "" : pct(t.current),
        prior: t.prior === null ? "" : pct(t.prior),
        change: pts === null ? "—" : `${roundTo(pts, 1) > 0 ? "+" : ""}${roundTo(pts, 1).toFixed(1)}个百分点`,
        target: t.target === null ? "" : pct(t.target),
        completion: "—",
        row,
      });
      continue;
    }
    const digits = ind.kind === "count" ? 0 : 2;
    const gc = growthCaseOf(t.current, t.prior);
    rows.push({
      code: ind.code,
      name,
      unit: ind.unit,
      current: num(t.current, digits),
      prior: num(t.prior, digits),
      change: gc === "new" ? "新增" : t.current === null || t.prior === null || t.prior === 0 ? "—" : pct((t.current - t.prior) / t.prior),
      target: num(t.target, digits),
      completion: t.current !== null && t.target !== null && t.target > 0 ? pct(t.current / t.target) : "—",
      row,
    });
  }
  return rows;
}

/** Draft the summary of a consolidation. */
export function buildDraft(c: Consolidation): Draft {
  const vars = { unit: c.unit.name, period: c.period.label };
  return {
    title: fillPattern(DOC_TEXTS.title, vars),
    titleBreak: DOC_TEXTS.titleBreak,
    base: baseSentence(c),
    groups: figureGroups(c),
    targets: targetSentences(c),
    sections: narrativeSections(c),
    tableTitle: fillPattern(DOC_TEXTS.tableTitle, vars),
    table: tableRows(c),
  };
}
