/**
 * Properties of the reader and the checks (fast-check, bounded run counts):
 *
 * - any valid report (random figures honouring the components/partOf rules,
 *   random text, any unit, period and date) built into the template reads back
 *   to a record equal to the input;
 * - random byte mutations of a valid file, and random edits of its XML parts,
 *   never throw, never hang and never hit the reader's catch-all: each ends in
 *   a clean read or a ReadFailure with a known code and its Chinese message;
 * - random clerk-typed values in any input cell never throw the checks, and
 *   every finding names a real input cell with a Chinese message.
 */
// @ts-nocheck

import { strToU8, unzipSync, zipSync } from "fflate";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildTemplate, type TemplateFill } from "../templates/build";
import { INDICATORS, INPUT_INDICATORS, indicator, isOfWhich, type Indicator } from "../templates/catalog";
import { readErrorMessage, type ReadErrorCode, type ReadFailure } from "../templates/errors";
import type { Grid } from "../templates/grid";
import { inspectGrid, inspectWorkbook, type Inspection } from "../templates/inspect";
import { COVER_FIELDS, COVER_INPUT_COL, indicatorCell, NARRATIVE_ROWS, SHEETS } from "../templates/layout";
import { PERIOD_SPANS } from "../templates/period";
import { demoUnits } from "../templates/samples";
import { readXlsxGrid } from "../templates/xlsx";
import { TEMPLATE_SHEETS } from "../templates/read";
import { goodWorkbook } from "./support/workbooks";

const READ_CODES: ReadErrorCode[] = [
  "EMPTY_FILE", "FILE_TOO_LARGE", "NOT_XLSX_XLS", "NOT_XLSX_XLSB", "NOT_XLSX_ODS", "NOT_XLSX_XML2003", "NOT_XLSX_HTML", "NOT_XLSX_CSV", "NOT_XLSX_UNKNOWN", "XLSM_MACROS", "ENCRYPTED",
  "CORRUPT_ZIP", "NOT_OOXML", "UNSAFE_ZIP", "ZIP_BOMB", "UNSAFE_XML", "TOO_MANY_SHEETS", "TOO_MANY_CELLS", "READ_TIMEOUT",
  "NOT_TEMPLATE", "UNKNOWN_VERSION", "OLD_VERSION", "SHEET_MISSING", "ROWS_CHANGED",
];
const CJK = /[\u4e00-\u9fff]/;
/**
 * Fixed seeds and bounded runs keep `npm test` fast and reproducible; a longer hunt:
 * HUIZONG_FUZZ_SCALE=50 HUIZONG_FUZZ_SEED=$RANDOM npx vitest run tests/property-reader.test.ts
 */
const SCALE = Number(process.env.HUIZONG_FUZZ_SCALE ?? 1);
const runs = (n: number, seed: number) => ({ numRuns: Math.round(n * SCALE), seed: process.env.HUIZONG_FUZZ_SEED ? Number(process.env.HUIZONG_FUZZ_SEED) + seed : seed });
/** Per-read safety bound (the reader's own budget is 3 s). */
const READ_BOUND_MS = 4000;

// ---------------------------------------------------------------- valid reports

