/**
 * What a batch of reads has already parsed. Every copy of the template has the
 * same workbook.xml, relationships and styles.xml, byte for byte; a merge of
 * 1,000 town files inflated and parsed them 1,000 times. A memo remembers, per
 * part name, the stored (compressed) bytes and what was parsed from them: a
 * later file whose entry holds exactly those bytes, with the same method,
 * declared size and CRC, gets the same answer without inflating or parsing.
 *
 * Equality of the stored bytes is checked byte for byte, never assumed from a
 * CRC or a size, so a crafted file cannot borrow another's parse. Only
 * successes are remembered; a part that fails is read (and refused) afresh.
 * One memo per thread and batch (the command line's merge); it holds up to
 * VARIANTS entries per part name, a few kilobytes each.
 *
 * Worksheets too, when they repeat: the template's 封面, 文字材料 and 模板信息
 * sheets hold only references into the shared strings, so they are the same
 * bytes in every town's file (their text differs, in the shared strings). A
 * worksheet met again with the same method, size and CRC is scanned
 * with its raw cells kept, and later files holding those very bytes replay
 * them (cells.ts replayCells) against their own shared strings: three fewer
 * inflates and scans a file.
 *
 * It also remembers shared strings. Read as bytes (Node), the last file's items
 * with their decodings (byteItems): an item equal, byte for byte, to the last
 * file's item at the same index takes its decoding, so of a town's 212 items only
 * the five that are its own (name, code, contact, narrative) are decoded. Read as
 * decoded text (browsers), the last long item (text): the indicator library every
 * template carries is one 18 KB item with ~1,800 entities, the same text in every
 * file of a period.
 */
import { storedBytes, type ZipDir, type ZipEntry } from "./zip";

/** A shared-strings part's items read as bytes: raw texts and their decodings (PartMemo.byteItems). */
export interface ByteItems {
  raws: string[];
  texts: string[];
}

type EntryKey = Pick<ZipEntry, "method" | "size" | "crc">;

interface Remembered {
  stored: Uint8Array;
  entry: ZipEntry;
  value: unknown;
}

/** Shorter texts are decoded each time: comparing costs about what decoding does. */
export const LONG_TEXT = 4096;

/**
 * Parses kept per part name: a few, since a part can come in a few shapes (the 模板信息 sheet of a
 * 乡镇 and of a 街道 differ in one shared-string index), and towns of each kind come in any order.
 */
export const VARIANTS = 4;
/** Entries noted per part name by `repeats`: more than VARIANTS, so each kept shape can be met again. */
const NOTED = 2 * VARIANTS;

/** Parsed small parts remembered across reads (see the module note). */
export class PartMemo {
  readonly #parts = new Map<string, Remembered[]>();
  readonly #seen = new Map<string, EntryKey[]>();
  #long: { raw: string; text: string } | undefined;
  /** Reads answered from the memo: for tests and the benchmark's curiosity. */
  hits = 0;
  /** Texts answered from the memo: long ones (text), and shared-string items read as bytes (byteItems). */
  textHits = 0;

  /**
   * `raw` decoded by `decode`, or, for a text of LONG_TEXT characters or more equal to the last long
   * one decoded, that decoding. A failed decoding (null) is not remembered.
   */
  text(raw: string, decode: (raw: string) => string | null): string | null {
    if (raw.length < LONG_TEXT) return decode(raw);
    if (this.#long !== undefined && this.#long.raw === raw) {
      this.textHits++;
      return this.#long.text;
    }
    const text = decode(raw);
    if (text !== null) this.#long = { raw, text };
    return text;
  }

  /**
   * The last shared-strings part read as bytes (xml.ts ByteText): each item's raw text (a slice of that
   * part; "<" for an item that is not plain, which no plain item's raw text can equal) and its decoding.
   * The next part's item at the same index with an equal raw text takes that decoding: nearly every item
   * is the template's own, in the same place in every file. Decoding a part of Chinese text costs ~1.8 ns
   * a byte; comparing slices a tenth of that. Only that one part's text is kept alive.
   */
  byteItems: ByteItems = { raws: [], texts: [] };

  /** The decoding of the last bytes part's item `index` (byteItems) when `raw` equals its raw text; else undefined. */
  lent(index: number, raw: string): string | undefined {
    if (this.byteItems.raws[index] !== raw) return undefined;
    this.textHits++;
    return this.byteItems.texts[index];
  }

  /**
   * What was parsed, as `kind`, from an entry of `bytes` holding exactly the remembered stored bytes;
   * undefined when not remembered, or when the entry cannot even be sliced (the read that follows refuses it).
   */
  get(kind: string, bytes: Uint8Array, dir: ZipDir, entry: ZipEntry): unknown {
    const kept = this.#parts.get(key(kind, entry));
    if (kept === undefined) return undefined;
    for (const r of kept) {
      if (!sameEntry(r.entry, entry)) continue;
      const stored = storedBytes(bytes, dir, entry);
      if ("fail" in stored) return undefined;
      if (!sameBytes(r.stored, stored)) continue;
      this.hits++;
      return r.value;
    }
    return undefined;
  }

  /**
   * Whether one of the last entries of this name asked about as `kind` had the same method, size
   * and CRC: a part that repeats from file to file, worth remembering (a town's own 指标 sheet
   * changes in every file, and keeping its scan for nothing cost more than the memo saved). Notes
   * this entry either way.
   */
  repeats(kind: string, entry: ZipEntry): boolean {
    const k = key(kind, entry);
    const noted = this.#seen.get(k) ?? [];
    const met = noted.some((e) => sameEntry(e, entry));
    if (!met) this.#seen.set(k, [{ method: entry.method, size: entry.size, crc: entry.crc }, ...noted].slice(0, NOTED));
    return met;
  }

  /**
   * Remember a successful parse of an entry of `bytes`, beside up to VARIANTS - 1 others of the same
   * name (the oldest goes); its stored bytes are copied (not a view of the whole file).
   */
  set(kind: string, bytes: Uint8Array, dir: ZipDir, entry: ZipEntry, value: unknown): void {
    const stored = storedBytes(bytes, dir, entry);
    if ("fail" in stored) return;
    const k = key(kind, entry);
    this.#parts.set(k, [{ stored: stored.slice(), entry: { ...entry }, value }, ...(this.#parts.get(k) ?? [])].slice(0, VARIANTS));
  }
}

/** What a part is remembered by: what it was parsed as, and its name. */
function key(kind: string, entry: ZipEntry): string {
  return `${kind}\0${entry.name}`;
}

/**
 * What else decides a read of the same stored bytes: the method, the declared size and CRC. (The
 * compressed size is the stored bytes' length; of the flags only encryption matters, and an
 * encrypted entry is refused before the memo is asked.)
 */
function sameEntry(a: EntryKey, b: EntryKey): boolean {
  return a.method === b.method && a.size === b.size && a.crc === b.crc;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
