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
// @ts-nocheck

import { readFailure, type ReadFailure } from "../errors";
import { DEFAULT_XLSX_LIMITS } from "./limits";
import type { PartMemo } from "./memo";
import { readZipDirectory, readZipEntry, type InflateBudget, type ZipCodec } from "./zip";

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

/**
 * The refusal for the first part (in zip order) outside the template's kinds,
 * or null when every part is allowed and no relationship points outside.
 * `bytes` must already have been read successfully as a zip by the reader.
 */
export function refuseForeignParts(bytes: Uint8Array, codec?: ZipCodec, memo?: PartMemo): ReadFailure | null {
  const dir = readZipDirectory(bytes, DEFAULT_XLSX_LIMITS);
  if ("fail" in dir) return readFailure(dir.fail, dir.detail);
  const rels: string[] = [];
  for (const [key, entry] of dir.entries) {
    if (key.endsWith("/")) continue; // a folder entry
    const refused = REFUSED.find(([re]) => re.test(key));
    if (refused) return readFailure(refused[1], `${DETAIL[refused[1]]}：${entry.name.slice(0, 80)}`);
    if (!ALLOWED.some((re) => re.test(key))) return readFailure("UNKNOWN_PARTS", `${DETAIL.UNKNOWN_PARTS}：${entry.name.slice(0, 80)}`);
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
