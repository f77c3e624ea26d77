// Commands as the shell integration marks them: OSC 133 (A prompt, B input, C output start, D;exit end) and
// OSC 7 (the working directory as a file:// URL). Each command gets a start, an end, an exit code and a cwd.
import type { ShellCommandRecord } from '../../../shared/domain.ts';
import { OscScanner } from './osc-scanner.ts';

/** Marks come from the program's output; a command line longer than this is not something a shell printed. */
const MAX_MARK_LENGTH = 8192;

export interface ShellMarksOptions {
  /** Milliseconds since the session started. */
  now: () => number;
  /** The gated line for the command that is starting now, if the gate saw one. */
  takeCommand: () => { command: string; requestId: string } | null;
  onCommand: (c: ShellCommandRecord) => void;
}

export class ShellMarks {
  private cwdNow: string | null = null;
  private running: {
    startedAtMs: number;
    cwd: string | null;
    command: string | null;
    requestId: string | null;
  } | null = null;
  private readonly o: ShellMarksOptions;
  private readonly scanner: OscScanner;

  constructor(o: ShellMarksOptions) {
    this.o = o;
    this.scanner = new OscScanner((ident, data) => {
      if (ident === 133) this.mark(data);
      if (ident === 7) this.cwdNow = parseCwd(data) ?? this.cwdNow;
    });
  }

  /** The terminal's output, in order, as it is delivered (the marks are read from it, with or without a screen). */
  read(output: string): void {
    this.scanner.feed(output);
  }

  get cwd(): string | null {
    return this.cwdNow;
  }

  private mark(data: string): void {
    if (data.length > MAX_MARK_LENGTH) return;
    const [kind, arg] = data.split(';');
    if (kind === 'C') {
      const gated = this.o.takeCommand();
      this.running = {
        startedAtMs: this.o.now(),
        cwd: this.cwdNow,
        command: gated?.command ?? null,
        requestId: gated?.requestId ?? null,
      };
    } else if (kind === 'D' && this.running) {
      const code = arg !== undefined && /^-?\d+$/.test(arg) ? Number(arg) : null;
      const { startedAtMs, cwd, command, requestId } = this.running;
      this.running = null;
      this.o.onCommand({ command, requestId, cwd, startedAtMs, endedAtMs: this.o.now(), exitCode: code });
    }
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
