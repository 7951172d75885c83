/** Lambda entry point of the `submit` function (routes: functions/handlers/submit.ts). */
// @ts-nocheck

import { submitRoutes } from "../handlers/submit";
import { lambdaHandler } from "./entry";

export const handler = lambdaHandler(submitRoutes);
