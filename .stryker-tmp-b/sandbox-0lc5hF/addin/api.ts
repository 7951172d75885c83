/**
 * The pane's client for the HTTP API (functions/API.md). Every answer is data:
 * `{ ok: true, ... }` or an `ApiFailure` whose `message` is a plain Chinese
 * sentence telling the clerk what to do — never a raw exception or status code.
 */
// @ts-nocheck

import type {
  BulkReviewAnswer,
  CodesAnswer,
  ConsolidationAnswer,
  DetailAnswer,
  LinkAnswer,
  MeAnswer,
  PeriodAnswer,
  PeriodInfo,
  PeriodsAnswer,
  RemindersAnswer,
  RemindersSentAnswer,
  ReportState,
  ReviewAnswer,
  Role,
  RosterAnswer,
  RosterUnit,
  SessionAnswer,
  StatusAnswer,
  StatusRow,
  SubmitAnswer,
  UnitInfo,
  VersionsAnswer,
} from "../functions/http/wire";
import { readErrorMessage, type ReadErrorCode } from "../templates/errors";
import type { Finding } from "../templates/findings";

// The server's wire types, imported as types only: nothing of functions/ reaches the bundle.
export type { PeriodInfo, Role, StatusRow };
export type Unit = UnitInfo;
export type UnitState = ReportState;
/** An answer's fields without its `ok` (the client adds `ok` itself). */
type Body<T> = Omit<T, "ok">;

export interface ApiFailure {
  ok: false;
  /** HTTP status; 0 when the server could not be reached. */
  status: number;
  /** Stable English code (the server's, or NETWORK / TIMEOUT / SERVER_DOWN / ...). */
  code: string;
  /** Chinese, for the clerk: what happened and what to do. */
  message: string;
  /** Findings the server sent back (422). */
  findings?: Finding[];
  /** Every problem of a refused roster, in Chinese (400 ROSTER_INVALID). */
  problems?: string[];
}
export type ApiAnswer<T> = ({ ok: true } & T) | ApiFailure;

/** One HTTP exchange; status 0 = no answer (offline, refused, DNS, CORS), -1 = timed out. */
export interface HttpResponse {
  status: number;
  body: unknown;
}
export interface HttpRequest {
  method: "GET" | "POST" | "PUT";
  url: string;
  headers: Record<string, string>;
  body?: Uint8Array | string;
  /** "bytes" for file downloads. */
  expect?: "json" | "bytes";
  onUploadProgress?: (sent: number, total: number) => void;
  timeoutMs?: number;
}
export type HttpTransport = (req: HttpRequest) => Promise<HttpResponse>;

/** XMLHttpRequest transport: unlike fetch it reports upload progress, and it works in every Office webview. */
export const xhrTransport: HttpTransport = (req) =>
  new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(req.method, req.url);
    xhr.timeout = req.timeoutMs ?? 120_000;
    xhr.responseType = req.expect === "bytes" ? "arraybuffer" : "text";
    for (const [k, v] of Object.entries(req.headers)) xhr.setRequestHeader(k, v);
    if (req.onUploadProgress) {
      const cb = req.onUploadProgress;
      xhr.upload.onprogress = (e) => cb(e.loaded, e.lengthComputable ? e.total : 0);
    }
    xhr.onload = () => {
      let body: unknown = null;
      if (req.expect === "bytes" && xhr.status >= 200 && xhr.status < 300) body = new Uint8Array(xhr.response as ArrayBuffer);
      else {
        const text = req.expect === "bytes" ? new TextDecoder().decode(xhr.response as ArrayBuffer) : (xhr.responseText as string);
        try {
          body = text ? JSON.parse(text) : null;
        } catch {
          body = null; // a proxy's HTML error page: the status alone decides
        }
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ status: 0, body: null });
    xhr.ontimeout = () => resolve({ status: -1, body: null });
    xhr.send((req.body ?? null) as XMLHttpRequestBodyInit | null);
  });

const HAS_CHINESE = /[\u4e00-\u9fff]/;

