/**
 * The indicator libraries the server has seen: every library a template
 * carried into an upload, or the city named when opening a period, is kept
 * (content-addressed by its sha-256), so a period can collect any library and
 * its consolidation is made with it. The built-in library needs no storage.
 */
// @ts-nocheck

import { BUILTIN, type Catalogue } from "../../templates/catalogue";
import { libraryHash } from "../../templates/library/embed";
import { crossCheck } from "../../templates/library/validate";
import { libraryKey, libraryVersionPrefix, LIBRARY_ID_RE, LIBRARY_VERSION_RE, StorageNotFound, type ObjectStore } from "../storage/index";

/** Which library (and version) a period collects. */
export interface LibraryRef {
  id: string;
  version: string;
  title?: string;
}

export const BUILTIN_REF: LibraryRef = { id: BUILTIN.id, version: BUILTIN.version, title: BUILTIN.title };

/** Keep a library (once per content). */
export async function rememberLibrary(store: ObjectStore, cat: Catalogue): Promise<void> {
  if (cat === BUILTIN || libraryHash(cat) === libraryHash(BUILTIN)) return;
  const key = libraryKey(cat.id, cat.version, libraryHash(cat));
  try {
    await store.getJson(key);
    return;
  } catch (err) {
    if (!(err instanceof StorageNotFound)) throw err;
  }
  await store.putJson(key, cat);
}

/** The library of a period's reference: the built-in one, or the one stored for that id and version; null when unknown. */
export async function findLibrary(store: ObjectStore, ref: LibraryRef | undefined): Promise<Catalogue | null> {
  if (!ref || (ref.id === BUILTIN.id && ref.version === BUILTIN.version)) return BUILTIN;
  if (!LIBRARY_ID_RE.test(ref.id) || !LIBRARY_VERSION_RE.test(ref.version)) return null;
  const keys = (await store.list(libraryVersionPrefix(ref.id, ref.version))).sort();
  const key = keys[keys.length - 1];
  if (!key) return null;
  // Keys are content-addressed, so a library read once never changes: every submission of the period
  // then gets the same object (and the layouts memoised on it) without reading it again.
  let known = READ.get(store);
  if (!known) READ.set(store, (known = new Map()));
  let cat = known.get(key);
  if (!cat) known.set(key, (cat = store.getJson<Catalogue>(key)));
  return cat.catch((err: unknown) => {
    known.delete(key);
    throw err;
  });
}

const READ = new WeakMap<ObjectStore, Map<string, Promise<Catalogue>>>();

/**
 * A library sent by the city with a period (the JSON of a Catalogue, as `huizong library` reads
 * it from the .xlsx): the catalogue when it is sound, else null.
 */
export function libraryFromJson(value: unknown): Catalogue | null {
  const c = value as Catalogue;
  if (typeof c !== "object" || c === null || typeof c.id !== "string" || typeof c.version !== "string" || !LIBRARY_ID_RE.test(c.id) || !LIBRARY_VERSION_RE.test(c.version)) return null;
  if (!Array.isArray(c.indicators) || c.indicators.length === 0 || !Array.isArray(c.groups) || !Array.isArray(c.narrative) || typeof c.rules !== "object" || c.rules === null || typeof c.formHeader !== "object" || typeof c.title !== "string") return null;
  if (!c.indicators.every((i) => typeof i?.code === "string" && typeof i.name === "string" && typeof i.unit === "string" && ["count", "amount", "ratio"].includes(i.kind) && typeof i.group === "string")) return null;
  if (!c.groups.every((g) => typeof g?.code === "string" && typeof g.name === "string")) return null;
  const here = () => ({ sheet: "-", cell: "-" });
  return crossCheck(c, here, here).length ? null : c;
}
