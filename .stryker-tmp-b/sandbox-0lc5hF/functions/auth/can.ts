/**
 * Who may do what: one pure function over the caller, the action, the unit
 * acted on and the roster. The roster is the authority: a token whose unit
 * is no longer in the roster, or whose role no longer matches its type, may
 * do nothing.
 */
// @ts-nocheck

import { findUnit, isWithin, roleOf, type Roster } from "../service/roster";
import type { Principal } from "./tokens";

export type Action =
  /** Upload a report for the unit. */
  | "submit"
  /** See the unit's reports, status and download its originals. */
  | "read"
  /** Return or accept the unit's report. */
  | "review"
  /** Consolidate the reports below the unit (a county or the city). */
  | "consolidate"
  /** Define the roster, open and close periods (unitCode ignored). */
  | "setup";

/**
 * - a town/street (`unit`) submits and reads only itself;
 * - a county reads itself and its towns, reviews its towns, consolidates itself;
 * - the city reads, reviews and consolidates everything, and sets up rosters and periods
 *   (also before any roster exists, to bootstrap).
 */
export function can(principal: Principal, action: Action, unitCode: string, roster: Roster): boolean {
  const me = findUnit(roster, principal.sub);
  if (action === "setup") {
    return principal.role === "city" && (roster.units.length === 0 || (me !== undefined && me.type === "市"));
  }
  if (!me || roleOf(me.type) !== principal.role) return false;
  const target = findUnit(roster, unitCode);
  if (!target) return false;
  switch (principal.role) {
    case "unit":
      return (action === "submit" || action === "read") && target.code === me.code;
    case "county":
      if (action === "read") return isWithin(roster, target.code, me.code);
      if (action === "review") return target.code !== me.code && isWithin(roster, target.code, me.code) && roleOf(target.type) === "unit";
      if (action === "consolidate") return target.code === me.code;
      return false;
    case "city":
      if (action === "read") return true;
      if (action === "review") return roleOf(target.type) === "unit";
      if (action === "consolidate") return roleOf(target.type) !== "unit";
      return false;
  }
}
