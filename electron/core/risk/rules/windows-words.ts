// Reading Windows command lines. The shell parser reads commands as bash does, which eats the
// backslashes of `C:\Users\dev`; PowerShell and cmd keep them. For Windows programs the rules read the
// words again from the segment's text, the way those shells would split them.
import type { Segment, Word } from '../model.ts';

/** Words separating commands in cmd and PowerShell. */
const SEPARATORS = new Set([';', '|', '&', '&&', '||']);

/** Splits a Windows command line into words: whitespace separates, quotes group (and are removed), backslashes are literal. */
export function windowsWords(line: string): Word[] {
  const out: Word[] = [];
  let current = '';
  let started = false;
  let quote: string | null = null;
  const push = () => {
    if (started) out.push({ text: current, known: !/\$|%\w+%/.test(current) });
    current = '';
    started = false;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote) {
      if (c === quote) quote = null;
      else current += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      started = true;
    } else if (/\s/.test(c)) push();
    else if (c === ';' || c === '|' || c === '&') {
      push();
      const two = line.slice(i, i + 2);
      const op = two === '&&' || two === '||' ? two : c;
      out.push({ text: op, known: true });
      i += op.length - 1;
    } else {
      current += c;
      started = true;
    }
  }
  push();
  return out;
}

/** Commands of a cmd or PowerShell line, each with the words of the stage before it when piped. */
export function windowsCommands(line: string): Array<{ argv: Word[]; pipeFrom: Word[] | null }> {
  const commands: Array<{ argv: Word[]; pipeFrom: Word[] | null }> = [];
  let argv: Word[] = [];
  let pipeFrom: Word[] | null = null;
  for (const w of windowsWords(line)) {
    if (!SEPARATORS.has(w.text)) {
      argv.push(w);
      continue;
    }
    if (argv.length) commands.push({ argv, pipeFrom });
    pipeFrom = w.text === '|' ? argv : null;
    argv = [];
  }
  if (argv.length) commands.push({ argv, pipeFrom });
  return commands;
}

/** A segment's arguments as cmd or PowerShell would see them, or null when its text does not show them. */
export function windowsArgs(seg: Segment, prog: string): Word[] | null {
  const words = windowsWords(seg.text);
  const at = words.findIndex((w) => programBase(w.text) === prog);
  if (at < 0) return null;
  const end = words.findIndex((w, i) => i > at && SEPARATORS.has(w.text));
  return words.slice(at + 1, end < 0 ? undefined : end);
}

export function programBase(text: string): string {
  return (text.split(/[\\/]/).pop() ?? '').toLowerCase().replace(/\.(exe|com|cmd|bat|ps1)$/, '');
}

/** PowerShell parameters may be shortened to any unique prefix and are case-insensitive (`-Rec`, `-r`, `-Force`, `-fo`). */
export function psFlag(args: readonly Word[], name: string, shortest = 1): boolean {
  const lower = name.toLowerCase();
  return args.some((w) => {
    const m = /^-([A-Za-z]+)(:.*)?$/.exec(w.text);
    const given = m?.[1]?.toLowerCase() ?? '';
    return given.length >= shortest && lower.startsWith(given) && !/:\$?false$/i.test(w.text);
  });
}

/** The value of a PowerShell parameter (`-Path X`, `-Path:X`), by any of its names or aliases. */
export function psValue(args: readonly Word[], ...names: string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const m = /^-([A-Za-z]+)(?::(.*))?$/.exec((args[i] as Word).text);
    if (!m || !names.some((n) => n.toLowerCase() === m[1]?.toLowerCase())) continue;
    return m[2] ?? args[i + 1]?.text ?? null;
  }
  return null;
}

/** Positional arguments: words that are neither a parameter nor the value of one named in `valued`. */
export function psPositionals(args: readonly Word[], valued: readonly string[] = []): Word[] {
  const out: Word[] = [];
  const takes = new Set(valued.map((v) => v.toLowerCase()));
  for (let i = 0; i < args.length; i++) {
    const t = (args[i] as Word).text;
    const m = /^-([A-Za-z]+)(:.*)?$/.exec(t);
    if (m) {
      if (takes.has(m[1]?.toLowerCase() ?? '') && m[2] === undefined) i++;
    } else if (!/^\/\w/.test(t) || /^\/[\w.-]+\//.test(t)) out.push(args[i] as Word);
  }
  return out;
}

/** cmd switches: `/s`, `/Q`, `/F`, `/grant` (case-insensitive). */
export function cmdSwitch(args: readonly Word[], ...names: string[]): boolean {
  return args.some((w) =>
    names.some(
      (n) => w.text.toLowerCase() === `/${n.toLowerCase()}` || w.text.toLowerCase().startsWith(`/${n.toLowerCase()}:`),
    ),
  );
}

/** The value after a cmd switch (`/IM node.exe`, `/user:Administrator`). */
export function cmdValue(args: readonly Word[], name: string): string | null {
  const lower = `/${name.toLowerCase()}`;
  for (let i = 0; i < args.length; i++) {
    const t = (args[i] as Word).text;
    if (t.toLowerCase() === lower) return args[i + 1]?.text ?? null;
    if (t.toLowerCase().startsWith(`${lower}:`)) return t.slice(lower.length + 1);
  }
  return null;
}
