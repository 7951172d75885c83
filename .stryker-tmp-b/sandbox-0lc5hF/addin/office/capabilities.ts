/**
 * What this Excel can do beyond the manifest's minimum (ExcelApi 1.1, all that Excel 2016
 * perpetual/volume installs have: read the cells, jump to one), asked of
 * Office.context.requirements.isSetSupported — never by probing for a function,
 * which can exist and still fail on a host that does not support its set.
 *
 * | capability        | requirement set            | without it                                   |
 * |-------------------|----------------------------|----------------------------------------------|
 * | markCells         | ExcelApi 1.6               | findings are listed and jumped to, not coloured in the sheet |
 * | insertSheets      | ExcelApi 1.13              | 新建模板 opens the template as a new workbook |
 * | newWorkbook       | ExcelApi 1.8               | 新建模板 downloads the template               |
 * | compressedFile    | CompressedFile 1.1         | 上传 sends a report built from the values read |
 * | openBrowserWindow | OpenBrowserWindowApi 1.1   | window.open                                  |
 */
// @ts-nocheck


/** The slice of Office.context.requirements used here (a mock in tests). */
export interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export interface Capabilities {
  /** Colour the cells of findings (conditional formats, 1.6; sheet protection around them, 1.2). */
  markCells: boolean;
  insertSheets: boolean;
  newWorkbook: boolean;
  compressedFile: boolean;
  openBrowserWindow: boolean;
}

export function capabilities(req: Requirements | undefined | null): Capabilities {
  const has = (name: string, version: string): boolean => {
    try {
      return !!req && req.isSetSupported(name, version) === true;
    } catch {
      return false;
    }
  };
  return {
    markCells: has("ExcelApi", "1.6"),
    insertSheets: has("ExcelApi", "1.13"),
    newWorkbook: has("ExcelApi", "1.8"),
    compressedFile: has("CompressedFile", "1.1"),
    openBrowserWindow: has("OpenBrowserWindowApi", "1.1"),
  };
}
