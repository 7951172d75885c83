/**
 * The one place the storage key layout lives.
 *
 * ```
 * config/roster.json
 * config/webhook.json                                            the city's group-robot webhook (催报)
 * config/signin/units/{unitCode}.json                            a unit's current sign-in code (hash, generation)
 * config/signin/codes/{digest}.json                              digest of a code → unit and generation
 * config/targets/{year}.xlsx                                      the city's target table (目标任务分解表) as uploaded
 * config/targets/{year}.json                                      the same, parsed (what templates and merges read)
 * config/libraries/{libraryId}/{version}/{sha256}.json           every indicator library the server has seen
 * periods/{periodId}/period.json
 * periods/{periodId}/units/{unitCode}/{versionId}.xlsx           original upload
 * periods/{periodId}/units/{unitCode}/{versionId}.json           normalized record
 * periods/{periodId}/units/{unitCode}/log/{slot}.json              the unit's log: version commits and reviews
 * periods/{periodId}/units/{unitCode}/reviews/{reviewId}.json      (older layout; no longer written)
 * periods/{periodId}/consolidations/{parentCode}/{id}.xlsx
 * periods/{periodId}/consolidations/{parentCode}/{id}.json
 * periods/{periodId}/consolidations/{parentCode}/{id}.docx          drafted summary (汇总材料初稿)
 * ```
 *
 * Keys are plain ASCII a person can browse in a bucket or a folder. Every
 * builder validates its inputs against a strict pattern and throws
 * {@link InvalidKeyInput} otherwise, so request data can never smuggle `..`,
 * `/`, percent-escapes, NUL or look-alike Unicode into a key. Adapters check
 * every key again with {@link assertObjectKey} (defence in depth).
 */
// @ts-nocheck


import { InvalidKeyInput } from "./errors";

/** `2025-Y` (year), `2025-H1`/`H2`, `2025-Q1`..`Q4`, `2025-M01`..`M12`. */
export const PERIOD_ID_RE = /^\d{4}-(Y|H[12]|Q[1-4]|M(0[1-9]|1[0-2]))$/;
/** A 12-digit statistical division code, ASCII digits only (`\d` without the `u` flag is `[0-9]`). */
export const UNIT_CODE_RE = /^\d{12}$/;
/** `v20250314T081502123Z-1a2b3c4d`: UTC time to the millisecond, then 8 random hex digits. */
export const VERSION_ID_RE = /^v\d{8}T\d{9}Z-[0-9a-f]{8}$/;

/** Which file of a version or consolidation: the original workbook or the normalized JSON record. */
export type ObjectKind = "xlsx" | "json";

function check(field: string, re: RegExp, value: unknown): string {
  if (typeof value !== "string" || !re.test(value)) throw new InvalidKeyInput(field, value);
  return value;
}

/** Throws {@link InvalidKeyInput} unless `periodId` matches {@link PERIOD_ID_RE}. */
export function assertPeriodId(periodId: unknown): string {
  return check("periodId", PERIOD_ID_RE, periodId);
}

/** Throws {@link InvalidKeyInput} unless `unitCode` is exactly 12 ASCII digits. */
export function assertUnitCode(unitCode: unknown, field = "unitCode"): string {
  return check(field, UNIT_CODE_RE, unitCode);
}

/** Throws {@link InvalidKeyInput} unless `id` matches {@link VERSION_ID_RE}. */
export function assertVersionId(id: unknown, field = "versionId"): string {
  return check(field, VERSION_ID_RE, id);
}

function checkKind(kind: unknown): ObjectKind {
  if (kind !== "xlsx" && kind !== "json") throw new InvalidKeyInput("kind", kind);
  return kind;
}

// ---------------------------------------------------------------------------
// Builders

/** `config/roster.json` — the list of units and who may upload for them. */
export function rosterKey(): string {
  return "config/roster.json";
}

/** `config/webhook.json` — where reminder texts are pushed (optional). */
export function webhookKey(): string {
  return "config/webhook.json";
}

/** 64 lowercase hex digits: the keyed digest a sign-in code is looked up by (never the code itself). */
export const CODE_DIGEST_RE = /^[0-9a-f]{64}$/;

/** `config/signin/units/{unitCode}.json` — the unit's current code generation. */
export function signinUnitKey(unitCode: string): string {
  return `config/signin/units/${assertUnitCode(unitCode)}.json`;
}

/** `config/signin/codes/{digest}.json` — which unit (and generation) a code belongs to. */
export function signinCodeKey(digest: string): string {
  return `config/signin/codes/${check("codeDigest", CODE_DIGEST_RE, digest)}.json`;
}

