/**
 * What every screen gets from the shell, and what a screen gives back. A
 * screen is one tab: it builds its panel once and refreshes it when shown.
 */
// @ts-nocheck

import type { ApiFailure } from "../api";
import type { Session } from "../session";
import type { WorkbookSource } from "../source";
import { fill, h } from "../ui/dom";
import { messageBar } from "../ui/findings";

export type TabId = "check" | "upload" | "mine" | "status" | "reminders" | "manage" | "settings";

export interface ScreenContext {
  session: Session;
  source: WorkbookSource;
  /** Open a link outside the pane (downloads). */
  openUrl: (url: string) => void;
  /** Switch to another tab. */
  select: (tab: TabId) => void;
}

export interface Screen {
  id: TabId;
  label: string;
  panel: HTMLElement;
  /** Called each time the tab is shown. */
  show?: () => void;
}

/** Show a failure: its Chinese sentence, the code under 详情, and a way to sign in again after a 401. */
export function showFailure(ctx: ScreenContext, into: HTMLElement, f: ApiFailure, ...more: Array<HTMLElement | null>): void {
  fill(
    into,
    messageBar("error", f.message, f.code),
    f.status === 401 ? h("button", { type: "button", class: "hz-link", onclick: () => ctx.select("settings") }, "去“登录”重新输入登录码") : null,
    ...more,
  );
}

/** Disable a button while `work` runs. */
export function busy<T>(button: HTMLButtonElement, work: () => Promise<T>): Promise<T> {
  button.disabled = true;
  button.classList.add("is-busy");
  return work().finally(() => {
    button.disabled = false;
    button.classList.remove("is-busy");
  });
}

/** A period picker over the session's periods; remembers the choice. */
export function periodSelect(ctx: ScreenContext, id: string, onChange: () => void): HTMLSelectElement {
  const select = h("select", { id, "aria-label": "报告期" });
  select.addEventListener("change", () => {
    ctx.session.settings.set({ period: select.value });
    onChange();
  });
  return select;
}

/** Fill a period picker (keeping its choice when still there). */
export function fillPeriods(ctx: ScreenContext, select: HTMLSelectElement, openOnly = false): string {
  const list = ctx.session.periods.filter((p) => !openOnly || p.open);
  const keep = ctx.session.settings.get().period || select.value || ctx.session.defaultPeriod();
  fill(select, ...list.map((p) => h("option", { value: p.id }, `${p.label}${!openOnly && p.open ? "（收集中）" : ""}`)));
  if (list.some((p) => p.id === keep)) select.value = keep;
  else if (list.some((p) => p.id === ctx.session.defaultPeriod())) select.value = ctx.session.defaultPeriod();
  return select.value;
}

/** Save bytes as a file from the page (a blob link). */
export function saveBytes(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  const a = h("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
