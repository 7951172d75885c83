/**
 * The fast, defensive "xlsx bytes → Grid" reader used by the server, the CLI
 * and the standalone web page (browser-safe: no node:* imports, no Buffer).
 *
 * Order of defence: sniff the bytes (empty, too large, CFB/encrypted, HTML,
 * CSV), vet the zip central directory (names, counts, declared sizes), refuse
 * macros, then inflate only the parts needed — each bounded by its declared
 * size, the total budget and the deadline — and refuse DOCTYPE/ENTITY before
 * any XML is parsed. Never throws; every problem is a ReadFailure.
 */
import type { Grid, GridSheet } from "../grid";
import { readFailure, type ReadErrorCode, type ReadFailure } from "../errors";
import { replayCells, type RawCell, type SheetContext, type SheetFail, type SheetResult } from "./cells";
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from "./limits";
import { BUILTIN_NUMFMTS } from "./numfmt";
import { parseSheetScan } from "./sheet-scan";
import { cfbIsEncryptedOoxml, sniffFileKind, type FileKind } from "./sniff";
import type { PartMemo } from "./memo";
import { readZipDirectory, readZipEntry, type InflateBudget, type ZipCodec, type ZipDir, type ZipEntry } from "./zip";
import { scanXml } from "./scan";
import { parseSharedStrings } from "./shared-strings";
import { hasUnsafeDeclaration, xmlText, type ByteText, type XmlText } from "./xml";

export { sniffFileKind, DEFAULT_XLSX_LIMITS };
export { PartMemo } from "./memo";
export type { XlsxLimits, FileKind, ZipCodec, ByteText };

export interface ReadXlsxGridOptions {
  /** Override some of the bounds (defaults in DEFAULT_XLSX_LIMITS). */
  limits?: Partial<XlsxLimits>;
  /** Parse cells only of these sheets; the others are still listed, with no cells. */
  sheets?: string[];
  /** A faster inflate and CRC-32 (Node's zlib, from an adapter); fflate otherwise. */
  codec?: ZipCodec;
  /** Parts already parsed in this batch of reads (workbook, relationships, styles): see memo.ts. */
  memo?: PartMemo;
}

export type ReadXlsxGridResult = { ok: true; grid: Grid } | ReadFailure;

/** A read grid with the zip directory it was read through (for a caller that vets the same file's parts). */
export type ReadXlsxGridAndDirectory = { ok: true; grid: Grid; dir: ZipDir } | ReadFailure;

class Fail {
  constructor(
    readonly code: ReadErrorCode,
    readonly detail?: string,
  ) {}
}

const REL_OFFICE_DOC = "/officeDocument";
const KIND_CODES: Partial<Record<FileKind, ReadErrorCode>> = {
  empty: "EMPTY_FILE",
  biff: "NOT_XLSX_XLS",
  xml2003: "NOT_XLSX_XML2003",
  fods: "NOT_XLSX_ODS",
  html: "NOT_XLSX_HTML",
  csv: "NOT_XLSX_CSV",
  text: "NOT_XLSX_UNKNOWN",
  unknown: "NOT_XLSX_UNKNOWN",
};

/**
 * Read an .xlsx file into a Grid: sheets in workbook order with their state,
 * cells with calculated value, formula, number format and error, and the
 * workbook-level defined names. Bounded by `limits`; never throws.
 */
export function readXlsxGrid(bytes: Uint8Array, opts: ReadXlsxGridOptions = {}): ReadXlsxGridResult {
  const r = readXlsxGridAndDirectory(bytes, opts);
  return r.ok ? { ok: true, grid: r.grid } : r;
}

/**
 * readXlsxGrid, with the zip directory it read: inspect.ts vets the parts of the same file through it
 * (parts.ts) instead of reading the directory again.
 */
export function readXlsxGridAndDirectory(bytes: Uint8Array, opts: ReadXlsxGridOptions = {}): ReadXlsxGridAndDirectory {
  const limits: XlsxLimits = { ...DEFAULT_XLSX_LIMITS, ...opts.limits };
  try {
    const got = read(bytes, limits, opts);
    if (got instanceof Fail) return readFailure(got.code, got.detail);
    return { ok: true, grid: got.grid, dir: got.dir };
  } catch (e) {
    // Defensive net: a bug or an unforeseen input must still come back as data.
    return readFailure("CORRUPT_ZIP", `无法读取：${e instanceof Error ? e.message.slice(0, 100) : "未知错误"}`);
  }
}

/**
 * The refusal of a file of `size` bytes over the size bound, or null: for an adapter that knows the
 * size before reading the bytes (a file on disk), so an oversized file is refused unread.
 */
