/**
 * Reporting periods: a year plus a span (全年, 上半年, a quarter, or the
 * cumulative months 1—N月). Id form "2025-Y", "2025-H1", "2025-Q3", "2025-M10".
 */
// @ts-nocheck


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

/** Build a period from a year and a span label as picked on the cover ("上半年"). */
export function periodFromLabel(year: number, spanLabel: string): Period | null {
  const label = spanLabel.trim().replace(/[-－–~～—―]/g, "—").replace(/\s/g, "");
  const span = PERIOD_SPANS.find((s) => s.label === label);
  if (!span || !Number.isInteger(year) || year < 2000 || year > 2100) return null;
  return parsePeriodId(`${year}-${span.code}`);
}

/**
 * Accept either an id ("2025-H1") or a Chinese label ("2025年上半年", "2025年1-6月",
 * "2025年1—6月"), returned under its canonical name (all four of these are 2025-H1).
 * Used by the command line's --period and the merge.
 */
export function parsePeriod(text: string): Period | null {
  const byId = parsePeriodId(text.trim());
  if (byId) return canonicalPeriod(byId);
  const m = /^(\d{4})\s*年?\s*(.+)$/.exec(text.trim());
  if (!m) return null;
  const p = periodFromLabel(Number(m[1]), m[2]!);
  return p && canonicalPeriod(p);
}
