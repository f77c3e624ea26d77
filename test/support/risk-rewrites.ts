// Rewrites of a shell command that keep what it does: the metamorphic relations of the risk engine
// (test/unit/core/risk/suites/metamorphic.test.ts). A rewrite finds the simple commands of the text with
// tree-sitter-bash (the grammar, not the walker under test) and changes one of them the way an evasion
// would: a redirection between its words, other quoting, a wrapper, a line continuation, `$IFS` for
// spaces; or the whole text: `bash -c '…'`, `eval`, `cd .` before it, a harmless command beside it.
// Each returns null where the rewrite would change the meaning (a wrapper cannot run a shell function,
// `'~'` is not the home, `</dev/null` starves a command that reads a pipe), so only faithful rewrites are judged.
import { loadGrammar, parseSyntax, type Grammar, type SyntaxNode } from '../../electron/core/risk/parse/syntax.ts';
import { WINDOWS_FILE_RULES, WINDOWS_SHELL_RULES } from '../../electron/core/risk/rules/windows.ts';
import { isCmdlet, WINDOWS_SYSTEM_RULES } from '../../electron/core/risk/rules/windows-system.ts';

/** A simple command of the text, as tree-sitter sees it. */
export interface Site {
  /** Where its program name starts (after leading assignments and redirections). */
  nameStart: number;
  /** Program name then arguments, with their offsets. */
  words: Array<{ start: number; end: number; text: string }>;
  /** Reads a pipe or writes into one (its stdin or stdout is part of what it does). */
  piped: boolean;
  /** Has redirections or here-docs of its own, or sits in a statement that has. */
  redirected: boolean;
  /** The whole text is this one command (optionally with redirections). */
  whole: boolean;
}

export interface Shape {
  text: string;
  sites: Site[];
  /** Shell functions the text defines (wrappers cannot run them). */
  functions: Set<string>;
}

let grammar: Grammar | null = null;

export async function loadRewriter(): Promise<void> {
  grammar = await loadGrammar();
}

/** Nodes inside which commands are not the text's own (substitutions, strings) or not plain (here-doc bodies). */
const OPAQUE = new Set([
  'command_substitution',
  'process_substitution',
  'string',
  'raw_string',
  'heredoc_body',
  'arithmetic_expansion',
  'expansion',
  'test_command',
  'ERROR',
]);

/** The text's simple commands, or null when tree-sitter cannot read it cleanly (rewrites would be guesses). */
export function shapeOf(text: string): Shape | null {
  if (!grammar) throw new Error('loadRewriter() first');
  const tree = parseSyntax(grammar, text);
  if (tree.hasError || tree.cut) return null;
  const sites: Site[] = [];
  const functions = new Set<string>();
  const top = tree.root.children.filter((c) => c.type !== 'comment');
  const visit = (n: SyntaxNode, piped: boolean, redirected: boolean): void => {
    if (OPAQUE.has(n.type)) return;
    if (n.type === 'function_definition') {
      const name = n.children.find((c) => c.field === 'name');
      if (name) functions.add(text.slice(name.start, name.end));
    }
    if (n.type === 'command') {
      const name = n.children.find((c) => c.field === 'name');
      if (!name) return;
      const words: Site['words'] = [];
      for (const c of n.children.filter((k) => k.field === 'name' || k.field === 'argument')) {
        // Nodes that touch are one shell word (tree-sitter cuts `rm$IFS-rf` after the `$`).
        const last = words[words.length - 1];
        if (last && last.end === c.start) {
          last.end = c.end;
          last.text = text.slice(last.start, c.end);
        } else words.push({ start: c.start, end: c.end, text: text.slice(c.start, c.end) });
      }
      const own = n.children.some((c) => c.type.endsWith('_redirect'));
      const whole =
        top.length === 1 &&
        (top[0] === n ||
          (top[0]?.type === 'redirected_statement' && top[0].children.find((c) => c.field === 'body') === n));
      sites.push({ nameStart: name.start, words, piped, redirected: redirected || own, whole });
      return;
    }
    const isPipe = n.type === 'pipeline';
    const redir = n.type === 'redirected_statement' || n.type === 'function_definition';
    for (const c of n.children)
      visit(c, piped || isPipe, redirected || (redir && c.field === 'body') || n.type === 'while_statement');
  };
  visit(tree.root, false, false);
  return { text, sites, functions };
}

