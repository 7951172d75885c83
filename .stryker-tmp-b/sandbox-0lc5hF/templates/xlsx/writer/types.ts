/**
 * The shapes the direct xlsx writer takes: the subset of exceljs' model the
 * city workbook and the template sheets use, with the same names and fields,
 * so code written against exceljs (templates/build.ts) runs on either.
 */
// @ts-nocheck


export interface Color {
  argb: string;
}
export interface Font {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  color?: Color;
}
export interface Fill {
  type: "pattern";
  pattern: "solid" | "none";
  fgColor?: Color;
}
export type BorderStyle = "thin" | "medium" | "thick" | "dashed" | "dotted" | "double" | "hair";
export interface Border {
  style?: BorderStyle;
  color?: Color;
}
export interface Borders {
  top: Border;
  left: Border;
  bottom: Border;
  right: Border;
}
export interface Alignment {
  horizontal: "left" | "center" | "right" | "fill" | "justify" | "centerContinuous" | "distributed";
  vertical: "top" | "middle" | "bottom" | "justify" | "distributed";
  wrapText: boolean;
  indent: number;
  shrinkToFit: boolean;
}
export interface Protection {
  locked: boolean;
  hidden: boolean;
}
export interface Style {
  font: Partial<Font>;
  fill: Fill;
  border: Partial<Borders>;
  alignment: Partial<Alignment>;
  numFmt: string;
  protection: Partial<Protection>;
}

/** A formula (without "=") and the value cached for readers that do not recalculate. */
export interface CellFormulaValue {
  formula: string;
  result?: number | string | boolean | Date | null;
}
export type CellValue = number | string | boolean | Date | CellFormulaValue | null | undefined;

export interface Margins {
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}
export interface PageSetup {
  paperSize: number;
  orientation: "portrait" | "landscape";
  fitToPage: boolean;
  fitToWidth: number;
  fitToHeight: number;
  scale: number;
  horizontalCentered: boolean;
  verticalCentered: boolean;
  firstPageNumber: number;
  margins: Margins;
  /** Rows repeated on every printed page, "1:4". */
  printTitlesRow: string;
  /** Columns repeated on every printed page, "A:D". */
  printTitlesColumn: string;
}
export interface HeaderFooter {
  oddHeader: string;
  oddFooter: string;
}
export interface WorksheetView {
  state?: "frozen" | "normal";
  xSplit?: number;
  ySplit?: number;
  showGridLines?: boolean;
}
export interface WorksheetOptions {
  views?: Partial<WorksheetView>[];
  pageSetup?: Partial<PageSetup>;
  headerFooter?: Partial<HeaderFooter>;
  state?: SheetState;
}
export type SheetState = "visible" | "hidden" | "veryHidden";
export interface ColumnSpec {
  width?: number;
}

export interface Cfvo {
  type: "min" | "max" | "num" | "percent" | "percentile";
  value?: number;
}
export interface CellIsRuleType {
  type: "cellIs";
  operator: "lessThan" | "greaterThan" | "equal" | "between" | "notEqual" | "lessThanOrEqual" | "greaterThanOrEqual";
  formulae: (string | number)[];
  style: Partial<Style>;
  priority: number;
}
export interface DataBarRuleType {
  type: "dataBar";
  priority: number;
  cfvo: Cfvo[];
  color: Color;
  gradient?: boolean;
}
export interface ColorScaleRuleType {
  type: "colorScale";
  priority: number;
  cfvo: Cfvo[];
  color: Color[];
}
export type ConditionalFormattingRule = CellIsRuleType | DataBarRuleType | ColorScaleRuleType;
export interface ConditionalFormattingOptions {
  ref: string;
  rules: ConditionalFormattingRule[];
}

export interface DataValidation {
  type: "list" | "whole" | "decimal" | "date" | "textLength" | "custom";
  operator?: "between" | "equal" | "greaterThan" | "greaterThanOrEqual" | "lessThan" | "lessThanOrEqual" | "notEqual";
  formulae: (string | number | Date)[];
  allowBlank?: boolean;
  showErrorMessage?: boolean;
  errorTitle?: string;
  error?: string;
}

/** What `protect` allows the user to do on a protected sheet (true = allowed). */
export interface WorksheetProtection {
  selectLockedCells: boolean;
  selectUnlockedCells: boolean;
  formatCells: boolean;
  formatColumns: boolean;
  formatRows: boolean;
  insertRows: boolean;
  insertColumns: boolean;
  deleteRows: boolean;
  deleteColumns: boolean;
  sort: boolean;
  autoFilter: boolean;
}

// The surface code writes against (the writer's classes implement it; exceljs' do too).

export interface CellLike {
  value: CellValue;
  style: Partial<Style>;
  font: Partial<Font> | undefined;
  fill: Fill | undefined;
  border: Partial<Borders> | undefined;
  alignment: Partial<Alignment> | undefined;
  numFmt: string | undefined;
  protection: Partial<Protection> | undefined;
  dataValidation: DataValidation | undefined;
}
export interface RowLike {
  readonly number: number;
  height: number | undefined;
  getCell(col: number | string): CellLike;
  addPageBreak(): void;
  commit(): void;
}
export interface WorksheetLike {
  readonly name: string;
  state: SheetState;
  columns: ColumnSpec[];
  pageSetup: Partial<PageSetup>;
  headerFooter: Partial<HeaderFooter>;
  getRow(n: number): RowLike;
  getCell(address: string): CellLike;
  getCell(row: number, col: number): CellLike;
  mergeCells(range: string): void;
  addConditionalFormatting(cf: ConditionalFormattingOptions): void;
  protect(password: string, options: Partial<WorksheetProtection>): Promise<void>;
  commit(): void;
}
export interface WorkbookLike {
  addWorksheet(name: string, options?: WorksheetOptions): WorksheetLike;
  readonly definedNames: { add(range: string, name: string): void };
}

/** exceljs' names for the same surface (code written against exceljs reads unchanged). */
export type Workbook = WorkbookLike;
export type Worksheet = WorksheetLike;
export type Row = RowLike;
export type Cell = CellLike;
