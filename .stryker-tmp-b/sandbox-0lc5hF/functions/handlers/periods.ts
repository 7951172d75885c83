/** Periods: the city opens a period for collection (with its deadline) and closes it; everyone lists them. */
// @ts-nocheck

import { ApiError } from "../http/errors";
import { jsonBody } from "../http/event";
import { json } from "../http/responses";
import type { Route } from "../http/route";
import type { PeriodAnswer, PeriodsAnswer } from "../http/wire";
import { closePeriod, listPeriods, openPeriod, parseDeadline } from "../service/periods";
import { findLibrary, libraryFromJson, rememberLibrary, type LibraryRef } from "../service/libraries";

export const periodRoutes: Route[] = [
  {
    method: "GET",
    path: "/api/periods",
    auth: "token",
    // Any validly signed caller: period ids and labels are not confidential (the contract; tests/auth-matrix).
    run: async (_req, ctx) => json(200, { ok: true, periods: await listPeriods(ctx.store), timeZone: ctx.timeZone } satisfies PeriodsAnswer),
  },
  {
    method: "POST",
    path: "/api/periods",
    auth: "token",
    run: async (req, ctx) => {
      await req.authorizeSetup();
      const body = jsonBody(req.event);
      const id = body.id;
      let deadline: string | undefined;
      if (body.deadline !== undefined && body.deadline !== null && body.deadline !== "") {
        const d = parseDeadline(body.deadline);
        if (!d) throw new ApiError("BAD_DEADLINE", { deadline: body.deadline });
        deadline = d;
      }
      // The library the period collects: a whole library (kept by the server), or the id and version of one it has.
      let library: LibraryRef | undefined;
      if (body.library !== undefined && body.library !== null) {
        const given = body.library as Partial<LibraryRef> & { indicators?: unknown };
        if (given.indicators !== undefined) {
          const cat = libraryFromJson(body.library);
          if (!cat) throw new ApiError("BAD_LIBRARY");
          await rememberLibrary(ctx.store, cat);
          library = { id: cat.id, version: cat.version, title: cat.title };
        } else {
          const ref = typeof given.id === "string" && typeof given.version === "string" ? { id: given.id, version: given.version } : null;
          const cat = ref ? await findLibrary(ctx.store, ref) : null;
          if (!ref || !cat) throw new ApiError(ref ? "LIBRARY_NOT_FOUND" : "BAD_LIBRARY", { library: body.library });
          library = { id: cat.id, version: cat.version, title: cat.title };
        }
      }
      const period = typeof id === "string" ? await openPeriod(ctx.store, id, req.principal.sub, ctx.now(), deadline, library) : null;
      if (!period) throw new ApiError("BAD_PERIOD", { period: id ?? null });
      req.log.period = period.id;
      return json(201, { ok: true, period } satisfies PeriodAnswer);
    },
  },
  {
    method: "POST",
    path: "/api/periods/{period}/close",
    auth: "token",
    run: async (req, ctx) => {
      const p = req.period();
      await req.authorizeSetup();
      const period = await closePeriod(ctx.store, p.id, req.principal.sub, ctx.now());
      if (!period) throw new ApiError("PERIOD_NOT_FOUND", { period: p.id });
      return json(200, { ok: true, period } satisfies PeriodAnswer);
    },
  },
];
