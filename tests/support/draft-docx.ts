/**
 * The drafted summary as written in its .docx, without LibreOffice: the body's text
 * (word/document.xml up to the section break before 附表), each footnote reference
 * written as 〔id〕 (ids run from 1 in body order), the footnotes' text in id order,
 * and the 附表 section's text; whitespace removed, as tests/support/draft-pdf.ts reads
 * the printed PDF, so the same cases read both (tests/support/draft-cases.ts).
 */
import { strFromU8, unzipSync } from "fflate";
import type { PrintedDraft } from "./draft-pdf";

export type DraftText = Pick<PrintedDraft, "body" | "notes" | "table">;

const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** Text runs and footnote references of a part, in order. */
function text(xml: string): string {
  let out = "";
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:footnoteReference w:id="(\d+)"\/>/g)) out += m[2] ? `〔${m[2]}〕` : decode(m[1]!);
  return out.replace(/\s+/g, "");
}

export function readDraftDocx(docx: Uint8Array): DraftText {
  const parts = unzipSync(docx);
  const doc = strFromU8(parts["word/document.xml"]!);
  // The first section's properties sit in its last paragraph's pPr, before that paragraph's runs.
  const cut = doc.indexOf("</w:p>", doc.indexOf("<w:sectPr"));
  const notes = [...strFromU8(parts["word/footnotes.xml"]!).matchAll(/<w:footnote\b[^>]*w:id="(-?\d+)"[^>]*>([\s\S]*?)<\/w:footnote>/g)]
    .map((m) => ({ id: Number(m[1]), text: text(m[2]!) }))
    .filter((n) => n.id >= 1)
    .sort((a, b) => a.id - b.id);
  notes.forEach((n, i) => {
    if (n.id !== i + 1) throw new Error(`footnote ids are not 1…n: ${notes.map((x) => x.id).join(",")}`);
  });
  return { body: text(doc.slice(0, cut)), notes: notes.map((n) => n.text), table: text(doc.slice(cut)) };
}
