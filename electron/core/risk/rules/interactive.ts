// Interactive sessions: a shell or a REPL started with nothing to run reads its commands from its input, later. An
// agent can type into it (Codex's `write_stdin` into a process `exec_command` started with a terminal), and no hook
// sees what it types (measured with Codex 0.169: docs/interception.md, "File tools"). So the start is the one moment
// Gatehouse can judge, and it is high: whatever runs in the session afterwards is never read.
import type { Word } from '../model.ts';
import { S } from '../types.ts';
import { finding, type Rule, type RuleInput } from './util.ts';

/** How a program is given something to run, and when it reads its input anyway. */
interface Session {
  /** What a person would call it. */
  kind: 'shell' | 'REPL' | 'interpreter';
  /** Options whose value is the next word (so the value is not taken for a script). */
  valued: readonly string[];
  /** Options that give it code to run (`-c`, `-e`, `-m`): with one, and no `reads`, nothing is read from the input. */
  runs: RegExp;
  /** Options that make it read its input whatever else it is given (`python -i x.py` opens the REPL after x.py, `bash -s`). */
  reads?: RegExp;
  /** Options after which it only prints and exits, or does a job of its own (`node --test`). */
  exits?: RegExp;
  /** Subcommands: which open the session (`deno repl`, `tmux new`), and whether the bare program does. */
  subs?: { opens: RegExp; bare: boolean };
}

const NEVER = /$^/;
const HELP = /^(-h|--help|--version)$/;

/** `bash -c`, `bash -lc`, `bash -ec '…'`: a cluster with `c` in it. */
const shell: Session = {
  kind: 'shell',
  valued: ['-o', '+o', '-O', '+O', '--rcfile', '--init-file'],
  runs: /^-[a-zA-Z]*c[a-zA-Z]*$/,
  // `-s` reads the commands from the input, with any operands as their arguments.
  reads: /^-[a-zA-Z]*s[a-zA-Z]*$/,
  exits: /^--(version|help)$/,
};

const python: Session = {
  kind: 'REPL',
  valued: ['-W', '-X', '--check-hash-based-pycs'],
  runs: /^-[a-zA-Z]*[cm][a-zA-Z]*$/,
  reads: /^-[a-zA-Z]*i[a-zA-Z]*$/,
  exits: /^(-V|-VV|--version|-h|--help|-\?)$/,
};

const powershell: Session = {
  kind: 'shell',
  valued: ['-workingdirectory', '-wd', '-executionpolicy', '-ep', '-settingsfile', '-configurationname'],
  runs: /^-(c|command|f|file|encodedcommand|e|ec)$/i,
  reads: /^-noexit$/i,
  exits: /^-(v|version|h|help|\?)$/i,
};

const node: Session = {
  kind: 'REPL',
  valued: [
    '-r',
    '--require',
    '--import',
    '--loader',
    '--experimental-loader',
    '-C',
    '--conditions',
    '--env-file',
    '--title',
    '--inspect-port',
  ],
  runs: /^(--eval|--print)(=|$)|^-[a-zA-Z]*[ep][a-zA-Z]*$/,
  reads: /^(-i|--interactive)$/,
  exits: /^(-v|--version|-h|--help|--test|--run|-c|--check|--v8-options)(=|$)/,
};

/** A REPL: bare it reads its input; `runs` gives it code; `reads` keeps it reading after a script. */
const repl = (valued: readonly string[], runs: RegExp, reads: RegExp = NEVER, exits: RegExp = HELP): Session => ({
  kind: 'REPL',
  valued,
  runs,
  reads,
  exits,
});

