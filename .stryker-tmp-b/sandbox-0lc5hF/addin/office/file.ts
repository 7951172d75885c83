/**
 * The open workbook as .xlsx bytes, through the Common API (Office.context.document):
 * getFileAsync(Compressed) in 64 KiB slices, every slice read, the file closed —
 * Office keeps at most two files open per document, so closeAsync runs on every path.
 */
// @ts-nocheck


/** The slice of Office.Document this module needs (tests pass a mock). */
export type FileDocument = Pick<Office.Document, "getFileAsync">;

export const SLICE_SIZE = 65536;

/** Thrown when Office cannot hand over the document; `message` is Office's own text, for logs. */
export class DocumentFileError extends Error {
  constructor(
    readonly step: "open" | "slice",
    message: string,
  ) {
    super(message);
  }
}

function getSlice(file: Office.File, index: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    file.getSliceAsync(index, (res) => {
      if (String(res.status) !== "succeeded") return reject(new DocumentFileError("slice", res.error?.message ?? "getSliceAsync failed"));
      const data = res.value.data as unknown;
      resolve(data instanceof Uint8Array ? data : new Uint8Array(data as ArrayLike<number>));
    });
  });
}

/**
 * Read the whole document as a compressed (.xlsx) file.
 * @param onProgress called with (slices read, slice count) after each slice.
 */
export function readDocumentFile(doc: FileDocument, onProgress?: (done: number, total: number) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    // Office.FileType.Compressed is "compressed"; the string keeps this module free of the Office global.
    doc.getFileAsync("compressed" as unknown as Office.FileType, { sliceSize: SLICE_SIZE }, (res) => {
      if (String(res.status) !== "succeeded") return reject(new DocumentFileError("open", res.error?.message ?? "getFileAsync failed"));
      const file = res.value;
      const close = (): Promise<void> => new Promise((done) => file.closeAsync(() => done()));
      (async () => {
        const parts: Uint8Array[] = [];
        for (let i = 0; i < file.sliceCount; i++) {
          parts.push(await getSlice(file, i));
          onProgress?.(i + 1, file.sliceCount);
        }
        const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const p of parts) {
          out.set(p, at);
          at += p.length;
        }
        return out;
      })().then(
        async (bytes) => {
          await close();
          resolve(bytes);
        },
        async (err: unknown) => {
          await close();
          reject(err);
        },
      );
    });
  });
}
