/**
 * Every setting of the service, read from the environment in this one
 * module (the local server, the Lambdas and the token tool all use it).
 *
 * One plain table: each setting is an entry of {@link SETTINGS} (variable,
 * default, meaning) and a field of {@link ServiceConfig}. Add a setting by
 * adding a row and a field; nothing else reads `process.env` for the service
 * (the storage adapter's own variables are read in storage/index.ts, the log
 * level in http/log.ts, both documented in functions/README.md).
 */
// @ts-nocheck


import { DEFAULT_TIME_ZONE, isTimeZone } from "../templates/time";

export type Env = Readonly<Record<string, string | undefined>>;

export interface ServiceConfig {
  /** `PORT`: local server port (0 = any free port). */
  port: number;
  /** `HOST`: local server address. */
  host: string;
  /** `HUIZONG_DATA_DIR`: local storage folder. */
  dataDir: string;
  /** `HUIZONG_JWT_SECRET`: signing secret; null when none is configured. */
  jwtSecret: string | null;
  /**
   * Demo mode: no signing secret configured. Only then does the local server
   * seed a demo roster and period and print credentials (tokens, sign-in
   * codes) for the demo units; with a configured secret it prints none.
   */
  demo: boolean;
  /** `HUIZONG_DEMO_PERIOD`: period opened in demo mode (default `<this year>-Y`). */
  demoPeriod: string | null;
  /** `HUIZONG_LINK_TTL_SECONDS`: lifetime of download links. */
  linkTtlSeconds: number;
  /**
   * `HUIZONG_PUBLIC_BASE_URL`: the origin (and path prefix) clients reach the
   * service at, e.g. `https://huizong.example.gov.cn`; links and redirects are
   * built from it, never from request headers. Null: the local server's own
   * address (locally) or the API's domain from API Gateway's request context.
   */
  publicBaseUrl: string | null;
  /**
   * `HUIZONG_CORS_ORIGINS`: comma-separated origins allowed to call the API
   * from a browser (e.g. a task pane served elsewhere). Empty: same origin only.
   */
  corsOrigins: string[];
  /** `HUIZONG_VERSIONS_PER_HOUR`: new versions one unit may store per rolling hour. */
  versionsPerHour: number;
  /**
   * `HUIZONG_MAX_UPLOAD_BYTES`: largest request body (default 5 MB). The
   * template sets 4 MB on Lambda: a synchronous invocation carries at most
   * 6 MB, and the body arrives base64-encoded (4/3 of its size).
   */
  maxUploadBytes: number;
  /** `HUIZONG_TIME_ZONE`: the zone every time a person reads is shown in (default Asia/Shanghai). */
  timeZone: string;
  /**
   * `HUIZONG_WEBHOOK_HOSTS`: comma-separated host names the 催报 group robot may be at
   * (default the public WeCom and DingTalk robot hosts; add an on-premises WeCom's host).
   * The service posts to the city's webhook from inside the network: no other host is reached.
   */
  webhookHosts: string[];
  /**
   * `HUIZONG_READ_TIMEOUT_MS`: wall-clock bound of reading one upload (default 3,000 ms; at most 60,000).
   * Past it the clerk gets READ_TIMEOUT. A bound, not a speed: a template reads in a few milliseconds.
   */
  readTimeoutMs: number;
}

/** Variable, default and meaning of each setting (README's table is this table). */
export const SETTINGS = [
  ["PORT", "3000", "local server port (0 = any free port)"],
  ["HOST", "127.0.0.1", "local server address (`0.0.0.0` to serve the network)"],
  ["HUIZONG_DATA_DIR", ".data", "local storage folder (same layout as the bucket)"],
  ["HUIZONG_JWT_SECRET", "(none: demo mode)", "signing secret; without it the server runs in demo mode"],
  ["HUIZONG_DEMO_PERIOD", "<this year>-Y", "period opened in demo mode"],
  ["HUIZONG_LINK_TTL_SECONDS", "900", "download link lifetime"],
  ["HUIZONG_PUBLIC_BASE_URL", "(the server's own address)", "base URL of links and redirects"],
  ["HUIZONG_CORS_ORIGINS", "(same origin only)", "comma-separated browser origins allowed to call the API"],
  ["HUIZONG_VERSIONS_PER_HOUR", "20", "new versions one unit may store per rolling hour (then 429)"],
  ["HUIZONG_MAX_UPLOAD_BYTES", "5242880", "largest request body (4 MB on Lambda, for its 6 MB payload)"],
  ["HUIZONG_TIME_ZONE", "Asia/Shanghai", "IANA zone of every time a person reads (stored times stay UTC)"],
  ["HUIZONG_WEBHOOK_HOSTS", "qyapi.weixin.qq.com,oapi.dingtalk.com", "hosts the 催报 group robot may be at (add an on-premises WeCom's)"],
  ["HUIZONG_READ_TIMEOUT_MS", "3000", "wall-clock bound of reading one upload (READ_TIMEOUT past it; at most 60000)"],
] as const;