const SESSIONS: Readonly<Record<string, Session>> = {
  bash: shell,
  sh: shell,
  dash: shell,
  zsh: shell,
  ksh: shell,
  mksh: shell,
  ash: shell,
  yash: shell,
  csh: { ...shell, valued: [] },
  tcsh: { ...shell, valued: [] },
  fish: { ...shell, valued: ['-C', '--init-command', '-d', '--debug'], runs: /^(-c|--command)(=|$)/, reads: NEVER },
  pwsh: powershell,
  powershell,
  node,
  nodejs: node,
  python,
  python2: python,
  python3: python,
  pypy: python,
  pypy3: python,
  // Ruby, Perl and PHP bare read a whole program from the input (not a REPL, but typed all the same).
  ruby: {
    kind: 'interpreter',
    valued: ['-r', '-I', '-C', '-E', '--encoding'],
    runs: /^-[a-zA-Z]*e[a-zA-Z]*$/,
    exits: /^(-v|--version|-h|--help|-c|-y)$/,
  },
  perl: {
    kind: 'interpreter',
    valued: ['-I', '-M', '-m'],
    runs: /^-[a-zA-Z]*[eE][a-zA-Z]*$/,
    exits: /^(-v|-V|--version|-h|--help|-c)$/,
  },
  php: {
    kind: 'interpreter',
    valued: ['-c', '-d', '-z'],
    runs: /^(-r|-f|-R|-F|-B|-E|-S|-l|-s|-w|-m|-i)$/,
    reads: /^-a$/,
    exits: /^(-v|--version|-h|--help)$/,
  },
  lua: repl(['-l'], /^-e$/, /^-i$/, /^-v$/),
  luajit: repl(['-l', '-j', '-O'], /^-e$/, /^-i$/, /^-v$/),
  julia: repl(
    ['-J', '--sysimage', '-t', '--threads', '-p', '--procs', '--project', '-L', '--load'],
    /^(-e|--eval|-E|--print)(=|$)/,
    /^(-i|--interactive)$/,
    /^(-v|--version|-h|--help)$/,
  ),
  irb: repl(['-r', '-I'], NEVER, NEVER, /^(-v|--version|-h|--help)$/),
  pry: repl(['-r', '-I'], /^(-e|--exec)$/, NEVER, /^(-v|--version|-h|--help)$/),
  ipython: repl(['--profile', '--config'], /^(-c|-m)$/, /^-i$/),
  bpython: repl([], NEVER, /^-i$/),
  ptpython: repl([], NEVER, /^-i$/),
  ghci: repl([], /^-e$/),
  // R, by the lower-cased name rules see.
  r: repl([], /^(-e|-f|--file=.*)$/, NEVER, /^(--version|-h|--help|CMD)$/),
  tclsh: repl(['-encoding'], NEVER),
  jshell: repl(['--class-path', '-cp', '--module-path', '-R', '-J'], NEVER),
  erl: repl(
    ['-pa', '-pz', '-sname', '-name', '-setcookie'],
    /^(-eval|-s|-run|-noshell|-detached)$/,
    NEVER,
    /^-version$/,
  ),
  deno: {
    kind: 'REPL',
    valued: [],
    runs: NEVER,
    exits: /^(-V|--version|-h|--help)$/,
    subs: { opens: /^repl$/, bare: true },
  },
  bun: { kind: 'REPL', valued: [], runs: NEVER, subs: { opens: /^repl$/, bare: false } },
  // A terminal multiplexer started without a command opens a shell in a terminal of its own.
  tmux: {
    kind: 'shell',
    valued: ['-L', '-S', '-f', '-c', '-s', '-n', '-t', '-x', '-y', '-e', '-F'],
    runs: NEVER,
    exits: /^-V$/,
    subs: { opens: /^(new|new-session)$/, bare: true },
  },
  screen: {
    kind: 'shell',
    valued: ['-S', '-c', '-e', '-h', '-p', '-s', '-t', '-T'],
    runs: /^(-r|-R|-x|-d|-D|-ls|-list|-X|-Q|-wipe)$/,
    exits: /^(-v|-version|--version|-help)$/,
  },
};

const VERSIONED_PYTHON = /^(python|pypy)\d(\.\d+)?$/;

/** The session table entry for a program (`python3.12` is python), or null. */
function sessionOf(prog: string): Session | null {
  return SESSIONS[prog] ?? (VERSIONED_PYTHON.test(prog) ? python : null);
}

/** The options before the first operand (a script, a subcommand), and that operand, as the program reads them. */
function readWords(args: readonly Word[], s: Session): { options: string[]; first: string | null } {
  const options: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const t = (args[i] as Word).text;
    if (t === '--') return { options, first: args[i + 1]?.text ?? null };
    if (!/^[-+]./.test(t)) return { options, first: t };
    options.push(t);
    // After the code option, the rest are its code and arguments (`python -c 'x' a b`).
    if (s.runs.test(t)) return { options, first: null };
    if (s.valued.includes(t)) i += 1;
  }
  return { options, first: null };
}

/** Whether its input is given in the command itself (a here-doc, a pipe, `< file`): then nothing is typed into it later. */
function inputGiven({ seg }: RuleInput): boolean {
  return (
    seg.stdin !== null ||
    seg.pipeFrom !== null ||
    seg.redirects.some((r) => r.op.includes('<') && !r.op.includes('>') && (r.fd === null || r.fd === 0))
  );
}

/** `bash`, `python3`, `node -i`, `deno repl`, `tmux new`: a session whose later input Gatehouse never sees. */
export const interactiveSession: Rule = (input) => {
  const s = sessionOf(input.prog);
  // Language code that starts a shell is judged by `interactiveShellInCode` (code.ts), as a reverse shell.
  if (!s || input.seg.synthetic || inputGiven(input)) return [];
  const { options, first } = readWords(input.args, s);
  if (options.some((o) => s.exits?.test(o))) return [];
  const runsCode = options.some((o) => s.runs.test(o));
  const reads = options.some((o) => s.reads?.test(o));
  const opens = s.subs
    ? first === null
      ? s.subs.bare && !runsCode
      : s.subs.opens.test(first)
    : reads || (!runsCode && (first === null || first === '-'));
  if (!opens) return [];
  const name = [input.prog, ...input.args.map((w) => w.text)].join(' ');
  return [
    finding(
      'unparsed',
      S.high,
      `starts an interactive ${s.kind} (${name}) whose later input Gatehouse cannot see: what an agent types into it is never checked`,
    ),
  ];
};
