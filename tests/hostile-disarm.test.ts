/**
 * Content disarm (issue 12, case 3): a valid report that also carries an
 * external link, an OLE object, macros, a picture or a padding part is
 * refused over HTTP with the exact status, code and Chinese message, and
 * nothing is stored; the same report without them is accepted. Fixtures are
 * the exceljs-written template with parts added by fflate.
 */
import { strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readErrorMessage, type ReadErrorCode } from "../templates/errors";
import { inspectWorkbook } from "../templates/inspect";
import { demoUnits } from "../templates/samples";
import { call, COUNTY, goodReport, sampleUnit, startTestServer, tokenOf } from "./support/functions-server";
import { libreOfficeSaved } from "./fixtures/hostile";
import { patchCentral } from "./fixtures/bad-files";
import { DEFAULT_XLSX_LIMITS } from "../templates/xlsx";
import { readZipDirectory } from "../templates/xlsx/zip";
import { PartMemo } from "../templates/xlsx/memo";
import { refuseForeignParts } from "../templates/xlsx/parts";

const TOWN = demoUnits(6, COUNTY)[4]!;
const P = "2025-Y";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The clean report with `extra` parts added (and `replace` parts swapped). */
async function withParts(extra: Record<string, Uint8Array | string>): Promise<Uint8Array> {
  const files = unzipSync(await goodReport(sampleUnit({ ...TOWN, parent: COUNTY }), P));
  for (const [name, body] of Object.entries(extra)) files[name] = typeof body === "string" ? strToU8(body) : new Uint8Array(body);
  return zipSync(files);
}

