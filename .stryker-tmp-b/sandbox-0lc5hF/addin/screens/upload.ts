/** 上传: check again, then send the whole workbook to the unit's report route with a progress bar. */
// @ts-nocheck

import { hasErrors, unexplainedWarnings } from "../../templates/findings";
import { fill, h } from "../ui/dom";
import { messageBar, renderFindings } from "../ui/findings";
import { needsNoteSentence, renderUnexplained } from "../ui/unexplained";
import { STATE_LABEL } from "../ui/words";
import type { CheckScreen } from "./check";
import { explainThrown } from "./check";
import { busy, fillPeriods, periodSelect, showFailure, type Screen, type ScreenContext } from "./context";

/** `uploaded` runs after the server took a version (the shell then refreshes the town's state and banner). */
export function uploadScreen(ctx: ScreenContext, checker: CheckScreen, uploaded: () => void = () => undefined): Screen {
  const period = periodSelect(ctx, "hz-upload-period", () => undefined);
  const out = h("div", { id: "hz-upload-result", "aria-live": "polite" });
  const progress = h("progress", { id: "hz-progress", max: 100, value: 0, hidden: true });
  const progressText = h("span", { class: "hz-progress-text" });
  const setProgress = (fraction: number | null, text = "") => {
    progress.hidden = fraction === null;
    progress.value = Math.round((fraction ?? 0) * 100);
    progressText.textContent = text;
  };

  async function upload(): Promise<void> {
    fill(out);
    const unit = ctx.session.me;
    if (!unit) return showFailure(ctx, out, { ok: false, status: 401, code: "NO_TOKEN", message: "还没有登录。请在“登录”中输入市科技局发给本单位的登录码。" });
    if (!period.value) return fill(out, messageBar("warning", "目前没有正在收集的报告期，无法上传。请与上级确认报送时间。"));
    setProgress(0, "正在检查…");
    const findings = await checker.check(period.value);
    if (findings === null || hasErrors(findings)) {
      setProgress(null);
      const n = findings?.filter((f) => f.severity === "error").length ?? 0;
      return fill(out, messageBar("error", findings === null ? "报表无法读取，没有上传。请先在“检查”中查看原因。" : `报表还有 ${n} 处错误，没有上传。请在“检查”中逐项修改后再上传。`));
    }
    const unexplained = unexplainedWarnings(findings);
    if (unexplained.length) {
      setProgress(null);
      return fill(out, messageBar("warning", `没有上传：${needsNoteSentence(unexplained.length)}`), renderUnexplained(findings, (t, item) => void checker.pick(t, item)));
    }
    let bytes: Uint8Array | null;
    try {
      setProgress(0.02, "正在读取工作簿…");
      bytes = await ctx.source.getBytes((p) => setProgress(0.02 + p * 0.28, "正在读取工作簿…"));
    } catch (e) {
      setProgress(null);
      return fill(out, messageBar("error", explainThrown(e, "读取整个工作簿")));
    }
    if (!bytes) {
      setProgress(null);
      return fill(out, messageBar("info", "请先在“检查”中选择要上传的报表文件。"));
    }
    const res = await ctx.session.api().submit(period.value, unit.code, bytes, (sent, total) => setProgress(0.3 + (total ? sent / total : 0) * 0.7, `正在上传… ${Math.round(sent / 1024)} KB`));
    setProgress(null);
    if (!res.ok) return showFailure(ctx, out, res, res.findings?.length ? renderFindings(res.findings, (x, item) => void checker.pick(x, item)) : null);
    uploaded();
    const label = ctx.session.periods.find((p) => p.id === period.value)?.label ?? period.value;
    const warnings = res.findings.filter((f) => f.severity === "warning");
    fill(
      out,
      messageBar(
        "success",
        `上传成功：${unit.name} ${label}报表，状态：${STATE_LABEL[res.state]}。`,
        undefined,
        `${res.late ? "已过截止时间，记为迟报。" : ""}${ctx.source.bytesNote ?? ""}${warnings.length ? `附带 ${warnings.length} 条已说明的警告，审核时会看到。` : ""}第 ${res.seq} 版`,
      ),
      warnings.length ? renderFindings(warnings, (x, item) => void checker.pick(x, item)) : null,
    );
  }

  const btn: HTMLButtonElement = h("button", { type: "button", class: "hz-btn hz-primary", id: "hz-upload", onclick: () => busy(btn, upload) }, "上传报表");
  return {
    id: "upload",
    label: "上传",
    panel: h("section", {}, h("p", { class: "hz-muted" }, ctx.source.uploadHint), h("label", { class: "hz-field" }, h("span", {}, "报告期"), period), h("div", { class: "hz-toolbar" }, btn), h("div", { class: "hz-progress" }, progress, progressText), out),
    show: () => {
      fillPeriods(ctx, period, true);
      const cover = checker.coverPeriod;
      if (cover && [...period.options].some((o) => o.value === cover)) period.value = cover;
    },
  };
}
