// Peels what hides the real command: privilege and environment wrappers, shells given a string or a
// here-doc, eval, su -c; and hands remote, per-item and language wrappers to their own readers.
import type { Segment, Word } from '../model.ts';
import { findCommand, parallelCommand, xargsCommand } from './find-xargs.ts';
import {
  baseName,
  carry,
  inside,
  keep,
  MAX_NESTING,
  segmentOf,
  type CommandInput,
  type Frame,
  type Reader,
  type Step,
} from './frame.ts';
import { interpreterFor, namesStdin, oneLiner } from './one-liners.ts';
import { fedBy } from './piped.ts';
import { containerExec, kubeExec, sshCommand } from './remote.ts';
import { peelWrapper, runsAsRoot, WRAPPERS } from './wrappers.ts';

type Handler = (cmd: CommandInput, frame: Frame, reader: Reader) => Step;

/** Shells whose `-c` string and stdin are bash-like enough to read with the bash grammar. */
const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash', 'mksh', 'yash', 'fish']);
/** Options of those shells that take a value. */
const SHELL_VALUED = new Set(['-o', '+o', '-O', '+O', '--rcfile', '--init-file']);

/**
 * Reads the shell text a command runs (`bash -c`, `eval`, `su -c`). When the text is only known at run
 * time (`sh -c "$(curl …)"`), the command is also kept as written, so the rules see what feeds it.
 */
function runText(text: Word, cmd: CommandInput, frame: Frame, inner: Frame, reader: Reader): Step {
  if (!text.known) reader.emit(segmentOf(cmd, frame));
  return { out: reader.parseNested(text.text, inner) };
}

const prefixWrapper: Handler = (cmd, frame, reader) => {
  const prog = baseName(cmd.argv[0]);
  const spec = WRAPPERS[prog];
  const peeled = spec ? peelWrapper(prog, cmd.argv, spec) : { kind: 'keep' as const };
  if (peeled.kind === 'keep') return keep(cmd, frame, reader);
  const privileged = frame.privileged || runsAsRoot(prog, cmd.argv);
  if (peeled.kind === 'shell')
    return runText(peeled.text, cmd, frame, inside(carry(cmd, frame), peeled.label, { privileged }), reader);
  let argv = peeled.argv;
  if (peeled.split) {
    const words = reader.splitWords(peeled.split.text);
    if (words === null) reader.problem(`\`${prog}\` splits text Gatehouse could not read as one command`);
    argv = [...(words ?? [{ text: peeled.split.text, known: false }]), ...argv];
  }
  return {
    next: { ...cmd, argv, assignments: [...cmd.assignments, ...peeled.assignments] },
    frame: inside(frame, peeled.label, { privileged }),
  };
};

/** `bash -c 'string'`, `bash <<EOF`, `curl … | bash`: the string or stdin is shell text to read. */
const shell: Handler = (cmd, frame, reader) => {
  const prog = baseName(cmd.argv[0]);
  const argv = cmd.argv;
  let i = 1;
  let dashC = false;
  for (; i < argv.length; i++) {
    const t = (argv[i] as Word).text;
    if (t === '--' || t === '-') {
      i += 1;
      break;
    }
    if (!/^[-+]./.test(t)) break;
    if (SHELL_VALUED.has(t)) i += 1;
    else if (!t.startsWith('--') && t.slice(1).includes('c')) dashC = true;
  }
  if (dashC) {
    const text = argv[i];
    return text ? runText(text, cmd, frame, inside(carry(cmd, frame), `${prog} -c`), reader) : keep(cmd, frame, reader);
  }
  // `bash <(curl …)`: the script is another command's output, as if piped in.
  const script = fedBy(argv[i], frame, reader);
  const at = script ?? frame;
  const stdin = script ? script.stdin : (cmd.stdin ?? frame.stdin);
  const reads =
    script !== null || i >= argv.length || namesStdin(argv[i]) || argv.slice(1).some((w) => w.text === '-s');
  if (reads && stdin !== null) {
    const kind = script ? script.stdinKind : ((cmd.stdin !== null ? cmd.stdinKind : frame.stdinKind) ?? '<<EOF');
    return {
      out: reader.parseNested(stdin, inside({ ...carry(cmd, at), stdin: null, stdinKind: null }, `${prog} ${kind}`)),
    };
  }
  return keep(cmd, at, reader);
};

/** `source <(curl …)`, `. <(echo …)`: runs another command's output in this shell. */
const sourced: Handler = (cmd, frame, reader) => {
  // `. /dev/stdin <<< '…'`: the here-string or here-document is the script.
  const stdin = cmd.stdin ?? frame.stdin;
  if (namesStdin(cmd.argv[1]) && stdin !== null)
    return {
      out: reader.parseNested(
        stdin,
        inside({ ...carry(cmd, frame), stdin: null, stdinKind: null }, `${baseName(cmd.argv[0])} /dev/stdin`),
      ),
    };
  const script = fedBy(cmd.argv[1], frame, reader);
  if (!script) return keep(cmd, frame, reader);
  if (script.stdin === null) return keep(cmd, script, reader);
  return {
    out: reader.parseNested(
      script.stdin,
      inside({ ...carry(cmd, script), stdin: null, stdinKind: null }, `${baseName(cmd.argv[0])} <(…)`),
    ),
  };
};