/** One column's figures honouring every relation: totals = Σ components, parts ≤ total, Σ "of which" ≤ total. */
function columnArb(): fc.Arbitrary<Record<string, number>> {
  const count = fc.integer({ min: 0, max: 2_000_000 });
  // Amounts as a clerk types them: up to 2 decimals (cents), up to 10⁸ (a city's GDP in 万元), or any double
  // the template accepts (at most 4 decimals: finer than 1 元 is AMOUNT_PRECISION, see merge-figures tests).
  const amount = fc.oneof(
    fc.integer({ min: 0, max: 10_000_000_000 }).map((c) => c / 100),
    fc.double({ min: 0, max: 1e8, noNaN: true, noDefaultInfinity: true }).map((d) => Number(d.toFixed(4))).filter((d) => !Object.is(d, -0)),
  );
  const share = fc.double({ min: 0, max: 1, noNaN: true });
  const free: Record<string, fc.Arbitrary<number>> = {};
  for (const ind of INPUT_INDICATORS) free[ind.code] = ind.kind === "count" ? count : amount;
  return fc.record({ base: fc.record(free), s1: share, s2: share }).map(({ base, s1, s2 }) => {
    const v = { ...base };
    for (const total of INPUT_INDICATORS.filter((i) => i.components)) {
      const sum = total.components!.reduce((a, c) => a + v[c]!, 0);
      v[total.code] = total.kind === "count" ? sum : Number(sum.toFixed(4));
    }
    for (const ind of INPUT_INDICATORS) {
      if (!ind.partOf || indicator(ind.partOf)!.components) continue;
      const siblings = INPUT_INDICATORS.filter((s) => s.partOf === ind.partOf && isOfWhich(s));
      const t = v[ind.partOf]!;
      if (siblings.length > 1 && siblings[0]!.code !== ind.code) {
        // Second "of which" item: within what the first left, in the clerk's units (cents), so Σ ≤ total in decimals.
        // s2 = 1 often enough that Σ = total exactly (in decimals) is tried.
        const rest = Math.floor(t * 100) - Math.round(v[siblings[0]!.code]! * 100);
        v[ind.code] = Math.floor(Math.max(0, rest) * (s2 > 0.7 ? 1 : s2)) / 100;
      } else {
        v[ind.code] = ind.kind === "count" ? Math.floor(t * s1) : Math.floor(Math.floor(t * 100) * s1) / 100;
      }
    }
    return v;
  });
}

const textChars = fc.constantFrom(..."科技创新专利企业乡镇街道青阳王李张　 abcXYZ019<>&\"'=+-@%/\\\n".split(""));
const text = (min: number) =>
  fc.string({ unit: textChars, minLength: min, maxLength: 40 }).filter((s) => s.trim().length >= min);

interface Report {
  fill: TemplateFill;
  unit: ReturnType<typeof demoUnits>[number];
  periodId: string;
  date: string;
}

const reportArb: fc.Arbitrary<Report> = fc
  .record({
    unit: fc.constantFrom(...demoUnits(12)),
    year: fc.integer({ min: 2000, max: 2100 }),
    span: fc.constantFrom(...PERIOD_SPANS),
    day: fc.integer({ min: 0, max: 36_500 }),
    current: columnArb(),
    prior: fc.option(columnArb(), { nil: null, freq: 5 }),
    target: fc.option(columnArb(), { nil: null, freq: 3 }),
    notes: fc.dictionary(fc.constantFrom(...INPUT_INDICATORS.map((i) => i.code)), text(1), { maxKeys: 4 }),
    preparer: text(1),
    head: text(1),
    narrative: fc.tuple(text(1), text(1), text(1)),
  })
  .map((r) => {
    const date = new Date(Date.UTC(2000, 0, 2) + r.day * 86_400_000);
    const values: NonNullable<TemplateFill["values"]> = {};
    for (const ind of INPUT_INDICATORS) {
      values[ind.code] = { current: r.current[ind.code]!, prior: r.prior?.[ind.code] ?? null, target: r.target?.[ind.code] ?? null };
    }
    const fill: TemplateFill = {
      cover: {
        unitName: r.unit.name,
        divisionCode: r.unit.code,
        unitType: r.unit.type,
        year: r.year,
        periodSpan: r.span.label,
        preparer: r.preparer,
        phone: "0571-87654321",
        head: r.head,
        date,
      },
      values,
      notes: r.notes,
      narrative: { achievements: r.narrative[0], problems: r.narrative[1], plans: r.narrative[2] },
    };
    return { fill, unit: r.unit, periodId: `${r.year}-${r.span.code}`, date: date.toISOString().slice(0, 10) };
  });

