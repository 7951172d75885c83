/** A few lines of DOM building instead of a framework (what Excel loads stays small). */
// @ts-nocheck


export type Child = Node | string | number | null | undefined | false;
type Props = Record<string, unknown>;

/**
 * Create an element: `h("button", { class: "hz-btn", onclick: fn, "aria-label": "…" }, "文字")`.
 * Keys starting with "on" become listeners, `class`/`text`/`value`/`disabled`/`checked`/`hidden`
 * set properties, `dataset` sets data-*, everything else is an attribute.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v as EventListener);
    else if (k === "class") el.className = String(v);
    else if (k === "text") el.textContent = String(v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k === "value" || k === "disabled" || k === "checked" || k === "hidden" || k === "selected") (el as unknown as Record<string, unknown>)[k] = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "number" ? String(c) : c);
  }
}

/** Replace an element's children. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}
