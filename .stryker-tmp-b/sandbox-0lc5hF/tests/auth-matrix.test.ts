/**
 * Who may do what, as a table: every route × every kind of caller against the
 * local server over HTTP, with the exact status and code. Then download links
 * (tampered, expired, used as credentials) and request data that tries to
 * leave its storage prefix (encoded dots and slashes, wrong-length codes):
 * always 400/404, and nothing written anywhere.
 */
// @ts-nocheck

import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deriveKeys, issueLink, issueToken } from "../functions/auth/tokens";
import type { Role } from "../functions/service/roster";
import { rawRequest } from "./fixtures/server-process";
import { call, goodReport, startTestServer } from "./support/functions-server";
import { ALL_ROUTES } from "../functions/handlers/index";
import { buildTargetWorkbook } from "../templates/targets/workbook";

const CITY = "330100000000";
const COUNTY_A = "330102000000";
const COUNTY_B = "330103000000";
const A1 = { code: "330102001000", name: "青阳镇", type: "乡镇" as const };
const A2 = { code: "330102002000", name: "清河街道", type: "街道" as const };
const B1 = { code: "330103001000", name: "南山镇", type: "乡镇" as const };
const P = "2025-Y";
const ROSTER = {
  units: [
    { code: CITY, name: "示例市", type: "市", parent: null },
    { code: COUNTY_A, name: "甲区", type: "县（市、区）", parent: CITY },
    { code: A1.code, name: A1.name, type: A1.type, parent: COUNTY_A },
    { code: A2.code, name: A2.name, type: A2.type, parent: COUNTY_A },
    { code: COUNTY_B, name: "乙县", type: "县（市、区）", parent: CITY },
    { code: B1.code, name: B1.name, type: B1.type, parent: COUNTY_B },
  ],
};

type Caller =
  | "none"
  | "bad signature"
  | "expired"
  | "alg none"
  | "download link as token"
  | "town claiming city role"
  | "unit off the roster"
  | "unit A1 itself"
  | "unit A2 acting for A1"
  | "county A (A1's)"
  | "county B (outside)"
  | "city";

const CALLERS: Caller[] = [
  "none",
  "bad signature",
  "expired",
  "alg none",
  "download link as token",
  "town claiming city role",
  "unit off the roster",
  "unit A1 itself",
  "unit A2 acting for A1",
  "county A (A1's)",
  "county B (outside)",
  "city",
];

let s: Awaited<ReturnType<typeof startTestServer>>;
/** The data folder's own parent, so anything written beside it would show. */
let sandbox: string;
const tokens = new Map<Caller, string | undefined>();
let a1File: Uint8Array;
/** A sign-in code of county B (no case revokes or reissues it). */
let countyBCode: string;
/** The blank target table of the roster, as the city uploads it. */
let targetsFile: Uint8Array;

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
const tok = (sub: string, role: Role, name = "单位", ttl = 3600, now = Date.now()) => issueToken(s.ctx.keys, { sub, role, name }, ttl, now);

