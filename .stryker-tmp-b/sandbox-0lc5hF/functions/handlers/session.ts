/**
 * Sign-in: a clerk exchanges the short code the city gave the unit for a
 * session (12 hours, refreshed while in use); the city issues and revokes
 * codes and sets the group robot that 催报 texts may be pushed to.
 */
// @ts-nocheck

import { issueToken, type Principal } from "../auth/tokens";
import { ApiError } from "../http/errors";
import { jsonBody, pathParam } from "../http/event";
import { errorJson, json } from "../http/responses";
import { checkUnitCode, type Route } from "../http/route";
import type { CodesAnswer, SessionAnswer, UnitInfo } from "../http/wire";
import { checkWebhookUrl, setWebhook } from "../service/reminders";
import { findUnit, roleOf, type RosterUnit } from "../service/roster";
import { clearFailures, issueCode, recordFailure, redeemCode, revokeCode, SESSION_TTL_SECONDS, waitBeforeAttempt } from "../service/signin";

function unitInfo(u: RosterUnit): UnitInfo {
  return { code: u.code, name: u.name, role: roleOf(u.type), type: u.type, parent: u.parent };
}

async function session(keys: Parameters<typeof issueToken>[0], u: RosterUnit, gen: string, now: Date): Promise<SessionAnswer> {
  const p: Principal = { sub: u.code, role: roleOf(u.type), name: u.name, gen };
  const token = await issueToken(keys, p, SESSION_TTL_SECONDS, now.getTime());
  const expiresAt = new Date((Math.floor(now.getTime() / 1000) + SESSION_TTL_SECONDS) * 1000).toISOString();
  return { ok: true, token, expiresAt, unit: unitInfo(u) };
}

export const sessionRoutes: Route[] = [
  {
    method: "POST",
    path: "/api/session",
    auth: "public",
    run: async (req, ctx) => {
      const source = req.event.requestContext?.http?.sourceIp || "unknown";
      const now = ctx.now();
      const wait = waitBeforeAttempt(ctx.store, source, now.getTime());
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        req.log.outcome = "TOO_MANY_ATTEMPTS";
        return errorJson(429, "TOO_MANY_ATTEMPTS", `登录码输错次数过多，请 ${seconds} 秒后再试。如果忘记了登录码，请向市科技局索取。`, { retryAfter: seconds });
      }
      const entry = await redeemCode(ctx.store, ctx.keys, jsonBody(req.event).code);
      const unit = entry ? findUnit(await req.roster(), entry.unit) : undefined;
      if (!entry || !unit) {
        recordFailure(ctx.store, source, now.getTime());
        throw new ApiError("CODE_INVALID");
      }
      clearFailures(ctx.store, source);
      req.log.unit = unit.code;
      req.log.outcome = "signed_in";
      return json(200, await session(ctx.keys, unit, entry.gen, now));
    },
  },
  {
    method: "POST",
    path: "/api/session/refresh",
    auth: "token",
    run: async (req, ctx) => {
      const p = req.principal;
      // Only sessions from a code are refreshed (the route wrapper has already refused revoked ones).
      if (p.gen === undefined) throw new ApiError("BAD_REQUEST", {}, "当前登录方式不需要续期。");
      const unit = findUnit(await req.roster(), p.sub);
      if (!unit || roleOf(unit.type) !== p.role) throw new ApiError("FORBIDDEN_UNIT");
      return json(200, await session(ctx.keys, unit, p.gen, ctx.now()));
    },
  },
  {
    method: "POST",
    path: "/api/codes",
    auth: "token",
    run: async (req, ctx) => {
      await req.authorizeSetup();
      const roster = await req.roster();
      const body = jsonBody(req.event);
      const asked = Array.isArray(body.units) ? body.units.map((u) => checkUnitCode(String(u))) : roster.units.map((u) => u.code);
      const units = asked.map((code) => findUnit(roster, code) ?? (() => { throw new ApiError("UNIT_NOT_FOUND", { unit: code }); })());
      const codes: CodesAnswer["codes"] = [];
      for (const u of units) codes.push({ unit: u.code, name: u.name, code: await issueCode(ctx.store, ctx.keys, u.code, req.principal.sub, ctx.now()) });
      req.log.units = codes.length;
      return json(200, { ok: true, codes } satisfies CodesAnswer);
    },
  },
  {
    method: "POST",
    path: "/api/codes/{unit}/revoke",
    auth: "token",
    run: async (req, ctx) => {
      await req.authorizeSetup();
      const unit = checkUnitCode(pathParam(req.event, "unit"), req.log);
      if (!findUnit(await req.roster(), unit)) throw new ApiError("UNIT_NOT_FOUND", { unit });
      await revokeCode(ctx.store, unit, req.principal.sub, ctx.now());
      req.log.outcome = "revoked";
      return json(200, { ok: true, unit });
    },
  },
  {
    method: "PUT",
    path: "/api/webhook",
    auth: "token",
    run: async (req, ctx) => {
      await req.authorizeSetup();
      const body = jsonBody(req.event);
      if (body.url === null || body.url === "") {
        await setWebhook(ctx.store, null);
        return json(200, { ok: true, webhook: false });
      }
      const checked = checkWebhookUrl(body.url, ctx.webhookHosts);
      const kind = body.kind;
      if (!checked.ok && checked.host !== null) {
        throw new ApiError("WEBHOOK_INVALID", { host: checked.host }, `群机器人地址的主机“${checked.host}”不在允许的范围内（${ctx.webhookHosts.join("、")}）。请使用企业微信或钉钉群机器人的地址；自建企业微信请由管理员在 HUIZONG_WEBHOOK_HOSTS 中加入其主机。`);
      }
      if (!checked.ok || (kind !== "wecom" && kind !== "dingtalk")) throw new ApiError("WEBHOOK_INVALID");
      const url = checked.url;
      await setWebhook(ctx.store, { url, kind, setAt: ctx.now().toISOString(), setBy: req.principal.sub });
      return json(200, { ok: true, webhook: true });
    },
  },
];
