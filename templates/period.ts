/**
 * Reporting periods: a year plus a span (全年, 上半年, a quarter, or the
 * cumulative months 1—N月). Id form "2025-Y", "2025-H1", "2025-Q3", "2025-M10".
 */

export interface PeriodSpan {
  code: string;
  label: string;
}

/** Spans in the order the pick-list shows them. */
export const PERIOD_SPANS: readonly PeriodSpan[] = [
  { code: "Y", label: "全年" },
  { code: "H1", label: "上半年" },
  { code: "H2", label: "下半年" },
  { code: "Q1", label: "第一季度" },
  { code: "Q2", label: "第二季度" },
  { code: "Q3", label: "第三季度" },
  { code: "Q4", label: "第四季度" },
  { code: "M01", label: "1月" },
  ...Array.from({ length: 10 }, (_, i) => ({ code: `M${String(i + 2).padStart(2, "0")}`, label: `1—${i + 2}月` })),
];

export interface Period {
  id: string;
  year: number;
  span: string;
  /** Chinese label, e.g. "2025年1—10月". */
  label: string;
}

/** The span's label as picked on the cover ("上半年", "1—10月"). */
export function spanLabel(period: Period): string {
  return PERIOD_SPANS.find((s) => s.code === period.span)!.label;
}

const PERIOD_ID = /^(\d{4})-(Y|H[12]|Q[1-4]|M(0[1-9]|1[01]))$/;

/** Parse a period id ("2025-M10"); null when malformed. */
export function parsePeriodId(id: string): Period | null {
  const m = PERIOD_ID.exec(id);
  if (!m) return null;
  const year = Number(m[1]);
  const span = PERIOD_SPANS.find((s) => s.code === m[2]);
  if (!span || year < 2000 || year > 2100) return null;
  return { id, year, span: span.code, label: `${year}年${span.label}` };
}

/**
 * Spans that cover the same months under two names: 1—3月 is 第一季度, 1—6月 is 上半年.
 * Both spellings are on the pick-list; the merge and the checks compare the canonical one.
 */
const SAME_SPAN: Readonly<Record<string, string>> = { M03: "Q1", M06: "H1" };

/** The period under its canonical name (2025-M06 → 2025-H1); other periods unchanged. */
export function canonicalPeriod(period: Period): Period {
  const span = SAME_SPAN[period.span];
  return span ? parsePeriodId(`${period.year}-${span}`)! : period;
}

/** True when two periods cover the same months (2025-H1 and 2025年1—6月). */
export function samePeriod(a: Period, b: Period): boolean {
  return canonicalPeriod(a).id === canonicalPeriod(b).id;
}

/** A span label with its dash and spaces as the pick-list writes them ("1 - 6月" → "1—6月"). */
const plainLabel = (text: string) => text.replace(/[-－–~～—―]/g, "—").replace(/\s/g, "");

/** Build a period from a year and a span label as picked on the cover ("上半年"). */
export function periodFromLabel(year: number, spanLabel: string): Period | null {
  const label = plainLabel(spanLabel);
  const span = PERIOD_SPANS.find((s) => s.label === label);
  // parsePeriodId refuses a year that is not 2000–2100.
  return span ? parsePeriodId(`${year}-${span.code}`) : null;
}

/**
 * How bureaus also write a period in a notice or a file name (after the year), and the pick-list label
 * it means: 1—12月 (like 2025年度) is the whole year, 一季度 is 第一季度, 前三季度 is 1—9月. Taken for
 * --period, not on the cover, whose cell keeps to its pick-list.
 */
const TYPED_LABELS: Readonly<Record<string, string>> = {
  全年度: "全年",
  "1—12月": "全年",
  一季度: "第一季度",
  二季度: "第二季度",
  三季度: "第三季度",
  四季度: "第四季度",
  前三季度: "1—9月",
};

/**
 * Accept either an id ("2025-H1") or a Chinese label ("2025年上半年", "2025年1-6月",
 * "2025年1—6月", "2025年1至6月", "2025年1月—6月"), returned under its canonical name (all of these
 * are 2025-H1); also 2025年度 and the spellings of TYPED_LABELS ("2025年1-12月" is 2025-Y).
 * Used by the command line's --period and the merge.
 */
export function parsePeriod(text: string): Period | null {
  const byId = parsePeriodId(text.trim());
  if (byId) return canonicalPeriod(byId);
  const m = /^(\d{4})\s*(年?)\s*(.+)$/.exec(text.trim());
  if (!m) return null;
  const label = m[2] && m[3] === "度" ? "全年" : plainLabel(m[3]!).replace(/月?[—至到]/, "—");
  const p = periodFromLabel(Number(m[1]), TYPED_LABELS[label] ?? label);
  return p && canonicalPeriod(p);
}
