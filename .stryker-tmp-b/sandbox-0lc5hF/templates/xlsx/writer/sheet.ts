/**
 * One worksheet of the direct writer. Rows live in memory until committed
 * (`row.commit()` writes it and every uncommitted row above it; `commit()`
 * writes the rest), then go out as XML text to the zip stream, so a sheet of
 * ten thousand units never holds more than a row of cell objects. Merges,
 * conditional formats, validations and print setup come after the cells in
 * the XML, so they are kept until the sheet is committed.
 */
// @ts-nocheck

import { esc, escText } from "./escape";
import { MAX_COLS, MAX_ROWS, colLetters, colNumber, parseAddress, parseRange } from "./refs";
import type { StyleRegistry } from "./styles";
import type {
  Alignment,
  Borders,
  CellLike,
  CellValue,
  ColumnSpec,
  ConditionalFormattingOptions,
  DataValidation,
  Fill,
  Font,
  HeaderFooter,
  PageSetup,
  Protection,
  RowLike,
  SheetState,
  Style,
  WorksheetLike,
  WorksheetOptions,
  WorksheetProtection,
  WorksheetView,
} from "./types";

/** Where a sheet's XML goes (the workbook's zip entry for it). */
export interface TextSink {
  write(text: string): void;
  end(): void;
}

/** What the sheet needs from its workbook. */
export interface SheetHost {
  styles: StyleRegistry;
  sharedString(text: string): number;
  open(sheet: Sheet): TextSink;
}

const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** Excel's serial day number of an instant (1900 date system). */
export const excelDate = (d: Date) => (d.getTime() - EPOCH_1900) / 86_400_000;

export class Cell implements CellLike {
  value: CellValue = null;
  style: Partial<Style> = {};
  dataValidation: DataValidation | undefined;
  constructor(private readonly sheet: Sheet, readonly row: number, readonly col: number) {}
  get address(): string {
    return `${colLetters(this.col)}${this.row}`;
  }
  private set<K extends keyof Style>(key: K, v: Style[K] | undefined): void {
    this.style = { ...this.style, [key]: v };
  }
  get font() { return this.style.font; }
  set font(v: Partial<Font> | undefined) { this.set("font", v); }
  get fill() { return this.style.fill; }
  set fill(v: Fill | undefined) { this.set("fill", v); }
  get border() { return this.style.border; }
  set border(v: Partial<Borders> | undefined) { this.set("border", v); }
  get alignment() { return this.style.alignment; }
  set alignment(v: Partial<Alignment> | undefined) { this.set("alignment", v); }
  get numFmt() { return this.style.numFmt; }
  set numFmt(v: string | undefined) { this.set("numFmt", v); }
  get protection() { return this.style.protection; }
  set protection(v: Partial<Protection> | undefined) { this.set("protection", v); }
  /** Validations are kept by the sheet (they are written after the cells). */
  noteValidation(): void {
    if (this.dataValidation) this.sheet.validations.push([this.address, this.dataValidation]);
  }
}

export class Row implements RowLike {
  height: number | undefined;
  readonly cells: Cell[] = [];
  constructor(private readonly sheet: Sheet, readonly number: number) {}
  getCell(col: number | string): Cell {
    const c = typeof col === "number" ? col : colNumber(col);
    if (!(c >= 1 && c <= MAX_COLS)) throw new RangeError(`column ${col} is outside 1…${MAX_COLS}`);
    return (this.cells[c] ??= new Cell(this.sheet, this.number, c));
  }
  /** Cells from an array as exceljs takes it: element 0 is column A when present, else index = column. */
  set values(list: readonly CellValue[]) {
    const offset = Object.prototype.hasOwnProperty.call(list, 0) ? 1 : 0;
    list.forEach((v, i) => {
      if (v !== undefined) this.getCell(i + offset).value = v;
    });
  }
  addPageBreak(): void {
    this.sheet.rowBreaks.push(this.number);
  }
  commit(): void {
    this.sheet.flushThrough(this.number);
  }
}

