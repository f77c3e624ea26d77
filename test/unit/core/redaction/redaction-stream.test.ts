// Redaction of output that arrives in pieces: a secret split anywhere is still cut off, only a short tail is held back,
// and every piece says which stretch of the input it stands for.
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../electron/core/redaction/redaction.ts';
import { RedactionStream, type EmittedPiece } from '../../../../electron/core/redaction/redaction-stream.ts';
import { SECRET_SAMPLES } from '../../../support/secrets.ts';
import { capturedProgramOutput } from '../../../support/terminal-streams.ts';

const redactor = new Redactor();

const textOf = (pieces: readonly EmittedPiece[]): string => pieces.map((p) => p.text).join('');

/** Feeds `pieces` through a fresh stream and returns everything it let through, released at the end. */
function streamed(pieces: readonly string[], r = redactor): string {
  const stream = new RedactionStream(r);
  let out = '';
  for (const p of pieces) out += textOf(stream.push(p));
  return out + textOf(stream.release());
}

describe('RedactionStream', () => {
  it.each(SECRET_SAMPLES.map((s) => [s.rule, s] as const))(
    'redacts %s split into two pieces at any point',
    (_rule, sample) => {
      const whole = redactor.redact(sample.text);
      for (let i = 0; i <= sample.text.length; i++) {
        const out = streamed([sample.text.slice(0, i), sample.text.slice(i)]);
        expect(out, `split at ${i}`).toBe(whole);
      }
    },
  );

  it('redacts a secret split into many small pieces among lots of other output', () => {
    const noise = capturedProgramOutput().slice(0, 20_000);
    for (const sample of SECRET_SAMPLES) {
      const text = `${noise}\r\n${sample.text}\r\n${noise}`;
      const pieces: string[] = [];
      for (let i = 0; i < text.length; i += 1 + (i % 13)) pieces.push(text.slice(i, i + 1 + (i % 13)));
      const out = streamed(pieces);
      expect(out, sample.rule).not.toContain(sample.secret);
      expect(out).toBe(redactor.redact(text));
    }
  });

  it('lets ordinary output through unchanged, whatever the pieces', () => {
    const output = capturedProgramOutput();
    const pieces: string[] = [];
    for (let i = 0; i < output.length; i += 4093) pieces.push(output.slice(i, i + 4093));
    expect(streamed(pieces)).toBe(output);
  });

  it('keeps back only a short tail and lets it through when released', () => {
    const stream = new RedactionStream(redactor);
    const long = 'x'.repeat(10_000);
    const first = textOf(stream.push(long));
    expect(first.length).toBeGreaterThan(5000);
    expect(stream.held).toBe(long.length - first.length);
    expect(first + textOf(stream.release())).toBe(long);
    expect(stream.held).toBe(0);
  });

  it('cuts off a secret typed slowly, one released character at a time', () => {
    const stream = new RedactionStream(redactor);
    const typed = 'export TOKEN=s3cretvalue99\r\n$ ';
    let out = '';
    for (const ch of typed) out += textOf(stream.push(ch)) + textOf(stream.release());
    expect(out).toBe('export TOKEN=[REDACTED:secret-assignment]\r\n$ ');
  });

  it('drops a private key printed in small pieces, and keeps what follows its END line', () => {
    const sample = SECRET_SAMPLES.find((s) => s.rule === 'private-key');
    if (!sample) throw new Error('no private key sample');
    const pieces: string[] = [];
    for (let i = 0; i < sample.text.length; i += 64) pieces.push(sample.text.slice(i, i + 64));
    const out = streamed([...pieces, 'after the key\r\n']);
    expect(out).toBe('$ cat ~/.ssh/id_ed25519\r\n[REDACTED:private-key]\r\n$ after the key\r\n');
  });

  it('records again after a BEGIN line that no key follows', () => {
    const stream = new RedactionStream(redactor);
    let out = textOf(stream.push('$ grep -r "BEGIN" .\r\nnotes.md: -----BEGIN RSA PRIVATE KEY-----\r\n'));
    for (let i = 0; i < 1000; i++) out += textOf(stream.push(`line ${i} of ordinary output\r\n`));
    out += textOf(stream.release());
    expect(out.startsWith('$ grep -r "BEGIN" .\r\nnotes.md: [REDACTED:private-key]')).toBe(true);
    expect(out).toContain('line 999 of ordinary output\r\n');
    expect(out).not.toContain('line 10 of');
  });

  it('keeps a surrogate pair together across the cut', () => {
    const text = '🙂'.repeat(6000);
    const stream = new RedactionStream(redactor);
    const first = textOf(stream.push(text));
    expect(first.length % 2).toBe(0);
    expect(first + textOf(stream.release())).toBe(text);
  });

  it('says which stretch of its input each piece stands for, so times can follow the text', () => {
    const noise = capturedProgramOutput().slice(0, 30_000);
    const input = SECRET_SAMPLES.map((s) => `${noise.slice(0, 3000)}${s.text}\r\n`).join('');
    const stream = new RedactionStream(redactor);
    const pieces: EmittedPiece[] = [];
    for (let i = 0; i < input.length; i += 777) pieces.push(...stream.push(input.slice(i, i + 777)));
    pieces.push(...stream.release());
    let at = 0;
    for (const p of pieces) {
      // In order, never overlapping; what lies between two pieces was dropped (the body of a private key).
      expect(p.rawStart).toBeGreaterThanOrEqual(at);
      if (p.plain) expect(p.text).toBe(input.slice(p.rawStart, p.rawEnd));
      else expect(p.text).toMatch(/^\[REDACTED:[a-z-]+\]$/);
      at = p.rawEnd;
    }
    expect(at).toBe(input.length);
    expect(textOf(pieces)).toBe(redactor.redact(input));
  });
});
