/**
 * The roster: which units report, their division codes and parents
 * (town → county → city). Stored as one JSON object; small enough to read
 * whole on every request.
 */
// @ts-nocheck

import { UNIT_TYPES, type UnitType } from "../../templates/catalog";
import { completeRoster, parseRosterFile, type RosterUnit as SheetUnit } from "../../templates/merge/roster";
import { buildRosterWorkbook } from "../../templates/merge/roster-workbook";
import { rosterKey, UNIT_CODE_RE, type ObjectStore } from "../storage/index";
import { StorageNotFound } from "../storage/errors";

export type Role = "unit" | "county" | "city";

export interface RosterUnit {
  code: string;
  name: string;
  type: UnitType;
  /** Parent's code; null only for the city. */
  parent: string | null;
  /** 联系人 and 联系电话 for 催报, used until the unit's own report names its 填报人. */
  contact?: string;
  phone?: string;
}

export interface Roster {
  units: RosterUnit[];
  updatedAt?: string;
  updatedBy?: string;
}

/** The role a unit's credential has, from its type. */
export function roleOf(type: UnitType): Role {
  return type === "市" ? "city" : type === "县（市、区）" ? "county" : "unit";
}

export function findUnit(roster: Roster, code: string): RosterUnit | undefined {
  return roster.units.find((u) => u.code === code);
}

/** True when `code` is `ancestor` itself or below it. */
export function isWithin(roster: Roster, code: string, ancestor: string): boolean {
  for (let u = findUnit(roster, code), hops = 0; u && hops < 10; u = u.parent ? findUnit(roster, u.parent) : undefined, hops++) {
    if (u.code === ancestor) return true;
  }
  return false;
}

/** The reporting units (towns, streets) at or below `ancestor`, in roster order. */
export function reportingUnitsUnder(roster: Roster, ancestor: string): RosterUnit[] {
  return roster.units.filter((u) => roleOf(u.type) === "unit" && isWithin(roster, u.code, ancestor));
}

/** The roster, or an empty one when none is stored yet. */
export async function loadRoster(store: ObjectStore): Promise<Roster> {
  try {
    return await store.getJson<Roster>(rosterKey());
  } catch (err) {
    if (err instanceof StorageNotFound) return { units: [] };
    throw err;
  }
}

/**
 * Check a roster sent by the city. Returns Chinese problems, one per line
 * (empty = valid): codes of 12 digits and unique, known types, exactly one
 * city, parents that exist and sit one level up (town → county or city,
 * county → city).
 */
export function validateRoster(input: unknown): { ok: true; roster: Roster } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const list = typeof input === "object" && input !== null ? (input as { units?: unknown }).units : undefined;
  if (!Array.isArray(list) || list.length === 0) return { ok: false, problems: ["名单为空：请至少列出市、区县和乡镇单位。"] };
  if (list.length > 5000) return { ok: false, problems: ["名单中的单位过多（超过 5000 个）。"] };
  const units: RosterUnit[] = [];
  const seen = new Set<string>();
  list.forEach((raw: unknown, i) => {
    const where = `第 ${i + 1} 个单位`;
    const u = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
    const code = typeof u.code === "string" ? u.code.trim() : "";
    const name = typeof u.name === "string" ? u.name.trim() : "";
    const type = typeof u.type === "string" ? u.type.trim() : "";
    const parent = typeof u.parent === "string" && u.parent.trim() !== "" ? u.parent.trim() : null;
    const contact = typeof u.contact === "string" ? u.contact.trim().slice(0, 50) : "";
    const phone = typeof u.phone === "string" ? u.phone.trim().slice(0, 30) : "";
    if (!UNIT_CODE_RE.test(code)) problems.push(`${where}（${name || "未命名"}）的区划代码“${code}”不是 12 位数字。`);
    else if (seen.has(code)) problems.push(`${where}（${name}）的区划代码 ${code} 重复。`);
    seen.add(code);
    if (!name || name.length > 50) problems.push(`${where}（${code}）缺少单位名称或名称过长。`);
    if (!(UNIT_TYPES as readonly string[]).includes(type)) problems.push(`${where}（${name || code}）的单位类型“${type}”无效，应为 ${UNIT_TYPES.join("、")} 之一。`);
    units.push({ code, name, type: type as UnitType, parent, ...(contact ? { contact } : {}), ...(phone ? { phone } : {}) });
  });
  if (problems.length) return { ok: false, problems };
  const cities = units.filter((u) => u.type === "市");
  if (cities.length !== 1) problems.push(`名单中应有且只有一个“市”级单位（现有 ${cities.length} 个）。`);
  for (const u of units) {
    if (u.type === "市") {
      if (u.parent !== null) problems.push(`${u.name}（${u.code}）是市级单位，不应填写上级单位。`);
      continue;
    }
    const parent = u.parent ? units.find((p) => p.code === u.parent) : undefined;
    if (!parent) {
      problems.push(`${u.name}（${u.code}）的上级单位“${u.parent ?? ""}”不在名单中。`);
      continue;
    }
    const ok = u.type === "县（市、区）" ? parent.type === "市" : parent.type === "市" || parent.type === "县（市、区）";
    if (!ok) problems.push(`${u.name}（${u.code}）的上级单位 ${parent.name} 层级不对：乡镇/街道的上级应为区县或市，区县的上级应为市。`);
  }
  return problems.length ? { ok: false, problems } : { ok: true, roster: { units } };
}

/**
 * A roster the city kept in Excel (the 名单 workbook: 名称, 区划代码, 上级代码,
 * 单位类型, 联系人, 联系电话) or as CSV, checked as {@link validateRoster} checks
 * JSON. Blank 单位类型 and 上级代码 are filled from the division codes.
 */
export function rosterFromFile(bytes: Uint8Array, kind: "xlsx" | "csv"): ReturnType<typeof validateRoster> {
  const parsed = parseRosterFile(bytes, kind);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  return validateRoster({ units: completeRoster(parsed.units).map((u) => ({ ...u, parent: u.parent || null })) });
}

/** The roster as the 名单 workbook, to edit in Excel and upload again. */
export function rosterWorkbook(roster: Roster): Promise<Uint8Array> {
  const rows: SheetUnit[] = roster.units.map((u) => ({
    name: u.name,
    code: u.code,
    parent: u.parent ?? "",
    type: u.type,
    ...(u.contact ? { contact: u.contact } : {}),
    ...(u.phone ? { phone: u.phone } : {}),
  }));
  return buildRosterWorkbook(rows);
}

/** Store a validated roster. */
export async function saveRoster(store: ObjectStore, roster: Roster, by: string, now: Date): Promise<Roster> {
  const saved: Roster = { units: roster.units, updatedAt: now.toISOString(), updatedBy: by };
  await store.putJson(rosterKey(), saved);
  return saved;
}
