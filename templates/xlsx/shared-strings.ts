/**
 * The shared-strings part → its strings, one per `<si>`, in order (an empty
 * item keeps its index; rich runs concatenate; phonetic runs are dropped).
 *
 * Two readers, one answer. Nearly every item ever written is plain,
 * `<si><t>…</t></si>` (Excel, WPS, exceljs; LibreOffice too, but for text in
 * mixed fonts), and a template's part carries the 18 KB indicator library as one
 * of them: the quick reader takes plain items with a few indexOf calls each and
 * hands any other item alone to the event scanner (scan.ts). When the part is
 * anything it does not expect (a comment, CDATA, text between items, a prefixed
 * root, malformed XML) it gives up, and the general reader scans the whole part
 * from the start, refusing it when malformed. tests/xlsx-shared-strings.test.ts
 * holds the two to the same answers.
 */
import type { XlsxLimits } from "./limits";
import { scanXml, type XmlHandlers } from "./scan";
import { decodeEntities, unescapeOoxml } from "./xml";

/** Why a shared-strings part was refused: a reader failure code and its detail. */
export interface SharedStringsFail {
  fail: "CORRUPT_ZIP" | "TOO_MANY_CELLS" | "READ_TIMEOUT";
  detail: string;
}

/** Read the shared-strings part (bounded by the cell-size limit and the deadline). */
export function parseSharedStrings(xml: string, limits: XlsxLimits, deadline: number): string[] | SharedStringsFail {
  return quickSharedStrings(xml, limits, deadline) ?? scannedSharedStrings(xml, limits, deadline);
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

/**
 * The quick reader: an optional declaration, the root start tag (vetted by the
 * scanner), then items separated by white space, then the root's end tag.
 * Plain items are taken by indexOf; any other item (rich runs, as LibreOffice
 * writes for mixed fonts; phonetic hints; `<si/>`) is cut at its `</si>` and
 * given to the scanner alone. Null as soon as the part is anything else, or
 * an item holds a comment, CDATA or a processing instruction (where a `</si>`
 * could hide), or the scanner finds an item malformed.
 */
export function quickSharedStrings(xml: string, limits: XlsxLimits, deadline: number): string[] | SharedStringsFail | null {
  let pos = 0;
  if (xml.startsWith("<?xml")) {
    const e = xml.indexOf("?>");
    if (e < 0) return null;
    pos = e + 2;
  }
  pos = skipSpace(xml, pos);
  const rootEnd = xml.indexOf(">", pos);
  if (!xml.startsWith("<sst", pos) || rootEnd < 0 || xml.charCodeAt(rootEnd - 1) === 47 /* / */) return null;
  // The declaration and the root's start tag, closed at once: the scanner judges its attributes.
  if (scanXml(`${xml.slice(0, rootEnd + 1)}</sst>`, { open() {} }) !== null) return null;
  pos = rootEnd + 1;
  const out: string[] = [];
  for (;;) {
    pos = skipSpace(xml, pos);
    let s: string | null;
    let start = -1;
    if (xml.startsWith(SI_T, pos)) start = pos + SI_T.length;
    else if (xml.startsWith(SI_T_PRESERVE, pos)) start = pos + SI_T_PRESERVE.length;
    const lt = start < 0 ? -1 : xml.indexOf("<", start);
    if (lt >= 0 && xml.startsWith(END_T_SI, lt)) {
      const raw = xml.slice(start, lt);
      s = raw.indexOf("&") >= 0 ? decodeEntities(raw) : raw;
      pos = lt + END_T_SI.length;
    } else if (xml.startsWith("<si", pos) && /[\s>/]/.test(xml.charAt(pos + 3))) {
      const selfClosing = /^<si\s*\/>/.exec(xml.slice(pos, pos + 40));
      const end = selfClosing ? pos + selfClosing[0].length : xml.indexOf("</si>", pos) + 5;
      if (end < 5) return null;
      const item = xml.slice(pos, end);
      if (item.includes("<!") || item.includes("<?")) return null;
      s = scannedItem(item);
      pos = end;
    } else break;
    if (s === null) return null;
    s = unescapeOoxml(s);
    const over = bounded(out, s, limits, deadline);
    if (over) return over;
    out.push(s);
  }
  if (!xml.startsWith("</sst>", pos)) return null;
  return skipSpace(xml, pos + 6) === xml.length ? out : null;
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
 * Scanner handlers that collect each `<si>`'s text (before the OOXML unescape): the runs' `<t>`,
 * not the phonetic `<rPh>`'s. `onItem` returns false to stop collecting.
 */
function itemCollector(onItem: (text: string) => boolean): XmlHandlers {
  let cur: string | null = null;
  let inT = false;
  let rPh = 0;
  let stopped = false;
  return {
    open(name, _a, selfClosing) {
      if (stopped) return;
      if (name === "si") {
        cur = "";
        if (selfClosing) (stopped = !onItem("")), (cur = null);
      } else if (name === "rPh") rPh++; // a self-closing <rPh/> is closed (and counted down) at once
      else if (name === "t" && cur !== null && rPh === 0 && !selfClosing) inT = true;
    },
    text(t) {
      if (inT && cur !== null) cur += t;
    },
    close(name) {
      if (stopped) return;
      if (name === "t") inT = false;
      else if (name === "rPh") rPh--;
      else if (name === "si" && cur !== null) {
        stopped = !onItem(cur);
        cur = null;
      }
    },
  };
}

/** One `<si>…</si>` through the scanner: its text, or null when it is not exactly one well-formed item. */
function scannedItem(item: string): string | null {
  const texts: string[] = [];
  const err = scanXml(item, itemCollector((t) => (texts.push(t), true)));
  return err === null && texts.length === 1 ? texts[0]! : null;
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
      if (!fail) out.push(s);
      return fail === null;
    }),
  );
  if (fail) return fail;
  if (err !== null) return { fail: "CORRUPT_ZIP", detail: `sharedStrings.xml 格式错误：${err.slice(0, 80)}` };
  return out;
}
