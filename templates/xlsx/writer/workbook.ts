/**
 * The direct xlsx writer: a workbook of worksheets written straight to
 * SpreadsheetML text and deflated into the zip as each sheet's rows are
 * committed (fflate's streaming Zip; pure, no node:*). It keeps the parts the
 * city workbook needs — styles interned by key, shared strings, merges, column
 * widths, row heights, frozen panes, print setup with print titles and
 * footers, defined names, formulas with cached values, conditional formats,
 * validations, protection, very hidden sheets — and nothing else, which is
 * why it is a fraction of exceljs' cost to load and to run.
 */
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { esc, escText } from "./escape";
import { Sheet, type SheetHost, type TextSink } from "./sheet";
import { StyleRegistry } from "./styles";
import type { WorkbookLike, WorksheetOptions } from "./types";

/** Deflate level: 1 deflates the repetitive sheet XML nearly as small as 6 does, at half the cost. */
const LEVEL = 1;

/**
 * Raw DEFLATE of one chunk of a zip entry, given by a runtime that has a
 * faster one than fflate (Node's zlib, in the command line and the server):
 * a non-final chunk must end with a sync flush (on a byte boundary, not the
 * last block) and start afresh, so the chunks concatenate into one stream.
 */
export type DeflateChunk = (data: Uint8Array, final: boolean) => Uint8Array;

export interface WriterOptions {
  deflate?: DeflateChunk;
  /** The runtime's CRC-32 (`crc32(data, running)`), with `deflate`; default fflate's. */
  crc32?: (data: Uint8Array, running: number) => number;
}

/** A zip entry deflated chunk by chunk by the runtime's deflate (fflate's documented way to plug one in). */
class ChunkDeflate extends ZipPassThrough {
  private running = 0;
  constructor(path: string, private readonly deflate: DeflateChunk, private readonly crc32?: WriterOptions["crc32"]) {
    super(path);
    this.compression = 8;
  }
  override push(chunk: Uint8Array, final?: boolean): void {
    if (!this.crc32) return super.push(chunk, final);
    this.running = this.crc32(chunk, this.running);
    this.size += chunk.length;
    if (final) this.crc = this.running;
    this.process(chunk, final ?? false);
  }
  override process(chunk: Uint8Array, final: boolean): void {
    this.ondata(null, this.deflate(chunk, final) as Uint8Array<ArrayBuffer>, final);
  }
}
/** Bytes of XML gathered before they are deflated. */
const CHUNK = 1 << 20;
const FIRST_CHUNK = 1 << 14;
/** Characters of shared-string items handed to an entry at a time. */
const SST_BATCH = 1 << 14;
/** Zip entry times are fixed: the same workbook gives the same bytes. */
const MTIME = new Date(Date.UTC(2026, 0, 1));

export class Workbook implements WorkbookLike {
  creator = "huizong";
  created = MTIME;
  modified = MTIME;
  readonly styles = new StyleRegistry();
  readonly definedNames = { add: (range: string, name: string) => void this.names.push([name, range]) };
  private readonly sheets: Sheet[] = [];
  private readonly names: [name: string, range: string][] = [];
  private readonly strings = new Map<string, number>();
  private readonly out: Uint8Array[] = [];
  private readonly zip: Zip;
  private readonly encoder = new TextEncoder();
  private failure: Error | null = null;
  /** A chunk buffer an ended entry left for the next (with a runtime's deflate only). */
  private spare: Uint8Array | null = null;

  constructor(private readonly options: WriterOptions = {}) {
    this.zip = new Zip((err, data) => {
      if (err) this.failure = err;
      else this.out.push(data);
    });
    // The content types entry opens the archive (readers that sniff look there first); it is filled at the end.
    this.contentTypes = this.entry("[Content_Types].xml");
  }
  private readonly contentTypes: TextSink;

  addWorksheet(name: string, options: WorksheetOptions = {}): Sheet {
    if (this.sheets.some((s) => s.name === name)) throw new Error(`duplicate sheet name ${name}`);
    const host: SheetHost = {
      styles: this.styles,
      sharedString: (text) => this.sharedString(text),
      open: (sheet) => this.entry(`xl/worksheets/sheet${sheet.id}.xml`),
    };
    const sheet = new Sheet(host, this.sheets.length + 1, name, options);
    this.sheets.push(sheet);
    return sheet;
  }

  getWorksheet(name: string): Sheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  private sharedString(text: string): number {
    let id = this.strings.get(text);
    if (id === undefined) {
      id = this.strings.size;
      this.strings.set(text, id);
    }
    return id;
  }

