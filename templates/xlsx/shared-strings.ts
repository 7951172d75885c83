/**
 * The shared-strings part → its strings, one per `<si>`, in order (an empty
 * item keeps its index; rich runs concatenate; phonetic runs are dropped).
 *
 * Two readers, one answer. Nearly every item ever written is plain,
 * `<si><t>…</t></si>` (Excel, WPS, exceljs; LibreOffice too, but for text in
 * mixed fonts), and a template's part carries the 18 KB indicator library as one
 * of them: the quick reader takes plain items with a few indexOf calls each and
 * hands any other item alone to the event scanner (scan.ts). When the part is
 * anything it does not expect (a comment or text between items, a prefixed
 * root, malformed XML) it gives up, and the general reader scans the whole part
 * from the start, refusing it when malformed. tests/xlsx-shared-strings.test.ts
 * holds the two to the same answers.
 */
import type { XlsxLimits } from "./limits";
import type { ByteItems, PartMemo } from "./memo";
import { scanXml, type XmlHandlers } from "./scan";
import { decodeEntities, unescapeOoxml, type XmlText } from "./xml";

/** Why a shared-strings part was refused: a reader failure code and its detail. */
export interface SharedStringsFail {
  fail: "CORRUPT_ZIP" | "TOO_MANY_CELLS" | "READ_TIMEOUT";
  detail: string;
}

/**
 * Read the shared-strings part (bounded by the cell-size limit and the deadline), decoded or as bytes
 * (xml.ts ByteText); `memo` spares decoding what the last file's part held (PartMemo).
 */
export function parseSharedStrings(text: XmlText | string, limits: XlsxLimits, deadline: number, memo?: PartMemo): string[] | SharedStringsFail {
  const { xml, utf8 } = typeof text === "string" ? { xml: text, utf8: undefined } : text;
  return quickSharedStrings(xml, limits, deadline, undefined, memo, utf8) ?? scannedSharedStrings(utf8 ? utf8(xml) : xml, limits, deadline);
}

/** A plain item's text: entities replaced, then the OOXML escapes; null when an entity is malformed. */
function plainText(raw: string): string | null {
  const s = decodeEntities(raw);
  return s === null ? null : unescapeOoxml(s);
}

/** The bounds of both readers, in one place. */
function bounded(out: string[], s: string, limits: XlsxLimits, deadline: number): SharedStringsFail | null {
  if (s.length > limits.maxCellChars) return { fail: "TOO_MANY_CELLS", detail: `共享字符串第 ${out.length + 1} 项超过 ${limits.maxCellChars} 个字符` };
  if ((out.length & 1023) === 1023 && Date.now() > deadline) return { fail: "READ_TIMEOUT", detail: "读取共享字符串" };
  return null;
}

const SI_T = "<si><t>";
const SI_T_PRESERVE = '<si><t xml:space="preserve">';
const END_T_SI = "</t></si>";

/** Items the quick reader took by indexOf, and items it handed to the scanner, when it takes the part (tests hold it to the first way). */
export interface QuickCounts {
  plain: number;
  scanned: number;
}

/**
 * The quick reader: what precedes the items (declaration, comments, the root's
 * start tag) vetted by the scanner, then items separated by white space, then
 * the root's end tag. A plain item is taken by indexOf; any other item (rich
 * runs, as LibreOffice writes for mixed fonts; phonetic hints; comments or
 * CDATA inside) is cut at its first `</si>` and given to the scanner alone,
 * which refuses a cut that fell inside a comment or CDATA. Null as soon as the
 * part is anything else or an item is malformed.
 */
