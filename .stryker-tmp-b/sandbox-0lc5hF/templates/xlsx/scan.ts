/**
 * The event scanner the reader runs over the small parts (workbook, relationships,
 * styles, shared strings): the same events as a SAX parser, written by hand like
 * the worksheet scanner (sheet-scan.ts).
 *
 * Why not saxes: a merge reads every file's styles and shared strings, and saxes
 * (a validating, streaming parser) spent ~0.45 ms of a template's ~2.6 ms read on
 * these 15 KB (`node --import tsx bench/xlsx-grid.bench.ts`); this scanner does the
 * same work in a few indexOf calls per tag. saxes stays as the test oracle
 * (tests/support/saxes-oracle.ts): tests/xlsx-scan.test.ts runs both over real parts
 * and generated documents and expects the same events, and the same refusals.
 *
 * What it checks: one root element; start and end tags that match; names without
 * markup characters; attributes quoted, not repeated, without `<`; the five named
 * entities and numeric character references (anything else is an error);
 * comments, CDATA and processing instructions closed. DOCTYPE and ENTITY are
 * refused (the reader refuses them earlier too). Namespace prefixes are stripped
 * from element and attribute names, as the handlers expect.
 */
// @ts-nocheck

import { decodeEntities, localName } from "./xml";

/** What a part parser listens to. A self-closing element gives `open` (selfClosing true) then `close`. */
export interface XmlHandlers {
  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** XML white space (space, LF, CR, tab) by char code; the worksheet scanner uses it too. */
export const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;
/** Characters that end a name, and those that may not appear in one. */
const isNameEnd = (c: number): boolean => isSpace(c) || c === 62 || c === 47;
const isBadNameChar = (c: number): boolean => c === 60 || c === 61 || c === 34 || c === 39 || c === 38;

function onlySpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

/** XML attribute-value normalisation: literal tab, CR and LF become spaces (character references stay). */
function attrValue(raw: string): string | null {
  const spaced = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, " ") : raw;
  return spaced.indexOf("&") >= 0 ? decodeEntities(spaced) : spaced;
}

/** Scan `xml`, calling the handlers in document order. Returns an error message, or null when well formed. */
export function scanXml(xml: string, h: XmlHandlers): string | null {
  const n = xml.length;
  const stack: string[] = [];
  // Qualified attribute names of the current tag (a tag has a handful: a linear search beats a Set per tag).
  const keys: string[] = [];
  let rootSeen = false;
  let pos = 0;
  while (pos < n) {
    const lt = xml.indexOf("<", pos);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > pos) {
      const raw = xml.slice(pos, textEnd);
      if (stack.length === 0) {
        if (!onlySpace(raw)) return "Text outside the root element.";
      } else {
        const t = raw.indexOf("&") >= 0 ? decodeEntities(raw) : raw;
        if (t === null) return "Invalid entity or character reference.";
        h.text?.(t);
      }
    }
    if (lt < 0) break;
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 33 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const e = xml.indexOf("-->", lt + 4);
        if (e < 0) return "Unclosed comment.";
        pos = e + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        if (stack.length === 0) return "CDATA outside the root element.";
        const e = xml.indexOf("]]>", lt + 9);
        if (e < 0) return "Unclosed CDATA section.";
        h.text?.(xml.slice(lt + 9, e));
        pos = e + 3;
      } else {
        return "DOCTYPE";
      }
      continue;
    }
    if (c1 === 63 /* ? */) {
      const e = xml.indexOf("?>", lt + 2);
      if (e < 0) return "Unclosed processing instruction.";
      pos = e + 2;
      continue;
    }
    if (c1 === 47 /* / */) {
      const gt = xml.indexOf(">", lt + 2);
      if (gt < 0) return "Unclosed end tag.";
      let end = gt;
      while (end > lt + 2 && isSpace(xml.charCodeAt(end - 1))) end--;
      const name = xml.slice(lt + 2, end);
      const open = stack.pop();
      if (open === undefined) return `Unexpected end tag ${name.slice(0, 40)}.`;
      if (open !== name) return `End tag ${name.slice(0, 40)} does not match ${open.slice(0, 40)}.`;
      h.close?.(localName(name));
      pos = gt + 1;
      continue;
    }
    // Start tag: name, then attributes up to ">" or "/>".
    let i = lt + 1;
    while (i < n && !isNameEnd(xml.charCodeAt(i))) {
      if (isBadNameChar(xml.charCodeAt(i))) return "Invalid character in a tag name.";
      i++;
    }
    if (i === lt + 1 || i >= n) return "Malformed start tag.";
    const name = xml.slice(lt + 1, i);
    if (stack.length === 0 && rootSeen) return "More than one root element.";
    const attrs: Record<string, string> = {};
    keys.length = 0;
    let selfClosing = false;
    for (;;) {
      const before = i;
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      if (i >= n) return "Unclosed start tag.";
      const c = xml.charCodeAt(i);
      if (c === 62) {
        i++;
        break;
      }
      if (c === 47) {
        if (xml.charCodeAt(i + 1) !== 62) return "Malformed self-closing tag.";
        selfClosing = true;
        i += 2;
        break;
      }
      if (i === before) return "Attributes must be separated by white space.";
      const an = i;
      while (i < n) {
        const d = xml.charCodeAt(i);
        if (d === 61 || isSpace(d)) break;
        if (d === 62 || d === 47 || isBadNameChar(d)) return "Invalid character in an attribute name.";
        i++;
      }
      if (i === an) return "Empty attribute name.";
      const key = xml.slice(an, i);
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      if (xml.charCodeAt(i) !== 61) return `Attribute ${key.slice(0, 40)} without a value.`;
      i++;
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== 34 && quote !== 39) return "Unquoted attribute value.";
      const close = xml.indexOf(quote === 34 ? '"' : "'", i + 1);
      if (close < 0) return "Unclosed attribute value.";
      const raw = xml.slice(i + 1, close);
      if (raw.indexOf("<") >= 0) return "A < in an attribute value.";
      const value = attrValue(raw);
      if (value === null) return "Invalid entity or character reference.";
      if (keys.includes(key)) return `Duplicate attribute ${key.slice(0, 40)}.`;
      keys.push(key);
      attrs[localName(key)] = value;
      i = close + 1;
    }
    rootSeen = true;
    const local = localName(name);
    h.open(local, attrs, selfClosing);
    if (selfClosing) h.close?.(local);
    else stack.push(name);
    pos = i;
  }
  if (stack.length > 0) return `Unclosed element ${stack[stack.length - 1]!.slice(0, 40)}.`;
  if (!rootSeen) return "No root element.";
  return null;
}
