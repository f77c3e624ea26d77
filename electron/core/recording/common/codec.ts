// How a chunk of terminal events is stored, compressed: a small JSON index of the events (time, kind, length)
// followed by their text as UTF-8, as the terminal got it. Times inside a chunk are relative to its start, so they
// stay small. Chunks written before this format (a JSON array of whole events), and chunks and keyframes compressed
// with brotli before zstd, still read.
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** What a chunk holds: the events that replay the terminal. Markers and gaps live in their own table. */
export type StreamEvent =
  | { atMs: number; kind: 'output' | 'input'; data: string }
  | { atMs: number; kind: 'resize'; cols: number; rows: number };

/**
 * zstd at level 1: it runs on every byte recorded, on the recording thread, which must keep up with a program printing
 * as fast as it can. On 256 KB chunks of `ls -la --color` output, measured on the recording benchmark's machine:
 * zstd 1 packs to 0.225 of the input at ~4.7 ms/MB and unpacks at ~2 ms/MB; brotli quality 1 (used before) packs to
 * 0.236 at ~5.3 ms/MB and unpacks at ~4.6. Negative zstd levels were no faster here and packed to 0.31-0.37.
 */
const ZSTD_LEVEL = 1;
/** A zstd frame starts with these bytes (RFC 8878). A brotli stream Gatehouse wrote never does: with a window of 2^17 or more, its first bit is 1, so its first byte is odd. */
const ZSTD_MAGIC = 0xfd2fb528;
/** Node has zstd from 22.15; an older Node writes brotli (and cannot read zstd chunks: decodeEvents says so). */
const HAS_ZSTD = typeof zlib.zstdCompressSync === 'function';

/** Brotli, for a Node without zstd: quality 1, a 512 KB window (2^19) to hold a whole chunk or keyframe. */
const BROTLI_QUALITY = 1;
const BROTLI_WINDOW_BITS = 19;

function zstdOptions(size: number): zlib.ZstdOptions {
  return { pledgedSrcSize: size, params: { [zlib.constants.ZSTD_c_compressionLevel]: ZSTD_LEVEL } };
}

function brotliOptions(size: number): zlib.BrotliOptions {
  return {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_LGWIN]: BROTLI_WINDOW_BITS,
    },
  };
}

const zstdCompress = HAS_ZSTD ? promisify(zlib.zstdCompress) : null;
const brotliCompress = promisify(zlib.brotliCompress);

const isZstd = (payload: Uint8Array): boolean =>
  payload.length >= 4 && Buffer.from(payload.buffer, payload.byteOffset, 4).readUInt32LE(0) === ZSTD_MAGIC;

/**
 * Whether a stored chunk is compressed. The recording thread may store a chunk as encoded (a burst is compressed when
 * the indexer gets to it): it then starts with its format byte, which neither a zstd frame nor a brotli stream
 * Gatehouse wrote can start with (brotli's first byte is odd).
 */
export const isCompressed = (payload: Uint8Array): boolean => payload[0] !== FORMAT_TEXT_AFTER_INDEX;

/** Undoes compressSync: zstd, or brotli for what older versions wrote; a chunk stored uncompressed is returned as it is. */
function decompress(payload: Buffer): Buffer {
  if (!isCompressed(payload)) return payload;
  if (!isZstd(payload)) return zlib.brotliDecompressSync(payload);
  if (!HAS_ZSTD)
    throw new Error(
      `it was compressed with zstd, which this Node (${process.version}) cannot read; Gatehouse needs Node 22.15 or later`,
    );
  return zlib.zstdDecompressSync(payload);
}

export class CorruptChunkError extends Error {
  override readonly name = 'CorruptChunkError';
}

/**
 * The first byte of a chunk in the current format. A chunk of the first format is JSON text, so it starts with
 * `[`; anything else is not a chunk.
 */
const FORMAT_TEXT_AFTER_INDEX = 2;
const LEGACY_JSON_START = 0x5b;
/** Version byte, then the index's length in bytes (u32, little-endian), then the index, then the text. */
const HEADER_BYTES = 5;

/** An event in the index: text events give their length in UTF-16 code units (their text follows, in order). */
type IndexEntry = [number, 'o' | 'i', number] | [number, 'r', number, number];

/**
 * Encodes a chunk's events. The text goes in as it is, not escaped inside JSON: escape sequences and line ends
 * made JSON ~13% bigger than the text, and building it cost as much as compressing it (measured: 7.4 → 1.6 ms/MB).
 */