const FALLBACK: Record<string, string> = {
  NETWORK: "无法连接到服务器。请检查电脑是否已联网；如果网络正常，可能是服务器暂时停止服务，请稍后再试，或联系市科技局。",
  OFFLINE: "电脑当前没有联网。请连接网络后再试。",
  TIMEOUT: "服务器长时间没有响应。请检查网络后重试；如果文件较大，请稍后在网络较好时上传。",
  SERVER_DOWN: "服务器暂时无法访问（可能正在维护）。请过几分钟再试；如果一直这样，请联系市科技局。",
  SERVER_ERROR: "服务器处理时出错了，报表没有被接收。请稍后重试；如果一直出错，请联系市科技局并告知出错时间。",
  UNAUTHORIZED: "登录已过期或失效。请在“登录”中重新输入市科技局发给本单位的登录码。",
  NO_TOKEN: "还没有登录。请在“登录”中输入市科技局发给本单位的登录码。",
  FORBIDDEN: "您的账号无权进行这项操作。请确认使用的是本单位的登录码；如有疑问请联系上级。",
  TOO_MANY_ATTEMPTS: "登录码输错次数过多，请稍后再试。",
  CLIPBOARD: "无法自动复制，请选中文字后按 Ctrl+C 复制。",
  NOT_FOUND: "服务器上找不到要访问的内容。请在“设置”中核对服务器地址是否正确。",
  PAYLOAD_TOO_LARGE: "文件太大，超过了服务器允许的大小。请删除报表中插入的图片、附件或多余的工作表，保存后再上传。",
  NOT_XLSX: "服务器无法把这个文件当作 Excel 工作簿读取。请使用标准模板填报，并保存为 Excel 工作簿（*.xlsx）后再上传。",
  REPORT_HAS_ERRORS: "报表中还有错误，服务器没有接收。请按下面列出的问题逐项修改后再上传。",
  WARNINGS_UNEXPLAINED: "报表中有警告需在备注中说明。请在该行“备注”中写明原因，保存后再上传。",
  PERIOD_NOT_OPEN: "本期报送尚未开始或已经截止。请与上级确认报送时间和报告期。",
  UNKNOWN: "操作没有成功。请稍后重试；如果一直这样，请联系市科技局。",
};

function isReadCode(code: string): code is ReadErrorCode {
  return typeof readErrorMessage(code as ReadErrorCode) === "string";
}

/** Turn a non-2xx answer (or none) into a failure the clerk can act on. */
export function describeFailure(status: number, body: unknown, online = true): ApiFailure {
  const b = (body && typeof body === "object" ? body : {}) as { code?: unknown; message?: unknown; findings?: unknown };
  const serverCode = typeof b.code === "string" ? b.code : "";
  const serverMessage = typeof b.message === "string" && HAS_CHINESE.test(b.message) ? b.message : "";
  const findings = Array.isArray(b.findings) ? (b.findings as Finding[]) : undefined;
  const problems = Array.isArray((b as { problems?: unknown }).problems) ? ((b as { problems: unknown[] }).problems.filter((p) => typeof p === "string") as string[]) : undefined;
  const fail = (code: string, message?: string): ApiFailure => ({
    ok: false,
    status,
    code,
    message: message || FALLBACK[code] || FALLBACK.UNKNOWN!,
    ...(findings ? { findings } : {}),
    ...(problems ? { problems } : {}),
  });

  if (status === 0) return fail(online ? "NETWORK" : "OFFLINE");
  if (status === -1) return fail("TIMEOUT");
  // A wrong sign-in code, a revoked session: the server's own sentence says which.
  if (status === 401) return serverCode === "CODE_INVALID" || serverCode === "AUTH_REVOKED" ? fail(serverCode, serverMessage) : fail("UNAUTHORIZED");
  if (status === 429) return fail(serverCode || "TOO_MANY_ATTEMPTS", serverMessage);
  if (status === 413) return fail("PAYLOAD_TOO_LARGE");
  if (status === 502 || status === 503 || status === 504) return fail("SERVER_DOWN");
  if (status >= 500) return fail("SERVER_ERROR");
  // A read error of the core keeps its code, and its message when the server sent none in Chinese.
  if ((status === 415 || status === 422) && isReadCode(serverCode)) return fail(serverCode, serverMessage || readErrorMessage(serverCode));
  if (status === 415) return fail(serverCode || "NOT_XLSX", serverMessage || FALLBACK.NOT_XLSX);
  if (status === 422) return fail(serverCode || "REPORT_HAS_ERRORS", serverMessage || FALLBACK[serverCode] || FALLBACK.REPORT_HAS_ERRORS);
  if (status === 403) return fail(serverCode || "FORBIDDEN", serverMessage || FALLBACK.FORBIDDEN);
  if (status === 404) return fail(serverCode || "NOT_FOUND", serverMessage || FALLBACK.NOT_FOUND);
  if (status === 409) return fail(serverCode || "PERIOD_NOT_OPEN", serverMessage || FALLBACK[serverCode] || FALLBACK.PERIOD_NOT_OPEN);
  return fail(serverCode || "UNKNOWN", serverMessage);
}

