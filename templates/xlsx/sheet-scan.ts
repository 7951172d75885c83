/**
 * Worksheet parser: a hand-written scanner over the XML text, decoded or (on
 * Node, see xml.ts ByteText) one char per byte with only the text it keeps
 * decoded as UTF-8.
 *
 * Why not saxes here: worksheets are the bulk of every upload (a template is
 * ~5 sheets × 60 rows × 8 cols). Measured on Node 20 with
 * `node --import tsx bench/xlsx-grid.bench.ts` (5-sheet exceljs workbook,
 * 60 rows × 8 cols = 2,400 cells, Chinese text, formulas): the five sheets
 * parse in ≈ 1.2 ms median with this scanner vs ≈ 3.3 ms with saxes (the whole
 * readXlsxGrid: ≈ 2.6 ms; exceljs `xlsx.load`: ≈ 6–9 ms). On a 200,000-cell sheet the scanner stops
 * at the cell limit; saxes would have to tokenize the rest of the document.
 *
 * What it accepts: elements with or without a namespace prefix, attributes in
 * '…' or "…", comments, processing instructions, CDATA inside text, the five
 * named entities and numeric character references. It only interprets
 * `sheetData` and stops at its end; malformed markup there is a failure,
 * never a guess. DOCTYPE/ENTITY are rejected before this runs (and again here).
 * tests/support/sheet-saxes.ts is the saxes-based oracle it is tested against.
 */
import { CellSink, parseRef, type RawCell, type SheetContext, type SheetFail, type SheetResult } from "./cells";
import { isSpace } from "./scan";
import { decodeEntities, unescapeOoxml, type XmlText } from "./xml";

const NON_ASCII = /[^\u0000-\u007f]/g;

/** `c`, `v`, `f`, `t` by char code (an array: a sparse object's lookup cost a tenth of the scan). */
const ONE_CHAR_NAMES: readonly (string | undefined)[] = Array.from({ length: 128 }, (_, c) => (c === 99 || c === 118 || c === 102 || c === 116 ? String.fromCharCode(c) : undefined));

const bad = (what: string): SheetFail => ({ fail: "CORRUPT_ZIP", detail: `工作表 XML 格式错误：${what}` });

/** Attributes we care about, filled by readTag. */
interface Attrs {
  /** The reference as written when it is not plain (rRow otherwise). */
  r: string | null;
  /** A plain reference (1–3 upper-case letters then digits on a cell, digits alone on a row), read in place: its column (0 on a row)… */
  rCol: number;
  /** …and row; -1 when absent or not plain. */
  rRow: number;
  t: string | null;
  /** A style index as written when it is not plain digits (sNum otherwise). */
  s: string | null;
  /** A style index written as plain digits; -1 when absent or not plain. */
  sNum: number;
  si: string | null;
}

/**
 * The cells of a worksheet's `sheetData`. `text` may be decoded or one char per byte (xml.ts
 * ByteText): the markup is ASCII either way, and a value, formula or inline string is decoded when
 * its element ends, before its entities are. With a `log`, the sink keeps every raw cell it is
 * handed (CellSink).
 */
