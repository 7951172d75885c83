/**
 * XML text for SpreadsheetML: the five markup characters escaped, and the
 * characters XML 1.0 cannot carry (C0 controls other than tab/LF/CR,
 * U+FFFE/U+FFFF) written as Excel's `_xHHHH_` escapes (a lone surrogate becomes U+FFFD), which Excel,
 * LibreOffice, exceljs and our reader decode back. A literal "_x0041_" in the
 * text has its underscore escaped (`_x005F_`) so it survives the round trip.
 */
// @ts-nocheck


// Markup, OOXML-escape look-alikes, C0 controls, surrogates and the two non-characters.
// Element text needs only & and < escaped ('"' and '>' are plain there: formulas stay short and fast).
const NEEDS_TEXT = /[<&\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;
const ANY_TEXT = /[<&\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;
const NEEDS_ATTR = /[<>&"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;
const ANY_ATTR = /[<>&"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;

const hex4 = (c: number) => `_x${c.toString(16).toUpperCase().padStart(4, "0")}_`;

function replace(m: string): string {
  switch (m) {
    case "<":
      return "&lt;";
    case ">":
      return "&gt;";
    case "&":
      return "&amp;";
    case '"':
      return "&quot;";
    case "_":
      return "_x005F_";
  }
  // A valid surrogate pair is kept as it is; a lone half is no character at all.
  if (m.length === 2) return m;
  const c = m.charCodeAt(0);
  return c >= 0xd800 && c <= 0xdfff ? "\uFFFD" : hex4(c);
}

/** Escape text for an element body. */
export function escText(text: string): string {
  return NEEDS_TEXT.test(text) ? text.replace(ANY_TEXT, replace) : text;
}

/** Escape text for a double-quoted attribute value. */
export function esc(text: string): string {
  return NEEDS_ATTR.test(text) ? text.replace(ANY_ATTR, replace) : text;
}
