/**
 * Worksheet parser on saxes — the test oracle for the hand-written scanner
 * (templates/xlsx/sheet-scan.ts, which readXlsxGrid uses): tests/xlsx-grid.test.ts
 * reads the same files with both and expects the same grid; the bench times both.
 */
import { CellSink, parseRef, type RawCell, type SheetContext, type SheetFail, type SheetResult } from "../../templates/xlsx/cells";
import { unescapeOoxml, type XmlText } from "../../templates/xlsx/xml";
import { saxParse } from "./saxes-oracle";

/** The oracle reads decoded text: a part given as one char per byte is decoded whole first. */
export function parseSheetSaxes(text: XmlText | string, ctx: SheetContext): SheetResult | SheetFail {
  const xml = typeof text === "string" ? text : text.utf8 ? text.utf8(text.xml) : text.xml;
  const sink = new CellSink(ctx);
  let fail: SheetFail | null = null;
  let row = 0;
  let col = 0;
  let cell: RawCell | null = null;
  let target: "v" | "f" | "t" | null = null;
  let buf = "";
  let inIs = false;
  let rPh = 0;
  let done = false;
  const err = saxParse(xml, {
    open(name, a, selfClosing) {
      if (fail || done) return;
      switch (name) {
        case "row": {
          const r = a["r"];
          row = r !== undefined ? Number(r) : row + 1;
          col = 0;
          break;
        }
        case "c": {
          const r = a["r"];
          let cr = row;
          let cc = col + 1;
          if (r !== undefined) {
            const p = parseRef(r);
            if (!p) {
              fail = { fail: "CORRUPT_ZIP", detail: `单元格地址 ${r.slice(0, 20)} 无效` };
              return;
            }
            cr = p.row;
            cc = p.col;
          }
          col = cc;
          cell = { row: cr, col: cc, t: a["t"] ?? null, s: a["s"] ? Number(a["s"]) : 0, v: null, f: null, fType: null, fSi: null, inline: null };
          if (selfClosing) {
            fail = sink.add(cell);
            cell = null;
          }
          break;
        }
        case "v":
          if (cell) (target = "v"), (buf = "");
          break;
        case "f":
          if (cell) {
            cell.fType = a["t"] ?? null;
            cell.fSi = a["si"] ?? null;
            target = "f";
            buf = "";
          }
          break;
        case "is":
          if (cell) (inIs = true), (cell.inline = "");
          break;
        case "rPh":
          rPh++;
          break;
        case "t":
          if (cell && inIs && rPh === 0) (target = "t"), (buf = "");
          break;
      }
    },
    text(t) {
      if (target) buf += t;
    },
    close(name) {
      if (fail || done) return;
      switch (name) {
        case "v":
          if (cell && target === "v") cell.v = buf;
          target = null;
          break;
        case "f":
          if (cell && target === "f") cell.f = buf;
          target = null;
          break;
        case "t":
          if (cell && target === "t") cell.inline = (cell.inline ?? "") + unescapeOoxml(buf);
          target = null;
          break;
        case "rPh":
          rPh--;
          break;
        case "is":
          inIs = false;
          break;
        case "c":
          if (cell) fail = sink.add(cell);
          cell = null;
          break;
        case "sheetData":
          done = true;
          break;
      }
    },
  });
  if (fail) return fail;
  if (err !== null) return { fail: "CORRUPT_ZIP", detail: `工作表 XML 格式错误：${err.slice(0, 80)}` };
  return { cells: sink.cells, rowCount: sink.rowCount };
}
