/**
 * Node's zlib for the xlsx writer (templates/xlsx/writer): the core is pure and
 * deflates with fflate by default; the server and the command line hand it
 * native zlib's deflate and CRC-32, about twice as fast on the city
 * workbook's sheet XML.
 */
// @ts-nocheck

import { constants, crc32, deflateRawSync } from "node:zlib";
import type { WriterOptions } from "../../templates/xlsx/writer/workbook";

export const nativeZip: Required<WriterOptions> = {
  // Each chunk deflated afresh; all but the last end with a sync flush so they concatenate into one stream.
  deflate: (data, final) => deflateRawSync(data, { level: 1, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }),
  crc32: (data, running) => crc32(data, running),
};
