// What the readers of programs whose own commands run a shell share (`escapes.ts` and its readers in
// `escapes-sed.ts`, `escapes-editors.ts`, `escapes-databases.ts`): the `Escape` they return, the cap on
// how many one command gives, and how they find option values among the words.
import type { Word } from '../model.ts';
import type { Lang } from './literals.ts';

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

/** Reads one program's arguments (without its name) and the text on its stdin, if known. */
export type EscapeReader = (args: readonly Word[], stdin: string | null) => Escape[];

/** Escapes read from one command: far more than any real one has. */
export const MAX_ESCAPES = 64;
export const w = (text: string, known = true): Word => ({ text, known });

/** Values of options given as `-x v`, `-xv`, `--long v` or `--long=v`, in order. */
export function valuesOf(args: readonly Word[], names: readonly string[], glued = false): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as Word;
    if (a.text === '--') break;
    const name = names.find(
      (n) =>
        a.text === n ||
        (n.startsWith('--') && a.text.startsWith(`${n}=`)) ||
        (glued && !n.startsWith('--') && a.text.startsWith(n) && a.text.length > n.length),
    );
    if (!name) continue;
    if (a.text === name) {
      const v = args[++i];
      if (v) out.push(v);
    } else
      out.push({ text: a.text.slice(a.text.startsWith(`${name}=`) ? name.length + 1 : name.length), known: a.known });
  }
  return out;
}
