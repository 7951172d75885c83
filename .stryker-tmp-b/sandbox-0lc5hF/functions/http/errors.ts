/**
 * Every error the API answers with: a stable English code, its HTTP status
 * and a Simplified-Chinese message that says what to do. Read errors of the
 * core (`templates/errors.ts`) and storage errors keep their own codes and
 * messages; this module only decides their status.
 */
// @ts-nocheck

import type { ReadErrorCode } from "../../templates/errors";
import type { StorageErrorCode } from "../storage/errors";

export type ApiErrorCode =
  | "AUTH_REQUIRED"
  | "AUTH_INVALID"
  | "AUTH_EXPIRED"
  | "AUTH_REVOKED"
  | "CODE_INVALID"
  | "TOO_MANY_ATTEMPTS"
  | "BAD_DEADLINE"
  | "WEBHOOK_INVALID"
  | "WEBHOOK_NOT_SET"
  | "WEBHOOK_FAILED"
  | "FORBIDDEN_UNIT"
  | "FORBIDDEN_ROLE"
  | "ROUTE_NOT_FOUND"
  | "BAD_JSON"
  | "BAD_REQUEST"
  | "BAD_PERIOD"
  | "BAD_LIBRARY"
  | "LIBRARY_NOT_FOUND"
  | "BAD_UNIT"
  | "BAD_VERSION"
  | "PERIOD_NOT_FOUND"
  | "PERIOD_NOT_OPEN"
  | "UNIT_NOT_FOUND"
  | "VERSION_NOT_FOUND"
  | "VERSION_SUPERSEDED"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "TOO_MANY_VERSIONS"
  | "REPORT_HAS_ERRORS"
  | "WARNINGS_UNEXPLAINED"
  | "UNIT_MISMATCH"
  | "REASON_REQUIRED"
  | "ROSTER_INVALID"
  | "BAD_YEAR"
  | "TARGETS_INVALID"
  | "TARGETS_NOT_FOUND"
  | "NOTHING_TO_MERGE"
  | "LINK_MISSING"
  | "LINK_INVALID"
  | "LINK_EXPIRED"
  | "FILE_GONE"
  | "REQUEST_TIMEOUT"
  | "SERVER_TIMEOUT"
  | "INTERNAL";

interface ErrorSpec {
  status: number;
  message: string;
}