const enc = encodeURIComponent;
const JSON_HEADERS = { "Content-Type": "application/json" };

export class ApiClient {
  constructor(
    readonly base: string,
    private readonly token: string,
    private readonly http: HttpTransport = xhrTransport,
    private readonly online: () => boolean = () => (typeof navigator === "undefined" ? true : navigator.onLine !== false),
  ) {}

  /** Absolute URL for a path or a server-relative link ("/api/download?t=…"). */
  url(path: string): string {
    return /^https?:\/\//.test(path) ? path : `${this.base}${path.startsWith("/") ? "" : "/"}${path}`;
  }

  private async call<T>(req: Omit<HttpRequest, "url" | "headers"> & { path: string; auth?: boolean; headers?: Record<string, string> }): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = { Accept: "application/json", ...req.headers };
    if (req.auth !== false) {
      if (!this.token) return { ok: false, status: 401, code: "NO_TOKEN", message: FALLBACK.NO_TOKEN! };
      headers.Authorization = `Bearer ${this.token}`;
    }
    let res: HttpResponse;
    try {
      res = await this.http({ ...req, url: this.url(req.path), headers });
    } catch {
      res = { status: 0, body: null };
    }
    if (res.status >= 200 && res.status < 300) {
      if (req.expect === "bytes") return { ok: true, bytes: res.body } as ApiAnswer<T>;
      const body = (res.body && typeof res.body === "object" ? res.body : {}) as Record<string, unknown>;
      if (body.ok === false) return describeFailure(400, body, this.online());
      return { ...body, ok: true } as ApiAnswer<T>;
    }
    return describeFailure(res.status, res.body, this.online());
  }

  me(): Promise<ApiAnswer<Body<MeAnswer>>> {
    return this.call({ method: "GET", path: "/api/me" });
  }

  /** Exchange a sign-in code for a session (no token needed). */
  session(code: string): Promise<ApiAnswer<Body<SessionAnswer>>> {
    return this.call({ method: "POST", path: "/api/session", auth: false, headers: JSON_HEADERS, body: JSON.stringify({ code }) });
  }

  /** A fresh session token for the signed-in unit (while in use). */
  refresh(): Promise<ApiAnswer<Body<SessionAnswer>>> {
    return this.call({ method: "POST", path: "/api/session/refresh", headers: JSON_HEADERS, body: "{}" });
  }

  roster(): Promise<ApiAnswer<Body<RosterAnswer>>> {
    return this.call({ method: "GET", path: "/api/roster" });
  }

  /** Replace the roster with the 名单 workbook a clerk kept in Excel (city). */
  uploadRoster(bytes: Uint8Array): Promise<ApiAnswer<Body<RosterAnswer>>> {
    return this.call({ method: "PUT", path: "/api/roster", headers: { "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }, body: bytes, timeoutMs: 120_000 });
  }

  /** The stored roster as the 名单 workbook, to edit and upload again (city). */
  rosterWorkbook(): Promise<ApiAnswer<{ bytes: Uint8Array }>> {
    return this.call({ method: "GET", path: "/api/roster/workbook", expect: "bytes", headers: { Accept: "*/*" } });
  }

  periods(): Promise<ApiAnswer<Body<PeriodsAnswer>>> {
    return this.call({ method: "GET", path: "/api/periods" });
  }

  /** Open (or reopen) a period, with its deadline (UTC ISO) when given (city). */
  openPeriod(id: string, deadline?: string): Promise<ApiAnswer<Body<PeriodAnswer>>> {
    return this.call({ method: "POST", path: "/api/periods", headers: JSON_HEADERS, body: JSON.stringify(deadline ? { id, deadline } : { id }) });
  }

  /** End collection for a period (city): no more uploads; reviews and consolidations go on. */
  closePeriod(id: string): Promise<ApiAnswer<Body<PeriodAnswer>>> {
    return this.call({ method: "POST", path: `/api/periods/${enc(id)}/close`, headers: JSON_HEADERS, body: "{}" });
  }

  /**
   * The template's bytes: blank, or — signed in, for a period and unit — prefilled with the unit's
   * cover, last year's figures as 上年同期 and its assigned 全年目标 (locked).
   */
  template(forUnit?: { period: string; unit: string }): Promise<ApiAnswer<{ bytes: Uint8Array }>> {
    if (forUnit) {
      return this.call({ method: "GET", path: `/api/template?period=${enc(forUnit.period)}&unit=${enc(forUnit.unit)}`, expect: "bytes", headers: { Accept: "*/*" } });
    }
    return this.call({ method: "GET", path: "/api/template", auth: false, expect: "bytes", headers: { Accept: "*/*" } });
  }

  submit(period: string, unit: string, bytes: Uint8Array, onProgress?: (sent: number, total: number) => void): Promise<ApiAnswer<Body<SubmitAnswer>>> {
    return this.call({
      method: "POST",
      path: `/api/periods/${enc(period)}/units/${enc(unit)}/reports`,
      headers: { "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      body: bytes,
      onUploadProgress: onProgress,
      timeoutMs: 300_000,
    });
  }

  status(period: string, parent?: string): Promise<ApiAnswer<Body<StatusAnswer>>> {
    const q = parent ? `?parent=${enc(parent)}` : "";
    return this.call({ method: "GET", path: `/api/periods/${enc(period)}/status${q}` });
  }

  /** 报送情况 as .xlsx bytes. */
  statusExport(period: string, parent?: string): Promise<ApiAnswer<{ bytes: Uint8Array }>> {
    const q = parent ? `?parent=${enc(parent)}` : "";
    return this.call({ method: "GET", path: `/api/periods/${enc(period)}/status/export${q}`, expect: "bytes", headers: { Accept: "*/*" } });
  }

  versions(period: string, unit: string): Promise<ApiAnswer<Body<VersionsAnswer>>> {
    return this.call({ method: "GET", path: `/api/periods/${enc(period)}/units/${enc(unit)}/reports` });
  }

  detail(period: string, unit: string, version: string, compare?: string): Promise<ApiAnswer<Body<DetailAnswer>>> {
    const q = compare ? `?compare=${enc(compare)}` : "";
    return this.call({ method: "GET", path: `/api/periods/${enc(period)}/units/${enc(unit)}/reports/${enc(version)}${q}` });
  }

  link(period: string, unit: string, version: string): Promise<ApiAnswer<Body<LinkAnswer>>> {
    return this.call({ method: "GET", path: `/api/periods/${enc(period)}/units/${enc(unit)}/reports/${enc(version)}/link` });
  }

  review(period: string, unit: string, version: string, action: "return" | "accept", reason = ""): Promise<ApiAnswer<Body<ReviewAnswer>>> {
    return this.call({
      method: "POST",
      path: `/api/periods/${enc(period)}/units/${enc(unit)}/reports/${enc(version)}/review`,
      headers: JSON_HEADERS,
      body: JSON.stringify({ action, reason }),
    });
  }

  /** Accept many at once: `versions` maps unit → the version the reviewer saw. */
  bulkAccept(period: string, versions: Record<string, string>): Promise<ApiAnswer<Body<BulkReviewAnswer>>> {
    return this.call({ method: "POST", path: `/api/periods/${enc(period)}/reviews`, headers: JSON_HEADERS, body: JSON.stringify({ versions }) });
  }

  reminders(period: string, parent?: string): Promise<ApiAnswer<Body<RemindersAnswer>>> {
    const q = parent ? `?parent=${enc(parent)}` : "";
    return this.call({ method: "GET", path: `/api/periods/${enc(period)}/reminders${q}` });
  }

  sendReminders(period: string, parent?: string): Promise<ApiAnswer<Body<RemindersSentAnswer>>> {
    const q = parent ? `?parent=${enc(parent)}` : "";
    return this.call({ method: "POST", path: `/api/periods/${enc(period)}/reminders/send${q}`, headers: JSON_HEADERS, body: "{}" });
  }

  /** New sign-in codes (city): for `units`, or every roster unit. */
  codes(units?: string[]): Promise<ApiAnswer<Body<CodesAnswer>>> {
    return this.call({ method: "POST", path: "/api/codes", headers: JSON_HEADERS, body: JSON.stringify(units ? { units } : {}) });
  }

  /** Revoke one unit's sign-in code and its sessions (city). */
  revokeCode(unit: string): Promise<ApiAnswer<{ unit: string }>> {
    return this.call({ method: "POST", path: `/api/codes/${enc(unit)}/revoke`, headers: JSON_HEADERS, body: "{}" });
  }

  consolidate(period: string, parent: string, include: "accepted" | "submitted"): Promise<ApiAnswer<Body<ConsolidationAnswer>>> {
    return this.call({ method: "POST", path: `/api/periods/${enc(period)}/consolidations`, headers: JSON_HEADERS, body: JSON.stringify({ parent, include }) });
  }
}