const DEFAULT_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
/** Attribute names of sheetProtection, true meaning "locked" in the file (so an allowed action writes 0). */
const PROTECTION_KEYS: (keyof WorksheetProtection)[] = ["selectLockedCells", "selectUnlockedCells", "formatCells", "formatColumns", "formatRows", "insertColumns", "insertRows", "deleteColumns", "deleteRows", "sort", "autoFilter"];

export class Sheet implements WorksheetLike {
  state: SheetState;
  columns: ColumnSpec[] = [];
  headerFooter: Partial<HeaderFooter>;
  readonly views: Partial<WorksheetView>[];
  readonly merges: string[] = [];
  readonly conditional: ConditionalFormattingOptions[] = [];
  readonly validations: [address: string, rule: DataValidation][] = [];
  readonly rowBreaks: number[] = [];
  protection: Partial<WorksheetProtection> | null = null;
  committed = false;
  private setup: Partial<PageSetup>;
  private readonly rows = new Map<number, Row>();
  private flushed = 0;
  private sink: TextSink | null = null;

  constructor(private readonly host: SheetHost, readonly id: number, readonly name: string, options: WorksheetOptions) {
    this.state = options.state ?? "visible";
    this.views = options.views ?? [];
    this.setup = { ...options.pageSetup };
    this.headerFooter = { ...options.headerFooter };
  }

  /** Page setup; assigning merges into what the sheet was created with (as a later setting refines it). */
  get pageSetup(): Partial<PageSetup> {
    return this.setup;
  }
  set pageSetup(v: Partial<PageSetup>) {
    this.setup = { ...this.setup, ...v };
  }

  getRow(n: number): Row {
    if (!(Number.isInteger(n) && n >= 1 && n <= MAX_ROWS)) throw new RangeError(`row ${n} is outside 1…${MAX_ROWS}`);
    if (n <= this.flushed) throw new Error(`${this.name}: row ${n} is already written`);
    let row = this.rows.get(n);
    if (!row) {
      row = new Row(this, n);
      this.rows.set(n, row);
    }
    return row;
  }

  getCell(address: string): Cell;
  getCell(row: number, col: number): Cell;
  getCell(a: string | number, col?: number): Cell {
    if (typeof a === "number") return this.getRow(a).getCell(col!);
    const { row, col: c } = parseAddress(a);
    return this.getRow(row).getCell(c);
  }

  mergeCells(range: string): void {
    parseRange(range);
    this.merges.push(range);
  }

  addConditionalFormatting(cf: ConditionalFormattingOptions): void {
    this.conditional.push(cf);
  }

  async protect(password: string, options: Partial<WorksheetProtection>): Promise<void> {
    if (password) throw new Error("password hashing is not supported: protect with an empty password");
    this.protection = options;
  }

  /** Write rows 1…n (those not yet written). */
  flushThrough(n: number): void {
    if (n <= this.flushed) return;
    const out = this.start();
    const pending = [...this.rows.keys()].filter((k) => k <= n).sort((x, y) => x - y);
    for (const k of pending) {
      out.write(this.rowXml(this.rows.get(k)!));
      this.rows.delete(k);
    }
    this.flushed = n;
  }

  commit(): void {
    if (this.committed) return;
    let last = this.flushed;
    for (const k of this.rows.keys()) if (k > last) last = k;
    this.flushThrough(last);
    const out = this.start();
    out.write(`</sheetData>${this.tailXml()}</worksheet>`);
    out.end();
    this.committed = true;
  }

  private start(): TextSink {
    if (this.sink) return this.sink;
    if (this.committed) throw new Error(`${this.name} is already committed`);
    this.sink = this.host.open(this);
    this.sink.write(this.headXml());
    return this.sink;
  }

  private rowXml(row: Row): string {
    const r = row.number;
    let xml = row.height !== undefined ? `<row r="${r}" ht="${row.height}" customHeight="1">` : `<row r="${r}">`;
    const styles = this.host.styles;
    const tail = `${r}"`;
    // Neighbouring cells mostly share a style object: look it up once per run.
    let lastStyle: Partial<Style> | null = null;
    let sAttr = "";
    for (const cell of row.cells) {
      if (!cell) continue;
      if (cell.dataValidation) cell.noteValidation();
      if (cell.style !== lastStyle) {
        lastStyle = cell.style;
        const s = styles.id(lastStyle);
        sAttr = s ? ` s="${s}"` : "";
      }
      xml += this.cellXml(`<c r="${colLetters(cell.col)}${tail}${sAttr}`, cell.value);
    }
    return `${xml}</row>`;
  }

