/**
 * 管理 (the city): the roster kept in Excel, periods opened with their deadline
 * (截止时间, in the bureau's zone) and closed when collection ends, and sign-in
 * codes: one unit's (a clerk lost it, or left) or everyone's.
 */
import type { CodesAnswer, PeriodInfo, RosterUnit } from "../../functions/http/wire";
import { PERIOD_SPANS } from "../../templates/period";
import { fill, h } from "../ui/dom";
import { messageBar } from "../ui/findings";
import { when, zonedToIso } from "../ui/words";
import { busy, showFailure, type Screen, type ScreenContext } from "./context";
import { rosterSection } from "./roster-section";

/** A button that asks once more, inline (Office webviews have no window.confirm), before `act`. */
function confirmed(out: HTMLElement, id: string, label: string, question: string, yesLabel: string, act: (yes: HTMLButtonElement) => Promise<void>): HTMLButtonElement {
  return h("button", {
    type: "button",
    class: "hz-btn",
    id,
    onclick: () => {
      const yes: HTMLButtonElement = h("button", { type: "button", class: "hz-btn hz-primary", id: `${id}-confirm`, onclick: () => busy(yes, () => act(yes)) }, yesLabel);
      fill(out, messageBar("warning", question), h("div", { class: "hz-toolbar" }, yes, h("button", { type: "button", class: "hz-btn", onclick: () => fill(out) }, "取消")));
    },
  }, label);
}

function codesTable(codes: CodesAnswer["codes"]): HTMLElement {
  return h(
    "table",
    { class: "hz-table", id: "hz-codes-table" },
    h("thead", {}, h("tr", {}, h("th", {}, "单位"), h("th", {}, "登录码"))),
    h("tbody", {}, ...codes.map((c) => h("tr", { dataset: { unit: c.unit } }, h("td", {}, c.name, h("small", {}, c.unit)), h("td", {}, h("code", {}, c.code))))),
  );
}

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
          showPeriods();
          fill(openOut, messageBar("success", `已开通 ${r.period.label}报送${r.period.deadline ? `，截止时间 ${when(r.period.deadline, tz)}` : "（未设截止时间）"}。`));
        }),
    },
    "开通报送",
  );

  const roster = rosterSection(ctx);
  const periodsOut = h("div", { id: "hz-periods-result", "aria-live": "polite" });
  const periodsList = h("div", { id: "hz-periods" });
  const showPeriods = () => {
    const tz = ctx.session.timeZone;
    const row = (p: PeriodInfo) => {
      const act = p.open
        ? confirmed(periodsOut, `hz-close-${p.id}`, "结束报送", `结束${p.label}报送后，各单位不能再上传；已报的报表仍可审核、汇总。确定结束吗？`, "确认结束", async () => {
            const r = await ctx.session.api().closePeriod(p.id);
            if (!r.ok) return showFailure(ctx, periodsOut, r);
            await ctx.session.loadPeriods();
            showPeriods();
            fill(periodsOut, messageBar("success", `${p.label}报送已结束。需要补报时可重新开通。`));
          })
        : null;
      return h(
        "tr",
        { dataset: { period: p.id } },
        h("td", {}, p.label),
        h("td", {}, p.open ? "收集中" : `已结束${p.closedAt ? `（${when(p.closedAt, tz)}）` : ""}`),
        h("td", {}, p.deadline ? when(p.deadline, tz) : "未设"),
        h("td", {}, act),
      );
    };
    fill(
      periodsList,
      ctx.session.periods.length
        ? h("table", { class: "hz-table" }, h("thead", {}, h("tr", {}, h("th", {}, "报告期"), h("th", {}, "状态"), h("th", {}, "截止时间"), h("th", {}, ""))), h("tbody", {}, ...ctx.session.periods.map(row)))
        : h("p", { class: "hz-muted" }, "还没有开通任何报告期。"),
    );
  };

  // Codes: one unit's (picked from the roster), or every unit's after a confirmation.
  const unitPick = h("select", { id: "hz-code-unit", "aria-label": "单位" });
  // Not the signed-in unit itself: a new code or a revocation for it ends this very session, and the
  // clerk would be told to ask the city (itself) for a code. The administrator's `huizong codes --unit` does that.
  const fillUnits = (units: readonly RosterUnit[]) => {
    const keep = unitPick.value;
    fill(unitPick, ...units.filter((u) => u.code !== ctx.session.me?.code).map((u) => h("option", { value: u.code }, `${u.name}（${u.code}）`)));
    if (units.some((u) => u.code === keep)) unitPick.value = keep;
  };
  const one: HTMLButtonElement = h(
    "button",
    {
      type: "button",
      class: "hz-btn hz-primary",
      id: "hz-code-one",
      onclick: () =>
        busy(one, async () => {
          const r = await ctx.session.api().codes([unitPick.value]);
          if (!r.ok) return showFailure(ctx, codesOut, r);
          fill(codesOut, messageBar("success", `已为${r.codes[0]?.name ?? ""}签发新登录码，原登录码已作废。`), codesTable(r.codes));
        }),
    },
    "签发该单位新登录码",
  );
  const revoke = confirmed(codesOut, "hz-code-revoke", "作废该单位登录码", "作废后，该单位的登录码和已登录的设备都不能再使用，直到重新签发。确定作废吗？", "确认作废", async () => {
    const name = unitPick.selectedOptions[0]?.textContent ?? unitPick.value;
    const r = await ctx.session.api().revokeCode(unitPick.value);
    if (!r.ok) return showFailure(ctx, codesOut, r);
    fill(codesOut, messageBar("success", `${name}的登录码已作废。`));
  });
  const all = confirmed(codesOut, "hz-issue-codes", "为全部单位签发新登录码", "全部单位的原登录码都会作废，各单位需要用新登录码重新登录；本单位也在其中，签发后本页面要用新的本单位登录码重新登录。确定签发吗？", "确认签发", async () => {
    const r = await ctx.session.api().codes();
    if (!r.ok) return showFailure(ctx, codesOut, r);
    fill(codesOut, messageBar("success", `已为 ${r.codes.length} 个单位签发新登录码，原登录码已作废。请打印或抄送各单位。`), codesTable(r.codes));
  });

  const show = async () => {
    showPeriods();
    await roster.refresh();
    const r = await ctx.session.api().roster();
    if (r.ok) fillUnits(r.units);
  };

  return {
    id: "manage",
    label: "管理",
    show: () => void show(),
    panel: h(
      "section",
      {},
      roster.section,
      h("h3", {}, "开通报告期"),
      h("div", { class: "hz-toolbar" }, h("label", { class: "hz-field" }, h("span", {}, "年度"), year), h("label", { class: "hz-field hz-grow" }, h("span", {}, "报告期"), span)),
      h("label", { class: "hz-field" }, h("span", {}, "截止时间"), deadline, h("small", {}, "按本地时间（北京时间）填写；过了截止时间仍可报送，记为迟报。")),
      h("div", { class: "hz-toolbar" }, open),
      openOut,
      h("h3", {}, "报告期"),
      periodsList,
      periodsOut,
      h("h3", {}, "登录码"),
      h("p", { class: "hz-muted" }, "每个单位一个登录码。单位遗失登录码或更换填报人时，只为该单位重新签发；重新签发或作废后，旧登录码和用它登录的设备都会失效。"),
      h("label", { class: "hz-field" }, h("span", {}, "单位"), unitPick),
      h("div", { class: "hz-toolbar" }, one, revoke, all),
      codesOut,
    ),
  };
}