describe("property: a valid report round-trips exactly", () => {
  it("buildTemplate({ fill }) → inspectWorkbook → record equals the input", async () => {
    await fc.assert(
      fc.asyncProperty(reportArb, async (r) => {
        const bytes = await buildTemplate({ fill: r.fill });
        const got = inspectWorkbook(bytes, { expectedPeriod: r.periodId });
        if (!got.ok) throw new Error(`read failed: ${got.code} ${got.message}`);
        const errors = got.findings.filter((f) => f.severity === "error");
        expect(errors).toEqual([]);
        const rec = got.record!;
        expect(rec.unit).toEqual({ name: r.unit.name, code: r.unit.code, type: r.unit.type });
        expect(rec.period.id).toBe(r.periodId);
        expect(rec.meta).toEqual({ preparer: String(r.fill.cover!.preparer).trim(), phone: "0571-87654321", head: String(r.fill.cover!.head).trim(), date: r.date });
        for (const ind of INPUT_INDICATORS) {
          const want: Record<string, unknown> = { ...r.fill.values![ind.code] };
          const note = r.fill.notes![ind.code];
          if (note !== undefined) want.note = note.trim();
          expect(rec.values[ind.code], ind.code).toEqual(want);
        }
        expect(rec.narrative).toEqual({
          achievements: r.fill.narrative!.achievements!.trim(),
          problems: r.fill.narrative!.problems!.trim(),
          plans: r.fill.narrative!.plans!.trim(),
        });
      }),
      { ...runs(100, 20260101), endOnFailure: true },
    );
  }, 600_000);
});

// ---------------------------------------------------------------- hostile mutations

/** The answer must be a clean read or a known ReadFailure whose message is the code's Chinese message. */
function assertClearAnswer(r: Inspection | ReadFailure, ms: number): void {
  expect(ms).toBeLessThan(READ_BOUND_MS);
  if (r.ok) {
    for (const f of r.findings) expect(f.message).toMatch(CJK);
    return;
  }
  expect(READ_CODES).toContain(r.code);
  expect(r.message.startsWith(readErrorMessage(r.code))).toBe(true);
  // The reader's catch-all (a thrown exception turned into CORRUPT_ZIP "无法读取：…") means a bug, not a clear answer.
  expect(r.detail ?? "").not.toMatch(/^无法读取/);
}

/**
 * The answers of a property's runs. "No crash" alone would pass with a reader that refuses every
 * file; so a share of the mutated files must still read as the template (their findings are checked
 * by assertClearAnswer), and the refusals must carry several distinct codes, not one catch-all.
 */
function tally(): { add(r: Inspection | ReadFailure): void; expectReads(atLeast: number): void } {
  const codes = new Map<string, number>();
  return {
    add(r: Inspection | ReadFailure) {
      const k = r.ok ? "read" : r.code;
      codes.set(k, (codes.get(k) ?? 0) + 1);
    },
    /**
     * The seeds are fixed, so the split is too (seed 42: 15 of 200 read; seed 7: 76 of 200): allow a little slack.
     * Seed 7 read 95 while the reader used saxes, which went on after an error: a relationships part with text
     * after its root was read as far as it went. The reader's scanner refuses a malformed part whole (CORRUPT_ZIP).
     */
    expectReads(atLeast: number) {
      expect(codes.get("read") ?? 0).toBeGreaterThanOrEqual(atLeast);
      expect(codes.size).toBeGreaterThanOrEqual(3);
    },
  };
}

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}

type ByteMutation =
  | { op: "flip"; at: number[]; xor: number[] }
  | { op: "truncate"; at: number }
  | { op: "insert"; at: number; bytes: number[] }
  | { op: "overwrite"; at: number; bytes: number[] }
  | { op: "duplicate"; from: number; len: number; to: number }
  | { op: "delete"; at: number; len: number };

