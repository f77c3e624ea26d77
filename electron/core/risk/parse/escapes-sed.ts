// sed's and dc's scripts, read for what they run (`e cmd`, `s///e`, dc's `!cmd`) and the files they write
// or read (`w f`, `s///w f`, `r f`: `tee f` and `cat f`). Readers for `escapes.ts`.
import type { Word } from '../model.ts';
import { valuesOf, w, type Escape, type EscapeReader } from './escapes-common.ts';

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

export const sed: EscapeReader = (args) => {
  const { scripts, sandbox } = sedScripts(args);
  if (sandbox || scripts.length === 0) return [];
  const known = scripts.every((s) => s.known);
  const out: Escape[] = [];
  for (const c of sedCommands(scripts.map((s) => s.text).join('\n'))) {
    if (c.op === 'e') {
      if (c.arg) out.push({ label: 'sed e', call: `e ${c.arg}`, shell: w(c.arg, known) });
      else
        out.push({
          label: 'sed e',
          call: 'e',
          unread: 'sed runs the text it edits as a shell command (`e`, `s///e`), which nobody can read beforehand',
        });
    } else if (c.arg && !STD_STREAMS.test(c.arg)) {
      out.push({
        label: `sed ${c.op}`,
        call: `${c.op} ${c.arg}`,
        argv: [w(c.op === 'w' ? 'tee' : 'cat'), w(c.arg, known)],
      });
    }
  }
  return out;
};

// ---- dc ---------------------------------------------------------------------------------------------

/** dc's `!cmd` runs cmd (to the end of the line, or of the bracketed string it is in); `!<`, `!>`, `!=` compare. */
export const dc: EscapeReader = (args, stdin) => {
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
