/**
 * Node's zlib for the xlsx writer (templates/xlsx/writer): the core is pure and
 * deflates with fflate by default; the server and the command line hand it
 * native zlib's deflate and CRC-32, about twice as fast on the city
 * workbook's sheet XML. The reader likewise takes zlib's inflate (`nativeUnzip`):
 * a report reads in about half the time; and Buffer's latin1 and UTF-8 decodings,
 * so it scans the worksheets as bytes and decodes only the text it keeps.
 */
import { constants, crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import type { ZipCodec } from "../../templates/xlsx/index";
import type { WriterOptions } from "../../templates/xlsx/writer/workbook";

export const nativeZip: Required<WriterOptions> = {
  // Each chunk deflated afresh; all but the last end with a sync flush so they concatenate into one stream.
  deflate: (data, final) => deflateRawSync(data, { level: 1, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }),
  crc32: (data, running) => crc32(data, running),
};

/**
 * Largest output buffer zlib is handed in one piece: a part up to this size inflates into one
 * buffer of its declared size (plus the spare byte that tells a bomb), not 16 KB chunks joined by a
 * copy. Measured on the five parts a merge inflates per file, 1,000 files: 171–174 ms against
 * 236–247 ms, and 16,500–16,800 page faults against 20,400–20,600.
 */
const ONE_PIECE = 1 << 22;

/** Node's zlib for the xlsx reader (templates/xlsx/zip.ts): output capped by `maxOutputLength`, so a bomb stops there. */
export const nativeUnzip: ZipCodec = {
  inflateRaw(data, max) {
    try {
      return inflateRawSync(data, { maxOutputLength: Math.max(1, max), chunkSize: Math.min(Math.max(64, max), ONE_PIECE) });
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" ? "over" : null;
    }
  },
  crc32: (data) => crc32(data),
  // Worksheets scanned as bytes (templates/xlsx/xml.ts ByteText).
  bytes: {
    latin1: (data) => Buffer.from(data.buffer, data.byteOffset, data.length).toString("latin1"),
    utf8: (bytes) => Buffer.from(bytes, "latin1").toString("utf8"),
  },
};