const WINDOWS_PROGRAMS = new Set([
  ...Object.keys(WINDOWS_FILE_RULES),
  ...Object.keys(WINDOWS_SYSTEM_RULES),
  ...Object.keys(WINDOWS_SHELL_RULES),
]);

/**
 * A line written for cmd.exe or PowerShell (`rd /s /q C:\…`, `Remove-Item …`): bash's quoting, redirections,
 * line continuations and wrappers are not rewrites that keep its meaning there, so only the whole-text ones apply.
 */
export function isWindowsLine(shape: Shape): boolean {
  if (/[A-Za-z]:\\|%\w+%/.test(shape.text)) return true;
  return shape.sites.some((s) => {
    const name = (s.words[0]?.text ?? '').toLowerCase();
    return WINDOWS_PROGRAMS.has(name) || isCmdlet(name);
  });
}

const PLAIN = /^[A-Za-z0-9_\-./,+@%:=]+$/;
/** Builtins and keywords that act on the shell itself: a wrapper (`nice cd x`) would run them elsewhere, or not at all. */
const SHELL_STATE = new Set([
  'cd',
  'pushd',
  'popd',
  'export',
  'source',
  '.',
  'set',
  'shopt',
  'alias',
  'unalias',
  'eval',
  'exec',
  'read',
  'unset',
  'declare',
  'local',
  'typeset',
  'readonly',
  'ulimit',
  'umask',
  'trap',
  'shift',
  'exit',
  'return',
  'break',
  'continue',
  'wait',
  'jobs',
  'fg',
  'bg',
  'disown',
  'hash',
  'history',
  'let',
  'getopts',
  'mapfile',
  'readarray',
  'complete',
  'enable',
  'builtin',
  'command',
  'caller',
  'times',
  'suspend',
  'logout',
  ':',
  'time',
  'coproc',
]);
/** Builtins `builtin` can run. */
const BUILTINS = new Set([
  'echo',
  'printf',
  'kill',
  'test',
  'eval',
  'source',
  '.',
  'cd',
  'export',
  'read',
  'type',
  'umask',
  'trap',
  'ulimit',
]);

const insert = (text: string, at: number, what: string) => text.slice(0, at) + what + text.slice(at);
const replace = (text: string, start: number, end: number, what: string) =>
  text.slice(0, start) + what + text.slice(end);

export const REDIRECTIONS = ['2>/dev/null', '>/dev/null', '</dev/null', '2>&1'] as const;

/**
 * A redirection inserted into one command, before its name (`at` = -1) or after its `at`-th word.
 * `>/dev/null` and `</dev/null` change what a command reads or shows, so they only go where neither
 * is what it does: not into a pipe, not beside its own redirections, not into a shell or interpreter
 * that would read its program from stdin, not onto a reader whose output is the point.
 */
export function withRedirection(
  shape: Shape,
  site: number,
  at: number,
  op: (typeof REDIRECTIONS)[number],
): string | null {
  const s = shape.sites[site];
  if (!s) return null;
  if (op === '>/dev/null' || op === '</dev/null') {
    if (s.piped || s.redirected) return null;
    if (op === '</dev/null' && s.words.length === 1) return null;
    if (op === '>/dev/null' && !s.whole) return null;
  }
  if (at < 0) return insert(shape.text, s.nameStart, `${op} `);
  const w = s.words[Math.min(at, s.words.length - 1)];
  return w ? insert(shape.text, w.end, ` ${op}`) : null;
}

export const QUOTINGS = ['single', 'double', 'backslash', 'split-single', 'split-double'] as const;