beforeAll(async () => {
  sandbox = mkdtempSync(path.join(tmpdir(), "huizong-authz-"));
  s = await startTestServer({ dataDir: path.join(sandbox, "data") });
  const put = await call(s.url, "PUT", "/api/roster", { token: await tok(CITY, "city"), json: ROSTER });
  expect(put.status).toBe(200);
  const other = deriveKeys("a-completely-different-secret-9876543210");
  tokens.set("none", undefined);
  tokens.set("bad signature", await issueToken(other, { sub: A1.code, role: "unit", name: A1.name }, 3600));
  tokens.set("expired", await tok(A1.code, "unit", A1.name, 60, Date.now() - 3600_000));
  tokens.set("alg none", `${b64({ alg: "none", typ: "JWT" })}.${b64({ sub: CITY, role: "city", name: "x", iss: "huizong", aud: "huizong-api", exp: Math.floor(Date.now() / 1000) + 600 })}.`);
  tokens.set("download link as token", (await issueLink(s.ctx.keys, { key: "config/roster.json", name: "x" }, 600)).token);
  tokens.set("town claiming city role", await tok(A1.code, "city", A1.name));
  tokens.set("unit off the roster", await tok("330102099000", "unit", "幽灵镇"));
  tokens.set("unit A1 itself", await tok(A1.code, "unit", A1.name));
  tokens.set("unit A2 acting for A1", await tok(A2.code, "unit", A2.name));
  tokens.set("county A (A1's)", await tok(COUNTY_A, "county", "甲区"));
  tokens.set("county B (outside)", await tok(COUNTY_B, "county", "乙县"));
  tokens.set("city", await tok(CITY, "city", "示例市"));
  a1File = await goodReport(A1, P, 1);
  // Every unit has a version, so the read/review/link routes have something to refuse or give.
  for (const u of [A1, A2, B1]) {
    const r = await call(s.url, "POST", `/api/periods/${P}/units/${u.code}/reports`, { token: await tok(u.code, "unit", u.name), bytes: await goodReport(u, P, 2) });
    expect(r.status).toBe(201);
  }
  targetsFile = await buildTargetWorkbook({ year: 2025, own: { code: CITY, name: "示例市" }, units: ROSTER.units.filter((u) => u.parent !== null).map((u) => ({ code: u.code, name: u.name })) });
  const codes = await call(s.url, "POST", "/api/codes", { token: tokens.get("city"), json: { units: [COUNTY_B] } });
  expect(codes.status).toBe(200);
  countyBCode = codes.body.codes[0].code;
  // A period to close.
  expect((await call(s.url, "POST", "/api/periods", { token: tokens.get("city"), json: { id: "2026-Y" } })).status).toBe(201);
});
afterAll(async () => {
  await s?.cleanup();
  rmSync(sandbox, { recursive: true, force: true });
});

async function latest(unit: string): Promise<string> {
  const r = await call(s.url, "GET", `/api/periods/${P}/units/${unit}/reports`, { token: tokens.get("city") });
  return r.body.versions.at(-1).version;
}