export function refuseOversized(size: number, limits: Partial<XlsxLimits> = {}): ReadFailure | null {
  const l: XlsxLimits = { ...DEFAULT_XLSX_LIMITS, ...limits };
  return size > l.maxFileBytes ? readFailure("FILE_TOO_LARGE", tooLargeDetail(size, l)) : null;
}

function tooLargeDetail(size: number, limits: XlsxLimits): string {
  return `${(size / 1048576).toFixed(1)} MB，上限 ${(limits.maxFileBytes / 1048576).toFixed(1)} MB`;
}

function read(bytes: Uint8Array, limits: XlsxLimits, opts: ReadXlsxGridOptions): { grid: Grid; dir: ZipDir } | Fail {
  const started = Date.now();
  if (bytes.length === 0) return new Fail("EMPTY_FILE");
  if (bytes.length > limits.maxFileBytes) return new Fail("FILE_TOO_LARGE", tooLargeDetail(bytes.length, limits));
  const kind = sniffFileKind(bytes);
  if (kind === "cfb") return new Fail(cfbIsEncryptedOoxml(bytes) ? "ENCRYPTED" : "NOT_XLSX_XLS");
  if (kind === "biff") return new Fail("NOT_XLSX_XLS", "Excel 2.x–5.0 工作表格式");
  if (kind !== "zip") return new Fail(KIND_CODES[kind] ?? "NOT_XLSX_UNKNOWN");

  const dir = readZipDirectory(bytes, limits);
  if ("fail" in dir) return new Fail(dir.fail, dir.detail);
  const budget: InflateBudget = { remaining: limits.maxUncompressedBytes, deadline: started + limits.timeoutMs };

  const has = (name: string): boolean => dir.entries.has(name.toLowerCase());
  // Worksheets, the bulk of a file, as bytes when the runtime can (see ByteText).
  const partText = (name: string): XmlText | Fail | undefined => readPart(bytes, dir, name, budget, opts.codec, opts.codec?.bytes);
  // The small parts decoded (workbook, relationships, styles: the memo spares most of them).
  const part = (name: string): string | Fail | undefined => {
    const t = readPart(bytes, dir, name, budget, opts.codec);
    return t === undefined || t instanceof Fail ? t : t.xml;
  };
  /** What the memo holds, as `kind`, for this entry's very stored bytes, its size spent from the budget as an inflate would. */
  const recalled = (kind: string, entry: ZipEntry): unknown => {
    // Within the budget only: past it, the read that follows refuses the part as it would without a memo.
    const known = entry.size <= budget.remaining ? opts.memo?.get(kind, bytes, dir, entry) : undefined;
    if (known !== undefined) budget.remaining -= entry.size;
    return known;
  };
  /** A small part parsed, or the memo's parse of the same stored bytes. */
  const parsed = <T>(name: string, kind: string, parse: (xml: string) => T | Fail): T | Fail | undefined => {
    const entry = dir.entries.get(name.toLowerCase());
    if (!entry) return undefined;
    const known = recalled(kind, entry);
    if (known !== undefined) return known as T;
    const xml = part(name);
    if (xml === undefined || xml instanceof Fail) return xml;
    const value = parse(xml);
    if (!(value instanceof Fail)) opts.memo?.set(kind, bytes, dir, entry, value);
    return value;
  };
  const foreign = foreignPackage(dir, part);
  if (foreign) return foreign;
  if (!has("[Content_Types].xml")) {
    // A town's reports zipped together (or mailed as one archive): what to do is unpack it.
    const workbooks = [...dir.entries.keys()].filter((k) => k.endsWith(".xlsx")).length;
    return new Fail("NOT_OOXML", workbooks ? `这是压缩包，里面有 ${workbooks} 个 .xlsx 文件：请先解压，再逐个上传或汇总` : "缺少 [Content_Types].xml");
  }

  let wbPath = "xl/workbook.xml";
  if (!has(wbPath)) {
    const rootRels = part("_rels/.rels");
    if (rootRels instanceof Fail) return rootRels;
    const root = rootRels === undefined ? undefined : parseRels(rootRels, "", "_rels/.rels");
    if (root instanceof Fail) return root;
    const doc = root === undefined ? undefined : [...root.values()].find((r) => r.type.endsWith(REL_OFFICE_DOC));
    if (!doc || !has(doc.target)) return new Fail("NOT_OOXML", "缺少 xl/workbook.xml");
    wbPath = doc.target;
  }
  const wb = parsed(wbPath, "workbook", parseWorkbook);
  if (wb instanceof Fail) return wb;
  if (wb === undefined) return new Fail("NOT_OOXML");
  if (wb.sheets.length > limits.maxSheets) return new Fail("TOO_MANY_SHEETS", `${wb.sheets.length} 个工作表`);

  const wbDir = wbPath.slice(0, wbPath.lastIndexOf("/") + 1);
  const relsParsed = parsed(`${wbDir}_rels/${wbPath.slice(wbDir.length)}.rels`, `rels:${wbDir}`, (xml) => parseRels(xml, wbDir, "workbook.xml.rels"));
  if (relsParsed instanceof Fail) return relsParsed;
  const rels = relsParsed ?? new Map<string, Rel>();
  const relOfType = (suffix: string, fallback: string): string => {
    for (const r of rels.values()) if (r.type.endsWith(suffix)) return r.target;
    return fallback;
  };

  const wanted = opts.sheets ? new Set(opts.sheets) : null;
  const parsing = wb.sheets.filter((s) => !wanted || wanted.has(s.name));

  let xfFormats: string[] = [];
  let sharedStrings: string[] = [];
  if (parsing.length > 0) {
    const st = parsed(relOfType("/styles", `${wbDir}styles.xml`), "styles", parseStyles);
    if (st instanceof Fail) return st;
    if (st !== undefined) xfFormats = st;
    // Within a batch, as bytes when the runtime can: the memo answers the template's items without
    // decoding them (PartMemo.byteItems). Alone, decoded whole: one native decoding beats one per item.
    const sstName = relOfType("/sharedStrings", `${wbDir}sharedStrings.xml`);
    const sstXml = opts.memo ? partText(sstName) : part(sstName);
    if (sstXml instanceof Fail) return sstXml;
    if (sstXml !== undefined) {
      const sst = parseSharedStrings(sstXml, limits, budget.deadline, opts.memo);
      if ("fail" in sst) return new Fail(sst.fail, sst.detail);
      sharedStrings = sst;
    }
  }

  const ctx: SheetContext = { sharedStrings, xfFormats, limits, deadline: budget.deadline, cellCount: 0 };
  /** A worksheet's cells: replayed when the memo holds a scan of these very stored bytes (memo.ts), else scanned. */
  const worksheet = (name: string): SheetResult | SheetFail | Fail | undefined => {
    const entry = dir.entries.get(name.toLowerCase());
    const known = entry && (recalled("cells", entry) as readonly RawCell[] | undefined);
    if (known) return replayCells(known, ctx);
    const xml = partText(name);
    if (xml === undefined || xml instanceof Fail) return xml;
    const log: RawCell[] | undefined = entry && opts.memo?.repeats("cells", entry) ? [] : undefined;
    const res = parseSheetScan(xml, ctx, log);
    if (log && !("fail" in res)) opts.memo!.set("cells", bytes, dir, entry!, log);
    return res;
  };
  const sheets: GridSheet[] = [];
  for (const s of wb.sheets) {
    const sheet: GridSheet = { name: s.name, state: s.state, cells: {}, rowCount: 0 };
    sheets.push(sheet);
    if (wanted && !wanted.has(s.name)) continue;
    const rel = rels.get(s.rid);
    if (!rel) return new Fail("CORRUPT_ZIP", `工作表“${s.name}”缺少关联`);
    const missing = () => new Fail("CORRUPT_ZIP", `工作表“${s.name}”缺失（${rel.target}）`);
    if (!rel.type.endsWith("/worksheet")) {
      // Chartsheets, dialog sheets: no cells, but they must be there and inflate.
      const xml = partText(rel.target);
      if (xml instanceof Fail) return xml;
      if (xml === undefined) return missing();
      continue;
    }
    const res = worksheet(rel.target);
    if (res instanceof Fail) return res;
    if (res === undefined) return missing();
    if ("fail" in res) return new Fail(res.fail, res.detail ? `工作表“${s.name}”：${res.detail}` : `工作表“${s.name}”`);
    sheet.cells = res.cells;
    sheet.rowCount = res.rowCount;
    if (Date.now() > budget.deadline) return new Fail("READ_TIMEOUT");
  }
  const grid: Grid = { sheets };
  // A copy: the memo may hand the same parse to the next file.
  if (Object.keys(wb.definedNames).length > 0) grid.definedNames = { ...wb.definedNames };
  return { grid, dir };
}

