/**
 * Times as a person reads them. Stored times stay UTC ISO strings; everything a
 * clerk sees (pane, page, city workbook, reminder texts) is shown in the bureau's
 * time zone (Asia/Shanghai unless configured) the Chinese way: "2025年12月31日 17:00".
 * Uses Intl (no library): it runs the same in Node, Chromium and the Office webviews.
 */
// @ts-nocheck


/** The bureau's time zone when none is configured. */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(date: Date, timeZone: string): Parts {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(date)) if (p.type !== "literal") out[p.type] = Number(p.value);
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour! % 24, minute: out.minute! };
}

function toDate(at: Date | string): Date | null {
  const d = typeof at === "string" ? new Date(at) : at;
  return Number.isNaN(d.getTime()) ? null : d;
}

/** True when `timeZone` is an IANA zone this runtime knows ("Asia/Shanghai"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** "2025年12月31日 17:00" in `timeZone`; "" for an invalid date. */
export function formatDateTime(at: Date | string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const d = toDate(at);
  if (!d) return "";
  const p = partsIn(d, timeZone);
  return `${p.year}年${p.month}月${p.day}日 ${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
}

/** "2025年12月31日" in `timeZone`; "" for an invalid date. */
export function formatDate(at: Date | string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const d = toDate(at);
  if (!d) return "";
  const p = partsIn(d, timeZone);
  return `${p.year}年${p.month}月${p.day}日`;
}

/** The calendar date in `timeZone` as ISO "2025-12-31"; "" for an invalid date. */
export function isoDateIn(at: Date | string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const d = toDate(at);
  if (!d) return "";
  const p = partsIn(d, timeZone);
  return `${String(p.year).padStart(4, "0")}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** "12月31日17:00" in `timeZone` (the short form of reminder texts); "" for an invalid date. */
export function formatMonthDayTime(at: Date | string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const d = toDate(at);
  if (!d) return "";
  const p = partsIn(d, timeZone);
  return `${p.month}月${p.day}日${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
}

/**
 * Whole calendar days from `from` to `to` as counted on the bureau's wall calendar
 * (a deadline on 31 December is "1 day" away all of 30 December). Negative when `to` is past.
 */
export function calendarDaysBetween(from: Date | string, to: Date | string, timeZone: string = DEFAULT_TIME_ZONE): number {
  const a = toDate(from);
  const b = toDate(to);
  if (!a || !b) return 0;
  const pa = partsIn(a, timeZone);
  const pb = partsIn(b, timeZone);
  return Math.round((Date.UTC(pb.year, pb.month - 1, pb.day) - Date.UTC(pa.year, pa.month - 1, pa.day)) / 86_400_000);
}