/** One plain word of one command quoted another way: `'rm'`, `"rm"`, `\rm`, `r''m`, `r"m"`. */
export function withQuoting(shape: Shape, site: number, word: number, style: (typeof QUOTINGS)[number]): string | null {
  const w = shape.sites[site]?.words[word];
  if (!w || !PLAIN.test(w.text)) return null;
  // `A=1` as the name would stop being an assignment only if quoted; as an argument it is a word either way.
  if (word === 0 && w.text.includes('=')) return null;
  const t = w.text;
  const quoted = {
    single: `'${t}'`,
    double: `"${t}"`,
    backslash: `\\${t}`,
    'split-single': t.length > 1 ? `${t[0]}''${t.slice(1)}` : `''${t}`,
    'split-double': t.length > 1 ? `${t[0]}"${t.slice(1)}"` : `""${t}`,
  }[style];
  return replace(shape.text, w.start, w.end, quoted);
}

export const PREFIX_WRAPPERS = [
  'command',
  'env',
  'env -i',
  'nice',
  'nice -n 5',
  'timeout 5',
  'nohup',
  'sudo -u bob',
  'stdbuf -o0',
  'time',
  'builtin',
  'exec',
] as const;

/** A wrapper put before one command's name. Only where it runs the same thing (not a function, not `cd`). */
export function withWrapper(shape: Shape, site: number, wrapper: (typeof PREFIX_WRAPPERS)[number]): string | null {
  const s = shape.sites[site];
  const name = s?.words[0]?.text;
  if (!s || !name || !PLAIN.test(name) || name.includes('=') || shape.functions.has(name)) return null;
  if (wrapper === 'builtin') {
    if (!BUILTINS.has(name)) return null;
  } else if (wrapper === 'exec') {
    // exec replaces the shell: nothing after it runs, so only a command that is the whole text.
    if (!s.whole || SHELL_STATE.has(name)) return null;
  } else if (wrapper === 'command' || wrapper === 'time') {
    if (name === 'exec' || name === 'time' || name === 'coproc') return null;
  } else if (SHELL_STATE.has(name)) {
    return null;
  }
  return insert(shape.text, s.nameStart, `${wrapper} `);
}

export const SHELL_WRAPPERS = ['bash -c', 'sh -c', 'eval'] as const;

/** The whole text run by a shell given it as a string: `bash -c '…'`, `sh -c "…"`, `eval '…'`. */
export function inShell(text: string, wrapper: (typeof SHELL_WRAPPERS)[number]): string {
  if (wrapper === 'sh -c') return `sh -c "${text.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`;
  return `${wrapper} '${text.replace(/'/g, `'\\''`)}'`;
}

/** A line continuation (`\` and a newline) instead of the space between two words of one command. */
export function withContinuation(shape: Shape, site: number, gap: number): string | null {
  const s = shape.sites[site];
  const a = s?.words[gap];
  const b = s?.words[gap + 1];
  if (!a || !b || !/^[ \t]+$/.test(shape.text.slice(a.end, b.start))) return null;
  return replace(shape.text, a.end, b.start, ' \\\n  ');
}

/** Every space between one command's words written as `${IFS}` (or `$IFS`): `rm${IFS}-rf${IFS}/`. */
export function withIfs(shape: Shape, site: number, braces: boolean): string | null {
  const s = shape.sites[site];
  if (!s || s.words.length < 2) return null;
  // A `~` after `$IFS` is not at the start of a word, so it would not be the home any more.
  if (!s.words.every((w) => /^[A-Za-z0-9_\-./,+@%:=*]+$/.test(w.text))) return null;
  let text = shape.text;
  for (let i = s.words.length - 1; i > 0; i--) {
    const a = s.words[i - 1]!;
    const b = s.words[i]!;
    if (!/^[ \t]+$/.test(text.slice(a.end, b.start))) return null;
    const sep = braces || /^[A-Za-z0-9_]/.test(b.text) ? '${IFS}' : '$IFS';
    text = replace(text, a.end, b.start, sep);
  }
  return text;
}

export const SAME_DIRECTORY = ['cd . && ', 'cd "$PWD"; ', 'cd ./ && '] as const;
export const HARMLESS_BEFORE = ['true && ', 'echo hi; ', ': ; ', 'ls >/dev/null; ', 'echo start\n'] as const;
export const HARMLESS_AFTER = ['\ntrue', '\necho done'] as const;