/** A four-digit year (the target table's). */
export const YEAR_RE = /^(?:20\d\d|2100)$/;

/** `config/targets/{year}.xlsx` (as uploaded) and `.json` (parsed) — the year's target table. */
export function targetsKeys(year: string): { xlsx: string; json: string } {
  const y = check("year", YEAR_RE, year);
  return { xlsx: `config/targets/${y}.xlsx`, json: `config/targets/${y}.json` };
}

/** An indicator library id ("HZ-KJ-01"): ASCII letters, digits, `.`, `_`, `-`, starting with a letter or digit. */
export const LIBRARY_ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
/** A library version, "2026.2". */
export const LIBRARY_VERSION_RE = /^\d{4}\.\d{1,3}$/;

/** `config/libraries/{id}/{version}/` — the libraries of one id and version (normally one; its hash names it). */
export function libraryVersionPrefix(id: string, version: string): string {
  return `config/libraries/${check("libraryId", LIBRARY_ID_RE, id)}/${check("libraryVersion", LIBRARY_VERSION_RE, version)}/`;
}

/** `config/libraries/{id}/{version}/{sha256}.json` — one library as a template carried it (content-addressed). */
export function libraryKey(id: string, version: string, hash: string): string {
  return `${libraryVersionPrefix(id, version)}${check("libraryHash", CODE_DIGEST_RE, hash)}.json`;
}

/** `periods/` — every reporting period; its child folders are the periods (see `ObjectStore.listFolders`). */
export function periodsPrefix(): string {
  return "periods/";
}

/** `periods/{periodId}/` — everything of one reporting period. */
export function periodPrefix(periodId: string): string {
  return `${periodsPrefix()}${assertPeriodId(periodId)}/`;
}

/** `periods/{periodId}/period.json` — the period's settings (deadline, open/closed). */
export function periodKey(periodId: string): string {
  return `${periodPrefix(periodId)}period.json`;
}

/** `periods/{periodId}/units/` — every unit's versions and reviews of one period (list is recursive). */
export function unitsPrefix(periodId: string): string {
  return `${periodPrefix(periodId)}units/`;
}

/** `periods/{periodId}/units/{unitCode}/` — all versions and reviews of one unit (list is recursive). */
export function unitPrefix(periodId: string, unitCode: string): string {
  return `${unitsPrefix(periodId)}${assertUnitCode(unitCode)}/`;
}

/** `periods/{p}/units/{u}/{versionId}.xlsx` (original) or `.json` (normalized record). */
export function versionKey(periodId: string, unitCode: string, versionId: string, kind: ObjectKind): string {
  return `${unitPrefix(periodId, unitCode)}${assertVersionId(versionId)}.${checkKind(kind)}`;
}

/** Both keys of one uploaded version. */
export function versionKeys(periodId: string, unitCode: string, versionId: string): { xlsx: string; json: string } {
  return { xlsx: versionKey(periodId, unitCode, versionId, "xlsx"), json: versionKey(periodId, unitCode, versionId, "json") };
}

/** `periods/{p}/units/{u}/reviews/` */
export function reviewsPrefix(periodId: string, unitCode: string): string {
  return `${unitPrefix(periodId, unitCode)}reviews/`;
}

/** `periods/{p}/units/{u}/reviews/{reviewId}.json`; review ids use the version id format. */
export function reviewKey(periodId: string, unitCode: string, reviewId: string): string {
  return `${reviewsPrefix(periodId, unitCode)}${assertVersionId(reviewId, "reviewId")}.json`;
}

/** Largest log slot (6 digits, so slots sort as text). */
export const MAX_LOG_SLOT = 999_999;

/** `periods/{p}/units/{u}/log/` */
export function logPrefix(periodId: string, unitCode: string): string {
  return `${unitPrefix(periodId, unitCode)}log/`;
}

/**
 * `periods/{p}/units/{u}/log/{000001}.json`: slot `n` of the unit's log. Each
 * slot is written create-only, so whoever creates it first decides what
 * happened n-th (a version committed, a review stamped).
 */
export function logKey(periodId: string, unitCode: string, slot: number): string {
  if (!Number.isInteger(slot) || slot < 1 || slot > MAX_LOG_SLOT) throw new InvalidKeyInput("slot", slot);
  return `${logPrefix(periodId, unitCode)}${String(slot).padStart(6, "0")}.json`;
}

/** `periods/{p}/consolidations/` or, with a parent, `periods/{p}/consolidations/{parentCode}/`. */
export function consolidationsPrefix(periodId: string, parentCode?: string): string {
  const base = `${periodPrefix(periodId)}consolidations/`;
  return parentCode === undefined ? base : `${base}${assertUnitCode(parentCode, "parentCode")}/`;
}

