// What the core and the CLI read of another process on Linux: its parent, its start time (so a reused pid is not
// taken for the process it replaced), its environment and its PID namespace. Behind an interface so the decisions
// built on it are tested with a fake /proc.
import fs from 'node:fs';

export interface ProcStat {
  ppid: number;
  /** Clock ticks after boot (field 22 of /proc/<pid>/stat): with the pid, names one process for good. */
  startTime: number;
}

export interface ProcReader {
  /** Null when the process is gone or cannot be read. */
  stat(pid: number): ProcStat | null;
  /** The environment the process was started with; null when it cannot be read (gone, another user's). */
  environ(pid: number): Map<string, string> | null;
  /** `pid:[4026531836]`; null when it cannot be read. */
  pidNamespace(pid: number | 'self'): string | null;
}

/** Parses /proc/<pid>/stat. The command name (field 2) is in parentheses and may hold spaces and `)`: read after the last `)`. */
export function parseStat(text: string): ProcStat | null {
  const close = text.lastIndexOf(')');
  if (close < 0) return null;
  // After the name: state (3), ppid (4), … starttime (22), so ppid is the 2nd field here and starttime the 20th.
  const fields = text
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const ppid = Number(fields[1]);
  const startTime = Number(fields[19]);
  if (!Number.isInteger(ppid) || !Number.isFinite(startTime)) return null;
  return { ppid, startTime };
}

/** NUL-separated `NAME=value` entries. */
export function parseEnviron(text: string): Map<string, string> {
  const env = new Map<string, string>();
  for (const entry of text.split('\0')) {
    const eq = entry.indexOf('=');
    if (eq > 0) env.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return env;
}

function readOrNull<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/** What a scan of every process reads besides `ProcReader`'s (sessions/running-agents.ts). */
export interface ProcTable extends ProcReader {
  /** Every process id there is now. */
  pids(): number[];
  /** The process's argv (NUL-separated in /proc/<pid>/cmdline); null when gone or unreadable (a kernel thread's is empty). */
  cmdline(pid: number): string[] | null;
  /** Its working directory; null when it cannot be read. */
  cwd(pid: number): string | null;
}

/** The real /proc (Linux). */
export const linuxProc: ProcReader = {
  stat: (pid) => readOrNull(() => parseStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))),
  environ: (pid) => readOrNull(() => parseEnviron(fs.readFileSync(`/proc/${pid}/environ`, 'utf8'))),
  pidNamespace: (pid) => readOrNull(() => fs.readlinkSync(`/proc/${pid}/ns/pid`)),
};

export const linuxProcTable: ProcTable = {
  ...linuxProc,
  pids: () =>
    readOrNull(() =>
      fs
        .readdirSync('/proc')
        .filter((n) => /^\d+$/.test(n))
        .map(Number),
    ) ?? [],
  cmdline: (pid) =>
    readOrNull(() => {
      const text = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return text ? text.replace(/\0$/, '').split('\0') : null;
    }),
  cwd: (pid) => readOrNull(() => fs.readlinkSync(`/proc/${pid}/cwd`)),
};

/** Deepest process tree walked; real trees are a dozen deep, and a loop (a pid reused mid-walk) must end. */
export const MAX_ANCESTRY_DEPTH = 128;

/** `pid`, its parent, and so on up to (not including) pid 1 or 0, nearest first. */
export function ancestry(proc: ProcReader, pid: number): Array<{ pid: number; stat: ProcStat }> {
  const chain: Array<{ pid: number; stat: ProcStat }> = [];
  const seen = new Set<number>();
  let current = pid;
  while (current > 1 && !seen.has(current) && chain.length < MAX_ANCESTRY_DEPTH) {
    seen.add(current);
    const stat = proc.stat(current);
    if (!stat) break;
    chain.push({ pid: current, stat });
    current = stat.ppid;
  }
  return chain;
}
