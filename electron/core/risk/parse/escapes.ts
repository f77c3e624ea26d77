// Programs whose own commands run a shell or other code: sed's `e` command and `s///e`, dc's `!`, vim's
// `:!cmd`, `:r !cmd`, `:terminal`, `system()`, `:py3`; gdb's `shell`/`!`/`pipe`/`python`, lldb's
// `platform shell`/`script`; emacs's `(shell-command …)`; sqlite3's `.shell`/`.system`/`.once |cmd`;
// psql's `\!`, `\o |cmd`, `COPY … PROGRAM`; mysql's `system`/`\!`/`pager`. What they run is read like
// `bash -c` (a shell command) or like a one-liner (code); what cannot be read is said (`unread`), and
// the rules score it at least high. Files they write or read (`sed w f`, `:w f`, `.output f`) are
// `tee f` and `cat f`.
import type { Word } from '../model.ts';
import { MAX_CALL_CHARS, readQuoted, type Lang } from './literals.ts';

export type Escapes = 'sed' | 'dc' | 'vim' | 'gdb' | 'lldb' | 'emacs' | 'sqlite' | 'psql' | 'mysql';

const KINDS: ReadonlyMap<string, Escapes> = new Map<string, Escapes>([
  ['sed', 'sed'], ['gsed', 'sed'], ['dc', 'dc'], ['vim', 'vim'], ['vi', 'vim'], ['nvim', 'vim'], ['gvim', 'vim'], ['mvim', 'vim'],
  ['vimdiff', 'vim'], ['nvi', 'vim'], ['ex', 'vim'], ['view', 'vim'], ['gdb', 'gdb'], ['gdb-multiarch', 'gdb'], ['lldb', 'lldb'],
  ['emacs', 'emacs'], ['emacsclient', 'emacs'], ['sqlite3', 'sqlite'], ['sqlite', 'sqlite'], ['psql', 'psql'], ['mysql', 'mysql'],
  ['mariadb', 'mysql'],
]);

export function escapeKind(prog: string): Escapes | null {
  return KINDS.get(prog) ?? null;
}

/** One thing such a program runs: shell text, an argv (a file it writes or reads), code in a language, or what cannot be read. */
export interface Escape {
  /** The program and command that carries it, for `via`: `sed e`, `vim :!`, `psql \!`. */
  label: string;
  /** The command as written. */
  call: string;
  shell?: Word;
  /** The shell command reads the program's output on its stdin (`\o |sh`, `.once |cmd`, `:w !cmd`, `pager cmd`). */
  fed?: boolean;
  argv?: Word[];
  code?: { lang: Lang; text: Word };
  /** What runs that cannot be read, said so a person understands it. */
  unread?: string;
}

/** Escapes read from one command: far more than any real one has. */
const MAX_ESCAPES = 64;
const w = (text: string, known = true): Word => ({ text, known });

/** The shell commands, files and code a sed/dc/vim/gdb/lldb/emacs/sqlite3/psql/mysql command runs or touches. */
export function escapesOf(kind: Escapes, argv: readonly Word[], stdin: string | null): Escape[] {
  const out = READERS[kind](argv.slice(1), stdin);
  return out.length > MAX_ESCAPES ? out.slice(0, MAX_ESCAPES) : out;
}

type EscapeReader = (args: readonly Word[], stdin: string | null) => Escape[];

/** Values of options given as `-x v`, `-xv`, `--long v` or `--long=v`, in order. */
function valuesOf(args: readonly Word[], names: readonly string[], glued = false): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as Word;
    if (a.text === '--') break;
    const name = names.find((n) => a.text === n || (n.startsWith('--') && a.text.startsWith(`${n}=`)) || (glued && !n.startsWith('--') && a.text.startsWith(n) && a.text.length > n.length));
    if (!name) continue;
    if (a.text === name) {
      const v = args[++i];
      if (v) out.push(v);
    } else out.push({ text: a.text.slice(a.text.startsWith(`${name}=`) ? name.length + 1 : name.length), known: a.known });
  }
  return out;
}

// ---- sed ------------------------------------------------------------------------------------------

