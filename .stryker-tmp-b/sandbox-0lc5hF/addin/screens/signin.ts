/** 登录: type the sign-in code the city gave the unit; the session is then kept on this computer and refreshed while in use. */
// @ts-nocheck

import { fill, h } from "../ui/dom";
import { messageBar } from "../ui/findings";
import { ROLE_LABEL } from "../ui/words";
import { busy, showFailure, type Screen, type ScreenContext } from "./context";

export function signinScreen(ctx: ScreenContext): Screen {
  const { session } = ctx;
  const out = h("div", { id: "hz-settings-result", "aria-live": "polite" });
  const code = h("input", { type: "text", id: "hz-code", placeholder: "例如 K7QM-4TXB", autocomplete: "one-time-code", spellcheck: "false", maxlength: 20, "aria-label": "登录码" });
  const server = h("input", { type: "url", id: "hz-server", value: session.settings.get().server, placeholder: "留空即使用本页面所在的服务器", autocomplete: "url", spellcheck: "false" });
  const signedIn = h("div", { id: "hz-signed-in" });

  const save: HTMLButtonElement = h(
    "button",
    {
      type: "button",
      class: "hz-btn hz-primary",
      id: "hz-save",
      onclick: () =>
        busy(save, async () => {
          if (!code.value.trim()) return fill(out, messageBar("warning", "请输入登录码（8 位字母和数字）。"));
          fill(out, messageBar("info", "正在登录…"));
          const f = await session.signInWithCode(code.value, server.value);
          if (f) return showFailure(ctx, out, f);
          code.value = "";
          const me = session.me!;
          fill(out, messageBar("success", `已登录：${me.name}（${ROLE_LABEL[me.role]}）。`, undefined, "本机会保持登录；连续 12 小时不使用需重新输入登录码。"));
        }),
    },
    "登录",
  );
  code.addEventListener("keydown", (e) => {
    if (e.key === "Enter") save.click();
  });
  const signOut = h(
    "button",
    {
      type: "button",
      class: "hz-btn",
      id: "hz-signout",
      onclick: () => {
        session.signOut();
        fill(out, messageBar("info", "已退出登录。本机不再保存登录信息。"));
      },
    },
    "退出登录",
  );
  const render = () => {
    const me = session.me;
    fill(signedIn, me ? h("p", { class: "hz-muted" }, `当前登录：${me.name}（${ROLE_LABEL[me.role]}，代码 ${me.code}）`) : null);
    signOut.hidden = !me;
  };
  session.onChange(render);
  render();
  return {
    id: "settings",
    label: "登录",
    panel: h(
      "section",
      {},
      signedIn,
      h("label", { class: "hz-field" }, h("span", {}, "登录码"), code, h("small", {}, "由市科技局（或区县）发给本单位，不区分大小写。")),
      h("details", { class: "hz-advanced" }, h("summary", {}, "服务器地址（一般不用填写）"), h("label", { class: "hz-field" }, h("span", {}, "服务器地址"), server)),
      h("div", { class: "hz-toolbar" }, save, signOut),
      out,
    ),
  };
}
