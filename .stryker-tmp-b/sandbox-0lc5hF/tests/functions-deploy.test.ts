/**
 * Deployment as code: template.yaml parses (CloudFormation tags included),
 * is shaped as SAM expects, matches the routes the code serves, points every
 * function at a bundle that exists and exports `handler`, and grants only
 * what each function needs. Then a built bundle is invoked with an API
 * Gateway v2 event, as Lambda would.
 */
// @ts-nocheck

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { afterAll, describe, expect, it } from "vitest";
import { parse, type CollectionTag, type ScalarTag } from "yaml";
import { FUNCTIONS } from "../functions/handlers/index";
import { routeKey } from "../functions/http/route";
import { FUNCTION_NAMES, targets } from "../scripts/build/functions.mjs";
import { deriveKeys, issueToken } from "../functions/auth/tokens";
import { demoRoster } from "../functions/local/server";
import { FsObjectStore, rosterKey, periodKey } from "../functions/storage/index";
import { startLambdaHost } from "./support/functions-lambda";
import { goodReport, SECRET } from "./support/functions-server";

const ROOT = path.resolve(import.meta.dirname, "..");

// CloudFormation short forms as plain objects, the way CloudFormation reads them.
const scalar = (tag: string, fn: string, split = false): ScalarTag => ({
  tag,
  resolve: (value: string) => ({ [fn]: split ? value.split(".") : value }),
});
const seq = (tag: string, fn: string): CollectionTag => ({
  tag,
  collection: "seq",
  resolve: (value) => ({ [fn]: (value as unknown as { toJSON(): unknown }).toJSON() }) as never,
});
const CFN_TAGS = [scalar("!Ref", "Ref"), scalar("!GetAtt", "Fn::GetAtt", true), scalar("!Sub", "Fn::Sub"), seq("!Sub", "Fn::Sub"), seq("!Join", "Fn::Join"), seq("!If", "Fn::If"), seq("!Equals", "Fn::Equals")];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const template: Json = parse(readFileSync(path.join(ROOT, "template.yaml"), "utf8"), { customTags: CFN_TAGS });
const resources: Record<string, Json> = template.Resources;
const functions = Object.entries(resources).filter(([, r]) => r.Type === "AWS::Serverless::Function");

