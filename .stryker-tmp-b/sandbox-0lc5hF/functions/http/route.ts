/**
 * Routes and the one wrapper every request goes through: find the route by
 * API Gateway's `routeKey`, check the credential, run the handler, map
 * thrown API/storage errors to JSON answers, and log one structured line
 * (request id, caller, unit, period, outcome, ms).
 */
// @ts-nocheck

import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { UNIT_CODE_RE, VERSION_ID_RE } from "../storage/keys";
import { StorageError } from "../storage/errors";
import { parsePeriodId, type Period } from "../../templates/period";
import { can, type Action } from "../auth/can";
import { verifyToken, type Principal } from "../auth/tokens";
import type { Actor } from "../service/reports";
import { findUnit, loadRoster, type Roster, type RosterUnit } from "../service/roster";
import { sessionCurrent } from "../service/signin";
import type { AppContext } from "./context";
import { ApiError, storageErrorStatus } from "./errors";
import { header, pathParam } from "./event";
import { errorJson, type Response } from "./responses";
import { API_SECURITY_HEADERS } from "./security";

export type Method = "GET" | "POST" | "PUT";

export interface Route {
  method: Method;
  /** API Gateway path with `{param}` placeholders, e.g. `/api/periods/{period}/close`. */
  path: string;
  /** `public`: no credential (template, download links carry their own signature). */
  auth: "public" | "token";
  run: (req: ApiRequest, ctx: AppContext) => Promise<Response>;
}

/** Fields of the request's log line that handlers fill in. */
export interface LogFields {
  unit?: string;
  period?: string;
  outcome?: string;
  [extra: string]: unknown;
}

export class ApiRequest {
  private rosterCache: Promise<Roster> | null = null;
  readonly log: LogFields = {};
  constructor(
    readonly event: APIGatewayProxyEventV2,
    private readonly ctx: AppContext,
    private readonly principalValue: Principal | null,
  ) {}

  /** The verified caller (token routes only). */
  get principal(): Principal {
    if (!this.principalValue) throw new ApiError("AUTH_REQUIRED");
    return this.principalValue;
  }

  /** The caller as stored with what it writes (versions, reviews, consolidations). */
  get actor(): Actor {
    const p = this.principal;
    return { code: p.sub, name: p.name, role: p.role };
  }

  /** The roster, read once per request. */
  roster(): Promise<Roster> {
    return (this.rosterCache ??= loadRoster(this.ctx.store));
  }

  /** The `{period}` path parameter, parsed (400 BAD_PERIOD otherwise). */
  period(name = "period"): Period {
    const id = pathParam(this.event, name);
    const p = parsePeriodId(id);
    if (!p) throw new ApiError("BAD_PERIOD", { period: id });
    this.log.period = p.id;
    return p;
  }

  /** The `{unit}` path parameter, 12 digits (400 BAD_UNIT otherwise). */
  unitCode(name = "unit"): string {
    return checkUnitCode(pathParam(this.event, name), this.log);
  }

  /** The `{version}` path parameter (400 BAD_VERSION otherwise). */
  version(name = "version"): string {
    const v = pathParam(this.event, name);
    if (!VERSION_ID_RE.test(v)) throw new ApiError("BAD_VERSION");
    return v;
  }

  /**
   * Require that the caller may do `action` on `unitCode`; returns the unit.
   * 404 UNIT_NOT_FOUND when the city asks for a unit not in the roster (others
   * get 403, so the roster is not probed), 403 FORBIDDEN_ROLE for actions a
   * town can never do, 403 FORBIDDEN_UNIT otherwise.
   */
  async authorize(action: Action, unitCode: string): Promise<RosterUnit> {
    const roster = await this.roster();
    const p = this.principal;
    const unit = findUnit(roster, unitCode);
    if (can(p, action, unitCode, roster) && unit) return unit;
    if (!unit && p.role === "city" && can(p, "read", p.sub, roster)) throw new ApiError("UNIT_NOT_FOUND", { unit: unitCode });
    if (p.role === "unit" && (action === "review" || action === "consolidate")) throw new ApiError("FORBIDDEN_ROLE");
    throw new ApiError("FORBIDDEN_UNIT", { unit: unitCode });
  }

