/**
 * 催报: the units of a period that still owe a report (never sent, or sent
 * back), each with the contact it gave last and a ready Chinese reminder
 * text; and the optional push of those texts to a group robot (WeCom or
 * DingTalk, both a POST of JSON) the city configured. Without a webhook
 * nothing is sent anywhere.
 */
import { calendarDaysBetween, formatMonthDayTime } from "../../templates/time";
import { webhookKey, StorageNotFound, type ObjectStore } from "../storage/index";
import { isAfterDeadline, type PeriodInfo } from "./periods";
import { newestVersion, type StatusRow } from "./reports";
import type { RosterUnit } from "./roster";

export interface Reminder {
  code: string;
  name: string;
  parent: string | null;
  state: "missing" | "returned";
  overdue: boolean;
  /** Whole calendar days past the deadline (0 when not past or no deadline). */
  daysOverdue: number;
  contact: string | null;
  phone: string | null;
  /** Where the contact came from: the unit's latest report cover, or the roster. */
  contactFrom: "report" | "roster" | null;
  text: string;
}

/** The reminder wording, as data: one sentence per situation, then the deadline clause. */
const WORDING = {
  missing: (name: string, what: string, by: string) => `请${name}${by}报送${what}`,
  returned: (name: string, what: string, by: string, reason: string) => `${name}报送的${what}已退回（原因：${reason}），请修改后${by}重新报送`,
  byDeadline: (deadline: string) => `于${deadline}前`,
  soon: "尽快",
  overdueDays: (deadline: string, n: number) => `，截止时间${deadline}已过，已逾期${n}天`,
  overdueToday: (deadline: string) => `，截止时间${deadline}已过`,
  daysLeft: (n: number) => `，还剩${n}天`,
  dueToday: "，今天截止",
} as const;

function reportTitle(period: PeriodInfo): string {
  return `${period.label}科技工作统计报表`;
}

/** The reminder text for one unit. */
export function reminderText(unitName: string, state: "missing" | "returned", reason: string | null, period: PeriodInfo, now: Date, timeZone: string): string {
  const what = reportTitle(period);
  const due = period.deadline;
  const deadline = due ? formatMonthDayTime(due, timeZone) : "";
  // Past the deadline, "于…前报送" asks for the impossible: it is 尽快, and the deadline is named as passed.
  const late = isAfterDeadline(period, now);
  const by = due && !late ? WORDING.byDeadline(deadline) : WORDING.soon;
  // The reviewer's reason often ends in 。, which would close the sentence inside the brackets.
  const why = (reason || "见审核意见").replace(/[。.；;，,\s]+$/, "");
  let text = state === "returned" ? WORDING.returned(unitName, what, by, why) : WORDING.missing(unitName, what, by);
  if (due) {
    const days = calendarDaysBetween(now, due, timeZone);
    if (late) text += days < 0 ? WORDING.overdueDays(deadline, -days) : WORDING.overdueToday(deadline);
    else text += days > 0 ? WORDING.daysLeft(days) : WORDING.dueToday;
  }
  return `${text}。`;
}

/** The reminders for the rows that still owe a report. */
export async function reminders(
  store: ObjectStore,
  period: PeriodInfo,
  rows: readonly StatusRow[],
  units: readonly RosterUnit[],
  now: Date,
  timeZone: string,
): Promise<Reminder[]> {
  const owing = rows.filter((r): r is StatusRow & { state: "missing" | "returned" } => r.state === "missing" || r.state === "returned");
  return Promise.all(
    owing.map(async (r): Promise<Reminder> => {
      const latest = r.state === "returned" ? await newestVersion(store, period.id, r.code) : null;
      const roster = units.find((u) => u.code === r.code);
      const fromReport = latest && latest.record.meta.preparer ? { contact: latest.record.meta.preparer, phone: latest.record.meta.phone || null } : null;
      const fromRoster = roster?.contact || roster?.phone ? { contact: roster.contact ?? null, phone: roster.phone ?? null } : null;
      const c = fromReport ?? fromRoster;
      const days = period.deadline && isAfterDeadline(period, now) ? Math.max(0, -calendarDaysBetween(now, period.deadline, timeZone)) : 0;
      return {
        code: r.code,
        name: r.name,
        parent: r.parent,
        state: r.state,
        overdue: r.overdue,
        daysOverdue: days,
        contact: c?.contact ?? null,
        phone: c?.phone ?? null,
        contactFrom: fromReport ? "report" : fromRoster ? "roster" : null,
        text: reminderText(r.name, r.state, r.returnReason, period, now, timeZone),
      };
    }),
  );
}

// ---------------------------------------------------------------- webhook

export type WebhookKind = "wecom" | "dingtalk";

export interface WebhookConfig {
  url: string;
  kind: WebhookKind;
  setAt: string;
  setBy: string;
}

/** The configured webhook, or null. */
export async function getWebhook(store: ObjectStore): Promise<WebhookConfig | null> {
  try {
    return await store.getJson<WebhookConfig>(webhookKey());
  } catch (err) {
    if (err instanceof StorageNotFound) return null;
    throw err;
  }
}

/** A webhook URL the city may set: http(s), at most 500 characters, no credentials in it. */
export function checkWebhookUrl(input: unknown, hosts: readonly string[]): { ok: true; url: string } | { ok: false; host: string | null } {
  if (typeof input !== "string" || input.length > 500) return { ok: false, host: null };
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return { ok: false, host: null };
  }
  if ((u.protocol !== "https:" && u.protocol !== "http:") || u.username || u.password) return { ok: false, host: null };
  // The service posts from inside the bureau's network: only the robot hosts configured, never another machine.
  if (!hosts.includes(u.hostname.toLowerCase())) return { ok: false, host: u.hostname };
  return { ok: true, url: u.toString() };
}

export async function setWebhook(store: ObjectStore, config: WebhookConfig | null): Promise<void> {
  // Clearing writes an empty marker rather than deleting (the roster function may not delete).
  if (config) await store.putJson(webhookKey(), config);
  else await store.putJson(webhookKey(), null);
}

/** The JSON body each robot expects: both take `msgtype: "text"`; they differ in how to @ people. */
export function webhookBody(kind: WebhookKind, text: string, phones: readonly string[]): Record<string, unknown> {
  const mobiles = phones.filter((p) => /^1\d{10}$/.test(p));
  return kind === "wecom"
    ? { msgtype: "text", text: { content: text, ...(mobiles.length ? { mentioned_mobile_list: mobiles } : {}) } }
    : { msgtype: "text", text: { content: text }, ...(mobiles.length ? { at: { atMobiles: mobiles, isAtAll: false } } : {}) };
}

/** POST the reminders as one message. Resolves to the robot's HTTP status, or 0 when it could not be reached. */
export async function pushReminders(hook: WebhookConfig, list: readonly Reminder[], timeoutMs = 10_000): Promise<number> {
  const text = list.map((r) => r.text).join("\n");
  const phones = list.flatMap((r) => (r.phone ? [r.phone] : []));
  try {
    const res = await fetch(hook.url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(webhookBody(hook.kind, text, phones)),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
    await res.arrayBuffer().catch(() => undefined);
    return res.status;
  } catch {
    return 0;
  }
}
