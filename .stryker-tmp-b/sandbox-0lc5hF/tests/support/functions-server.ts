/**
 * Helpers for the functions tests: a local server on a temp folder and port
 * 0, a small fetch client, and report workbooks built from the samples.
 */
// @ts-nocheck

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildTemplate, type TemplateFill } from "../../templates/build";
import { indicatorCell, SHEETS } from "../../templates/layout";
import { sampleFill, type SampleUnit } from "../../templates/samples";
import { startServer, type RunningServer, type ServerOptions } from "../../functions/local/server";
import type { RosterUnit } from "../../functions/service/roster";

export const SECRET = "test-secret-for-huizong-functions-0123456789";
export const CITY = "330100000000";
export const COUNTY = "330102000000";

export async function startTestServer(options: ServerOptions = {}): Promise<RunningServer & { cleanup(): Promise<void> }> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "huizong-fn-"));
  const s = await startServer({ port: 0, dataDir, secret: SECRET, demo: true, logLevel: "SILENT", demoPeriod: "2025-Y", ...options });
  return {
    ...s,
    cleanup: async () => {
      await s.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function tokenOf(s: RunningServer, code: string): string {
  const t = s.tokens.find((x) => x.code === code);
  if (!t) throw new Error(`no demo token for ${code}`);
  return t.token;
}

export interface Answer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** Call the API: JSON in (or raw bytes), JSON out (bytes for downloads, as `body`). */
export async function call(
  base: string,
  method: string,
  pathAndQuery: string,
  opts: { token?: string; json?: unknown; bytes?: Uint8Array; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: BodyInit | undefined;
  if (opts.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(opts.json);
  } else if (opts.bytes) {
    headers["content-type"] ??= "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    body = opts.bytes as unknown as BodyInit;
  }
  const res = await fetch(pathAndQuery.startsWith("http") ? pathAndQuery : `${base}${pathAndQuery}`, { method, headers, body, redirect: "manual" });
  const type = res.headers.get("content-type") ?? "";
  const out = type.startsWith("application/json") ? await res.json() : new Uint8Array(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body: out };
}

export function sampleUnit(u: RosterUnit): SampleUnit {
  return { name: u.name, code: u.code, type: u.type };
}

/** A clean report (no findings). */
export function goodReport(unit: SampleUnit, period = "2025-Y", seed = 1, edit?: (f: TemplateFill) => void): Promise<Uint8Array> {
  const fill = sampleFill(unit, period, seed);
  edit?.(fill);
  return buildTemplate({ fill });
}

/** 科普活动 (G01) five times last year: a GROWTH_IMPLAUSIBLE warning on 指标!E…, explained when `note` is given. */
export function warnedReport(unit: SampleUnit, note?: string, period = "2025-Y", seed = 1): Promise<Uint8Array> {
  return goodReport(unit, period, seed, (f) => {
    const g = f.values!.G01!;
    g.current = Number(g.prior) * 5;
    if (note) f.notes = { G01: note };
  });
}

/** 专利申请 components that do not add up: a COMPONENTS_SUM error. */
export function badReport(unit: SampleUnit, period = "2025-Y", seed = 1): Promise<Uint8Array> {
  return goodReport(unit, period, seed, (f) => {
    f.values!.D01!.current = Number(f.values!.D01!.current) + 7;
  });
}

export const G01_CURRENT = `${SHEETS.indicators}!${indicatorCell("G01", "current")}`;
export const D01_CURRENT = `${SHEETS.indicators}!${indicatorCell("D01", "current")}`;
