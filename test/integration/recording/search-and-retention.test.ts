// Search across recordings, deleting a session with all of it, and retention by age and by size.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api.ts';
import { markInterceptions } from '../../../electron/core/recording/common/types.ts';
import { Broker } from '../../../electron/core/broker/broker.ts';
import { EventBus } from '../../../electron/core/events/bus.ts';
import { RequestRepository } from '../../../electron/core/store/requests.ts';
import { openRecordings, type TestRecordings } from '../../support/recordings.ts';

const DAY = 24 * 60 * 60 * 1000;

async function recordText(
  t: TestRecordings,
  sessionId: string,
  pieces: ReadonlyArray<[number, string]>,
): Promise<void> {
  const recorder = t.recordings.start(sessionId, { cols: 80, rows: 24 }, Date.now());
  for (const [atMs, data] of pieces) recorder.record({ kind: 'output', data }, atMs);
  await recorder.close();
}

function rowCounts(t: TestRecordings, sessionId: string): Record<string, number> {
  const count = (sql: string) => (t.db.prepare(sql).get(sessionId) as { n: number }).n;
  return {
    chunks: count('SELECT count(*) AS n FROM recording_chunks WHERE session_id = ?'),
    keyframes: count('SELECT count(*) AS n FROM recording_keyframes WHERE session_id = ?'),
    markers: count('SELECT count(*) AS n FROM recording_markers WHERE session_id = ?'),
    recordings: count('SELECT count(*) AS n FROM recordings WHERE session_id = ?'),
    requests: count('SELECT count(*) AS n FROM requests WHERE session_id = ?'),
    decisions: count(
      'SELECT count(*) AS n FROM decisions d JOIN requests r ON r.id = d.request_id WHERE r.session_id = ?',
    ),
    sessions: count('SELECT count(*) AS n FROM sessions WHERE id = ?'),
  };
}

const searchRows = (t: TestRecordings) =>
  (
    t.db.prepare("SELECT count(*) AS n FROM recording_search WHERE recording_search MATCH 'denied'").get() as {
      n: number;
    }
  ).n;

describe('search', () => {
  it('finds words across recordings through colours and line breaks, with the time and a snippet', async () => {
    const t = openRecordings();
    t.addSession('a');
    t.addSession('b');
    await recordText(t, 'a', [
      [100, '$ git push\r\n'],
      [2300, '\x1b[31mremote: Permission\x1b[0m denied to bob.\r\n'],
      [4000, 'fatal: unable to access\r\n'],
    ]);
    await recordText(t, 'b', [
      [50, 'npm test\r\n'],
      [900, 'PASS  test/a.test.ts\r\n'],
      [1500, 'Permission denied (publickey).\r\n'],
    ]);
    t.addSession('c');
    await recordText(t, 'c', [[10, 'access denied; no permission to write\r\n']]);
    await t.recordings.indexed();

    const hits = t.recordings.search('permission denied', 10);
    expect(hits.map((h) => [h.sessionId, h.atMs]).sort()).toEqual([
      ['a', 2300],
      ['b', 1500],
    ]);
    // The snippet is plain text; where the match is comes beside it (brackets in the text would read as output).
    expect(hits.find((h) => h.sessionId === 'a')).toMatchObject({
      snippet: 'remote: Permission denied to bob.',
      match: { start: 8, length: 'Permission denied'.length },
    });
    expect(t.recordings.search('permission denied', 10, 'b').map((h) => h.sessionId)).toEqual(['b']);
    expect(t.recordings.search('unable to acc', 10)).toMatchObject([
      { sessionId: 'a', atMs: 4000, snippet: 'fatal: unable to access', match: { start: 7, length: 13 } },
    ]);
    expect(t.recordings.search('nothing like this', 10)).toEqual([]);
    expect(() => t.recordings.search('!!!', 10)).toThrow(/at least one word/);
  });
});

