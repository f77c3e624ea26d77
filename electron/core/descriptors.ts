// File descriptors: every held request keeps its hook's connection open, and running out is silent (new hooks cannot
// connect, so their commands are blocked, and nothing says why). The core watches its use and says so before it bites.
import fs from 'node:fs';
import type { DescriptorUse } from '../../shared/api.ts';

/** What reads this process's descriptors (the real /proc in the core; a stand-in in tests). */
export interface DescriptorReader {
  /** Entries of the process's descriptor folder, or null where there is none to read. */
  openCount(): number | null;
  /** The soft limit on open files, or null where it cannot be read. */
  softLimit(): number | null;
}

/** Linux: /proc/self/fd and /proc/self/limits. macOS lists /dev/fd but has no limits file: the limit stays unknown. */
export const procDescriptors: DescriptorReader = {
  openCount: () => {
    for (const dir of ['/proc/self/fd', '/dev/fd']) {
      try {
        return fs.readdirSync(dir).length;
      } catch {
        // Not this platform's folder.
      }
    }
    return null;
  },
  softLimit: () => {
    try {
      const line = fs
        .readFileSync('/proc/self/limits', 'utf8')
        .split('\n')
        .find((l) => l.startsWith('Max open files'));
      const soft = line?.split(/\s{2,}/)[1];
      return soft && /^\d+$/.test(soft) ? Number(soft) : null;
    } catch {
      return null;
    }
  },
};

export function readDescriptorUse(reader: DescriptorReader = procDescriptors): DescriptorUse | null {
  const open = reader.openCount();
  return open === null ? null : { open, limit: reader.softLimit() };
}

/** Past this share of the limit the core warns; under the lower one it says the pressure is over. */
export const WARN_AT = 0.8;
const CLEAR_AT = 0.7;
const CHECK_MS = 5000;

export interface DescriptorWatchOptions {
  reader?: DescriptorReader;
  /** How many requests are held now (for the words). */
  held: () => number;
  log: (message: string) => void;
  intervalMs?: number;
}

/** Checks the use every few seconds; logs once when it nears the limit, and once when it is back down. */
export class DescriptorWatch {
  private readonly o: DescriptorWatchOptions;
  private timer: NodeJS.Timeout | null = null;
  private warned = false;
  last: DescriptorUse | null = null;

  constructor(o: DescriptorWatchOptions) {
    this.o = o;
  }

  start(): void {
    this.check();
    this.timer = setInterval(() => this.check(), this.o.intervalMs ?? CHECK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  check(): DescriptorUse | null {
    // Reading the descriptor folder takes a descriptor: when that fails after it worked, none are left.
    const use =
      readDescriptorUse(this.o.reader) ?? (this.last?.limit ? { open: this.last.limit, limit: this.last.limit } : null);
    this.last = use;
    if (!use?.limit) return use;
    const share = use.open / use.limit;
    if (!this.warned && share >= WARN_AT) {
      this.warned = true;
      this.o.log(
        `gatehouse: ${use.open} of ${use.limit} file descriptors in use, ${this.o.held()} commands held. Past the limit new hooks cannot connect ` +
          'and their commands are blocked: decide what is held, or raise the limit (`ulimit -n`) before starting the core.',
      );
    } else if (this.warned && share < CLEAR_AT) {
      this.warned = false;
      this.o.log(`gatehouse: file descriptors back to ${use.open} of ${use.limit}.`);
    }
    return use;
  }
}
