// What the risk engine reads a command into: the simple commands the shell would run, after peeling
// the wrappers that hide them. The parser (parse/) produces it; the rules (rules/) judge it.

/** One word of a command after quote removal. */
export interface Word {
  /** The value as the shell would pass it where known; expansions stay as written (`$HOME`, `$(pwd)`, `*.log`). */
  text: string;
  /** False when the value depends on an expansion (parameter, command substitution, arithmetic, unquoted glob, tilde is known). */
  known: boolean;
}

export interface Redirect {
  /** As written: `>`, `>>`, `<`, `&>`, `&>>`, `>|`, `<>`, `>&`, `<&`. Here-documents are not redirects here (see Segment.stdin). */
  op: string;
  /** The file descriptor written before the operator (`2>`), or null. */
  fd: number | null;
  target: Word;
}

/** A simple command as the shell (or a wrapper) would run it. */
export interface Segment {
  /** argv[0] is the program as written (`rm`, `/bin/rm`, `./x.sh`); quote removal applied. Empty for a bare assignment or redirect. */
  argv: Word[];
  /** Leading assignments (`FOO=1`), as written. */
  assignments: string[];
  redirects: Redirect[];
  /** Text fed to stdin by a here-document or here-string, if any. */
  stdin: string | null;
  /** argv of the previous stage when this one reads a pipe (`curl -s x | sh` gives `sh` pipeFrom `curl -s x`). */
  pipeFrom: Word[] | null;
  /**
   * Wrappers peeled to reach this command, outermost first, each a short label a person can read:
   * `sudo`, `env`, `timeout`, `bash -c`, `eval`, `xargs`, `find -exec`, `find -delete`, `ssh prod-db`,
   * `docker exec web`, `kubectl exec api`, `python -c`, `node -e`, `$(…)`, `function deploy`.
   */
  via: string[];
  /** Runs with elevated privileges (sudo, doas, pkexec, su -c, run0) somewhere in `via`. */
  privileged: boolean;
  /** Where it runs when not on this machine: `ssh prod-db`, `docker exec web`, `kubectl exec api`; null here. */
  remote: string | null;
  /** Synthesised from a language API call (`shutil.rmtree(p)` reads as `rm -rf p`) rather than written as a command. */
  synthetic: boolean;
  /** The source text this segment came from (for synthetic ones, the call as written). */
  text: string;
  /**
   * Where it stands in the command as written (UTF-16 offsets, `end` exclusive): the simple command itself, or for
   * one read out of a string (`bash -c '…'`, `ssh h '…'`, `python -c '…'`) the command that runs that string.
   * Absent when the parser cannot say (a command built from words, not read from the text).
   */
  span?: Span;
}

/** A stretch of the command as written: UTF-16 offsets, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface ParsedCommand {
  segments: Segment[];
  /** False when some part could not be read fully; `problems` says what, in words a person understands. */
  complete: boolean;
  problems: string[];
  /** Part of it was never read at all (a size or nesting cap, a reader failure): what is there could do anything. */
  truncated?: boolean;
}