describe('deleting a session', () => {
  it('deletes its recording, keyframes, search rows, markers, requests and decisions, and nothing of others', async () => {
    const t = openRecordings();
    t.addSession('gone', { endedAt: Date.now() });
    t.addSession('kept', { endedAt: Date.now() });
    const events = new EventBus();
    const broker = new Broker({ requests: new RequestRepository(t.db), events, holdTimeoutMs: 60_000 });
    markInterceptions(events, t.recordings);
    for (const id of ['gone', 'kept']) {
      const recorder = t.recordings.start(id, { cols: 80, rows: 24 }, Date.now());
      for (let i = 0; i < 3000; i++)
        recorder.record({ kind: 'output', data: `access denied line ${i} ${'#'.repeat(100)}\r\n` }, i * 3);
      const verdict = broker.submit({
        sessionId: id,
        agent: 'claude',
        kind: 'pre-tool-use',
        tool: 'Bash',
        command: 'ls',
        cwd: '/w',
        payload: {},
      });
      broker.decide(broker.pending()[0]?.id ?? '', 'allow', undefined, 'human:cli');
      await verdict;
      await recorder.close();
    }
    await t.recordings.indexed();
    const before = rowCounts(t, 'gone');
    expect(Object.values(before).every((n) => n > 0)).toBe(true);
    const searchBefore = searchRows(t);

    const freed = t.recordings.deleteSession('gone');
    expect(freed.freedBytes).toBeGreaterThan(0);
    expect(Object.values(rowCounts(t, 'gone'))).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(rowCounts(t, 'kept')).toEqual(before);
    expect(searchRows(t)).toBe(searchBefore / 2);
    expect(t.recordings.search('access denied', 100).every((h) => h.sessionId === 'kept')).toBe(true);
    expect(() => t.recordings.deleteSession('gone')).toThrow(/no session with id gone/);
    broker.close();
  });

  it('refuses to delete a session that is still running', async () => {
    const t = openRecordings();
    t.addSession('live');
    const recorder = t.recordings.start('live', { cols: 80, rows: 24 });
    const err = (() => {
      try {
        t.recordings.deleteSession('live');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('conflict');
    await recorder.close();
    // Not recording any more, but its process (this one) is alive and it never ended: still running.
    expect(() => t.recordings.deleteSession('live')).toThrow(/still running/);
    t.sessions.end('live', 0, Date.now());
    expect(t.recordings.deleteSession('live').sessionId).toBe('live');
  });
});

describe('retention', () => {
  it('deletes sessions that ended before the age limit, never running ones', async () => {
    const now = Date.now();
    const t = openRecordings({ retention: { maxAgeDays: 30, maxTotalMB: 2048 }, now: () => now });
    t.addSession('old', { startedAt: now - 40 * DAY, endedAt: now - 31 * DAY });
    t.addSession('recent', { startedAt: now - 40 * DAY, endedAt: now - 29 * DAY });
    t.addSession('old-but-running', { startedAt: now - 40 * DAY });
    t.addSession('dead-never-ended', { startedAt: now - 40 * DAY, pid: 2 ** 22 + 12345 });
    // A recording of long ago, imported (closed) today, counts from today.
    t.addSession('imported-today', { startedAt: now - 400 * DAY, endedAt: now - 399 * DAY });
    await t.recordings.start('imported-today', { cols: 80, rows: 24 }, now - 400 * DAY).close();
    expect((await t.recordings.enforceRetention()).sort()).toEqual(['dead-never-ended', 'old']);
    expect(
      t.sessions
        .list()
        .map((s) => s.id)
        .sort(),
    ).toEqual(['imported-today', 'old-but-running', 'recent']);
  });

  it('deletes the oldest ended sessions until recordings fit the size limit', async () => {
    const t = openRecordings({ retention: { maxAgeDays: 30, maxTotalMB: 1 } });
    const now = Date.now();
    for (const [i, id] of ['first', 'second', 'third', 'running'].entries()) {
      t.addSession(id, {
        startedAt: now - (10 - i) * 60_000,
        endedAt: id === 'running' ? undefined : now - (9 - i) * 60_000,
      });
      const recorder = t.recordings.start(id, { cols: 80, rows: 24 }, now);
      // Random text barely compresses: each session takes about 0.6 MB.
      for (let k = 0; k < 200; k++) recorder.record({ kind: 'output', data: randomBytes(3000).toString('base64') }, k);
      await recorder.close();
    }
    const sizes = t.db
      .prepare<[], { session_id: string; stored_bytes: number }>('SELECT session_id, stored_bytes FROM recordings')
      .all();
    expect(sizes.every((s) => s.stored_bytes > 400_000)).toBe(true);
    // Deleted in slices of a few chunks each (yielding between them), all of it in the end.
    expect(await t.recordings.enforceRetention(undefined, { sliceMs: 0 })).toEqual(['first', 'second', 'third']);
    expect(t.sessions.list().map((s) => s.id)).toEqual(['running']);
    for (const id of ['first', 'second', 'third'])
      expect(Object.values(rowCounts(t, id))).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(rowCounts(t, 'running').chunks).toBeGreaterThan(0);
  });
});