  /** Require the city's setup right (roster, periods). */
  async authorizeSetup(): Promise<void> {
    if (!can(this.principal, "setup", "", await this.roster())) throw new ApiError("FORBIDDEN_ROLE");
  }
}

export function checkUnitCode(code: string, log?: LogFields): string {
  if (!UNIT_CODE_RE.test(code)) throw new ApiError("BAD_UNIT", { unit: code });
  if (log) log.unit = code;
  return code;
}

/** `GET /api/periods` style key, as API Gateway puts in `event.routeKey`. */
export function routeKey(route: Pick<Route, "method" | "path">): string {
  return `${route.method} ${route.path}`;
}

/**
 * Match a concrete method and path against routes (the local server does
 * what API Gateway does): returns the route key and path parameters.
 */
export function matchRoute(routes: readonly Route[], method: string, path: string): { route: Route; pathParameters: Record<string, string> } | null {
  const parts = path.split("/");
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.path.split("/");
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < pattern.length && ok; i++) {
      const want = pattern[i]!;
      const got = parts[i]!;
      if (want.startsWith("{") && want.endsWith("}")) {
        try {
          params[want.slice(1, -1)] = decodeURIComponent(got);
        } catch {
          ok = false;
        }
        ok &&= got !== "";
      } else ok = want === got;
    }
    if (ok) return { route, pathParameters: params };
  }
  return null;
}

/** The verified caller of `event`'s `Authorization: Bearer` credential; ApiError AUTH_* otherwise. */
export async function authenticate(event: Pick<APIGatewayProxyEventV2, "headers">, ctx: AppContext): Promise<Principal> {
  const auth = header(event, "authorization");
  const m = auth ? /^Bearer\s+(\S+)\s*$/i.exec(auth) : null;
  if (!m) throw new ApiError("AUTH_REQUIRED");
  const v = await verifyToken(ctx.keys, m[1]!, ctx.now().getTime());
  if (!v.ok) throw new ApiError(v.code);
  // A session from a sign-in code lives only as long as that code: a new code or a revocation ends it.
  if (v.principal.gen !== undefined && !(await sessionCurrent(ctx.store, v.principal.sub, v.principal.gen))) throw new ApiError("AUTH_REVOKED");
  return v.principal;
}

function errorResponse(err: unknown, ctx: AppContext, log: LogFields): Response {
  if (err instanceof ApiError) {
    log.outcome = err.code;
    return errorJson(err.status, err.code, err.message, err.extra);
  }
  if (err instanceof StorageError) {
    log.outcome = err.code;
    if (err.code !== "INVALID_KEY_INPUT") ctx.logger.error("storage error", { error: err, key: err.key });
    return errorJson(storageErrorStatus(err.code), err.code, err.message);
  }
  log.outcome = "INTERNAL";
  ctx.logger.error("unhandled error", { error: err instanceof Error ? err : String(err) });
  return errorJson(500, "INTERNAL", new ApiError("INTERNAL").message);
}

/** Handle one event with the matching route of `routes` (its `routeKey`). */
export async function dispatch(routes: readonly Route[], event: APIGatewayProxyEventV2, ctx: AppContext): Promise<Response> {
  const started = performance.now();
  const route = routes.find((r) => routeKey(r) === event.routeKey);
  let principal: Principal | null = null;
  let req: ApiRequest | null = null;
  let res: Response;
  const log: LogFields = {};
  try {
    if (!route) throw new ApiError("ROUTE_NOT_FOUND");
    if (route.auth === "token") principal = await authenticate(event, ctx);
    req = new ApiRequest(event, ctx, principal);
    res = await route.run(req, ctx);
    Object.assign(log, req.log);
    log.outcome ??= "ok";
  } catch (err) {
    if (req) Object.assign(log, req.log);
    res = errorResponse(err, ctx, log);
  }
  ctx.logger.info("request", {
    requestId: event.requestContext?.requestId,
    method: event.requestContext?.http?.method,
    route: event.routeKey,
    caller: principal?.sub,
    role: principal?.role,
    status: res.statusCode,
    ...log,
    ms: Math.round((performance.now() - started) * 10) / 10,
  });
  // Every answer, local or on Lambda, carries the API's CSP and nosniff (downloads keep their own headers).
  res.headers = { ...API_SECURITY_HEADERS, ...res.headers };
  return res;
}
