/** Download: signed, expiring links for originals and consolidations; the blank template. */
import { buildTemplate } from "../../templates/build";
import { TEMPLATE_TITLE, TEMPLATE_VERSION } from "../../templates/catalog";
import { issueLink, verifyLink } from "../auth/tokens";
import { ApiError } from "../http/errors";
import { publicBase, queryParam } from "../http/event";
import { DOCX_TYPE, file, json } from "../http/responses";
import type { Route } from "../http/route";
import { getVersion, originalFileName } from "../service/reports";
import { StorageNotFound, versionKeys } from "../storage/index";
import { ApiRequest, authenticate, checkUnitCode } from "../http/route";
import type { AppContext } from "../http/context";
import { parsePeriodId } from "../../templates/period";
import { prefilledTemplate } from "../service/prefill";

let blankTemplate: Promise<Uint8Array> | null = null;

export const downloadRoutes: Route[] = [
  {
    method: "GET",
    path: "/api/periods/{period}/units/{unit}/reports/{version}/link",
    auth: "token",
    run: async (req, ctx) => {
      const period = req.period();
      const unit = await req.authorize("read", req.unitCode());
      const version = req.version();
      const stored = await getVersion(ctx.store, period.id, unit.code, version);
      if (!stored) throw new ApiError("VERSION_NOT_FOUND", { version });
      const seqName = originalFileName(unit.name, period.label, stored.submittedAt, ctx.timeZone);
      const link = await issueLink(ctx.keys, { key: versionKeys(period.id, unit.code, version).xlsx, name: seqName }, ctx.linkTtlSeconds, ctx.now().getTime());
      return json(200, { ok: true, url: `${publicBase(req.event, ctx.publicBaseUrl)}/api/download?t=${link.token}`, expiresAt: link.expiresAt });
    },
  },
  {
    method: "GET",
    path: "/api/download",
    auth: "public",
    run: async (req, ctx) => {
      const t = queryParam(req.event, "t");
      if (!t) throw new ApiError("LINK_MISSING");
      const v = await verifyLink(ctx.keys, t, ctx.now().getTime());
      if (!v.ok) throw new ApiError(v.code);
      try {
        const bytes = await ctx.store.get(v.claims.key);
        req.log.outcome = "sent";
        req.log.bytes = bytes.byteLength;
        return file(bytes, v.claims.name, v.claims.name.endsWith(".docx") ? DOCX_TYPE : undefined);
      } catch (err) {
        if (err instanceof StorageNotFound) throw new ApiError("FILE_GONE");
        throw err;
      }
    },
  },
  {
    method: "GET",
    path: "/api/template",
    auth: "public",
    run: async (req, ctx) => {
      // ?period=&unit=: the unit's template for the period, prefilled from what the service holds (issue 13).
      if (queryParam(req.event, "period") !== undefined || queryParam(req.event, "unit") !== undefined) return prefilled(req, ctx);
      blankTemplate ??= buildTemplate().catch((err: unknown) => {
        blankTemplate = null;
        throw err;
      });
      return file(await blankTemplate, `${TEMPLATE_TITLE}（${TEMPLATE_VERSION}版）.xlsx`);
    },
  },
];

/**
 * A unit's template for a period: cover from its last report, 上年同期 from last year's report of the
 * same period, assigned 全年目标 filled and locked. It shows what the unit reported, so it needs the
 * caller's token and the right to read the unit.
 */
async function prefilled(req: ApiRequest, ctx: AppContext) {
  const principal = await authenticate(req.event, ctx);
  const signed = new ApiRequest(req.event, ctx, principal);
  const periodId = queryParam(req.event, "period") ?? "";
  const period = parsePeriodId(periodId);
  if (!period) throw new ApiError("BAD_PERIOD", { period: periodId });
  req.log.period = period.id;
  const unit = await signed.authorize("read", checkUnitCode(queryParam(req.event, "unit") ?? "", req.log));
  const bytes = await prefilledTemplate(ctx.store, period, unit);
  req.log.outcome = "sent";
  return file(bytes, `${unit.name}${period.label}${TEMPLATE_TITLE}（${TEMPLATE_VERSION}版）.xlsx`);
}