/**
 * Zip packages that are spreadsheets but not .xlsx, and workbooks with code.
 * Macros are judged by the parts a package holds — a VBA project, Excel 4.0
 * macro sheets, ActiveX controls — never by a content-type string: SheetJS
 * declares the macro-enabled `bin` default in every workbook it writes.
 */
function foreignPackage(dir: ZipDir, text: (name: string) => string | Fail | undefined): Fail | null {
  let macro: string | null = null;
  for (const key of dir.entries.keys()) {
    if (key.endsWith("vbaproject.bin")) macro = macro ?? "VBA";
    else if (key.startsWith("xl/macrosheets/")) macro = macro ?? "Excel 4.0 宏表";
    else if (key.startsWith("xl/activex/")) macro = macro ?? "ActiveX 控件";
  }
  if (dir.entries.has("mimetype") && !dir.entries.has("[content_types].xml")) {
    const mime = text("mimetype");
    if (mime instanceof Fail) return mime;
    if (mime !== undefined && mime.trim().startsWith("application/vnd.oasis.opendocument.spreadsheet")) return new Fail("NOT_XLSX_ODS");
  }
  if (dir.entries.has("xl/workbook.bin")) return new Fail("NOT_XLSX_XLSB");
  return macro === null ? null : new Fail("XLSM_MACROS", macro);
}

