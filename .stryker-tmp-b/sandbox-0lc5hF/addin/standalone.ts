/**
 * The standalone page's source: a file the clerk picked or dropped, read in the
 * browser by the same xlsx reader the server uses. Loaded only outside Office
 * (a separate chunk), so Excel never downloads the xlsx reader.
 */
// @ts-nocheck

import { readFailure, type ReadFailure } from "../templates/errors";
import type { Grid } from "../templates/grid";
import { formatDateTime } from "../templates/time";
import { TEMPLATE_SHEETS } from "../templates/read";
import { readXlsxGrid } from "../templates/xlsx/index";
import type { ApiClient } from "./api";
import type { CellTarget, FilePicker, WorkbookSource } from "./source";

export class FileSource implements WorkbookSource, FilePicker {
  readonly kind = "file" as const;
  readonly canMark = false;
  readonly modeLabel = "网页版";
  readonly newTemplateLabel = "下载空白模板";
  readonly checkHint = "把报表文件拖到上面，或点击选择文件。文件只在本机检查，点“上传”才会发送。";
  readonly uploadHint = "上传前请先在“检查”中选择文件并确认没有错误。";
  get picker(): FilePicker {
    return this;
  }
  fileName: string | null = null;
  grid: Grid | null = null;
  onReveal?: (target: CellTarget) => void;
  private bytes: Uint8Array | null = null;

  constructor(private readonly openUrl: (url: string) => void) {}

  private file: PickedFile | null = null;
  /** Name, size and modified time of the copy last read, for the clerk to see which copy was checked. */
  fileInfo: string | null = null;

  setFile(name: string, bytes: Uint8Array, file?: PickedFile): void {
    this.fileName = name;
    this.bytes = bytes;
    this.file = file ?? null;
    this.grid = null;
    if (file) this.fileInfo = describeFile(file);
  }

  /**
   * The file's bytes as they are on disk now: re-read on every 检查 and 上传, so
   * a copy fixed after picking is what gets checked and sent. A browser that
   * refuses to read a picked file changed on disk (Chromium: NotReadableError)
   * gets a sentence asking for the file again — never the old bytes.
   */
  private async fresh(): Promise<Uint8Array | ReadFailure | null> {
    if (!this.file) return this.bytes;
    try {
      this.bytes = new Uint8Array(await this.file.arrayBuffer());
      this.fileInfo = describeFile(this.file);
      return this.bytes;
    } catch {
      this.bytes = null;
      this.grid = null;
      const name = this.fileName ?? "";
      this.file = null;
      this.fileName = null;
      this.fileInfo = null;
      return readFailure("FILE_CHANGED", name);
    }
  }

  async readGrid() {
    const bytes = await this.fresh();
    if (bytes === null || !(bytes instanceof Uint8Array)) return bytes;
    const r = readXlsxGrid(bytes, { sheets: TEMPLATE_SHEETS });
    this.grid = r.ok ? r.grid : null;
    return r.ok ? r.grid : r;
  }

  async reveal(target: CellTarget): Promise<void> {
    this.onReveal?.(target);
  }

  /** The preview always tints the offending cells; nothing to add or remove. */
  async setMarks(): Promise<string | null> {
    return null;
  }

  async getBytes(onProgress: (fraction: number) => void): Promise<Uint8Array | null> {
    const bytes = await this.fresh();
    onProgress(1);
    return bytes instanceof Uint8Array ? bytes : null;
  }

  async newTemplate(api: ApiClient, forUnit?: { period: string; unit: string }): Promise<string> {
    // Signed in: the unit's template for the period, fetched with the token and saved from memory (a link carries no token).
    if (forUnit && typeof document !== "undefined") {
      const t = await api.template(forUnit);
      if (!t.ok) return t.message;
      const a = document.createElement("a");
      a.href = URL.createObjectURL(new Blob([t.bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
      a.download = `科技工作情况统计报表（${forUnit.period}）.xlsx`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
      return "已开始下载本单位本期的报表：封面、上年同期和市下达的全年目标已填好。请用 Excel 或 WPS 打开填写，保存为 .xlsx 后拖到上面检查。";
    }
    this.openUrl(api.url("/api/template"));
    return "已开始下载空白标准模板。请用 Excel 或 WPS 打开填写，保存为 .xlsx 后拖到上面检查。";
  }
}

/** What the page keeps of a picked file (a DOM File). */
export interface PickedFile {
  name: string;
  size: number;
  lastModified: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** "报表.xlsx，37 KB，修改于 2026年12月2日 12:45" — which copy is being checked. */
export function describeFile(f: PickedFile): string {
  const kb = Math.max(1, Math.round(f.size / 1024));
  const modified = f.lastModified ? `，修改于 ${formatDateTime(new Date(f.lastModified))}` : "";
  return `${f.name}，${kb} KB${modified}`;
}
