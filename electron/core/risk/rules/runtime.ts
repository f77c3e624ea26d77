// Programs named only at run time: `$(…) -rf ~`, `$x -rf ~`, `eval "$CMD"`. What will run is not
// on the page, so Gatehouse judges what it can see: the value a bare assignment earlier in the same
// command gives the variable, whether the name comes from a download, and how destructive the
// arguments look.
import type { Segment, Word } from '../model.ts';
import { S } from '../types.ts';
import type { Finding } from '../types.ts';
import { decodeAnsiC } from '../parse/shell-text.ts';
import { finding } from './util.ts';

/**
 * `NAME=value` standing alone (followed by `;`, `&&`, `||`, a newline or the end): a value the shell will
 * have. Also at the start of a quoted string, which `bash -c '…'`, `sh -c "…"` or `eval '…'` runs as commands.
 */
const BARE_ASSIGNMENT =
  /(?:^|[;&|\n('"]\s*)([A-Za-z_]\w*)=('[^'\n]*'|"[^"$`\\\n]*"|\$'(?:[^'\\\n]|\\.)*'|[^\s;&|$`'"()<>]+)(?=\s*(?:;|&&|\|\||\n|$))/g;

/** `a=(rm -rf ~)`, `declare -a a=(…)`: an array of plain words. */
const ARRAY_ASSIGNMENT = /(?:^|[;&|\n]\s*)(?:(?:declare|typeset|local)\s+-[aA]\s+)?([A-Za-z_]\w*)=\(([^()$`]*)\)/g;
/** `set -- rm -rf ~`: the positional parameters (`$@`, `$*`). */
const SET_POSITIONAL = /(?:^|[;&|\n]\s*)set\s+--\s+([^;&|\n$`]*)/g;
/** `read -r c <<< 'rm -rf ~'`: a variable read from a here-string of plain text. */
const READ_HERESTRING =
  /(?:^|[;&|\n]\s*)read\s+(?:-r\s+)?([A-Za-z_]\w*)\s*<<<\s*('[^'\n]*'|"[^"$`\\\n]*"|[^\s;&|$`'"]+)/g;

const unquote = (raw: string): string =>
  raw.startsWith("$'") ? decodeAnsiC(raw.slice(2, -1)) : /^['"]/.test(raw) ? raw.slice(1, -1) : raw;

/**
 * Values of variables set in the command text, the last one winning (`$'\x20'` decoded): bare assignments, plain
 * arrays (their words joined), `set --` (as `@` and `*`) and `read` from a plain here-string.
 */
export function bareAssignments(command: string): ReadonlyMap<string, string> {
  const values = new Map<string, string>();
  // Each pattern is tried only where its mark is in the text: this runs for every command scored.
  if (!command.includes('=') && !command.includes('set') && !command.includes('<<<')) return values;
  for (const m of command.matchAll(BARE_ASSIGNMENT)) values.set(m[1] ?? '', unquote(m[2] ?? ''));
  if (command.includes('=('))
    for (const m of command.matchAll(ARRAY_ASSIGNMENT))
      values.set(m[1] ?? '', (m[2] ?? '').trim().split(/\s+/).map(unquote).join(' '));
  if (command.includes('set'))
    for (const m of command.matchAll(SET_POSITIONAL)) {
      const words = (m[1] ?? '').trim().split(/\s+/).map(unquote).join(' ');
      values.set('@', words);
      values.set('*', words);
    }
  if (command.includes('<<<'))
    for (const m of command.matchAll(READ_HERESTRING)) values.set(m[1] ?? '', unquote(m[2] ?? ''));
  return values;
}

/** `$NAME`, `${NAME}`, `${NAME[@]}`, `$@` and `$*` in a word. */
const VARIABLE_REFERENCE = /\$(?:\{([A-Za-z_]\w*)(?:\[[@*]\])?\}|([A-Za-z_]\w*|[@*]))/g;

/**
 * A program word made of variables whose values the command sets (`x=rm; $x -rf ~`,
 * `X=$'\x20'; rm${X}-rf${X}~`, `IFS=,; x=rm,-rf,~; $x`): the words it splits into, with the
 * variables it used; null when any part is only known at run time.
 */
function materialise(word: string, values: ReadonlyMap<string, string>): { words: string[]; used: string[] } | null {
  const used: string[] = [];
  let unknown = false;
  const text = word.replace(VARIABLE_REFERENCE, (m, braced: string | undefined, bare: string | undefined) => {
    const name = (braced ?? bare) as string;
    const value = values.get(name);
    if (value === undefined || /[$`]/.test(value)) unknown = true;
    used.push(name);
    return value ?? m;
  });
  if (unknown || used.length === 0 || /[$`]/.test(text)) return null;
  // The values are split where IFS says (blanks unless the command set IFS).
  const ifs = values.get('IFS');
  const separators = ifs === undefined ? /\s+/ : new RegExp(`[${[...ifs].map((c) => `\\${c}`).join('')}\\s]+`);
  const words = text.split(separators).filter(Boolean);
  return words.length ? { words, used } : null;
}

/** Arguments that make an unknown program worth a closer look: force, recursion, the root or the home, SQL that destroys. */
const DESTRUCTIVE_ARG =
  /^(-[a-zA-Z]*[rRf][a-zA-Z]*|--(force|recursive|delete|hard|no-preserve-root|mirror|all)|\/\*?|~\/?|\$\{?HOME\}?\/?\*?|\*|-9|-KILL)$|\b(DROP|TRUNCATE|DELETE|FLUSHALL)\b/;
/** A command substitution whose output is run: from a download it is remote code. */
/** Tools whose whole output is shell setup meant for `eval` (`eval "$(ssh-agent -s)"`, `eval "$(pyenv init -)"`). */
const SHELL_SETUP =
  /^(\$\(|`)\s*(ssh-agent( -[sc])?|(pyenv|rbenv|nodenv|goenv|jenv|plenv) init\b|direnv (hook|export)\b|(['"]?\/[\w/.]+\/)?brew['"]? shellenv|starship init\b|zoxide init\b|fnm env\b|mise (activate|env)\b|opam env\b|conda shell\.\w+ hook|keychain --eval\b|dircolors\b|gpg-agent --daemon|thefuck --alias|register-python-argcomplete\b)/;
const DOWNLOAD_SUBSTITUTION =
  /^(\$\(|`)\s*(curl|wget|fetch|iwr|irm|invoke-webrequest|invoke-restmethod|http|aria2c)\b/i;

export interface ProgramName {
  /** The segment to judge: argv[0] replaced by its known value when an assignment gives it. */
  seg: Segment;
  found: Finding[];
  /** True when no program name is known at all: no rule can be looked up by name. */
  runtime: boolean;
}

/** Decides what program a segment runs when argv[0] is not a plain word. */
export function resolveProgram(seg: Segment, values: ReadonlyMap<string, string>): ProgramName {
  const argv0 = seg.argv[0];
  if (!argv0 || argv0.known) return { seg, found: [], runtime: false };
  const substituted = /^(\$\(|`)/.test(argv0.text) && !/^(\$\([^)]*\)|`[^`]*`)\/[^$`]+$/.test(argv0.text);
  const base = argv0.text.replace(/\/+$/, '').split('/').pop() ?? '';
  // `$(npm bin)/eslint`, `"$VENV"/bin/python`: only the directory is unknown; the program is named.
  if (!substituted && base && !/[$`]/.test(base)) return { seg, found: [], runtime: false };
  const resolved = substituted ? null : materialise(argv0.text, values);
  if (resolved) {
    const [program, ...more] = resolved.words.map((text): Word => ({ text, known: true }));
    const argv = [program as Word, ...more, ...seg.argv.slice(1)];
    const names = [...new Set(resolved.used)].map((v) => `$${v}`).join(', ');
    return {
      seg: { ...seg, argv },
      found: [
        finding('unparsed', S.medium, `runs ${resolved.words.join(' ')} through ${names}, set earlier in the command`),
      ],
      runtime: false,
    };
  }
  return { seg, found: [unknownProgram(seg, argv0)], runtime: true };
}

function unknownProgram(seg: Segment, argv0: Word): Finding {
  const shown = argv0.text.slice(0, 60);
  const evaluated = seg.via.includes('eval');
  if (DOWNLOAD_SUBSTITUTION.test(argv0.text))
    return finding('remote-code', S.catastrophic - 5, `runs what a download prints as a command (${shown})`);
  if (evaluated && SHELL_SETUP.test(argv0.text))
    return finding('unparsed', S.medium, `evaluates the shell setup a tool prints (${shown})`);
  if (argv0.text.startsWith('$(') || argv0.text.startsWith('`'))
    return finding('unparsed', S.high, `runs whatever ${shown} prints, a program only known at run time`);
  if (evaluated) return finding('unparsed', S.high, `evaluates ${shown}, text only known at run time`);
  const destructive = seg.argv.slice(1).find((w) => DESTRUCTIVE_ARG.test(w.text));
  if (destructive)
    return finding('unparsed', S.high, `runs a program named only at run time (${shown}) with ${destructive.text}`);
  return finding('unparsed', 45, `runs a program named only at run time (${shown})`);
}
