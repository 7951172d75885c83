// @ts-nocheck
// Draws the add-in's icons (16/32/64/80 px for Office, 128 px for the store listing) and writes them
// as PNG files into addin/assets/. No image library: a tiny PNG encoder (node:zlib for the deflate
// stream and the CRC-32) and a 4×4 supersampled rasteriser, so the output is byte-for-byte
// reproducible and the committed PNGs can be checked against this script (tests/addin-manifest.test.ts).
//
//   node scripts/make-icons.mjs          write addin/assets/icon-<size>.png
import { crc32, deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const ICON_SIZES = [16, 32, 64, 80, 128];

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encode RGBA pixels (width*height*4 bytes) as a PNG (8-bit RGBA, no interlace, filter 0). */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// The design, in a 0..1 unit square: an Excel-green rounded tile, three white rising bars (the
// figures being collected) and a light-green tick over them (the checks passed).
const GREEN = [0x21, 0x73, 0x46];
const WHITE = [0xff, 0xff, 0xff];
const TICK = [0xa9, 0xe3, 0x4b];

function insideRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Colour of the design at (x, y) in unit coordinates, or null for transparent. */
function sample(x, y) {
  if (!insideRoundedRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.16)) return null;
  const tick = Math.min(distToSegment(x, y, 0.5, 0.36, 0.62, 0.48), distToSegment(x, y, 0.62, 0.48, 0.86, 0.2));
  if (tick < 0.055) return TICK;
  const bars = [
    [0.18, 0.56, 0.32],
    [0.41, 0.44, 0.55],
    [0.64, 0.3, 0.78],
  ];
  for (const [x0, top, x1] of bars) if (x >= x0 && x <= x1 && y >= top && y <= 0.8) return WHITE;
  return GREEN;
}

/** Render the icon at `size` px (4×4 supersampling; alpha = coverage). */
export function renderIcon(size) {
  const px = new Uint8Array(size * size * 4);
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = sample((x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a++;
        }
      }
      const i = (y * size + x) * 4;
      if (a) {
        px[i] = Math.round(r / a);
        px[i + 1] = Math.round(g / a);
        px[i + 2] = Math.round(b / a);
        px[i + 3] = Math.round((a / (n * n)) * 255);
      }
    }
  }
  return encodePng(size, size, px);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = fileURLToPath(new URL("../addin/assets/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const png = renderIcon(size);
    writeFileSync(`${dir}icon-${size}.png`, png);
    console.log(`addin/assets/icon-${size}.png  ${png.length} B`);
  }
}
