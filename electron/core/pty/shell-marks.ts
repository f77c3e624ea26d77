// Commands as the shell integration marks them: OSC 133 (A prompt, B input, C output start, D;exit end) and
// OSC 7 (the working directory as a file:// URL). Each command gets a start, an end, an exit code, a cwd, and the end
// of what it printed (for the outcome of an allowed line, broker/outcomes.ts).
import type { ShellCommandRecord } from '../../../shared/domain.ts';
import { OUTCOME_SUMMARY_CHARS } from '../../../shared/outcome.ts';
import { OscScanner } from './osc-scanner.ts';

/** Marks come from the program's output; a command line longer than this is not something a shell printed. */
const MAX_MARK_LENGTH = 8192;
/** Of a command's output only the end is kept: a few summaries' worth, before escape sequences are taken out. */
const OUTPUT_TAIL_CHARS = OUTCOME_SUMMARY_CHARS * 16;

export interface ShellMarksOptions {
  /** Milliseconds since the session started. */
  now: () => number;
  /** The gated line for the command that is starting now, if the gate saw one. */
  takeCommand: () => { command: string; requestId: string } | null;
  /** A command ended; `output` is the end of what it printed between its C and D marks, as printed. */
  onCommand: (c: ShellCommandRecord, output: string) => void;
}

export class ShellMarks {
  private cwdNow: string | null = null;
  private running: {
    startedAtMs: number;
    cwd: string | null;
    command: string | null;
    requestId: string | null;
    output: string;
  } | null = null;
  /** The piece being read, and where in it the running command's output starts (past a C mark). */
  private piece = '';
  private from = 0;
  private readonly o: ShellMarksOptions;
  private readonly scanner: OscScanner;

  constructor(o: ShellMarksOptions) {
    this.o = o;
    this.scanner = new OscScanner((ident, data, end) => {
      if (ident === 133) this.mark(data, end);
      if (ident === 7) this.cwdNow = parseCwd(data) ?? this.cwdNow;
    });
  }

  /** The terminal's output, in order, as it is delivered (the marks are read from it, with or without a screen). */
  read(output: string): void {
    this.piece = output;
    this.from = 0;
    this.scanner.feed(output);
    if (this.running) this.keep(output.slice(this.from));
    this.piece = '';
  }

  get cwd(): string | null {
    return this.cwdNow;
  }

  /**
   * The shell ended (its pty closed) with `exitCode`. A command still running then ended with it: `exit 3` itself,
   * or one killed with its shell; the shell's status is the best word for how it ended.
   */
  end(exitCode: number): void {
    if (this.running) this.finish(exitCode);
  }

  private mark(data: string, end: number): void {
    if (data.length > MAX_MARK_LENGTH) return;
    const [kind, arg] = data.split(';');
    if (kind === 'C') {
      const gated = this.o.takeCommand();
      this.running = {
        startedAtMs: this.o.now(),
        cwd: this.cwdNow,
        command: gated?.command ?? null,
        requestId: gated?.requestId ?? null,
        output: '',
      };
      this.from = end;
    } else if (kind === 'D' && this.running) {
      // The D mark itself is in what is kept; escape sequences are taken out with the rest.
      this.keep(this.piece.slice(this.from, end));
      this.from = end;
      this.finish(arg !== undefined && /^-?\d+$/.test(arg) ? Number(arg) : null);
    }
  }

  private finish(exitCode: number | null): void {
    if (!this.running) return;
    const { startedAtMs, cwd, command, requestId, output } = this.running;
    this.running = null;
    this.o.onCommand({ command, requestId, cwd, startedAtMs, endedAtMs: this.o.now(), exitCode }, output);
  }

  private keep(text: string): void {
    if (!this.running || text === '') return;
    this.running.output = (this.running.output + text.slice(-OUTPUT_TAIL_CHARS)).slice(-OUTPUT_TAIL_CHARS);
  }
}

/** `file://host/path%20with%20spaces` → `/path with spaces`; anything else → null. */
export function parseCwd(data: string): string | null {
  if (!data.startsWith('file://') || data.length > MAX_MARK_LENGTH) return null;
  try {
    return decodeURIComponent(new URL(data).pathname) || null;
  } catch {
    return null;
  }
}
