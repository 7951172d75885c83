/**
 * Sign-in codes: the city issues each unit a short code ("K7QM-4TXB") to
 * hand out; a clerk types it once and gets a session (a 12-hour token,
 * refreshed while in use). Only a keyed digest of a code is stored, under
 * which the unit and the code's generation are found; issuing a new code
 * (or revoking) gives the unit a new generation, so the old code and every
 * session made from it stop working.
 *
 * Repeated wrong codes slow down: after {@link FREE_FAILURES} failures from
 * one address within the window, each further attempt must wait, doubling
 * up to {@link MAX_WAIT_MS}. Kept in memory per store (per Lambda container):
 * 32^8 codes make guessing hopeless anyway; the wait stops a script hammering one container.
 */
// @ts-nocheck

import { createHmac, randomBytes, randomInt } from "node:crypto";
import type { Keys } from "../auth/tokens";
import { signinCodeKey, signinUnitKey, StorageNotFound, type ObjectStore } from "../storage/index";

/** 32 letters and digits a person cannot confuse (no 0/O, 1/I). */
const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const CODE_LENGTH = 8;

/** A session's lifetime, renewed by every refresh: at most this long without activity. */
export const SESSION_TTL_SECONDS = 12 * 3600;

export interface UnitSignin {
  unit: string;
  /** Changes with every new code or revocation. */
  gen: string;
  issuedAt: string;
  issuedBy: string;
  /** False once revoked without a new code. */
  active: boolean;
}

interface CodeEntry {
  unit: string;
  gen: string;
}

/** A fresh code, shown in two groups of four: "K7QM-4TXB". */
export function newCode(): string {
  let s = "";
  for (let i = 0; i < CODE_LENGTH; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** What a clerk typed, as the code it means: case, spaces and dashes ignored; null when it cannot be a code. */
export function normalizeCode(input: unknown): string | null {
  if (typeof input !== "string") return null;
  const s = input.toUpperCase().replace(/[\s\-－—_]/g, "");
  return s.length === CODE_LENGTH && [...s].every((c) => ALPHABET.includes(c)) ? s : null;
}

function digestOf(keys: Keys, normalized: string): string {
  return createHmac("sha256", keys.signin).update(normalized).digest("hex");
}

/** The unit's current sign-in record, or null when it never had a code. */
export async function unitSignin(store: ObjectStore, unit: string): Promise<UnitSignin | null> {
  try {
    return await store.getJson<UnitSignin>(signinUnitKey(unit));
  } catch (err) {
    if (err instanceof StorageNotFound) return null;
    throw err;
  }
}

/**
 * The demo code of a unit: derived from the signing key, so a demo server prints the same codes at every
 * start without storing them (and sessions survive a restart). Demo mode only.
 */
export function demoCode(keys: Keys, unit: string): string {
  const bytes = createHmac("sha256", keys.signin).update(`demo code ${unit}`).digest();
  let s = "";
  for (let i = 0; i < CODE_LENGTH; i++) s += ALPHABET[bytes[i]! % ALPHABET.length];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** Issue a new code for `unit` (the old code and its sessions stop working). Returns the code, shown once. */
export async function issueCode(store: ObjectStore, keys: Keys, unit: string, by: string, now: Date, code: string = newCode()): Promise<string> {
  const gen = randomBytes(6).toString("hex");
  // The code's entry first: until the unit record names the new generation, the new code is not yet valid.
  await store.putJson(signinCodeKey(digestOf(keys, normalizeCode(code)!)), { unit, gen } satisfies CodeEntry);
  await store.putJson(signinUnitKey(unit), { unit, gen, issuedAt: now.toISOString(), issuedBy: by, active: true } satisfies UnitSignin);
  return code;
}

/** Revoke the unit's code and sessions without issuing a new one. */
export async function revokeCode(store: ObjectStore, unit: string, by: string, now: Date): Promise<void> {
  const gen = randomBytes(6).toString("hex");
  await store.putJson(signinUnitKey(unit), { unit, gen, issuedAt: now.toISOString(), issuedBy: by, active: false } satisfies UnitSignin);
}

/** The unit and generation a typed code stands for, or null when it is not a current code. */
export async function redeemCode(store: ObjectStore, keys: Keys, input: unknown): Promise<CodeEntry | null> {
  const normalized = normalizeCode(input);
  if (!normalized) return null;
  let entry: CodeEntry;
  try {
    entry = await store.getJson<CodeEntry>(signinCodeKey(digestOf(keys, normalized)));
  } catch (err) {
    if (err instanceof StorageNotFound) return null;
    throw err;
  }
  const current = await unitSignin(store, entry.unit);
  return current?.active && current.gen === entry.gen ? entry : null;
}

/** True while a session of generation `gen` is still good for `unit` (no newer code, not revoked). */
export async function sessionCurrent(store: ObjectStore, unit: string, gen: string): Promise<boolean> {
  const current = await unitSignin(store, unit);
  return current !== null && current.active && current.gen === gen;
}

// ---------------------------------------------------------------- slowing down wrong codes

export const FREE_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const MAX_WAIT_MS = 15 * 60_000;

interface Attempts {
  failures: number;
  first: number;
  until: number;
}

const attemptsByStore = new WeakMap<ObjectStore, Map<string, Attempts>>();

function attempts(store: ObjectStore): Map<string, Attempts> {
  let m = attemptsByStore.get(store);
  if (!m) attemptsByStore.set(store, (m = new Map()));
  return m;
}

/** Milliseconds `source` must still wait before trying a code again (0 = may try now). */
export function waitBeforeAttempt(store: ObjectStore, source: string, now: number): number {
  const a = attempts(store).get(source);
  if (!a || now - a.first > WINDOW_MS) return 0;
  return Math.max(0, a.until - now);
}

/** Record a wrong code from `source`; returns the wait now imposed (ms). */
export function recordFailure(store: ObjectStore, source: string, now: number): number {
  const m = attempts(store);
  let a = m.get(source);
  if (!a || now - a.first > WINDOW_MS) a = { failures: 0, first: now, until: 0 };
  a.failures++;
  const over = a.failures - FREE_FAILURES;
  a.until = over > 0 ? now + Math.min(MAX_WAIT_MS, 1000 * 2 ** (over - 1)) : 0;
  m.set(source, a);
  if (m.size > 10_000) m.delete(m.keys().next().value!);
  return Math.max(0, a.until - now);
}

/** A right code clears the source's failures. */
export function clearFailures(store: ObjectStore, source: string): void {
  attempts(store).delete(source);
}
