/**
 * The standalone page's source: a file the clerk picked or dropped, read in the
 * browser by the same xlsx reader the server uses. Loaded only outside Office
 * (a separate chunk), so Excel never downloads the xlsx reader.
 */
import type { Grid } from "../templates/grid";
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

  setFile(name: string, bytes: Uint8Array): void {
    this.fileName = name;
    this.bytes = bytes;
    this.grid = null;
  }

  async readGrid() {
    if (!this.bytes) return null;
    const r = readXlsxGrid(this.bytes, { sheets: TEMPLATE_SHEETS });
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
    onProgress(1);
    return this.bytes;
  }

  async newTemplate(api: ApiClient): Promise<string> {
    this.openUrl(api.url("/api/template"));
    return "已开始下载空白标准模板。请用 Excel 或 WPS 打开填写，保存为 .xlsx 后拖到上面检查。";
  }
}
