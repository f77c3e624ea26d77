// What calls in Python, JavaScript, Ruby, Perl, PHP and awk one-liners do, read as the shell commands a
// reviewer would picture: `shutil.rmtree(p)` is `rm -rf p`, `os.system("…")` is the command in the string.
import type { Word } from '../model.ts';
import { withModuleNames } from './aliases.ts';
import { PATTERNS, type Action } from './call-patterns.ts';
import { CLOSERS, evaluate, readQuoted, readString, splitArgs, wordOf, type Lang, type Value } from './literals.ts';

/** A command found in code: shell text to read, or an argv. `call` is the code as written. */
export interface Found {
  call: string;
  shell?: Word;
  argv?: Word[];
}

/** Calls read from one piece of code: enough for any one-liner; a flood of calls is not read further. */
const MAX_CALLS = 64;
/** Call sites looked at in one piece of code, whether or not they come to anything (`exec("a"` a thousand times). */
const MAX_READS = 128;
/** How much of a call is shown as its text. */
const CALL_TEXT = 160;

const w = (text: string): Word => ({ text, known: true });
const unknownValue = (text: string): Word => ({ text, known: false });

/** Code run by code (`exec("…")`, `eval("…")`): read as deep as this, no deeper. */
const MAX_CODE_DEPTH = 4;
/** Calls that fetch over the network: code they return and `exec`/`eval` runs is downloaded code. */
const NETWORK_CALL =
  /\b(?:urlopen|urlretrieve|requests\.get|httpx\.get|fetch|axios|https?\.get|Net::HTTP|URI\.open|HTTP::Tiny|LWP|curl_exec)\b|(?<![\w.>:$])get\s*\(/;
/** A URL anywhere in the code given to `exec`/`eval` (in a literal, or in a command whose output is run). */
const URL_IN_CODE = /https?:\/\/[^'"`\s)]+/;
/** The program that runs a language's code, as a reviewer would picture it run from a pipe. */
const RUNNER: Record<Lang, string> = {
  python: 'python3',
  js: 'node',
  ruby: 'ruby',
  perl: 'perl',
  php: 'php',
  awk: 'awk',
  lua: 'lua',
  julia: 'julia',
  elixir: 'elixir',
  erlang: 'erl',
  groovy: 'groovy',
  scala: 'scala',
  kotlin: 'kotlin',
  raku: 'raku',
  tcl: 'tclsh',
  r: 'Rscript',
  applescript: 'osascript',
};

/** Every command-like call in `code`, in order of appearance. `cut` is set when there were more than Gatehouse reads. */
export function scanCode(written: string, lang: Lang, depth = 0, cut: { cut: boolean } = { cut: false }): Found[] {
  const code = withModuleNames(written, lang);
  const hits: Array<{ at: number; found: Found[] }> = [];
  let reads = 0;
  for (const pattern of PATTERNS[lang]) {
    if (pattern.requires && !pattern.requires.test(code)) continue;
    for (const m of code.matchAll(pattern.re)) {
      if (hits.length >= MAX_CALLS || ++reads > MAX_READS) {
        cut.cut = true;
        break;
      }
      const found = readCall(code, m, pattern.action, lang, depth);
      if (found.length) hits.push({ at: m.index, found });
    }
  }
  const all = hits.sort((a, b) => a.at - b.at).flatMap((h) => h.found);
  if (depth > 0) return all;
  // The patterns also see calls inside string literals, so code run by `exec("…")` is met twice: keep one.
  const seen = new Set<string>();
  return all.filter((f) => {
    const key = f.shell ? `$ ${f.shell.text}` : (f.argv ?? []).map((a) => a.text).join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function readCall(code: string, m: RegExpMatchArray, action: Action, lang: Lang, depth: number): Found[] {
  const at = m.index ?? 0;
  const head = m[0];
  // Only the calls that are not "a name and its arguments" are read here; every other action falls through to the
  // argument split below and is named case by case in actOn, whose switch is exhaustive.
  // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check -- the default is the common path
  switch (action) {
    case 'pipe-from': {
      const cmd = wordOf(evaluate(m[1] ?? '', lang));
      return cmd.text.trim() ? [{ call: head, shell: cmd }] : [];
    }
    case 'env-name': {
      // The variable's name is the last capture that is a name (the others are quotes).
      const names = m.slice(1).filter((g): g is string => g !== undefined && /^\w+$/.test(g));
      return [{ call: head, argv: [w('printenv'), w(names[names.length - 1] ?? '')] }];
    }
    case 'env-all':
      return [{ call: head, argv: [w('printenv')] }];
    case 'literal-shell':
      return literalShell(code, at, head, lang);
    case 'path':
      return pathCall(code, at, head, lang);
    case 'shell-before': {
      // The command is the receiver: `"rm -rf x".execute()`, `Seq("rm", "-rf", x).!`.
      const recv = (m[1] ?? '').replace(/^(?:Seq|List)\s*\(([\s\S]*)\)$/, '[$1]');
      const v = evaluate(recv, lang);
      if (v.kind === 'list') return v.items.length ? [{ call: head, argv: v.items }] : [];
      return v.word.text.trim() ? [{ call: head, shell: v.word }] : [];
    }
    case 'file-method': {
      const path = wordOf(evaluate(m[1] ?? '', lang));
      const verb = m[2] ?? '';
      return [
        {
          call: head,
          argv: /^delete(?:Dir|Recursively)$/.test(verb)
            ? [w('rm'), w('-rf'), path]
            : verb === 'delete'
              ? [w('rm'), path]
              : [w('tee'), path],
        },
      ];
    }
    case 'rest-shell':
    case 'tcl-delete':
    case 'tcl-socket':
      return tclCommand(code, at, head, action);
    default:
  }
  const parens = head.trimEnd().endsWith('(');
  const { args: raw, end } = splitArgs(code, at + head.length, lang, parens);
  const call = code.slice(at, Math.min(end + (parens ? 1 : 0), at + CALL_TEXT));
  // R names its arguments (`system2("rm", args = c(…))`): the value is what counts.
  const args = raw.filter(Boolean).map((a) => evaluate(lang === 'r' ? a.replace(/^[\w.]+\s*=(?!=)\s*/, '') : a, lang));
  if (action === 'run-code') return runCode(args, raw.join(','), lang, depth, call);
  if (action === 'print-to')
    return args[0] ? [{ call, argv: [w('tee'), ...(m[1] === '>>' ? [w('-a')] : []), wordOf(args[0])] }] : [];
  const method = /(\w+)\s*\(?\s*$/.exec(head)?.[1] ?? '';
  return actOn(action === 'pipe-to' ? 'shell' : action, args, raw, lang, method).map((r) => ({ call, ...r }));
}

/**
 * `exec("…")`, `eval("…")`: a literal is more code, read the same way. Code fetched and run
 * (`exec(urlopen(url).read())`) is what a reviewer calls `curl url | python3`.
 */
function runCode(args: Value[], raw: string, lang: Lang, depth: number, call: string): Found[] {
  const first = args[0];
  if (first?.kind === 'string' && first.word.known)
    return depth < MAX_CODE_DEPTH ? scanCode(first.word.text, lang, depth + 1) : [];
  const url = URL_IN_CODE.exec(raw)?.[0];
  if (!url && !NETWORK_CALL.test(raw)) return [];
  const from = url ? `'${url.replace(/'/g, `'\\''`)}'` : '"$URL"';
  return [{ call, shell: { text: `curl -fsSL ${from} | ${RUNNER[lang]}`, known: url !== undefined } }];
}

type Run = { argv: Word[] } | { shell: Word };

function actOn(action: Action, args: Value[], raw: string[], lang: Lang, method: string): Run[] {
  const word = (i: number): Word | null => (args[i] ? wordOf(args[i] as Value) : null);
  const strings = args.filter((a) => a.kind !== 'list').map(wordOf);
  const rawText = raw.join(',');
  const recursive = /recursive\s*[:=]\s*(true|True|TRUE|T)\b/.test(rawText);
  const first = word(0);
  const argv = (...words: Word[]): Run[] => [{ argv: words }];
  switch (action) {
    case 'argv': {
      // `ProcessBuilder("rm", "-rf", p)`, `ProcessBuilder(listOf(…))`, Raku's `run 'rm', '-rf', p`.
      const list = args.find((a) => a.kind === 'list');
      if (list?.kind === 'list') return list.items.length ? [{ argv: list.items }] : [];
      return strings.length ? [{ argv: strings }] : [];
    }
    case 'shell': {
      const v = args[0];
      if (!v) return [];
      if (v.kind === 'list') return [{ argv: v.items }];
      // Ruby and Perl: `system('rm', '-rf', dir)` with several arguments is an argv, not shell text.
      if ((lang === 'ruby' || lang === 'perl') && args.length > 1 && !/^\s*\{/.test(raw[0] ?? ''))
        return [{ argv: strings }];
      return [{ shell: v.word }];
    }
    case 'spawn': {
      const v = args[0];
      if (!v) return [];
      if (v.kind === 'list') return [{ argv: v.items }];
      if (/^\s*\{/.test(raw[0] ?? '')) {
        const cmd = listIn(raw[0] ?? '', /\bcmd\s*:\s*\[/, lang);
        return cmd ? [{ argv: cmd }] : [];
      }
      const second = args[1];
      if (second?.kind === 'list') return [{ argv: [v.word, ...second.items] }];
      const fromObject = listIn(raw[1] ?? '', /\bargs\s*:\s*\[/, lang);
      if (fromObject) return [{ argv: [v.word, ...fromObject] }];
      return /shell\s*:\s*true/.test(rawText) || /\s/.test(v.word.text) ? [{ shell: v.word }] : [{ argv: [v.word] }];
    }
    case 'exec': {
      const list = args.find((a) => a.kind === 'list');
      if (list?.kind === 'list') return [{ argv: list.items }];
      // os.execl(path, arg0, arg1…): argv starts at arg0; os.spawnl(os.P_WAIT, path, …) has a mode first.
      const rest = /P_\w+/.test(raw[0] ?? '') ? strings.slice(1) : strings;
      return rest.length > 1 ? [{ argv: rest.slice(1) }] : rest.length ? [{ argv: rest }] : [];
    }
    case 'fs':
      return fsMethod(method, args, raw, recursive);
    case 'rm':
      // Perl's unlink and Ruby's File.delete take many files; the other languages' calls take one path.
      return strings.length
        ? argv(
            w('rm'),
            ...(recursive ? [w('-rf')] : []),
            ...(lang === 'perl' || lang === 'ruby' ? strings : strings.slice(0, 1)),
          )
        : [];
    case 'rm-r':
      return strings.length ? argv(w('rm'), w('-rf'), ...strings) : [];
    case 'rmdir':
      return first ? (recursive ? argv(w('rm'), w('-rf'), first) : argv(w('rmdir'), first)) : [];
    case 'mv':
    case 'cp':
    case 'cp-r':
      return args.length >= 2
        ? argv(
            w(action === 'mv' ? 'mv' : 'cp'),
            ...(action === 'cp-r' ? [w('-r')] : []),
            word(0) as Word,
            word(1) as Word,
          )
        : [];
    case 'write':
      return first ? argv(w('tee'), ...(/FILE_APPEND|flags?\s*:\s*['"]a/.test(rawText) ? [w('-a')] : []), first) : [];
    case 'append':
      return first ? argv(w('tee'), w('-a'), first) : [];
    case 'read':
      return first ? argv(w(isUrl(first) ? 'curl' : 'cat'), first) : [];
    case 'open': {
      const mode = word(1)?.text ?? 'r';
      if (!first) return [];
      return /[wax+]/.test(mode)
        ? argv(w('tee'), ...(mode.includes('a') ? [w('-a')] : []), first)
        : argv(w(isUrl(first) ? 'curl' : 'cat'), first);
    }
    case 'perl-open':
      return perlOpen(args);
    case 'chmod':
      return args.length >= 2 ? argv(w('chmod'), mode(raw[1] ?? ''), first as Word) : [];
    case 'chmod-mode-first':
      return args.length >= 2 ? argv(w('chmod'), mode(raw[0] ?? ''), ...strings.slice(1)) : [];
    case 'upload':
      return first ? argv(w('curl'), w('-X'), w('POST'), first) : [];
    case 'fetch':
      return first && /method\s*:\s*['"`](POST|PUT|PATCH)/i.test(rawText)
        ? argv(w('curl'), w('-X'), w('POST'), first)
        : [];
    case 'connect':
      return connect(args, lang);
    // Read in readCall before the arguments are split (`pipe-to` arrives here as `shell`).
    case 'pipe-from':
    case 'pipe-to':
    case 'print-to':
    case 'run-code':
    case 'env-name':
    case 'env-all':
    case 'literal-shell':
    case 'path':
    case 'shell-before':
    case 'file-method':
    case 'rest-shell':
    case 'tcl-delete':
    case 'tcl-socket':
      return [];
  }
}

const isUrl = (word: Word): boolean => /^(https?|ftp):\/\//.test(word.text);

/**
 * A raw network connection (`s.connect((host, port))`, `TCPSocket.new(h, p)`, `fsockopen(h, p)`,
 * `net.connect(port, host)`) reads as `nc host port`: the start of every reverse shell.
 */
function connect(args: Value[], lang: Lang): Run[] {
  const first = args[0];
  if (!first) return [];
  // Perl's PeerAddr value stands alone (`PeerAddr => "h:p", PeerPort => …` are named arguments).
  let [host, port] = first.kind === 'list' ? first.items : args.slice(0, lang === 'perl' ? 1 : 2).map(wordOf);
  if (lang === 'js' && args.length >= 2) [port, host] = [host, port];
  if (host && port === undefined) {
    // `"tcp://host:port"`, `"host:port"`
    const m = /^(?:\w+:\/\/)?(.+):(\d+)$/.exec(host.text);
    if (m)
      [host, port] = [
        { text: m[1] as string, known: host.known },
        { text: m[2] as string, known: host.known },
      ];
  }
  return host ? [{ argv: [w('nc'), host, ...(port ? [port] : [])] }] : [];
}

/** Node's fs methods, by name without `Sync`. */
const FS_ACTIONS: Record<string, Action> = {
  rm: 'rm',
  rmdir: 'rmdir',
  unlink: 'rm',
  writeFile: 'write',
  createWriteStream: 'write',
  appendFile: 'append',
  readFile: 'read',
  createReadStream: 'read',
  rename: 'mv',
  copyFile: 'cp',
  cp: 'cp',
  chmod: 'chmod',
};

function fsMethod(method: string, args: Value[], raw: string[], recursive: boolean): Run[] {
  const action = FS_ACTIONS[method.replace(/Sync$/, '')];
  if (!action) return [];
  return actOn(action === 'cp' && recursive ? 'cp-r' : action, args, raw, 'js', '');
}

/** A list given by name inside an object argument: `{ cmd: [...] }`, `{ args: [...] }`. */
function listIn(raw: string, key: RegExp, lang: Lang): Word[] | null {
  const m = key.exec(raw);
  if (!m) return null;
  const open = m.index + m[0].length - 1;
  const v = evaluate(raw.slice(open, matchingBracket(raw, open) + 1), lang);
  return v.kind === 'list' ? v.items : null;
}

function matchingBracket(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '[') depth += 1;
    else if (s[i] === ']' && --depth === 0) return i;
  }
  return s.length - 1;
}

/** `0o755`, `0755`, `493` → `755`; anything else is only known at run time. */
function mode(raw: string): Word {
  const t = raw.trim().replace(/['"]/g, '');
  const octal = /^0o?([0-7]{3,4})$/.exec(t);
  if (octal) return w(octal[1] as string);
  if (/^[0-7]{3,4}$/.test(t) && raw.includes("'")) return w(t);
  if (/^\d+$/.test(t)) return w(Number(t).toString(8));
  return unknownValue('$MODE');
}

/** Perl's `open(FH, '<', $f)`, `open(FH, "> $f")`, `open(FH, "cmd |")`, `open(FH, '-|', 'cmd')`. */
function perlOpen(args: Value[]): Run[] {
  const spec = args[1] ? wordOf(args[1]) : null;
  if (!spec) return [];
  const target = args[2] ? wordOf(args[2]) : null;
  const m = spec.text.trim();
  if (target && (m === '-|' || m === '|-')) return [{ shell: target }];
  if (!target && (m.startsWith('|') || m.endsWith('|')))
    return [{ shell: { text: m.replace(/^\|\s*|\s*\|$/g, ''), known: spec.known } }];
  const file = target ?? { text: m.replace(/^(\+?<|\+?>>?)\s*/, ''), known: spec.known };
  return [{ argv: /^\+?>/.test(m) ? [w('tee'), ...(m.startsWith('>>') ? [w('-a')] : []), file] : [w('cat'), file] }];
}

/** Backticks, `%x(…)`, `qx(…)`, Bun's `` $`…` ``: shell text inside the code. */
function literalShell(code: string, at: number, head: string, lang: Lang): Found[] {
  const open = head === '`' ? at : at + head.length;
  const delim = code[open] ?? '`';
  const interp = lang === 'ruby' ? 'ruby' : lang === 'js' ? 'js' : 'dollar';
  const lit =
    delim === '`'
      ? readQuoted(code, open + 1, '`', 'all', interp, lang)
      : readQuoted(code, open + 1, CLOSERS[delim] ?? delim, 'all', interp, lang, CLOSERS[delim] ? delim : '');
  return lit.word.text.trim() ? [{ call: code.slice(at, Math.min(lit.end, at + CALL_TEXT)), shell: lit.word }] : [];
}

/**
 * Tcl commands are words to the end of the command (a newline, `;` or the `]` closing a substitution):
 * `exec rm -rf x` and `open "|cmd"` run a pipeline; `file delete -force x` is `rm -rf x`; `socket h p`
 * connects. Braces quote like single quotes; `$name` is only known at run time.
 */
function tclCommand(code: string, at: number, head: string, action: Action): Found[] {
  let i = at + head.length;
  let depth = 0;
  const quoted = head.endsWith('"|');
  for (; i < code.length; i++) {
    const ch = code[i] as string;
    if (quoted ? ch === '"' && code[i - 1] !== '\\' : depth === 0 && (ch === '\n' || ch === ';' || ch === ']')) break;
    if (ch === '[' || ch === '{') depth += 1;
    else if (ch === ']' || ch === '}') depth -= 1;
  }
  const raw = code.slice(at + head.length, i).trim();
  const call = code.slice(at, Math.min(i, at + CALL_TEXT)).trim();
  const known = !/\$\{?\w|\[/.test(raw);
  const text = raw.replace(/\{([^{}]*)\}/g, "'$1'");
  if (action === 'rest-shell') {
    const cmd = text.replace(
      /^(?:-(?:ignorestderr|keepnewline|noecho|console|nottycopy|nottyinit|leaveopen|pty)\s+|-(?:ignore|open)\s+\S+\s+)*(?:--\s+)?/,
      '',
    );
    return cmd ? [{ call, shell: { text: cmd, known } }] : [];
  }
  const words = text
    .split(/\s+/)
    .filter(Boolean)
    .map((t): Word => ({ text: t.replace(/^(['"])(.*)\1$/s, '$2'), known }));
  if (action === 'tcl-socket') {
    const operands = words.filter(
      (x, k) => !x.text.startsWith('-') && !/^-(myaddr|myport)$/.test(words[k - 1]?.text ?? ''),
    );
    return operands.length >= 2 ? [{ call, argv: [w('nc'), operands[0] as Word, operands[1] as Word] }] : [];
  }
  const force = words.some((x) => x.text === '-force');
  const paths = words.filter((x) => !/^-(force|-)?$/.test(x.text));
  return paths.length ? [{ call, argv: [w('rm'), ...(force ? [w('-rf')] : []), ...paths] }] : [];
}

const PATH_METHODS: Record<string, (p: Word, args: Value[]) => Word[]> = {
  unlink: (p) => [w('rm'), p],
  rmdir: (p) => [w('rmdir'), p],
  write_text: (p) => [w('tee'), p],
  write_bytes: (p) => [w('tee'), p],
  touch: (p) => [w('touch'), p],
  mkdir: (p) => [w('mkdir'), p],
  read_text: (p) => [w('cat'), p],
  read_bytes: (p) => [w('cat'), p],
  open: (p, a) => (/[wax+]/.test(a[0] ? wordOf(a[0]).text : 'r') ? [w('tee'), p] : [w('cat'), p]),
  rename: (p, a) => [w('mv'), p, a[0] ? wordOf(a[0]) : unknownValue('$EXPR')],
  replace: (p, a) => [w('mv'), p, a[0] ? wordOf(a[0]) : unknownValue('$EXPR')],
  chmod: (p, a) => [w('chmod'), a[0] ? mode(wordOf(a[0]).text) : unknownValue('$MODE'), p],
};

/** `Path(p).unlink()`, `Path.home() / '.ssh' / 'id_rsa'` followed by a method. */
function pathCall(code: string, at: number, head: string, lang: Lang): Found[] {
  let base: Word;
  let i = at + head.length;
  if (head.includes('home')) base = w('~');
  else {
    const { args, end } = splitArgs(code, i, lang, true);
    base = args[0] ? wordOf(evaluate(args[0], lang)) : w('.');
    i = end + 1;
  }
  for (;;) {
    const slash = /^\s*\/\s*/.exec(code.slice(i));
    const lit = slash ? readString(code, i + slash[0].length, lang) : null;
    if (!slash || !lit) break;
    base = { text: `${base.text.replace(/\/$/, '')}/${lit.word.text}`, known: base.known && lit.word.known };
    i = lit.end;
  }
  // `(Path.home() / '.ssh' / 'id_rsa').unlink()`: the path may be in parentheses.
  const method = /^\s*\)?\s*\.(\w+)\s*\(/.exec(code.slice(i));
  const make = method ? PATH_METHODS[method[1] as string] : undefined;
  if (!method || !make) return [];
  const { args, end } = splitArgs(code, i + method[0].length, lang, true);
  return [
    {
      call: code.slice(at, Math.min(end + 1, at + CALL_TEXT)),
      argv: make(
        base,
        args.filter(Boolean).map((a) => evaluate(a, lang)),
      ),
    },
  ];
}