/** `eval "…"`: the words are joined and read again. */
const evalCommand: Handler = (cmd, frame, reader) => {
  const words = cmd.argv.slice(1);
  if (words.length === 0) return keep(cmd, frame, reader);
  const text = { text: words.map((w) => w.text).join(' '), known: words.every((w) => w.known) };
  if (!text.known) reader.problem('eval of text only known at run time');
  return runText(text, cmd, frame, inside(carry(cmd, frame), 'eval'), reader);
};

/** `su [-] [user] -c 'cmd'`, `runuser -l user -c 'cmd'`: options and the user may come in any order. */
const suCommand: Handler = (cmd, frame, reader) => {
  const argv = cmd.argv;
  const prog = baseName(argv[0]);
  for (let i = 1; i < argv.length; i++) {
    const t = (argv[i] as Word).text;
    if (t === '--') break;
    const glued = /^--command=/.test(t) ? t.slice('--command='.length) : null;
    if (glued !== null || t === '--command' || /^-[a-zA-Z]*c$/.test(t)) {
      const text = glued !== null ? { text: glued, known: (argv[i] as Word).known } : argv[i + 1];
      if (text === undefined) break;
      return runText(text, cmd, frame, inside(carry(cmd, frame), `${prog} -c`, { privileged: true }), reader);
    }
  }
  // `runuser -u user -- cmd…`: the command follows as words.
  const dashes = argv.findIndex((w) => w.text === '--');
  if (prog === 'runuser' && dashes > 0 && dashes < argv.length - 1) {
    return { next: { ...cmd, argv: argv.slice(dashes + 1) }, frame: inside(frame, prog, { privileged: true }) };
  }
  return keep(cmd, frame, reader);
};

/** `trap 'cmd' EXIT`: the string runs later, on a signal or on exit. */
const trap: Handler = (cmd, frame, reader) => {
  const action = cmd.argv[1];
  if (!action || action.text.startsWith('-') || cmd.argv.length < 3) return keep(cmd, frame, reader);
  return runText(action, cmd, frame, inside(carry(cmd, frame), 'trap'), reader);
};

/** `alias name='cmd'`: the value runs whenever the name is typed later, so it is read like a function body. */
const alias: Handler = (cmd, frame, reader) => {
  const own = keep(cmd, frame, reader);
  for (const w of cmd.argv.slice(1)) {
    const eq = w.text.indexOf('=');
    if (eq > 0) reader.parseNested(w.text.slice(eq + 1), inside(carry(cmd, frame), `alias ${w.text.slice(0, eq)}`));
  }
  return own;
};

/** `at now <<< 'cmd'`, `echo cmd | batch`: commands read from stdin run later; `-f file` names a file instead. */
const scheduled: Handler = (cmd, frame, reader) => {
  const own = keep(cmd, frame, reader);
  const stdin = cmd.stdin ?? frame.stdin;
  const fromFile = cmd.argv.some((w) => /^-[A-Za-z]*f/.test(w.text));
  const listing = cmd.argv.some((w) => /^-[lcdr]$/.test(w.text));
  if (stdin !== null && !fromFile && !listing)
    reader.parseNested(stdin, inside({ ...carry(cmd, frame), stdin: null, stdinKind: null }, baseName(cmd.argv[0])));
  return own;
};

const HANDLERS: Readonly<Record<string, Handler>> = {
  ...Object.fromEntries(Object.keys(WRAPPERS).map((p) => [p, prefixWrapper])),
  ...Object.fromEntries([...SHELLS].map((p) => [p, shell])),
  eval: evalCommand,
  su: suCommand,
  runuser: suCommand,
  trap,
  alias,
  source: sourced,
  '.': sourced,
  at: scheduled,
  batch: scheduled,
  ssh: sshCommand,
  docker: containerExec,
  podman: containerExec,
  nerdctl: containerExec,
  'docker-compose': containerExec,
  kubectl: kubeExec,
  oc: kubeExec,
  find: findCommand,
  xargs: xargsCommand,
  parallel: parallelCommand,
};

/** Handlers by program name, including `null` for "not a wrapper": program names repeat, the lookup runs for every command. */
const handlerCache = new Map<string, Handler | null>();
/** Bounds the cache: beyond it, lookups are computed each time (program names an agent uses are far fewer). */
const MAX_CACHED_PROGRAMS = 4096;

function handlerFor(prog: string): Handler | null {
  const cached = handlerCache.get(prog);
  if (cached !== undefined) return cached;
  const handler = Object.hasOwn(HANDLERS, prog) ? (HANDLERS[prog] as Handler) : interpreterFor(prog) ? oneLiner : null;
  if (handlerCache.size < MAX_CACHED_PROGRAMS) handlerCache.set(prog, handler);
  return handler;
}

/** Peels a simple command's wrappers, emitting every command it runs; returns the one whose output it gives. */
export function runCommand(cmd: CommandInput, frame: Frame, reader: Reader): Segment | null {
  let current = cmd;
  // `sh < <(curl …)` reads curl's output, as `curl … | sh` would.
  const input = cmd.redirects.find((r) => r.op === '<' && (r.fd === null || r.fd === 0));
  let at = (input && fedBy(input.target, frame, reader)) ?? frame;
  for (;;) {
    const prog = current.argv[0]?.known === false ? '' : baseName(current.argv[0]);
    const handler = handlerFor(prog);
    if (!handler) return keep(current, at, reader).out;
    if (at.depth >= MAX_NESTING) {
      reader.problem(`wrappers nested more than ${MAX_NESTING} deep; Gatehouse stopped reading at \`${prog}\``);
      return keep(current, at, reader).out;
    }
    const step = handler(current, at, reader);
    if ('out' in step) return step.out;
    current = step.next;
    at = step.frame;
  }
}
