/**
 * Deployment as code: template.yaml parses (CloudFormation tags included),
 * is shaped as SAM expects, matches the routes the code serves, points every
 * function at a bundle that exists and exports `handler`, and grants only
 * what each function needs. Then a built bundle is invoked with an API
 * Gateway v2 event, as Lambda would.
 */
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
        ...Object.keys(FUNCTIONS).map(() => "AWS::Serverless::Function"),
      ].sort(),
    );
    expect(template.Globals.Function).toMatchObject({ Runtime: "nodejs20.x", Handler: "index.handler" });
    for (const [, r] of Object.entries(resources)) expect(Object.keys(r).every((k) => ["Type", "Properties", "DeletionPolicy", "UpdateReplacePolicy", "Metadata", "DependsOn"].includes(k))).toBe(true);
  });

  it("keeps the bucket versioned, encrypted, private and TLS-only", () => {
    const b = resources.ReportsBucket.Properties;
    expect(b.VersioningConfiguration).toEqual({ Status: "Enabled" });
    expect(b.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe("AES256");
    expect(b.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(resources.ReportsBucket.DeletionPolicy).toBe("Retain");
    const deny = resources.ReportsBucketPolicy.Properties.PolicyDocument.Statement[0];
    expect(deny).toMatchObject({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } });
  });

  it("points every function at a built bundle that exports handler, and routes exactly what the code serves", () => {
    expect(functions.map(([, f]) => f.Properties.CodeUri).sort()).toEqual(FUNCTION_NAMES.map((n: string) => `dist/functions/${n}/`).sort());
    expect([...FUNCTION_NAMES].sort()).toEqual(Object.keys(FUNCTIONS).sort());
    for (const t of targets) expect(t.entryPoints[0]).toMatch(/^functions\/lambda\/\w+\.ts$/);
    for (const [logical, f] of functions) {
      const name = /^dist\/functions\/(\w+)\/$/.exec(f.Properties.CodeUri)![1]!;
      const handler: string = f.Properties.Handler ?? template.Globals.Function.Handler;
      const [file, exported] = handler.split(".") as [string, string];
      const bundle = path.join(ROOT, f.Properties.CodeUri, `${file}.mjs`);
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
        if (st.Action === "s3:ListBucket") expect(resource).toEqual({ "Fn::GetAtt": ["ReportsBucket", "Arn"] });
        else expect(resource["Fn::Sub"]).toMatch(/^\$\{ReportsBucket\.Arn\}\/(config|periods)\//);
      }
      expect(policies.filter((p) => p.AWSSecretsManagerGetSecretValuePolicy).map((p) => p.AWSSecretsManagerGetSecretValuePolicy)).toEqual([{ SecretArn: { Ref: "JwtSecret" } }]);
    }
    // Only the functions that write may write; only submit may delete (its own half-written version).
    const writers = functions.filter(([, f]) => JSON.stringify(f.Properties.Policies).includes("s3:PutObject")).map(([k]) => k).sort();
    expect(writers).toEqual(["ConsolidateFunction", "PeriodsFunction", "ReviewFunction", "RosterFunction", "SubmitFunction"]);
    const deleters = functions.filter(([, f]) => JSON.stringify(f.Properties.Policies).includes("s3:DeleteObject")).map(([k]) => k);
    expect(deleters).toEqual(["SubmitFunction"]);
    expect(template.Globals.Function.Environment.Variables).toMatchObject({
      HUIZONG_STORAGE: "s3",
      HUIZONG_BUCKET: { Ref: "ReportsBucket" },
      HUIZONG_JWT_SECRET_ARN: { Ref: "JwtSecret" },
    });
    expect(resources.JwtSecret.Properties.GenerateSecretString.PasswordLength).toBeGreaterThanOrEqual(32);
  });
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