describe("template.yaml", () => {
  it("is a SAM template with the bucket, the secret, the HTTP API and one function per handler group", () => {
    expect(template.AWSTemplateFormatVersion).toBe("2010-09-09");
    expect(template.Transform).toBe("AWS::Serverless-2016-10-31");
    expect(Object.values(resources).map((r) => r.Type).sort()).toEqual(
      [
        "AWS::S3::Bucket",
        "AWS::S3::BucketPolicy",
        "AWS::SecretsManager::Secret",
        "AWS::Serverless::HttpApi",
        "AWS::Logs::LogGroup",
        ...Object.keys(FUNCTIONS).flatMap(() => ["AWS::Serverless::Function", "AWS::Logs::LogGroup"]),
      ].sort(),
    );
    // Node.js 22 on Lambda (nodejs20.x can no longer be created), the bundles built for it.
    expect(template.Globals.Function).toMatchObject({ Runtime: "nodejs22.x" });
    for (const t of targets) expect(t.target).toBe("node22");
    for (const [, r] of Object.entries(resources)) expect(Object.keys(r).every((k) => ["Type", "Properties", "DeletionPolicy", "UpdateReplacePolicy", "Metadata", "DependsOn"].includes(k))).toBe(true);
  });

  it("keeps the bucket versioned, encrypted, private and TLS-only", () => {
    const b = resources.ReportsBucket.Properties;
    expect(b.VersioningConfiguration).toEqual({ Status: "Enabled" });
    expect(b.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe("AES256");
    expect(b.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(resources.ReportsBucket.DeletionPolicy).toBe("Retain");
    expect(b.LifecycleConfiguration.Rules).toContainEqual({ Id: "expire-noncurrent-versions", Status: "Enabled", NoncurrentVersionExpiration: { NoncurrentDays: 365 }, ExpiredObjectDeleteMarker: true });
    expect([resources.JwtSecret.DeletionPolicy, resources.JwtSecret.UpdateReplacePolicy]).toEqual(["Retain", "Retain"]);
    const deny = resources.ReportsBucketPolicy.Properties.PolicyDocument.Statement[0];
    expect(deny).toMatchObject({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } });
  });

  it("builds every function with sam build's esbuild method from the entry npm run build uses; the bundle exports handler; routes are exactly the code's", () => {
    expect([...FUNCTION_NAMES].sort()).toEqual(Object.keys(FUNCTIONS).sort());
    for (const t of targets) expect(t.entryPoints[0]).toMatch(/^functions\/lambda\/\w+\.ts$/);
    for (const [logical, f] of functions) {
      expect(f.Metadata.BuildMethod, logical).toBe("esbuild");
      const props = f.Metadata.BuildProperties;
      expect(props.EntryPoints).toHaveLength(1);
      const name = /^functions\/lambda\/(\w+)\.ts$/.exec(props.EntryPoints[0])![1]!;
      const local = targets.find((t: { entryPoints: string[] }) => t.entryPoints[0] === props.EntryPoints[0])! as unknown as { external: string[]; banner: { js: string } };
      expect(props).toMatchObject({ Format: "esm", Target: "node22", Platform: "node", OutExtension: [".js=.mjs"], External: local.external, Banner: [`js=${local.banner.js}`] });
      expect(existsSync(path.join(ROOT, f.Properties.CodeUri, props.EntryPoints[0])), logical).toBe(true);
      // sam build writes <entry basename>.mjs to the function's artifact folder: the Handler names it.
      const [file, exported] = (f.Properties.Handler as string).split(".") as [string, string];
      expect(file).toBe(name);
      const bundle = path.join(ROOT, "dist", "functions", name, "index.mjs");
      expect(existsSync(bundle), `${logical}: ${bundle} (run npm run build)`).toBe(true);
      // Plain Node, as Lambda loads it (and much faster than through the test runner's transform).
      const probe = `import(${JSON.stringify(pathToFileURL(bundle).href)}).then((m) => process.stdout.write(typeof m[${JSON.stringify(exported)}]))`;
      expect(execFileSync(process.execPath, ["-e", probe], { encoding: "utf8" }), `${logical} exports ${exported}`).toBe("function");
      const events = Object.values(f.Properties.Events as Record<string, Json>);
      for (const e of events) expect(e).toMatchObject({ Type: "HttpApi", Properties: { ApiId: { Ref: "HttpApi" } } });
      expect(events.map((e) => `${e.Properties.Method} ${e.Properties.Path}`).sort()).toEqual(FUNCTIONS[name]!.map(routeKey).sort());
    }
  });

  it("grants each function S3 actions on this bucket only (no wildcards) and the secret by reference", () => {
    for (const [logical, f] of functions) {
      const policies: Json[] = f.Properties.Policies;
      const statements = policies.filter((p) => p.Statement).flatMap((p) => p.Statement);
      expect(statements.length, logical).toBeGreaterThan(0);
      for (const st of statements) {
        expect(st.Effect).toBe("Allow");
        expect(st.Action).toMatch(/^s3:(GetObject|PutObject|DeleteObject|ListBucket)$/);
        const resource = st.Resource;
        if (st.Action === "s3:ListBucket") {
          expect(resource).toEqual({ "Fn::GetAtt": ["ReportsBucket", "Arn"] });
          // Listing only under the prefixes the function reads (never the whole bucket).
          const prefixes: string[] = st.Condition.StringLike["s3:prefix"];
          expect(prefixes.length, logical).toBeGreaterThan(0);
          for (const p of prefixes) expect(p).toMatch(/^(config|periods)\//);
        } else for (const r of [st.Resource].flat()) expect(r["Fn::Sub"]).toMatch(/^\$\{ReportsBucket\.Arn\}\/(config|periods)\//);
      }
      expect(policies.filter((p) => p.AWSSecretsManagerGetSecretValuePolicy).map((p) => p.AWSSecretsManagerGetSecretValuePolicy)).toEqual([{ SecretArn: { Ref: "JwtSecret" } }]);
    }
    // Only the functions that write may write; only submit may delete (its own half-written version).
    const writers = functions.filter(([, f]) => JSON.stringify(f.Properties.Policies).includes("s3:PutObject")).map(([k]) => k).sort();
    expect(writers).toEqual(["ConsolidateFunction", "PeriodsFunction", "ReviewFunction", "RosterFunction", "SubmitFunction"]);
    const deleters = functions.filter(([, f]) => JSON.stringify(f.Properties.Policies).includes("s3:DeleteObject")).map(([k]) => k);
    expect(deleters).toEqual(["SubmitFunction"]);
    // Submit writes its versions and log slots and may delete only its own uncommitted version objects, never a
    // log slot (a commit mark); review writes only log slots.
    const actionsOn = (logical: string, action: string) =>
      (resources[logical].Properties.Policies[0].Statement as Json[]).filter((st) => st.Action === action).flatMap((st) => [st.Resource].flat().map((r: Json) => r["Fn::Sub"]));
    expect(actionsOn("SubmitFunction", "s3:PutObject")).toEqual(["${ReportsBucket.Arn}/periods/*/units/*/v*", "${ReportsBucket.Arn}/periods/*/units/*/log/*"]);
    expect(actionsOn("SubmitFunction", "s3:DeleteObject")).toEqual(["${ReportsBucket.Arn}/periods/*/units/*/v*"]);
    expect(actionsOn("ReviewFunction", "s3:PutObject")).toEqual(["${ReportsBucket.Arn}/periods/*/units/*/log/*"]);
    // Logs: each function its own group, every group with a retention; the API's access log.
    for (const [logical, f] of functions) expect(f.Properties.LoggingConfig.LogGroup, logical).toEqual({ Ref: `${logical}Logs` });
    for (const [, r] of Object.entries(resources).filter(([, r]) => r.Type === "AWS::Logs::LogGroup")) expect(r.Properties.RetentionInDays).toEqual({ Ref: "LogRetentionDays" });
    const api = resources.HttpApi.Properties;
    expect(api.AccessLogSettings.DestinationArn).toEqual({ "Fn::GetAtt": ["ApiAccessLogs", "Arn"] });
    expect(Object.keys(JSON.parse(api.AccessLogSettings.Format))).toEqual(["requestId", "ip", "time", "routeKey", "status", "bytes", "latencyMs", "integrationError"]);
    // CORS: one configured https origin, never *; throttling per route for the expensive ones.
    expect(api.CorsConfiguration.AllowOrigins).toEqual([{ Ref: "AllowedOrigin" }]);
    expect(template.Parameters.AllowedOrigin.Default).toBeUndefined();
    expect(api.RouteSettings["POST /api/periods/{period}/units/{unit}/reports"]).toEqual({ ThrottlingBurstLimit: 20, ThrottlingRateLimit: 10 });
    expect(api.RouteSettings["POST /api/periods/{period}/consolidations"]).toEqual({ ThrottlingBurstLimit: 5, ThrottlingRateLimit: 2 });
    // Uploads fit Lambda's 6 MB synchronous payload once base64-encoded (4/3).
    const maxUpload = Number(template.Globals.Function.Environment.Variables.HUIZONG_MAX_UPLOAD_BYTES);
    expect(Math.ceil(maxUpload / 3) * 4).toBeLessThan(6 * 1024 * 1024 - 64 * 1024);
    expect(template.Globals.Function.Environment.Variables).toMatchObject({
      HUIZONG_STORAGE: "s3",
      HUIZONG_BUCKET: { Ref: "ReportsBucket" },
      HUIZONG_JWT_SECRET_ARN: { Ref: "JwtSecret" },
    });
    expect(resources.JwtSecret.Properties.GenerateSecretString.PasswordLength).toBeGreaterThanOrEqual(32);
  });
});

describe("cfn-lint", () => {
  it("finds no error, warning or informational finding in template.yaml", () => {
    let out = "";
    let status = 0;
    try {
      out = execFileSync("cfn-lint", ["--include-checks", "I", "--", path.join(ROOT, "template.yaml")], { encoding: "utf8" });
    } catch (err) {
      const e = err as { status?: number; stdout?: string; code?: string };
      if (e.code === "ENOENT") throw new Error("cfn-lint is not installed (pip install cfn-lint; see scripts/setup-test-env.mjs)");
      status = e.status ?? -1;
      out = e.stdout ?? "";
    }
    expect([status, out]).toEqual([0, ""]);
  }, 120_000);
});

describe("a built Lambda bundle", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "huizong-lambda-"));
  const host = startLambdaHost({ HUIZONG_STORAGE: "fs", HUIZONG_DATA_DIR: dataDir, HUIZONG_JWT_SECRET: SECRET, HUIZONG_LOG_LEVEL: "SILENT" });
  afterAll(() => {
    host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const event = (routeKey: string, rawPath: string, init: Partial<APIGatewayProxyEventV2> = {}): APIGatewayProxyEventV2 => ({
    version: "2.0",
    routeKey,
    rawPath,
    rawQueryString: "",
    headers: { host: "abc123.execute-api.cn-north-1.amazonaws.com.cn", "x-forwarded-proto": "https" },
    requestContext: {
      accountId: "123456789012",
      apiId: "abc123",
      domainName: "abc123.execute-api.cn-north-1.amazonaws.com.cn",
      domainPrefix: "abc123",
      http: { method: routeKey.split(" ")[0]!, path: rawPath, protocol: "HTTP/1.1", sourceIp: "10.0.0.1", userAgent: "test" },
      requestId: "req-1",
      routeKey,
      stage: "$default",
      time: "",
      timeEpoch: 0,
    },
    isBase64Encoded: false,
    ...init,
  });

  it("takes a base64 upload from an API Gateway v2 event and answers as the local server does", async () => {
    const store = new FsObjectStore({ root: dataDir });
    await store.putJson(rosterKey(), demoRoster());
    await store.putJson(periodKey("2025-Y"), { id: "2025-Y", label: "2025年全年", open: true, openedAt: "2025-01-01T00:00:00.000Z", openedBy: "test" });
    const handler = (e: APIGatewayProxyEventV2) => host.invoke("submit", e);
    const town = demoRoster().units[2]!;
    const token = await issueToken(deriveKeys(SECRET), { sub: town.code, role: "unit", name: town.name }, 600);
    const bytes = await goodReport({ name: town.name, code: town.code, type: "乡镇" }, "2025-Y");
    const path_ = `/api/periods/2025-Y/units/${town.code}/reports`;
    const res = await handler(
      event("POST /api/periods/{period}/units/{unit}/reports", path_, {
        headers: { authorization: `Bearer ${token}`, "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        pathParameters: { period: "2025-Y", unit: town.code },
        body: Buffer.from(bytes).toString("base64"),
        isBase64Encoded: true,
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(JSON.parse(res.body!)).toMatchObject({ ok: true, seq: 1, state: "submitted", findings: [] });

    const wrongRoute = await handler(event("GET /api/periods", "/api/periods"));
    expect([wrongRoute.statusCode, JSON.parse(wrongRoute.body!).code]).toEqual([404, "ROUTE_NOT_FOUND"]);
    const noToken = await handler(event("POST /api/periods/{period}/units/{unit}/reports", path_, { pathParameters: { period: "2025-Y", unit: town.code } }));
    expect([noToken.statusCode, JSON.parse(noToken.body!).code]).toEqual([401, "AUTH_REQUIRED"]);
  });
});
