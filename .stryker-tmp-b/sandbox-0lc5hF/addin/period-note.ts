/**
 * Which period a check compared the cover against — said every time, so a
 * clerk who checks signed out is not surprised by PERIOD_MISMATCH on upload.
 * The open periods come from GET /api/periods, which needs a token: signed
 * out, the pane can only check that the cover's period is a valid one.
 */
// @ts-nocheck

import type { Period } from "../templates/period";

export function periodNote(expected: { label: string } | null, cover: Period | null, signedIn: boolean): string {
  if (expected && cover) return `已按本次收集的报告期“${expected.label}”核对封面的统计年度和报告期。`;
  if (!cover) return "未能核对报告期：封面的统计年度或报告期没有填好（见上面的问题）。";
  if (!signedIn) {
    return `未登录，无法得知本次收集的报告期，只核对了封面的“${cover.label}”是否有效。上传时服务器还会核对它是不是本次收集的报告期；请在“登录”中输入登录码后再检查一次。`;
  }
  return `目前没有正在收集的报告期，只核对了封面的“${cover.label}”是否有效。请与上级确认报送时间。`;
}
