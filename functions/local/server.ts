/**
 * The local server (`npm start`): one port, the same handlers as on AWS.
 * Each HTTP request becomes an API Gateway HTTP API (payload v2) event and
 * goes through `dispatch`, with filesystem storage, a demo roster and an
 * open period. It also serves the task pane's static files.
 *
 * Body size is bounded while streaming (past 5 MB: 413, nothing more is
 * buffered) and so is time (a body that does not arrive in time: 408; a
 * handler that does not finish in time: 504).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { DEMO_CITY, DEMO_COUNTY, demoPeriodId, demoUnits } from "../../templates/samples";
import { issueToken, deriveKeys, type Principal } from "../auth/tokens";
import { ALL_ROUTES } from "../handlers/index";
import { loadConfig } from "../config";
import type { AppContext } from "../http/context";
import { authenticate } from "../http/route";
import { API_SECURITY_HEADERS, corsHeaders, pageSecurityHeaders, preflightHeaders } from "../http/security";
import { apiErrorMessage, apiErrorStatus, type ApiErrorCode } from "../http/errors";
import { MAX_BODY_BYTES } from "../http/event";
import { createLogger, type LogLevelName } from "../http/log";
import { errorJson, type Response } from "../http/responses";
import { dispatch, matchRoute } from "../http/route";
import { defaultMergeEngine } from "../service/merge-engine";
import { openPeriod, getPeriod, listPeriods } from "../service/periods";
import { sweepUncommitted } from "../service/reports";
import { loadRoster, roleOf, saveRoster, type Roster } from "../service/roster";
import { demoCode, issueCode, redeemCode, unitSignin } from "../service/signin";
import { FsObjectStore } from "../storage/index";

const ROOT = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));

export interface ServerOptions {
  /** 0 = any free port. Default: env PORT, else 3000. */
  port?: number;
  /** Default: env HOST, else 127.0.0.1 (a laptop server is not for the network). */
  host?: string;
  /** Default: env HUIZONG_DATA_DIR, else `.data`. */
  dataDir?: string;
  /** Default: env HUIZONG_JWT_SECRET, else a generated one kept in the data folder. */
  secret?: string;
  /**
   * Demo mode: seed the demo roster and open a period when none exist, and
   * issue (and `banner` print) a credential per demo unit. Default: on
   * exactly when no secret is configured (`config.demo`); never on by itself
   * with a configured secret.
   */
  demo?: boolean;
  /** Period opened for the demo. Default: env HUIZONG_DEMO_PERIOD, else `<this year>-Y`. */
  demoPeriod?: string;
  /** Where the task pane's built files are. Default `dist/addin`. */
  addinDir?: string;
  logLevel?: LogLevelName;
  /** Time allowed to receive a request body (ms). Default 60 s. */
  bodyTimeoutMs?: number;
  /** Time allowed for a handler (ms). Default 60 s. */
  handlerTimeoutMs?: number;
  /** Lifetime of demo tokens (s). Default 30 days. */
  tokenTtlSeconds?: number;
  linkTtlSeconds?: number;
  /** Time zone times are shown in. Default: env HUIZONG_TIME_ZONE, else Asia/Shanghai. */
  timeZone?: string;
  /** Hosts the 催报 group robot may be at. Default: env HUIZONG_WEBHOOK_HOSTS, else WeCom's and DingTalk's. */
  webhookHosts?: readonly string[];
  now?: () => Date;
}

/** A sign-in code issued at a demo start (printed; the codes themselves are never stored). */
export interface DemoCode {
  code: string;
  unit: string;
  name: string;
}

export interface DemoToken {
  code: string;
  name: string;
  role: Principal["role"];
  token: string;
}

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  ctx: AppContext;
  tokens: DemoToken[];
  /** Sign-in codes issued for every roster unit (demo mode only; empty otherwise). */
  codes: DemoCode[];
  /** True when the secret was generated for local use (not from the environment). */
  devSecret: boolean;
  /** Demo mode (see {@link ServerOptions.demo}): only then are credentials issued and printed. */
  demo: boolean;
  server: Server;
  close(): Promise<void>;
}

