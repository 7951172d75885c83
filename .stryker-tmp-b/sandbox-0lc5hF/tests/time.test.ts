// @ts-nocheck
import { describe, expect, it } from "vitest";
import { calendarDaysBetween, formatDate, formatDateTime, formatMonthDayTime, isTimeZone, isoDateIn } from "../templates/time";

describe("times as a person reads them (Asia/Shanghai by default)", () => {
  it.each([
    ["2025-12-31T09:00:00.000Z", "2025年12月31日 17:00"],
    ["2025-12-31T16:00:00.000Z", "2026年1月1日 00:00"],
    ["2025-12-31T15:59:00.000Z", "2025年12月31日 23:59"],
    ["2026-03-05T02:51:00Z", "2026年3月5日 10:51"],
  ])("%s → %s", (iso, shown) => {
    expect(formatDateTime(iso)).toBe(shown);
  });

  it("formats in another configured zone and rejects bad input", () => {
    expect(formatDateTime("2025-12-31T09:00:00Z", "UTC")).toBe("2025年12月31日 09:00");
    expect(formatDate("2025-12-31T16:30:00Z")).toBe("2026年1月1日");
    expect(formatMonthDayTime("2025-12-31T09:00:00Z")).toBe("12月31日17:00");
    expect(formatDateTime("not a date")).toBe("");
    expect(isTimeZone("Asia/Shanghai")).toBe(true);
    expect(isTimeZone("Mars/Base")).toBe(false);
  });

  it.each([
    // The consolidation's 填报日期 is the bureau's calendar date, not UTC's.
    ["2025-12-31T15:59:59Z", "Asia/Shanghai", "2025-12-31"],
    ["2025-12-31T16:00:00Z", "Asia/Shanghai", "2026-01-01"],
    ["2025-12-31T16:00:00Z", "UTC", "2025-12-31"],
    ["2026-01-01T04:59:00Z", "America/New_York", "2025-12-31"],
    ["not a date", "Asia/Shanghai", ""],
  ])("calendar date of %s in %s = %s", (iso, zone, date) => {
    expect(isoDateIn(iso, zone)).toBe(date);
  });

  it.each([
    ["2025-12-30T01:00:00Z", "2025-12-31T09:00:00Z", 1],
    ["2025-12-30T15:59:00Z", "2025-12-31T09:00:00Z", 1],
    ["2025-12-30T16:00:00Z", "2025-12-31T09:00:00Z", 0],
    ["2026-01-02T02:00:00Z", "2025-12-31T09:00:00Z", -2],
  ])("calendar days from %s to %s = %i", (from, to, days) => {
    expect(calendarDaysBetween(from, to)).toBe(days);
  });
});
