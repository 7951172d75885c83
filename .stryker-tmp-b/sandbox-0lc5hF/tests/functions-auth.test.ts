/**
 * Who may do what (`can`), tokens and links, the secret's sources, and the
 * event plumbing: pure tables, no server.
 */
// @ts-nocheck

import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { can, type Action } from "../functions/auth/can";
import { secretFromEnv } from "../functions/auth/secret";
import { deriveKeys, issueLink, issueToken, verifyLink, verifyToken, type Principal } from "../functions/auth/tokens";
import { apiErrorTable, readErrorStatus } from "../functions/http/errors";
import { bodyBytes, jsonBody, MAX_BODY_BYTES } from "../functions/http/event";
import { ApiError } from "../functions/http/errors";
import { matchRoute } from "../functions/http/route";
import { ALL_ROUTES } from "../functions/handlers/index";
import { validateRoster, type Roster } from "../functions/service/roster";
import type { APIGatewayProxyEventV2 } from "aws-lambda";

const CITY = "330100000000";
const COUNTY = "330102000000";
const OTHER_COUNTY = "330105000000";
const QY = "330102001000";
const QH = "330102002000";
const FAR = "330105001000";
const roster: Roster = {
  units: [
    { code: CITY, name: "示例市", type: "市", parent: null },
    { code: COUNTY, name: "示例区", type: "县（市、区）", parent: CITY },
    { code: QY, name: "青阳镇", type: "乡镇", parent: COUNTY },
    { code: QH, name: "清河街道", type: "街道", parent: COUNTY },
    { code: OTHER_COUNTY, name: "另一区", type: "县（市、区）", parent: CITY },
    { code: FAR, name: "远山镇", type: "乡镇", parent: OTHER_COUNTY },
  ],
};
const who = (sub: string, role: Principal["role"]): Principal => ({ sub, role, name: "" });

describe("can(principal, action, unit, roster)", () => {
  const cases: Array<[string, Principal, Action, string, boolean]> = [
    ["a town submits for itself", who(QY, "unit"), "submit", QY, true],
    ["a town reads itself", who(QY, "unit"), "read", QY, true],
    ["a town may not submit for its neighbour", who(QY, "unit"), "submit", QH, false],
    ["a town may not read its neighbour", who(QY, "unit"), "read", QH, false],
    ["a town may not read its county", who(QY, "unit"), "read", COUNTY, false],
    ["a town may not review itself", who(QY, "unit"), "review", QY, false],
    ["a town may not consolidate", who(QY, "unit"), "consolidate", COUNTY, false],
    ["a county reads its town", who(COUNTY, "county"), "read", QY, true],
    ["a county reads itself", who(COUNTY, "county"), "read", COUNTY, true],
    ["a county reviews its town", who(COUNTY, "county"), "review", QH, true],
    ["a county may not read another county's town", who(COUNTY, "county"), "read", FAR, false],
    ["a county may not review another county's town", who(COUNTY, "county"), "review", FAR, false],
    ["a county may not submit a town's report", who(COUNTY, "county"), "submit", QY, false],
    ["a county consolidates itself", who(COUNTY, "county"), "consolidate", COUNTY, true],
    ["a county may not consolidate the city", who(COUNTY, "county"), "consolidate", CITY, false],
    ["a county may not consolidate another county", who(COUNTY, "county"), "consolidate", OTHER_COUNTY, false],
    ["the city reads any town", who(CITY, "city"), "read", FAR, true],
    ["the city reviews any town", who(CITY, "city"), "review", QY, true],
    ["the city does not review a county (no report of its own)", who(CITY, "city"), "review", COUNTY, false],
    ["the city consolidates a county", who(CITY, "city"), "consolidate", OTHER_COUNTY, true],
    ["the city consolidates itself", who(CITY, "city"), "consolidate", CITY, true],
    ["the city may not consolidate a town", who(CITY, "city"), "consolidate", QY, false],
    ["the city may not submit", who(CITY, "city"), "submit", QY, false],
    ["the city sets up", who(CITY, "city"), "setup", "", true],
    ["a county may not set up", who(COUNTY, "county"), "setup", "", false],
    ["a token claiming county for a town may do nothing", who(QY, "county"), "read", QY, false],
    ["a token claiming city for a county may not set up", who(COUNTY, "city"), "setup", "", false],
    ["a unit not on the roster may do nothing", who("330102099000", "unit"), "submit", "330102099000", false],
    ["nobody acts on a unit not on the roster", who(CITY, "city"), "read", "330102099000", false],
    // Each role's remaining actions, so no rule answers for another.
    ["a county may not review itself", who(COUNTY, "county"), "review", COUNTY, false],
    ["a county may not submit for itself", who(COUNTY, "county"), "submit", COUNTY, false],
    ["the city may not submit for itself", who(CITY, "city"), "submit", CITY, false],
    ["the city may not submit for a county", who(CITY, "city"), "submit", COUNTY, false],
    ["the city reviews a street", who(CITY, "city"), "review", QH, true],
    ["a county reviews a street of its own", who(COUNTY, "county"), "review", QH, true],
    ["a city token for a unit not on a non-empty roster may not set up", who("330200000000", "city"), "setup", "", false],
  ];
  it.each(cases)("%s", (_label, p, action, unit, expected) => {
    expect(can(p, action, unit, roster)).toBe(expected);
  });

  it("lets a city token set up an empty roster (bootstrap) and nothing else", () => {
    expect(can(who(CITY, "city"), "setup", "", { units: [] })).toBe(true);
    expect(can(who(CITY, "city"), "read", CITY, { units: [] })).toBe(false);
    expect(can(who(QY, "unit"), "setup", "", { units: [] })).toBe(false);
  });
});

