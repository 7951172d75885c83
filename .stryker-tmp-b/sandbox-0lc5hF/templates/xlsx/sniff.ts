/**
 * What an uploaded file really is, judged from its first bytes — clerks rename
 * .xls/.csv/.html exports to .xlsx, so the extension is never trusted.
 */
// @ts-nocheck


export type FileKind =
  | "empty"
  | "zip"
  | "cfb"
  /** BIFF2–BIFF5 worksheet stream written bare, not inside a CFB container (Excel 2.x–5.0 .xls). */
  | "biff"
  /** Excel 2002/2003 "XML 电子表格" (SpreadsheetML 2003, one XML file). */
  | "xml2003"
  /** OpenDocument flat XML spreadsheet (.fods). */
  | "fods"
  | "html"
  | "csv"
  | "text"
  | "unknown";

const HEAD_BYTES = 4096;

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

/** Decode the head of a text file; null when it looks binary. */
function headText(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, HEAD_BYTES);
  let enc = "utf-8";
  if (startsWith(head, [0xff, 0xfe])) enc = "utf-16le";
  else if (startsWith(head, [0xfe, 0xff])) enc = "utf-16be";
  else if (head.length >= 4 && head[1] === 0 && head[3] === 0 && head[0] !== 0) enc = "utf-16le";
  else if (head.length >= 4 && head[0] === 0 && head[2] === 0 && head[1] !== 0) enc = "utf-16be";
  let text: string;
  try {
    // Not fatal: GBK/GB18030 exports are common and still need to be recognised as text.
    text = new TextDecoder(enc).decode(head);
  } catch {
    return null;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) return null;
  }
  return text;
}

/**
 * Classify a file by content: zip (possibly OOXML), CFB/OLE2 (legacy .xls or an
 * encrypted OOXML), HTML (incl. Office "HTML saved as .xls"), CSV/TSV, other text.
 */
export function sniffFileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return "zip";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "cfb";
  if (isBareBiff(bytes)) return "biff";
  const text = headText(bytes);
  if (text === null) return "unknown";
  const t = text.replace(/^[\ufeff\s]+/, "");
  if (t.length === 0) return "text";
  const lower = t.slice(0, HEAD_BYTES).toLowerCase();
  if (lower.startsWith("<")) {
    // Checked before HTML: both carry the urn:schemas-microsoft-com:office: namespaces.
    if (/<\?mso-application\s+progid=["']excel\.sheet["']/.test(lower) || /<(\w+:)?workbook\b[^>]*urn:schemas-microsoft-com:office:spreadsheet/.test(lower)) {
      return "xml2003";
    }
    if (/<office:document\b/.test(lower) && lower.includes("opendocument.spreadsheet")) return "fods";
    if (
      /^<(html|!doctype\s+html|table|meta|head|body|style|title|div|tr)\b/.test(lower) ||
      lower.includes("<html") ||
      lower.includes("urn:schemas-microsoft-com:office:")
    ) {
      return "html";
    }
    return "text";
  }
  const lines = t.split(/\r\n|\n|\r/).filter((l) => l.length > 0).slice(0, 5);
  const sep = lines[0] !== undefined && /[,\t;]/.exec(lines[0]);
  if (sep) {
    const ch = sep[0];
    if (lines.every((l, i) => l.includes(ch) || i === lines.length - 1)) return "csv";
  }
  return "text";
}

/**
 * A bare BIFF stream: a BOF record first — id 0x0009 (BIFF2), 0x0209 (BIFF3),
 * 0x0409 (BIFF4) or 0x0809 (BIFF5+) — with a record length a BOF can have,
 * and a known sheet type. Excel 2.x–4.0 saved worksheets like this.
 */
function isBareBiff(b: Uint8Array): boolean {
  if (b.length < 8 || b[0] !== 0x09 || b[3] !== 0) return false;
  const hi = b[1];
  if (hi !== 0x00 && hi !== 0x02 && hi !== 0x04 && hi !== 0x08) return false;
  const len = b[2]!;
  if (len < 4 || len > 20 || len % 2 !== 0) return false;
  // BOF body: a version word, then the sheet type (0x0005 globals, 0x0010 worksheet, 0x0020 chart, 0x0040 macro sheet, 0x0100 workspace).
  const type = b[6]! | (b[7]! << 8);
  return [0x0005, 0x0006, 0x0010, 0x0020, 0x0040, 0x0100].includes(type);
}

/** Whether a CFB container holds an OOXML encryption wrapper (EncryptionInfo / EncryptedPackage streams). */
export function cfbIsEncryptedOoxml(bytes: Uint8Array): boolean {
  return findUtf16(bytes, "EncryptionInfo") || findUtf16(bytes, "EncryptedPackage");
}

function findUtf16(bytes: Uint8Array, word: string): boolean {
  const n = word.length * 2;
  const first = word.charCodeAt(0);
  outer: for (let i = 0; i + n <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < word.length; k++) {
      if (bytes[i + 2 * k] !== word.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}