export function encodeEvents(events: readonly StreamEvent[], startMs: number): Buffer {
  const index: IndexEntry[] = [];
  let textBytes = 0;
  for (const e of events) {
    if (e.kind === 'resize') {
      index.push([e.atMs - startMs, 'r', e.cols, e.rows]);
    } else {
      index.push([e.atMs - startMs, e.kind === 'output' ? 'o' : 'i', e.data.length]);
      textBytes += Buffer.byteLength(e.data, 'utf8');
    }
  }
  const indexJson = JSON.stringify(index);
  const indexBytes = Buffer.byteLength(indexJson, 'utf8');
  const out = Buffer.allocUnsafe(HEADER_BYTES + indexBytes + textBytes);
  out[0] = FORMAT_TEXT_AFTER_INDEX;
  out.writeUInt32LE(indexBytes, 1);
  let at = HEADER_BYTES + out.write(indexJson, HEADER_BYTES, 'utf8');
  for (const e of events) if (e.kind !== 'resize') at += out.write(e.data, at, 'utf8');
  return out;
}

/** Compresses on libuv's thread pool, so the calling thread keeps serving while a big chunk is packed. */
export function compress(data: Uint8Array): Promise<Buffer> {
  return zstdCompress ? zstdCompress(data, zstdOptions(data.length)) : brotliCompress(data, brotliOptions(data.length));
}

export function compressSync(data: Uint8Array): Buffer {
  return HAS_ZSTD
    ? zlib.zstdCompressSync(data, zstdOptions(data.length))
    : zlib.brotliCompressSync(data, brotliOptions(data.length));
}

export function decompressText(payload: Buffer): string {
  return decompress(payload).toString('utf8');
}

export function decodeEvents(payload: Buffer, startMs: number): StreamEvent[] {
  let raw: Buffer;
  try {
    raw = decompress(payload);
  } catch (err) {
    throw new CorruptChunkError(`a recording chunk cannot be read: ${(err as Error).message}`);
  }
  if (raw[0] === FORMAT_TEXT_AFTER_INDEX) return decodeTextAfterIndex(raw, startMs);
  if (raw[0] === LEGACY_JSON_START) return decodeLegacy(raw, startMs);
  throw new CorruptChunkError(`a recording chunk has an unknown format (first byte ${raw[0] ?? 'missing'})`);
}

function decodeTextAfterIndex(raw: Buffer, startMs: number): StreamEvent[] {
  if (raw.length < HEADER_BYTES) throw new CorruptChunkError('a recording chunk is cut short');
  const indexEnd = HEADER_BYTES + raw.readUInt32LE(1);
  if (indexEnd > raw.length) throw new CorruptChunkError('a recording chunk is cut short');
  let index: unknown;
  try {
    index = JSON.parse(raw.toString('utf8', HEADER_BYTES, indexEnd));
  } catch (err) {
    throw new CorruptChunkError(`a recording chunk's index cannot be read: ${(err as Error).message}`);
  }
  if (!Array.isArray(index)) throw new CorruptChunkError("a recording chunk's index is not a list of events");
  const text = raw.toString('utf8', indexEnd);
  let at = 0;
  const events = index.map((w: unknown): StreamEvent => {
    if (Array.isArray(w) && typeof w[0] === 'number') {
      const atMs = startMs + w[0];
      if ((w[1] === 'o' || w[1] === 'i') && Number.isInteger(w[2]) && w[2] >= 0 && at + w[2] <= text.length) {
        const data = text.slice(at, at + w[2]);
        at += w[2];
        return { atMs, kind: w[1] === 'o' ? 'output' : 'input', data };
      }
      if (w[1] === 'r' && typeof w[2] === 'number' && typeof w[3] === 'number')
        return { atMs, kind: 'resize', cols: w[2], rows: w[3] };
    }
    throw new CorruptChunkError(
      `a recording chunk holds an unknown event or too little text: ${JSON.stringify(w).slice(0, 80)}`,
    );
  });
  if (at !== text.length)
    throw new CorruptChunkError(`a recording chunk holds ${text.length - at} characters no event accounts for`);
  return events;
}

/** The first format: a JSON array of `[time, 'o' | 'i', text]` and `[time, 'r', cols, rows]`. */
function decodeLegacy(raw: Buffer, startMs: number): StreamEvent[] {
  let wire: unknown;
  try {
    wire = JSON.parse(raw.toString('utf8'));
  } catch (err) {
    throw new CorruptChunkError(`a recording chunk cannot be read: ${(err as Error).message}`);
  }
  if (!Array.isArray(wire)) throw new CorruptChunkError('a recording chunk is not a list of events');
  return wire.map((w: unknown): StreamEvent => {
    if (Array.isArray(w) && typeof w[0] === 'number') {
      const atMs = startMs + w[0];
      if ((w[1] === 'o' || w[1] === 'i') && typeof w[2] === 'string')
        return { atMs, kind: w[1] === 'o' ? 'output' : 'input', data: w[2] };
      if (w[1] === 'r' && typeof w[2] === 'number' && typeof w[3] === 'number')
        return { atMs, kind: 'resize', cols: w[2], rows: w[3] };
    }
    throw new CorruptChunkError(`a recording chunk holds an unknown event: ${JSON.stringify(w).slice(0, 80)}`);
  });
}
