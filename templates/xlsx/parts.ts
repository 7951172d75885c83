/**
 * Content disarm by refusal: which zip parts an upload of the template may
 * carry. A report is data in five worksheets; anything that can act when a
 * reviewer opens the original (macros, external links and data connections,
 * OLE/ActiveX/embedded files) or hide bulk (a padding part, pictures,
 * attachments) is refused with a Chinese message, not silently dropped:
 * the clerk learns what to remove, and what the county downloads is exactly
 * what the checks read. Why refusal rather than rebuilding: docs/security.md.
 *
 * The allow-list is what Excel, WPS and LibreOffice write when they save the
 * template (workbook, sheets, styles, strings, theme, document properties,
 * calc chain, printer settings, comments and their VML, custom XML
 * properties). Every relationship with `TargetMode="External"` is refused
 * (links to other workbooks, UNC paths, web addresses).
 *
 * Runtime-free like the rest of templates/: bytes in, a finding out. Called
 * once, from inspect.ts, after the reader accepted the zip.
 */
import { readFailure, type ReadFailure } from "../errors";
import { DEFAULT_XLSX_LIMITS } from "./limits";
import type { PartMemo } from "./memo";
import { readZipDirectory, readZipEntry, type InflateBudget, type ZipCodec, type ZipDir, type ZipFail } from "./zip";

type Refusal = "XLSM_MACROS" | "EXTERNAL_LINKS" | "EMBEDDED_OBJECTS" | "UNKNOWN_PARTS";

/** Parts refused by kind (lower-cased names), before the allow-list is consulted. */
const REFUSED: ReadonlyArray<[RegExp, Refusal]> = [
  [/(^|\/)vbaproject\.bin$|^xl\/(macrosheets|dialogsheets)\/|^xl\/vbadata\.xml$/, "XLSM_MACROS"],
  [/^xl\/externallinks\/|^xl\/connections\.xml$|^xl\/querytables\//, "EXTERNAL_LINKS"],
  [/^xl\/(embeddings|activex|ctrlprops)\/|\.bin$(?<!printersettings\d{0,4}\.bin)/, "EMBEDDED_OBJECTS"],
];

/** Parts a saved template may have (lower-cased names). */
const ALLOWED: readonly RegExp[] = [
  /^\[content_types\]\.xml$/,
  /^_rels\/\.rels$/,
  /^docprops\/(app|core|custom)\.xml$/,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\/workbook\.xml\.rels$/,
  /^xl\/(styles|sharedstrings|calcchain|metadata)\.xml$/,
  /^xl\/theme\/theme\d+\.xml$/,
  /^xl\/worksheets\/sheet\d+\.xml$/,
  /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/,
  /^xl\/printersettings\/printersettings\d+\.bin$/,
  /^xl\/comments\d+\.xml$/,
  /^xl\/drawings\/vmldrawing\d+\.vml$/,
  /^xl\/persons\/person\.xml$/,
  /^xl\/threadedcomments\/threadedcomment\d+\.xml$/,
  /^customxml\/(item\d+|itemprops\d+)\.xml$/,
  /^customxml\/_rels\/item\d+\.xml\.rels$/,
];

const DETAIL: Record<Refusal, string> = {
  XLSM_MACROS: "宏",
  EXTERNAL_LINKS: "外部链接",
  EMBEDDED_OBJECTS: "嵌入对象",
  UNKNOWN_PARTS: "其他部件",
};

/** What a part's name says: refused as a kind, not on the allow-list, or allowed. */
type Verdict = Refusal | "allowed";

/**
 * Verdicts by name. A verdict depends on the name alone, and a merge asks about the same twenty names in
 * every file, each tried against up to 19 patterns. Bounded: cleared when full.
 */
const VERDICTS = new Map<string, Verdict>();
const VERDICTS_MAX = 1024;

function verdict(key: string): Verdict {
  let v = VERDICTS.get(key);
  if (v === undefined) {
    v = REFUSED.find(([re]) => re.test(key))?.[1] ?? (ALLOWED.some((re) => re.test(key)) ? "allowed" : "UNKNOWN_PARTS");
    if (VERDICTS.size >= VERDICTS_MAX) VERDICTS.clear();
    VERDICTS.set(key, v);
  }
  return v;
}

/**
 * The refusal for the first part (in zip order) outside the template's kinds,
 * or null when every part is allowed and no relationship points outside.
 * `bytes` must already have been read successfully as a zip by the reader; `dir` is the directory
 * that read found, when the caller has it.
 */
export function refuseForeignParts(bytes: Uint8Array, codec?: ZipCodec, memo?: PartMemo, dir: ZipDir | ZipFail = readZipDirectory(bytes, DEFAULT_XLSX_LIMITS)): ReadFailure | null {
  if ("fail" in dir) return readFailure(dir.fail, dir.detail);
  const rels: string[] = [];
  for (const [key, entry] of dir.entries) {
    if (key.endsWith("/")) continue; // a folder entry
    const v = verdict(key);
    if (v !== "allowed") return readFailure(v, `${DETAIL[v]}：${entry.name.slice(0, 80)}`);
    if (key.endsWith(".rels")) rels.push(key);
  }
  const budget: InflateBudget = { remaining: DEFAULT_XLSX_LIMITS.maxUncompressedBytes, deadline: Date.now() + DEFAULT_XLSX_LIMITS.timeoutMs };
  for (const key of rels) {
    const entry = dir.entries.get(key)!;
    if (memo?.get("no-external", bytes, dir, entry) === true) continue;
    const data = readZipEntry(bytes, dir, entry, budget, codec);
    if ("fail" in data) return readFailure(data.fail, data.detail);
    const xml = new TextDecoder().decode(data);
    const external = /<Relationship\b[^>]*\bTargetMode\s*=\s*["']External["'][^>]*>/i.exec(xml);
    if (external) {
      const target = /\bTarget\s*=\s*["']([^"']*)["']/i.exec(external[0])?.[1] ?? "";
      return readFailure("EXTERNAL_LINKS", `${DETAIL.EXTERNAL_LINKS}：${target.slice(0, 80)}`);
    }
    memo?.set("no-external", bytes, dir, entry, true);
  }
  return null;
}
