// Draws Gatehouse's icons (an arch gate on a rounded square) as PNGs: build/icon.png for the app (electron-builder's
// buildResources) and build/tray.png / build/trayTemplate.png for the tray. Run it after changing the drawing; the PNGs
// are committed.
import fs from 'node:fs';
import zlib from 'node:zlib';

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel((x + 0.5) / size, (y + 0.5) / size), 1 + x * 4);
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** 1 inside the gate's arch opening, else 0 (unit square coordinates). */
function inArch(x, y) {
  const cx = 0.5,
    top = 0.42,
    r = 0.2;
  if (x < cx - r || x > cx + r || y > 0.8) return false;
  return y >= top || (x - cx) ** 2 + (y - top) ** 2 <= r * r;
}

function inRoundedSquare(x, y, margin, radius) {
  const dx = Math.max(margin + radius - x, 0, x - (1 - margin - radius));
  const dy = Math.max(margin + radius - y, 0, y - (1 - margin - radius));
  return x >= margin && x <= 1 - margin && y >= margin && y <= 1 - margin && dx * dx + dy * dy <= radius * radius;
}

const appIcon = (x, y) =>
  !inRoundedSquare(x, y, 0.06, 0.18) ? [0, 0, 0, 0] : inArch(x, y) ? [246, 247, 249, 255] : [36, 89, 201, 255];
/** Monochrome, for the tray (macOS tints `…Template` images for light and dark menu bars). */
const trayIcon = (x, y) => (!inRoundedSquare(x, y, 0.04, 0.16) || inArch(x, y) ? [0, 0, 0, 0] : [0, 0, 0, 255]);

fs.mkdirSync('build', { recursive: true });
fs.writeFileSync('build/icon.png', png(512, appIcon));
fs.writeFileSync('build/tray.png', png(32, appIcon));
fs.writeFileSync('build/trayTemplate.png', png(32, trayIcon));
