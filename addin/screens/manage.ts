/** 管理 (the city): open a period with its deadline (截止时间, in the bureau's zone), and issue sign-in codes to hand out. */
import { PERIOD_SPANS } from "../../templates/period";
import { fill, h } from "../ui/dom";
import { messageBar } from "../ui/findings";
import { when, zonedToIso } from "../ui/words";
import { busy, showFailure, type Screen, type ScreenContext } from "./context";

export function manageScreen(ctx: ScreenContext): Screen {
  const year = h("input", { type: "number", id: "hz-open-year", min: 2000, max: 2100, value: String(new Date().getFullYear()), "aria-label": "年度" });
  const span = h("select", { id: "hz-open-span", "aria-label": "报告期" }, ...PERIOD_SPANS.map((s) => h("option", { value: s.code }, s.label)));
  const deadline = h("input", { type: "datetime-local", id: "hz-open-deadline", "aria-label": "截止时间" });
  const openOut = h("div", { id: "hz-open-result", "aria-live": "polite" });
  const codesOut = h("div", { id: "hz-codes-result", "aria-live": "polite" });

  const open: HTMLButtonElement = h(
    "button",
    {
      type: "button",
      class: "hz-btn hz-primary",
      id: "hz-open",
      onclick: () =>
        busy(open, async () => {
          const tz = ctx.session.timeZone;
          const iso = deadline.value ? zonedToIso(deadline.value, tz) : null;
          if (deadline.value && !iso) return fill(openOut, messageBar("warning", "截止时间填写不完整，请选择日期和时间。"));
          const r = await ctx.session.api().openPeriod(`${year.value}-${span.value}`, iso ?? undefined);
          if (!r.ok) return showFailure(ctx, openOut, r);
          ctx.session.settings.set({ period: r.period.id });
          await ctx.session.loadPeriods();
          fill(openOut, messageBar("success", `已开通 ${r.period.label}报送${r.period.deadline ? `，截止时间 ${when(r.period.deadline, tz)}` : "（未设截止时间）"}。`));
        }),
    },
    "开通报送",
  );

  const issue: HTMLButtonElement = h(
    "button",
    {
      type: "button",
      class: "hz-btn",
      id: "hz-issue-codes",
      onclick: () =>
        busy(issue, async () => {
          const r = await ctx.session.api().codes();
          if (!r.ok) return showFailure(ctx, codesOut, r);
          fill(
            codesOut,
            messageBar("success", `已为 ${r.codes.length} 个单位签发新登录码，原登录码已作废。请打印或抄送各单位。`),
            h("table", { class: "hz-table" }, h("thead", {}, h("tr", {}, h("th", {}, "单位"), h("th", {}, "登录码"))), h("tbody", {}, ...r.codes.map((c) => h("tr", { dataset: { unit: c.unit } }, h("td", {}, c.name, h("small", {}, c.unit)), h("td", {}, h("code", {}, c.code)))))),
          );
        }),
    },
    "为全部单位签发新登录码",
  );

  return {
    id: "manage",
    label: "管理",
    panel: h(
      "section",
      {},
      h("h3", {}, "开通报告期"),
      h("div", { class: "hz-toolbar" }, h("label", { class: "hz-field" }, h("span", {}, "年度"), year), h("label", { class: "hz-field hz-grow" }, h("span", {}, "报告期"), span)),
      h("label", { class: "hz-field" }, h("span", {}, "截止时间"), deadline, h("small", {}, "按本地时间（北京时间）填写；过了截止时间仍可报送，记为迟报。")),
      h("div", { class: "hz-toolbar" }, open),
      openOut,
      h("h3", {}, "登录码"),
      h("p", { class: "hz-muted" }, "每个单位一个登录码。重新签发后，旧登录码和用它登录的设备都会失效。"),
      h("div", { class: "hz-toolbar" }, issue),
      codesOut,
    ),
  };
}