describe("tokens and links", () => {
  const keys = deriveKeys("a-test-secret-of-enough-length");
  const other = deriveKeys("another-secret-of-enough-length");
  const p: Principal = { sub: QY, role: "unit", name: "青阳镇" };

  it("round-trips a credential and refuses other keys, expiry, and links used as credentials", async () => {
    const t = await issueToken(keys, p, 60, 1_700_000_000_000);
    expect(await verifyToken(keys, t, 1_700_000_030_000)).toEqual({ ok: true, principal: p });
    expect(await verifyToken(keys, t, 1_700_000_061_000)).toEqual({ ok: false, code: "AUTH_EXPIRED" });
    expect(await verifyToken(other, t, 1_700_000_030_000)).toEqual({ ok: false, code: "AUTH_INVALID" });
    const link = await issueLink(keys, { key: "config/roster.json", name: "名单.json" }, 60, 1_700_000_000_000);
    expect(await verifyToken(keys, link.token, 1_700_000_030_000)).toEqual({ ok: false, code: "AUTH_INVALID" });
  });

  it("round-trips a link until it expires, and refuses a credential used as a link", async () => {
    const link = await issueLink(keys, { key: "periods/2025-Y/period.json", name: "青阳镇.xlsx" }, 60, 1_700_000_000_000);
    expect(link.expiresAt).toBe("2023-11-14T22:14:20.000Z");
    expect(await verifyLink(keys, link.token, 1_700_000_059_000)).toEqual({ ok: true, claims: { key: "periods/2025-Y/period.json", name: "青阳镇.xlsx" } });
    expect(await verifyLink(keys, link.token, 1_700_000_061_000)).toEqual({ ok: false, code: "LINK_EXPIRED" });
    expect(await verifyLink(other, link.token, 1_700_000_001_000)).toEqual({ ok: false, code: "LINK_INVALID" });
    const cred = await issueToken(keys, p, 60, 1_700_000_000_000);
    expect(await verifyLink(keys, cred, 1_700_000_001_000)).toEqual({ ok: false, code: "LINK_INVALID" });
  });

  /** A token signed with the right key whose claims are given here (iss/aud/exp added unless overridden). */
  const signed = async (claims: Record<string, unknown>) => {
    const { SignJWT } = await import("jose");
    return new SignJWT({ iss: "huizong", aud: "huizong-api", exp: 1_700_000_600, ...claims }).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(keys.api);
  };

  it.each<[string, Record<string, unknown>, Awaited<ReturnType<typeof verifyToken>>]>([
    ["a well-formed town credential", { sub: QY, role: "unit", name: "青阳镇" }, { ok: true, principal: { sub: QY, role: "unit", name: "青阳镇" } }],
    ["a session from a sign-in code keeps its generation", { sub: QY, role: "unit", name: "青阳镇", gen: "g7" }, { ok: true, principal: { sub: QY, role: "unit", name: "青阳镇", gen: "g7" } }],
    ["a generation that is no string is dropped", { sub: QY, role: "unit", name: "青阳镇", gen: 7 }, { ok: true, principal: { sub: QY, role: "unit", name: "青阳镇" } }],
    ["no name reads as empty", { sub: CITY, role: "city" }, { ok: true, principal: { sub: CITY, role: "city", name: "" } }],
    ["a county credential", { sub: COUNTY, role: "county", name: "示例区" }, { ok: true, principal: { sub: COUNTY, role: "county", name: "示例区" } }],
    ["a name that is no string reads as empty", { sub: QY, role: "unit", name: 5 }, { ok: true, principal: { sub: QY, role: "unit", name: "" } }],
    ["an empty role", { sub: QY, role: "" }, { ok: false, code: "AUTH_INVALID" }],
    ["a sub of 11 digits", { sub: "33010200100", role: "unit" }, { ok: false, code: "AUTH_INVALID" }],
    ["a sub of 13 digits", { sub: "3301020010001", role: "unit" }, { ok: false, code: "AUTH_INVALID" }],
    ["a sub with a prefix", { sub: "x330102001000", role: "unit" }, { ok: false, code: "AUTH_INVALID" }],
    ["a sub with a suffix", { sub: "330102001000x", role: "unit" }, { ok: false, code: "AUTH_INVALID" }],
    ["no sub", { role: "unit" }, { ok: false, code: "AUTH_INVALID" }],
    ["no expiry", { sub: QY, role: "unit", exp: undefined }, { ok: false, code: "AUTH_INVALID" }],
    ["an unknown role", { sub: QY, role: "admin" }, { ok: false, code: "AUTH_INVALID" }],
    ["no role", { sub: QY }, { ok: false, code: "AUTH_INVALID" }],
    ["another issuer", { sub: QY, role: "unit", iss: "someone" }, { ok: false, code: "AUTH_INVALID" }],
  ])("a credential with %s", async (_label, claims, expected) => {
    expect(await verifyToken(keys, await signed(claims), 1_700_000_000_000)).toEqual(expected);
  });

  const signedLink = async (claims: Record<string, unknown>) => {
    const { SignJWT } = await import("jose");
    return new SignJWT({ iss: "huizong", aud: "huizong-download", exp: 1_700_000_600, ...claims }).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(keys.download);
  };

  it.each<[string, Record<string, unknown>, Awaited<ReturnType<typeof verifyLink>>]>([
    ["a key and a name", { k: "config/roster.json", n: "名单.json" }, { ok: true, claims: { key: "config/roster.json", name: "名单.json" } }],
    ["no key", { n: "名单.json" }, { ok: false, code: "LINK_INVALID" }],
    ["no name", { k: "config/roster.json" }, { ok: false, code: "LINK_INVALID" }],
    ["a key that is no string", { k: 7, n: "名单.json" }, { ok: false, code: "LINK_INVALID" }],
    ["no expiry", { k: "config/roster.json", n: "名单.json", exp: undefined }, { ok: false, code: "LINK_INVALID" }],
  ])("a link with %s", async (_label, claims, expected) => {
    expect(await verifyLink(keys, await signedLink(claims), 1_700_000_000_000)).toEqual(expected);
  });

  it("derives one key per use from the secret (HMAC-SHA256 of a fixed label), so a key of one use never verifies another", () => {
    const secret = "a-test-secret-of-enough-length";
    const hmac = (label: string) => Array.from(createHmac("sha256", secret).update(label).digest());
    const k = deriveKeys(secret);
    expect([Array.from(k.api), Array.from(k.download), Array.from(k.signin)]).toEqual([hmac("huizong api token v1"), hmac("huizong download link v1"), hmac("huizong sign-in code v1")]);
  });

  it("needs a secret of at least 16 characters", () => {
    expect(() => deriveKeys("a".repeat(15))).toThrow("HUIZONG_JWT_SECRET must be at least 16 characters");
    expect(() => deriveKeys("a".repeat(16))).not.toThrow();
  });

  it("writes the standard JWT header", async () => {
    const t = await issueToken(keys, p, 60, 1_700_000_000_000);
    expect(JSON.parse(Buffer.from(t.split(".")[0]!, "base64url").toString())).toEqual({ alg: "HS256", typ: "JWT" });
  });

  it("refuses a token with the alg set to none", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    const body = Buffer.from(JSON.stringify({ sub: QY, role: "city", iss: "huizong", aud: "huizong-api", exp: 9_999_999_999 })).toString("base64url");
    expect(await verifyToken(keys, `${header}.${body}.`)).toEqual({ ok: false, code: "AUTH_INVALID" });
  });

  it("takes the secret from the environment, else from Secrets Manager by ARN", async () => {
    expect(await secretFromEnv({ HUIZONG_JWT_SECRET: " direct-secret " })).toBe("direct-secret");
    const asked: string[] = [];
    const fetcher = async (id: string) => (asked.push(id), "from-secrets-manager\n");
    expect(await secretFromEnv({ HUIZONG_JWT_SECRET_ARN: "arn:aws:secretsmanager:cn-north-1:1:secret:x" }, fetcher)).toBe("from-secrets-manager");
    expect(asked).toEqual(["arn:aws:secretsmanager:cn-north-1:1:secret:x"]);
    expect(await secretFromEnv({})).toBeNull();
    // Blank values count as unset, and the ARN is trimmed before it is asked for.
    expect(await secretFromEnv({ HUIZONG_JWT_SECRET: "  ", HUIZONG_JWT_SECRET_ARN: " arn:x \n" }, fetcher)).toBe("from-secrets-manager");
    expect(asked).toEqual(["arn:aws:secretsmanager:cn-north-1:1:secret:x", "arn:x"]);
    expect(await secretFromEnv({ HUIZONG_JWT_SECRET_ARN: " " }, fetcher)).toBeNull();
    expect(asked).toHaveLength(2);
    expect(() => deriveKeys("short")).toThrow(/at least 16/);
  });
});

