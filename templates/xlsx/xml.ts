/** XML helpers shared by the part parsers: decoding, the DOCTYPE/ENTITY guard, entities, names. */

const utf8 = new TextDecoder("utf-8");

/**
 * A runtime's fast byte decodings (Node's Buffer), which let the reader scan a
 * UTF-8 part as bytes: one char per byte, the markup being ASCII, and only the
 * text it keeps decoded as UTF-8. Decoding a whole part costs ~1.3 ns a byte when
 * it holds Chinese (the template's prompts and shared strings do) against ~0.05
 * for one char per byte, and its string is half the size. Browsers have no
 * one-byte decoding that keeps bytes 0x80–0x9F (the "latin1" label is
 * windows-1252 there), so they decode the whole part.
 */
export interface ByteText {
  /** `data` as one char per byte: char i is byte i. */
  latin1(data: Uint8Array): string;
  /** A string of one char per byte (as `latin1` gives), its bytes read as UTF-8. */
  utf8(bytes: string): string;
}

/** An XML part's text for a scanner: decoded, or with `utf8` one char per byte of a UTF-8 part. */
export interface XmlText {
  xml: string;
  /** For one-char-per-byte text: decodes a slice of it (cut at markup, never inside a character). */
  utf8?: (bytes: string) => string;
}

/**
 * Where a part's UTF-8 text begins (0, or 3 after a byte-order mark) when it is
 * UTF-8 by XML 1.0 appendix F; null when it is UTF-16 or declares another encoding.
 */
export function utf8Start(bytes: Uint8Array): number | null {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff) || (b0 === 0x00 && b1 === 0x3c) || (b0 === 0x3c && b1 === 0x00)) return null;
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return 3;
  const declared = declaredEncoding(bytes);
  // "UTF-16" declared over single-byte units cannot be: the bytes themselves are ASCII-compatible.
  return declared === null || /^(utf-?8$|utf-?16|ucs-?2|iso-10646-ucs-2)/i.test(declared) ? 0 : null;
}

/**
 * A part's text for the scanners: with the runtime's `bytes`, a UTF-8 part as one
 * char per byte (see ByteText); otherwise decoded (decodeXml). Null as decodeXml.
 */
export function xmlText(data: Uint8Array, bytes?: ByteText): XmlText | null {
  const start = bytes ? utf8Start(data) : null;
  if (bytes && start !== null) return { xml: bytes.latin1(start === 0 ? data : data.subarray(start)), utf8: bytes.utf8 };
  const xml = decodeXml(data);
  return xml === null ? null : { xml };
}

/**
 * Bytes of an XML part → string, the way XML 1.0 appendix F says to find the
 * encoding: a byte-order mark, else the first bytes of `<?xml` (UTF-16 BE/LE
 * without a BOM), else the declaration's `encoding="…"` (GB18030, GBK,
 * windows-1252…, whatever the platform's TextDecoder knows), else UTF-8.
 * Null when the declared encoding is one no decoder knows.
 */
export function decodeXml(bytes: Uint8Array): string | null {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  if (b0 === 0x00 && b1 === 0x3c) return new TextDecoder("utf-16be").decode(bytes);
  if (b0 === 0x3c && b1 === 0x00) return new TextDecoder("utf-16le").decode(bytes);
  if (utf8Start(bytes) !== null) return utf8.decode(bytes);
  const declared = declaredEncoding(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared ?? "utf-8");
  } catch {
    return null;
  }
  return decoder.decode(bytes);
}

/** The `encoding` pseudo-attribute of an ASCII-compatible `<?xml …?>` declaration, if any. */
function declaredEncoding(bytes: Uint8Array): string | null {
  if (!(bytes[0] === 0x3c && bytes[1] === 0x3f && bytes[2] === 0x78 && bytes[3] === 0x6d && bytes[4] === 0x6c)) return null;
  let end = 5;
  while (end < bytes.length && end < 200 && bytes[end] !== 0x3e) end++;
  // One string, not one per byte (this runs for every part of every file).
  const head = String.fromCharCode(...bytes.subarray(0, end));
  const m = /\sencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(head);
  return m ? m[1]! : null;
}

/**
 * True when the document declares a DOCTYPE or an ENTITY. Checked on the raw
 * text before any parser sees it: no OOXML writer emits either, and refusing
 * them outright closes external-entity and billion-laughs attacks.
 */
export function hasUnsafeDeclaration(xml: string): boolean {
  // Each "!" then a look back for "<": V8 finds one character at memchr speed, "<!" some 35 times slower.
  for (let i = xml.indexOf("!"); i >= 0; i = xml.indexOf("!", i + 1)) {
    if (xml.charCodeAt(i - 1) !== 60) continue;
    const word = xml.slice(i + 1, i + 11).replace(/^\s+/, "").slice(0, 7).toUpperCase();
    if (word.startsWith("DOCTYPE") || word.startsWith("ENTITY")) return true;
  }
  return false;
}

/** Replace XML entity and character references; null on an unknown or malformed one. */
export function decodeEntities(s: string): string | null {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  let out = "";
  let last = 0;
  while (amp >= 0) {
    const semi = s.indexOf(";", amp + 1);
    if (semi < 0 || semi - amp > 12) return null;
    out += s.slice(last, amp);
    const body = s.slice(amp + 1, semi);
    switch (body) {
      case "amp":
        out += "&";
        break;
      case "lt":
        out += "<";
        break;
      case "gt":
        out += ">";
        break;
      case "quot":
        out += '"';
        break;
      case "apos":
        out += "'";
        break;
      default: {
        let code = NaN;
        if (/^#x[0-9a-fA-F]{1,6}$/.test(body)) code = parseInt(body.slice(2), 16);
        else if (/^#[0-9]{1,7}$/.test(body)) code = parseInt(body.slice(1), 10);
        if (!(code >= 1 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return null;
        out += String.fromCodePoint(code);
      }
    }
    last = semi + 1;
    amp = s.indexOf("&", last);
  }
  return out + s.slice(last);
}

/**
 * OOXML escapes characters XML cannot hold as `_xHHHH_` (e.g. `_x000D_` for CR,
 * `_x005F_` for a literal underscore before such a sequence) in shared strings,
 * inline strings and the cached text of formula cells (`t="str"`).
 */
export function unescapeOoxml(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Element or attribute name without its namespace prefix (`x:c` → `c`). */
export function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}
