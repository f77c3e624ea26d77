// Editors and debuggers whose own commands run a shell or other code: vim's `:!cmd`, `:r !cmd`,
// `:terminal`, `system()`, `:py3`, `:execute`; gdb's `shell`/`!`/`pipe`/`python`, lldb's `platform
// shell`/`script`, `system()` called in the debugged program; emacs's `(shell-command …)`, `(call-process …)`,
// `(delete-file …)`. Files they write (`:w f`, `write-region`) are `tee f`. Readers for `escapes.ts`.
import type { Word } from '../model.ts';
import { MAX_CALL_CHARS, readQuoted } from './literals.ts';
import { MAX_ESCAPES, valuesOf, w, type Escape, type EscapeReader } from './escapes-common.ts';

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

const VIM_MODIFIERS =
  /^(?:sil(?:ent)?!?|noa(?:utocmd)?|keepj(?:umps)?|keepa(?:lt)?|keepm(?:arks)?|keepp(?:atterns)?|uns(?:ilent)?|vert(?:ical)?|tab|lefta(?:bove)?|abo(?:veleft)?|rightb(?:elow)?|bel(?:owright)?|bo(?:tright)?|to(?:pleft)?|hor(?:izontal)?|conf(?:irm)?|lockm(?:arks)?|sandbox|verb(?:ose)?)\s+/;
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
      cmd.trim()
        ? { label, call: text.trim(), shell: w(cmd.trim(), known), fed }
        : { label, call: text.trim(), unread: `${label} starts an interactive shell` },
    ];
    // Commands that take the rest of the line, `|` included. `:%!cmd` filters lines through cmd; `:w !cmd` feeds it the buffer.
    let m: RegExpExecArray | null;
    if ((m = /^!(.*)$/s.exec(c))) return shell(m[1] as string, 'vim :!', range.trim() !== '');
    if ((m = /^(r(?:e(?:ad?)?)?|w(?:r(?:i(?:te?)?)?)?)!?\s*!(.*)$/s.exec(c)))
      return shell(m[2] as string, 'vim :!', (m[1] as string).startsWith('w'));
    if ((m = /^ter(?:m(?:i(?:n(?:al?)?)?)?)?!?\s*((?:\+\+\S+\s*)*)(.*)$/s.exec(c)))
      return shell(m[2] as string, 'vim :terminal');
    if ((m = /^(?:py3?|python3?|pyx|pythonx)(?:do)?\s+(.*)$/s.exec(c)))
      return [...out, { label: 'vim :python', call: c, code: { lang: 'python', text: w(m[1] as string, known) } }];
    if ((m = /^lua(?:do)?\s+(.*)$/s.exec(c)))
      return [...out, { label: 'vim :lua', call: c, code: { lang: 'lua', text: w(m[1] as string, known) } }];
    if ((m = /^(?:perl?|pe)(?:do)?\s+(.*)$/s.exec(c)))
      return [...out, { label: 'vim :perl', call: c, code: { lang: 'perl', text: w(m[1] as string, known) } }];
    if ((m = /^rub(?:y)?(?:do)?\s+(.*)$/s.exec(c)))
      return [...out, { label: 'vim :ruby', call: c, code: { lang: 'ruby', text: w(m[1] as string, known) } }];
    if ((m = /^norm(?:al)?!?\s+(.*)$/s.exec(c))) {
      if (/[!:Q]/.test(m[1] as string))
        out.push({ label: 'vim :normal', call: c, unread: 'vim types keys (`:normal`) that can run shell commands' });
      return out;
    }
    if ((m = /^exe(?:c(?:u(?:te?)?)?)?\s+(.*)$/s.exec(c))) {
      const lit = vimString(m[1] as string);
      if (lit !== null && depth < 2) return [...out, ...exCommands(lit, known, depth + 1)];
      return [
        ...out,
        {
          label: 'vim :execute',
          call: c,
          unread: 'vim builds an Ex command at run time (`:execute`), which can run anything',
        },
      ];
    }
    // A command up to an unquoted `|`.
    const bar = /(?<!\\)\|/.exec(c);
    const one = bar ? c.slice(0, bar.index) : c;
    rest = bar ? c.slice(bar.index + 1) : '';
    for (const call of one.matchAll(/\b(system|systemlist|jobstart|termopen|libcall|libcallnr)\s*\(\s*/g)) {
      const arg = one.slice((call.index ?? 0) + call[0].length);
      const lit = /^\[/.test(arg) ? null : vimString(arg);
      if (lit !== null && /^lib/.test(call[1] as string) === false)
        out.push({ label: `vim ${call[1] as string}()`, call: one.trim(), shell: w(lit, known) });
      else
        out.push({
          label: `vim ${call[1] as string}()`,
          call: one.trim(),
          unread: `vim runs a command built at run time (${call[1] as string}())`,
        });
    }
    if (
      (m =
        /^(?:w(?:r(?:i(?:te?)?)?)?|wq|x(?:it)?|sav(?:eas?)?|up(?:date)?)!?\s+(?:\+\+\S+\s+)*([^\s|!][^|]*?)\s*$/.exec(
          one,
        ))
    ) {
      out.push({
        label: 'vim :write',
        call: one.trim(),
        argv: [w('tee'), w((m[1] as string).replace(/\\ /g, ' '), known)],
      });
    }
  }
  return out;
}

