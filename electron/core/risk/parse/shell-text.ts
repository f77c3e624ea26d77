// What bash does to plain text, with no syntax tree: brace expansion, the escapes inside double quotes,
// backticks and `$'…'`, and the backtick substitutions in text that expands like a double-quoted string
// (an unquoted here-document). Used by the word reader (`words.ts`) and the redirection reader.

/** Words one brace expansion may make; past it the word stays unknown. */
const MAX_BRACE_WORDS = 64;
const SEQUENCE = /^\{[^{}]*\.\.[^{}]*\}$/;

/**
 * bash's brace expansion of one word, on its unquoted braces (`flags` marks each character `u`
 * unquoted): `a{b,c}d` is `abd acd`, nested and repeated braces multiply, `{}` and `{x}` stay as they
 * are. null when the words depend on more than the text: a sequence (`{1..5}`) or more than
 * MAX_BRACE_WORDS of them.
 */
export function expandBraces(text: string, flags: string): string[] | null {
  const out: string[] = [];
  const expand = (t: string, f: string): boolean => {
    for (let i = 0; i < t.length; i++) {
      if (t[i] !== '{' || f[i] !== 'u') continue;
      let depth = 0;
      let close = -1;
      const commas: number[] = [];
      for (let j = i; j < t.length && close < 0; j++) {
        if (f[j] !== 'u') continue;
        if (t[j] === '{') depth += 1;
        else if (t[j] === '}' && --depth === 0) close = j;
        else if (t[j] === ',' && depth === 1) commas.push(j);
      }
      if (close < 0) continue;
      if (commas.length === 0) {
        if (SEQUENCE.test(t.slice(i, close + 1))) return false;
        continue;
      }
      const bounds = [i, ...commas, close];
      for (let k = 0; k + 1 < bounds.length; k++) {
        const a = (bounds[k] as number) + 1;
        const b = bounds[k + 1] as number;
        if (
          !expand(
            t.slice(0, i) + t.slice(a, b) + t.slice(close + 1),
            f.slice(0, i) + f.slice(a, b) + f.slice(close + 1),
          )
        )
          return false;
      }
      return true;
    }
    out.push(t);
    return out.length <= MAX_BRACE_WORDS;
  };
  return expand(text, flags) ? out : null;
}

/** The commands of a backtick substitution as bash reads them: `\$`, `` \` ``, `\\` (and `\"` in double quotes) lose their backslash. */
export function unescapeBackticks(body: string, inDoubleQuotes: boolean): string {
  return body.replace(inDoubleQuotes ? /\\([$`\\"])/g : /\\([$`\\])/g, '$1');
}

/**
 * The bodies of the backtick substitutions in text read like a double-quoted string (an unquoted
 * here-document): an escaped backtick is plain text. tree-sitter does not parse these; bash runs them.
 * `closed: false` when the last one never ends (bash refuses the here-document then).
 */
export function backticksIn(text: string): Array<{ body: string; closed: boolean }> {
  const found: Array<{ body: string; closed: boolean }> = [];
  if (!text.includes('`')) return found;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i += 1;
      continue;
    }
    if (ch !== '`') continue;
    let body = '';
    let j = i + 1;
    for (; j < text.length && text[j] !== '`'; j++) {
      if (text[j] === '\\' && j + 1 < text.length) {
        const next = text[j + 1] as string;
        body += '$`\\'.includes(next) ? next : `\\${next}`;
        j += 1;
      } else body += text[j];
    }
    found.push({ body, closed: j < text.length });
    i = j;
  }
  return found;
}

export function unescapeDoubleQuoted(raw: string): string {
  return raw.replace(/\\([$`"\\\n])/g, (_m, c: string) => (c === '\n' ? '' : c));
}

const ANSI_C: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** `$'…'`: C-style escapes (`\n`, `\x41`, `\u00e9`, `\101`, `\cA`). */
export function decodeAnsiC(raw: string): string {
  return raw.replace(/\\(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|U[0-9a-fA-F]{1,8}|[0-7]{1,3}|c.|.)/gs, (m, e: string) => {
    if (e[0] === 'x' || e[0] === 'u' || e[0] === 'U') return safeCodePoint(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8) & 0xff);
    if (e[0] === 'c' && e.length === 2) return String.fromCharCode((e.charCodeAt(1) & 0x1f) >>> 0);
    return ANSI_C[e] ?? m;
  });
}

function safeCodePoint(cp: number): string {
  return cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
}
