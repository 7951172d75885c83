/**
 * The drafted summary as a reader sees it: .docx → LibreOffice → PDF →
 * poppler's pdftohtml -xml (text fragments with their font size and place).
 * Body text and footnotes are told apart by size; each footnote mark in the
 * body is paired, in order, with the printed note it refers to.
 */
// @ts-nocheck

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface PrintedDraft {
  pages: number;
  /** Body text up to 附表, whitespace removed; each footnote mark written as 〔n〕 (n: its note's index + 1). */
  body: string;
  /** The printed notes in order, whitespace removed. */
  notes: string[];
  /** The 附表 pages' text, whitespace removed. */
  table: string;
  /** The PDF (for page images). */
  pdf: Uint8Array;
}

const MARK = /^[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]$/;
const BODY_MIN = 22; // 三号 body and headings print at 24 (title 33)
const NOTE_MAX = 16; // 小五 notes at 13–14
const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/** Convert a .docx with LibreOffice (private profile) and read the printed text. */
export function printDraft(docx: Uint8Array): PrintedDraft {
  const dir = mkdtempSync(join(tmpdir(), "huizong-draft-"));
  try {
    const file = join(dir, "draft.docx");
    writeFileSync(file, docx);
    execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, file], { timeout: 180_000, stdio: "pipe" });
    const pdf = new Uint8Array(readFileSync(join(dir, "draft.pdf")));
    const xml = execFileSync("pdftohtml", ["-xml", "-i", "-q", "-stdout", join(dir, "draft.pdf")], { maxBuffer: 256 * 1024 * 1024 }).toString("utf8");
    return { ...readXml(xml), pdf };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Fragment {
  page: number;
  /** 附表 pages are landscape. */
  landscape: boolean;
  top: number;
  size: number;
  text: string;
}

function readXml(xml: string): Omit<PrintedDraft, "pdf"> {
  const sizes = new Map<string, number>();
  for (const m of xml.matchAll(/<fontspec id="(\d+)" size="(-?\d+)"/g)) sizes.set(m[1]!, Number(m[2]));
  const frags: Fragment[] = [];
  let pages = 0;
  for (const pm of xml.matchAll(/<page number="(\d+)"[^>]*height="(\d+)" width="(\d+)">([\s\S]*?)<\/page>/g)) {
    pages++;
    const landscape = Number(pm[3]) > Number(pm[2]);
    for (const m of pm[4]!.matchAll(/<text top="(-?\d+)" left="-?\d+" width="-?\d+" height="-?\d+" font="(\d+)">([\s\S]*?)<\/text>/g)) {
      frags.push({ page: Number(pm[1]), landscape, top: Number(m[1]), size: sizes.get(m[2]!) ?? 0, text: decode(m[3]!).replace(/\s+/g, "") });
    }
  }
  let body = "";
  let table = "";
  const notes: string[] = [];
  let inTable = false;
  let bodyMarks = 0;
  frags.forEach((f, i) => {
    if (!f.text) return;
    if (f.landscape) inTable = true;
    if (inTable) {
      if (!/^—\d+—$/.test(f.text)) table += f.text;
      return;
    }
    if (MARK.test(f.text)) {
      // A printed note's mark has its note text ("来源：…") on the same line.
      const next = frags.slice(i + 1, i + 4).find((g) => g.page === f.page && Math.abs(g.top - f.top) <= 14 && g.size <= NOTE_MAX && !MARK.test(g.text));
      if (next && next.text.startsWith("来源")) notes.push("");
      else body += `〔${++bodyMarks}〕`;
      return;
    }
    if (f.size >= BODY_MIN) body += f.text;
    else if (f.size <= NOTE_MAX && notes.length) notes[notes.length - 1] += f.text;
  });
  return { pages, body, notes, table };
}
