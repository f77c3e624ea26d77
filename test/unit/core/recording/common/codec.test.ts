import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  compress,
  compressSync,
  CorruptChunkError,
  decodeEvents,
  decompressText,
  encodeEvents,
  type StreamEvent,
} from '../../../../../electron/core/recording/common/codec.ts';

const START = 1_000;

const events: StreamEvent[] = [
  { atMs: 1_000, kind: 'resize', cols: 120, rows: 40 },
  { atMs: 1_002, kind: 'output', data: '\x1b[1;32muser@host\x1b[0m:~$ ' },
  { atMs: 1_010, kind: 'input', data: 'ls\r' },
  { atMs: 1_011, kind: 'output', data: 'é 日本語 🙂 "quoted" \\ back\r\n' },
  { atMs: 1_011, kind: 'output', data: '' },
  { atMs: 1_500, kind: 'resize', cols: 80, rows: 24 },
  { atMs: 1_900, kind: 'output', data: '\x00\x07\x7f\u2028 end' },
];

const chunk = (list: readonly StreamEvent[]) => compressSync(encodeEvents(list, START));

describe('recording chunk codec', () => {
  it('reads back every event as it was given: text byte for byte, times, sizes', () => {
    expect(decodeEvents(chunk(events), START)).toEqual(events);
    expect(decodeEvents(chunk([]), START)).toEqual([]);
  });

  it('stores the text as text (not escaped) after a small index', () => {
    const raw = encodeEvents(events, START);
    expect(raw[0]).toBe(2);
    expect(raw.toString('utf8').endsWith(events.flatMap((e) => (e.kind === 'resize' ? [] : [e.data])).join(''))).toBe(
      true,
    );
  });

  it('still reads chunks in the first format (a JSON array of events)', () => {
    const legacy = zlib.brotliCompressSync(
      Buffer.from(
        JSON.stringify([
          [0, 'r', 120, 40],
          [2, 'o', 'a\x1b[0mb'],
          [10, 'i', 'ls\r'],
        ]),
      ),
    );
    expect(decodeEvents(legacy, START)).toEqual([
      { atMs: 1_000, kind: 'resize', cols: 120, rows: 40 },
      { atMs: 1_002, kind: 'output', data: 'a\x1b[0mb' },
      { atMs: 1_010, kind: 'input', data: 'ls\r' },
    ]);
  });

  it('compresses with zstd, on the calling thread or the thread pool alike', async () => {
    const raw = encodeEvents(events, START);
    for (const packed of [compressSync(raw), await compress(raw)]) {
      expect(packed.readUInt32LE(0)).toBe(0xfd2fb528);
      expect(zlib.zstdDecompressSync(packed)).toEqual(raw);
      expect(decodeEvents(packed, START)).toEqual(events);
    }
  });

  it('still reads chunks and keyframes that older versions compressed with brotli', () => {
    // As they were written: quality 1 and a 2^19 window, and before that brotli's defaults.
    const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: 1, [zlib.constants.BROTLI_PARAM_LGWIN]: 19 };
    for (const options of [{ params }, {}]) {
      const packed = zlib.brotliCompressSync(encodeEvents(events, START), options);
      expect((packed[0] ?? 0) & 1).toBe(1);
      expect(decodeEvents(packed, START)).toEqual(events);
      expect(decompressText(zlib.brotliCompressSync(Buffer.from('\x1b[2J screen 日本語'), options))).toBe(
        '\x1b[2J screen 日本語',
      );
    }
    expect(decompressText(compressSync(Buffer.from('\x1b[2J screen 日本語')))).toBe('\x1b[2J screen 日本語');
  });

  it('refuses a damaged chunk with a clear error instead of returning wrong text', () => {
    const raw = encodeEvents(events, START);
    const damaged = (b: Buffer) => () => decodeEvents(zlib.brotliCompressSync(b), START);
    expect(() => decodeEvents(Buffer.from('not brotli at all'), START)).toThrow(CorruptChunkError);
    expect(() => decodeEvents(compressSync(raw).subarray(0, 30), START)).toThrow(CorruptChunkError);
    expect(damaged(raw.subarray(0, raw.length - 3))).toThrow(/too little text/);
    expect(damaged(Buffer.concat([raw, Buffer.from('extra')]))).toThrow(/5 characters no event accounts for/);
    expect(damaged(raw.subarray(0, 3))).toThrow(/cut short/);
    expect(damaged(Buffer.from([7, 1, 2]))).toThrow(/unknown format/);
    const badIndex = Buffer.from(raw);
    badIndex.write('{', 5);
    expect(damaged(badIndex)).toThrow(/index cannot be read/);
  });
});