const pos = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ op: fc.constant("flip" as const), at: fc.array(pos, { minLength: 1, maxLength: 16 }), xor: fc.array(fc.integer({ min: 1, max: 255 }), { minLength: 16, maxLength: 16 }) }),
  fc.record({ op: fc.constant("truncate" as const), at: pos }),
  fc.record({ op: fc.constant("insert" as const), at: pos, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 64 }) }),
  fc.record({ op: fc.constant("overwrite" as const), at: pos, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 256 }) }),
  fc.record({ op: fc.constant("duplicate" as const), from: pos, len: fc.integer({ min: 1, max: 4096 }), to: pos }),
  fc.record({ op: fc.constant("delete" as const), at: pos, len: fc.integer({ min: 1, max: 4096 }) }),
);

function mutateBytes(src: Uint8Array, m: ByteMutation): Uint8Array {
  const n = src.length;
  const p = (x: number) => Math.floor(x * n);
  switch (m.op) {
    case "flip": {
      const out = src.slice();
      m.at.forEach((x, i) => (out[p(x)]! ^= m.xor[i % m.xor.length]!));
      return out;
    }
    case "truncate":
      return src.slice(0, p(m.at));
    case "insert":
      return concat(src.subarray(0, p(m.at)), Uint8Array.from(m.bytes), src.subarray(p(m.at)));
    case "overwrite": {
      const out = src.slice();
      out.set(Uint8Array.from(m.bytes).subarray(0, n - p(m.at)), p(m.at));
      return out;
    }
    case "duplicate":
      return concat(src.subarray(0, p(m.to)), src.subarray(p(m.from), p(m.from) + m.len), src.subarray(p(m.to)));
    case "delete":
      return concat(src.subarray(0, p(m.at)), src.subarray(p(m.at) + m.len));
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) out.set(p, o), (o += p.length);
  return out;
}

/** Edits of an XML part's text: what a broken writer, a bad copy or an attacker produces inside a valid zip. */
const XML_TOKENS = ["<", ">", "&", "&amp;", "&#0;", "&#xD800;", "&lol;", '"', "'", "</row>", "<row>", "<c>", "</c>", "<v>", "</v>", "<!DOCTYPE x>", "<!ENTITY a 'b'>", "<![CDATA[x]]>", "<?pi?>", "<!-- -->", "r=\"A0\"", "r=\"XFE1048577\"", "t=\"s\"", "t=\"e\"", "t=\"b\"", "t=\"inlineStr\"", "s=\"999\"", "<v>1e309</v>", "<v>-</v>", "<v>NaN</v>", "\u0000", "\uFFFE", "科"];
type XmlEdit = { part: number; at: number; op: "insert" | "delete" | "replace"; token: string; len: number };
const xmlEdit: fc.Arbitrary<XmlEdit> = fc.record({
  part: fc.nat(),
  at: pos,
  op: fc.constantFrom("insert" as const, "delete" as const, "replace" as const),
  token: fc.oneof(fc.constantFrom(...XML_TOKENS), fc.string({ maxLength: 8 })),
  len: fc.integer({ min: 1, max: 200 }),
});

function applyXmlEdits(files: Record<string, Uint8Array>, edits: XmlEdit[]): Uint8Array {
  const names = Object.keys(files).filter((k) => /\.(xml|rels)$/.test(k));
  const texts: Record<string, string> = {};
  for (const e of edits) {
    const name = names[e.part % names.length]!;
    let s = (texts[name] ??= new TextDecoder().decode(files[name]));
    const at = Math.floor(e.at * s.length);
    if (e.op === "insert") s = s.slice(0, at) + e.token + s.slice(at);
    else if (e.op === "delete") s = s.slice(0, at) + s.slice(at + e.len);
    else s = s.slice(0, at) + e.token + s.slice(at + e.token.length);
    texts[name] = s;
  }
  const out = { ...files };
  for (const [k, v] of Object.entries(texts)) out[k] = strToU8(v);
  return zipSync(out, { level: 1 });
}