/** The demo roster: the city (示例市), one county (示例区), `towns` demo towns under it (`demoUnits`). */
export function demoRoster(towns = 6): Roster {
  const county = DEMO_COUNTY.code;
  return {
    units: [
      { code: DEMO_CITY.code, name: DEMO_CITY.name, type: "市", parent: null },
      { code: county, name: DEMO_COUNTY.name, type: "县（市、区）", parent: DEMO_CITY.code },
      ...demoUnits(towns, county).map((u) => ({ code: u.code, name: u.name, type: u.type, parent: county })),
    ],
  };
}

const DEV_SECRET_FILE = ".dev-jwt-secret";

function devSecret(dataDir: string): string {
  const file = path.join(dataDir, DEV_SECRET_FILE);
  try {
    const s = readFileSync(file, "utf8").trim();
    if (s.length >= 32) return s;
  } catch {
    // none yet
  }
  const s = randomBytes(32).toString("base64url");
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, s + "\n", { mode: 0o600 });
  return s;
}

/** Start the server; resolves once it listens. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const config = loadConfig();
  const dataDir = path.resolve(options.dataDir ?? config.dataDir);
  const store = new FsObjectStore({ root: dataDir });
  // The local server owns its folder: temp files left by a killed process are garbage now, and so are the
  // objects of versions that provably never got their commit mark (see service/unit-log.ts).
  await store.sweepTemporaryFiles(0);
  for (const p of await listPeriods(store)) await sweepUncommitted(store, p.id);
  const envSecret = options.secret ?? config.jwtSecret;
  const secret = envSecret || devSecret(dataDir);
  const demo = options.demo ?? !envSecret;
  const now = options.now ?? (() => new Date());
  const ctx: AppContext = {
    store,
    keys: deriveKeys(secret),
    merge: defaultMergeEngine,
    logger: createLogger(options.logLevel),
    now,
    linkTtlSeconds: options.linkTtlSeconds ?? config.linkTtlSeconds,
    versionsPerHour: config.versionsPerHour,
    timeZone: options.timeZone ?? config.timeZone,
    maxUploadBytes: config.maxUploadBytes,
    webhookHosts: options.webhookHosts ?? config.webhookHosts,
    readTimeoutMs: config.readTimeoutMs,
  };

  if (demo) {
    if ((await loadRoster(store)).units.length === 0) await saveRoster(store, demoRoster(), "demo", now());
    const periodId = options.demoPeriod ?? config.demoPeriod ?? demoPeriodId(now());
    if (!(await getPeriod(store, periodId))) await openPeriod(store, periodId, "demo", now());
  }
  const roster = await loadRoster(store);
  const ttl = options.tokenTtlSeconds ?? 30 * 24 * 3600;
  // Credentials for the demo units exist only in demo mode; with a configured secret, token.ts issues them.
  const tokens: DemoToken[] = !demo ? [] : await Promise.all(
    roster.units.slice(0, 50).map(async (u) => {
      const p: Principal = { sub: u.code, role: roleOf(u.type), name: u.name };
      return { code: u.code, name: u.name, role: p.role, token: await issueToken(ctx.keys, p, ttl, now().getTime()) };
    }),
  );

  // Demo mode: each unit's demo code (derived from the key, the same at every start), stored the first time;
  // a unit whose code the city has since replaced is not printed (its demo code no longer works).
  const codes: DemoCode[] = [];
  if (demo) {
    for (const u of roster.units.slice(0, 50)) {
      const code = demoCode(ctx.keys, u.code);
      if (!(await unitSignin(store, u.code))) await issueCode(store, ctx.keys, u.code, "demo", now(), code);
      if ((await redeemCode(store, ctx.keys, code))?.unit === u.code) codes.push({ code, unit: u.code, name: u.name });
    }
  }

  const addinDir = path.resolve(options.addinDir ?? path.join(ROOT, "dist", "addin"));
  const limits = { bodyTimeoutMs: options.bodyTimeoutMs ?? 60_000, handlerTimeoutMs: options.handlerTimeoutMs ?? 60_000, corsOrigins: config.corsOrigins, publicBaseUrl: config.publicBaseUrl };
  const server = createServer((req, res) => {
    handle(req, res, ctx, addinDir, limits).catch((err: unknown) => {
      ctx.logger.error("local server error", { error: err instanceof Error ? err : String(err) });
      if (!res.headersSent) send(res, errorJson(500, "INTERNAL", apiErrorMessage("INTERNAL")));
      else res.destroy();
    });
  });
  // Node's own limits as a backstop behind ours (its 408 is not JSON, so ours fire first).
  server.requestTimeout = limits.bodyTimeoutMs + 5_000;
  server.headersTimeout = 30_000;

  const port = options.port ?? config.port;
  const host = options.host ?? config.host;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  // Links and redirects: the configured public base URL, else this server's own address; never request headers.
  ctx.publicBaseUrl = config.publicBaseUrl ?? `http://${shownHost}:${actual}`;
  return {
    url: `http://${shownHost}:${actual}`,
    port: actual,
    dataDir,
    ctx,
    tokens,
    codes,
    devSecret: !envSecret,
    demo,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

interface Limits {
  bodyTimeoutMs: number;
  handlerTimeoutMs: number;
  corsOrigins: readonly string[];
  /** Configured public base URL: redirects are absolute on it; otherwise relative (never from headers). */
  publicBaseUrl: string | null;
}