export const vim: EscapeReader = (args) => {
  const out: Escape[] = [];
  for (let i = 0; i < args.length; i++) {
    const t = (args[i] as Word).text;
    if (t === '--') break;
    const known = (args[i] as Word).known;
    if ((t === '-c' || t === '--cmd') && args[i + 1]) {
      out.push(...exCommands((args[i + 1] as Word).text, (args[i + 1] as Word).known));
      i += 1;
    } else if (t.startsWith('+') && t.length > 1 && !/^\+\d+$/.test(t) && !t.startsWith('+/'))
      out.push(...exCommands(t.slice(1), known));
  }
  return out;
};

// ---- gdb, lldb --------------------------------------------------------------------------------------

/** `system("cmd")` called in the debugged program (`call`, `print`, `expr`): a shell command it runs. */
function systemCall(cmd: string, label: string, known: boolean): Escape[] {
  const m = /\bsystem\s*\(\s*/.exec(cmd);
  if (!m) return [];
  const lit = vimString(cmd.slice(m.index + m[0].length));
  return [
    lit !== null
      ? { label, call: cmd, shell: w(lit, known) }
      : { label, call: cmd, unread: `${label} calls system() with a command built at run time` },
  ];
}

function gdbCommand(text: string, known: boolean): Escape[] {
  const c = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(?:shell|!)\s*(.*)$/s.exec(c)))
    return m[1]
      ? [{ label: 'gdb shell', call: c, shell: w(m[1] as string, known) }]
      : [{ label: 'gdb shell', call: c, unread: 'gdb starts an interactive shell' }];
  if ((m = /^(?:pipe|\|)\s*(?:-d\s+(\S+)\s+)?(.*)$/s.exec(c))) {
    const delim = m[1] ?? '|';
    const at = (m[2] as string).indexOf(delim);
    const cmd = at >= 0 ? (m[2] as string).slice(at + delim.length).trim() : '';
    return cmd ? [{ label: 'gdb pipe', call: c, shell: w(cmd, known), fed: true }] : [];
  }
  if ((m = /^(?:python|py|python-interactive|pi)\b\s*(.*)$/s.exec(c)))
    return m[1] ? [{ label: 'gdb python', call: c, code: { lang: 'python', text: w(m[1] as string, known) } }] : [];
  if (/^(?:guile|gu)\b/.test(c)) return [{ label: 'gdb guile', call: c, unread: 'gdb runs Guile code' }];
  if (/^eval\b/.test(c))
    return [
      { label: 'gdb eval', call: c, unread: 'gdb builds a command at run time (`eval`), which can run anything' },
    ];
  if (/^(?:call|print|p|output|print-object|po)\b/.test(c)) return systemCall(c, 'gdb call', known);
  return [];
}

