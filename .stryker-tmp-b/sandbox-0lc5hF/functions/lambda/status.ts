/** Lambda entry point of the `status` function (routes: functions/handlers/status.ts). */
// @ts-nocheck

import { statusRoutes } from "../handlers/status";
import { lambdaHandler } from "./entry";

export const handler = lambdaHandler(statusRoutes);