const API_ERRORS: Record<ApiErrorCode, ErrorSpec> = {
  AUTH_REQUIRED: { status: 401, message: "未登录。请输入市科技局发给本单位的登录码。" },
  AUTH_INVALID: { status: 401, message: "登录已失效（登录信息不完整或已被更换）。请重新输入登录码。" },
  AUTH_EXPIRED: { status: 401, message: "登录已过期（超过 12 小时未使用）。请重新输入登录码。" },
  AUTH_REVOKED: { status: 401, message: "本单位的登录码已被市科技局更换或停用，原来的登录已失效。请向市科技局索取新的登录码。" },
  CODE_INVALID: { status: 401, message: "登录码不正确或已停用。请核对市科技局发的登录码（8 位字母和数字，不区分大小写）后重新输入。" },
  TOO_MANY_ATTEMPTS: { status: 429, message: "登录码输错次数过多，请稍后再试。如果忘记了登录码，请向市科技局索取。" },
  BAD_DEADLINE: { status: 400, message: "截止时间格式不正确，应为带时区的日期时间，例如 2025-12-31T17:00:00+08:00。" },
  WEBHOOK_INVALID: { status: 400, message: "群机器人地址不正确：应为 http(s) 开头的完整网址，类型为 wecom（企业微信）或 dingtalk（钉钉）。" },
  WEBHOOK_NOT_SET: { status: 409, message: "还没有设置群机器人地址，催报通知没有发送。可以复制催报文字手工发送。" },
  WEBHOOK_FAILED: { status: 502, message: "群机器人没有接收催报通知（地址可能已失效或网络不通）。请检查机器人地址，或复制催报文字手工发送。" },
  FORBIDDEN_UNIT: { status: 403, message: "无权操作该单位：只能上报和查看本单位（区县可查看和审核所辖乡镇）的报表。" },
  FORBIDDEN_ROLE: { status: 403, message: "当前账号无权执行此操作（需要区县或市科技局账号）。" },
  ROUTE_NOT_FOUND: { status: 404, message: "请求的地址不存在。请检查任务窗格的服务器地址设置。" },
  BAD_JSON: { status: 400, message: "请求内容不是有效的 JSON。" },
  BAD_REQUEST: { status: 400, message: "请求参数不正确。" },
  BAD_PERIOD: { status: 400, message: "报告期格式不正确，应为 2025-Y、2025-H1、2025-Q3 或 2025-M10 这样的形式。" },
  BAD_LIBRARY: { status: 400, message: "指标库不完整或有误，未采用。请用“huizong library --check 指标库.xlsx”检查，按列出的问题修改后重新设置。" },
  LIBRARY_NOT_FOUND: { status: 404, message: "服务器上没有这个指标库版本。请随报告期一并发送指标库，或先上报一份用该指标库生成的报表。" },
  BAD_UNIT: { status: 400, message: "单位代码格式不正确，应为 12 位统计用区划代码。" },
  BAD_VERSION: { status: 400, message: "版本号格式不正确。请刷新报送情况后重试。" },
  PERIOD_NOT_FOUND: { status: 404, message: "该报告期尚未设立。请联系市科技局开通本期报送。" },
  PERIOD_NOT_OPEN: { status: 409, message: "该报告期未开放报送（尚未开通或已截止）。如需补报，请联系市科技局。" },
  UNIT_NOT_FOUND: { status: 404, message: "报送单位名单中没有这个单位。请联系市科技局核对单位名单。" },
  VERSION_NOT_FOUND: { status: 404, message: "找不到该版本的报表。请刷新报送情况后重试。" },
  VERSION_SUPERSEDED: { status: 409, message: "该单位已重新上报了更新的版本，只能审核最新版本。请刷新报送情况后重试。" },
  PAYLOAD_TOO_LARGE: { status: 413, message: "上传的文件超过 5 MB。标准报表通常只有几十 KB，请不要在报表中插入图片或附件，另存后再上传。" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "请求内容的类型不正确：此接口只接受 JSON（Content-Type: application/json）。请使用任务窗格操作，或按接口说明发送。" },
  TOO_MANY_VERSIONS: { status: 429, message: "本单位在一小时内上报的版本过多，暂不接收新版本。请核对报表后稍后再上报；如确需多次上报，请联系市科技局。" },
  REPORT_HAS_ERRORS: { status: 422, message: "报表中有错误，未予接收。请按任务窗格列出的问题逐条修改后重新上报。" },
  WARNINGS_UNEXPLAINED: { status: 422, message: "报表中有警告需在备注中说明，未予接收。请核对这些数据；确认无误的，在该行“备注”中写明原因后重新上报。" },
  UNIT_MISMATCH: { status: 422, message: "报表封面上的统计用区划代码不是本单位的代码。请核对封面（封面!C6）后重新上报，不要用其他单位的报表上报。" },
  REASON_REQUIRED: { status: 400, message: "退回报表时必须填写退回原因（500 字以内），以便乡镇修改。" },
  ROSTER_INVALID: { status: 400, message: "报送单位名单有误，未保存。请按列出的问题修改。" },
  BAD_YEAR: { status: 400, message: "年度格式不正确，应为4位年份，如 2026。" },
  TARGETS_INVALID: { status: 400, message: "目标任务分解表有误，未保存。请按列出的问题（每处注明单元格）修改后重新上传。" },
  TARGETS_NOT_FOUND: { status: 404, message: "该年度还没有上传目标任务分解表。请先上传。" },
  NOTHING_TO_MERGE: { status: 409, message: "没有可汇总的报表（所辖单位尚无符合条件的报表）。可先审核通过，或选择汇总全部已上报的报表。" },
  LINK_MISSING: { status: 400, message: "下载链接不完整。请回到任务窗格重新点击下载。" },
  LINK_INVALID: { status: 403, message: "下载链接无效（可能被修改或复制不完整）。请回到任务窗格重新获取下载链接。" },
  LINK_EXPIRED: { status: 410, message: "下载链接已过期。请回到任务窗格重新获取下载链接。" },
  FILE_GONE: { status: 404, message: "要下载的文件已不存在。请回到任务窗格刷新后重试。" },
  REQUEST_TIMEOUT: { status: 408, message: "上传超时：文件没有在规定时间内传完（网络可能太慢或中断）。请检查网络后重新上报。" },
  SERVER_TIMEOUT: { status: 504, message: "服务器处理超时，操作可能未完成。请稍后刷新报送情况确认；如未成功请重试。" },
  INTERNAL: { status: 500, message: "服务器内部错误，操作未完成。请稍后重试；如持续出现，请联系市科技局。" },
};

/** Chinese message of an API error code. */
export function apiErrorMessage(code: ApiErrorCode): string {
  return API_ERRORS[code].message;
}

/** HTTP status of an API error code. */
export function apiErrorStatus(code: ApiErrorCode): number {
  return API_ERRORS[code].status;
}

/** Every API error code with its status and message (README table, tests). */
export function apiErrorTable(): Array<{ code: ApiErrorCode } & ErrorSpec> {
  return (Object.keys(API_ERRORS) as ApiErrorCode[]).map((code) => ({ code, ...API_ERRORS[code] }));
}

/**
 * Status of a read failure of the core: "this is not an xlsx" kinds are 415,
 * an oversized file 413, everything else (not the template, rows changed,
 * corrupt...) 422.
 */
export function readErrorStatus(code: ReadErrorCode): number {
  switch (code) {
    case "NOT_XLSX_XLS":
    case "NOT_XLSX_XLSB":
    case "NOT_XLSX_ODS":
    case "NOT_XLSX_XML2003":
    case "NOT_XLSX_HTML":
    case "NOT_XLSX_CSV":
    case "NOT_XLSX_UNKNOWN":
    case "NOT_OOXML":
    case "XLSM_MACROS":
    case "ENCRYPTED":
      return 415;
    case "FILE_TOO_LARGE":
      return 413;
    default:
      return 422;
  }
}

/** Status of a storage error (a bad key from request data is the caller's mistake). */
export function storageErrorStatus(code: StorageErrorCode): number {
  switch (code) {
    case "INVALID_KEY_INPUT":
      return 400;
    case "STORAGE_NOT_FOUND":
      return 404;
    case "STORAGE_CONFLICT":
      return 409;
    case "STORAGE_CORRUPT":
      return 500;
    case "STORAGE_UNAVAILABLE":
      return 503;
  }
}

/**
 * Thrown inside handlers to answer with an API error; the route wrapper
 * turns it into the JSON response. `extra` fields are merged into the body
 * (findings, details...).
 */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly extra: Record<string, unknown>;
  constructor(code: ApiErrorCode, extra: Record<string, unknown> = {}, message?: string) {
    super(message ?? API_ERRORS[code].message);
    this.code = code;
    this.status = API_ERRORS[code].status;
    this.extra = extra;
  }
}
