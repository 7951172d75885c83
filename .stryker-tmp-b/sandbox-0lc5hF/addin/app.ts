/**
 * The shell of the pane: the header (who is signed in), the banner a returned
 * report raises, and the tabs the signed-in role can use — a town 检查 / 上传 /
 * 我的报送, a county or the city 报送情况 / 催报, everyone 登录. Each tab is its own
 * module under screens/; what differs between Excel and the page comes from
 * the WorkbookSource itself. Everything shown is Simplified Chinese.
 */
// @ts-nocheck

import type { HttpTransport, Role } from "./api";
import { Session } from "./session";
import { SettingsStore } from "./settings";
import type { WorkbookSource } from "./source";
import { checkScreen } from "./screens/check";
import type { Screen, ScreenContext, TabId } from "./screens/context";
import { manageScreen } from "./screens/manage";
import { mineScreen } from "./screens/mine";
import { remindersScreen } from "./screens/reminders";
import { signinScreen } from "./screens/signin";
import { statusScreen } from "./screens/status";
import { uploadScreen } from "./screens/upload";
import { fill, h } from "./ui/dom";
import { ROLE_LABEL } from "./ui/words";

export { explainThrown } from "./screens/check";

export interface AppOptions {
  root: HTMLElement;
  source: WorkbookSource;
  settings?: SettingsStore;
  /** Origin the pane was served from: the default API server. */
  origin: string;
  /** Open a link outside the pane (downloads). */
  openUrl: (url: string) => void;
  transport?: HttpTransport;
}

/** The tabs of each role, in order; `null` = not signed in. */
const TABS: Record<Role | "none", TabId[]> = {
  none: ["check", "upload", "settings"],
  unit: ["check", "upload", "mine", "settings"],
  county: ["status", "reminders", "settings"],
  city: ["status", "reminders", "manage", "settings"],
};

export class App {
  readonly session: Session;
  private readonly screens = new Map<TabId, { screen: Screen; button: HTMLButtonElement }>();
  private readonly who = h("p", { class: "hz-who", id: "hz-who" }, "未登录");
  private readonly banner = h("div", { id: "hz-banner-area" });
  private readonly nav = h("nav", { class: "hz-tabs", role: "tablist", "aria-label": "功能" });
  private current: TabId = "check";

  constructor(opts: AppOptions) {
    this.session = new Session(opts.settings ?? new SettingsStore(), opts.origin, opts.transport);
    const ctx: ScreenContext = { session: this.session, source: opts.source, openUrl: opts.openUrl, select: (t) => this.select(t) };
    const check = checkScreen(ctx);
    const mine = mineScreen(ctx, (el) => fill(this.banner, el));
    const all: Screen[] = [check, uploadScreen(ctx, check, () => mine.show?.()), mine, statusScreen(ctx), remindersScreen(ctx), manageScreen(ctx), signinScreen(ctx)];
    const main = h("main", { class: "hz-main" });
    for (const screen of all) {
      const button = h("button", { type: "button", role: "tab", id: `hz-tab-${screen.id}`, "aria-controls": `hz-panel-${screen.id}`, onclick: () => this.select(screen.id) }, screen.label);
      screen.panel.id = `hz-panel-${screen.id}`;
      screen.panel.setAttribute("role", "tabpanel");
      screen.panel.classList.add("hz-panel");
      main.append(screen.panel);
      this.screens.set(screen.id, { screen, button });
    }
    fill(
      opts.root,
      h(
        "header",
        { class: "hz-header" },
        h("img", { src: "assets/icon-32.png", alt: "", width: 24, height: 24 }),
        h("div", {}, h("h1", {}, "科技报表汇总"), this.who),
        opts.source.modeLabel ? h("span", { class: "hz-mode", title: "在浏览器中使用（WPS 或旧版 Excel 用户）" }, opts.source.modeLabel) : null,
      ),
      this.banner,
      this.nav,
      main,
    );
    opts.root.classList.add(opts.source.picker ? "hz-file" : "hz-excel");
    this.session.onChange(() => this.roleChanged(mine));
    this.roleChanged(mine);
    void this.session.restore().then((f) => {
      if (f && f.status === 401) this.who.textContent = "登录已失效，请重新输入登录码";
      else if (f) this.who.textContent = "未连接服务器";
    });
  }

  private tabs(): TabId[] {
    return TABS[this.session.me?.role ?? "none"];
  }

  private roleChanged(mine: Screen): void {
    const me = this.session.me;
    this.who.textContent = me ? `${me.name}（${ROLE_LABEL[me.role]}）` : "未登录";
    fill(this.banner);
    const tabs = this.tabs();
    fill(this.nav, ...tabs.map((t) => this.screens.get(t)!.button));
    document.documentElement.dataset.role = me?.role ?? "none";
    // A town opens on its report's state (and the banner when it was returned); a reviewer on the list.
    if (me?.role === "unit") mine.show?.();
    const first = me && me.role !== "unit" ? "status" : this.current;
    this.select(tabs.includes(first) ? first : tabs[0]!);
  }

  select(tab: TabId): void {
    this.current = tab;
    for (const [id, { screen, button }] of this.screens) {
      const on = id === tab;
      button.setAttribute("aria-selected", String(on));
      button.tabIndex = on ? 0 : -1;
      screen.panel.hidden = !on;
    }
    this.screens.get(tab)?.screen.show?.();
  }
}