/** `periods/{p}/consolidations/{parentCode}/{id}.xlsx` or `.json`; ids use the version id format. */
export function consolidationKey(periodId: string, parentCode: string, id: string, kind: ObjectKind): string {
  return `${consolidationsPrefix(periodId, parentCode)}${assertVersionId(id, "consolidationId")}.${checkKind(kind)}`;
}

/** `periods/{p}/consolidations/{parentCode}/{id}.docx`: the summary drafted from the consolidation, beside its workbook. */
export function consolidationDraftKey(periodId: string, parentCode: string, id: string): string {
  return `${consolidationsPrefix(periodId, parentCode)}${assertVersionId(id, "consolidationId")}.docx`;
}

/** Every key of one consolidation. */
export function consolidationKeys(periodId: string, parentCode: string, id: string): { xlsx: string; json: string; docx: string } {
  return {
    xlsx: consolidationKey(periodId, parentCode, id, "xlsx"),
    json: consolidationKey(periodId, parentCode, id, "json"),
    docx: consolidationDraftKey(periodId, parentCode, id),
  };
}

// ---------------------------------------------------------------------------
// Parsers (keys back to parts; `null` for anything that is not such a key)

const P = String.raw`(\d{4}-(?:Y|H[12]|Q[1-4]|M(?:0[1-9]|1[0-2])))`;
const U = String.raw`(\d{12})`;
const V = String.raw`(v\d{8}T\d{9}Z-[0-9a-f]{8})`;
const PERIOD_KEY_RE = new RegExp(`^periods/${P}/period\\.json$`);
const PERIOD_PREFIX_RE = new RegExp(`^periods/${P}/$`);
const VERSION_KEY_RE = new RegExp(`^periods/${P}/units/${U}/${V}\\.(xlsx|json)$`);
const REVIEW_KEY_RE = new RegExp(`^periods/${P}/units/${U}/reviews/${V}\\.json$`);
const LOG_KEY_RE = new RegExp(`^periods/${P}/units/${U}/log/(\\d{6})\\.json$`);
const CONSOLIDATION_KEY_RE = new RegExp(`^periods/${P}/consolidations/${U}/${V}\\.(xlsx|json)$`);

/** The period id of a `periods/{p}/period.json` key; `null` for any other key. */
export function parsePeriodKey(key: string): string | null {
  return PERIOD_KEY_RE.exec(key)?.[1] ?? null;
}

/** The period id of a `periods/{p}/` folder (as `listFolders(periodsPrefix())` returns them); `null` otherwise. */
export function parsePeriodPrefix(prefix: string): string | null {
  return PERIOD_PREFIX_RE.exec(prefix)?.[1] ?? null;
}

export interface VersionKeyParts {
  periodId: string;
  unitCode: string;
  versionId: string;
  kind: ObjectKind;
}

/** Split a version key back into its parts; `null` when `key` is not a version key (e.g. a review). */
export function parseVersionKey(key: string): VersionKeyParts | null {
  const m = VERSION_KEY_RE.exec(key);
  if (!m) return null;
  return { periodId: m[1]!, unitCode: m[2]!, versionId: m[3]!, kind: m[4] as ObjectKind };
}

export interface ReviewKeyParts {
  periodId: string;
  unitCode: string;
  reviewId: string;
}

/** Split a review key back into its parts; `null` when `key` is not a review key. */
export function parseReviewKey(key: string): ReviewKeyParts | null {
  const m = REVIEW_KEY_RE.exec(key);
  if (!m) return null;
  return { periodId: m[1]!, unitCode: m[2]!, reviewId: m[3]! };
}

export interface LogKeyParts {
  periodId: string;
  unitCode: string;
  slot: number;
}

/** Split a log key back into its parts; `null` when `key` is not a log key. */
export function parseLogKey(key: string): LogKeyParts | null {
  const m = LOG_KEY_RE.exec(key);
  if (!m) return null;
  const slot = Number(m[3]);
  return slot >= 1 ? { periodId: m[1]!, unitCode: m[2]!, slot } : null;
}

export interface ConsolidationKeyParts {
  periodId: string;
  parentCode: string;
  id: string;
  kind: ObjectKind;
}

/** Split a consolidation key back into its parts; `null` when `key` is not a consolidation key. */
export function parseConsolidationKey(key: string): ConsolidationKeyParts | null {
  const m = CONSOLIDATION_KEY_RE.exec(key);
  if (!m) return null;
  return { periodId: m[1]!, parentCode: m[2]!, id: m[3]!, kind: m[4] as ObjectKind };
}