  /** A zip entry written as text, deflated in chunks. */
  private entry(path: string): TextSink {
    const native = this.options.deflate !== undefined;
    const file = native ? new ChunkDeflate(path, this.options.deflate!, this.options.crc32) : new ZipDeflate(path, { level: LEVEL });
    file.mtime = MTIME;
    this.zip.add(file);
    // Text is encoded straight into a chunk buffer (no joined copy); a full chunk is deflated.
    // The buffer starts small and doubles up to CHUNK: most parts are a few kilobytes.
    // A runtime's deflate is done with a chunk when it returns, so its buffer is reused, within the
    // entry and by the next one: fresh buffers meant fresh memory pages, the dearest thing on a VM.
    let buf = (native && this.spare) || new Uint8Array(FIRST_CHUNK);
    this.spare = null;
    let at = 0;
    const flush = (final: boolean) => {
      file.push(buf.subarray(0, at), final);
      if (!native) buf = new Uint8Array(Math.min(CHUNK, buf.length));
      else if (final) this.spare = buf;
      at = 0;
    };
    const write = (text: string): void => {
      // UTF-8 takes at most 3 bytes per UTF-16 unit.
      const need = text.length * 3;
      while (need > buf.length - at && buf.length < CHUNK) {
        const bigger = new Uint8Array(buf.length * 2);
        bigger.set(buf.subarray(0, at));
        buf = bigger;
      }
      if (need > buf.length - at) {
        if (at > 0) flush(false);
        if (need > buf.length) {
          file.push(this.encoder.encode(text), false);
          return;
        }
      }
      at += this.encoder.encodeInto(text, buf.subarray(at)).written;
    };
    return { write, end: () => flush(true) };
  }

  private whole(path: string, xml: string): void {
    const e = this.entry(path);
    e.write(xml);
    e.end();
  }

  /** Commit every sheet, write the workbook parts and return the .xlsx bytes. */
  finish(): Uint8Array {
    for (const s of this.sheets) s.commit();
    // Written a batch of items at a time: as one string, a thousand units' narratives made a text of megabytes
    // (and its encoded copy) in fresh memory pages at every write.
    const sst = this.entry("xl/sharedStrings.xml");
    sst.write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.strings.size}" uniqueCount="${this.strings.size}">`);
    let batch = "";
    for (const t of this.strings.keys()) {
      batch += `<si><t${/^\s|\s$|\n/.test(t) ? ` xml:space="preserve"` : ""}>${escText(t)}</t></si>`;
      if (batch.length >= SST_BATCH) (sst.write(batch), (batch = ""));
    }
    sst.write(`${batch}</sst>`);
    sst.end();
    this.whole("xl/styles.xml", this.styles.xml());
    this.whole("xl/workbook.xml", this.workbookXml());
    this.whole("xl/_rels/workbook.xml.rels", this.workbookRels());
    this.whole("_rels/.rels", RELS);
    this.whole("docProps/app.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`);
    const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");
    this.whole(
      "docProps/core.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${escText(this.creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${iso(this.created)}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso(this.modified)}</dcterms:modified></cp:coreProperties>`,
    );
    this.contentTypes.write(this.contentTypesXml());
    this.contentTypes.end();
    this.zip.end();
    if (this.failure) throw this.failure;
    let n = 0;
    for (const c of this.out) n += c.length;
    const bytes = new Uint8Array(n);
    let at = 0;
    for (const c of this.out) {
      bytes.set(c, at);
      at += c.length;
    }
    return bytes;
  }

  private workbookXml(): string {
    const sheets = this.sheets.map((s) => `<sheet name="${esc(s.name)}" sheetId="${s.id}"${s.state !== "visible" ? ` state="${s.state}"` : ""} r:id="rId${s.id}"/>`).join("");
    const names = [
      ...this.names.map(([name, range]) => `<definedName name="${esc(name)}">${escText(range)}</definedName>`),
      ...this.sheets.flatMap((s) => {
        const t = s.printTitles();
        return t ? [`<definedName name="_xlnm.Print_Titles" localSheetId="${s.id - 1}">${escText(t)}</definedName>`] : [];
      }),
    ];
    // The first visible sheet is the active one.
    const active = Math.max(0, this.sheets.findIndex((s) => s.state === "visible"));
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<workbookPr defaultThemeVersion="164011"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="12000" windowHeight="24000" activeTab="${active}"/></bookViews>` +
      `<sheets>${sheets}</sheets>${names.length ? `<definedNames>${names.join("")}</definedNames>` : ""}<calcPr calcId="171027"/></workbook>`
    );
  }

  private workbookRels(): string {
    const rels = this.sheets.map((s) => `<Relationship Id="rId${s.id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${s.id}.xml"/>`);
    const n = this.sheets.length;
    rels.push(`<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`);
    rels.push(`<Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`);
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`;
  }

  private contentTypesXml(): string {
    const ct = "application/vnd.openxmlformats-officedocument.spreadsheetml";
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>` +
      this.sheets.map((s) => `<Override PartName="/xl/worksheets/sheet${s.id}.xml" ContentType="${ct}.worksheet+xml"/>`).join("") +
      `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`
    );
  }
}

const RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
  `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`;
