import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressSync, CorruptChunkError, decodeEvents, encodeEvents, type StreamEvent } from '../../../../electron/core/recording/codec.ts';

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
    expect(raw.toString('utf8').endsWith(events.flatMap((e) => (e.kind === 'resize' ? [] : [e.data])).join(''))).toBe(true);
  });

  it('still reads chunks in the first format (a JSON array of events)', () => {
    const legacy = zlib.brotliCompressSync(Buffer.from(JSON.stringify([[0, 'r', 120, 40], [2, 'o', 'a\x1b[0mb'], [10, 'i', 'ls\r']])));
    expect(decodeEvents(legacy, START)).toEqual([
      { atMs: 1_000, kind: 'resize', cols: 120, rows: 40 },
      { atMs: 1_002, kind: 'output', data: 'a\x1b[0mb' },
      { atMs: 1_010, kind: 'input', data: 'ls\r' },
    ]);
  });

  it('refuses a damaged chunk with a clear error instead of returning wrong text', () => {
    const raw = encodeEvents(events, START);
    const damaged = (b: Buffer) => () => decodeEvents(zlib.brotliCompressSync(b), START);
    expect(() => decodeEvents(Buffer.from('not brotli at all'), START)).toThrow(CorruptChunkError);
    expect(damaged(raw.subarray(0, raw.length - 3))).toThrow(/too little text/);
    expect(damaged(Buffer.concat([raw, Buffer.from('extra')]))).toThrow(/5 characters no event accounts for/);
    expect(damaged(raw.subarray(0, 3))).toThrow(/cut short/);
    expect(damaged(Buffer.from([7, 1, 2]))).toThrow(/unknown format/);
    const badIndex = Buffer.from(raw);
    badIndex.write('{', 5);
    expect(damaged(badIndex)).toThrow(/index cannot be read/);
  });
});
