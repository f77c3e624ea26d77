// A small reader for the string literals, lists and call arguments of one-liners in Python, JavaScript,
// Ruby, Perl and PHP. It does not parse those languages: it reads what a call is given, and anything
// that is not a literal becomes a value only known at run time.
import type { Word } from '../model.ts';

export type Lang = 'python' | 'js' | 'ruby' | 'perl' | 'php' | 'awk';

/** What one argument evaluates to, as far as literals tell. */
export type Value = { kind: 'string'; word: Word } | { kind: 'list'; items: Word[] } | { kind: 'other'; word: Word };

export interface Literal {
  word: Word;
  end: number;
}

export const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b' };
/** Characters that can begin a string literal in one of the languages (quotes, prefixes, `%q`, `qq`). */
const STRING_START = /['"`%qrbufRBUF]/;
/** How far a one-liner's arguments are read: a runaway (unbalanced) argument list stops here. */
const MAX_ARGS = 64;

/** A stand-in for a value only known at run time: `$name` for a plain variable, `$EXPR` otherwise. */
export function placeholder(expr: string): Word {
  const t = expr.trim().replace(/^[$@%]/, '');
  return { text: /^[A-Za-z_]\w*$/.test(t) ? `$${t}` : '$EXPR', known: false };
}

export type Interp = 'python' | 'js' | 'ruby' | 'dollar' | null;

/** Reads quoted text from `i` (just after the opening quote) to `close`. */
export function readQuoted(code: string, i: number, close: string, escapes: 'all' | 'quotes' | 'none', interp: Interp, lang: Lang, open = ''): Literal {
  let text = '';
  let isKnown = true;
  let depth = 0;
  while (i < code.length) {
    if (code.startsWith(close, i) && depth === 0) return { word: { text, known: isKnown }, end: i + close.length };
    const ch = code[i] as string;
    if (open && ch === open) depth += 1;
    if (open && ch === close) depth -= 1;
    if (ch === '\\' && escapes !== 'none' && i + 1 < code.length) {
      const next = code[i + 1] as string;
      if (escapes === 'quotes') text += next === close || next === '\\' ? next : `\\${next}`;
      else if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(code.slice(i + 2, i + 4))) {
        text += String.fromCharCode(parseInt(code.slice(i + 2, i + 4), 16));
        i += 2;
      } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(code.slice(i + 2, i + 6))) {
        text += String.fromCharCode(parseInt(code.slice(i + 2, i + 6), 16));
        i += 4;
      } else text += ESCAPES[next] ?? next;
      i += 2;
      continue;
    }
    const opener = interp === 'python' ? '{' : interp === 'js' ? '${' : interp === 'ruby' ? '#{' : null;
    if (interp === 'python' && code.startsWith('{{', i)) {
      text += '{';
      i += 2;
      continue;
    }
    if (opener && code.startsWith(opener, i)) {
      const end = matching(code, i + opener.length - 1, lang);
      const inner = evaluate(code.slice(i + opener.length, end), lang);
      text += inner.kind === 'string' ? inner.word.text : placeholder(code.slice(i + opener.length, end)).text;
      isKnown = isKnown && inner.kind === 'string' && inner.word.known;
      i = end + 1;
      continue;
    }
    if (interp === 'dollar' && /[$@]/.test(ch) && /[{A-Za-z_]/.test(code[i + 1] ?? '')) isKnown = false;
    text += ch;
    i += 1;
  }
  return { word: { text, known: false }, end: code.length };
}

/** Index of the bracket closing the one at `at`, skipping strings; the end of the code if unbalanced. */
export function matching(code: string, at: number, lang: Lang): number {
  const open = code[at] as string;
  const close = CLOSERS[open] ?? open;
  let depth = 0;
  for (let i = at; i < code.length; i++) {
    const lit = i > at ? readString(code, i, lang) : null;
    if (lit) {
      i = lit.end - 1;
      continue;
    }
    if (code[i] === open) depth += 1;
    else if (code[i] === close && --depth === 0) return i;
  }
  return code.length;
}

