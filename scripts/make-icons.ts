// Writes the add-in's icons, assets/icon-{16,32,64,80,128}.png: a dark-blue rounded square with
// white ledger rows and a white check mark (the rows are left out at 16 px, where they would blur).
//
// Deterministic and dependency-free: each pixel is 8×8 supersampled from a few shapes given by
// signed distances, and the PNG (RGBA, 8 bits, no interlace, filter 0 on every row) is written
// here with Node's zlib for the IDAT stream and a CRC-32 table of its own. Two runs give
// byte-identical files.
//
// Usage: npm run icons

import { mkdirSync, writeFileSync } from "fs";
import { resolve } from "path";
import { deflateSync } from "zlib";

const SIZES = [16, 32, 64, 80, 128];
const OUT_DIR = resolve(__dirname, "..", "assets");
const SAMPLES = 8;

type Rgba = [number, number, number, number]; // 0..1, straight alpha

const BLUE_TOP: Rgba = [0.13, 0.36, 0.64, 1]; // #215CA3
const BLUE_BOTTOM: Rgba = [0.07, 0.22, 0.43, 1]; // #12386E
const WHITE: Rgba = [1, 1, 1, 1];

// ───────────────────────────── shapes (unit square, y down) ─────────────────────────────

function roundedSquare(x: number, y: number, inset: number, radius: number): number {
  // signed distance to a rounded square spanning [inset, 1 - inset]²
  const half = 0.5 - inset;
  const qx = Math.abs(x - 0.5) - (half - radius);
  const qy = Math.abs(y - 0.5) - (half - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

function segment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  // distance to the segment a–b
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

interface Style {
  inset: number;
  radius: number;
  ledger: boolean;
  /** half-widths of a ledger row and of the check mark's stroke */
  row: number;
  check: number;
}

function styleFor(size: number): Style {
  if (size <= 16) return { inset: 0.02, radius: 0.2, ledger: false, row: 0, check: 0.12 };
  if (size <= 32) return { inset: 0.03, radius: 0.19, ledger: true, row: 0.033, check: 0.081 };
  return { inset: 0.04, radius: 0.18, ledger: true, row: 0.0275, check: 0.0675 };
}

function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3] + bottom[3] * (1 - top[3]);
  if (a === 0) return [0, 0, 0, 0];
  const mix = (i: number) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
  return [mix(0), mix(1), mix(2), a];
}

function sample(x: number, y: number, style: Style): Rgba {
  if (roundedSquare(x, y, style.inset, style.radius) > 0) return [0, 0, 0, 0];
  const t = (y - style.inset) / (1 - 2 * style.inset);
  let colour: Rgba = [0, 1, 2, 3].map(
    (i) => BLUE_TOP[i] + (BLUE_BOTTOM[i] - BLUE_TOP[i]) * t
  ) as Rgba;
  if (style.ledger) {
    // three ledger rows, upper left; the check mark covers their right ends
    for (const [rowY, rowEnd] of [
      [0.27, 0.74],
      [0.41, 0.6],
      [0.55, 0.42],
    ]) {
      if (segment(x, y, 0.24, rowY, rowEnd, rowY) <= style.row) {
        colour = over([1, 1, 1, 0.55], colour);
      }
    }
  }
  // the check mark: beside the rows when they are drawn, larger and centred at 16 px
  const check = style.ledger
    ? Math.min(segment(x, y, 0.4, 0.63, 0.53, 0.76), segment(x, y, 0.53, 0.76, 0.8, 0.4))
    : Math.min(segment(x, y, 0.24, 0.52, 0.42, 0.7), segment(x, y, 0.42, 0.7, 0.77, 0.31));
  if (check <= style.check) colour = over(WHITE, colour);
  return colour;
}

function render(size: number): Uint8Array {
  const style = styleFor(size);
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // average premultiplied colour over the sub-samples
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = sample(
            (px + (sx + 0.5) / SAMPLES) / size,
            (py + (sy + 0.5) / SAMPLES) / size,
            style
          );
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        pixels[o] = Math.round((r / a) * 255);
        pixels[o + 1] = Math.round((g / a) * 255);
        pixels[o + 2] = Math.round((b / a) * 255);
      }
      pixels[o + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return pixels;
}

// ───────────────────────────── PNG ─────────────────────────────

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method 0
  header[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

function main(): void {
  mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = resolve(OUT_DIR, `icon-${size}.png`);
    const png = encodePng(size, size, render(size));
    writeFileSync(file, png);
    console.log(`${file}: ${png.length} bytes`);
  }
}

if (require.main === module) main();
