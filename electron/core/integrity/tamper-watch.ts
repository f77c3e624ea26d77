// Watches what an agent running as the same user could swap behind the core's back: the socket files the core bound
// (same dev/inode as when it listened) and the hook settings files written for running sessions (same content).
// Checked on every change event in the sockets' directory and on a short interval, since inotify and FSEvents do not
// report every way a socket file can be replaced. On a difference the core takes its socket back (or writes the file
// back) and raises the alarm.
import fs from 'node:fs';
import path from 'node:path';
import type { TamperTarget } from '../../../shared/tamper.ts';
import type { NewTamperReport } from './tamper-alarm.ts';

/** How often everything is checked even without a change event: a swapped socket is taken back within this. */
export const TAMPER_CHECK_INTERVAL_MS = 1000;

export interface FileIdentity {
  dev: number;
  ino: number;
}

export interface GuardedSocket {
  what: Extract<TamperTarget, 'gate-socket' | 'control-socket'>;
  path: string;
  /** Stops the current listener and listens again at `path`, whatever is there now; resolves once listening. */
  retake: () => Promise<void>;
}

export interface ProtectedFile {
  path: string;
  content: string;
}

/** The file system and the clock, injectable so the watcher can be tested without either. */
export interface WatchIo {
  identityOf(file: string): FileIdentity | null;
  readText(file: string): string | null;
  /** Writes the file in place of whatever is there (atomically where the platform allows). */
  writeText(file: string, content: string): void;
  every(ms: number, fn: () => void): () => void;
  /** Calls `onChange(name)` for changes in `dir` (`name` null when the platform does not say); returns its disposer. */
  watchDir(dir: string, onChange: (name: string | null) => void): () => void;
}

export interface TamperWatchDeps {
  raise: (report: NewTamperReport) => void;
  /** False once a session is ending: its launcher then removes the files it wrote, which is no tampering. */
  sessionRunning: (sessionId: string) => boolean;
  onError: (err: unknown) => void;
  io?: WatchIo;
}

interface SocketState extends GuardedSocket {
  identity: FileIdentity | null;
  /** Set while the socket cannot be taken back, so one failure is reported once, not every second. */
  failing: boolean;
}

const LABELS: Readonly<Record<GuardedSocket['what'], string>> = {
  'gate-socket': 'gate socket',
  'control-socket': 'control socket',
};

export class TamperWatch {
  private readonly deps: TamperWatchDeps;
  private readonly io: WatchIo;
  private readonly sockets: SocketState[] = [];
  private readonly files = new Map<string, ProtectedFile[]>();
  private readonly disposers: Array<() => void> = [];
  private dirWatchers: Array<() => void> = [];
  private running: Promise<void> | null = null;
  private again = false;
  private disposed = false;

  constructor(deps: TamperWatchDeps) {
    this.deps = deps;
    this.io = deps.io ?? nodeWatchIo;
  }

  /** Remembers the socket as it is now (the core has just listened there). */
  guardSocket(s: GuardedSocket): void {
    this.sockets.push({ ...s, identity: this.io.identityOf(s.path), failing: false });
  }

  /** From now until `forgetSession`, each file must stay exactly as written. A file already different is reported. */
  protectFiles(sessionId: string, files: ProtectedFile[]): void {
    this.files.set(sessionId, [...(this.files.get(sessionId) ?? []), ...files]);
    void this.check();
  }

  forgetSession(sessionId: string): void {
    this.files.delete(sessionId);
  }

  /** Starts the interval and the directory watches. */
  start(): void {
    this.disposers.push(this.io.every(TAMPER_CHECK_INTERVAL_MS, () => void this.check()));
    this.watchDirs();
  }

  /** One pass over everything; a pass asked for while one runs is run once more after it. */
  check(): Promise<void> {
    this.again = true;
    this.running ??= this.passes();
    return this.running;
  }

