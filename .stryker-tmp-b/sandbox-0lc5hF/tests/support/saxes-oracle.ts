/**
 * saxes, the reference XML parser the reader's hand-written scanners are tested
 * against (templates/xlsx/scan.ts for the small parts, sheet-scan.ts through
 * sheet-saxes.ts for worksheets). Same events as `scanXml`: prefixes stripped,
 * a self-closing element gives open then close.
 */
// @ts-nocheck

import { SaxesParser, type SaxesTagPlain } from "saxes";
import { localName } from "../../templates/xlsx/xml";
import type { XmlHandlers } from "../../templates/xlsx/scan";

export type SaxHandlers = XmlHandlers;

/**
 * Run saxes (strict, non-namespace mode; prefixes are stripped from element
 * and attribute names). Returns an error message, or null on success.
 */
export function saxParse(xml: string, h: SaxHandlers): string | null {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  let error: string | null = null;
  parser.on("error", (e) => {
    if (error === null) error = e.message;
  });
  parser.on("doctype", () => {
    if (error === null) error = "DOCTYPE";
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const attrs: Record<string, string> = {};
    for (const k in tag.attributes) attrs[localName(k)] = tag.attributes[k]!;
    h.open(localName(tag.name), attrs, tag.isSelfClosing);
  });
  if (h.text) {
    const text = h.text;
    parser.on("text", text);
    parser.on("cdata", text);
  }
  if (h.close) {
    const close = h.close;
    parser.on("closetag", (tag: SaxesTagPlain) => close(localName(tag.name)));
  }
  try {
    parser.write(xml).close();
  } catch (e) {
    if (error === null) error = e instanceof Error ? e.message : String(e);
  }
  return error;
}