export const gdb: EscapeReader = (args, stdin) => {
  const cmds = valuesOf(args, [
    '-ex',
    '--ex',
    '-eval-command',
    '--eval-command',
    '-iex',
    '--iex',
    '-init-eval-command',
    '--init-eval-command',
  ]);
  const batch = args.some((a) => /^--?batch$/.test(a.text));
  const out = cmds.flatMap((c) => gdbCommand(c.text, c.known));
  // gdb reads its commands from stdin when it is not told to stop after its options.
  if (stdin !== null && !batch) for (const line of stdin.split('\n')) out.push(...gdbCommand(line, true));
  return out;
};

function lldbCommand(text: string, known: boolean): Escape[] {
  const c = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(?:platform\s+shell|shell)\b\s*(?:-h\s+|-[ts]\s+\S+\s+)*(?:--\s+)?(.*)$/s.exec(c)))
    return m[1] ? [{ label: 'lldb platform shell', call: c, shell: w(m[1] as string, known) }] : [];
  if ((m = /^scr(?:ipt)?\b\s*(?:-l\s+python\s+)?(?:--\s+)?(.*)$/s.exec(c)))
    return m[1] ? [{ label: 'lldb script', call: c, code: { lang: 'python', text: w(m[1] as string, known) } }] : [];
  if (/^(?:expr(?:ession)?|p|print|call|po)\b/.test(c)) return systemCall(c, 'lldb expression', known);
  return [];
}

export const lldb: EscapeReader = (args) =>
  valuesOf(args, ['-o', '--one-line', '-O', '--one-line-before-file', '-k', '--one-line-on-crash']).flatMap((c) =>
    lldbCommand(c.text, c.known),
  );

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
      out.push(
        quoted && strings.length ? { kind: 'list', items: strings } : { kind: 'other', text: s.slice(i, j + 1) },
      );
      i = j + 1;
    } else {
      const m = /^[^\s()"]+/.exec(s.slice(i));
      out.push({ kind: 'other', text: m?.[0] ?? ch });
      i += m?.[0].length ?? 1;
    }
  }
  return out;
}

const ELISP =
  /\((shell-command(?:-to-string)?|async-shell-command|call-process-shell-command|start-process-shell-command|process-lines|call-process|start-process|start-file-process|make-process|delete-file|delete-directory|write-region|eval)(?=[\s)])/g;

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
      out.push(
        cmd !== null
          ? { label, call, shell: w(cmd, known) }
          : { label, call, unread: `emacs runs a shell command built at run time (${fn})` },
      );
      continue;
    }
    if (fn === 'make-process') {
      const at = args.findIndex((a) => a.kind === 'other' && a.text === ':command');
      const cmd = args[at + 1];
      out.push(
        cmd?.kind === 'list'
          ? { label, call, argv: cmd.items.map((t) => w(t, known)) }
          : { label, call, unread: 'emacs starts a process named at run time (make-process)' },
      );
      continue;
    }
    const progAt =
      fn === 'process-lines' || fn === 'call-process'
        ? 0
        : fn === 'start-process' || fn === 'start-file-process'
          ? 2
          : -1;
    if (progAt >= 0) {
      const prog = str(progAt);
      const from = fn === 'call-process' ? 4 : progAt + 1;
      const rest = args.slice(from).map((a) => (a.kind === 'string' ? w(a.text, known) : w('$EXPR', false)));
      out.push(
        prog !== null
          ? { label, call, argv: [w(prog, known), ...rest] }
          : { label, call, unread: `emacs starts a program named at run time (${fn})` },
      );
      continue;
    }
    if (fn === 'delete-file' || fn === 'delete-directory') {
      const path = str(0);
      const recursive =
        fn === 'delete-directory' && args[1] !== undefined && !(args[1].kind === 'other' && args[1].text === 'nil');
      if (path !== null)
        out.push({
          label,
          call,
          argv:
            fn === 'delete-file'
              ? [w('rm'), w(path, known)]
              : recursive
                ? [w('rm'), w('-rf'), w(path, known)]
                : [w('rmdir'), w(path, known)],
        });
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

export const emacs: EscapeReader = (args) => {
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
