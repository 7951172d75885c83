/**
 * The HTTP API's answers, declared once. Handlers build their bodies as
 * these types (`satisfies`), and the task pane imports them type-only
 * (`import type`), so nothing of functions/ reaches the pane's bundle and
 * the two sides cannot drift. functions/API.md describes the same shapes.
 */
// @ts-nocheck

import type { Finding } from "../../templates/findings";
import type { PeriodInfo } from "../service/periods";
import type { Reminder } from "../service/reminders";
import type { FigureRow, NarrativeRow, ReportDetail } from "../service/compare";
import type { ReportState, Review, StatusRow, VersionSummary, Actor } from "../service/reports";
import type { Role, RosterUnit } from "../service/roster";
import type { TargetTable } from "../../templates/targets/table";

export type { Actor, FigureRow, NarrativeRow, PeriodInfo, Reminder, ReportDetail, ReportState, Review, Role, RosterUnit, StatusRow, VersionSummary };

/** Every failure: a stable English code and a Chinese message saying what to do. */
export interface ErrorAnswer {
  ok: false;
  code: string;
  message: string;
  findings?: Finding[];
  unexplained?: string[];
  /** 429 TOO_MANY_ATTEMPTS: seconds to wait. */
  retryAfter?: number;
}

export interface UnitInfo {
  code: string;
  name: string;
  role: Role;
  type: string | null;
  parent: string | null;
}

/** PUT and GET /api/targets/{year}: the year's target table as parsed (the city's own row, then the units'). */
export interface TargetsAnswer {
  ok: true;
  year: number;
  uploadedAt: string;
  table: TargetTable;
}

/** GET /api/me */
export interface MeAnswer {
  ok: true;
  unit: UnitInfo;
}

/** POST /api/session (a sign-in code) and POST /api/session/refresh */
export interface SessionAnswer {
  ok: true;
  token: string;
  expiresAt: string;
  unit: UnitInfo;
}

/** GET /api/periods; `timeZone` is the bureau's zone every time is shown in. */
export interface PeriodsAnswer {
  ok: true;
  periods: PeriodInfo[];
  timeZone: string;
}

/** POST /api/periods, POST /api/periods/{p}/close */
export interface PeriodAnswer {
  ok: true;
  period: PeriodInfo;
}

/** POST /api/periods/{p}/units/{u}/reports (201) */
export interface SubmitAnswer {
  ok: true;
  version: string;
  seq: number;
  state: Exclude<ReportState, "missing">;
  submittedAt: string;
  late: boolean;
  findings: Finding[];
}

/** GET /api/periods/{p}/status */
export interface StatusAnswer {
  ok: true;
  period: PeriodInfo;
  units: StatusRow[];
  /** The server's clock when answering (days left are counted from it). */
  now: string;
  timeZone: string;
  /** What a consolidation would take right now, per include mode (units below the asked parent). */
  mergeable: { submitted: number; accepted: number };
}

/** GET /api/periods/{p}/units/{u}/reports */
export interface VersionsAnswer {
  ok: true;
  period: string;
  unit: string;
  versions: VersionSummary[];
}

/** GET /api/periods/{p}/units/{u}/reports/{v}[?compare=v0] */
export interface DetailAnswer {
  ok: true;
  unit: string;
  detail: ReportDetail;
}

/** POST …/reports/{v}/review */
export interface ReviewAnswer {
  ok: true;
  review: Review;
}

/** POST /api/periods/{p}/reviews (bulk 通过) */
export interface BulkReviewAnswer {
  ok: true;
  accepted: Array<{ unit: string; version: string }>;
  skipped: Array<{ unit: string; version: string; code: string; message: string }>;
}

/** GET /api/periods/{p}/reminders */
export interface RemindersAnswer {
  ok: true;
  period: PeriodInfo;
  reminders: Reminder[];
  webhook: boolean;
}

/** POST /api/periods/{p}/reminders/send */
export interface RemindersSentAnswer {
  ok: true;
  sent: number;
}

/** GET /api/roster (the part the caller may see), PUT /api/roster (JSON, or the 名单 workbook / CSV) */
export interface RosterAnswer {
  ok: true;
  units: RosterUnit[];
  updatedAt: string | null;
}

/** POST /api/codes */
export interface CodesAnswer {
  ok: true;
  codes: Array<{ unit: string; name: string; code: string }>;
}

/** POST /api/periods/{p}/consolidations (201) */
export interface ConsolidationAnswer {
  ok: true;
  id: string;
  parent: string;
  include: "accepted" | "submitted";
  fileName: string;
  download: { url: string; expiresAt: string };
  /** The drafted summary (汇总材料, .docx) stored beside the workbook. */
  draftFileName?: string;
  draftDownload?: { url: string; expiresAt: string };
  versions: Record<string, string>;
  missing: string[];
  counts: Record<string, number | null>;
  totals: Record<string, unknown>;
}

/** GET …/reports/{v}/link */
export interface LinkAnswer {
  ok: true;
  url: string;
  expiresAt: string;
}
