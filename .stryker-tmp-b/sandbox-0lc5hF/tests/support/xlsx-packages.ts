/**
 * Small .xlsx packages written by hand for the reader's tests (readXlsxGrid on exactly
 * the parts a case needs), and the reader's answer in a comparable shape.
 */
// @ts-nocheck

import { strToU8, zipSync, type Zippable } from "fflate";
import { readXlsxGrid, type ReadXlsxGridOptions } from "../../templates/xlsx";
import { packageSheets } from "../fixtures/bad-files";

export const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const PR = "http://schemas.openxmlformats.org/package/2006/relationships";
export const sheet = (cells: string) => `<worksheet xmlns="${NS}"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;
export const ONE = sheet(`<c r="A1"><v>1</v></c>`);
export const G = "General";

export function zip(files: Zippable): Uint8Array {
  return zipSync(files);
}
export function pkg(extra: Record<string, string | null> = {}, sheets = [{ name: "表", xml: ONE }]): Zippable {
  const files = packageSheets(sheets);
  for (const [k, v] of Object.entries(extra)) {
    if (v === null) delete files[k];
    else files[k] = strToU8(v);
  }
  return files;
}
export const wbRels = (rels: string) => `<Relationships xmlns="${PR}">${rels}</Relationships>`;
export const rel = (id: string, type: string, target: string, more = "") => `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"${more}/>`;
export const workbook = (inner: string) => `<workbook xmlns="${NS}" xmlns:r="${R}">${inner}</workbook>`;

export function answer(bytes: Uint8Array, opts?: ReadXlsxGridOptions) {
  const r = readXlsxGrid(bytes, opts);
  return r.ok ? r.grid : { code: r.code, detail: r.detail, message: r.message };
}
export function failure(bytes: Uint8Array, opts?: ReadXlsxGridOptions) {
  const r = readXlsxGrid(bytes, opts);
  return r.ok ? "read" : [r.code, r.detail ?? null];
}
