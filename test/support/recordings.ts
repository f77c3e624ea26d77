// A recording service on a real temporary database, as the core builds it (indexer thread included).
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Retention } from '../../shared/settings.ts';
import type { StreamEvent } from '../../electron/core/recording/common/codec.ts';
import { Redactor } from '../../electron/core/redaction/redaction.ts';
import { Recordings } from '../../electron/core/recording/core/service.ts';
import type { SessionRecorder } from '../../electron/core/recording/common/types.ts';
import { openDatabase, type Db } from '../../electron/core/store/database.ts';
import { SessionRepository } from '../../electron/core/store/sessions.ts';
import { tempDir } from './temp.ts';

export interface TestRecordings {
  db: Db;
  file: string;
  sessions: SessionRepository;
  recordings: Recordings;
  errors: unknown[];
  /** Inserts a session (running unless `endedAt`), as `gatehouse run` or the pty host would. */
  addSession(id: string, opts?: { startedAt?: number; endedAt?: number; pid?: number | null }): void;
  close(): Promise<void>;
}

const open: TestRecordings[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
});

export function openRecordings(
  opts: {
    retention?: Retention;
    patterns?: string[];
    now?: () => number;
    file?: string;
    uncompressedMaxBytes?: number;
  } = {},
): TestRecordings {
  const file = opts.file ?? path.join(tempDir('gh-rec-'), 'gatehouse.db');
  const db = openDatabase(file);
  const sessions = new SessionRepository(db);
  const errors: unknown[] = [];
  const recordings = new Recordings({
    db,
    dbFile: file,
    sessions,
    redactor: new Redactor(opts.patterns ?? []),
    retention: opts.retention ?? { maxAgeDays: 30, maxTotalMB: 2048 },
    onError: (err) => errors.push(err),
    now: opts.now,
    uncompressedMaxBytes: opts.uncompressedMaxBytes,
  });
  let closed = false;
  const t: TestRecordings = {
    db,
    file,
    sessions,
    recordings,
    errors,
    addSession(id, o = {}) {
      sessions.insert({
        id,
        agent: 'claude',
        argv: ['claude'],
        cwd: '/w',
        pid: o.pid === undefined ? process.pid : o.pid,
        tokenHash: `h-${id}`,
        startedAt: o.startedAt ?? Date.now(),
      });
      if (o.endedAt !== undefined) sessions.end(id, 0, o.endedAt);
    },
    async close() {
      if (closed) return;
      closed = true;
      await recordings.close();
      db.close();
    },
  };
  open.push(t);
  return t;
}

/** Records stream events through a SessionRecorder, as a producer would. */
export function recordAll(recorder: SessionRecorder, events: readonly StreamEvent[]): void {
  for (const e of events) {
    if (e.kind === 'resize') recorder.record({ kind: 'resize', cols: e.cols, rows: e.rows }, e.atMs);
    else recorder.record({ kind: e.kind, data: e.data }, e.atMs);
  }
}

/** Real program output cut into pieces of varying size, one every few milliseconds, with resizes. */
export function programEvents(raw: string, opts: { resizes?: boolean } = {}): StreamEvent[] {
  const events: StreamEvent[] = [];
  let t = 0;
  for (let i = 0, n = 0; i < raw.length; n++) {
    const size = 1 + ((n * 7919) % 3000);
    events.push({ atMs: (t += 1 + (n % 9)), kind: 'output', data: raw.slice(i, i + size) });
    i += size;
    if (opts.resizes && n % 25 === 24)
      events.push({ atMs: (t += 1), kind: 'resize', cols: n % 2 ? 120 : 80, rows: n % 2 ? 40 : 24 });
  }
  return events;
}
