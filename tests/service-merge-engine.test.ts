/**
 * The server's merge engine (functions/service/merge-engine.ts) and its zlib codecs
 * (functions/service/native-deflate.ts), called directly: what the consolidating unit,
 * the bureau's date and time, the targets and the roster become in the stored workbook,
 * and how native deflate and inflate behave at their edges.
 */
import { deflateRawSync, inflateRawSync, crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { defaultMergeEngine } from "../functions/service/merge-engine";
import { nativeUnzip, nativeZip } from "../functions/service/native-deflate";
import type { MergeInput } from "../functions/service/consolidate";
import type { RosterUnit } from "../functions/service/roster";
import { parsePeriodId, type Period } from "../templates/period";
import { readXlsxGrid } from "../templates/xlsx/index";
import { sheetByName, type Grid } from "../templates/grid";
import { readDraftDocx } from "./support/draft-docx";
import { sampleRecord } from "./support/records";
import { D01, TABLE, TOWNS, TYPED } from "./support/targets-case";

const CITY: RosterUnit = { code: "330100000000", name: "示例市", type: "市", parent: null };
const UNITS: RosterUnit[] = TOWNS.map((t) => ({ code: t.code, name: t.name, type: t.type, parent: CITY.code }));
const H1: Period = parsePeriodId("2025-M06")!;
// 20:30 UTC is 04:30 the next day in Shanghai: the workbook's dates are the bureau's, not UTC's.
const NOW = new Date("2025-07-10T20:30:00Z");

/** Reports of the first two towns (the third is missing), 专利申请 as in the targets case. */
function input(over: Partial<MergeInput> = {}): MergeInput {
  return {
    period: H1,
    parent: CITY,
    units: UNITS,
    reports: [0, 1].map((i) => ({
      record: sampleRecord(TOWNS[i]!, "2025-M06", 40 + i, 1, {
        values: (ind, v) => (ind.code === "D01" ? { current: D01[i]!, prior: 40, target: TYPED[i]! } : v),
      }),
      source: `v${i + 1}`,
      submittedAt: "2025-07-09T01:00:00Z",
      late: false,
    })),
    now: NOW,
    timeZone: "Asia/Shanghai",
    ...over,
  };
}

function grid(bytes: Uint8Array): Grid {
  const g = readXlsxGrid(bytes, { limits: { maxCells: 2_000_000 } });
  if (!g.ok) throw new Error(g.code);
  return g.grid;
}

function text(g: Grid, sheet: string): string[] {
  const s = sheetByName(g, sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  return Object.values(s.cells).map((c) => String(c.value ?? ""));
}

describe("defaultMergeEngine", () => {
  it("the consolidating unit, the counts and the bureau's date and time are the parent's, the roster's and the zone's", async () => {
    const out = await defaultMergeEngine(input());
    expect(out.counts).toEqual({ expected: 3, submitted: 2, missing: 1, unlisted: 0, superseded: 0 });
    const summary = text(grid(out.bytes), "汇总");
    expect(summary).toContain("示例市2025年上半年科技工作情况汇总表");
    expect(summary).toContain("汇总单位：示例市（区划代码 330100000000）　报告期：2025年上半年　应报3个单位，已报2个，缺报1个　生成时间：2025年7月11日 04:30");
    expect(summary.find((t) => t.startsWith("单位负责人："))).toMatch(/报出日期：2025年7月11日$/);
    // 报送情况 lists every unit of the roster with its 上级代码, the missing 南山镇 too.
    const status = text(grid(out.bytes), "报送情况");
    expect(status).toContain("南山镇");
    expect(status.filter((t) => t === CITY.code)).toHaveLength(3);
  });

  it("its totals are the consolidation's: 专利申请 50 + 30, priors 40 + 40, the towns' own targets summed without a target table", async () => {
    const out = await defaultMergeEngine(input());
    expect(out.totals.D01).toMatchObject({ current: 80, prior: 80, target: 160, delta: 0, growth: 0, units: { current: 2, prior: 2, target: 2 } });
    expect(out.totals.D01).not.toHaveProperty("assigned");
  });

  it("with the year's target table the city's own target counts (240, assigned), not the towns' sum", async () => {
    const out = await defaultMergeEngine(input({ targets: TABLE }));
    expect(out.totals.D01).toMatchObject({ current: 80, target: 240, assigned: true });
    expect((out.totals.D01 as { completion: number }).completion).toBeCloseTo(80 / 240, 12);
  });

  it("drafts the summary .docx from the same consolidation", async () => {
    const out = await defaultMergeEngine(input());
    if (!out.draft) throw new Error("no draft");
    expect(readDraftDocx(out.draft).body).toContain("示例市");
  });

  it("a merge the core refuses (every report of another period) is an error naming the refusal, never an empty workbook", async () => {
    const q3 = parsePeriodId("2025-M09")!;
    await expect(defaultMergeEngine(input({ period: q3 }))).rejects.toThrow(/^merge refused: [A-Z_]+ \S/);
  });
});

describe("nativeZip and nativeUnzip", () => {
  const data = new TextEncoder().encode("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>".repeat(200));

  it("chunks that are not the last end on a sync flush and concatenate with the last into one raw deflate stream", () => {
    const a = nativeZip.deflate(data.subarray(0, 5000), false);
    const b = nativeZip.deflate(data.subarray(5000), true);
    expect([...a.subarray(a.length - 4)]).toEqual([0x00, 0x00, 0xff, 0xff]);
    expect([...b.subarray(b.length - 4)]).not.toEqual([0x00, 0x00, 0xff, 0xff]);
    const whole = new Uint8Array(a.length + b.length);
    whole.set(a);
    whole.set(b, a.length);
    expect(Buffer.from(inflateRawSync(whole)).equals(Buffer.from(data))).toBe(true);
  });

  it("the running CRC-32 continues over chunks", () => {
    const first = nativeZip.crc32(data.subarray(0, 77), 0);
    expect(nativeZip.crc32(data.subarray(77), first)).toBe(crc32(data));
    expect(nativeUnzip.crc32(data)).toBe(crc32(data));
  });

  it("inflates up to the cap, answers \"over\" one byte past it and null for bytes that are not deflate", () => {
    const packed = deflateRawSync(data);
    expect(Buffer.from(nativeUnzip.inflateRaw(packed, data.length) as Uint8Array).equals(Buffer.from(data))).toBe(true);
    expect(nativeUnzip.inflateRaw(packed, data.length - 1)).toBe("over");
    expect(nativeUnzip.inflateRaw(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 100)).toBeNull();
  });

  // Parts up to 4 MiB inflate into one buffer of their size; longer ones in 4 MiB pieces joined.
  it.each([
    ["two bytes", 2],
    ["the smallest zlib chunk", 64],
    ["one piece less a byte", (1 << 22) - 1],
    ["exactly one piece", 1 << 22],
    ["one piece and a byte", (1 << 22) + 1],
    ["two pieces and a half", 10_485_760],
  ])("%s (%i bytes) inflates whole at its own size as cap, and is \"over\" one byte under it", (_, size) => {
    const big = new Uint8Array(size);
    for (let i = 0; i < size; i++) big[i] = (i * 2654435761) >>> 29;
    const packed = deflateRawSync(big);
    const out = nativeUnzip.inflateRaw(packed, size);
    expect(out).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(out as Uint8Array).equals(Buffer.from(big))).toBe(true);
    expect(nativeUnzip.inflateRaw(packed, size - 1)).toBe("over");
  });

  it("an empty entry with a cap of 0 inflates to nothing (the cap is at least 1 for zlib)", () => {
    const out = nativeUnzip.inflateRaw(deflateRawSync(new Uint8Array(0)), 0);
    expect(out).toBeInstanceOf(Uint8Array);
    expect((out as Uint8Array).length).toBe(0);
  });
});
