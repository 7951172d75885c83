/** 催报 (county and city): who still owes the report, the contact they gave last, a ready text to copy (one or all), and the optional push to the group robot. */
// @ts-nocheck

import { fill, h } from "../ui/dom";
import { messageBar } from "../ui/findings";
import { copyText, deadlineText } from "../ui/words";
import { busy, fillPeriods, periodSelect, showFailure, type Screen, type ScreenContext } from "./context";

export function remindersScreen(ctx: ScreenContext): Screen {
  const period = periodSelect(ctx, "hz-reminders-period", () => void load());
  const out = h("div", { id: "hz-reminders", "aria-live": "polite" });
  const note = h("div", { id: "hz-reminders-result", "aria-live": "polite" });

  const copied = async (text: string, what: string) =>
    fill(note, (await copyText(text)) ? messageBar("success", `已复制${what}，可以粘贴到微信、短信或工作群。`) : messageBar("warning", "无法自动复制，请选中文字后按 Ctrl+C 复制。"));

  async function load(): Promise<void> {
    const p = fillPeriods(ctx, period);
    if (!p) return fill(out, messageBar("info", "还没有任何报告期。"));
    const me = ctx.session.me;
    const parent = me?.role === "county" ? me.code : undefined;
    const api = ctx.session.api();
    const r = await api.reminders(p, parent);
    if (!r.ok) return showFailure(ctx, out, r);
    fill(note);
    const dl = deadlineText(r.period.deadline, new Date(), ctx.session.timeZone);
    if (r.reminders.length === 0) return fill(out, dl ? h("p", { class: "hz-muted" }, dl.text) : null, messageBar("success", "所有单位都已报送，没有需要催报的单位。"));
    const all = r.reminders.map((x) => x.text).join("\n");
    const send: HTMLButtonElement | null = r.webhook
      ? h(
          "button",
          {
            type: "button",
            class: "hz-btn",
            id: "hz-reminders-send",
            onclick: () =>
              busy(send!, async () => {
                const s = await ctx.session.api().sendReminders(p, parent);
                if (!s.ok) return showFailure(ctx, note, s);
                fill(note, messageBar("success", `已把 ${s.sent} 条催报通知发到工作群。`));
              }),
          },
          "发送到工作群",
        )
      : null;
    fill(
      out,
      dl ? h("p", { class: `hz-deadline${dl.past ? " is-past" : ""}` }, dl.text) : null,
      h("p", { class: "hz-status-summary" }, h("strong", {}, `需催报 ${r.reminders.length} 个单位`), `　其中逾期 ${r.reminders.filter((x) => x.overdue).length}`),
      h("div", { class: "hz-toolbar" }, h("button", { type: "button", class: "hz-btn hz-primary", id: "hz-copy-all", onclick: () => void copied(all, `全部 ${r.reminders.length} 条催报文字`) }, "复制全部"), send),
      h(
        "ul",
        { class: "hz-reminders" },
        ...r.reminders.map((x) =>
          h(
            "li",
            { dataset: { unit: x.code, state: x.state } },
            h(
              "div",
              { class: "hz-reminder-head" },
              h("strong", {}, x.name),
              h("span", { class: `hz-state hz-state-${x.state}` }, x.state === "returned" ? "已退回" : "未报送"),
              x.overdue ? h("span", { class: "hz-tag hz-tag-overdue" }, x.daysOverdue ? `逾期${x.daysOverdue}天` : "逾期") : null,
            ),
            h("small", {}, x.contact || x.phone ? `联系人 ${x.contact ?? "—"}　电话 ${x.phone ?? "—"}${x.contactFrom === "roster" ? "（名单）" : ""}` : "没有联系人信息"),
            h("p", { class: "hz-reminder-text" }, x.text),
            h("button", { type: "button", class: "hz-btn hz-copy", onclick: () => void copied(x.text, `${x.name}的催报文字`) }, "复制"),
          ),
        ),
      ),
    );
  }

  return {
    id: "reminders",
    label: "催报",
    panel: h("section", {}, h("label", { class: "hz-field" }, h("span", {}, "报告期"), period), note, out),
    show: () => void load(),
  };
}
