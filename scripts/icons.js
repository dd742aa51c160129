/* eslint-disable no-undef */
// Writes the add-in's ribbon and store icons (assets/icon-16.png, -32, -64, -80; 64 is the HighResolutionIconUrl size): a blue rounded square with a
// white check mark, drawn with anti-aliasing and encoded as RGBA PNG with zlib (no image library needed).
// Run: node scripts/icons.js
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** PNG bytes for a size×size RGBA image given by pixel(x, y) → [r, g, b, a]. */
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Coverage (0..1) of the icon shape at a point in unit coordinates: [square, check]. */
function shape(u, v) {
  const r = 0.18; // corner radius
  const qx = Math.max(Math.abs(u - 0.5) - (0.5 - r), 0);
  const qy = Math.max(Math.abs(v - 0.5) - (0.5 - r), 0);
  const inSquare = Math.hypot(qx, qy) <= r ? 1 : 0;
  const w = 0.075;
  const d = Math.min(distToSegment(u, v, 0.24, 0.52, 0.42, 0.7), distToSegment(u, v, 0.42, 0.7, 0.77, 0.31));
  return [inSquare, d <= w ? 1 : 0];
}

function icon(size) {
  const samples = 4;
  return png(size, (x, y) => {
    let sq = 0;
    let ck = 0;
    for (let i = 0; i < samples; i++)
      for (let j = 0; j < samples; j++) {
        const [a, b] = shape((x + (i + 0.5) / samples) / size, (y + (j + 0.5) / samples) / size);
        sq += a;
        ck += a * b;
      }
    sq /= samples * samples;
    ck /= samples * samples;
    const blue = [0x1f, 0x5f, 0xa8];
    const mix = sq > 0 ? ck / sq : 0;
    const rgb = blue.map((c) => Math.round(c + (255 - c) * mix));
    return [...rgb, Math.round(255 * sq)];
  });
}

const out = path.resolve(__dirname, "../assets");
fs.mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80]) {
  fs.writeFileSync(path.join(out, `icon-${size}.png`), icon(size));
  console.log(`assets/icon-${size}.png`);
}
