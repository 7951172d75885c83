/**
 * The city's target table per year (目标任务分解表): stored as uploaded and
 * parsed beside it (config/targets/{year}.*), read by template downloads
 * (assigned 全年目标, locked), by submissions (TARGET_DIFFERS) and by the
 * consolidation (完成率 against assigned targets; the city's own target).
 */
import { createHash } from "node:crypto";
import { readTargetWorkbook, type TargetProblem } from "../../templates/targets/read";
import type { TargetTable } from "../../templates/targets/table";
import { CODE_COL, OWN_ROW, TARGET_SHEET } from "../../templates/targets/layout";
import { StorageNotFound, targetsKeys, type ObjectStore } from "../storage/index";
import type { Actor } from "./reports";
import type { Roster } from "./roster";

/** `config/targets/{year}.json`. */
export interface StoredTargets {
  schema: "huizong.targets/1";
  year: number;
  uploadedAt: string;
  uploadedBy: Actor;
  sha256: string;
  table: TargetTable;
}

export type SaveTargetsResult =
  | { ok: true; stored: StoredTargets }
  | { ok: false; code: string; message: string; problems: TargetProblem[] };

/**
 * Validate an uploaded table against the roster (units below the city; the first row is the
 * city itself) and store it, replacing the year's previous table.
 */
export async function saveTargets(store: ObjectStore, input: { year: number; bytes: Uint8Array; roster: Roster; by: Actor; now: Date }): Promise<SaveTargetsResult> {
  const city = input.roster.units.find((u) => u.type === "市");
  const r = readTargetWorkbook(input.bytes, { year: input.year, units: input.roster.units.filter((u) => u.type !== "市").map((u) => u.code) });
  if (!r.ok) return { ok: false, code: r.code, message: r.message, problems: r.problems };
  // The first row is the city's own: its code is filled in when left blank, and must be the city's when given.
  const table = r.table;
  if (city && table.own.code === "") table.own = { ...table.own, code: city.code, name: table.own.name || city.name };
  if (city && table.own.code !== city.code) {
    const cell = `${CODE_COL}${OWN_ROW}`;
    const problem: TargetProblem = { code: "TARGET_UNIT_UNKNOWN", sheet: TARGET_SHEET, cell, message: `${TARGET_SHEET}!${cell}的区划代码为 ${table.own.code}，但第${OWN_ROW}行应为本级（${city.name}，${city.code}）的目标。请改为本市的区划代码。` };
    return { ok: false, code: "TARGETS_INVALID", message: `目标任务分解表有 1 处问题，未采用：${problem.message}`, problems: [problem] };
  }
  const keys = targetsKeys(String(input.year));
  const stored: StoredTargets = {
    schema: "huizong.targets/1",
    year: input.year,
    uploadedAt: input.now.toISOString(),
    uploadedBy: input.by,
    sha256: createHash("sha256").update(input.bytes).digest("hex"),
    table,
  };
  // The original first: a parsed table never stands without the file it came from.
  await store.put(keys.xlsx, input.bytes);
  await store.putJson(keys.json, stored);
  return { ok: true, stored };
}

/** The year's stored table, or null when none was uploaded. */
export async function loadTargets(store: ObjectStore, year: number): Promise<StoredTargets | null> {
  try {
    return await store.getJson<StoredTargets>(targetsKeys(String(year)).json);
  } catch (err) {
    if (err instanceof StorageNotFound) return null;
    throw err;
  }
}

/** The year's table as uploaded (.xlsx bytes), or null. */
export async function targetsOriginal(store: ObjectStore, year: number): Promise<Uint8Array | null> {
  try {
    return await store.get(targetsKeys(String(year)).xlsx);
  } catch (err) {
    if (err instanceof StorageNotFound) return null;
    throw err;
  }
}
