/** Lambda entry point of the `roster` function (routes: functions/handlers/roster.ts). */
// @ts-nocheck

import { rosterRoutes } from "../handlers/roster";
import { lambdaHandler } from "./entry";

export const handler = lambdaHandler(rosterRoutes);
