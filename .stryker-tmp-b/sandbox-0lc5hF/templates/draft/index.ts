/**
 * The city's summary, drafted (汇总材料初稿): consolidation model in, .docx bytes
 * out. Pure TypeScript over the `docx` package (no fs); the command line and the
 * service call it. Not part of the Excel pane's bundle.
 */
// @ts-nocheck

import type { Consolidation } from "../merge/merge";
import { draftDocx } from "./docx";
import { buildDraft } from "./model";

export { buildDraft, type Draft } from "./model";
export { draftDocx } from "./docx";

/** Draft the summary of a consolidation as .docx bytes. */
export async function writeDraft(c: Consolidation): Promise<Uint8Array> {
  return draftDocx(buildDraft(c));
}