interface RouteCase {
  name: string;
  /** The route it calls, as the router declares it ("METHOD /path/{param}"): every declared route has a case. */
  route: string;
  send(token: string | undefined): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Expected [status, code] per valid caller (the four 401 callers are the same for every token route). */
  expect: Partial<Record<Caller, [number, string | null]>>;
  /** Optional extra check of a 2xx answer (what the caller may see). */
  sees?: Partial<Record<Caller, string[]>>;
  /** What `sees` compares; default: the unit codes the answer lists. */
  look?: (body: any) => string[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** A route without a credential: the same answer for every caller. */
  public?: [number, string | null];
}

const ok = (status = 200): [number, null] => [status, null];
const FU: [number, string] = [403, "FORBIDDEN_UNIT"];
const FR: [number, string] = [403, "FORBIDDEN_ROLE"];
const NO_HOOK: [number, string] = [409, "WEBHOOK_NOT_SET"];
const NOT_RENEWABLE: [number, string] = [400, "BAD_REQUEST"];
const unitsOf = (body: { units?: { code: string }[] }) => (body.units ?? []).map((u) => u.code);

const ROUTES: RouteCase[] = [
  {
    name: "POST …/units/{A1}/reports (submit)",
    route: "POST /api/periods/{period}/units/{unit}/reports",
    send: (t) => call(s.url, "POST", `/api/periods/${P}/units/${A1.code}/reports`, { token: t, bytes: a1File }),
    expect: { "unit A1 itself": ok(201), "unit A2 acting for A1": FU, "county A (A1's)": FU, "county B (outside)": FU, city: FU },
  },
  {
    name: "GET …/status",
    route: "GET /api/periods/{period}/status",
    send: (t) => call(s.url, "GET", `/api/periods/${P}/status`, { token: t }),
    expect: { "unit A1 itself": ok(), "unit A2 acting for A1": ok(), "county A (A1's)": ok(), "county B (outside)": ok(), city: ok() },
    sees: { "unit A1 itself": [A1.code], "unit A2 acting for A1": [A2.code], "county A (A1's)": [A1.code, A2.code], "county B (outside)": [B1.code], city: [A1.code, A2.code, B1.code] },
  },
  {
    name: "GET …/status?parent={county A}",
    route: "GET /api/periods/{period}/status",
    send: (t) => call(s.url, "GET", `/api/periods/${P}/status?parent=${COUNTY_A}`, { token: t }),
    expect: { "unit A1 itself": FU, "unit A2 acting for A1": FU, "county A (A1's)": ok(), "county B (outside)": FU, city: ok() },
    sees: { "county A (A1's)": [A1.code, A2.code], city: [A1.code, A2.code] },
  },
  {
    name: "GET …/units/{A1}/reports (history)",
    route: "GET /api/periods/{period}/units/{unit}/reports",
    send: (t) => call(s.url, "GET", `/api/periods/${P}/units/${A1.code}/reports`, { token: t }),
    expect: { "unit A1 itself": ok(), "unit A2 acting for A1": FU, "county A (A1's)": ok(), "county B (outside)": FU, city: ok() },
  },
  {
    name: "POST …/units/{A1}/reports/{v}/review",
    route: "POST /api/periods/{period}/units/{unit}/reports/{version}/review",
    send: async (t) => call(s.url, "POST", `/api/periods/${P}/units/${A1.code}/reports/${await latest(A1.code)}/review`, { token: t, json: { action: "accept", reason: "" } }),
    expect: { "unit A1 itself": FR, "unit A2 acting for A1": FR, "county A (A1's)": ok(), "county B (outside)": FU, city: ok() },
  },
  {
    name: "POST …/consolidations {parent: county A}",
    route: "POST /api/periods/{period}/consolidations",
    send: (t) => call(s.url, "POST", `/api/periods/${P}/consolidations`, { token: t, json: { parent: COUNTY_A, include: "submitted" } }),
    expect: { "unit A1 itself": FR, "unit A2 acting for A1": FR, "county A (A1's)": ok(201), "county B (outside)": FU, city: ok(201) },
  },
  {
    name: "GET …/units/{A1}/reports/{v}/link",
    route: "GET /api/periods/{period}/units/{unit}/reports/{version}/link",
    send: async (t) => call(s.url, "GET", `/api/periods/${P}/units/${A1.code}/reports/${await latest(A1.code)}/link`, { token: t }),
    expect: { "unit A1 itself": ok(), "unit A2 acting for A1": FU, "county A (A1's)": ok(), "county B (outside)": FU, city: ok() },
  },
  {
    name: "GET /api/me",
    route: "GET /api/me",
    send: (t) => call(s.url, "GET", "/api/me", { token: t }),
    expect: { "unit A1 itself": ok(), "unit A2 acting for A1": ok(), "county A (A1's)": ok(), "county B (outside)": ok(), city: ok() },
  },
  {
    name: "GET /api/roster",
    route: "GET /api/roster",
    send: (t) => call(s.url, "GET", "/api/roster", { token: t }),
    expect: { "unit A1 itself": ok(), "unit A2 acting for A1": ok(), "county A (A1's)": ok(), "county B (outside)": ok(), city: ok() },
    sees: {
      "unit A1 itself": [A1.code],
      "unit A2 acting for A1": [A2.code],
      "county A (A1's)": [COUNTY_A, A1.code, A2.code],
      "county B (outside)": [COUNTY_B, B1.code],
      city: ROSTER.units.map((u) => u.code),
    },
  },
  {
    name: "PUT /api/roster",
    route: "PUT /api/roster",
    send: (t) => call(s.url, "PUT", "/api/roster", { token: t, json: ROSTER }),
    expect: { "unit A1 itself": FR, "unit A2 acting for A1": FR, "county A (A1's)": FR, "county B (outside)": FR, city: ok() },
  },
  {
    name: "GET /api/roster/workbook (the 名单 to edit)",
    route: "GET /api/roster/workbook",
    send: (t) => call(s.url, "GET", "/api/roster/workbook", { token: t }),
    expect: { "unit A1 itself": FR, "unit A2 acting for A1": FR, "county A (A1's)": FR, "county B (outside)": FR, city: ok() },
  },
  {
    name: "GET /api/periods",
    route: "GET /api/periods",
    send: (t) => call(s.url, "GET", "/api/periods", { token: t }),
    expect: { "unit A1 itself": ok(), "unit A2 acting for A1": ok(), "county A (A1's)": ok(), "county B (outside)": ok(), city: ok() },
  },
  {
    name: "POST /api/periods (open)",
    route: "POST /api/periods",
    send: (t) => call(s.url, "POST", "/api/periods", { token: t, json: { id: "2026-H1" } }),
    expect: { "unit A1 itself": FR, "unit A2 acting for A1": FR, "county A (A1's)": FR, "county B (outside)": FR, city: ok(201) },
  },
  {
    name: "POST /api/periods/{p}/close",
    route: "POST /api/periods/{period}/close",
    send: (t) => call(s.url, "POST", "/api/periods/2026-Y/close", { token: t }),
    expect: { "unit A1 itself": FR, "unit A2 acting for A1": FR, "county A (A1's)": FR, "county B (outside)": FR, city: ok() },
  },
  {
    name: "GET /api/template (public)",
    route: "GET /api/template",
    send: (t) => call(s.url, "GET", "/api/template", { token: t }),
    expect: {},
    public: ok(),
  },
  {
    name: "GET /api/template?period&unit={A1} (prefilled: the unit's own)",
    route: "GET /api/template",
    send: (t) => call(s.url, "GET", `/api/template?period=${P}&unit=${A1.code}`, { token: t }),
    expect: { "unit A1 itself": ok(), "unit A2 acting for A1": FU, "county A (A1's)": ok(), "county B (outside)": FU, city: ok() },
  },
  {
    name: "PUT /api/targets/{year} (city)",
    route: "PUT /api/targets/{year}",
    send: (t) => call(s.url, "PUT", "/api/targets/2025", { token: t, bytes: targetsFile }),
    expect: { "unit A1 itself": FR, "unit A2 acting for A1": FR, "county A (A1's)": FR, "county B (outside)": FR, city: ok() },
  },
  {
    name: "GET /api/targets/{year} (city)",
    route: "GET /api/targets/{year}",
    send: (t) => call(s.url, "GET", "/api/targets/2025", { token: t }),
    expect: { "unit A1 itself": FR, "unit A2 acting for A1": FR, "county A (A1's)": FR, "county B (outside)": FR, city: ok() },
  },
  {
    name: "GET /api/download (public, signed link)",
    route: "GET /api/download",
    send: async (t) => {
      const link = await issueLink(s.ctx.keys, { key: `periods/${P}/units/${A1.code}/${await latest(A1.code)}.xlsx`, name: "x.xlsx" }, 600);
      return call(s.url, "GET", `/api/download?t=${encodeURIComponent(link.token)}`, { token: t });
    },
    expect: {},
    public: ok(),
  },
  {
    name: "GET …/status/export",
    route: "GET /api/periods/{period}/status/export",
    send: (t) => call(s.url, "GET", `/api/periods/${P}/status/export`, { token: t }),
    expect: { "unit A1 itself": ok(), "unit A2 acting for A1": ok(), "county A (A1's)": ok(), "county B (outside)": ok(), city: ok() },
  },
  {
    name: "GET …/units/{A1}/reports/{v} (detail)",
    route: "GET /api/periods/{period}/units/{unit}/reports/{version}",
    send: async (t) => call(s.url, "GET", `/api/periods/${P}/units/${A1.code}/reports/${await latest(A1.code)}`, { token: t }),
    expect: { "unit A1 itself": ok(), "unit A2 acting for A1": FU, "county A (A1's)": ok(), "county B (outside)": FU, city: ok() },
  },
  {
    name: "GET …/reminders",
    route: "GET /api/periods/{period}/reminders",
    send: (t) => call(s.url, "GET", `/api/periods/${P}/reminders`, { token: t }),
    expect: { "unit A1 itself": FR, "unit A2 acting for A1": FR, "county A (A1's)": ok(), "county B (outside)": ok(), city: ok() },
  },
  {
    name: "POST …/reminders/send (no webhook set)",
    route: "POST /api/periods/{period}/reminders/send",
    send: (t) => call(s.url, "POST", `/api/periods/${P}/reminders/send`, { token: t, json: {} }),
    expect: { "unit A1 itself": FR, "unit A2 acting for A1": FR, "county A (A1's)": NO_HOOK, "county B (outside)": NO_HOOK, city: NO_HOOK },
  },
  {
    name: "POST …/reviews (bulk 通过 of A1, a version that does not exist)",
    route: "POST /api/periods/{period}/reviews",
    send: (t) => call(s.url, "POST", `/api/periods/${P}/reviews`, { token: t, json: { versions: { [A1.code]: "v20250101T000000000Z-00000000" } } }),
    expect: { "unit A1 itself": FR, "unit A2 acting for A1": FR, "county A (A1's)": ok(), "county B (outside)": ok(), city: ok() },
    // Each item is authorised on its own: outside callers are told FORBIDDEN_UNIT, never whether the version exists.
    look: (b) => [...(b.accepted ?? []).map((x: { unit: string }) => `accepted ${x.unit}`), ...(b.skipped ?? []).map((x: { unit: string; code: string }) => `${x.code} ${x.unit}`)],
    sees: {
      "county A (A1's)": [`VERSION_NOT_FOUND ${A1.code}`],
      "county B (outside)": [`FORBIDDEN_UNIT ${A1.code}`],
      "town claiming city role": [`FORBIDDEN_UNIT ${A1.code}`],
      city: [`VERSION_NOT_FOUND ${A1.code}`],
    },
  },
  {
    name: "POST /api/session (public, a valid code of county B)",
    route: "POST /api/session",
    send: (t) => call(s.url, "POST", "/api/session", { token: t, json: { code: countyBCode } }),
    expect: {},
    public: ok(),
  },
  {
    name: "POST /api/session/refresh (a token not from a code)",
    route: "POST /api/session/refresh",
    send: (t) => call(s.url, "POST", "/api/session/refresh", { token: t }),
    expect: { "unit A1 itself": NOT_RENEWABLE, "unit A2 acting for A1": NOT_RENEWABLE, "county A (A1's)": NOT_RENEWABLE, "county B (outside)": NOT_RENEWABLE, city: NOT_RENEWABLE },
  },
  {
    name: "POST /api/codes {units: [B1]}",
    route: "POST /api/codes",
    send: (t) => call(s.url, "POST", "/api/codes", { token: t, json: { units: [B1.code] } }),
    expect: { "unit A1 itself": FR, "unit A2 acting for A1": FR, "county A (A1's)": FR, "county B (outside)": FR, city: ok() },
  },
  {
    name: "POST /api/codes/{B1}/revoke",
    route: "POST /api/codes/{unit}/revoke",
    send: (t) => call(s.url, "POST", `/api/codes/${B1.code}/revoke`, { token: t, json: {} }),
    expect: { "unit A1 itself": FR, "unit A2 acting for A1": FR, "county A (A1's)": FR, "county B (outside)": FR, city: ok() },
  },
  {
    name: "PUT /api/webhook (clear)",
    route: "PUT /api/webhook",
    send: (t) => call(s.url, "PUT", "/api/webhook", { token: t, json: { url: "" } }),
    expect: { "unit A1 itself": FR, "unit A2 acting for A1": FR, "county A (A1's)": FR, "county B (outside)": FR, city: ok() },
  },
];

/** The expected answer of one cell of the matrix. */
function expected(route: RouteCase, caller: Caller): [number, string | null] {
  if (route.public) return route.public;
  switch (caller) {
    case "none":
      return [401, "AUTH_REQUIRED"];
    case "bad signature":
    case "alg none":
    case "download link as token":
      return [401, "AUTH_INVALID"];
    case "expired":
      return [401, "AUTH_EXPIRED"];
    // Validly signed, but the roster says otherwise: the roster is the authority.
    case "unit off the roster":
    case "town claiming city role":
      return unlisted(route, caller);
    default:
      return route.expect[caller]!;
  }
}

/**
 * Validly signed, but the roster says otherwise (the roster is the authority): refused,
 * except the two lists anyone signed may call, which come back empty of units.
 */
function unlisted(route: RouteCase, caller: Caller): [number, string | null] {
  // Still a "unit" token: reviewing and consolidating are refused by role before the roster is asked.
  if (caller === "unit off the roster" && /review|consolidations|reminders/.test(route.name)) return FR;
  // Setup (roster, periods, codes, webhook) asks the roster for a city first.
  if (/^(PUT \/api\/roster|GET \/api\/roster\/workbook|POST \/api\/periods|POST \/api\/codes|PUT \/api\/webhook|PUT \/api\/targets|GET \/api\/targets)/.test(route.name)) return FR;
  // A token not from a sign-in code is not renewed, whoever it names.
  if (route.route === "POST /api/session/refresh") return NOT_RENEWABLE;
  // A city-role token passes the role gate of a bulk 通过, then each item is refused on its own.
  if (caller === "town claiming city role" && route.route === "POST /api/periods/{period}/reviews") return [200, null];
  if (route.name === "GET /api/roster" || route.name === "GET /api/periods") return [200, null];
  return FU;
}

const MATRIX = ROUTES.flatMap((r) => CALLERS.map((c) => [r.name, c, r] as const));

describe("every route × every caller", () => {
  it("every route the router declares has a row in the matrix", () => {
    const declared = ALL_ROUTES.map((r) => `${r.method} ${r.path}`).sort();
    expect([...new Set(ROUTES.map((r) => r.route))].sort()).toEqual(declared);
  });

  it.each(MATRIX)("%s as %s", async (_name, caller, route) => {
    const res = await route.send(tokens.get(caller));
    const [status, code] = expected(route, caller);
    expect([res.status, res.body.ok === undefined ? null : res.body.code ?? null]).toEqual([status, code]);
    if (status >= 400) expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    const sees = route.sees?.[caller];
    if (sees) expect((route.look ?? unitsOf)(res.body)).toEqual(sees);
    // Valid-but-unlisted tokens see nothing in the lists they may call.
    if (status === 200 && !route.public && (caller === "town claiming city role" || caller === "unit off the roster")) {
      expect(unitsOf(res.body)).toEqual([]);
    }
  });
});

// ---------------------------------------------------------------- download links

describe("download links", () => {
  let link: string;
  beforeAll(async () => {
    const r = await call(s.url, "GET", `/api/periods/${P}/units/${A1.code}/reports/${await latest(A1.code)}/link`, { token: tokens.get("unit A1 itself") });
    link = r.body.url;
  });
  const fetchLink = (t: string) => call(s.url, "GET", `/api/download?t=${encodeURIComponent(t)}`);
  const tokenOfLink = () => new URL(link).searchParams.get("t")!;

  it("a fresh link downloads the original, byte for byte", async () => {
    const r = await call(s.url, "GET", link);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-disposition")).toContain("filename*=UTF-8''");
    expect(createHash("sha256").update(r.body).digest("hex")).toBe(createHash("sha256").update(a1File).digest("hex"));
  });

  it.each([
    ["payload swapped to another unit's file (signature kept)", () => {
      const [h, , sig] = tokenOfLink().split(".");
      return `${h}.${b64({ k: `periods/${P}/units/${B1.code}/x.xlsx`, n: "x.xlsx", iss: "huizong", aud: "huizong-download", exp: 4102444800 })}.${sig}`;
    }, 403, "LINK_INVALID"],
    ["one signature character changed", () => {
      const t = tokenOfLink();
      return t.slice(0, -2) + (t.at(-2) === "A" ? "B" : "A") + t.at(-1);
    }, 403, "LINK_INVALID"],
    ["an API credential used as a link", () => tokens.get("city")!, 403, "LINK_INVALID"],
    ["alg none", () => `${b64({ alg: "none" })}.${b64({ k: "config/roster.json", n: "r.json", iss: "huizong", aud: "huizong-download", exp: 4102444800 })}.`, 403, "LINK_INVALID"],
    ["empty", () => "", 400, "LINK_MISSING"],
  ])("%s → %i %s", async (_label, make, status, code) => {
    const r = await fetchLink(make());
    expect([r.status, r.body.code]).toEqual([status, code]);
    expect(r.body.message).toMatch(/下载链接/);
  });

  it("an expired link → 410 LINK_EXPIRED", async () => {
    const old = await issueLink(s.ctx.keys, { key: `periods/${P}/units/${A1.code}/${await latest(A1.code)}.xlsx`, name: "x.xlsx" }, 60, Date.now() - 3600_000);
    const r = await fetchLink(old.token);
    expect([r.status, r.body.code]).toEqual([410, "LINK_EXPIRED"]);
  });

  it("even a correctly signed link naming a key outside the layout is refused by the store (400), never read", async () => {
    for (const key of ["../../../../etc/passwd", "config/../../outside.json", "/etc/passwd", "periods/2025-Y/units/330102001000/..%2F..%2Fx"]) {
      const l = await issueLink(s.ctx.keys, { key, name: "x" }, 600);
      const r = await fetchLink(l.token);
      expect([key, r.status, r.body.code]).toEqual([key, 400, "INVALID_KEY_INPUT"]);
    }
  });
});

// ---------------------------------------------------------------- storage keys from request data

/** Raw request (the path exactly as written: fetch would normalise `..`). */
const raw = (method: string, rawPath: string, token: string | undefined, body?: Uint8Array, contentType?: string) =>
  rawRequest(s.url, method, rawPath, { token, body, ...(contentType ? { contentType } : {}) });
const jsonBytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(e.parentPath, e.name);
    if (e.isFile()) out.set(path.relative(dir, full), createHash("sha256").update(readFileSync(full)).digest("hex"));
    else if (e.isDirectory()) out.set(path.relative(dir, full) + "/", String(statSync(full).isDirectory()));
  }
  return out;
}