export function quickSharedStrings(
  xml: string,
  limits: XlsxLimits,
  deadline: number,
  counts?: QuickCounts,
  memo?: PartMemo,
  utf8?: (bytes: string) => string,
): string[] | SharedStringsFail | null {
  // Up to the root's start tag, closed at once; without "<sst" this ends in an end tag with no start, refused too.
  let pos = xml.indexOf(">", xml.indexOf("<sst")) + 1;
  if (scanXml(`${xml.slice(0, pos)}</sst>`, { open() {} }) !== null) return null;
  const out: string[] = [];
  // One char per byte (xml.ts ByteText): an item equal to the last part's item at its index takes its decoding.
  const now: ByteItems | undefined = utf8 && memo ? { raws: [], texts: out } : undefined;
  for (;;) {
    pos = skipSpace(xml, pos);
    if (!xml.startsWith("<si", pos)) break;
    const start = xml.startsWith(SI_T, pos) ? pos + SI_T.length : xml.startsWith(SI_T_PRESERVE, pos) ? pos + SI_T_PRESERVE.length : -1;
    const lt = start < 0 ? -1 : xml.indexOf("<", start);
    let s: string | null;
    if (lt >= 0 && xml.startsWith(END_T_SI, lt)) {
      const raw = xml.slice(start, lt);
      if (utf8) {
        s = memo?.lent(out.length, raw) ?? plainText(utf8(raw));
        now?.raws.push(raw);
      } else s = memo ? memo.text(raw, plainText) : plainText(raw);
      pos = lt + END_T_SI.length;
      if (counts) counts.plain++;
    } else {
      // No end tag: the cut ends at 4, before pos, and the empty item is refused.
      const end = xml.startsWith("<si/>", pos) ? pos + 5 : xml.indexOf("</si>", pos) + 5;
      s = scannedItem(utf8 ? utf8(xml.slice(pos, end)) : xml.slice(pos, end));
      now?.raws.push("<");
      pos = end;
      if (counts) counts.scanned++;
      if (s !== null) s = unescapeOoxml(s);
    }
    if (s === null) return null;
    const over = bounded(out, s, limits, deadline);
    if (over) return over;
    out.push(s);
  }
  if (!xml.startsWith("</sst>", pos) || skipSpace(xml, pos + 6) !== xml.length) return null;
  if (now) memo!.byteItems = now;
  return out;
}

function skipSpace(xml: string, pos: number): number {
  let p = pos;
  for (;;) {
    const c = xml.charCodeAt(p);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return p;
    p++;
  }
}

/**
 * Scanner handlers that collect each `<si>`'s text (before the OOXML unescape): its `<t>` elements'
 * text, not a phonetic `<rPh>`'s nor the white space between runs. `onItem` returns false to stop.
 */
function itemCollector(onItem: (text: string) => boolean | void): XmlHandlers {
  let cur: string | null = null;
  let inT = false;
  let rPh = 0;
  let stopped = false;
  return {
    open(name) {
      if (name === "si") cur = "";
      else if (name === "rPh") rPh++; // a self-closing <rPh/> is closed (and counted down) at once
      else if (name === "t" && rPh === 0) inT = true;
    },
    text(t) {
      if (inT && cur !== null) cur += t;
    },
    close(name) {
      if (stopped) return;
      if (name === "t") inT = false;
      else if (name === "rPh") rPh--;
      else if (name === "si" && cur !== null) {
        stopped = onItem(cur) === false;
        cur = null;
      }
    },
  };
}

/** One `<si>…</si>` through the scanner: its text, or null when it is not one well-formed item. */
function scannedItem(item: string): string | null {
  const texts: string[] = [];
  const err = scanXml(item, itemCollector((t) => void texts.push(t)));
  return err === null ? (texts[0] ?? null) : null;
}

/** The general reader: every item shape, through the event scanner; malformed parts are refused. */
export function scannedSharedStrings(xml: string, limits: XlsxLimits, deadline: number): string[] | SharedStringsFail {
  const out: string[] = [];
  let fail: SharedStringsFail | null = null;
  const err = scanXml(
    xml,
    itemCollector((text) => {
      const s = unescapeOoxml(text);
      fail = bounded(out, s, limits, deadline);
      out.push(s);
      return fail === null;
    }),
  );
  if (fail) return fail;
  if (err !== null) return { fail: "CORRUPT_ZIP", detail: `sharedStrings.xml 格式错误：${err.slice(0, 80)}` };
  return out;
}
