/** Every route, grouped by the Lambda function that serves it (one per concept). */
// @ts-nocheck

import type { Route } from "../http/route";
import { consolidateRoutes } from "./consolidate";
import { downloadRoutes } from "./download";
import { periodRoutes } from "./periods";
import { reviewRoutes } from "./review";
import { rosterRoutes } from "./roster";
import { sessionRoutes } from "./session";
import { statusRoutes } from "./status";
import { submitRoutes } from "./submit";
import { targetRoutes } from "./targets";

/** Function name → its routes. template.yaml has one function per entry (checked by a test). */
export const FUNCTIONS: Record<string, Route[]> = {
  submit: submitRoutes,
  status: statusRoutes,
  review: reviewRoutes,
  consolidate: consolidateRoutes,
  download: downloadRoutes,
  // Identity: who you are, the roster, sign-in codes and sessions (all under config/).
  roster: [...rosterRoutes, ...sessionRoutes],
  // The year's setup: periods and the target table (目标任务分解表).
  periods: [...periodRoutes, ...targetRoutes],
};

export const ALL_ROUTES: Route[] = Object.values(FUNCTIONS).flat();