  private cellXml(head: string, v: CellValue): string {
    if (v === null || v === undefined) return `${head}/>`;
    switch (typeof v) {
      case "number":
        return Number.isFinite(v) ? `${head}><v>${v}</v></c>` : `${head}/>`;
      case "string":
        return `${head} t="s"><v>${this.host.sharedString(v)}</v></c>`;
      case "boolean":
        return `${head} t="b"><v>${v ? 1 : 0}</v></c>`;
    }
    if (v instanceof Date) return `${head}><v>${excelDate(v)}</v></c>`;
    const f = `<f>${escText(v.formula)}</f>`;
    const res = v.result;
    if (res === null || res === undefined) return `${head}>${f}</c>`;
    if (typeof res === "number") return Number.isFinite(res) ? `${head}>${f}<v>${res}</v></c>` : `${head}>${f}</c>`;
    if (typeof res === "boolean") return `${head} t="b">${f}<v>${res ? 1 : 0}</v></c>`;
    if (res instanceof Date) return `${head}>${f}<v>${excelDate(res)}</v></c>`;
    return `${head} t="str">${f}<v>${escText(res)}</v></c>`;
  }

  private headXml(): string {
    const ps = this.setup;
    const sheetPr = ps.fitToPage ? `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` : "";
    const v = this.views[0] ?? {};
    let pane = "";
    if (v.state === "frozen" && (v.xSplit || v.ySplit)) {
      const x = v.xSplit ?? 0;
      const y = v.ySplit ?? 0;
      const active = x && y ? "bottomRight" : y ? "bottomLeft" : "topRight";
      const topLeft = `${colLetters(x + 1)}${y + 1}`;
      pane = `<pane${x ? ` xSplit="${x}"` : ""}${y ? ` ySplit="${y}"` : ""} topLeftCell="${topLeft}" activePane="${active}" state="frozen"/><selection pane="${active}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
    }
    const view = `<sheetViews><sheetView workbookViewId="0"${this.id === 1 ? ` tabSelected="1"` : ""}${v.showGridLines === false ? ` showGridLines="0"` : ""}${pane ? `>${pane}</sheetView>` : "/>"}</sheetViews>`;
    const cols = this.columns
      .map((c, i) => (c?.width !== undefined ? `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>` : ""))
      .join("");
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `${sheetPr}${view}<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ""}<sheetData>`
    );
  }

  private tailXml(): string {
    let xml = "";
    if (this.protection) {
      const p = this.protection;
      // Locked unless the option allows it; selecting cells is allowed by default in Excel.
      const attrs = PROTECTION_KEYS.map((k) => {
        const allowed = p[k] ?? k.startsWith("select");
        const locked = !allowed;
        const byDefault = !k.startsWith("select");
        return locked === byDefault ? "" : ` ${k}="${locked ? 1 : 0}"`;
      }).join("");
      xml += `<sheetProtection sheet="1" objects="1" scenarios="1"${attrs}/>`;
    }
    if (this.merges.length) xml += `<mergeCells count="${this.merges.length}">${this.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`;
    for (const cf of this.conditional) xml += conditionalXml(cf, this.host.styles);
    if (this.validations.length) xml += `<dataValidations count="${this.validations.length}">${this.validations.map(([a, d]) => validationXml(a, d)).join("")}</dataValidations>`;
    const ps = this.setup;
    if (ps.horizontalCentered || ps.verticalCentered) xml += `<printOptions${ps.horizontalCentered ? ` horizontalCentered="1"` : ""}${ps.verticalCentered ? ` verticalCentered="1"` : ""}/>`;
    const m = { ...DEFAULT_MARGINS, ...ps.margins };
    xml += `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
    const setupAttrs = [
      ps.paperSize !== undefined ? ` paperSize="${ps.paperSize}"` : "",
      ps.scale !== undefined ? ` scale="${ps.scale}"` : "",
      ps.firstPageNumber !== undefined ? ` firstPageNumber="${ps.firstPageNumber}"` : "",
      ps.fitToPage ? ` fitToWidth="${ps.fitToWidth ?? 1}" fitToHeight="${ps.fitToHeight ?? 1}"` : "",
      ps.orientation ? ` orientation="${ps.orientation}"` : "",
      ps.firstPageNumber !== undefined ? ` useFirstPageNumber="1"` : "",
    ].join("");
    if (setupAttrs) xml += `<pageSetup${setupAttrs}/>`;
    const hf = this.headerFooter;
    if (hf.oddHeader || hf.oddFooter) xml += `<headerFooter>${hf.oddHeader ? `<oddHeader>${escText(hf.oddHeader)}</oddHeader>` : ""}${hf.oddFooter ? `<oddFooter>${escText(hf.oddFooter)}</oddFooter>` : ""}</headerFooter>`;
    if (this.rowBreaks.length) xml += `<rowBreaks count="${this.rowBreaks.length}" manualBreakCount="${this.rowBreaks.length}">${this.rowBreaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("")}</rowBreaks>`;
    return xml;
  }

  /** The print-title defined name's value ("'汇总'!$A:$D,'汇总'!$1:$4"), if any. */
  printTitles(): string | null {
    const q = `'${this.name.replace(/'/g, "''")}'!`;
    const parts: string[] = [];
    if (this.setup.printTitlesColumn) {
      const [a, b] = this.setup.printTitlesColumn.split(":");
      parts.push(`${q}$${a}:$${b}`);
    }
    if (this.setup.printTitlesRow) {
      const [a, b] = this.setup.printTitlesRow.split(":");
      parts.push(`${q}$${a}:$${b}`);
    }
    return parts.length ? parts.join(",") : null;
  }
}

const cfvoXml = (c: { type: string; value?: number }) => `<cfvo type="${c.type}"${c.value !== undefined ? ` val="${c.value}"` : ""}/>`;

function conditionalXml(cf: ConditionalFormattingOptions, styles: StyleRegistry): string {
  const rules = cf.rules
    .map((r) => {
      switch (r.type) {
        case "cellIs":
          return `<cfRule type="cellIs" dxfId="${styles.dxf(r.style)}" priority="${r.priority}" operator="${r.operator}">${r.formulae.map((f) => `<formula>${escText(String(f))}</formula>`).join("")}</cfRule>`;
        case "dataBar":
          return `<cfRule type="dataBar" priority="${r.priority}"><dataBar>${r.cfvo.map(cfvoXml).join("")}<color rgb="${esc(r.color.argb)}"/></dataBar></cfRule>`;
        case "colorScale":
          return `<cfRule type="colorScale" priority="${r.priority}"><colorScale>${r.cfvo.map(cfvoXml).join("")}${r.color.map((c) => `<color rgb="${esc(c.argb)}"/>`).join("")}</colorScale></cfRule>`;
      }
    })
    .join("");
  return `<conditionalFormatting sqref="${esc(cf.ref)}">${rules}</conditionalFormatting>`;
}

function validationXml(address: string, d: DataValidation): string {
  const formula = (f: string | number | Date) => escText(f instanceof Date ? String(excelDate(f)) : String(f));
  const attrs = [
    ` type="${d.type}"`,
    d.operator && d.type !== "list" ? ` operator="${d.operator}"` : "",
    d.allowBlank ? ` allowBlank="1"` : "",
    d.showErrorMessage ? ` showErrorMessage="1"` : "",
    d.errorTitle ? ` errorTitle="${esc(d.errorTitle)}"` : "",
    d.error ? ` error="${esc(d.error)}"` : "",
    ` sqref="${address}"`,
  ].join("");
  return `<dataValidation${attrs}>${d.formulae.map((f, i) => `<formula${i + 1}>${formula(f)}</formula${i + 1}>`).join("")}</dataValidation>`;
}
