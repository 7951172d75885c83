/**
 * The hostile-upload corpus against the reader itself: every file is read by
 * inspectWorkbook in a separate Node process, which reports the answer, the
 * wall time and the peak RSS growth of that one read. Each must end in the
 * expected ReadFailure (with its Chinese message) or the exact findings,
 * within a few seconds and a few hundred MB.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readErrorMessage, type ReadErrorCode } from "../templates/errors";
import { HOSTILE_CORPUS, type CorpusCase } from "./fixtures/hostile";
import { inspectOk } from "./support/workbooks";
import type { Submission } from "../templates/read";

const run = promisify(execFile);

/** Safety bounds, not speed targets (the reader's own budget is 3 s). */
export const TIME_BOUND_MS = 4000;
export const MEMORY_BOUND_BYTES = 300 * 1024 * 1024;

interface ChildAnswer {
  file: string;
  ok: boolean;
  code?: ReadErrorCode;
  message?: string;
  findings?: [string, string, string][];
  record?: boolean;
  ms: number;
  growthBytes: number;
}

let dir: string;
const bytesOf = new Map<CorpusCase, Uint8Array>();
const answers = new Map<CorpusCase, ChildAnswer>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "huizong-hostile-"));
  const files: string[] = [];
  // Generate two at a time: two of them start LibreOffice.
  const queue = HOSTILE_CORPUS.map((c, i) => ({ c, file: join(dir, `${String(i).padStart(3, "0")}.bin`) }));
  const work = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const bytes = await next.c.make();
      bytesOf.set(next.c, bytes);
      await writeFile(next.file, bytes);
    }
  };
  await Promise.all([work(), work()]);
  HOSTILE_CORPUS.forEach((_c, i) => files.push(join(dir, `${String(i).padStart(3, "0")}.bin`)));
  const { stdout } = await run(process.execPath, ["--expose-gc", "--import", "tsx", "tests/fixtures/read-child.ts", ...files], {
    timeout: 120_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const byFile = new Map(stdout.trim().split("\n").map((l) => JSON.parse(l) as ChildAnswer).map((a) => [a.file, a]));
  HOSTILE_CORPUS.forEach((c, i) => answers.set(c, byFile.get(files[i]!)!));
}, 170_000);

afterAll(async () => {
  // HUIZONG_REPORT=1 prints the measured time and memory of every read (numbers for docs/security.md).
  if (process.env.HUIZONG_REPORT) {
    const rows = HOSTILE_CORPUS.map((c) => ({ kind: c.kind, bytes: bytesOf.get(c)?.length, answer: answers.get(c)?.code ?? "read", ms: Math.round(answers.get(c)?.ms ?? -1), growthMB: +((answers.get(c)?.growthBytes ?? 0) / 1048576).toFixed(1) }));
    console.log(JSON.stringify(rows));
  }
  await rm(dir, { recursive: true, force: true });
});

function fieldAt(sub: Submission, at: string): string | undefined {
  const fields = [...Object.values(sub.cover), ...Object.values(sub.narrative), ...Object.values(sub.indicators).map((e) => e.note)];
  return fields.find((f) => `${f.sheet}!${f.cell}` === at)?.text;
}

describe("the hostile corpus, read in a child process", () => {
  it("covers every kind the spec lists", () => {
    const kinds = HOSTILE_CORPUS.map((c) => c.kind).join("\n");
    for (const k of ["empty file", "random bytes", "truncated xlsx", "zip that is not OOXML", "CSV renamed", "HTML saved as .xls", "legacy .xls", "xlsm with vbaProject", "macro-enabled workbook named .xlsx", "password-encrypted", "zip bomb", "million rows", "2,000 sheets", "10 MB shared-string cell", "DOCTYPE", "external entity", "billion laughs", "../", "duplicate entry", "full-width", "1,234", "约200", "12件", "1.2万", "—", "无", "spaces", "#DIV/0!", "#REF!", "row inserted", "row deleted", "renamed", "version cell edited", "LibreOffice", "=, +, -, @"]) {
      expect(kinds, k).toContain(k);
    }
  });

  it.each(HOSTILE_CORPUS.map((c) => [c.kind, c] as const))("%s", (_kind, c) => {
    const a = answers.get(c)!;
    expect(a, "child answered").toBeDefined();
    if ("read" in c.expect) {
      expect({ ok: a.ok, code: a.code }).toEqual({ ok: false, code: c.expect.read });
      expect(a.message!.startsWith(readErrorMessage(c.expect.read))).toBe(true);
      expect(a.message).toMatch(/[\u4e00-\u9fff]/);
    } else {
      expect({ ok: a.ok, findings: a.findings }).toEqual({ ok: true, findings: c.expect.findings });
      expect(a.record).toBe(!c.expect.findings.some((f) => f[1] === "error"));
    }
    expect(a.ms).toBeLessThan(TIME_BOUND_MS);
    expect(a.growthBytes).toBeLessThan(MEMORY_BOUND_BYTES);
  });

  it.each(HOSTILE_CORPUS.filter((c) => c.keepsText).map((c) => [c.kind, c] as const))("%s: formula-looking text stays text", (_kind, c) => {
    const r = inspectOk(bytesOf.get(c)!);
    for (const [at, text] of c.keepsText!) expect(fieldAt(r.submission, at), at).toBe(text);
    expect(r.record!.narrative.achievements).toBe(c.keepsText![0]![1]);
  });
});