  private async passes(): Promise<void> {
    // Starts after `check` has recorded this run, so a check asked for during the last pass is never lost.
    await Promise.resolve();
    try {
      while (this.again && !this.disposed) {
        this.again = false;
        for (const s of this.sockets) await this.checkSocket(s);
        for (const [sessionId, files] of this.files) {
          if (this.deps.sessionRunning(sessionId)) this.checkFiles(sessionId, files);
          else this.files.delete(sessionId);
        }
      }
    } catch (err) {
      this.deps.onError(err);
    } finally {
      this.running = null;
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const d of [...this.disposers.splice(0), ...this.dirWatchers.splice(0)]) d();
    this.files.clear();
  }

  private async checkSocket(s: SocketState): Promise<void> {
    // Once disposed (the core is closing its sockets), a socket going away is expected.
    if (this.disposed) return;
    const now = this.io.identityOf(s.path);
    if (now && s.identity && now.dev === s.identity.dev && now.ino === s.identity.ino) return;
    const label = LABELS[s.what];
    const detail = now
      ? `The ${label} ${s.path} was replaced: another socket or file is at its path (not the one Gatehouse listens on), so something other than Gatehouse could answer the agents' hooks.`
      : `The ${label} ${s.path} was removed.`;
    let response: string;
    try {
      await s.retake();
      s.identity = this.io.identityOf(s.path);
      s.failing = false;
      response = 'Gatehouse took its socket back (requests already held keep their connections).';
      // The directory may have been replaced too: watch the one that is there now.
      this.watchDirs();
    } catch (err) {
      if (s.failing) return;
      s.failing = true;
      response = `Gatehouse could not take its socket back (${(err as Error).message}); it keeps trying every ${TAMPER_CHECK_INTERVAL_MS / 1000} s.`;
    }
    this.deps.raise({ what: s.what, path: s.path, detail, response });
  }

  private checkFiles(sessionId: string, files: ProtectedFile[]): void {
    for (const f of files) {
      const now = this.io.readText(f.path);
      if (now === f.content) continue;
      const detail =
        now === null
          ? `The hook settings Gatehouse wrote for session ${sessionId} (${f.path}) were removed.`
          : `The hook settings Gatehouse wrote for session ${sessionId} (${f.path}) were changed.`;
      let response: string;
      try {
        this.io.writeText(f.path, f.content);
        response = 'Gatehouse wrote them back as they were.';
      } catch (err) {
        // Reported once: a file that cannot be written back is no longer watched.
        this.files.set(
          sessionId,
          (this.files.get(sessionId) ?? []).filter((x) => x !== f),
        );
        response = `Gatehouse could not write them back (${(err as Error).message}) and stopped watching them.`;
      }
      this.deps.raise({ what: 'hook-settings', path: f.path, detail, response });
    }
  }

  private watchDirs(): void {
    for (const d of this.dirWatchers.splice(0)) d();
    const dirs = new Set(this.sockets.map((s) => path.dirname(s.path)));
    const names = new Set(this.sockets.map((s) => path.basename(s.path)));
    for (const dir of dirs) {
      this.dirWatchers.push(
        this.io.watchDir(dir, (name) => {
          if (name === null || names.has(name)) void this.check();
        }),
      );
    }
  }
}

/** The real file system: lstat identities, fs.watch (errors ignored: the interval still checks), unref'd timers. */
export const nodeWatchIo: WatchIo = {
  identityOf(file) {
    const st = fs.lstatSync(file, { throwIfNoEntry: false });
    return st ? { dev: st.dev, ino: st.ino } : null;
  },
  readText(file) {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  },
  writeText(file, content) {
    // A rename replaces whatever is at the path (a symlink, a file another process holds open) in one step.
    const tmp = `${file}.${process.pid}.restore`;
    fs.writeFileSync(tmp, content, { mode: 0o600 });
    fs.renameSync(tmp, file);
  },
  every(ms, fn) {
    const timer = setInterval(fn, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
  watchDir(dir, onChange) {
    try {
      const watcher = fs.watch(dir, { persistent: false }, (_event, name) =>
        onChange(typeof name === 'string' ? name : null),
      );
      watcher.on('error', () => watcher.close());
      return () => watcher.close();
    } catch {
      return () => {};
    }
  },
};
