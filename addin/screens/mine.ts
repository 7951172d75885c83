/**
 * 我的报送 (a town): the state of its report, a banner when it was returned
 * (reason, who, when), its own versions with the file it sent, and a
 * printable 回执 (unit, period, version, time, sha256 prefix, state).
 */
import type { VersionSummary } from "../../functions/http/wire";
import { fill, h } from "../ui/dom";
import { messageBar } from "../ui/findings";
import { STATE_LABEL, when } from "../ui/words";
import { fillPeriods, periodSelect, showFailure, type Screen, type ScreenContext } from "./context";

/** The banner shown at the top of the pane when the latest version of `periodLabel`'s report was returned; null otherwise. */
export function returnedBanner(v: VersionSummary | undefined, timeZone: string, periodLabel: string): HTMLElement | null {
  if (!v || v.state !== "returned" || !v.review) return null;
  return h(
    "div",
    { class: "hz-banner", id: "hz-returned", role: "alert" },
    h("strong", {}, `${periodLabel}报表已被退回，请修改后重新上报`),
    h("span", {}, `退回原因：${v.review.reason}`),
    h("small", {}, `${v.review.by.name} 于 ${when(v.review.at, timeZone)} 退回第 ${v.seq} 版`),
  );
}

export function mineScreen(ctx: ScreenContext, setBanner: (el: HTMLElement | null) => void): Screen {
  const out = h("div", { id: "hz-mine" });
  const receipt = h("div", { id: "hz-receipt-area" });
  const period = periodSelect(ctx, "hz-mine-period", () => void load());

  // Several periods may be open (a 1—11月 beside the 全年, a reopened 补报): a report returned in
  // any of them is announced, whichever period this screen shows.
  async function returnedElsewhere(unit: string, shown: string): Promise<HTMLElement | null> {
    const others = ctx.session.periods.filter((x) => x.open && x.id !== shown);
    const answers = await Promise.all(others.map((x) => ctx.session.api().versions(x.id, unit)));
    const banners = answers.map((r, i) => (r.ok ? returnedBanner(r.versions[r.versions.length - 1], ctx.session.timeZone, others[i]!.label) : null));
    return banners.find((b) => b !== null) ?? null;
  }

  async function load(): Promise<void> {
    const me = ctx.session.me;
    if (!me || me.role !== "unit") return;
    const p = fillPeriods(ctx, period);
    if (!p) return fill(out, messageBar("info", "还没有任何报告期。"));
    const api = ctx.session.api();
    const r = await api.versions(p, me.code);
    if (!r.ok) return showFailure(ctx, out, r);
    const tz = ctx.session.timeZone;
    const latest = r.versions[r.versions.length - 1];
    const label = ctx.session.periods.find((x) => x.id === p)?.label ?? p;
    setBanner(returnedBanner(latest, tz, label) ?? (await returnedElsewhere(me.code, p)));
    if (!latest) return fill(out, messageBar("info", "本期还没有上报。填好报表后在“上传”中上报。"));
    fill(
      out,
      h("p", { class: "hz-status-summary" }, h("strong", {}, `当前状态：${STATE_LABEL[latest.state]}`), latest.late ? h("span", { class: "hz-tag hz-tag-late" }, "迟报") : null),
      h(
        "ul",
        { class: "hz-versions" },
        ...[...r.versions].reverse().map((v) =>
          h(
            "li",
            { dataset: { version: v.version } },
            h("div", {}, h("strong", {}, `第 ${v.seq} 版`), h("span", { class: `hz-state hz-state-${v.state}` }, STATE_LABEL[v.state]), v.late ? h("span", { class: "hz-tag hz-tag-late" }, "迟报") : null),
            h("small", {}, `${when(v.submittedAt, tz)} 上报`),
            v.review?.action === "return" ? h("small", { class: "hz-reason" }, `退回原因：${v.review.reason}`) : null,
            h(
              "div",
              { class: "hz-actions" },
              h("button", { type: "button", class: "hz-link", onclick: () => void download(p, me.code, v.version) }, "下载所报文件"),
              h("button", { type: "button", class: "hz-link hz-receipt-open", onclick: () => showReceipt(me.name, me.code, label, v) }, "回执"),
            ),
          ),
        ),
      ),
    );
  }

  async function download(p: string, unit: string, version: string): Promise<void> {
    const r = await ctx.session.api().link(p, unit, version);
    if (!r.ok) return showFailure(ctx, receipt, r);
    ctx.openUrl(ctx.session.api().url(r.url));
  }

  function showReceipt(unitName: string, unitCode: string, periodLabel: string, v: VersionSummary): void {
    const tz = ctx.session.timeZone;
    const row = (k: string, val: string) => h("tr", {}, h("th", {}, k), h("td", {}, val));
    fill(
      receipt,
      h(
        "article",
        { class: "hz-receipt", id: "hz-receipt" },
        h("h2", {}, "报表报送回执"),
        h(
          "table",
          {},
          row("报送单位", `${unitName}（${unitCode}）`),
          row("报告期", periodLabel),
          // The version's storage id stays off paper: it is stamped in UTC, and beside 报送时间 in
          // Beijing time a clerk would read its date as a second, different 报送日期.
          row("版本", `第 ${v.seq} 版`),
          row("报送时间", when(v.submittedAt, tz)),
          row("文件校验码", `SHA-256 ${v.sha256}…`),
          row("状态", `${STATE_LABEL[v.state]}${v.late ? "（迟报）" : ""}`),
          row("填报人", v.preparer),
        ),
        h("p", { class: "hz-muted" }, `本回执由报送系统生成，打印时间 ${when(new Date().toISOString(), tz)}。`),
        h("button", { type: "button", class: "hz-btn hz-no-print", onclick: () => window.print() }, "打印回执"),
      ),
    );
    receipt.scrollIntoView?.({ block: "start" });
  }

  return {
    id: "mine",
    label: "我的报送",
    panel: h("section", {}, h("label", { class: "hz-field" }, h("span", {}, "报告期"), period), out, receipt),
    show: () => void load(),
  };
}