async function handle(req: IncomingMessage, res: ServerResponse, ctx: AppContext, addinDir: string, limits: Limits): Promise<void> {
  const url = new URL(req.url ?? "/", "http://local");
  const method = (req.method ?? "GET").toUpperCase();
  // Requests that reach a handler are logged by `dispatch`; the rest (static files, refusals while
  // reading the body, timeouts) get their one line here.
  const started = performance.now();
  const line: { outcome: string; dispatched: boolean } = { outcome: "ok", dispatched: false };
  res.once("close", () => {
    if (line.dispatched && line.outcome === "ok") return;
    ctx.logger.info("request", {
      requestId: randomUUID(),
      method,
      route: url.pathname.startsWith("/api/") ? url.pathname : "static",
      path: url.pathname,
      status: res.headersSent ? res.statusCode : 0,
      outcome: line.outcome,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });
  // CSP, nosniff and the CORS allow-list on every answer (see http/security.ts).
  const cors = corsHeaders(req.headers.origin, limits.corsOrigins);
  for (const [k, v] of Object.entries(cors)) res.setHeader(k, v);
  if (url.pathname === "/" && (method === "GET" || method === "HEAD")) {
    res.writeHead(302, { ...pageSecurityHeaders(), location: `${limits.publicBaseUrl ?? ""}/addin/taskpane.html` }).end();
    return;
  }
  if (url.pathname.startsWith("/addin/") && (method === "GET" || method === "HEAD")) {
    await serveStatic(res, addinDir, url.pathname.slice("/addin/".length), method === "HEAD");
    return;
  }

  if (url.pathname.startsWith("/api/") && method === "OPTIONS") {
    // CORS preflight, as the HTTP API's CorsConfiguration answers it (template.yaml): only a listed origin
    // gets the allow headers. Credentials travel in the Authorization header, never in cookies.
    res.writeHead(204, { ...pageSecurityHeaders(), ...preflightHeaders(req.headers.origin, limits.corsOrigins) }).end();
    return;
  }
  const match = url.pathname.startsWith("/api/") ? matchRoute(ALL_ROUTES, method, url.pathname) : null;
  // The credential is checked before a byte of the body is read: an unauthenticated upload is answered at
  // once and its body thrown away unread (bounded), never buffered.
  const denied = match?.route.auth === "token" ? await credentialRefusal(req.headers.authorization, ctx) : null;
  const body = await readBody(req, res, limits.bodyTimeoutMs, (outcome) => (line.outcome = outcome), denied);
  if (!body) return;
  const event = toEvent(req, url, method, body, match);
  line.dispatched = true;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Response>((resolve) => {
    timer = setTimeout(() => {
      line.outcome = "SERVER_TIMEOUT";
      resolve(apiError("SERVER_TIMEOUT"));
    }, limits.handlerTimeoutMs);
  });
  try {
    send(res, await Promise.race([dispatch(ALL_ROUTES, event, ctx), timeout]));
  } finally {
    clearTimeout(timer);
  }
}

/** The refusal of a missing or bad credential (the code `dispatch` would answer), or null when it is good. */
async function credentialRefusal(authorization: string | undefined, ctx: AppContext): Promise<ApiErrorCode | null> {
  try {
    await authenticate({ headers: authorization ? { authorization } : {} } as APIGatewayProxyEventV2, ctx);
    return null;
  } catch (err) {
    return err instanceof Error && "code" in err ? (err.code as ApiErrorCode) : "AUTH_INVALID";
  }
}

function apiError(code: ApiErrorCode): Response {
  return errorJson(apiErrorStatus(code), code, apiErrorMessage(code));
}

/** After a refusal, how much more of an upload is read and thrown away, and for how long (see readBody). */
const LINGER_BYTES = 64 * 1024 * 1024;
const LINGER_MS = 10_000;

/**
 * Read the body, at most MAX_BODY_BYTES. Past that (or a Content-Length
 * saying so) answer 413 and keep nothing more (a bounded lingering close lets the
 * client read the answer); past the time limit answer 408.
 * Returns null (after telling `refused` why) when it has answered or the client left.
 */
function readBody(
  req: IncomingMessage,
  res: ServerResponse,
  timeoutMs: number,
  refused: (outcome: ApiErrorCode | "ABORTED") => void,
  refuseAtOnce: ApiErrorCode | null = null,
): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let timer: NodeJS.Timeout | undefined;
    function cleanup(): void {
      clearTimeout(timer);
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onAbort);
      req.off("aborted", onAbort);
    }
    function refuse(code: ApiErrorCode): void {
      cleanup();
      refused(code);
      // Lingering close: answer now, then read and throw away (never keep) the rest of the upload.
      // Closing with unread data would make the kernel send a reset, and the client could lose the
      // 413 it had already received. An upload that goes on past LINGER_BYTES or LINGER_MS is cut off.
      send(res, apiError(code));
      let drained = 0;
      const cutOff = () => req.socket.destroy();
      const lingerTimer = setTimeout(cutOff, LINGER_MS);
      lingerTimer.unref();
      req.on("data", (c: Buffer) => {
        drained += c.byteLength;
        if (drained > LINGER_BYTES) cutOff();
      });
      // Once the upload has ended the connection is clean again and may be kept alive as usual.
      req.once("end", () => clearTimeout(lingerTimer));
      req.resume();
      resolve(null);
    }
    function onData(chunk: Buffer): void {
      size += chunk.byteLength;
      if (size > MAX_BODY_BYTES) return refuse("PAYLOAD_TOO_LARGE");
      chunks.push(chunk);
    }
    function onEnd(): void {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    }
    function onAbort(): void {
      cleanup();
      refused("ABORTED");
      resolve(null);
    }
    if (refuseAtOnce) return refuse(refuseAtOnce);
    if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) return refuse("PAYLOAD_TOO_LARGE");
    timer = setTimeout(() => refuse("REQUEST_TIMEOUT"), timeoutMs);
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onAbort);
    req.on("aborted", onAbort);
  });
}