describe("HTTP plumbing", () => {
  const ev = (body: string | undefined, isBase64Encoded: boolean, contentType = "application/json"): APIGatewayProxyEventV2 =>
    ({ body, isBase64Encoded, headers: { "content-type": contentType }, requestContext: {} }) as unknown as APIGatewayProxyEventV2;

  it("decodes base64 bodies and bounds them at 5 MB", () => {
    expect(Array.from(bodyBytes(ev(Buffer.from([1, 2, 3]).toString("base64"), true)))).toEqual([1, 2, 3]);
    const big = Buffer.alloc(MAX_BODY_BYTES + 1).toString("base64");
    expect(() => bodyBytes(ev(big, true))).toThrow(ApiError);
    expect(jsonBody(ev(undefined, false))).toEqual({});
    expect(() => jsonBody(ev("[1]", false))).toThrow(expect.objectContaining({ code: "BAD_JSON", status: 400 }));
    expect(() => jsonBody(ev('{"a":1}', false, "text/plain"))).toThrow(expect.objectContaining({ code: "UNSUPPORTED_MEDIA_TYPE", status: 415 }));
  });

  it("matches concrete paths to route keys and parameters as API Gateway does", () => {
    const m = matchRoute(ALL_ROUTES, "POST", "/api/periods/2025-Y/units/330102001000/reports/v20250101T000000000Z-0000000a/review");
    expect([m && `${m.route.method} ${m.route.path}`, m?.pathParameters]).toEqual([
      "POST /api/periods/{period}/units/{unit}/reports/{version}/review",
      { period: "2025-Y", unit: "330102001000", version: "v20250101T000000000Z-0000000a" },
    ]);
    expect(matchRoute(ALL_ROUTES, "DELETE", "/api/roster")).toBeNull();
    expect(matchRoute(ALL_ROUTES, "GET", "/api/periods//status")).toBeNull();
  });

  it("has a Chinese message and a 4xx/5xx status for every error code", () => {
    for (const e of apiErrorTable()) {
      expect(e.status).toBeGreaterThanOrEqual(400);
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect([readErrorStatus("NOT_XLSX_XLS"), readErrorStatus("FILE_TOO_LARGE"), readErrorStatus("ROWS_CHANGED")]).toEqual([415, 413, 422]);
  });

  it.each([
    [{ units: [{ code: CITY, name: "市", type: "市" }, { code: COUNTY, name: "区", type: "县（市、区）", parent: CITY }, { code: QY, name: "镇", type: "乡镇", parent: COUNTY }] }, []],
    [{ units: [] }, ["名单为空：请至少列出市、区县和乡镇单位。"]],
    [{ units: [{ code: CITY, name: "市", type: "市" }, { code: CITY, name: "重复", type: "乡镇", parent: CITY }] }, ["第 2 个单位（重复）的区划代码 330100000000 重复。"]],
    [{ units: [{ code: CITY, name: "市", type: "省" }] }, ["第 1 个单位（市）的单位类型“省”无效，应为 乡镇、街道、县（市、区）、市 之一。"]],
    [{ units: [{ code: CITY, name: "市", type: "市" }, { code: COUNTY, name: "区", type: "县（市、区）", parent: QY }, { code: QY, name: "镇", type: "乡镇", parent: COUNTY }] }, ["区（330102000000）的上级单位 镇 层级不对：乡镇/街道的上级应为区县或市，区县的上级应为市。"]],
    [{ units: [{ code: COUNTY, name: "区", type: "县（市、区）", parent: CITY }] }, ["名单中应有且只有一个“市”级单位（现有 0 个）。", "区（330102000000）的上级单位“330100000000”不在名单中。"]],
  ])("validates rosters (%#)", (input, problems) => {
    const v = validateRoster(input);
    expect(v.ok ? [] : v.problems).toEqual(problems);
  });
});
