/** Lambda entry point of the `download` function (routes: functions/handlers/download.ts). */
// @ts-nocheck

import { downloadRoutes } from "../handlers/download";
import { lambdaHandler } from "./entry";

export const handler = lambdaHandler(downloadRoutes);