/** A part's text (as one char per byte when the codec offers it and the part is UTF-8: see ByteText). */
function readPart(bytes: Uint8Array, dir: ZipDir, name: string, budget: InflateBudget, codec: ZipCodec | undefined, asBytes?: ByteText): XmlText | Fail | undefined {
  const entry = dir.entries.get(name.toLowerCase());
  if (!entry) return undefined;
  const data = readZipEntry(bytes, dir, entry, budget, codec);
  if ("fail" in data) return new Fail(data.fail, data.detail);
  const text = xmlText(data, asBytes);
  if (text === null) return new Fail("CORRUPT_ZIP", `${entry.name} 声明了无法识别的字符编码`);
  if (hasUnsafeDeclaration(text.xml)) return new Fail("UNSAFE_XML", entry.name);
  return text;
}

interface Rel {
  target: string;
  type: string;
}

/** Resolve a relationship target against the source part's folder ("xl/"). */
function resolveTarget(baseDir: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(t);
  } catch {
    /* keep as written */
  }
  const path = t.startsWith("/") ? t.slice(1) : baseDir + t;
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.join("/");
}

/** A part's relationships; a malformed part is refused (it is read whole or not at all, never as far as it went). */
function parseRels(xml: string, baseDir: string, part: string): Map<string, Rel> | Fail {
  const rels = new Map<string, Rel>();
  const err = scanXml(xml, {
    open(name, a) {
      if (name !== "Relationship" || a["TargetMode"] === "External") return;
      const id = a["Id"];
      const target = a["Target"];
      if (id !== undefined && target !== undefined) rels.set(id, { target: resolveTarget(baseDir, target), type: a["Type"] ?? "" });
    },
  });
  if (err !== null) return new Fail("CORRUPT_ZIP", `${part} 格式错误：${err.slice(0, 80)}`);
  return rels;
}

interface WorkbookInfo {
  sheets: { name: string; state: GridSheet["state"]; rid: string }[];
  definedNames: Record<string, string>;
}

function parseWorkbook(xml: string): WorkbookInfo | Fail {
  const info: WorkbookInfo = { sheets: [], definedNames: {} };
  let dn: string | null = null;
  let dnText = "";
  const err = scanXml(xml, {
    open(name, a, selfClosing) {
      if (name === "sheet") {
        const st = a["state"];
        info.sheets.push({
          name: a["name"] ?? "",
          state: st === "hidden" ? "hidden" : st === "veryHidden" ? "veryHidden" : "visible",
          rid: a["id"] ?? "",
        });
      } else if (name === "definedName" && !selfClosing) {
        // Sheet-scoped names (localSheetId, e.g. print areas) are not workbook-level names.
        dn = a["localSheetId"] === undefined ? (a["name"] ?? null) : null;
        dnText = "";
      }
    },
    text(t) {
      if (dn !== null) dnText += t;
    },
    close(name) {
      if (name === "definedName") {
        if (dn !== null) info.definedNames[dn] = dnText;
        dn = null;
      }
    },
  });
  if (err !== null) return new Fail("CORRUPT_ZIP", `workbook.xml 格式错误：${err.slice(0, 80)}`);
  return info;
}

function parseStyles(xml: string): string[] | Fail {
  const custom = new Map<number, string>();
  const xfs: string[] = [];
  let inCellXfs = false;
  const err = scanXml(xml, {
    open(name, a) {
      if (name === "numFmt") {
        const id = Number(a["numFmtId"]);
        const code = a["formatCode"];
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(a["numFmtId"] ?? 0);
        xfs.push(custom.get(id) ?? BUILTIN_NUMFMTS[id] ?? "General");
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  if (err !== null) return new Fail("CORRUPT_ZIP", `styles.xml 格式错误：${err.slice(0, 80)}`);
  return xfs;
}
