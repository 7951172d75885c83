/**
 * 报送情况 (county and city): the period's units grouped by county, filtered
 * by state, with the deadline and days left; export as .xlsx; open a unit to
 * review it; bulk 通过 of everything waiting; consolidate a county or the city
 * with "all submitted" / "only accepted" and how many of each before the click.
 */
import type { StatusAnswer, StatusRow } from "../../functions/http/wire";
import { fill, h } from "../ui/dom";
import { messageBar } from "../ui/findings";
import { deadlineText, STATE_LABEL, when } from "../ui/words";
import { busy, fillPeriods, periodSelect, saveBytes, showFailure, type Screen, type ScreenContext } from "./context";
import { openReview } from "./review";

type Filter = "all" | "missing" | "submitted" | "has_warnings" | "returned" | "accepted" | "overdue";
const FILTERS: Array<[Filter, string]> = [
  ["all", "全部"],
  ["missing", "未报送"],
  ["submitted", "已报送"],
  ["has_warnings", "有警告"],
  ["returned", "已退回"],
  ["accepted", "已通过"],
  ["overdue", "逾期"],
];
const matches = (r: StatusRow, f: Filter) => (f === "all" ? true : f === "overdue" ? r.overdue : r.state === f);
const waiting = (r: StatusRow) => (r.state === "submitted" || r.state === "has_warnings") && r.version !== null;