describe("path parameters cannot leave their prefix", () => {
  const U = A1.code;
  const BAD_UNITS = ["..%2F..%2F..%2Ftmp", "..", "%2e%2e", "%2E%2E%2F%2E%2E", "33010200100", "3301020010000", "330102001000%2F..", "330102001000%00", encodeURIComponent("３３０１０２００１０００"), "330102001000%20", "-33010200100", "330102001000%2F..%2F330103001000"];
  const BAD_PERIODS = ["..%2F..", "2025-Y%2F..%2F..", "%2e%2e", "2025-Y%00", "2025-Y%2F", "2025-y", encodeURIComponent("２０２５-Y")];
  const BAD_VERSIONS = ["..%2F..%2Fconfig%2Froster", "v20250101T000000000Z-0000000g", "..", "v20250101T000000000Z-00000000%2F..%2F..%2Fx"];
  let before: Map<string, string>;
  let city: string;
  let a1: string;

  beforeAll(() => {
    before = snapshot(s.dataDir);
    city = tokens.get("city")!;
    a1 = tokens.get("unit A1 itself")!;
  });

  it.each(BAD_UNITS)("unit %s → 400/403/404 on every unit route, nothing stored", async (u) => {
    const answers = [
      await raw("POST", `/api/periods/${P}/units/${u}/reports`, a1, a1File),
      await raw("POST", `/api/periods/${P}/units/${u}/reports`, city, a1File),
      await raw("GET", `/api/periods/${P}/units/${u}/reports`, city),
      await raw("GET", `/api/periods/${P}/status?parent=${u}`, city),
      await raw("POST", `/api/periods/${P}/consolidations`, city, jsonBytes({ parent: decodeURIComponent(u) }), "application/json"),
    ];
    for (const a of answers) expect([400, 403, 404]).toContain(a.status);
    // The route itself names the bad unit (not a 500 or a storage error).
    expect(answers.map((a) => a.body.code)).not.toContain("INTERNAL");
  });

  it.each(BAD_PERIODS)("period %s → 400/404, nothing stored", async (p) => {
    for (const a of [
      await raw("POST", `/api/periods/${p}/units/${U}/reports`, a1, a1File),
      await raw("GET", `/api/periods/${p}/status`, city),
      await raw("POST", `/api/periods/${p}/close`, city),
      await raw("POST", "/api/periods", city, jsonBytes({ id: decodeURIComponent(p) }), "application/json"),
    ]) {
      expect([400, 404]).toContain(a.status);
    }
  });

  it.each(BAD_VERSIONS)("version %s → 400/404, nothing read or written", async (v) => {
    for (const a of [
      await raw("GET", `/api/periods/${P}/units/${U}/reports/${v}/link`, city),
      await raw("POST", `/api/periods/${P}/units/${U}/reports/${v}/review`, city, jsonBytes({ action: "accept" }), "application/json"),
    ]) {
      expect([400, 404]).toContain(a.status);
    }
  });

  it("static files cannot be reached outside the task pane folder", async () => {
    for (const p of ["/addin/..%2F..%2Fpackage.json", "/addin/%2e%2e/%2e%2e/package.json", "/addin/..%5C..%5Cpackage.json", "/addin/%00"]) {
      const a = await raw("GET", p, undefined);
      expect([p, a.status]).toEqual([p, 404]);
    }
  });

  it("after all of it the data folder is unchanged and nothing appeared beside it", () => {
    expect(snapshot(s.dataDir)).toEqual(before);
    expect(readdirSync(sandbox)).toEqual(["data"]);
  });
});