/** sed's scripts: every `-e`/`--expression`, or the first operand; with `--sandbox`, e/r/w are refused. */
function sedScripts(args: readonly Word[]): { scripts: Word[]; sandbox: boolean } {
  const scripts: Word[] = [];
  const operands: Word[] = [];
  let explicit = false;
  let sandbox = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as Word;
    const t = a.text;
    if (t === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (t === '--sandbox') sandbox = true;
    else if (t === '--expression' || t.startsWith('--expression=')) {
      const v = t === '--expression' ? args[++i] : { text: t.slice(13), known: a.known };
      if (v) scripts.push(v);
      explicit = true;
    } else if (t === '--file' || t.startsWith('--file=')) {
      if (t === '--file') i += 1;
      explicit = true;
    } else if (t === '--line-length') i += 1;
    else if (t.startsWith('--')) continue;
    else if (t.startsWith('-') && t.length > 1) {
      for (let k = 1; k < t.length; k++) {
        const letter = t[k] as string;
        if (letter === 'e' || letter === 'f') {
          const rest = t.slice(k + 1);
          const v = rest ? { text: rest, known: a.known } : args[++i];
          if (letter === 'e' && v) scripts.push(v);
          explicit = true;
          break;
        }
        if (letter === 'l') {
          if (!t.slice(k + 1)) i += 1;
          break;
        }
        if (letter === 'i') {
          // BSD sed's `-i ''` and `-i .bak` take the suffix as the next word; GNU's is glued.
          if (k === t.length - 1 && /^(?:|\.[\w.~-]*)$/.test(args[i + 1]?.text ?? 'x')) i += 1;
          break;
        }
      }
    } else operands.push(a);
  }
  if (!explicit && operands[0]) scripts.push(operands[0]);
  return { scripts, sandbox };
}

/** Reads to the unescaped `delim` from `i`; returns the index after it, or -1. */
function skipDelimited(s: string, i: number, delim: string): number {
  for (; i < s.length; i++) {
    if (s[i] === '\\') i += 1;
    else if (s[i] === delim) return i + 1;
    else if (s[i] === '\n' && delim !== '\n') return -1;
  }
  return -1;
}

const restOfLine = (s: string, i: number): { text: string; end: number } => {
  const nl = s.indexOf('\n', i);
  const end = nl < 0 ? s.length : nl;
  return { text: s.slice(i, end).trim(), end };
};

/** sed commands that run or touch something: `e cmd`, `e` (the pattern space), `s///e`, `w f`, `s///w f`, `r f`. */
function sedCommands(script: string): Array<{ op: 'e' | 'w' | 'r'; arg: string }> {
  const out: Array<{ op: 'e' | 'w' | 'r'; arg: string }> = [];
  const s = script;
  let i = 0;
  const address = (): boolean => {
    const m = /^(?:\d+(?:~\d+)?|\$|\/|\\.)/.exec(s.slice(i, i + 24));
    if (!m) return true;
    if (m[0] === '/' || m[0].startsWith('\\')) {
      const end = skipDelimited(s, i + m[0].length, m[0] === '/' ? '/' : (m[0][1] as string));
      if (end < 0) return false;
      i = end;
      while (/[IM]/.test(s[i] ?? '')) i += 1;
    } else i += m[0].length;
    return true;
  };
  for (let guard = 0; i < s.length && guard < 10_000; guard++) {
    while (/[\s;]/.test(s[i] ?? '')) i += 1;
    if (i >= s.length) break;
    if (s[i] === '#') {
      i = restOfLine(s, i).end;
      continue;
    }
    if (s[i] === '}' || s[i] === '{') {
      i += 1;
      continue;
    }
    if (!address()) break;
    while (/\s/.test(s[i] ?? '')) i += 1;
    if (s[i] === ',') {
      i += 1;
      while (/\s/.test(s[i] ?? '')) i += 1;
      if (/[+~]/.test(s[i] ?? '')) i += 1;
      if (!address()) break;
    }
    while (/[\s!]/.test(s[i] ?? '')) i += 1;
    const cmd = s[i++] ?? '';
    if (cmd === '{' || cmd === '}') continue;
    if (cmd === 's' || cmd === 'y') {
      const delim = s[i] ?? '';
      if (!delim || delim === '\n' || delim === '\\') break;
      const mid = skipDelimited(s, i + 1, delim);
      const end = mid < 0 ? -1 : skipDelimited(s, mid, delim);
      if (end < 0) break;
      i = end;
      if (cmd === 'y') continue;
      const flags = /^[gpiImMe0-9]*/.exec(s.slice(i))?.[0] ?? '';
      i += flags.length;
      if (flags.includes('e')) out.push({ op: 'e', arg: '' });
      if (s[i] === 'w') {
        const file = restOfLine(s, i + 1);
        out.push({ op: 'w', arg: file.text });
        i = file.end;
      }
      continue;
    }
    if (cmd === 'e' || cmd === 'r' || cmd === 'R' || cmd === 'w' || cmd === 'W') {
      const arg = restOfLine(s, i);
      out.push({ op: cmd === 'e' ? 'e' : cmd === 'r' || cmd === 'R' ? 'r' : 'w', arg: arg.text });
      i = arg.end;
      continue;
    }
    if (cmd === 'a' || cmd === 'i' || cmd === 'c') {
      // Text to the end of the line; a trailing backslash continues it.
      for (;;) {
        const line = restOfLine(s, i);
        i = line.end + 1;
        if (!line.text.endsWith('\\') || i >= s.length) break;
      }
      continue;
    }
    if (cmd === ':' || cmd === 'b' || cmd === 't' || cmd === 'T' || cmd === 'v') {
      while (i < s.length && s[i] !== ';' && s[i] !== '\n') i += 1;
      continue;
    }
    if (cmd === 'q' || cmd === 'Q' || cmd === 'l' || cmd === 'L') {
      while (/[\s\d]/.test(s[i] ?? '') && s[i] !== '\n') i += 1;
      continue;
    }
    if (!/[=dDgGhHnNpPxzF]/.test(cmd)) break;
  }
  return out;
}

