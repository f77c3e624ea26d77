// A small reader for the string literals, lists and call arguments of one-liners in Python, JavaScript,
// Ruby, Perl, PHP, awk, Lua, Julia, Elixir, Erlang, the JVM languages, Raku, Tcl, R and AppleScript. It
// does not parse those languages: it reads what a call is given, and anything that is not a literal
// becomes a value only known at run time. Literals that are decoded on the spot (`b64decode('…')`,
// `bytes.fromhex('…')`, `String.fromCharCode(…)`, `'…'[::-1]`) are decoded here, so the code they hide is read.
import type { Word } from '../model.ts';

export type Lang =
  | 'python'
  | 'js'
  | 'ruby'
  | 'perl'
  | 'php'
  | 'awk'
  | 'lua'
  | 'julia'
  | 'elixir'
  | 'erlang'
  | 'groovy'
  | 'scala'
  | 'kotlin'
  | 'raku'
  | 'tcl'
  | 'r'
  | 'applescript';

/** What one argument evaluates to, as far as literals tell. */
export type Value = { kind: 'string'; word: Word } | { kind: 'list'; items: Word[] } | { kind: 'other'; word: Word };

export interface Literal {
  word: Word;
  end: number;
}

export const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };
const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  e: '\x1b',
};
/** Characters that can begin a string literal in one of the languages (quotes, prefixes, `%q`, `qq`). */
const STRING_START = /['"`%qrbufRBUF[]/;
/** How far a one-liner's arguments are read: a runaway (unbalanced) argument list stops here. */
const MAX_ARGS = 64;
/**
 * How many characters one call's arguments (or one bracket) are read for: far longer than any real
 * call, short enough that code full of unbalanced calls cannot make reading it quadratic.
 */
export const MAX_CALL_CHARS = 16 * 1024;

/** A stand-in for a value only known at run time: `$name` for a plain variable, `$EXPR` otherwise. */
export function placeholder(expr: string): Word {
  const t = expr.trim().replace(/^[$@%]/, '');
  return { text: /^[A-Za-z_]\w*$/.test(t) ? `$${t}` : '$EXPR', known: false };
}

export type Interp = 'python' | 'js' | 'ruby' | 'dollar' | null;

/** Reads quoted text from `i` (just after the opening quote) to `close`. */
export function readQuoted(
  code: string,
  i: number,
  close: string,
  escapes: 'all' | 'quotes' | 'none',
  interp: Interp,
  lang: Lang,
  open = '',
): Literal {
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
  const end = Math.min(code.length, at + MAX_CALL_CHARS);
  for (let i = at; i < end; i++) {
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
    return readQuoted(
      code,
      at + m[0].length,
      m[2] as string,
      prefix.includes('r') ? 'none' : 'all',
      prefix.includes('f') ? 'python' : null,
      lang,
    );
  }
  if (ch === '"')
    return readQuoted(
      code,
      at + 1,
      '"',
      'all',
      lang === 'js' ? null : lang === 'ruby' || lang === 'elixir' ? 'ruby' : 'dollar',
      lang,
    );
  if (ch === "'") return readQuoted(code, at + 1, "'", lang === 'js' ? 'all' : 'quotes', null, lang);
  if (ch === '`' && lang === 'js') return readQuoted(code, at + 1, '`', 'all', 'js', lang);
  // Julia's backticks are a command literal: `run(\`rm -rf x\`)`.
  if (ch === '`' && lang === 'julia') return readQuoted(code, at + 1, '`', 'all', 'dollar', lang);
  // Lua's long strings: [[…]], [==[…]==].
  const long = lang === 'lua' && ch === '[' ? /^\[(=*)\[/.exec(code.slice(at, at + 12)) : null;
  if (long) return readQuoted(code, at + long[0].length, `]${long[1] as string}]`, 'none', null, lang);
  // Ruby %q() %Q() %(), Perl and Raku q() qq(): any bracket or punctuation delimits them.
  const m =
    lang === 'ruby'
      ? /^%([qQ]?)([^\w\s])/.exec(code.slice(at, at + 3))
      : lang === 'perl' || lang === 'raku'
        ? /^(qq|q)\s*([^\w\s])/.exec(code.slice(at, at + 4))
        : null;
  if (m && !/\w/.test(code[at - 1] ?? '')) {
    const delim = m[2] as string;
    const interp = m[1] === 'q' ? null : lang === 'ruby' ? 'ruby' : 'dollar';
    return readQuoted(
      code,
      at + m[0].length,
      CLOSERS[delim] ?? delim,
      m[1] === 'q' ? 'quotes' : 'all',
      interp,
      lang,
      CLOSERS[delim] ? delim : '',
    );
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
  const stop = Math.min(code.length, at + MAX_CALL_CHARS);
  for (; i < stop && args.length < MAX_ARGS; i++) {
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
    } else if (depth === 0 && (ch === ',' || (ch === ';' && parens && lang === 'julia'))) {
      // Julia's keyword arguments follow a `;`: `rm(p; recursive=true)`.
      args.push(code.slice(start, i));
      start = i + 1;
    } else if (
      depth === 0 &&
      !parens &&
      (ch === ';' || ch === '\n' || /^\s+(or|and|if|unless|\|\||&&)\b/.test(code.slice(i, i + 10)))
    )
      break;
  }
  const last = code.slice(start, i);
  if (last.trim() || args.length) args.push(last);
  return { args: args.map((a) => a.trim()), end: i };
}

/** Each language's string concatenation operators (Python's `/` joins paths; awk's operator is a space). */
const CONCAT: Record<Lang, readonly string[]> = {
  python: ['+', '/'],
  js: ['+'],
  ruby: ['+'],
  perl: ['.'],
  php: ['.'],
  awk: [' ', '\t'],
  lua: ['..'],
  julia: ['*'],
  elixir: ['<>'],
  erlang: ['++'],
  groovy: ['+'],
  scala: ['+'],
  kotlin: ['+'],
  raku: ['~'],
  tcl: [],
  r: [],
  applescript: ['&'],
};

/** The top-level parts of an expression joined by the language's string operator (`+`, `.`, `..`, Path's `/`; awk's is a space). */
function concatenated(expr: string, lang: Lang): string[] {
  const ops = CONCAT[lang];
  const parts: string[] = [];
  if (ops.length === 0) return [expr.trim()];
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
    else if (depth === 0) {
      const op = ops.find((o) => expr.startsWith(o, i));
      if (op === undefined || (op === '.' && /\d/.test(expr[i - 1] ?? '') && /\d/.test(expr[i + 1] ?? ''))) continue;
      parts.push(expr.slice(start, i));
      start = i + op.length;
      i += op.length - 1;
    }
  }
  parts.push(expr.slice(start));
  const trimmed = parts.map((p) => p.trim());
  // Runs of spaces between awk's operands are one operator.
  return lang === 'awk' ? trimmed.filter((p, i) => p !== '' || (i === 0 && trimmed.length === 1)) : trimmed;
}

/** Calls that only pass a path through (`Path(p)`, `os.path.expanduser(p)`), and ones that join paths. */
const PASS_THROUGH =
  /^(?:(?:pathlib\.)?(?:Pure)?(?:Posix)?Path|str|String|os\.path\.(?:expanduser|expandvars|abspath|realpath|normpath)|path\.(?:resolve|normalize)|File\.expand_path|Pathname\.new|realpath)$/;
const JOINS = /^(?:os\.path\.join|path\.join|path\.resolve|File\.join)$/;
const HOME =
  /^(?:(?:pathlib\.)?Path\.home\(\s*\)|(?:os|require\(\s*['"](?:node:)?os['"]\s*\))\.homedir\(\s*\)|Dir\.home|Deno\.env\.get\(\s*['"]HOME['"]\s*\))$/;
const HOME_VAR =
  /^(?:os\.environ\s*\[\s*['"]HOME['"]\s*\]|process\.env\.HOME|process\.env\[\s*['"]HOME['"]\s*\]|ENV\s*\[\s*['"]HOME['"]\s*\]|\$ENV\{\s*['"]?HOME['"]?\s*\}|getenv\(\s*['"]HOME['"]\s*\)|\$_SERVER\[\s*['"]HOME['"]\s*\])$/;

/** Evaluates one argument: literals, lists of literals, concatenations, and the common path helpers. */
export function evaluate(expr: string, lang: Lang): Value {
  const e = expr.trim();
  const list = (
    lang === 'r'
      ? /^(c\s*\(|list\s*\()/
      : /^(\[|\(|array\s*\(|(?:listOf|arrayOf|List\.of|Arrays\.asList)\s*\(|%[wW]\s*[[(]|qw\s*[[(/])/
  ).exec(e);
  if (list && matching(e, list[0].length - 1, lang) === e.length - 1) {
    const inner = e.slice(list[0].length, -1);
    if (/^(%[wW]|qw)/.test(list[0]))
      return {
        kind: 'list',
        items: inner
          .split(/\s+/)
          .filter(Boolean)
          .map((text) => ({ text, known: true })),
      };
    const items = splitArgs(inner, 0, lang, true)
      .args.filter(Boolean)
      .map((a) => wordOf(evaluate(a, lang)));
    return { kind: 'list', items };
  }
  const parts = concatenated(e, lang);
  if (parts.length > 1) {
    const words = parts.map((p) => wordOf(evaluate(p, lang)));
    const sep = lang === 'python' && /[^+]\/[^/]/.test(e) && !e.includes('+') ? '/' : '';
    return {
      kind: words.every((w) => w.known) ? 'string' : 'other',
      word: { text: words.map((w) => w.text).join(sep), known: words.every((w) => w.known) },
    };
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
    if (rest.kind === 'string')
      return {
        kind: 'string',
        word: { text: lit.word.text + rest.word.text, known: lit.word.known && rest.word.known },
      };
  }
  if (HOME.test(e)) return { kind: 'string', word: { text: '~', known: true } };
  if (HOME_VAR.test(e)) return { kind: 'other', word: { text: '$HOME', known: false } };
  const decoded = decodedLiteral(e, lang);
  if (decoded !== null) return decoded;
  const call = /^([\w.$]+)\s*\(/.exec(e);
  if (call && matching(e, call[0].length - 1, lang) === e.length - 1) {
    const args = splitArgs(e, call[0].length, lang, true)
      .args.filter(Boolean)
      .map((a) => wordOf(evaluate(a, lang)));
    const name = call[1] as string;
    if (JOINS.test(name) && args.length) return joined(args);
    if (PASS_THROUGH.test(name) && args.length === 1)
      return { kind: (args[0] as Word).known ? 'string' : 'other', word: args[0] as Word };
  }
  return { kind: 'other', word: placeholder(e) };
}

/** Longest text decoded from a literal: enough for any payload a one-liner hides, bounded against floods. */
const MAX_DECODED = 64 * 1024;

const base64Text = (s: string): string | null =>
  /^[A-Za-z0-9+/=_\-\s]+$/.test(s) ? Buffer.from(s.replace(/\s/g, ''), 'base64').toString('utf8') : null;
const hexText = (s: string): string | null =>
  /^(?:0x)?(?:[0-9a-fA-F]{2}[\s:]?)+$/.test(s.trim())
    ? Buffer.from(s.trim().replace(/^0x|[\s:]/g, ''), 'hex').toString('utf8')
    : null;
const rot13 = (s: string): string =>
  s.replace(/[A-Za-z]/g, (c) =>
    String.fromCharCode(((c.charCodeAt(0) - (c <= 'Z' ? 65 : 97) + 13) % 26) + (c <= 'Z' ? 65 : 97)),
  );
const reversed = (s: string): string => [...s].reverse().join('');
const codes = (words: readonly Word[]): string | null => {
  const nums = words.map((w) => (/^(?:0x[0-9a-f]+|\d+)$/i.test(w.text.trim()) ? Number(w.text.trim()) : NaN));
  return nums.length > 0 && nums.every((n) => n >= 0 && n <= 0x10ffff) ? String.fromCodePoint(...nums) : null;
};

/** Decoded bytes that read as text (mostly printable); binary is a value only known at run time. */
function asText(text: string | null): Value | null {
  if (text === null) return null;
  if (text.length > MAX_DECODED) return { kind: 'other', word: { text: '$DECODED', known: false } };
  const printable = text.replace(/[^\t\n\r\x20-\x7e\u00a0-\ufffc]/g, '').length;
  return printable >= text.length * 0.9
    ? { kind: 'string', word: { text, known: true } }
    : { kind: 'other', word: { text: '$DECODED', known: false } };
}

/** Calls that decode what they are given, by name, and how (for `codecs.decode` and `Buffer.from`, by the encoding named). */
const DECODE_CALLS: ReadonlyArray<[RegExp, (args: Word[]) => string | null]> = [
  [
    /^(?:base64\.)?(?:b64decode|standard_b64decode|urlsafe_b64decode|decodebytes|decodestring)$|^atob$|^(?:Base64\.)?(?:decode64|strict_decode64|urlsafe_decode64)$|^base64_decode$|^(?:MIME::Base64::)?decode_base64$|^Base\.(?:url_)?decode64!?$|^base64decode$|^base64:decode(?:_to_string)?$/,
    (a) => base64Text(a[0]?.text ?? ''),
  ],
  [
    /^bytes\.fromhex$|^(?:binascii\.)?(?:unhexlify|a2b_hex)$|^hex2bin$|^Base\.decode16!?$|^hex2bytes$/,
    (a) => hexText(a[0]?.text ?? ''),
  ],
  [/^str_rot13$/, (a) => rot13(a[0]?.text ?? '')],
  [/^strrev$/, (a) => reversed(a[0]?.text ?? '')],
  [/^(?:String\.fromCharCode|String\.fromCodePoint|chr|intToUtf8|string\.char|utf8\.char)$/, codes],
  [/^paste0$/, (a) => a.map((w) => w.text).join('')],
  [
    /^codecs\.decode$/,
    (a) => {
      const enc = (a[1]?.text ?? '').toLowerCase().replace(/[-_]?codec$/, '');
      return /^rot_?13$/.test(enc)
        ? rot13(a[0]?.text ?? '')
        : enc === 'hex'
          ? hexText(a[0]?.text ?? '')
          : enc === 'base64'
            ? base64Text(a[0]?.text ?? '')
            : null;
    },
  ],
  [
    /^Buffer\.from$/,
    (a) => {
      const enc = (a[1]?.text ?? 'utf8').toLowerCase();
      return enc === 'base64' || enc === 'base64url'
        ? base64Text(a[0]?.text ?? '')
        : enc === 'hex'
          ? hexText(a[0]?.text ?? '')
          : /^utf-?8$/.test(enc)
            ? (a[0]?.text ?? null)
            : null;
    },
  ],
  // Perl's and PHP's pack('H*', hex).
  [/^pack$/, (a) => (/^H\*?$/.test(a[0]?.text ?? '') ? hexText(a[1]?.text ?? '') : null)],
];

/** A method applied to a literal that decodes or reverses it: `.decode()`, `[::-1]`, `.unpack1('m')`, `''.join(…)`. */
const DECODE_SUFFIXES: ReadonlyArray<[RegExp, (inner: string, m: RegExpExecArray, lang: Lang) => string | null]> = [
  [/^([\s\S]+?)\.(?:decode|toString)\(\s*(?:(['"])(?:utf-?8|ascii|latin-?1|binary)\2)?\s*\)$/i, (inner) => inner],
  [
    /^([\s\S]+?)\.decode\(\s*(['"])(rot_?13|hex|base64)\2\s*\)$/,
    (inner, m) => (/^rot/.test(m[3] ?? '') ? rot13(inner) : m[3] === 'hex' ? hexText(inner) : base64Text(inner)),
  ],
  [/^([\s\S]+?)\[\s*::\s*-1\s*\]$/, (inner) => reversed(inner)],
  [/^([\s\S]+?)\.split\(\s*(['"])\2\s*\)\.reverse\(\)\.join\(\s*(['"])\3\s*\)$/, (inner) => reversed(inner)],
  [/^([\s\S]+?)\.reverse(?:\(\))?$/, (inner) => reversed(inner)],
  [
    /^([\s\S]+?)\.(?:unpack1\(\s*(['"])m0?\2\s*\)|unpack\(\s*(['"])m0?\3\s*\)(?:\[0\]|\.first))$/,
    (inner) => base64Text(inner),
  ],
  [/^\[([\s\S]+?)\]\.pack\(\s*(['"])H\*\2\s*\)$/, (inner) => hexText(inner)],
];

/**
 * A literal decoded on the spot (`b64decode('…')`, `bytes.fromhex('…')`, `chr(111)`, `'…'[::-1]`,
 * `''.join(['o', 's'])`, `[…].join('')`): the text it gives, so the code it hides is read. Null when the
 * expression is none of these.
 */
function decodedLiteral(e: string, lang: Lang): Value | null {
  if (decoding >= MAX_DECODE_DEPTH) return null;
  decoding += 1;
  try {
    return decodeOnce(e, lang);
  } finally {
    decoding -= 1;
  }
}

/** Decodings inside decodings (`b64decode(b64decode('…'))`) are read this deep; a chain of thousands is not. */
const MAX_DECODE_DEPTH = 8;
let decoding = 0;

function decodeOnce(e: string, lang: Lang): Value | null {
  for (const [re, decode] of DECODE_SUFFIXES) {
    const m = re.exec(e);
    if (!m) continue;
    const inner = evaluate(m[1] as string, lang);
    if (inner.kind !== 'string' || !inner.word.known) return { kind: 'other', word: placeholder(e) };
    return asText(decode(inner.word.text, m, lang));
  }
  // `''.join(…)` (Python), `[…].join('')` (JavaScript, Ruby).
  const pyJoin = /^((['"])[^'"]*\2)\.join\(([\s\S]*)\)$/.exec(e);
  const jsJoin = pyJoin ? null : /^(\[[\s\S]*\])\.join\(\s*((['"])[^'"]*\3)?\s*\)$/.exec(e);
  if (pyJoin || jsJoin) {
    const sep = evaluate((pyJoin ? pyJoin[1] : jsJoin?.[2]) ?? "''", lang);
    let items = evaluate(((pyJoin ? pyJoin[3] : jsJoin?.[1]) ?? '').trim(), lang);
    // `''.join(map(chr, [111, 115]))`
    const mapped = pyJoin ? /^map\(\s*chr\s*,\s*([\s\S]+)\)$/.exec((pyJoin[3] ?? '').trim()) : null;
    if (mapped) {
      const nums = evaluate(mapped[1] as string, lang);
      const text = nums.kind === 'list' ? codes(nums.items) : null;
      return text === null ? { kind: 'other', word: placeholder(e) } : asText(text);
    }
    if (items.kind !== 'list') items = { kind: 'list', items: [] };
    const known = items.items.length > 0 && items.items.every((w) => w.known) && sep.kind === 'string';
    return known
      ? { kind: 'string', word: { text: items.items.map((w) => w.text).join(sep.word.text), known: true } }
      : { kind: 'other', word: placeholder(e) };
  }
  // Ruby's `111.chr`.
  const rubyChr = /^(\d+)\.chr$/.exec(e);
  if (rubyChr) return asText(String.fromCodePoint(Number(rubyChr[1])));
  const call = /^([\w.$:]+!?)\s*\(/.exec(e);
  if (!call || matching(e, call[0].length - 1, lang) !== e.length - 1) return null;
  const name = call[1] as string;
  const decoder = DECODE_CALLS.find(([re]) => re.test(name))?.[1];
  if (!decoder) return null;
  const args = splitArgs(e, call[0].length, lang, true)
    .args.filter(Boolean)
    .map((a) => wordOf(evaluate(a, lang)));
  if (args.length === 0 || !args.every((a) => a.known)) return { kind: 'other', word: placeholder(e) };
  return asText(decoder(args));
}

function joined(words: Word[]): Value {
  const text = words
    .map((w, i) => (i === 0 ? w.text : w.text.replace(/^\/+/, '')))
    .reduce((a, b) => (a.endsWith('/') ? a + b : `${a}/${b}`));
  const isKnown = words.every((w) => w.known);
  return { kind: isKnown ? 'string' : 'other', word: { text, known: isKnown } };
}

/** Any value as one word (a list becomes its items joined, as a shell would see them). */
export function wordOf(v: Value): Word {
  if (v.kind === 'list') return { text: v.items.map((w) => w.text).join(' '), known: v.items.every((w) => w.known) };
  return v.word;
}
