import { describe, expect, it } from 'vitest';
import { stripAnsi } from '../../../../../electron/core/recording/common/ansi.ts';

describe('stripAnsi', () => {
  it('keeps the text a person reads and drops escape sequences and control characters', () => {
    const raw =
      '\x1b[1;31merror\x1b[0m: \x1b]0;title\x07file \x1b]8;;https://x\x1b\\link\x1b]8;;\x1b\\ \x1b(0q\x1b(B\x07done\r\nnext\tcol\b';
    expect(stripAnsi(raw).text).toBe('error: file link qdone\nnext\tcol');
  });

  it('turns a lone carriage return into a line break, so progress updates do not run words together', () => {
    expect(stripAnsi('10%\r50%\r100%\r\n').text).toBe('10%\n50%\n100%\n');
  });

  it('maps every character back to where it was in the raw text', () => {
    const raw = 'ab\x1b[32mcd\x1b[0m\r\nef';
    const s = stripAnsi(raw);
    expect(s.text).toBe('abcd\nef');
    expect([...s.text].map((_, i) => s.rawIndex(i))).toEqual([0, 1, 7, 8, 14, 15, 16]);
  });

  it('copes with a sequence cut off at the end', () => {
    expect(stripAnsi('text \x1b[3').text).toBe('text ');
    expect(stripAnsi('text \x1b]0;unterminated').text).toBe('text ');
  });
});