function noise(bytes: number, seed: number): Uint8Array {
  const out = new Uint8Array(bytes);
  let x = seed;
  for (let i = 0; i < bytes; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const externalLinkRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/externalLinkPath" Target="file:///\\\\198.51.100.7\\share\\x.xlsx" TargetMode="External"/></Relationships>`;
const hyperlinkRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="${REL}/hyperlink" Target="\\\\198.51.100.7\\share\\x.xlsx" TargetMode="External"/></Relationships>`;

// Macros and ActiveX are refused by the reader (decided by the parts present) before the part check runs.
const CASES: Array<[what: string, parts: () => Record<string, Uint8Array | string>, code: ReadErrorCode, detail: string | null]> = [
  ["an external link to a UNC workbook", () => ({ "xl/externalLinks/externalLink1.xml": "<externalLink/>", "xl/externalLinks/_rels/externalLink1.xml.rels": externalLinkRels }), "EXTERNAL_LINKS", "外部链接：xl/externalLinks/externalLink1.xml"],
  ["a sheet hyperlink to a UNC path", () => ({ "xl/worksheets/_rels/sheet1.xml.rels": hyperlinkRels }), "EXTERNAL_LINKS", "外部链接：\\\\198.51.100.7\\share\\x.xlsx"],
  ["a data connection", () => ({ "xl/connections.xml": "<connections/>" }), "EXTERNAL_LINKS", "外部链接：xl/connections.xml"],
  ["an embedded OLE object", () => ({ "xl/embeddings/oleObject1.bin": noise(2048, 1) }), "EMBEDDED_OBJECTS", "嵌入对象：xl/embeddings/oleObject1.bin"],
  ["an ActiveX control", () => ({ "xl/activeX/activeX1.xml": "<ax/>" }), "XLSM_MACROS", "ActiveX 控件"],
  ["a VBA project", () => ({ "xl/vbaProject.bin": noise(512, 2) }), "XLSM_MACROS", "VBA"],
  ["an Excel 4 macro sheet", () => ({ "xl/macrosheets/sheet1.xml": "<xm/>" }), "XLSM_MACROS", "Excel 4.0 宏表"],
  ["a picture", () => ({ "xl/media/image1.png": noise(4096, 3) }), "UNKNOWN_PARTS", "其他部件：xl/media/image1.png"],
  ["a 3 MB padding part", () => ({ "docProps/padding.dat": noise(3 * 1024 * 1024, 4) }), "UNKNOWN_PARTS", "其他部件：docProps/padding.dat"],
];

describe("the core refuses parts the template does not have", () => {
  it.each(CASES.map(([what, parts, code, detail]) => ({ what, parts, code, detail })))("$what → $code", async ({ parts, code, detail }) => {
    const r = inspectWorkbook(await withParts(parts()), { expectedPeriod: P });
    expect(r).toEqual(detail === null ? { ok: false, code, message: readErrorMessage(code) } : { ok: false, code, message: `${readErrorMessage(code)}（${detail}）`, detail });
  });

  it("the clean report and a LibreOffice-saved template pass the part check", async () => {
    expect(inspectWorkbook(await withParts({}), { expectedPeriod: P }).ok).toBe(true);
    // Whatever else LibreOffice's save may trip, it is not the part check.
    const lo = inspectWorkbook(await libreOfficeSaved());
    expect(["EXTERNAL_LINKS", "EMBEDDED_OBJECTS", "UNKNOWN_PARTS", "XLSM_MACROS"]).not.toContain("code" in lo ? lo.code : null);
  });

  it("in one batch, with verdicts remembered by part name, each file is judged by its own parts", async () => {
    const memo = new PartMemo();
    const clean = await withParts({});
    const picture = await withParts({ "xl/media/image1.png": noise(64, 7) });
    const ole = await withParts({ "xl/embeddings/oleObject1.bin": noise(64, 8) });
    const outcome = (b: Uint8Array) => {
      const r = inspectWorkbook(b, { expectedPeriod: P, memo });
      return r.ok ? "ok" : `${r.code} ${r.detail}`;
    };
    expect([clean, picture, clean, ole, picture, clean].map(outcome)).toEqual([
      "ok",
      "UNKNOWN_PARTS 其他部件：xl/media/image1.png",
      "ok",
      "EMBEDDED_OBJECTS 嵌入对象：xl/embeddings/oleObject1.bin",
      "UNKNOWN_PARTS 其他部件：xl/media/image1.png",
      "ok",
    ]);
  });

  it("reads the directory itself when not handed one, and passes on a directory's failure", async () => {
    const picture = await withParts({ "xl/media/image1.png": noise(64, 9) });
    expect(refuseForeignParts(picture)).toEqual({ ok: false, code: "UNKNOWN_PARTS", message: `${readErrorMessage("UNKNOWN_PARTS")}（其他部件：xl/media/image1.png）`, detail: "其他部件：xl/media/image1.png" });
    expect(refuseForeignParts(await withParts({}))).toBeNull();
    expect(refuseForeignParts(picture, undefined, undefined, { fail: "CORRUPT_ZIP", detail: "目录损坏" })).toEqual({ ok: false, code: "CORRUPT_ZIP", message: `${readErrorMessage("CORRUPT_ZIP")}（目录损坏）`, detail: "目录损坏" });
  });
});

/** A sheet's relationships part holding `rels` (Relationship elements). */
const sheetRels = (rels: string) => `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`;
const LONG_TARGET = `\\\\198.51.100.7\\${"共享".repeat(30)}\\x.xlsx`;

describe("the part check at its edges: how a relationship is written, long names, a damaged part", () => {
  // (extra parts) -> the refusal's code and detail (null: the report passes the part check)
  const EDGES: Array<[what: string, parts: () => Record<string, string | Uint8Array>, code: ReadErrorCode | null, detail: string | null]> = [
    [
      "TargetMode first, spaces around =, Target last",
      () => ({ "xl/worksheets/_rels/sheet1.xml.rels": sheetRels(`<Relationship TargetMode = "External" Id="rId9" Type="${REL}/hyperlink" Target = '\\\\198.51.100.7\\s\\x.xlsx'/>`) }),
      "EXTERNAL_LINKS",
      "外部链接：\\\\198.51.100.7\\s\\x.xlsx",
    ],
    ["an external relationship without a Target", () => ({ "xl/worksheets/_rels/sheet1.xml.rels": sheetRels(`<Relationship Id="rId9" Type="${REL}/hyperlink" TargetMode="External"/>`) }), "EXTERNAL_LINKS", "外部链接："],
    ["a target of 134 characters: the detail keeps 80", () => ({ "xl/worksheets/_rels/sheet1.xml.rels": sheetRels(`<Relationship Id="rId9" Type="${REL}/hyperlink" Target="${LONG_TARGET}" TargetMode="External"/>`) }), "EXTERNAL_LINKS", `外部链接：${LONG_TARGET.slice(0, 80)}`],
    ["a picture with a 110-character name: the detail keeps 80", () => ({ [`xl/media/${"图".repeat(100)}.png`]: noise(64, 5) }), "UNKNOWN_PARTS", `其他部件：${`xl/media/${"图".repeat(100)}.png`.slice(0, 80)}`],
    ["an embedded object with a 114-character name: the detail keeps 80", () => ({ [`xl/embeddings/${"x".repeat(100)}.bin`]: noise(64, 6) }), "EMBEDDED_OBJECTS", `嵌入对象：${`xl/embeddings/${"x".repeat(100)}.bin`.slice(0, 80)}`],
    [
      "1,200 internal hyperlinks (a relationships part over 16 KB compressed, inflated in steps against the deadline)",
      () => ({ "xl/worksheets/_rels/sheet1.xml.rels": sheetRels(Array.from({ length: 1200 }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/hyperlink" Target="#'指标'!${hex(i)}"/>`).join("")) }),
      null,
      null,
    ],
  ];
  it.each(EDGES)("%s", async (_what, parts, code, detail) => {
    const bytes = await withParts(parts());
    const r = inspectWorkbook(bytes, { expectedPeriod: P });
    if (code === null) {
      expect(r.ok).toBe(true);
      const dir = readZipDirectory(bytes, DEFAULT_XLSX_LIMITS);
      expect("fail" in dir ? 0 : dir.entries.get("xl/worksheets/_rels/sheet1.xml.rels")!.compressedSize).toBeGreaterThan(16 * 1024);
      return;
    }
    expect(r).toEqual({ ok: false, code, message: `${readErrorMessage(code)}（${detail}）`, detail });
  });

  it("a sheet's relationships part that fails its CRC is refused as damaged (the reader itself never opens it)", async () => {
    const bytes = await withParts({ "xl/worksheets/_rels/sheet1.xml.rels": sheetRels(`<Relationship Id="rId9" Type="${REL}/hyperlink" Target="#A1"/>`) });
    const r = inspectWorkbook(patchCentral(bytes, "xl/worksheets/_rels/sheet1.xml.rels", "crc", 1), { expectedPeriod: P });
    expect(r.ok ? null : [r.code, r.detail]).toEqual(["CORRUPT_ZIP", "xl/worksheets/_rels/sheet1.xml.rels 校验失败"]);
  });
});

