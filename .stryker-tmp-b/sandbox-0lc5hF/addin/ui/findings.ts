/**
 * The findings list: grouped by severity with counts; each item names its cell
 * and is clickable, and says under "这条规则是什么" what its rule checks (the rule table's name and explanation).
 */
// @ts-nocheck

import type { Finding } from "../../templates/findings";
import { rule, ruleHelp } from "../../templates/rules/index";
import { h, type Child } from "./dom";

/** The rule's name and its paragraph from the rule table, folded under the finding. */
function ruleNote(f: Finding): HTMLElement {
  return h("details", { class: "hz-rule", dataset: { rule: f.rule } }, h("summary", {}, `这条规则是什么：${rule(f.rule).name}`), h("p", {}, ruleHelp(f.rule)));
}

const GROUPS = [
  { severity: "error", title: "错误", hint: "必须修改后才能上传" },
  { severity: "warning", title: "警告", hint: "请核对；确认无误的，在该行“备注”中写明原因" },
] as const;

/** Render findings; `onPick` runs when the clerk clicks one. */
export function renderFindings(findings: readonly Finding[], onPick: (f: Finding, item: HTMLElement) => void): HTMLElement {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  const summary = h(
    "div",
    { class: `hz-summary ${errors ? "is-error" : warnings ? "is-warning" : "is-ok"}`, role: "status" },
    errors || warnings
      ? h("span", {}, errors ? h("strong", {}, `${errors} 处错误`) : null, errors && warnings ? "，" : null, warnings ? h("strong", {}, `${warnings} 处警告`) : null, errors ? "。点击一项可跳到对应单元格。" : "。")
      : "报表检查通过，没有发现问题，可以上传。",
  );
  const groups: Child[] = GROUPS.map((g) => {
    const items = findings.filter((f) => f.severity === g.severity);
    if (!items.length) return null;
    return h(
      "section",
      { class: `hz-group hz-group-${g.severity}` },
      h("h3", {}, h("span", { class: `hz-dot hz-dot-${g.severity}`, "aria-hidden": "true" }), `${g.title}（${items.length}）`, h("small", {}, g.hint)),
      h(
        "ul",
        { class: "hz-findings" },
        ...items.map((f) => {
          const item: HTMLElement = h(
            "li",
            {},
            h(
              "button",
              {
                class: "hz-finding",
                type: "button",
                dataset: { sheet: f.sheet, cell: f.cell, rule: f.rule },
                title: `转到 ${f.sheet}!${f.cell}`,
                onclick: () => onPick(f, item),
              },
              h("span", { class: "hz-cell" }, `${f.sheet}!${f.cell}`),
              f.explained ? h("span", { class: "hz-badge" }, "已说明") : null,
              h("span", { class: "hz-msg" }, f.message),
            ),
            ruleNote(f),
          );
          return item;
        }),
      ),
    );
  });
  return h("div", { class: "hz-result" }, summary, ...groups);
}

/**
 * A read failure or any problem as a message bar (Office's MessageBar look). `code` (the stable English
 * code) is shown only under a 详情 toggle; `note` is a second Chinese line.
 */
export function messageBar(kind: "error" | "warning" | "success" | "info", text: string, code?: string, note?: string): HTMLElement {
  return h(
    "div",
    { class: `hz-bar hz-bar-${kind}`, role: kind === "error" ? "alert" : "status" },
    h("span", {}, text),
    note ? h("small", {}, note) : null,
    code ? h("details", { class: "hz-details" }, h("summary", {}, "详情"), h("code", {}, code)) : null,
  );
}