export function statusScreen(ctx: ScreenContext): Screen {
  const period = periodSelect(ctx, "hz-status-period", () => void load());
  const list = h("div", { id: "hz-status", "aria-live": "polite" });
  const review = h("div", { id: "hz-review-area", hidden: true });
  const consolidateBox = h("div", { class: "hz-consolidate", id: "hz-consolidate-box" });
  const main = h("div", {}, list, consolidateBox);
  let filter: Filter = "all";
  let last: StatusAnswer | null = null;
  const countyNames = new Map<string, string>();
  // Kept across renders: a bulk review's answer is shown after the list has been reloaded.
  const bulkOut = h("div", { id: "hz-bulk-result", "aria-live": "polite" });

  function parentOf(): string | undefined {
    const me = ctx.session.me;
    return me?.role === "county" ? me.code : undefined;
  }

  async function load(): Promise<void> {
    review.hidden = true;
    main.hidden = false;
    const p = fillPeriods(ctx, period);
    if (!p) return fill(list, messageBar("info", "还没有任何报告期。"));
    if (!list.firstChild) fill(list, h("p", { class: "hz-muted" }, "正在加载…"));
    const api = ctx.session.api();
    if (countyNames.size === 0) {
      const roster = await api.roster();
      if (roster.ok) for (const u of roster.units) countyNames.set(u.code, u.name);
    }
    const r = await api.status(p, parentOf());
    if (!r.ok) return showFailure(ctx, list, r);
    last = r;
    render();
    void renderConsolidate();
  }

  function render(): void {
    if (!last) return;
    const rows = last.units;
    const tz = last.timeZone;
    const now = new Date(last.now);
    const count = (f: Filter) => rows.filter((r) => matches(r, f)).length;
    // An ended period counts no days down: it says so, and when.
    const info = last.period;
    const deadlineLine = (): HTMLElement => {
      if (!info.open) return h("p", { class: "hz-deadline is-past", id: "hz-deadline" }, `报送已结束${info.closedAt ? `（${when(info.closedAt, tz)}）` : ""}${info.deadline ? `，截止时间 ${when(info.deadline, tz)}` : ""}。需要补报时可由市科技局在“管理”中重新开通。`);
      const dl = deadlineText(info.deadline, now, tz);
      return dl ? h("p", { class: `hz-deadline${dl.past ? " is-past" : ""}`, id: "hz-deadline" }, dl.text) : h("p", { class: "hz-muted", id: "hz-deadline" }, "本期未设截止时间。");
    };
    const chips = h(
      "div",
      { class: "hz-chips", role: "group", "aria-label": "按状态筛选" },
      ...FILTERS.map(([f, label]) =>
        h("button", { type: "button", class: `hz-chip${f === filter ? " is-on" : ""}`, "aria-pressed": String(f === filter), dataset: { filter: f }, onclick: () => ((filter = f), render()) }, `${label} ${count(f)}`),
      ),
    );
    const shown = rows.filter((r) => matches(r, filter));
    const byCounty = new Map<string, StatusRow[]>();
    for (const r of shown) {
      const k = r.parent ?? "";
      byCounty.set(k, [...(byCounty.get(k) ?? []), r]);
    }
    const pending = rows.filter(waiting);
    const bulk: HTMLButtonElement = h("button", { type: "button", class: "hz-btn", id: "hz-bulk", disabled: pending.length === 0, onclick: () => confirmBulk() }, `批量通过待审核的报表（${pending.length}）`);
    function confirmBulk(): void {
      const yes: HTMLButtonElement = h(
        "button",
        {
          type: "button",
          class: "hz-btn hz-primary",
          id: "hz-bulk-confirm",
          onclick: () =>
            busy(yes, async () => {
              const r = await ctx.session.api().bulkAccept(period.value, Object.fromEntries(pending.map((x) => [x.code, x.version!])));
              if (!r.ok) return showFailure(ctx, bulkOut, r);
              await load();
              const skipped = r.skipped.map((s) => `${rows.find((x) => x.code === s.unit)?.name ?? s.unit}：${s.message}`);
              fill(bulkOut, messageBar(skipped.length ? "warning" : "success", `已通过 ${r.accepted.length} 份报表。${skipped.length ? `另有 ${skipped.length} 份未通过：${skipped.join("；")}` : ""}`));
            }),
        },
        `确认通过 ${pending.length} 份`,
      );
      fill(bulkOut, messageBar("info", `将通过 ${pending.length} 份待审核的报表（它们的警告都已在备注中说明）。`), h("div", { class: "hz-toolbar" }, yes, h("button", { type: "button", class: "hz-btn", onclick: () => fill(bulkOut) }, "取消")));
    }
    const exportBtn: HTMLButtonElement = h(
      "button",
      {
        type: "button",
        class: "hz-btn",
        id: "hz-export",
        onclick: () =>
          busy(exportBtn, async () => {
            const r = await ctx.session.api().statusExport(period.value, parentOf());
            if (!r.ok) return showFailure(ctx, bulkOut, r);
            saveBytes(r.bytes, `${last?.period.label ?? period.value}报送情况.xlsx`);
          }),
      },
      "导出 Excel",
    );
    fill(
      list,
      deadlineLine(),
      h("p", { class: "hz-status-summary" }, h("strong", {}, `已报送 ${rows.length - count("missing") - count("returned")} / ${rows.length}`), `　待审核 ${pending.length}　已退回待重报 ${count("returned")}　已通过 ${count("accepted")}　逾期 ${count("overdue")}`),
      chips,
      h("div", { class: "hz-toolbar" }, bulk, exportBtn),
      bulkOut,
      shown.length
        ? h(
            "div",
            {},
            ...[...byCounty].map(([county, items]) =>
              h(
                "section",
                { class: "hz-county", dataset: { county } },
                byCounty.size > 1 || ctx.session.me?.role === "city" ? h("h3", {}, `${countyName(county)}（${items.length}）`) : null,
                h(
                  "table",
                  { class: "hz-table" },
                  h("thead", {}, h("tr", {}, h("th", {}, "单位"), h("th", {}, "状态"), h("th", {}, "报送"))),
                  h(
                    "tbody",
                    {},
                    ...items.map((r) =>
                      h(
                        "tr",
                        { dataset: { unit: r.code, state: r.state } },
                        h("td", {}, r.version ? h("button", { type: "button", class: "hz-link hz-open", onclick: () => void open(r) }, r.name) : r.name, h("small", {}, r.code)),
                        h("td", {}, h("span", { class: `hz-state hz-state-${r.state}` }, STATE_LABEL[r.state]), r.overdue ? h("span", { class: "hz-tag hz-tag-overdue" }, "逾期") : null, r.late ? h("span", { class: "hz-tag hz-tag-late" }, "迟报") : null),
                        h(
                          "td",
                          {},
                          r.state === "missing" ? "—" : r.preparer ? `填报人 ${r.preparer}` : "已报送",
                          r.submittedAt ? h("small", {}, when(r.submittedAt, tz)) : null,
                          r.state === "returned" && r.returnReason ? h("small", { class: "hz-reason" }, `退回原因：${r.returnReason}`) : null,
                        ),
                      ),
                    ),
                  ),
                ),
              ),
            ),
          )
        : h("p", { class: "hz-muted" }, "没有符合条件的单位。"),
    );
  }

  async function open(r: StatusRow): Promise<void> {
    main.hidden = true;
    review.hidden = false;
    await openReview(ctx, review, period.value, r, () => void load(), () => undefined);
  }

  // ---------------------------------------------------------------- consolidation

  const scope = h("select", { id: "hz-scope", "aria-label": "汇总范围" });
  const include = h("div", { class: "hz-include", id: "hz-include", role: "radiogroup", "aria-label": "汇总哪些报表" });
  const consolidateOut = h("div", { id: "hz-consolidate-result", "aria-live": "polite" });
  const go: HTMLButtonElement = h("button", { type: "button", class: "hz-btn hz-primary", id: "hz-consolidate", onclick: () => busy(go, consolidate) }, "生成并下载汇总表");
  scope.addEventListener("change", () => void renderConsolidate());

  async function renderConsolidate(): Promise<void> {
    const me = ctx.session.me;
    if (!me || me.role === "unit") return;
    if (!scope.options.length) {
      const counties = new Set((me.role === "city" && last ? last.units : []).map((u) => u.parent).filter((p): p is string => !!p && p !== me.code));
      fill(scope, h("option", { value: me.code }, me.role === "city" ? `全市（${me.name}）` : me.name), ...[...counties].map((c) => h("option", { value: c }, countyName(c))));
    }
    const parent = scope.value || me.code;
    const r = parent === me.code && last ? last : await ctx.session.api().status(period.value, parent);
    if (!("mergeable" in r)) return;
    const { submitted, accepted } = r.mergeable;
    const prev = include.querySelector<HTMLInputElement>("input:checked")?.value;
    const choice = prev === "submitted" || (prev !== "accepted" && accepted === 0) ? "submitted" : "accepted";
    const radio = (value: "accepted" | "submitted", label: string, n: number) =>
      h("label", { class: "hz-radio" }, h("input", { type: "radio", name: "hz-include", value, checked: choice === value, disabled: n === 0 }), `${label}（${n} 份）`);
    fill(include, radio("submitted", "汇总全部已报送的", submitted), radio("accepted", "只汇总审核通过的", accepted));
    go.disabled = submitted === 0;
  }
  function countyName(code: string): string {
    return countyNames.get(code) ?? code;
  }

  async function consolidate(): Promise<void> {
    const me = ctx.session.me;
    if (!me) return;
    const inc = (include.querySelector<HTMLInputElement>("input:checked")?.value ?? "submitted") as "accepted" | "submitted";
    fill(consolidateOut, messageBar("info", "正在生成汇总表…"));
    const api = ctx.session.api();
    const r = await api.consolidate(period.value, scope.value || me.code, inc);
    if (!r.ok) return showFailure(ctx, consolidateOut, r);
    const url = api.url(r.download.url);
    ctx.openUrl(url);
    fill(
      consolidateOut,
      messageBar("success", `汇总表已生成（${Object.keys(r.versions).length} 个单位${r.missing.length ? `，${r.missing.length} 个单位未纳入` : ""}），正在下载。`),
      h("a", { href: url, target: "_blank", rel: "noopener", class: "hz-link", id: "hz-consolidation-link" }, "如果没有开始下载，请点这里"),
      r.draftDownload
        ? h("p", {}, h("a", { href: api.url(r.draftDownload.url), target: "_blank", rel: "noopener", class: "hz-link", id: "hz-draft-link" }, `下载汇总材料初稿（${r.draftFileName ?? "Word 文档"}）`))
        : null,
    );
  }

  fill(consolidateBox, h("h3", {}, "汇总"), h("label", { class: "hz-field" }, h("span", {}, "汇总范围"), scope), include, h("div", { class: "hz-toolbar" }, go), consolidateOut);
  const refresh: HTMLButtonElement = h("button", { type: "button", class: "hz-btn", id: "hz-status-refresh", onclick: () => busy(refresh, load) }, "刷新");
  return {
    id: "status",
    label: "报送情况",
    panel: h("section", {}, h("div", { class: "hz-toolbar" }, h("label", { class: "hz-field hz-grow" }, h("span", {}, "报告期"), period), refresh), main, review),
    show: () => void load(),
  };
}