/** Hex digits of a pseudo-random number: targets that do not compress away. */
function hex(i: number): string {
  let x = (i + 1) * 2654435761;
  let out = "";
  for (let k = 0; k < 4; k++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += x.toString(16).padStart(8, "0");
  }
  return out;
}

describe("over HTTP: refused with status, code and Chinese message; nothing stored", () => {
  let s: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s?.cleanup());

  it.each(CASES.map(([what, parts, code, detail]) => ({ what, parts, code, detail })))("$what → $code", async ({ parts, code, detail }) => {
    const a = await call(s.url, "POST", `/api/periods/${P}/units/${TOWN.code}/reports`, { token: tokenOf(s, TOWN.code), bytes: await withParts(parts()) });
    const message = detail === null ? readErrorMessage(code) : `${readErrorMessage(code)}（${detail}）`;
    expect([a.status, a.body.code, a.body.message, a.body.detail]).toEqual([code === "XLSM_MACROS" ? 415 : 422, code, message, detail ?? undefined]);
    expect(await s.ctx.store.list(`periods/${P}/units/${TOWN.code}/`)).toEqual([]);
  });

  it("exact messages a clerk reads", () => {
    expect(readErrorMessage("EXTERNAL_LINKS")).toBe("报表中含有指向其他文件或网络位置的外部链接（引用其他工作簿、数据连接或超链接），出于安全原因不予接收。请在 Excel 中“数据 → 编辑链接 → 断开链接”并删除超链接，或用标准模板重新填写后再上传。");
    expect(readErrorMessage("EMBEDDED_OBJECTS")).toBe("报表中嵌入了对象（OLE 对象、ActiveX 控件、附件或表单控件），出于安全原因不予接收。请删除这些对象，或用标准模板重新填写后再上传。");
    expect(readErrorMessage("UNKNOWN_PARTS")).toBe("报表中含有标准模板以外的内容（如图片、图表、附件或其他部件），不予接收。请只在标准模板中填写数据，不要插入其他内容；可用标准模板重新填写后再上传。");
  });
});
