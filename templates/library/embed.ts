/**
 * The library a template carries: its Catalogue as JSON in the very hidden
 * 模板信息 sheet, in chunks under Excel's 32,767-character cell limit, with the
 * sha-256 of the JSON beside it. A reader then checks any template version
 * without code; a changed or truncated copy is refused by its hash.
 */
import { BUILTIN, type Catalogue } from "../catalogue";
import { cellKeyAt, type GridSheet } from "../grid";
import { INFO } from "../layout";
import { sha256Hex } from "./sha256";
import { crossCheck } from "./validate";

/** Characters per cell (Excel holds 32,767). */
export const CHUNK = 30_000;

export interface EmbeddedLibrary {
  hash: string;
  chunks: string[];
}

const JSONS = new WeakMap<Catalogue, string>();

/** The JSON text a template stores (no derived fields); computed once per catalogue value. */
export function libraryJson(cat: Catalogue): string {
  let json = JSONS.get(cat);
  if (json === undefined) {
    const { readableVersions: _builtInOnly, ...rest } = cat;
    json = JSON.stringify(rest);
    JSONS.set(cat, json);
  }
  return json;
}

/** The hash and cell chunks of a catalogue. */
export function embedLibrary(cat: Catalogue): EmbeddedLibrary {
  const json = libraryJson(cat);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK) chunks.push(json.slice(i, i + CHUNK));
  return { hash: sha256Hex(json), chunks };
}

const HASHES = new WeakMap<Catalogue, string>();

/** Content hash of a catalogue (what a template and the server name it by); computed once per value. */
export function libraryHash(cat: Catalogue): string {
  let h = HASHES.get(cat);
  if (h === undefined) {
    h = sha256Hex(libraryJson(cat));
    HASHES.set(cat, h);
  }
  return h;
}

/** Libraries already read, by hash: every file of one library shares one Catalogue value (and its memoised layout). */
const SEEN = new Map<string, Catalogue>();
const SEEN_MAX = 32;

/** Make a catalogue the value files with its hash are read as (the built-in one, the expected one). */
export function knownLibrary(cat: Catalogue): void {
  const h = libraryHash(cat);
  if (!SEEN.has(h)) {
    if (SEEN.size >= SEEN_MAX) SEEN.delete(SEEN.keys().next().value!);
    SEEN.set(h, cat);
  }
}
// The built-in library is made known at the first file read, not when the module loads: hashing it
// (pure-JS SHA-256) cost ~9 ms of every command's start, whether or not it read a file.
let builtinKnown = false;

export type Embedded = { ok: true; catalogue: Catalogue; hash: string } | { ok: false; why: "hash" | "invalid"; detail: string } | null;

const isStr = (v: unknown): v is string => typeof v === "string";

/** Shape check of parsed JSON (the hash says it is ours; this keeps a hand-made copy from crashing the reader). */
function shapeOk(v: unknown): v is Catalogue {
  const c = v as Catalogue;
  return (
    typeof c === "object" &&
    c !== null &&
    isStr(c.id) &&
    isStr(c.version) &&
    isStr(c.title) &&
    typeof c.formHeader === "object" &&
    Array.isArray(c.groups) &&
    c.groups.every((g) => isStr(g?.code) && isStr(g?.name)) &&
    Array.isArray(c.indicators) &&
    c.indicators.length > 0 &&
    c.indicators.every((i) => isStr(i?.code) && isStr(i?.name) && isStr(i?.unit) && ["count", "amount", "ratio"].includes(i?.kind) && isStr(i?.group)) &&
    Array.isArray(c.narrative) &&
    typeof c.rules === "object" &&
    c.rules !== null &&
    Array.isArray(c.rules.explain)
  );
}

/** Read the library from a template's info sheet: null when the template carries none (older templates). */
export function readEmbeddedLibrary(info: GridSheet): Embedded {
  const hash = info.cells[INFO.hash]?.value;
  if (hash === undefined || hash === null || hash === "") return null;
  let json = "";
  for (let r = INFO.libraryFirstRow; ; r++) {
    const v = info.cells[cellKeyAt(INFO.libraryCol, r)]?.value;
    if (typeof v !== "string" || v === "") break;
    json += v;
  }
  if (!builtinKnown) {
    builtinKnown = true;
    knownLibrary(BUILTIN);
  }
  const known = SEEN.get(String(hash));
  if (known && libraryJson(known) === json) return { ok: true, catalogue: known, hash: String(hash) };
  if (sha256Hex(json) !== String(hash)) return { ok: false, why: "hash", detail: "指标库内容与校验值不符" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { ok: false, why: "invalid", detail: "指标库内容无法解析" };
  }
  if (!shapeOk(parsed)) return { ok: false, why: "invalid", detail: "指标库内容不完整" };
  const where = () => ({ sheet: info.name, cell: INFO.hash });
  const problems = crossCheck(parsed, where, where);
  if (problems.length) return { ok: false, why: "invalid", detail: problems[0]!.message };
  knownLibrary(parsed);
  return { ok: true, catalogue: parsed, hash: String(hash) };
}
