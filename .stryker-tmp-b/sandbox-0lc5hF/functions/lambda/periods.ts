/** Lambda entry point of the `periods` function (routes: functions/handlers/periods.ts, targets.ts). */
// @ts-nocheck

import { periodRoutes } from "../handlers/periods";
import { targetRoutes } from "../handlers/targets";
import { lambdaHandler } from "./entry";

export const handler = lambdaHandler([...periodRoutes, ...targetRoutes]);
