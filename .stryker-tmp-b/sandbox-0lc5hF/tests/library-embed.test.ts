/**
 * The library a template carries: JSON in the very hidden 模板信息 sheet, in
 * chunks under Excel's cell limit, with its sha-256. A changed copy is refused
 * (LIBRARY_CORRUPT), an old template without one reads as the built-in.
 */
// @ts-nocheck

import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildTemplate } from "../templates/build";
import { BUILTIN, type Catalogue } from "../templates/catalogue";
import { readErrorMessage } from "../templates/errors";
import { inspectWorkbook } from "../templates/inspect";
import { CHUNK, libraryHash, libraryJson } from "../templates/library/embed";
import { sha256Hex } from "../templates/library/sha256";
import { INFO, SHEETS } from "../templates/layout";
import { sampleFill } from "../templates/samples";

const TOWN = { name: "青阳镇", code: "330102001000", type: "乡镇" } as const;

async function edit(bytes: Uint8Array, mutate: (info: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  mutate(wb.getWorksheet(SHEETS.info)!);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A library of n summed indicators in one group (large enough to need several cells). */
function bigLibrary(n: number): Catalogue {
  return {
    ...BUILTIN,
    id: "BIG-01",
    version: "2026.1",
    readableVersions: undefined,
    groups: [{ code: "A", name: "各项工作" }],
    indicators: Array.from({ length: n }, (_, i) => ({ code: `A${String(i + 1).padStart(4, "0")}`, name: `第${i + 1}项工作完成数量（按季度累计统计）`, nameEn: "", unit: "项", kind: "count" as const, group: "A", aggregate: "sum" as const })),
  };
}

describe("sha-256 (pure, for the reader in every host)", () => {
  it.each(["", "abc", "汇总".repeat(5000), "x".repeat(55), "x".repeat(56), "x".repeat(64), libraryJson(BUILTIN)])("matches node:crypto for %#", (text) => {
    expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
  });
});

describe("the library travels in the template", () => {
  it("the built-in template carries the built-in library, read back as the same value", async () => {
    const bytes = await buildTemplate({ fill: sampleFill(TOWN, "2025-Y", 1) });
    const r = inspectWorkbook(bytes);
    if (!r.ok) throw new Error(r.message);
    expect(r.catalogue).toBe(BUILTIN);
    expect(r.findings).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const info = wb.getWorksheet(SHEETS.info)!;
    expect(info.getCell(INFO.hash).value).toBe(libraryHash(BUILTIN));
    expect(info.getCell(`${INFO.libraryCol}${INFO.libraryFirstRow}`).value).toBe(libraryJson(BUILTIN));
  });

  it("a library longer than one cell is chunked under 32,767 characters and read back whole", async () => {
    const big = bigLibrary(1500);
    expect(libraryJson(big).length).toBeGreaterThan(3 * CHUNK);
    const bytes = await buildTemplate({ catalogue: big });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const info = wb.getWorksheet(SHEETS.info)!;
    const chunks: string[] = [];
    for (let r = INFO.libraryFirstRow; typeof info.getCell(`B${r}`).value === "string"; r++) chunks.push(String(info.getCell(`B${r}`).value));
    expect(chunks.map((c) => c.length <= CHUNK)).toEqual(chunks.map(() => true));
    expect(chunks.join("")).toBe(libraryJson(big));
    const r = inspectWorkbook(bytes, { limits: { maxCells: 100_000 } });
    if (!r.ok) throw new Error(r.message);
    expect(r.catalogue.indicators).toHaveLength(1500);
    expect(r.submission.indicators.A1500!.current.cell).toBe("E1506");
  });

  it("a library changed inside the file (a limit raised) is refused by its hash", async () => {
    const bytes = await buildTemplate({ fill: sampleFill(TOWN, "2025-Y", 1) });
    const tampered = await edit(bytes, (info) => {
      const cell = info.getCell(`${INFO.libraryCol}${INFO.libraryFirstRow}`);
      cell.value = String(cell.value).replace('"townMax":100000', '"townMax":900000');
    });
    const r = inspectWorkbook(tampered);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect([r.code, r.message]).toEqual(["LIBRARY_CORRUPT", `${readErrorMessage("LIBRARY_CORRUPT")}（指标库内容与校验值不符）`]);
  });

  it("id and version cells edited to a readable pair while the library says otherwise are refused", async () => {
    const bytes = await buildTemplate({ fill: sampleFill(TOWN, "2025-Y", 1) });
    const r = inspectWorkbook(await edit(bytes, (info) => (info.getCell(INFO.version).value = "2026.1")));
    expect(r.ok ? "read" : [r.code, r.detail]).toEqual(["LIBRARY_CORRUPT", "模板标识或版本（HZ-KJ-01 2026.1）与所带指标库（HZ-KJ-01 2026.2）不一致"]);
  });

  it("a template made before libraries travelled (no library, version 2026.1) reads as the built-in", async () => {
    const r = inspectWorkbook(await buildTemplate({ fill: sampleFill(TOWN, "2025-Y", 1), version: "2026.1" }));
    if (!r.ok) throw new Error(r.message);
    expect([r.catalogue, r.findings]).toEqual([BUILTIN, []]);
  });
});
