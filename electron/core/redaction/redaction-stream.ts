// Redaction of a stream that arrives in pieces (terminal output, typed input): a secret split across two
// pieces is still found. The stream keeps back a short tail that could be the start of a secret, and
// remembers a little of what it already let through, so a secret that continues after a pause is cut off too.
import { placeholder, type Redactor, type SecretMatch } from './redaction.ts';
import { PRIVATE_KEY_END, PRIVATE_KEY_END_MAX_LENGTH, PRIVATE_KEY_MAX_LENGTH } from './secret-rules.ts';

/** Held back at the end of the stream, and remembered of what was let through: longer than any one secret (JWTs run to a few KB). */
export const CARRY_CHARS = 4096;
/** A match that keeps growing past this (a megabyte of base64 after `sk-`) is let through redacted, so memory stays bounded. */
export const MAX_HELD_CHARS = 64 * 1024;

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/**
 * A piece of redacted text and the stretch of the input it stands for (offsets count every character
 * pushed so far), so that a recorder can give each piece the time its input arrived. `plain` pieces are
 * the input unchanged; the others are placeholders for a secret.
 */
export interface EmittedPiece {
  text: string;
  rawStart: number;
  rawEnd: number;
  plain: boolean;
}

export class RedactionStream {
  private readonly redactor: Redactor;
  /** The end of the raw text already let through, to find secrets that straddle it. */
  private context = '';
  /** The text let through so far ended inside a secret (what follows of that secret is dropped, not marked again). */
  private endsInSecret = false;
  private pending = '';
  /** Inside a private key: everything is dropped until its END line. */
  private inKey = false;
  private keyTail = '';
  /** Characters dropped since the key's BEGIN line. */
  private keyDropped = 0;
  /** Offset in the input of the first character of `pending`. */
  private consumed = 0;

  constructor(redactor: Redactor) {
    this.redactor = redactor;
  }

  /** Redacted text that is safe to store now (`text`, or its pieces in order). Whatever could still turn out to be a secret is kept back. */
  push(text: string | readonly string[]): EmittedPiece[] {
    if (typeof text === 'string') this.pending += text;
    else for (const piece of text) this.pending += piece;
    return this.drain(false);
  }

  /** Lets through everything kept back (the stream went quiet, or ended). A private key still open stays dropped. */
  release(): EmittedPiece[] {
    return this.pending.length === 0 ? [] : this.drain(true);
  }

  /** Characters kept back, not yet let through. */
  get held(): number {
    return this.pending.length;
  }

  private drain(final: boolean): EmittedPiece[] {
    if (this.inKey && !this.skipKey()) return [];
    const raw = this.context + this.pending;
    const base = this.context.length;
    const matches = this.redactor.find(raw).filter((m) => m.end > base);

    const key = matches.find((m) => m.unterminated);
    if (key) return this.openKey(raw, base, matches, key);

    let cut = final ? raw.length : Math.max(base, raw.length - CARRY_CHARS);
    if (!final) {
      // A match reaching into the held tail may grow with the next piece: hold all of it.
      const straddling = matches.find((m) => m.start < cut && m.end >= cut);
      if (straddling)
        cut = raw.length - straddling.start > MAX_HELD_CHARS ? straddling.end : Math.max(base, straddling.start);
      if (cut > base && cut < raw.length && isHighSurrogate(raw.charCodeAt(cut - 1))) cut--;
    }
    const out = this.emit(raw, base, cut, matches);
    this.context = raw.slice(Math.max(0, cut - CARRY_CHARS), cut);
    this.pending = raw.slice(cut);
    return out;
  }

  /** The text in [base, cut) with its secrets replaced; a secret that began in text already let through is cut off. */
  private emit(raw: string, base: number, cut: number, matches: readonly SecretMatch[]): EmittedPiece[] {
    if (cut <= base) return [];
    const abs = (pos: number) => this.consumed + pos - base;
    const out: EmittedPiece[] = [];
    const plain = (from: number, to: number) => {
      if (to > from) out.push({ text: raw.slice(from, to), rawStart: abs(from), rawEnd: abs(to), plain: true });
    };
    let pos = base;
    let lastSecretEnd = -1;
    for (const m of matches) {
      if (m.start >= cut) break;
      if (m.secretEnd <= pos) continue;
      const from = Math.max(pos, m.secretStart);
      plain(pos, from);
      // A secret that began in text already let through: what follows of it is dropped, not marked again.
      if (m.secretStart >= pos || !(this.endsInSecret && pos === base))
        out.push({ text: placeholder(m.name), rawStart: abs(from), rawEnd: abs(m.secretEnd), plain: false });
      pos = m.secretEnd;
      lastSecretEnd = m.secretEnd;
    }
    plain(pos, cut);
    this.endsInSecret = lastSecretEnd === cut;
    this.consumed = abs(cut);
    return out;
  }

  /** A private key began: let through what came before it, then drop everything until its END line. */
  private openKey(raw: string, base: number, matches: readonly SecretMatch[], key: SecretMatch): EmittedPiece[] {
    const from = Math.max(base, key.start);
    const before = matches.filter((m) => m !== key && m.end <= key.start && m.end > base);
    const out = this.emit(raw, base, from, before);
    const end = this.consumed + raw.length - from;
    out.push({ text: placeholder(key.name), rawStart: this.consumed, rawEnd: end, plain: false });
    this.consumed = end;
    this.inKey = true;
    this.keyDropped = raw.length - from;
    this.keyTail = raw.slice(-PRIVATE_KEY_END_MAX_LENGTH);
    this.context = '';
    this.pending = '';
    this.endsInSecret = true;
    return out;
  }

  /** Drops key material up to and including the END line; false while the END line has not arrived. */
  private skipKey(): boolean {
    const text = this.keyTail + this.pending;
    const end = PRIVATE_KEY_END;
    end.lastIndex = 0;
    const close = end.exec(text);
    if (!close) {
      this.consumed += this.pending.length;
      this.keyDropped += this.pending.length;
      this.keyTail = text.slice(-PRIVATE_KEY_END_MAX_LENGTH);
      this.pending = '';
      // No END line within any key's length: it was not a key. What comes next is recorded again.
      if (this.keyDropped > PRIVATE_KEY_MAX_LENGTH) {
        this.inKey = false;
        this.keyTail = '';
        this.context = '';
      }
      return false;
    }
    const after = close.index + close[0].length;
    this.consumed += after - this.keyTail.length;
    this.pending = text.slice(after);
    this.keyTail = '';
    this.inKey = false;
    this.context = '';
    return true;
  }
}
