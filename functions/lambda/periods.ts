/** Lambda entry point of the `periods` function (routes: functions/handlers/periods.ts). */
import { periodRoutes } from "../handlers/periods";
import { lambdaHandler } from "./entry";

export const handler = lambdaHandler(periodRoutes);