// ---------------------------------------------------------------------------
// Version ids

/** Clock and randomness for {@link createVersionIdGenerator}; injectable for tests. */
export interface VersionIdSource {
  /** Milliseconds since the epoch. */
  now(): number;
  /** A uniformly random unsigned 32-bit integer. */
  random32(): number;
}

const defaultSource: VersionIdSource = {
  now: () => Date.now(),
  random32: () => globalThis.crypto.getRandomValues(new Uint32Array(1))[0]!,
};

/**
 * Make a generator of version ids `v{yyyyMMdd}T{HHmmssSSS}Z-{8 hex}` (UTC).
 *
 * Ids sort by time across processes without coordination (the random tail
 * makes collisions between processes negligible). Within one generator they
 * also sort in call order: when the clock has not advanced (same millisecond,
 * or a clock stepped backwards), the previous time is kept and the previous
 * random tail is incremented, like ULID's monotonic mode; if the tail would
 * overflow, the time moves on by 1 ms.
 */
export function createVersionIdGenerator(source: VersionIdSource = defaultSource): () => string {
  let lastMs = -Infinity;
  let lastTail = 0;
  return () => {
    const now = source.now();
    if (now > lastMs) {
      lastMs = now;
      lastTail = source.random32() >>> 0;
    } else if (lastTail < 0xffffffff) {
      lastTail += 1;
    } else {
      lastMs += 1;
      lastTail = source.random32() >>> 0;
    }
    return formatVersionId(lastMs, lastTail);
  };
}

function formatVersionId(ms: number, tail: number): string {
  const d = new Date(ms);
  const p = (n: number, w: number) => String(n).padStart(w, "0");
  const stamp =
    `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1, 2)}${p(d.getUTCDate(), 2)}` +
    `T${p(d.getUTCHours(), 2)}${p(d.getUTCMinutes(), 2)}${p(d.getUTCSeconds(), 2)}${p(d.getUTCMilliseconds(), 3)}`;
  return `v${stamp}Z-${tail.toString(16).padStart(8, "0")}`;
}

/** A new version id from the process-wide generator (also used for review and consolidation ids). */
export const newVersionId: () => string = createVersionIdGenerator();

/** The UTC time encoded in a version id; throws {@link InvalidKeyInput} for a malformed id. */
export function versionIdTime(versionId: string): Date {
  const id = assertVersionId(versionId);
  const iso = `${id.slice(1, 5)}-${id.slice(5, 7)}-${id.slice(7, 9)}T${id.slice(10, 12)}:${id.slice(12, 14)}:${id.slice(14, 16)}.${id.slice(16, 19)}Z`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new InvalidKeyInput("versionId", versionId);
  return d;
}

// ---------------------------------------------------------------------------
// Generic key checks used by the adapters

/** One path segment: starts with an ASCII letter or digit (so never `.`/`..`/`.tmp-*`), then `[A-Za-z0-9._-]`. */
const SEGMENT_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
const MAX_KEY_LENGTH = 1024;

/**
 * Throws {@link InvalidKeyInput} unless `key` is a safe object key: 1..1024
 * chars, `/`-separated segments each matching `[A-Za-z0-9][A-Za-z0-9._-]*`
 * (no empty, `.`, `..` or dot-file segments, no leading or trailing `/`).
 * Every key the builders make passes; adapters call it on every key anyway.
 */
export function assertObjectKey(key: unknown): string {
  if (typeof key !== "string" || key.length === 0 || key.length > MAX_KEY_LENGTH) throw new InvalidKeyInput("key", key);
  for (const segment of key.split("/")) {
    if (!SEGMENT_RE.test(segment)) throw new InvalidKeyInput("key", key);
  }
  return key;
}

/**
 * Throws {@link InvalidKeyInput} unless `prefix` is `""` (everything) or a
 * safe key prefix: complete segments as in {@link assertObjectKey}, then
 * optionally a partial last segment or a trailing `/`.
 */
export function assertListPrefix(prefix: unknown): string {
  if (prefix === "") return prefix;
  if (typeof prefix !== "string" || prefix.length > MAX_KEY_LENGTH) throw new InvalidKeyInput("prefix", prefix);
  const segments = prefix.split("/");
  const last = segments.pop()!;
  for (const segment of segments) {
    if (!SEGMENT_RE.test(segment)) throw new InvalidKeyInput("prefix", prefix);
  }
  if (last !== "" && !SEGMENT_RE.test(last)) throw new InvalidKeyInput("prefix", prefix);
  return prefix;
}