export function parseSheetScan(text: XmlText | string, ctx: SheetContext, log?: RawCell[]): SheetResult | SheetFail {
  const { xml, utf8 } = typeof text === "string" ? { xml: text, utf8: undefined } : text;
  const sink = new CellSink(ctx, log);
  const n = xml.length;
  // One char per byte: where the next non-ASCII char is, found by a native search (a loop over every
  // value's chars in JavaScript cost more than it saved while the code was cold). A slice that ends
  // before it is ASCII as it is; one that reaches it is decoded as UTF-8.
  let high = -1;
  /** Whether [start, end) holds a non-ASCII char of byte text (the scanner only moves forward). */
  const crossesHigh = (start: number, end: number): boolean => {
    if (high < start) {
      NON_ASCII.lastIndex = start;
      high = NON_ASCII.test(xml) ? NON_ASCII.lastIndex - 1 : n;
    }
    return high < end;
  };
  const textAt = (start: number, end: number): string => {
    const s = xml.slice(start, end);
    return utf8 !== undefined && crossesHigh(start, end) ? utf8(s) : s;
  };
  let bufHigh = false;
  const attrs: Attrs = { r: null, rCol: 0, rRow: -1, t: null, s: null, sNum: -1, si: null };
  let pos = 0;
  let row = 0;
  let col = 0;
  const raw: RawCell = { row: 0, col: 0, t: null, s: 0, v: null, f: null, fType: null, fSi: null, inline: null };
  let cell: RawCell | null = null;
  let target = 0; // 0 none, 1 <v>, 2 <f>, 3 <t> of an inline string
  let buf = "";
  let inIs = false;
  let rPh = 0;
  let inSheetData = false;

  /**
   * Parse the tag starting at `lt` (just after "<" + optional "/"): returns the
   * index after ">" and sets tagName/selfClosing; fills `attrs` when `want`.
   */
  let tagName = "";
  let selfClosing = false;
  const readTag = (start: number, want: boolean): number => {
    let i = start;
    while (i < n) {
      const c = xml.charCodeAt(i);
      if (isSpace(c) || c === 62 || c === 47) break;
      i++;
    }
    if (i === start) return -1;
    // <c>, <v>, <f>, <t> and <row>, nearly every tag of a sheet, named without slicing.
    const c0 = xml.charCodeAt(start);
    if (i - start === 1) tagName = ONE_CHAR_NAMES[c0] ?? xml.charAt(start);
    else if (i - start === 3 && c0 === 114 && xml.charCodeAt(start + 1) === 111 && xml.charCodeAt(start + 2) === 119) tagName = "row";
    else {
      const name = xml.slice(start, i);
      const colon = name.indexOf(":");
      tagName = colon >= 0 ? name.slice(colon + 1) : name;
    }
    selfClosing = false;
    if (want) {
      attrs.r = attrs.t = attrs.s = attrs.si = null;
      attrs.sNum = attrs.rRow = -1;
    }
    for (;;) {
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      if (i >= n) return -1;
      let c = xml.charCodeAt(i);
      if (c === 62) return i + 1;
      if (c === 47) {
        if (xml.charCodeAt(i + 1) !== 62) return -1;
        selfClosing = true;
        return i + 2;
      }
      // Attribute name, compared by char codes (no slicing): only r, t, s, si matter.
      const an = i;
      while (i < n) {
        c = xml.charCodeAt(i);
        if (c === 61 || isSpace(c)) break;
        if (c === 62 || c === 47 || c === 60 || c === 34 || c === 39) return -1;
        i++;
      }
      const alen = i - an;
      if (alen === 0) return -1;
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      if (xml.charCodeAt(i) !== 61) return -1;
      i++;
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== 34 && quote !== 39) return -1;
      const close = xml.indexOf(quote === 34 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      if (want && alen <= 2) {
        const a0 = xml.charCodeAt(an);
        const key = alen === 1 ? (a0 === 114 ? 1 : a0 === 116 ? 2 : a0 === 115 ? 3 : 0) : a0 === 115 && xml.charCodeAt(an + 1) === 105 ? 4 : 0;
        if (key !== 0) {
          // Plain references (E7 on a cell, 7 on a row) and style indexes of up to three digits, nearly
          // every attribute of a sheet, are read in place: no slice, and no key string per cell.
          let plain = false;
          if (key === 1) {
            let k = i + 1;
            let letters = 0;
            let refCol = 0;
            for (let ch = xml.charCodeAt(k); ch >= 65 && ch <= 90 && letters < 3; ch = xml.charCodeAt(++k)) (refCol = refCol * 26 + (ch - 64)), letters++;
            let refRow = 0;
            for (let ch = xml.charCodeAt(k); ch >= 48 && ch <= 57; ch = xml.charCodeAt(++k)) refRow = refRow * 10 + (ch - 48);
            // Only a reference valid as it stands; anything else takes the checks of the row and cell cases.
            plain = k === close && k - i - 1 > letters && (tagName === "c" ? letters > 0 : tagName === "row" && letters === 0);
            attrs.rCol = refCol;
            attrs.rRow = plain ? refRow : -1;
          } else if (key === 3 && close > i + 1 && close - i <= 4) {
            let digits = 0;
            for (let k = i + 1; k < close && digits >= 0; k++) {
              const ch = xml.charCodeAt(k);
              digits = ch >= 48 && ch <= 57 ? digits * 10 + (ch - 48) : -1;
            }
            plain = digits >= 0;
            attrs.sNum = digits;
          }
          if (!plain) {
            const raw = textAt(i + 1, close);
            if (raw.indexOf("<") >= 0) return -1;
            const val = raw.indexOf("&") >= 0 ? decodeEntities(raw) : raw;
            if (val === null) return -1;
            if (key === 1) attrs.r = val;
            else if (key === 2) attrs.t = val;
            else if (key === 4) attrs.si = val;
            else (attrs.s = val), (attrs.sNum = -1);
          }
        }
      }
      i = close + 1;
      const after = xml.charCodeAt(i);
      if (!isSpace(after) && after !== 62 && after !== 47) return -1;
    }
  };

  while (pos < n) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0) break;
    if (target !== 0 && lt > pos) {
      buf += xml.slice(pos, lt);
      if (utf8 !== undefined && !bufHigh) bufHigh = crossesHigh(pos, lt);
    }
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 33 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const e = xml.indexOf("-->", lt + 4);
        if (e < 0) return bad("注释未结束");
        pos = e + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        const e = xml.indexOf("]]>", lt + 9);
        if (e < 0) return bad("CDATA 未结束");
        // Mark CDATA text so entity decoding leaves it alone.
        if (target !== 0) {
          buf += "\u0000" + xml.slice(lt + 9, e) + "\u0000";
          if (utf8 !== undefined && !bufHigh) bufHigh = crossesHigh(lt + 9, e);
        }
        pos = e + 3;
      } else {
        return { fail: "UNSAFE_XML", detail: "工作表含有 DOCTYPE/ENTITY 声明" };
      }
      continue;
    }
    if (c1 === 63 /* ? */) {
      const e = xml.indexOf("?>", lt + 2);
      if (e < 0) return bad("处理指令未结束");
      pos = e + 2;
      continue;
    }
    if (c1 === 47 /* / */) {
      let name: string;
      let gt: number;
      if (xml.charCodeAt(lt + 3) === 62 /* > */) {
        // </c>, </v>, </f>, </t>: the end tags of nearly every cell, named without slicing.
        gt = lt + 3;
        name = ONE_CHAR_NAMES[xml.charCodeAt(lt + 2)] ?? xml.charAt(lt + 2);
      } else {
        gt = xml.indexOf(">", lt + 2);
        if (gt < 0) return bad("结束标签未结束");
        name = xml.slice(lt + 2, gt).trimEnd();
        const colon = name.indexOf(":");
        if (colon >= 0) name = name.slice(colon + 1);
      }
      pos = gt + 1;
      if (!inSheetData) continue;
      switch (name) {
        case "v":
        case "f":
        case "t": {
          if (target !== 0 && cell) {
            const text = decodeText(bufHigh && utf8 !== undefined ? utf8(buf) : buf);
            if (text === null) return bad("无效的实体引用");
            if (target === 1 && name === "v") cell.v = text;
            else if (target === 2 && name === "f") cell.f = text;
            else if (target === 3 && name === "t") cell.inline = (cell.inline ?? "") + unescapeOoxml(text);
            else return bad(`标签 ${name} 不匹配`);
          }
          target = 0;
          break;
        }
        case "rPh":
          rPh--;
          break;
        case "is":
          inIs = false;
          break;
        case "c":
          if (cell) {
            const f = sink.add(cell);
            if (f) return f;
          }
          cell = null;
          break;
        case "sheetData":
          return { cells: sink.cells, rowCount: sink.rowCount };
      }
      continue;
    }
    // Start tag.
    if (target !== 0) return bad("文本中出现意外的标签");
    const want = inSheetData;
    const end = readTag(lt + 1, want);
    if (end < 0) return bad("标签格式错误");
    pos = end;
    const name = tagName;
    if (!inSheetData) {
      if (name === "sheetData") {
        if (selfClosing) return { cells: sink.cells, rowCount: 0 };
        inSheetData = true;
      }
      continue;
    }
    switch (name) {
      case "row": {
        if (!want) return bad("row");
        if (attrs.rRow >= 0) row = attrs.rRow;
        else if (attrs.r !== null) {
          const r = Number(attrs.r);
          if (!Number.isInteger(r)) return bad(`行号 ${attrs.r.slice(0, 20)} 无效`);
          row = r;
        } else row++;
        col = 0;
        break;
      }
      case "c": {
        if (!want) return bad("c");
        let cr = row;
        let cc = col + 1;
        if (attrs.rRow >= 0) {
          cr = attrs.rRow;
          cc = attrs.rCol;
        } else if (attrs.r !== null) {
          const p = parseRef(attrs.r);
          if (!p) return bad(`单元格地址 ${attrs.r.slice(0, 20)} 无效`);
          cr = p.row;
          cc = p.col;
        }
        col = cc;
        // One RawCell for the whole sheet: the sink copies what it keeps.
        cell = raw;
        raw.row = cr;
        raw.col = cc;
        raw.t = attrs.t;
        raw.s = attrs.sNum >= 0 ? attrs.sNum : attrs.s !== null ? Number(attrs.s) : 0;
        raw.v = raw.f = raw.fType = raw.fSi = raw.inline = null;
        if (selfClosing) {
          const f = sink.add(cell);
          if (f) return f;
          cell = null;
        }
        break;
      }
      case "v":
        if (cell && !selfClosing) (target = 1), (buf = ""), (bufHigh = false);
        break;
      case "f":
        if (cell) {
          cell.fType = attrs.t;
          cell.fSi = attrs.si;
          if (!selfClosing) (target = 2), (buf = ""), (bufHigh = false);
        }
        break;
      case "is":
        if (cell && !selfClosing) (inIs = true), (cell.inline = "");
        break;
      case "rPh":
        if (!selfClosing) rPh++;
        break;
      case "t":
        if (cell && inIs && rPh === 0 && !selfClosing) (target = 3), (buf = ""), (bufHigh = false);
        break;
    }
  }
  if (inSheetData) return bad("sheetData 未结束");
  return { cells: sink.cells, rowCount: sink.rowCount };
}

/** Decode entities outside CDATA sections (which readers mark with NUL delimiters). */
function decodeText(buf: string): string | null {
  if (buf.indexOf("\u0000") < 0) return buf.indexOf("&") >= 0 ? decodeEntities(buf) : buf;
  const parts = buf.split("\u0000");
  let out = "";
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (i % 2 === 1) out += p;
    else {
      const d = decodeEntities(p);
      if (d === null) return null;
      out += d;
    }
  }
  return out;
}
