/**
 * The signed-in session: the unit, its token (from a sign-in code), the
 * periods and the bureau's time zone. The token lasts 12 hours without
 * activity; while the pane is in use it is refreshed (at most every
 * {@link REFRESH_AFTER_MS}), so a clerk working all day signs in once.
 */
// @ts-nocheck

import { ApiClient, type ApiFailure, type HttpTransport, type PeriodInfo, type Unit } from "./api";
import { apiBase, SettingsStore } from "./settings";

/** How old a session token may get before a call refreshes it. */
export const REFRESH_AFTER_MS = 10 * 60_000;
const SESSION_MS = 12 * 3600_000;

export class Session {
  me: Unit | null = null;
  periods: PeriodInfo[] = [];
  timeZone = "Asia/Shanghai";
  private refreshing: Promise<void> | null = null;
  private readonly listeners: Array<() => void> = [];

  constructor(
    readonly settings: SettingsStore,
    private readonly origin: string,
    private readonly transport?: HttpTransport,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** Call `fn` whenever the signed-in unit changes. */
  onChange(fn: () => void): void {
    this.listeners.push(fn);
  }

  private changed(): void {
    for (const fn of this.listeners) fn();
  }

  /** The API client for the current session; refreshes the token in the background once it is older than REFRESH_AFTER_MS. */
  api(): ApiClient {
    const s = this.settings.get();
    const client = new ApiClient(apiBase(s, this.origin), s.token, this.transport);
    const expires = Date.parse(s.expiresAt);
    if (s.token && expires && SESSION_MS - (expires - this.clock()) > REFRESH_AFTER_MS) void this.refresh(client);
    return client;
  }

  private refresh(client: ApiClient): Promise<void> {
    return (this.refreshing ??= client
      .refresh()
      .then((r) => {
        if (r.ok) this.settings.set({ token: r.token, expiresAt: r.expiresAt });
      })
      .finally(() => {
        this.refreshing = null;
      }));
  }

  /** Exchange a typed code for a session. */
  async signInWithCode(code: string, server: string): Promise<ApiFailure | null> {
    this.settings.set({ server: server.trim() });
    const r = await this.api().session(code.trim());
    if (!r.ok) return r;
    this.settings.set({ token: r.token, expiresAt: r.expiresAt });
    await this.loadPeriods();
    this.me = r.unit;
    this.changed();
    return null;
  }

  /** Check the kept session with /api/me (on start); null when signed in. */
  async restore(): Promise<ApiFailure | null> {
    if (!this.settings.get().token) return null;
    const r = await this.api().me();
    if (!r.ok) {
      if (r.status === 401) this.settings.clearToken();
      return r;
    }
    await this.loadPeriods();
    this.me = r.unit;
    this.changed();
    return null;
  }

  signOut(): void {
    this.settings.clearToken();
    this.me = null;
    this.changed();
  }

  async loadPeriods(): Promise<void> {
    const r = await this.api().periods();
    if (!r.ok) return;
    this.periods = r.periods;
    this.timeZone = r.timeZone;
  }

  /** The period to show: the one chosen last, else the newest open one, else the newest. */
  defaultPeriod(): string {
    const saved = this.settings.get().period;
    if (this.periods.some((p) => p.id === saved)) return saved;
    return (this.periods.find((p) => p.open) ?? this.periods[0])?.id ?? "";
  }
}
