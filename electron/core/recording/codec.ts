// How a chunk of terminal events is stored: a JSON array of compact events, brotli-compressed.
// Times inside a chunk are relative to its start, so they stay small.
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** What a chunk holds: the events that replay the terminal. Markers and gaps live in their own table. */
export type StreamEvent =
  | { atMs: number; kind: 'output' | 'input'; data: string }
  | { atMs: number; kind: 'resize'; cols: number; rows: number };

type Wire = [number, 'o' | 'i', string] | [number, 'r', number, number];

/**
 * Brotli at quality 1: it runs on every byte recorded, on the recording thread, which must keep up with a
 * program printing as fast as it can. On varied terminal output (256 KB chunks of `ls -la --color`) quality 1
 * packs to 0.213 of the input at ~220 MB/s, quality 2 to 0.200 at ~120 MB/s, quality 5 to ~0.19 at a tenth of
 * that: 6% more bytes for twice the speed. Any quality decodes the same way, so older chunks read as before.
 * The size hint lets it pick its window without guessing.
 */
const BROTLI_QUALITY = 1;
/**
 * A 512 KB window (2^19) holds a whole chunk (256 KB of text, a little more as JSON) or keyframe; brotli's default
 * (4 MB) only costs memory on every call, on the recording thread.
 */
const BROTLI_WINDOW_BITS = 19;
const brotliCompress = promisify(zlib.brotliCompress);

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

export class CorruptChunkError extends Error {
  override readonly name = 'CorruptChunkError';
}

export function encodeEvents(events: readonly StreamEvent[], startMs: number): Buffer {
  const wire: Wire[] = events.map((e) => (e.kind === 'resize' ? [e.atMs - startMs, 'r', e.cols, e.rows] : [e.atMs - startMs, e.kind === 'output' ? 'o' : 'i', e.data]));
  return Buffer.from(JSON.stringify(wire), 'utf8');
}

/** Compresses on libuv's thread pool, so the core's thread keeps serving while a big chunk is packed. */
export function compress(data: Uint8Array): Promise<Buffer> {
  return brotliCompress(data, brotliOptions(data.length));
}

export function compressSync(data: Uint8Array): Buffer {
  return zlib.brotliCompressSync(data, brotliOptions(data.length));
}

export function decompressText(payload: Buffer): string {
  return zlib.brotliDecompressSync(payload).toString('utf8');
}

export function decodeEvents(payload: Buffer, startMs: number): StreamEvent[] {
  let wire: unknown;
  try {
    wire = JSON.parse(decompressText(payload));
  } catch (err) {
    throw new CorruptChunkError(`a recording chunk cannot be read: ${(err as Error).message}`);
  }
  if (!Array.isArray(wire)) throw new CorruptChunkError('a recording chunk is not a list of events');
  return wire.map((w: unknown): StreamEvent => {
    if (Array.isArray(w) && typeof w[0] === 'number') {
      const atMs = startMs + w[0];
      if ((w[1] === 'o' || w[1] === 'i') && typeof w[2] === 'string') return { atMs, kind: w[1] === 'o' ? 'output' : 'input', data: w[2] };
      if (w[1] === 'r' && typeof w[2] === 'number' && typeof w[3] === 'number') return { atMs, kind: 'resize', cols: w[2], rows: w[3] };
    }
    throw new CorruptChunkError(`a recording chunk holds an unknown event: ${JSON.stringify(w).slice(0, 80)}`);
  });
}
