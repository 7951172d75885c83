/** Lambda entry point of the `review` function (routes: functions/handlers/review.ts). */
// @ts-nocheck

import { reviewRoutes } from "../handlers/review";
import { lambdaHandler } from "./entry";

export const handler = lambdaHandler(reviewRoutes);
