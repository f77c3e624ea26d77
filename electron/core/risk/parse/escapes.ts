// Programs whose own commands run a shell or other code: sed's `e` command and `s///e`, dc's `!`, vim's
// `:!cmd`, `:r !cmd`, `:terminal`, `system()`, `:py3`; gdb's `shell`/`!`/`pipe`/`python`, lldb's
// `platform shell`/`script`; emacs's `(shell-command …)`; sqlite3's `.shell`/`.system`/`.once |cmd`;
// psql's `\!`, `\o |cmd`, `COPY … PROGRAM`; mysql's `system`/`\!`/`pager`. What they run is read like
// `bash -c` (a shell command) or like a one-liner (code); what cannot be read is said (`unread`), and
// the rules score it at least high. Files they write or read (`sed w f`, `:w f`, `.output f`) are
// `tee f` and `cat f`. This is the entry (which program is which kind, and the cap); the readers are in
// `escapes-sed.ts` (sed, dc), `escapes-editors.ts` (vim, gdb, lldb, emacs) and `escapes-databases.ts`
// (sqlite3, psql, mysql), their shared helpers in `escapes-common.ts`.
import type { Word } from '../model.ts';
import { MAX_ESCAPES, type Escape, type EscapeReader } from './escapes-common.ts';
import { mysql, psql, sqlite } from './escapes-databases.ts';
import { emacs, gdb, lldb, vim } from './escapes-editors.ts';
import { dc, sed } from './escapes-sed.ts';

export type { Escape } from './escapes-common.ts';

export type Escapes = 'sed' | 'dc' | 'vim' | 'gdb' | 'lldb' | 'emacs' | 'sqlite' | 'psql' | 'mysql';

const KINDS: ReadonlyMap<string, Escapes> = new Map<string, Escapes>([
  ['sed', 'sed'],
  ['gsed', 'sed'],
  ['dc', 'dc'],
  ['vim', 'vim'],
  ['vi', 'vim'],
  ['nvim', 'vim'],
  ['gvim', 'vim'],
  ['mvim', 'vim'],
  ['vimdiff', 'vim'],
  ['nvi', 'vim'],
  ['ex', 'vim'],
  ['view', 'vim'],
  ['gdb', 'gdb'],
  ['gdb-multiarch', 'gdb'],
  ['lldb', 'lldb'],
  ['emacs', 'emacs'],
  ['emacsclient', 'emacs'],
  ['sqlite3', 'sqlite'],
  ['sqlite', 'sqlite'],
  ['psql', 'psql'],
  ['mysql', 'mysql'],
  ['mariadb', 'mysql'],
]);

export function escapeKind(prog: string): Escapes | null {
  return KINDS.get(prog) ?? null;
}

const READERS: Readonly<Record<Escapes, EscapeReader>> = { sed, dc, vim, gdb, lldb, emacs, sqlite, psql, mysql };

/** The shell commands, files and code a sed/dc/vim/gdb/lldb/emacs/sqlite3/psql/mysql command runs or touches. */
export function escapesOf(kind: Escapes, argv: readonly Word[], stdin: string | null): Escape[] {
  const out = READERS[kind](argv.slice(1), stdin);
  return out.length > MAX_ESCAPES ? out.slice(0, MAX_ESCAPES) : out;
}
