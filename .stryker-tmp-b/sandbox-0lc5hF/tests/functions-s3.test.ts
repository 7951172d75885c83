/**
 * The built Lambda bundles on S3 storage (s3rver on loopback), invoked with
 * API Gateway v2 events the way Lambda would: open a period, submit, see the
 * status, return and resubmit, accept, consolidate, download. The bundles run
 * in a child Node process (tests/support/functions-lambda-runner.mjs).
 */
// @ts-nocheck

import type { APIGatewayProxyEventV2 } from "aws-lambda";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deriveKeys, issueToken } from "../functions/auth/tokens";
import { ALL_ROUTES } from "../functions/handlers/index";
import { matchRoute } from "../functions/http/route";
import { demoRoster } from "../functions/local/server";
import { rosterKey, S3ObjectStore } from "../functions/storage/index";
import { REPORT_SHEETS } from "../templates/merge/workbook";
import { goodReport, SECRET, CITY, COUNTY } from "./support/functions-server";
import { startLambdaHost, type LambdaHost } from "./support/functions-lambda";
import { startS3rver, type RunningS3rver } from "./support/s3rver";

const FUNCTION_OF: Record<string, string> = {};
for (const [name, routes] of Object.entries((await import("../functions/handlers/index")).FUNCTIONS)) for (const r of routes) FUNCTION_OF[`${r.method} ${r.path}`] = name;

let s3: RunningS3rver;
let host: LambdaHost;
const keys = deriveKeys(SECRET);

beforeAll(async () => {
  s3 = await startS3rver();
  host = startLambdaHost({
    HUIZONG_STORAGE: "s3",
    HUIZONG_BUCKET: s3.bucket,
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "S3RVER",
    AWS_SECRET_ACCESS_KEY: "S3RVER",
    HUIZONG_JWT_SECRET: SECRET,
    HUIZONG_LOG_LEVEL: "SILENT",
  });
  const store = new S3ObjectStore({ bucket: s3.bucket, client: s3.makeClient() });
  await store.putJson(rosterKey(), demoRoster());
});
afterAll(async () => {
  host?.stop();
  await s3?.stop();
});

/** Invoke the bundle that serves `method path`, as API Gateway would. */
async function invoke(method: string, rawPath: string, opts: { token?: string; json?: unknown; bytes?: Uint8Array; query?: Record<string, string> } = {}) {
  const match = matchRoute(ALL_ROUTES, method, rawPath);
  if (!match) throw new Error(`no route ${method} ${rawPath}`);
  const routeKey = `${match.route.method} ${match.route.path}`;
  const name = FUNCTION_OF[routeKey]!;
  const headers: Record<string, string> = { host: "api.example.cn", "x-forwarded-proto": "https" };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.json !== undefined) headers["content-type"] = "application/json";
  const res = await host.invoke(name, {
    version: "2.0",
    routeKey,
    rawPath,
    rawQueryString: new URLSearchParams(opts.query ?? {}).toString(),
    headers,
    ...(opts.query ? { queryStringParameters: opts.query } : {}),
    pathParameters: match.pathParameters,
    requestContext: { domainName: "api.example.cn", requestId: `r-${Math.random()}`, http: { method, path: rawPath } } as APIGatewayProxyEventV2["requestContext"],
    ...(opts.json !== undefined ? { body: JSON.stringify(opts.json), isBase64Encoded: false } : {}),
    ...(opts.bytes ? { body: Buffer.from(opts.bytes).toString("base64"), isBase64Encoded: true } : { isBase64Encoded: false }),
  } as APIGatewayProxyEventV2);
  const body = res.isBase64Encoded ? new Uint8Array(Buffer.from(res.body!, "base64")) : JSON.parse(res.body!);
  return { status: res.statusCode!, headers: res.headers ?? {}, body };
}

describe("Lambda bundles on S3 (s3rver)", () => {
  const towns = demoRoster().units.slice(2);
  const qy = towns[0]!;
  const token = (code: string, role: "unit" | "county" | "city", name: string) => issueToken(keys, { sub: code, role, name }, 600);

  it("runs a period: open, submit, return, resubmit, accept, consolidate, download", async () => {
    const city = await token(CITY, "city", "示例市");
    const county = await token(COUNTY, "county", "示例区");
    const town = await token(qy.code, "unit", qy.name);
    expect((await invoke("POST", "/api/periods", { token: city, json: { id: "2025-Q3" } })).status).toBe(201);

    const reports = `/api/periods/2025-Q3/units/${qy.code}/reports`;
    const v1 = await invoke("POST", reports, { token: town, bytes: await goodReport({ name: qy.name, code: qy.code, type: "乡镇" }, "2025-Q3", 5) });
    expect([v1.status, v1.body.seq, v1.body.state]).toEqual([201, 1, "submitted"]);
    const back = await invoke("POST", `${reports}/${v1.body.version}/review`, { token: county, json: { action: "return", reason: "请补充文字材料" } });
    expect(back.status).toBe(200);
    const seen = await invoke("GET", "/api/periods/2025-Q3/status", { token: town });
    expect(seen.body.units).toEqual([expect.objectContaining({ code: qy.code, state: "returned", returnReason: "请补充文字材料" })]);

    const v2 = await invoke("POST", reports, { token: town, bytes: await goodReport({ name: qy.name, code: qy.code, type: "乡镇" }, "2025-Q3", 6) });
    expect([v2.status, v2.body.seq]).toEqual([201, 2]);
    expect((await invoke("POST", `${reports}/${v2.body.version}/review`, { token: county, json: { action: "accept" } })).status).toBe(200);
    const history = await invoke("GET", reports, { token: county });
    expect(history.body.versions.map((v: { seq: number; state: string }) => [v.seq, v.state])).toEqual([
      [1, "returned"],
      [2, "accepted"],
    ]);

    const merged = await invoke("POST", "/api/periods/2025-Q3/consolidations", { token: county, json: { parent: COUNTY } });
    expect(merged.status).toBe(201);
    expect(merged.body.versions).toEqual({ [qy.code]: v2.body.version });
    expect(merged.body.download.url.startsWith("https://api.example.cn/api/download?t=")).toBe(true);
    const t = new URL(merged.body.download.url).searchParams.get("t")!;
    const file = await invoke("GET", "/api/download", { query: { t } });
    expect(file.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body);
    expect(wb.worksheets.map((w) => w.name)).toContain(REPORT_SHEETS.summary);

    // The period list comes from the period folders (2025-Q3's now holds versions, reviews and a consolidation);
    // a folder without a period.json is no period.
    expect((await invoke("POST", "/api/periods", { token: city, json: { id: "2025-Y" } })).status).toBe(201);
    await new S3ObjectStore({ bucket: s3.bucket, client: s3.makeClient() }).putJson("periods/2024-H1/notes.json", {});
    const periods = await invoke("GET", "/api/periods", { token: town });
    expect(periods.status).toBe(200);
    expect(periods.body.periods.map((p: { id: string; open: boolean }) => [p.id, p.open])).toEqual([
      ["2025-Y", true],
      ["2025-Q3", true],
    ]);
  });
});
