/**
 * One unit's report as the reviewer reads it: state and versions, what changed
 * against another version (figures by how much, narrative sections), warnings
 * with the clerk's 备注, every figure with 本期 / 上年同期 / 增减 and what the unit
 * reported last year; 下载原件, 通过, 退回 (reason required). A review of a version
 * that is no longer the latest comes back 409 VERSION_SUPERSEDED: said plainly, with a reload.
 */
// @ts-nocheck

import type { ReportDetail, StatusRow, VersionSummary } from "../../functions/http/wire";
import { fill, h } from "../ui/dom";
import { messageBar } from "../ui/findings";
import { num, pct, signed, STATE_LABEL, when } from "../ui/words";
import { busy, showFailure, type ScreenContext } from "./context";

export interface ReviewView {
  el: HTMLElement;
}

/** Open the review of `row` in `into`; `back` returns to the list, `changed` after a review. */
export async function openReview(ctx: ScreenContext, into: HTMLElement, period: string, row: StatusRow, back: () => void, changed: () => void): Promise<void> {
  const api = ctx.session.api();
  const tz = ctx.session.timeZone;
  const head = h("div", { class: "hz-review-head" });
  const out = h("div", { id: "hz-review-result", "aria-live": "polite" });
  const body = h("div", { id: "hz-review-body" });
  const pickA = h("select", { id: "hz-version", "aria-label": "查看版本" });
  const pickB = h("select", { id: "hz-compare", "aria-label": "对比版本" });
  fill(
    into,
    h("div", { class: "hz-review", id: "hz-review", dataset: { unit: row.code } }, h("button", { type: "button", class: "hz-link", id: "hz-review-back", onclick: back }, "‹ 返回列表"), head, out, body),
  );

  const vr = await api.versions(period, row.code);
  if (!vr.ok) return showFailure(ctx, out, vr);
  const versions = vr.versions;
  const latest = versions[versions.length - 1];
  if (!latest) return fill(out, messageBar("info", `${row.name}本期还没有上报。`));
  fill(pickA, ...[...versions].reverse().map((v) => h("option", { value: v.version }, `第 ${v.seq} 版 ${when(v.submittedAt, tz)}`)));
  fill(pickB, h("option", { value: "" }, "不对比"), ...[...versions].reverse().map((v) => h("option", { value: v.version }, `第 ${v.seq} 版`)));
  pickA.value = latest.version;
  pickB.value = versions.length > 1 ? versions[versions.length - 2]!.version : "";
  pickA.addEventListener("change", () => void show());
  pickB.addEventListener("change", () => void show());

  const reason = h("textarea", { id: "hz-reason", rows: 3, maxlength: 500, placeholder: "退回原因（必填），例如：专利申请数与台账不符，请核实", "aria-label": "退回原因" });
  const acceptBtn: HTMLButtonElement = h("button", { type: "button", class: "hz-btn hz-primary", id: "hz-accept", onclick: () => busy(acceptBtn, () => decide("accept")) }, "通过");
  const returnBtn: HTMLButtonElement = h("button", { type: "button", class: "hz-btn hz-danger", id: "hz-return", onclick: () => busy(returnBtn, () => decide("return")) }, "退回");
  const download: HTMLButtonElement = h(
    "button",
    {
      type: "button",
      class: "hz-btn",
      id: "hz-download",
      onclick: () =>
        busy(download, async () => {
          const r = await api.link(period, row.code, pickA.value);
          if (!r.ok) return showFailure(ctx, out, r);
          ctx.openUrl(api.url(r.url));
        }),
    },
    "下载原件",
  );

  async function decide(action: "accept" | "return"): Promise<void> {
    const text = reason.value.trim();
    if (action === "return" && !text) {
      fill(out, messageBar("warning", "退回时必须填写退回原因，以便乡镇修改。"));
      reason.focus();
      return;
    }
    const r = await ctx.session.api().review(period, row.code, pickA.value, action, text);
    if (!r.ok) {
      const reload = r.code === "VERSION_SUPERSEDED" ? h("button", { type: "button", class: "hz-btn", onclick: () => void openReview(ctx, into, period, row, back, changed) }, "查看最新版本") : null;
      return showFailure(ctx, out, r, reload);
    }
    reason.value = "";
    fill(out, messageBar("success", action === "accept" ? `已通过${row.name}的第 ${latest!.seq} 版报表。` : `已退回${row.name}的报表，退回原因已告知该单位。`));
    changed();
    await show(false);
  }

  function header(v: VersionSummary, d: ReportDetail): void {
    fill(
      head,
      h("h2", {}, row.name, h("span", { class: `hz-state hz-state-${v.state}` }, STATE_LABEL[v.state]), v.late ? h("span", { class: "hz-tag hz-tag-late" }, "迟报") : null),
      h("p", { class: "hz-muted" }, `第 ${v.seq} 版，${when(v.submittedAt, tz)} 上报；填报人 ${d.preparer || "—"}，电话 ${d.phone || "—"}`),
      v.review ? h("p", { class: "hz-muted" }, `${v.review.action === "return" ? "已退回" : "已通过"}：${v.review.by.name}，${when(v.review.at, tz)}${v.review.reason ? `，原因：${v.review.reason}` : ""}`) : null,
      h("div", { class: "hz-toolbar" }, h("label", { class: "hz-field hz-grow" }, h("span", {}, "查看版本"), pickA), h("label", { class: "hz-field hz-grow" }, h("span", {}, "对比版本"), pickB)),
    );
  }

  async function show(clear = true): Promise<void> {
    if (clear) fill(out);
    const r = await ctx.session.api().detail(period, row.code, pickA.value, pickB.value && pickB.value !== pickA.value ? pickB.value : undefined);
    if (!r.ok) return showFailure(ctx, out, r);
    const fresh = await ctx.session.api().versions(period, row.code);
    const list = fresh.ok ? fresh.versions : versions;
    const v = list.find((x) => x.version === pickA.value) ?? latest!;
    const isLatest = list[list.length - 1]?.version === v.version;
    const d = r.detail;
    header(v, d);
    const canDecide = isLatest && !v.review;
    const comparedSeq = d.compared ? list.find((x) => x.version === d.compared)?.seq : null;
    const changedRows = d.figures.filter((f) => d.changedFigures.includes(f.code));
    const changedText = d.narrative.filter((n) => n.changed);
    fill(
      body,
      h(
        "div",
        { class: "hz-toolbar" },
        download,
        canDecide ? acceptBtn : null,
      ),
      canDecide ? h("div", { class: "hz-return-box" }, reason, returnBtn) : h("p", { class: "hz-muted" }, isLatest ? "该版本已审核。" : "这不是最新版本，只能审核最新版本。"),
      d.compared
        ? h(
            "section",
            { class: "hz-diff", id: "hz-diff" },
            h("h3", {}, `与第 ${comparedSeq} 版相比`),
            changedRows.length || changedText.length
              ? h(
                  "ul",
                  {},
                  ...changedRows.map((f) => h("li", { dataset: { code: f.code } }, `${f.name}：${num(f.before)} → ${num(f.current)}（${signed(f.delta)}${f.unit === "%" ? "" : f.unit}）`)),
                  ...changedText.map((n) => h("li", { dataset: { section: n.key } }, `文字材料“${n.title}”有修改`)),
                )
              : h("p", { class: "hz-muted" }, "数据和文字材料都没有变化。"),
          )
        : null,
      d.warnings.length
        ? h(
            "section",
            { class: "hz-warnings" },
            h("h3", {}, `警告及说明（${d.warnings.length}）`),
            h("ul", {}, ...d.warnings.map((w) => h("li", {}, h("span", { class: "hz-cell" }, w.cell), h("span", {}, w.message), h("small", { class: "hz-note" }, `备注说明：${w.note ?? "（无）"}`)))),
          )
        : h("p", { class: "hz-muted" }, "没有警告。"),
      h("h3", {}, "指标数据"),
      h(
        "table",
        { class: "hz-table hz-figures" },
        h("thead", {}, h("tr", {}, h("th", {}, "指标"), h("th", {}, "本期"), h("th", {}, "上年同期"), h("th", {}, "增减"))),
        h(
          "tbody",
          {},
          ...d.figures.map((f) =>
            h(
              "tr",
              { dataset: { code: f.code }, class: d.changedFigures.includes(f.code) ? "is-changed" : "" },
              h("td", {}, f.name, h("small", {}, f.unit), f.lastYearReported !== null ? h("small", {}, `去年报送 ${num(f.lastYearReported)}`) : null, f.note ? h("small", { class: "hz-note" }, `备注：${f.note}`) : null),
              h("td", {}, num(f.current)),
              h("td", {}, num(f.prior)),
              h("td", {}, pct(f.growth)),
            ),
          ),
        ),
      ),
      h("h3", {}, "文字材料"),
      ...d.narrative.map((n) => h("section", { class: "hz-narrative" }, h("h4", {}, n.title, n.changed ? h("span", { class: "hz-tag" }, "有修改") : null), h("p", {}, n.text))),
    );
  }
  await show();
}
