// resumeSession and the batch numbers of recordEvents, on a real core (restarted in this process on the same data
// directory): the session's own token is required, a resent batch is recorded once, a restart's gap is marked and the
// recording's numbering goes on, and a session the restart ended for lack of its client runs again when it comes back.
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordEventsInput } from '../../../shared/api.ts';
import type { TimedEvent } from '../../../shared/recording.ts';
import { RecordingRepository } from '../../../electron/core/store/recordings.ts';
import { openDatabase } from '../../../electron/core/store/database.ts';
import { startTestCore, type TestCore } from '../../support/core.ts';
import { tempDir } from '../../support/temp.ts';

const cores: TestCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.stop();
});

async function core(home: string): Promise<TestCore> {
  const c = await startTestCore({ home, log: () => {} });
  cores.push(c);
  return c;
}

async function restart(c: TestCore): Promise<TestCore> {
  cores.splice(cores.indexOf(c), 1);
  await c.stop();
  return core(c.core.paths.home);
}

const output = (data: string, atMs: number): RecordEventsInput['events'][number] => ({
  atMs,
  event: { kind: 'output', data },
});

async function events(c: TestCore, sessionId: string): Promise<TimedEvent[]> {
  const info = await c.client.api.getRecording(sessionId);
  return (await c.client.api.recordingEvents({ sessionId, fromMs: -1, toMs: info.durationMs + 1 })).events;
}

/** A pid no process has any more. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid as number;
}

describe('resumeSession', () => {
  it("takes only the session's own token", async () => {
    const c = await core(tempDir('gh-home-'));
    const a = await c.client.api.startSession({
      agent: 'shell',
      argv: ['a'],
      cwd: '/w',
      pid: process.pid,
      size: { cols: 80, rows: 24 },
    });
    const b = await c.client.api.startSession({ agent: 'shell', argv: ['b'], cwd: '/w', pid: process.pid });
    await expect(c.client.api.resumeSession({ sessionId: a.session.id, token: b.token })).rejects.toMatchObject({
      code: 'unauthorized',
    });
    await expect(c.client.api.resumeSession({ sessionId: a.session.id, token: 'short' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    const r = await c.client.api.resumeSession({
      sessionId: a.session.id,
      token: a.token,
      size: { cols: 80, rows: 24 },
    });
    expect(r).toMatchObject({
      resumed: 'live',
      lastSeq: null,
      recordedThroughMs: null,
      session: { id: a.session.id, endedAt: null },
    });
  });

  it('records a batch resent to the same core once, and says which it took last', async () => {
    const c = await core(tempDir('gh-home-'));
    const s = await c.client.api.startSession({
      agent: 'shell',
      argv: ['a'],
      cwd: '/w',
      pid: process.pid,
      size: { cols: 80, rows: 24 },
    });
    const id = s.session.id;
    await c.client.api.recordEvents({ sessionId: id, seq: 1, events: [output('one\r\n', 1)] });
    await c.client.api.recordEvents({ sessionId: id, seq: 2, events: [output('two\r\n', 2)] });
    const r = await c.client.api.resumeSession({ sessionId: id, token: s.token, size: { cols: 80, rows: 24 } });
    expect(r).toMatchObject({ resumed: 'live', lastSeq: 2 });
    await c.client.api.recordEvents({ sessionId: id, seq: 2, events: [output('two\r\n', 2)] });
    await c.client.api.recordEvents({ sessionId: id, seq: 3, events: [output('three\r\n', 3)] });
    await c.client.api.endSession({ sessionId: id, exitCode: 0 });
    const text = (await events(c, id)).map((e) => (e.event.kind === 'output' ? e.event.data : '')).join('');
    expect(text).toBe('one\r\ntwo\r\nthree\r\n');
  });

  it('after a restart: the recording goes on in the same numbering, with the gap marked where the client says', async () => {
    let c = await core(tempDir('gh-home-'));
    const s = await c.client.api.startSession({
      agent: 'shell',
      argv: ['a'],
      cwd: '/w',
      pid: process.pid,
      size: { cols: 80, rows: 24 },
    });
    const id = s.session.id;
    await c.client.api.recordEvents({ sessionId: id, seq: 1, events: [output('before\r\n', 10)] });
    c = await restart(c);
    // Its client (this process) is alive: the session was left running for it.
    expect((await c.client.api.listSessions())[0]).toMatchObject({ id, endedAt: null });
    const r = await c.client.api.resumeSession({ sessionId: id, token: s.token, size: { cols: 100, rows: 30 } });
    expect(r).toMatchObject({
      resumed: 'restarted',
      lastSeq: null,
      recordedThroughMs: 10,
      recordedTail: { output: 'before\r\n', input: '' },
    });
    await c.client.api.recordEvents({ sessionId: id, seq: 2, events: [output('kept\r\n', 20)] });
    await c.client.api.recordEvents({
      sessionId: id,
      seq: 3,
      gap: { fromMs: 25, bytes: 123 },
      events: [output('after\r\n', 40)],
    });
    await c.client.api.endSession({ sessionId: id, exitCode: 3 });

    const all = await events(c, id);
    expect(all.map((e) => e.event)).toEqual([
      { kind: 'output', data: 'before\r\n' },
      { kind: 'resize', cols: 100, rows: 30 },
      { kind: 'output', data: 'kept\r\n' },
      { kind: 'gap', label: 'Gatehouse restarted: 123 bytes not recorded', droppedBytes: 123 },
      { kind: 'output', data: 'after\r\n' },
    ]);
    // The chunks written by each core number their events as one stream.
    const db = openDatabase(c.core.paths.database);
    try {
      const store = new RecordingRepository(db);
      const row = store.get(id);
      expect(row?.chunk_count).toBeGreaterThanOrEqual(2);
      let next = 0;
      for (let seq = 0; seq < (row?.chunk_count ?? 0); seq++) {
        const chunk = store.chunk(id, seq);
        expect(chunk?.first_event).toBe(next);
        next += chunk?.event_count ?? 0;
      }
      expect(next).toBe(4);
    } finally {
      db.close();
    }
    expect((await c.client.api.listSessions())[0]).toMatchObject({ id, exitCode: 3 });
  });

  it('a session ended at start because its client looked gone runs again when the client comes back; a session that ended does not', async () => {
    let c = await core(tempDir('gh-home-'));
    const s = await c.client.api.startSession({ agent: 'shell', argv: ['a'], cwd: '/w', pid: deadPid() });
    c = await restart(c);
    const [ended] = await c.client.api.listSessions();
    expect(ended).toMatchObject({ id: s.session.id, exitCode: null });
    expect(ended?.endedAt).not.toBeNull();
    const r = await c.client.api.resumeSession({ sessionId: s.session.id, token: s.token });
    expect(r).toMatchObject({ resumed: 'restarted', session: { id: s.session.id, endedAt: null } });
    await c.client.api.endSession({ sessionId: s.session.id, exitCode: 0 });
    await expect(c.client.api.resumeSession({ sessionId: s.session.id, token: s.token })).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});
