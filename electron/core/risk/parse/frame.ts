// What the parser carries while it reads: where a command sits (inside which wrappers, redirections,
// pipes), and the reader that collects segments and problems and parses nested shell text.
import type { Redirect, Segment, Span, Word } from '../model.ts';
import { canonicalProgram } from '../program-names.ts';

/** The surroundings of the command being read, inherited by everything inside it. */
export interface Frame {
  /** Wrappers peeled so far, outermost first. */
  via: string[];
  privileged: boolean;
  remote: string | null;
  /** Redirections of enclosing compound commands (`{ a; b; } > f`), which apply to every command inside. */
  redirects: Redirect[];
  /** A here-document or here-string that the enclosing statement feeds to its commands. */
  stdin: string | null;
  /** How that stdin was given, for labels (`<<EOF`, `<<<`, `|`). */
  stdinKind: string | null;
  /** argv of the pipeline stage before this one. */
  pipeFrom: Word[] | null;
  /** Wrappers peeled and strings re-parsed so far (bounded by MAX_NESTING). */
  depth: number;
  /** Set for segments read out of another language's code: they are synthetic, and their text is the call. */
  call: string | null;
  /** Environment assignments of an enclosing command (`BASH_ENV=x bash -c '…'`): every command inside runs with them. */
  env: string[];
  /**
   * Where the command being read stands in the command as written, once known: set for each simple command read
   * from the original text, inherited by what is read out of it (a wrapper's command, a `-c` string, inline code).
   */
  span: Span | null;
}

/** Maps an offset in the text a walker reads to the same place in the command as written. */
export type Origin = (offset: number) => number;

/** One simple command as written, before its wrappers are peeled. */
export interface CommandInput {
  argv: Word[];
  assignments: string[];
  redirects: Redirect[];
  stdin: string | null;
  /** How stdin was given, for labels: `<<EOF` or `<<<`. */
  stdinKind: string | null;
  text: string;
}

/** The parser's services to the code that peels wrappers and reads other languages. */
export interface Reader {
  /**
   * Reads shell text (the string of `bash -c`, `eval`, `ssh host …`) in `frame`; returns its last command. `origin`
   * is given when the text is a verbatim stretch of the command as written, so its commands get their own spans.
   */
  parseNested(text: string, frame: Frame, origin?: Origin): Segment | null;
  /** Reads a simple command line (`env -S '…'`) into words, or null when it is not one. */
  splitWords(text: string): Word[] | null;
  /** Judges one simple command: peels its wrappers and emits what it runs; returns the command whose output it gives. */
  runCommand(cmd: CommandInput, frame: Frame): Segment | null;
  emit(seg: Segment): void;
  /** How many segments were emitted so far (a mark for `emittedSince`). */
  emitted(): number;
  /** The segments emitted since a mark. */
  emittedSince(mark: number): readonly Segment[];
  /** Reads text as shell words and runs only the substitutions in them (a word inside `${x:-…}` tree-sitter left as text). */
  readSubstitutions(text: string, frame: Frame): void;
  /**
   * Reads text that is one simple command into its words and redirections, running the substitutions
   * in them but not the command; null when it is not one simple command.
   */
  readCommandLine(text: string, frame: Frame): { argv: Word[]; redirects: Redirect[] } | null;
  problem(message: string): void;
  /** Notes the command whose output a process substitution gives (`<(curl …)` as written). */
  remember(substitution: string, output: Segment): void;
  /** The command whose output a word that is one whole `<(…)` gives, or null. */
  outputOf(word: Word): Segment | null;
}

/**
 * Wrappers inside wrappers: deep enough for any real command (`sudo env timeout 5 bash -c "ssh h '…'"`
 * is five), shallow enough that adversarial nesting cannot make one request expensive.
 */
export const MAX_NESTING = 8;

export const rootFrame = (): Frame => ({
  via: [],
  privileged: false,
  remote: null,
  redirects: [],
  stdin: null,
  stdinKind: null,
  pipeFrom: null,
  depth: 0,
  call: null,
  env: [],
  span: null,
});

/** A frame one wrapper deeper. */
export function inside(frame: Frame, label: string, extra: Partial<Frame> = {}): Frame {
  return { ...frame, via: [...frame.via, label], depth: frame.depth + 1, ...extra };
}

export function segmentOf(cmd: CommandInput, frame: Frame): Segment {
  return {
    argv: cmd.argv,
    assignments: frame.env.length ? [...frame.env, ...cmd.assignments] : cmd.assignments,
    redirects: [...frame.redirects, ...cmd.redirects],
    stdin: cmd.stdin ?? frame.stdin,
    pipeFrom: frame.pipeFrom,
    via: frame.via,
    privileged: frame.privileged,
    remote: frame.remote,
    synthetic: frame.call !== null,
    text: frame.call ?? cmd.text,
    ...(frame.span ? { span: frame.span } : {}),
  };
}

export const known = (text: string): Word => ({ text, known: true });
export const unknown = (text: string): Word => ({ text, known: false });

/** argv[0]'s base name, lower-cased, without a version (`/usr/bin/sudo` → `sudo`, `python3.11` → `python3`). */
export function baseName(w: Word | undefined): string {
  if (!w) return '';
  return canonicalProgram((w.text.split('/').pop() ?? '').toLowerCase());
}

/** A command made from words alone (no redirections of its own). */
export function commandOf(argv: Word[], text: string, from?: CommandInput): CommandInput {
  return {
    argv,
    assignments: [],
    redirects: from?.redirects ?? [],
    stdin: from?.stdin ?? null,
    stdinKind: from?.stdinKind ?? null,
    text,
  };
}

/** What a wrapper's reader did: handed on a command to peel further, or finished (with the command whose output it gives). */
export type Step = { next: CommandInput; frame: Frame } | { out: Segment | null };

/** Emits the command as it is and ends the peeling. */
export function keep(cmd: CommandInput, frame: Frame, reader: Reader): { out: Segment } {
  const seg = segmentOf(cmd, frame);
  reader.emit(seg);
  return { out: seg };
}

/** The frame for shell text run by this command: its redirections and stdin carry over. */
export function carry(cmd: CommandInput, frame: Frame): Frame {
  return {
    ...frame,
    redirects: [...frame.redirects, ...cmd.redirects],
    stdin: cmd.stdin ?? frame.stdin,
    stdinKind: cmd.stdin !== null ? cmd.stdinKind : frame.stdinKind,
    env: cmd.assignments.length ? [...frame.env, ...cmd.assignments] : frame.env,
  };
}