/** What API Gateway (HTTP API, payload 2.0) would hand the Lambda for this request. */
function toEvent(
  req: IncomingMessage,
  url: URL,
  method: string,
  body: Buffer,
  match: ReturnType<typeof matchRoute>,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(",") : v;
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const routeKey = match ? `${match.route.method} ${match.route.path}` : "$default";
  const now = new Date();
  return {
    version: "2.0",
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(url.search ? { queryStringParameters: query } : {}),
    ...(match && Object.keys(match.pathParameters).length ? { pathParameters: match.pathParameters } : {}),
    requestContext: {
      accountId: "local",
      apiId: "local",
      domainName: headers.host ?? "localhost",
      domainPrefix: (headers.host ?? "localhost").split(".")[0]!,
      http: { method, path: url.pathname, protocol: `HTTP/${req.httpVersion}`, sourceIp: req.socket.remoteAddress ?? "", userAgent: headers["user-agent"] ?? "" },
      requestId: randomUUID(),
      routeKey,
      stage: "$default",
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    // Bodies are bytes whatever their Content-Type: always handed over base64-encoded, so an upload sent as
    // text/plain or a form arrives byte for byte (JSON routes decode and check the type themselves).
    ...(body.byteLength ? { body: body.toString("base64") } : {}),
    isBase64Encoded: body.byteLength > 0,
  };
}

function send(res: ServerResponse, r: Response): void {
  const body = r.body === undefined ? Buffer.alloc(0) : r.isBase64Encoded ? Buffer.from(r.body, "base64") : Buffer.from(r.body, "utf8");
  res.writeHead(r.statusCode, { ...API_SECURITY_HEADERS, ...r.headers, "content-length": String(body.byteLength) });
  res.end(body);
}

const STATIC_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

async function serveStatic(res: ServerResponse, dir: string, rel: string, head: boolean): Promise<void> {
  let file: string | null = null;
  // office.js and its companion files are copied into the build (dist/addin/office-js/, scripts/build/addin.mjs).
  {
    let decoded: string;
    try {
      decoded = decodeURIComponent(rel);
    } catch {
      decoded = "";
    }
    const full = path.resolve(dir, decoded);
    if (decoded && !decoded.includes("\0") && full.startsWith(dir + path.sep)) file = full;
  }
  const st = file ? await stat(file).catch(() => null) : null;
  if (!file || !st?.isFile()) {
    send(res, apiError("ROUTE_NOT_FOUND"));
    return;
  }
  const bytes = await readFile(file);
  const ext = path.extname(file).toLowerCase();
  res.writeHead(200, {
    ...pageSecurityHeaders(ext === ".html" ? bytes.toString("utf8") : undefined),
    "content-type": STATIC_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
    "content-length": String(bytes.byteLength),
    "cache-control": "no-cache",
  });
  res.end(head ? undefined : bytes);
}

/** The banner `npm start` prints. */
export function banner(s: RunningServer): string {
  const lines = [
    "",
    "汇总 huizong — 本地服务已启动 (local server running)",
    `  任务窗格 task pane:  ${s.url}/addin/taskpane.html`,
    `  接口 API:            ${s.url}/api/   (见 functions/README.md)`,
    `  数据目录 data:       ${s.dataDir}`,
  ];
  if (s.devSecret) {
    lines.push(
      "",
      `  警告 WARNING: 令牌签名密钥是为本机演示自动生成的（保存在 ${path.join(s.dataDir, DEV_SECRET_FILE)}），仅供本地使用。`,
      "  The signing secret was generated for local use only; set HUIZONG_JWT_SECRET for anything shared.",
    );
  }
  // The one place credentials are printed, and only in demo mode.
  if (!s.demo) {
    lines.push("", "  生产模式 (configured secret): 不打印任何令牌；用 functions/local/token.ts 为各单位签发。");
    return lines.join("\n") + "\n";
  }
  lines.push(
    "",
    "  ************************************************************************",
    "  *  演示模式 DEMO MODE — 未配置 HUIZONG_JWT_SECRET，以下令牌仅供本机演示。  *",
    "  *  Anyone who reads this output can act as these units. Not for real data. *",
    "  ************************************************************************",
  );
  if (s.codes.length) lines.push("", "  演示登录码 demo sign-in codes (type one into the pane):", ...demoCodeLines(s.codes).map((l) => `  ${l}`));
  lines.push("", "  演示令牌 demo tokens (Authorization: Bearer <token>):");
  for (const t of s.tokens) lines.push(`  ${t.code}  ${t.role.padEnd(6)}  ${t.name}`, `    ${t.token}`);
  return lines.join("\n") + "\n";
}

/** One line per unit: `登录码 <code> <12-digit unit code> <unit name>`. */
export function demoCodeLines(codes: readonly DemoCode[]): string[] {
  return codes.map((c) => `登录码 ${c.code} ${c.unit} ${c.name}`);
}

async function main(): Promise<void> {
  const running = await startServer();
  process.stdout.write(banner(running));
  process.stdout.write(`listening ${running.url}\n`);
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`启动失败 (failed to start): ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  });
}