/** The public group-robot hosts of WeCom (企业微信) and DingTalk (钉钉). */
export const DEFAULT_WEBHOOK_HOSTS: readonly string[] = ["qyapi.weixin.qq.com", "oapi.dingtalk.com"];

export const DEFAULT_LINK_TTL_SECONDS = 15 * 60;
export const DEFAULT_VERSIONS_PER_HOUR = 20;
export const DEFAULT_MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const DEFAULT_READ_TIMEOUT_MS = 3000;
const MAX_READ_TIMEOUT_MS = 60_000;

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value.trim() !== "" && Number.isFinite(n) && n > 0 ? n : fallback;
}

/** Thrown for a setting the service cannot start with (a deployment mistake). */
export class ConfigError extends Error {
  readonly code = "CONFIG_INVALID" as const;
  override readonly name = "ConfigError";
}

/** An absolute http(s) origin plus optional path, without a trailing `/`; anything else is refused. */
export function parseBaseUrl(value: string): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new ConfigError(`配置错误：HUIZONG_PUBLIC_BASE_URL 不是有效的网址：“${value}”。`);
  }
  if ((u.protocol !== "https:" && u.protocol !== "http:") || u.search || u.hash || u.username || u.password) {
    throw new ConfigError(`配置错误：HUIZONG_PUBLIC_BASE_URL 应为 https://主机[/路径] 的形式：“${value}”。`);
  }
  return `${u.origin}${u.pathname.replace(/\/+$/, "")}`;
}

/** A comma-separated list of host names, lower-cased; null when the variable is unset or blank. */
function hostList(value: string | undefined): string[] | null {
  const hosts = (value ?? "").split(",").map((h) => h.trim().toLowerCase()).filter((h) => h !== "");
  return hosts.length ? hosts : null;
}

/** Read every setting from `env` (default `process.env`). */
export function loadConfig(env: Env = process.env): ServiceConfig {
  const secret = env.HUIZONG_JWT_SECRET?.trim() || null;
  const base = env.HUIZONG_PUBLIC_BASE_URL?.trim();
  return {
    port: env.PORT !== undefined && env.PORT.trim() !== "" ? Number(env.PORT) : 3000,
    host: env.HOST?.trim() || "127.0.0.1",
    dataDir: env.HUIZONG_DATA_DIR?.trim() || ".data",
    jwtSecret: secret,
    demo: secret === null,
    demoPeriod: env.HUIZONG_DEMO_PERIOD?.trim() || null,
    linkTtlSeconds: positive(env.HUIZONG_LINK_TTL_SECONDS, DEFAULT_LINK_TTL_SECONDS),
    publicBaseUrl: base ? parseBaseUrl(base) : null,
    corsOrigins: (env.HUIZONG_CORS_ORIGINS ?? env.HUIZONG_CORS_ORIGIN ?? "")
      .split(",")
      .map((o) => o.trim())
      .filter((o) => o !== "" && o !== "*")
      .map((o) => new URL(o).origin),
    versionsPerHour: Math.floor(positive(env.HUIZONG_VERSIONS_PER_HOUR, DEFAULT_VERSIONS_PER_HOUR)),
    timeZone: timeConfig(env).timeZone,
    maxUploadBytes: Math.min(DEFAULT_MAX_UPLOAD_BYTES, Math.floor(positive(env.HUIZONG_MAX_UPLOAD_BYTES, DEFAULT_MAX_UPLOAD_BYTES))),
    webhookHosts: hostList(env.HUIZONG_WEBHOOK_HOSTS) ?? [...DEFAULT_WEBHOOK_HOSTS],
    readTimeoutMs: Math.min(MAX_READ_TIMEOUT_MS, Math.floor(positive(env.HUIZONG_READ_TIMEOUT_MS, DEFAULT_READ_TIMEOUT_MS))),
  };
}

/** How times are shown to people: `HUIZONG_TIME_ZONE` (an IANA zone), default Asia/Shanghai. */
export interface TimeConfig {
  timeZone: string;
}

/** `HUIZONG_TIME_ZONE` when it names a zone this runtime knows, else {@link DEFAULT_TIME_ZONE}. */
export function timeConfig(env: Env = process.env): TimeConfig {
  const zone = env.HUIZONG_TIME_ZONE?.trim();
  return { timeZone: zone && isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE };
}