/** Reads a string literal starting exactly at `at`, with the language's prefixes and quoting forms. */
export function readString(code: string, at: number, lang: Lang): Literal | null {
  const ch = code[at] ?? '';
  if (!STRING_START.test(ch)) return null;
  // awk has one kind of string: double quotes with C escapes.
  if (lang === 'awk') return ch === '"' ? readQuoted(code, at + 1, '"', 'all', null, lang) : null;
  if (lang === 'python') {
    const m = /^([rRbBuUfF]{1,2})?('''|"""|'|")/.exec(code.slice(at, at + 5));
    if (!m || (m[1] && /\w/.test(code[at - 1] ?? ''))) return null;
    const prefix = (m[1] ?? '').toLowerCase();
    return readQuoted(code, at + m[0].length, m[2] as string, prefix.includes('r') ? 'none' : 'all', prefix.includes('f') ? 'python' : null, lang);
  }
  if (ch === '"') return readQuoted(code, at + 1, '"', 'all', lang === 'js' ? null : lang === 'ruby' ? 'ruby' : 'dollar', lang);
  if (ch === "'") return readQuoted(code, at + 1, "'", lang === 'js' ? 'all' : 'quotes', null, lang);
  if (ch === '`' && lang === 'js') return readQuoted(code, at + 1, '`', 'all', 'js', lang);
  // Ruby %q() %Q() %(), Perl q() qq(): any bracket or punctuation delimits them.
  const m = lang === 'ruby' ? /^%([qQ]?)([^\w\s])/.exec(code.slice(at, at + 3)) : lang === 'perl' ? /^(qq|q)\s*([^\w\s])/.exec(code.slice(at, at + 4)) : null;
  if (m && !/\w/.test(code[at - 1] ?? '')) {
    const delim = m[2] as string;
    const interp = m[1] === 'q' ? null : lang === 'ruby' ? 'ruby' : 'dollar';
    return readQuoted(code, at + m[0].length, CLOSERS[delim] ?? delim, m[1] === 'q' ? 'quotes' : 'all', interp, lang, CLOSERS[delim] ? delim : '');
  }
  return null;
}

/**
 * Splits the arguments of a call into their source texts: from `at` (just after `(`) to the matching
 * `)`, or, for a call without parentheses (Perl, Ruby), to the end of the statement.
 */
export function splitArgs(code: string, at: number, lang: Lang, parens: boolean): { args: string[]; end: number } {
  const args: string[] = [];
  let start = at;
  let depth = 0;
  let i = at;
  for (; i < code.length && args.length < MAX_ARGS; i++) {
    const lit = readString(code, i, lang);
    if (lit) {
      i = lit.end - 1;
      continue;
    }
    const ch = code[i] as string;
    if (ch === '(' || ch === '[' || ch === '{') depth += 1;
    else if (ch === ')' || ch === ']' || ch === '}') {
      if (depth === 0) break;
      depth -= 1;
    } else if (depth === 0 && ch === ',') {
      args.push(code.slice(start, i));
      start = i + 1;
    } else if (depth === 0 && !parens && (ch === ';' || ch === '\n' || /^\s+(or|and|if|unless|\|\||&&)\b/.test(code.slice(i, i + 10)))) break;
  }
  const last = code.slice(start, i);
  if (last.trim() || args.length) args.push(last);
  return { args: args.map((a) => a.trim()), end: i };
}

/** The top-level parts of an expression joined by the language's string operator (`+`, `.`, Path's `/`; awk's is a space). */
function concatenated(expr: string, lang: Lang): string[] {
  const ops = lang === 'perl' || lang === 'php' ? '.' : lang === 'python' ? '+/' : lang === 'awk' ? ' \t' : '+';
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < expr.length; i++) {
    const lit = readString(expr, i, lang);
    if (lit) {
      i = lit.end - 1;
      continue;
    }
    const ch = expr[i] as string;
    if ('([{'.includes(ch)) depth += 1;
    else if (')]}'.includes(ch)) depth -= 1;
    else if (depth === 0 && ops.includes(ch) && !(ch === '.' && /\d/.test(expr[i - 1] ?? '') && /\d/.test(expr[i + 1] ?? ''))) {
      parts.push(expr.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(expr.slice(start));
  const trimmed = parts.map((p) => p.trim());
  // Runs of spaces between awk's operands are one operator.
  return lang === 'awk' ? trimmed.filter((p, i) => p !== '' || (i === 0 && trimmed.length === 1)) : trimmed;
}

/** Calls that only pass a path through (`Path(p)`, `os.path.expanduser(p)`), and ones that join paths. */
const PASS_THROUGH = /^(?:(?:pathlib\.)?(?:Pure)?(?:Posix)?Path|str|String|os\.path\.(?:expanduser|expandvars|abspath|realpath|normpath)|path\.(?:resolve|normalize)|File\.expand_path|Pathname\.new|realpath)$/;
const JOINS = /^(?:os\.path\.join|path\.join|path\.resolve|File\.join)$/;
const HOME = /^(?:(?:pathlib\.)?Path\.home\(\s*\)|os\.homedir\(\s*\)|Dir\.home|Deno\.env\.get\(\s*['"]HOME['"]\s*\))$/;
const HOME_VAR = /^(?:os\.environ\s*\[\s*['"]HOME['"]\s*\]|process\.env\.HOME|process\.env\[\s*['"]HOME['"]\s*\]|ENV\s*\[\s*['"]HOME['"]\s*\]|\$ENV\{\s*['"]?HOME['"]?\s*\}|getenv\(\s*['"]HOME['"]\s*\)|\$_SERVER\[\s*['"]HOME['"]\s*\])$/;

/** Evaluates one argument: literals, lists of literals, concatenations, and the common path helpers. */
export function evaluate(expr: string, lang: Lang): Value {
  const e = expr.trim();
  const list = /^(\[|\(|array\s*\(|%[wW]\s*[[(]|qw\s*[[(/])/.exec(e);
  if (list && matching(e, list[0].length - 1, lang) === e.length - 1) {
    const inner = e.slice(list[0].length, -1);
    if (/^(%[wW]|qw)/.test(list[0])) return { kind: 'list', items: inner.split(/\s+/).filter(Boolean).map((text) => ({ text, known: true })) };
    const items = splitArgs(inner, 0, lang, true).args.filter(Boolean).map((a) => wordOf(evaluate(a, lang)));
    return { kind: 'list', items };
  }
  const parts = concatenated(e, lang);
  if (parts.length > 1) {
    const words = parts.map((p) => wordOf(evaluate(p, lang)));
    const sep = lang === 'python' && /[^+]\/[^/]/.test(e) && !e.includes('+') ? '/' : '';
    return { kind: words.every((w) => w.known) ? 'string' : 'other', word: { text: words.map((w) => w.text).join(sep), known: words.every((w) => w.known) } };
  }
  return term(e, lang);
}

function term(e: string, lang: Lang): Value {
  const lit = readString(e, 0, lang);
  if (lit && lit.end === e.length) return { kind: 'string', word: lit.word };
  // A decimal number (a port, a count) is as known as a string.
  if (/^\d+$/.test(e)) return { kind: 'string', word: { text: e, known: true } };
  // Python's implicit concatenation: 'a' 'b'.
  if (lit && lang === 'python') {
    const rest = term(e.slice(lit.end).trim(), lang);
    if (rest.kind === 'string') return { kind: 'string', word: { text: lit.word.text + rest.word.text, known: lit.word.known && rest.word.known } };
  }
  if (HOME.test(e)) return { kind: 'string', word: { text: '~', known: true } };
  if (HOME_VAR.test(e)) return { kind: 'other', word: { text: '$HOME', known: false } };
  const call = /^([\w.$]+)\s*\(/.exec(e);
  if (call && matching(e, call[0].length - 1, lang) === e.length - 1) {
    const args = splitArgs(e, call[0].length, lang, true).args.filter(Boolean).map((a) => wordOf(evaluate(a, lang)));
    const name = call[1] as string;
    if (JOINS.test(name) && args.length) return joined(args);
    if (PASS_THROUGH.test(name) && args.length === 1) return { kind: (args[0] as Word).known ? 'string' : 'other', word: args[0] as Word };
  }
  return { kind: 'other', word: placeholder(e) };
}

function joined(words: Word[]): Value {
  const text = words.map((w, i) => (i === 0 ? w.text : w.text.replace(/^\/+/, ''))).reduce((a, b) => (a.endsWith('/') ? a + b : `${a}/${b}`));
  const isKnown = words.every((w) => w.known);
  return { kind: isKnown ? 'string' : 'other', word: { text, known: isKnown } };
}

/** Any value as one word (a list becomes its items joined, as a shell would see them). */
export function wordOf(v: Value): Word {
  if (v.kind === 'list') return { text: v.items.map((w) => w.text).join(' '), known: v.items.every((w) => w.known) };
  return v.word;
}