const STD_STREAMS = /^\/dev\/(?:stdout|stderr|stdin)$/;

const sed: EscapeReader = (args) => {
  const { scripts, sandbox } = sedScripts(args);
  if (sandbox || scripts.length === 0) return [];
  const known = scripts.every((s) => s.known);
  const out: Escape[] = [];
  for (const c of sedCommands(scripts.map((s) => s.text).join('\n'))) {
    if (c.op === 'e') {
      if (c.arg) out.push({ label: 'sed e', call: `e ${c.arg}`, shell: w(c.arg, known) });
      else out.push({ label: 'sed e', call: 'e', unread: 'sed runs the text it edits as a shell command (`e`, `s///e`), which nobody can read beforehand' });
    } else if (c.arg && !STD_STREAMS.test(c.arg)) {
      out.push({ label: `sed ${c.op}`, call: `${c.op} ${c.arg}`, argv: [w(c.op === 'w' ? 'tee' : 'cat'), w(c.arg, known)] });
    }
  }
  return out;
};

// ---- dc ---------------------------------------------------------------------------------------------

/** dc's `!cmd` runs cmd (to the end of the line, or of the bracketed string it is in); `!<`, `!>`, `!=` compare. */
const dc: EscapeReader = (args, stdin) => {
  const exprs = valuesOf(args, ['-e', '--expression'], true);
  const files = args.filter((a) => !a.text.startsWith('-') && !exprs.includes(a));
  const code = exprs.length ? exprs : files.length === 0 && stdin !== null ? [w(stdin)] : [];
  const out: Escape[] = [];
  for (const piece of code) {
    const s = piece.text;
    let depth = 0;
    for (let i = 0; i < s.length; i++) {
      const ch = s[i];
      if (ch === '[') depth += 1;
      else if (ch === ']') depth = Math.max(0, depth - 1);
      else if (ch === '!' && !/[<>=]/.test(s[i + 1] ?? '')) {
        let end = i + 1;
        while (end < s.length && s[end] !== '\n' && !(depth > 0 && s[end] === ']')) end += 1;
        const cmd = s.slice(i + 1, end).trim();
        if (cmd) out.push({ label: 'dc !', call: `!${cmd}`, shell: w(cmd, piece.known) });
        i = end - 1;
      }
    }
  }
  return out;
};

// ---- vim --------------------------------------------------------------------------------------------

/** A Vim script string literal ('…' or "…") at the start of `s`: its value, or null. */
function vimString(s: string): string | null {
  const t = s.trim();
  if (t.startsWith("'")) {
    const end = /^'((?:[^']|'')*)'/.exec(t);
    return end ? (end[1] as string).replace(/''/g, "'") : null;
  }
  if (t.startsWith('"')) {
    const lit = readQuoted(t, 1, '"', 'all', null, 'js');
    return lit.word.known && lit.end <= t.length ? lit.word.text : null;
  }
  return null;
}

