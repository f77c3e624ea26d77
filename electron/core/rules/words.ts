// Words as rules see them. A segment's argv (quotes already removed by the shell parser) is written
// back out in one canonical way, so `git commit -m "a b"`, `git commit -m 'a b'` and
// `git commit -m a\ b` are the same text to a glob or a regex: `git commit -m 'a b'`.
import type { RiskSegment } from '../../../shared/domain.ts';
import { canonicalProgram } from '../risk/index.ts';

/** Characters that never need quoting in a shell word. */
const BARE_WORD = /^[A-Za-z0-9_@%+=:,./~^-]+$/;

/** One word as a shell would read it back: bare when safe, else single-quoted. */
export function quoteWord(word: string): string {
  if (BARE_WORD.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export function canonicalText(words: readonly string[]): string {
  return words.map(quoteWord).join(' ');
}

/**
 * Splits a pattern or a command into words the way a shell would for plain text: whitespace
 * separates, single and double quotes group, a backslash escapes. Returns null for an unterminated quote.
 */
export function splitWords(text: string): string[] | null {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return null;
      current += text.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && j + 1 < text.length && '"\\$`'.includes(text[j + 1] as string)) j++;
        current += text[j];
      }
      if (j >= text.length) return null;
      inWord = true;
      i = j;
    } else if (c === '\\' && i + 1 < text.length) {
      current += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += c;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

/** `/usr/bin/rm` → `rm`; the name a program is known by, whatever path it was called with. */
export function baseProgram(word: string): string {
  return canonicalProgram(word.split('/').pop() ?? word);
}

/** The wrapper that makes a segment run as root (`sudo`, `doas`, …), as a word, or null. */
function privilegeWord(seg: RiskSegment): string | null {
  for (const v of seg.via) {
    const first = v.split(' ')[0] ?? '';
    if (/^(sudo|doas|pkexec|su|run0)$/.test(first)) return first;
  }
  return null;
}

/** `ssh prod-db`, `docker exec web`, `kubectl exec api`: where a remote segment runs, as words. */
const REMOTE_VIA = /^(ssh|docker exec|podman exec|kubectl exec) /;

/**
 * The words an allow rule must match: the argv, preceded by what it cannot do without (the privilege
 * wrapper, the remote it runs on). A rule for `rm` does not allow `sudo rm`, nor `rm` over `ssh prod`.
 */
export function strictWords(seg: RiskSegment): readonly string[] {
  if (seg.via.length === 0) return seg.argv;
  const prefix: string[] = [];
  const priv = privilegeWord(seg);
  if (priv) prefix.push(priv);
  const remote = seg.via.find((v) => REMOTE_VIA.test(v));
  if (remote) prefix.push(...remote.split(' '));
  return prefix.length ? [...prefix, ...seg.argv] : seg.argv;
}

/**
 * Every way a deny or ask rule may see the segment: as the strict form, as the bare argv, and with the
 * program called by its base name (`/bin/rm` is `rm`). Denying fails closed: any form that matches counts.
 */
export function looseForms(seg: RiskSegment, strict: readonly string[] = strictWords(seg)): (readonly string[])[] {
  const forms: (readonly string[])[] = [strict];
  if (strict.length !== seg.argv.length) forms.push(seg.argv);
  const first = seg.argv[0];
  // `/usr/bin/rm` and `python3.11` are also read as `rm` and `python3`, so deny and ask rules written for those catch them.
  if (first !== undefined && (first.includes('/') || baseProgram(first) !== first))
    forms.push([baseProgram(first), ...seg.argv.slice(1)]);
  return forms.filter((f) => f.length > 0);
}
