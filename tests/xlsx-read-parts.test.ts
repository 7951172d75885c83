/**
 * readXlsxGrid (templates/xlsx/index.ts): how it finds and reads the package's parts when
 * they are not where or what the template writes. Relationship targets (absolute, "./", "//",
 * external, without a target), a workbook found without the root relationships, shared strings
 * and styles missing, unsafe or odd, and defined names. Every answer exact.
 */
import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { G, NS, answer, failure, pkg, rel, sheet, wbRels, workbook, zip } from "./support/xlsx-packages";

const one = (cells: Record<string, object>, name = "表") => ({ sheets: [{ name, state: "visible", rowCount: 1, cells }] });
const A1 = { A1: { value: 1, numFmt: G } };
const DOCTYPE = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>`;
const styles = (inner: string) => `<styleSheet xmlns="${NS}">${inner}</styleSheet>`;

describe("relationship targets", () => {
  it.each<[string, string]>([
    ["absolute", "/xl/worksheets/sheet1.xml"],
    ["with ./", "./worksheets/sheet1.xml"],
    ["with an empty segment", "worksheets//sheet1.xml"],
    ["with ../ back into xl/", "../xl/worksheets/sheet1.xml"],
  ])("%s: %s", (_what, target) => {
    const bytes = zip(pkg({ "xl/_rels/workbook.xml.rels": wbRels(rel("rId1", "worksheet", target)) }));
    expect(answer(bytes)).toEqual(one(A1));
  });

  it("an external relationship is none: the sheet that names it has no part", () => {
    const bytes = zip(pkg({ "xl/_rels/workbook.xml.rels": wbRels(rel("rId1", "worksheet", "worksheets/sheet1.xml", ` TargetMode="External"`)) }));
    expect(failure(bytes)).toEqual(["CORRUPT_ZIP", "工作表“表”缺少关联"]);
  });

  it("a relationship without a target, or of another element, is passed over", () => {
    const rels = wbRels(`<Relationship Id="rId9" Type="x"/>${rel("rId1", "worksheet", "worksheets/sheet1.xml")}<Other Id="rId1" Target="nowhere.xml"/>`);
    expect(answer(zip(pkg({ "xl/_rels/workbook.xml.rels": rels })))).toEqual(one(A1));
  });

  it("a sheet whose relationship has no target has no part", () => {
    const bytes = zip(pkg({ "xl/_rels/workbook.xml.rels": wbRels(`<Relationship Id="rId1" Type="x/worksheet"/>`) }));
    expect(failure(bytes)).toEqual(["CORRUPT_ZIP", "工作表“表”缺少关联"]);
  });

  it.each([
    ["the workbook's relationships", "xl/_rels/workbook.xml.rels", "workbook.xml.rels"],
    ["the workbook", "xl/workbook.xml", "workbook.xml"],
    ["the styles", "xl/styles.xml", "styles.xml"],
  ])("%s malformed: the scanner's words, cut at 80 characters", (_what, part, said) => {
    const a = "a".repeat(40);
    const b = "b".repeat(40);
    const bytes = zip(pkg({ [part]: `<${a}></${b}>` }));
    expect(failure(bytes)).toEqual(["CORRUPT_ZIP", `${said} 格式错误：${`End tag ${b} does not match ${a}.`.slice(0, 80)}`]);
  });

  it("without the root relationships the workbook is found where it always is", () => {
    expect(answer(zip(pkg({ "_rels/.rels": null })))).toEqual(one(A1));
  });

  it("a zip of reports says to unpack it, counting the workbooks in it by their ending", () => {
    const bytes = zip({ "乡镇/青阳镇.xlsx": strToU8("x"), "南山镇.XLSX": strToU8("x"), "说明.docx": strToU8("x"), xlsx: strToU8("x") });
    expect(failure(bytes)).toEqual(["NOT_OOXML", "这是压缩包，里面有 2 个 .xlsx 文件：请先解压，再逐个上传或汇总"]);
    expect(failure(zip({ "说明.docx": strToU8("x") }))).toEqual(["NOT_OOXML", "缺少 [Content_Types].xml"]);
  });

  it("a zip with a mimetype that is not a spreadsheet's is not taken for an ODS", () => {
    const bytes = zip({ mimetype: strToU8("application/epub+zip"), "content.xml": strToU8("<x/>") });
    expect(failure(bytes)).toEqual(["NOT_OOXML", "缺少 [Content_Types].xml"]);
  });
});

describe("shared strings and styles", () => {
  it("a shared-string cell in a workbook without shared strings is refused with its index", () => {
    const bytes = zip(pkg({}, [{ name: "表", xml: sheet(`<c r="A1" t="s"><v>0</v></c>`) }]));
    expect(failure(bytes)).toEqual(["CORRUPT_ZIP", "工作表“表”：共享字符串 0 不存在"]);
  });

  it("unsafe shared strings or styles are refused as unsafe", () => {
    expect(failure(zip(pkg({ "xl/sharedStrings.xml": DOCTYPE })))).toEqual(["UNSAFE_XML", "xl/sharedStrings.xml"]);
    expect(failure(zip(pkg({ "xl/styles.xml": DOCTYPE })))).toEqual(["UNSAFE_XML", "xl/styles.xml"]);
  });

  it("styles found where they always are when no relationship names them", () => {
    const st = styles(`<numFmts><numFmt numFmtId="170" formatCode="0.0%"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="170"/></cellXfs>`);
    const bytes = zip(pkg({ "xl/styles.xml": st }, [{ name: "表", xml: sheet(`<c r="A1" s="1"><v>0.5</v></c>`) }]));
    expect(answer(bytes)).toEqual(one({ A1: { value: 0.5, numFmt: "0.0%" } }));
  });

  it("only cellXfs' xfs count: not those of cellStyleXfs before or after, nor an xf's children; a numFmt without a number id or a code is none", () => {
    const st = styles(
      `<numFmts><numFmt numFmtId="x" formatCode="0.000"/><numFmt numFmtId="171"/></numFmts>` +
        `<cellStyleXfs><xf numFmtId="10"/></cellStyleXfs><cellXfs><xf numFmtId="x"><alignment horizontal="center"/></xf><xf numFmtId="171"/><xf numFmtId="14"/></cellXfs><cellStyleXfs><xf numFmtId="10"/></cellStyleXfs>`,
    );
    const cells = `<c r="A1" s="0"><v>1</v></c><c r="B1" s="1"><v>2</v></c><c r="C1" s="2"><v>3</v></c><c r="D1" s="3"><v>4</v></c>`;
    const bytes = zip(pkg({ "xl/styles.xml": st }, [{ name: "表", xml: sheet(cells) }]));
    expect(answer(bytes)).toEqual(
      one({ A1: { value: 1, numFmt: G }, B1: { value: 2, numFmt: G }, C1: { value: 3, numFmt: "mm-dd-yy" }, D1: { value: 4, numFmt: G } }),
    );
  });
});

describe("defined names", () => {
  it("an empty self-closing defined name is none; a sheet-scoped one is not the workbook's", () => {
    const wb = workbook(
      `<sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="空"/><definedName name="区" localSheetId="0">表!$A$1</definedName><definedName name="名">表!$A$1</definedName></definedNames>`,
    );
    expect(answer(zip(pkg({ "xl/workbook.xml": wb })))).toEqual({ ...one(A1), definedNames: { 名: "表!$A$1" } });
  });
});
