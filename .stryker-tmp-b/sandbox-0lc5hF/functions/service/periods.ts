/** Reporting periods: the city opens one for collection and closes it. */
// @ts-nocheck

import { parsePeriodId } from "../../templates/period";
import { parsePeriodPrefix, periodKey, periodsPrefix, type ObjectStore } from "../storage/index";
import { StorageNotFound } from "../storage/errors";
import type { LibraryRef } from "./libraries";

export interface PeriodInfo {
  id: string;
  /** Chinese label, "2025年全年". */
  label: string;
  open: boolean;
  openedAt: string;
  openedBy: string;
  closedAt?: string;
  closedBy?: string;
  /** 截止时间, UTC ISO; submissions after it are still taken while open, marked late. */
  deadline?: string;
  /** The indicator library (and version) the period collects; absent: the built-in one. */
  library?: LibraryRef;
}

/** A deadline as sent by the city: an ISO date-time with a zone ("2025-12-31T17:00:00+08:00"); UTC ISO, or null when malformed. */
export function parseDeadline(input: unknown): string | null {
  if (typeof input !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(input.trim())) return null;
  const d = new Date(input.trim());
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** True when the period has a deadline and `at` is after it. */
export function isAfterDeadline(period: Pick<PeriodInfo, "deadline"> | null, at: Date | string): boolean {
  if (!period?.deadline) return false;
  return new Date(at).getTime() > new Date(period.deadline).getTime();
}

/** The period, or null when it was never opened. */
export async function getPeriod(store: ObjectStore, id: string): Promise<PeriodInfo | null> {
  try {
    return await store.getJson<PeriodInfo>(periodKey(id));
  } catch (err) {
    if (err instanceof StorageNotFound) return null;
    throw err;
  }
}

/** Every period ever opened, newest id first. */
export async function listPeriods(store: ObjectStore): Promise<PeriodInfo[]> {
  // The period folders only (one request per 1000 periods, however many uploads lie below them); a folder
  // without a period.json (never opened) reads as null and is dropped.
  const ids = (await store.listFolders(periodsPrefix())).flatMap((f) => parsePeriodPrefix(f) ?? []);
  const periods = await Promise.all(ids.map((id) => getPeriod(store, id)));
  return periods.filter((p): p is PeriodInfo => p !== null).sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/**
 * Open (or reopen) a period for collection, with its deadline (UTC ISO) when given; opening an
 * open period again only sets a new deadline. Returns null for a malformed id.
 */
export async function openPeriod(store: ObjectStore, id: string, by: string, now: Date, deadline?: string, library?: LibraryRef): Promise<PeriodInfo | null> {
  const parsed = parsePeriodId(id);
  if (!parsed) return null;
  const previous = await getPeriod(store, id);
  const base: PeriodInfo = previous?.open ? previous : { id, label: parsed.label, open: true, openedAt: now.toISOString(), openedBy: by };
  let info: PeriodInfo = deadline ? { ...base, deadline } : base;
  if (library) info = { ...info, library };
  const sameLibrary = (a?: LibraryRef, b?: LibraryRef) => a?.id === b?.id && a?.version === b?.version;
  if (!previous?.open || info.deadline !== previous.deadline || !sameLibrary(info.library, previous.library)) await store.putJson(periodKey(id), info);
  return info;
}

/** Close a period (no more submissions); null when it was never opened. */
export async function closePeriod(store: ObjectStore, id: string, by: string, now: Date): Promise<PeriodInfo | null> {
  const previous = await getPeriod(store, id);
  if (!previous) return null;
  if (!previous.open) return previous;
  const info: PeriodInfo = { ...previous, open: false, closedAt: now.toISOString(), closedBy: by };
  await store.putJson(periodKey(id), info);
  return info;
}
