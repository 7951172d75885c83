/** Lambda entry point of the `consolidate` function (routes: functions/handlers/consolidate.ts). */
// @ts-nocheck

import { consolidateRoutes } from "../handlers/consolidate";
import { lambdaHandler } from "./entry";

export const handler = lambdaHandler(consolidateRoutes);