const VIM_MODIFIERS = /^(?:sil(?:ent)?!?|noa(?:utocmd)?|keepj(?:umps)?|keepa(?:lt)?|keepm(?:arks)?|keepp(?:atterns)?|uns(?:ilent)?|vert(?:ical)?|tab|lefta(?:bove)?|abo(?:veleft)?|rightb(?:elow)?|bel(?:owright)?|bo(?:tright)?|to(?:pleft)?|hor(?:izontal)?|conf(?:irm)?|lockm(?:arks)?|sandbox|verb(?:ose)?)\s+/;
const VIM_RANGE = /^(?:(?:[%.$]|\d+|'[a-zA-Z<>]|\/(?:\\.|[^/])*\/?|\?(?:\\.|[^?])*\??)(?:\s*[+-]\d*)*\s*[,;]?\s*)*/;

/** The shell commands, code and files of Ex commands (`-c`, `+cmd`, `--cmd`), `|`-separated. */
function exCommands(text: string, known: boolean, depth = 0): Escape[] {
  const out: Escape[] = [];
  let rest = text;
  for (let guard = 0; rest.trim() && guard < 32; guard++) {
    let c = rest.replace(/^[\s:]+/, '');
    for (let m = VIM_MODIFIERS.exec(c); m; m = VIM_MODIFIERS.exec(c)) c = c.slice(m[0].length).replace(/^[\s:]+/, '');
    const range = VIM_RANGE.exec(c)?.[0] ?? '';
    c = c.slice(range.length);
    const shell = (cmd: string, label: string, fed = false): Escape[] => [
      ...out,
      cmd.trim() ? { label, call: text.trim(), shell: w(cmd.trim(), known), fed } : { label, call: text.trim(), unread: `${label} starts an interactive shell` },
    ];
    // Commands that take the rest of the line, `|` included. `:%!cmd` filters lines through cmd; `:w !cmd` feeds it the buffer.
    let m: RegExpExecArray | null;
    if ((m = /^!(.*)$/s.exec(c))) return shell(m[1] as string, 'vim :!', range.trim() !== '');
    if ((m = /^(r(?:e(?:ad?)?)?|w(?:r(?:i(?:te?)?)?)?)!?\s*!(.*)$/s.exec(c))) return shell(m[2] as string, 'vim :!', (m[1] as string).startsWith('w'));
    if ((m = /^ter(?:m(?:i(?:n(?:al?)?)?)?)?!?\s*((?:\+\+\S+\s*)*)(.*)$/s.exec(c))) return shell(m[2] as string, 'vim :terminal');
    if ((m = /^(?:py3?|python3?|pyx|pythonx)(?:do)?\s+(.*)$/s.exec(c))) return [...out, { label: 'vim :python', call: c, code: { lang: 'python', text: w(m[1] as string, known) } }];
    if ((m = /^lua(?:do)?\s+(.*)$/s.exec(c))) return [...out, { label: 'vim :lua', call: c, code: { lang: 'lua', text: w(m[1] as string, known) } }];
    if ((m = /^(?:perl?|pe)(?:do)?\s+(.*)$/s.exec(c))) return [...out, { label: 'vim :perl', call: c, code: { lang: 'perl', text: w(m[1] as string, known) } }];
    if ((m = /^rub(?:y)?(?:do)?\s+(.*)$/s.exec(c))) return [...out, { label: 'vim :ruby', call: c, code: { lang: 'ruby', text: w(m[1] as string, known) } }];
    if ((m = /^norm(?:al)?!?\s+(.*)$/s.exec(c))) {
      if (/[!:Q]/.test(m[1] as string)) out.push({ label: 'vim :normal', call: c, unread: 'vim types keys (`:normal`) that can run shell commands' });
      return out;
    }
    if ((m = /^exe(?:c(?:u(?:te?)?)?)?\s+(.*)$/s.exec(c))) {
      const lit = vimString(m[1] as string);
      if (lit !== null && depth < 2) return [...out, ...exCommands(lit, known, depth + 1)];
      return [...out, { label: 'vim :execute', call: c, unread: 'vim builds an Ex command at run time (`:execute`), which can run anything' }];
    }
    // A command up to an unquoted `|`.
    const bar = /(?<!\\)\|/.exec(c);
    const one = bar ? c.slice(0, bar.index) : c;
    rest = bar ? c.slice(bar.index + 1) : '';
    for (const call of one.matchAll(/\b(system|systemlist|jobstart|termopen|libcall|libcallnr)\s*\(\s*/g)) {
      const arg = one.slice((call.index ?? 0) + call[0].length);
      const lit = /^\[/.test(arg) ? null : vimString(arg);
      if (lit !== null && /^lib/.test(call[1] as string) === false) out.push({ label: `vim ${call[1] as string}()`, call: one.trim(), shell: w(lit, known) });
      else out.push({ label: `vim ${call[1] as string}()`, call: one.trim(), unread: `vim runs a command built at run time (${call[1] as string}())` });
    }
    if ((m = /^(?:w(?:r(?:i(?:te?)?)?)?|wq|x(?:it)?|sav(?:eas?)?|up(?:date)?)!?\s+(?:\+\+\S+\s+)*([^\s|!][^|]*?)\s*$/.exec(one))) {
      out.push({ label: 'vim :write', call: one.trim(), argv: [w('tee'), w((m[1] as string).replace(/\\ /g, ' '), known)] });
    }
  }
  return out;
}

const vim: EscapeReader = (args) => {
  const out: Escape[] = [];
  for (let i = 0; i < args.length; i++) {
    const t = (args[i] as Word).text;
    if (t === '--') break;
    const known = (args[i] as Word).known;
    if ((t === '-c' || t === '--cmd') && args[i + 1]) {
      out.push(...exCommands((args[i + 1] as Word).text, (args[i + 1] as Word).known));
      i += 1;
    } else if (t.startsWith('+') && t.length > 1 && !/^\+\d+$/.test(t) && !t.startsWith('+/')) out.push(...exCommands(t.slice(1), known));
  }
  return out;
};

// ---- gdb, lldb --------------------------------------------------------------------------------------

/** `system("cmd")` called in the debugged program (`call`, `print`, `expr`): a shell command it runs. */
function systemCall(cmd: string, label: string, known: boolean): Escape[] {
  const m = /\bsystem\s*\(\s*/.exec(cmd);
  if (!m) return [];
  const lit = vimString(cmd.slice(m.index + m[0].length));
  return [lit !== null ? { label, call: cmd, shell: w(lit, known) } : { label, call: cmd, unread: `${label} calls system() with a command built at run time` }];
}

function gdbCommand(text: string, known: boolean): Escape[] {
  const c = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(?:shell|!)\s*(.*)$/s.exec(c))) return m[1] ? [{ label: 'gdb shell', call: c, shell: w(m[1] as string, known) }] : [{ label: 'gdb shell', call: c, unread: 'gdb starts an interactive shell' }];
  if ((m = /^(?:pipe|\|)\s*(?:-d\s+(\S+)\s+)?(.*)$/s.exec(c))) {
    const delim = m[1] ?? '|';
    const at = (m[2] as string).indexOf(delim);
    const cmd = at >= 0 ? (m[2] as string).slice(at + delim.length).trim() : '';
    return cmd ? [{ label: 'gdb pipe', call: c, shell: w(cmd, known), fed: true }] : [];
  }
  if ((m = /^(?:python|py|python-interactive|pi)\b\s*(.*)$/s.exec(c))) return m[1] ? [{ label: 'gdb python', call: c, code: { lang: 'python', text: w(m[1] as string, known) } }] : [];
  if (/^(?:guile|gu)\b/.test(c)) return [{ label: 'gdb guile', call: c, unread: 'gdb runs Guile code' }];
  if (/^eval\b/.test(c)) return [{ label: 'gdb eval', call: c, unread: 'gdb builds a command at run time (`eval`), which can run anything' }];
  if (/^(?:call|print|p|output|print-object|po)\b/.test(c)) return systemCall(c, 'gdb call', known);
  return [];
}

const gdb: EscapeReader = (args, stdin) => {
  const cmds = valuesOf(args, ['-ex', '--ex', '-eval-command', '--eval-command', '-iex', '--iex', '-init-eval-command', '--init-eval-command']);
  const batch = args.some((a) => /^--?batch$/.test(a.text));
  const out = cmds.flatMap((c) => gdbCommand(c.text, c.known));
  // gdb reads its commands from stdin when it is not told to stop after its options.
  if (stdin !== null && !batch) for (const line of stdin.split('\n')) out.push(...gdbCommand(line, true));
  return out;
};

function lldbCommand(text: string, known: boolean): Escape[] {
  const c = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(?:platform\s+shell|shell)\b\s*(?:-h\s+|-[ts]\s+\S+\s+)*(?:--\s+)?(.*)$/s.exec(c))) return m[1] ? [{ label: 'lldb platform shell', call: c, shell: w(m[1] as string, known) }] : [];
  if ((m = /^scr(?:ipt)?\b\s*(?:-l\s+python\s+)?(?:--\s+)?(.*)$/s.exec(c))) return m[1] ? [{ label: 'lldb script', call: c, code: { lang: 'python', text: w(m[1] as string, known) } }] : [];
  if (/^(?:expr(?:ession)?|p|print|call|po)\b/.test(c)) return systemCall(c, 'lldb expression', known);
  return [];
}

const lldb: EscapeReader = (args) => valuesOf(args, ['-o', '--one-line', '-O', '--one-line-before-file', '-k', '--one-line-on-crash']).flatMap((c) => lldbCommand(c.text, c.known));

// ---- emacs ------------------------------------------------------------------------------------------

type Sexp = { kind: 'string'; text: string } | { kind: 'list'; items: string[] } | { kind: 'other'; text: string };

/** The arguments of an Emacs Lisp call from `i` (just after its name) to its `)`. */
function elispArgs(s: string, i: number): Sexp[] {
  const out: Sexp[] = [];
  while (i < s.length && out.length < 16) {
    while (/\s/.test(s[i] ?? '')) i += 1;
    const ch = s[i];
    if (ch === undefined || ch === ')') break;
    if (ch === '"') {
      const lit = readQuoted(s, i + 1, '"', 'all', null, 'js');
      out.push({ kind: 'string', text: lit.word.text });
      i = lit.end;
    } else if (ch === '(' || (ch === "'" && s[i + 1] === '(')) {
      const start = ch === "'" ? i + 1 : i;
      let depth = 0;
      let j = start;
      for (const stop = Math.min(s.length, start + MAX_CALL_CHARS); j < stop; j++) {
        if (s[j] === '"') j = readQuoted(s, j + 1, '"', 'all', null, 'js').end - 1;
        else if (s[j] === '(') depth += 1;
        else if (s[j] === ')' && --depth === 0) break;
      }
      const inner = s.slice(start + 1, j);
      const strings = [...inner.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => (m[1] as string).replace(/\\(.)/g, '$1'));
      const quoted = ch === "'" || /^list\b/.test(inner);
      out.push(quoted && strings.length ? { kind: 'list', items: strings } : { kind: 'other', text: s.slice(i, j + 1) });
      i = j + 1;
    } else {
      const m = /^[^\s()"]+/.exec(s.slice(i));
      out.push({ kind: 'other', text: m?.[0] ?? ch });
      i += m?.[0].length ?? 1;
    }
  }
  return out;
}

const ELISP = /\((shell-command(?:-to-string)?|async-shell-command|call-process-shell-command|start-process-shell-command|process-lines|call-process|start-process|start-file-process|make-process|delete-file|delete-directory|write-region|eval)(?=[\s)])/g;

function elisp(code: string, known: boolean): Escape[] {
  const out: Escape[] = [];
  for (const m of code.matchAll(ELISP)) {
    if (out.length >= MAX_ESCAPES) break;
    const fn = m[1] as string;
    const args = elispArgs(code, (m.index ?? 0) + m[0].length);
    const call = code.slice(m.index ?? 0, (m.index ?? 0) + 160);
    const str = (k: number): string | null => (args[k]?.kind === 'string' ? (args[k] as { text: string }).text : null);
    const label = `emacs ${fn}`;
    const shellAt = fn === 'start-process-shell-command' ? 2 : /shell-command/.test(fn) ? 0 : -1;
    if (shellAt >= 0) {
      const cmd = str(shellAt);
      out.push(cmd !== null ? { label, call, shell: w(cmd, known) } : { label, call, unread: `emacs runs a shell command built at run time (${fn})` });
      continue;
    }
    if (fn === 'make-process') {
      const at = args.findIndex((a) => a.kind === 'other' && a.text === ':command');
      const cmd = args[at + 1];
      out.push(cmd?.kind === 'list' ? { label, call, argv: cmd.items.map((t) => w(t, known)) } : { label, call, unread: 'emacs starts a process named at run time (make-process)' });
      continue;
    }
    const progAt = fn === 'process-lines' || fn === 'call-process' ? 0 : fn === 'start-process' || fn === 'start-file-process' ? 2 : -1;
    if (progAt >= 0) {
      const prog = str(progAt);
      const from = fn === 'call-process' ? 4 : progAt + 1;
      const rest = args.slice(from).map((a) => (a.kind === 'string' ? w(a.text, known) : w('$EXPR', false)));
      out.push(prog !== null ? { label, call, argv: [w(prog, known), ...rest] } : { label, call, unread: `emacs starts a program named at run time (${fn})` });
      continue;
    }
    if (fn === 'delete-file' || fn === 'delete-directory') {
      const path = str(0);
      const recursive = fn === 'delete-directory' && args[1] !== undefined && !(args[1].kind === 'other' && args[1].text === 'nil');
      if (path !== null) out.push({ label, call, argv: fn === 'delete-file' ? [w('rm'), w(path, known)] : recursive ? [w('rm'), w('-rf'), w(path, known)] : [w('rmdir'), w(path, known)] });
      continue;
    }
    if (fn === 'write-region') {
      const file = str(2);
      if (file !== null) out.push({ label, call, argv: [w('tee'), w(file, known)] });
      continue;
    }
    // `(eval '(…))` is code as written; `(eval (read …))` and `(eval x)` build it at run time.
    if (fn === 'eval' && !(args[0]?.kind === 'list' || (args[0]?.kind === 'other' && args[0].text.startsWith("'")))) {
      out.push({ label, call, unread: 'emacs evaluates Lisp built at run time (eval)' });
    }
  }
  return out;
}

const emacs: EscapeReader = (args) => {
  const out: Escape[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as Word;
    // emacsclient's `-e` makes every remaining argument an expression.
    if (a.text === '-e') {
      for (const v of args.slice(i + 1)) if (!v.text.startsWith('-')) out.push(...elisp(v.text, v.known));
      break;
    }
    const m = /^--?(?:eval|execute)(?:=(.*))?$/s.exec(a.text);
    if (!m) continue;
    const v = m[1] !== undefined ? { text: m[1], known: a.known } : args[++i];
    if (v) out.push(...elisp(v.text, v.known));
  }
  return out;
};

// ---- database shells --------------------------------------------------------------------------------

/** A command's argument, unquoted the way the database shells do it (`.shell "rm -rf x"`). */
const unquote = (s: string): string => s.trim().replace(/^(['"])([\s\S]*)\1$/, '$2');

/** The first argument of a dot-command: a quoted string, or the rest of the line when it is a `|command`. */
function firstArg(s: string): string {
  const t = s.trim();
  const q = /^(['"])((?:(?!\1)[\s\S])*)\1/.exec(t);
  if (q) return q[2] as string;
  return t.startsWith('|') ? t : (t.split(/\s+/)[0] ?? '');
}

const SQLITE_VALUED = new Set(['-init', '-separator', '-newline', '-nullvalue', '-vfs', '-maxsize', '-mmap', '-pagecache', '-lookaside', '-heap', '-escape', '-A']);

const sqlite: EscapeReader = (args, stdin) => {
  if (args.some((a) => /^--?safe$/.test(a.text))) return [];
  const texts: Word[] = valuesOf(args, ['-cmd', '--cmd']);
  const operands: Word[] = [];
  for (let i = 0; i < args.length; i++) {
    const t = (args[i] as Word).text;
    if (t === '-cmd' || t === '--cmd' || SQLITE_VALUED.has(t)) i += 1;
    else if (!t.startsWith('-')) operands.push(args[i] as Word);
  }
  texts.push(...operands.slice(1));
  if (stdin !== null) texts.push(w(stdin));
  const out: Escape[] = [];
  for (const text of texts) {
    for (const line of text.text.split('\n')) {
      const m = /^\s*\.(shell|system|once|output|excel|read|import|load)\b\s*(.*)$/s.exec(line);
      if (!m) {
        if (/\bload_extension\s*\(/i.test(line)) out.push({ label: 'sqlite3 load_extension', call: line.trim(), unread: 'sqlite3 loads a native extension, which runs code nobody can read' });
        continue;
      }
      const [, dot, rawArg = ''] = m;
      const label = `sqlite3 .${dot as string}`;
      const arg = firstArg(rawArg.replace(/^(?:--?\w+\s+)*/, ''));
      if (dot === 'shell' || dot === 'system') out.push({ label, call: line.trim(), shell: w(unquote(rawArg), text.known) });
      else if (dot === 'load') out.push({ label, call: line.trim(), unread: 'sqlite3 loads a native extension (.load), which runs code nobody can read' });
      else if (arg.startsWith('|')) out.push({ label, call: line.trim(), shell: w(arg.slice(1).trim(), text.known), fed: dot === 'once' || dot === 'output' || dot === 'excel' });
      else if ((dot === 'once' || dot === 'output') && arg && arg !== 'stdout') out.push({ label, call: line.trim(), argv: [w('tee'), w(arg, text.known)] });
    }
  }
  return out;
};

const psql: EscapeReader = (args, stdin) => {
  const commands = valuesOf(args, ['-c', '--command']);
  const out: Escape[] = [];
  for (const o of valuesOf(args, ['-o', '--output'], true)) {
    if (o.text.startsWith('|')) out.push({ label: 'psql -o', call: `-o ${o.text}`, shell: w(o.text.slice(1).trim(), o.known), fed: true });
  }
  const file = valuesOf(args, ['-f', '--file'])[0];
  const texts = [...commands, ...(stdin !== null && (commands.length === 0 || file?.text === '-') ? [w(stdin)] : [])];
  for (const text of texts) {
    for (const line of text.text.split('\n')) {
      let m: RegExpExecArray | null;
      if ((m = /\\!\s*(.*)$/.exec(line))) {
        out.push(m[1] ? { label: 'psql \\!', call: line.trim(), shell: w(m[1] as string, text.known) } : { label: 'psql \\!', call: line.trim(), unread: 'psql starts an interactive shell (\\!)' });
        continue;
      }
      for (const pipe of line.matchAll(/\\(?:o|out|g|gx|w|write)\s+\|\s*(.*)$/g)) out.push({ label: 'psql \\o |', call: line.trim(), shell: w(pipe[1] as string, text.known), fed: true });
      for (const f of line.matchAll(/\\(?:o|out|w|write)\s+(?!\|)(\S+)/g)) out.push({ label: 'psql \\o', call: line.trim(), argv: [w('tee'), w(unquote(f[1] as string), text.known)] });
      for (const p of line.matchAll(/\b(?:to|from)\s+program\s+'((?:[^']|'')*)'/gi)) out.push({ label: 'psql COPY … PROGRAM', call: line.trim(), shell: w((p[1] as string).replace(/''/g, "'"), text.known) });
      // Backticks in a meta-command's arguments run a shell command (`\set x \`cmd\``).
      if (/\\[a-z]/i.test(line)) for (const b of line.matchAll(/`([^`]+)`/g)) out.push({ label: 'psql `…`', call: line.trim(), shell: w(b[1] as string, text.known) });
    }
  }
  return out;
};

const mysql: EscapeReader = (args, stdin) => {
  const statements = valuesOf(args, ['-e', '--execute'], true);
  const out: Escape[] = [];
  for (const p of valuesOf(args, ['--pager'])) if (p.text) out.push({ label: 'mysql --pager', call: `--pager=${p.text}`, shell: p, fed: true });
  for (const t of valuesOf(args, ['--tee'])) out.push({ label: 'mysql --tee', call: `--tee=${t.text}`, argv: [w('tee'), t] });
  const texts = [...statements, ...(stdin !== null && statements.length === 0 ? [w(stdin)] : [])];
  for (const text of texts) {
    // Client commands start a statement: after a newline or a `;`.
    for (const stmt of text.text.split(/[\n;]/)) {
      const m = /^\s*(?:(system|pager|tee)\b|(\\!|\\P|\\T))\s*(.*)$/i.exec(stmt);
      // Backslash commands are case-sensitive (`\p` prints the query, `\P` sets the pager).
      if (!m || (m[2] && !/^\\[!PT]$/.test(m[2]))) continue;
      const verb = m[1] ? (m[1] as string).toLowerCase() : ({ '\\!': 'system', '\\P': 'pager', '\\T': 'tee' } as Record<string, string>)[m[2] as string] ?? '';
      const arg = (m[3] as string).trim();
      if (verb === 'tee') {
        if (arg) out.push({ label: 'mysql tee', call: stmt.trim(), argv: [w('tee'), w(unquote(arg), text.known)] });
      } else if (arg) out.push({ label: `mysql ${verb}`, call: stmt.trim(), shell: w(arg, text.known), fed: verb === 'pager' });
      else if (verb === 'system') out.push({ label: 'mysql system', call: stmt.trim(), unread: 'mysql starts an interactive shell' });
    }
  }
  return out;
};

const READERS: Readonly<Record<Escapes, EscapeReader>> = { sed, dc, vim, gdb, lldb, emacs, sqlite, psql, mysql };