describe("property: mutated files end in a clear answer", () => {
  it("random byte mutations of a valid file (200 runs)", async () => {
    const good = await goodWorkbook();
    const answers = tally();
    fc.assert(
      fc.property(fc.array(byteMutation, { minLength: 1, maxLength: 4 }), (ms) => {
        const bytes = ms.reduce((b, m) => mutateBytes(b, m), good);
        const [r, t] = timed(() => inspectWorkbook(bytes));
        assertClearAnswer(r, t);
        answers.add(r);
      }),
      runs(200, 42),
    );
    answers.expectReads(10);
  }, 600_000);

  it("random edits of the XML parts inside a valid zip (200 runs)", async () => {
    const files = unzipSync(await goodWorkbook());
    const answers = tally();
    fc.assert(
      fc.property(fc.array(xmlEdit, { minLength: 1, maxLength: 6 }), (edits) => {
        const bytes = applyXmlEdits(files, edits);
        const [r, t] = timed(() => inspectWorkbook(bytes));
        assertClearAnswer(r, t);
        answers.add(r);
      }),
      runs(200, 7),
    );
    answers.expectReads(70);
  }, 600_000);
});

// ---------------------------------------------------------------- whatever a clerk types

const INPUT_CELLS: { sheet: string; cell: string }[] = [
  ...COVER_FIELDS.map((f) => ({ sheet: SHEETS.cover, cell: `${COVER_INPUT_COL}${f.row}` })),
  ...INDICATORS.flatMap((i: Indicator) => (["current", "prior", "target", "note"] as const).map((c) => ({ sheet: SHEETS.indicators, cell: indicatorCell(i.code, c) }))),
  ...Object.values(NARRATIVE_ROWS).map((r) => ({ sheet: SHEETS.narrative, cell: `A${r.inputRow}` })),
];

const clerkValue = fc.oneof(
  fc.constant(null),
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom("１２３", "1,234", "约200", "12件", "1.2万", "1.2亿元", "—", "无", " 12 ", "=1+2", "+5", "-3", "@1", "", "   ", "1e400", "0x10", "١٢٣", "12.", ".5", "--1", "2025年12月20日", "330102001000", "３３０１０２００１０００"),
  fc.string({ maxLength: 12 }),
);

describe("property: the checks take whatever a clerk types", () => {
  it("random values in random input cells (300 runs)", async () => {
    const read = readXlsxGrid(await goodWorkbook(), { sheets: TEMPLATE_SHEETS });
    if (!read.ok) throw new Error(read.code);
    const base = read.grid;
    const valid = new Set(INPUT_CELLS.map((c) => `${c.sheet}!${c.cell}`));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...INPUT_CELLS), clerkValue, fc.option(fc.constantFrom("#DIV/0!", "#REF!", "#VALUE!", "#N/A"))), { minLength: 1, maxLength: 12 }), fc.option(fc.constantFrom("2025-Y", "2025-H1", "2024-Q3")), (edits, expectedPeriod) => {
        const grid: Grid = structuredClone(base);
        for (const [at, value, error] of edits) {
          const sheet = grid.sheets.find((s) => s.name === at.sheet)!;
          sheet.cells[at.cell] = error ? { value: error, error, formula: "A1/0" } : { value };
        }
        const r = inspectGrid(grid, expectedPeriod ? { expectedPeriod } : {});
        if (!r.ok) throw new Error(`unexpected read failure ${r.code}`);
        for (const f of r.findings) {
          expect(f.message).toMatch(CJK);
          // Findings name an input cell (or a ratio cell, computed from inputs).
          expect(valid.has(`${f.sheet}!${f.cell}`), `${f.rule} at ${f.sheet}!${f.cell}`).toBe(true);
        }
        expect(r.record === null).toBe(r.findings.some((f) => f.severity === "error"));
      }),
      runs(300, 11),
    );
  }, 600_000);
});
