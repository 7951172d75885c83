/** The words the screens show for the server's states and roles, and times in the bureau's zone. */
// @ts-nocheck

import type { Role, UnitState } from "../api";
import { calendarDaysBetween, formatDateTime } from "../../templates/time";

export const ROLE_LABEL: Record<Role, string> = { unit: "乡镇/街道", county: "区县", city: "市科技局" };

export const STATE_LABEL: Record<UnitState, string> = {
  missing: "未报送",
  submitted: "已报送",
  has_warnings: "有警告",
  returned: "已退回",
  accepted: "已通过",
};

/** "2025年12月31日 17:00" in the bureau's zone; "" for none. */
export function when(at: string | null | undefined, timeZone: string): string {
  return at ? formatDateTime(at, timeZone) : "";
}

/** The deadline line: "截止时间 2025年12月31日 17:00，还剩3天" (or 今天截止 / 已逾期2天 / 已截止); null without a deadline. */
export function deadlineText(deadline: string | undefined, now: Date, timeZone: string): { text: string; past: boolean } | null {
  if (!deadline) return null;
  const days = calendarDaysBetween(now, deadline, timeZone);
  const past = now.getTime() > Date.parse(deadline);
  const rest = past ? (days < 0 ? `已逾期${-days}天` : "已截止") : days > 0 ? `还剩${days}天` : "今天截止";
  return { text: `截止时间 ${formatDateTime(deadline, timeZone)}，${rest}`, past };
}

/** A figure as read: thousands grouped, up to 4 decimals; "—" for none. */
export function num(n: number | null | undefined): string {
  return n === null || n === undefined ? "—" : n.toLocaleString("zh-CN", { maximumFractionDigits: 4 });
}

/** A change with its sign: "+2", "−1.5", "0". */
export function signed(n: number | null | undefined): string {
  if (n === null || n === undefined) return "—";
  return n > 0 ? `+${num(n)}` : n < 0 ? `−${num(-n)}` : "0";
}

/** Growth as a percentage: "+12.5%"; "—" without a base. */
export function pct(g: number | null): string {
  return g === null ? "—" : `${g >= 0 ? "+" : "−"}${Math.abs(g * 100).toFixed(1)}%`;
}

/** Copy text; false when the browser refused (the screen then says how to copy by hand). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

/** A wall-clock time typed in `timeZone` ("2025-12-31T17:00", as a datetime-local field gives it) as a UTC ISO string; null when malformed. */
export function zonedToIso(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  // The zone's offset at that moment: format the guess in the zone and see how far the wall clock moved.
  const f = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", hourCycle: "h23" });
  const at = (t: number) => {
    const p: Record<string, number> = {};
    for (const x of f.formatToParts(new Date(t))) if (x.type !== "literal") p[x.type] = Number(x.value);
    return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!);
  };
  const offset = at(wall) - wall;
  return new Date(wall - offset).toISOString();
}
