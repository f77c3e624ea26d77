// The recorder against a real database: batching on a timer, bounded memory with a gap marker,
// redaction before storage, interception markers, paging.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TimedEvent } from '../../../shared/recording.ts';
import { markInterceptions } from '../../../electron/core/recording/common/types.ts';
import { Broker } from '../../../electron/core/broker/broker.ts';
import { EventBus } from '../../../electron/core/events/bus.ts';
import { StoreSink } from '../../../electron/core/recording/thread/chunk-sink.ts';
import { MAX_BACKLOG_BYTES } from '../../../electron/core/recording/common/backlog.ts';
import { Recorder } from '../../../electron/core/recording/thread/recorder.ts';
import { Redactor } from '../../../electron/core/redaction/redaction.ts';
import type { ThreadRecorder } from '../../../electron/core/recording/core/thread-recorder.ts';
import { openDatabase } from '../../../electron/core/store/database.ts';
import { RecordingRepository } from '../../../electron/core/store/recordings.ts';
import { RequestRepository } from '../../../electron/core/store/requests.ts';
import { SessionRepository } from '../../../electron/core/store/sessions.ts';
import { openRecordings } from '../../support/recordings.ts';
import { SECRET_SAMPLES } from '../../support/secrets.ts';
import { tempDir } from '../../support/temp.ts';

const END = Number.MAX_SAFE_INTEGER;
const outputOf = (events: readonly TimedEvent[]) =>
  events.map((e) => (e.event.kind === 'output' ? e.event.data : '')).join('');

describe('Recorder', () => {
  it('writes what it holds on its timer, without being closed', async () => {
    const db = openDatabase(path.join(tempDir(), 'g.db'));
    new SessionRepository(db).insert({
      id: 's1',
      agent: 'claude',
      argv: ['x'],
      cwd: '/',
      pid: null,
      tokenHash: 'h',
      startedAt: 0,
    });
    const store = new RecordingRepository(db);
    store.create({ sessionId: 's1', source: 'live', cols: 80, rows: 24, startedAt: 0 });
    let stored: (n: number) => void = () => {};
    const onDisk = new Promise<number>((resolve) => (stored = resolve));
    const recorder = new Recorder({
      sessionId: 's1',
      startedAtMs: 0,
      sink: new StoreSink(store),
      redactor: new Redactor(),
      onStored: (s) => stored(s.events),
      onError: (err) => {
        throw err;
      },
    });
    recorder.record({ kind: 'output', data: 'a prompt$ ' }, 5);
    expect(await onDisk).toBe(1);
    expect(store.get('s1')).toMatchObject({ chunk_count: 1, event_count: 1, closed_at: null });
    await recorder.close();
    db.close();
  });

  it('drops output it cannot keep up with, records a gap marker, and goes on afterwards', async () => {
    const t = openRecordings();
    t.addSession('s1');
    const recorder = t.recordings.start('s1', { cols: 80, rows: 24 }, Date.now()) as ThreadRecorder;
    const piece = 'compressible line of output 0123456789\r\n'.repeat(1600);
    let most = 0;
    // A producer that never yields: nothing can be written meanwhile, so only the cap keeps memory bounded.
    for (let i = 0, sent = 0; sent < 3 * MAX_BACKLOG_BYTES; i++, sent += piece.length) {
      recorder.record({ kind: 'output', data: piece }, i);
      most = Math.max(most, recorder.backlogBytes);
    }
    expect(most).toBeLessThanOrEqual(MAX_BACKLOG_BYTES);
    await recorder.flushed();
    recorder.record({ kind: 'output', data: 'after the gap\r\n' }, 100_000);
    await recorder.close();

    const info = t.recordings.info('s1');
    const [gap] = info.markers;
    expect(gap).toMatchObject({ kind: 'gap', requestId: null });
    expect(gap?.label).toMatch(/^recording gap: \d+\.\d MB of output dropped/);
    const page = t.recordings.reader.eventsBetween('s1', -1, END, 256 * 1024 * 1024);
    const gapEvent = page.events.find((e) => e.event.kind === 'gap');
    expect(gapEvent?.event).toMatchObject({ kind: 'gap' });
    const dropped = gapEvent?.event.kind === 'gap' ? gapEvent.event.droppedBytes : 0;
    expect(dropped + info.outputBytes).toBe(
      Math.ceil((3 * MAX_BACKLOG_BYTES) / piece.length) * piece.length + 'after the gap\r\n'.length,
    );
    expect(outputOf(page.events).endsWith('after the gap\r\n')).toBe(true);
    expect(page.events.at(-2)?.event.kind).toBe('gap');
    expect(t.errors).toEqual([]);
  });

  it('stores output, input and markers with every secret redacted', async () => {
    const t = openRecordings({ patterns: ['ACME-[0-9]{6}'] });
    t.addSession('s1');
    const recorder = t.recordings.start('s1', { cols: 80, rows: 24 }, Date.now());
    let at = 0;
    for (const s of SECRET_SAMPLES) {
      const half = Math.floor(s.text.length / 2);
      recorder.record({ kind: 'output', data: s.text.slice(0, half) }, (at += 10));
      recorder.record({ kind: 'output', data: `${s.text.slice(half)}\r\n` }, (at += 1));
    }
    recorder.record({ kind: 'input', data: 'export TOKEN=ghp_' + 'q'.repeat(36) + '\r' }, (at += 10));
    recorder.record({ kind: 'output', data: 'ticket ACME-123456\r\n' }, (at += 10));
    recorder.record(
      {
        kind: 'marker',
        label: 'held: curl -H "Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345"',
        requestId: 'r1',
        decision: null,
      },
      at + 10,
    );
    await recorder.close();

    const events = t.recordings.reader.eventsBetween('s1', -1, END, 1024 * 1024).events;
    const everything = JSON.stringify(events);
    for (const s of SECRET_SAMPLES) expect(everything, s.rule).not.toContain(s.secret);
    expect(everything).not.toContain('q'.repeat(36));
    expect(everything).not.toContain('ACME-123456');
    expect(everything).not.toContain('abcdefghijklmnopqrstuvwxyz012345');
    expect(outputOf(events)).toContain('[REDACTED:private-key]');
    expect(events.find((e) => e.event.kind === 'input')?.event).toEqual({
      kind: 'input',
      data: 'export TOKEN=[REDACTED:secret-assignment]\r',
    });
    await t.recordings.indexed();
    expect(t.recordings.search('ACME 123456', 10)).toEqual([]);
    expect(t.recordings.search('REDACTED custom', 10).map((h) => h.sessionId)).toEqual(['s1']);
  });

  it('marks each interception held and decided in the session it belongs to, and stores its command redacted', async () => {
    const t = openRecordings();
    t.addSession('s1');
    const requests = new RequestRepository(t.db);
    const seenByPolicy: string[] = [];
    const events = new EventBus();
    const broker = new Broker({
      requests,
      events,
      holdTimeoutMs: 60_000,
      policy: (s) => (seenByPolicy.push(s.command), null),
    });
    markInterceptions(events, t.recordings);
    const recorder = t.recordings.start('s1', { cols: 80, rows: 24 }, Date.now());
    recorder.record({ kind: 'output', data: 'agent thinking…\r\n' });
    const secretCommand = 'curl -H "Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345" https://x';
    const verdict = broker.submit({
      sessionId: 's1',
      agent: 'claude',
      kind: 'pre-tool-use',
      tool: 'Bash',
      command: secretCommand,
      cwd: '/w',
      payload: { tool_input: { command: secretCommand } },
    });
    const [held] = broker.pending();
    if (!held) throw new Error('nothing held');
    recorder.record({ kind: 'output', data: 'waiting for approval\r\n' });
    broker.decide(held.id, 'deny', 'not that', 'human:cli');
    await verdict;
    await recorder.close();

    expect(seenByPolicy).toEqual([secretCommand]);
    expect(requests.get(held.id)?.command).toBe('curl -H "Authorization: Bearer [REDACTED:bearer-token]" https://x');
    const stored = t.db
      .prepare<[string], { payload: string }>('SELECT payload FROM requests WHERE id = ?')
      .get(held.id);
    expect(JSON.parse(stored?.payload ?? 'null')).toEqual({
      tool_input: { command: 'curl -H "Authorization: Bearer [REDACTED:bearer-token]" https://x' },
    });
    const markers = t.recordings.info('s1').markers;
    expect(markers.map((m) => [m.requestId, m.decision])).toEqual([
      [held.id, null],
      [held.id, 'deny'],
    ]);
    expect(markers[0]?.label).toBe(
      `${held.id} held: curl -H "Authorization: Bearer [REDACTED:bearer-token]" https://x`,
    );
    expect(markers[1]?.label).toMatch(new RegExp(`^${held.id} denied by human:cli: curl`));
    const kinds = t.recordings.reader
      .eventsBetween('s1', -1, END, 1024 * 1024)
      .events.map((e) => (e.event.kind === 'marker' ? `marker:${e.event.decision}` : e.event.kind));
    expect(kinds).toEqual(['output', 'marker:null', 'output', 'marker:deny']);
  });

  it('puts an interception on the timeline of a session that records no terminal', async () => {
    const t = openRecordings();
    t.addSession('s1', { startedAt: Date.now() - 5000 });
    const events = new EventBus();
    const broker = new Broker({ requests: new RequestRepository(t.db), events, holdTimeoutMs: 60_000 });
    markInterceptions(events, t.recordings);
    void broker.submit({
      sessionId: 's1',
      agent: 'claude',
      kind: 'pre-tool-use',
      tool: 'Bash',
      command: 'ls',
      cwd: '/w',
      payload: {},
    });
    // No recording yet: no marker row is written for it (the request is stored)...
    expect(t.db.prepare('SELECT count(*) AS n FROM recording_markers').get()).toEqual({ n: 0 });
    // ...and a recording that starts later gets it at its start, where it happened (before anything recorded).
    const recorder = t.recordings.start('s1', { cols: 80, rows: 24 });
    await recorder.close();
    const [marker] = t.recordings.info('s1').markers;
    expect(marker?.label).toMatch(/ held: ls$/);
    expect(marker?.atMs).toBe(0);
    // Once the session has a recording, interceptions go on its timeline even with no recorder running.
    broker.decide(broker.pending()[0]?.id ?? '', 'deny', undefined, 'human:cli');
    expect(t.recordings.info('s1').markers.map((m) => m.decision)).toEqual([null, 'deny']);
    broker.close();
  });

  it('writes no marker row for the requests of a session that is never recorded', async () => {
    const t = openRecordings();
    t.addSession('s1');
    const events = new EventBus();
    const broker = new Broker({
      requests: new RequestRepository(t.db),
      events,
      holdTimeoutMs: 60_000,
      policy: () => ({ decision: 'allow', reason: 'rule' }),
    });
    markInterceptions(events, t.recordings);
    for (let i = 0; i < 50; i++)
      await broker.submit({
        sessionId: 's1',
        agent: 'claude',
        kind: 'pre-tool-use',
        tool: 'Bash',
        command: `ls ${i}`,
        cwd: '/w',
        payload: {},
      });
    expect(t.db.prepare('SELECT count(*) AS n FROM recording_markers').get()).toEqual({ n: 0 });
    expect(t.db.prepare('SELECT count(*) AS n FROM requests').get()).toEqual({ n: 50 });
    broker.close();
  });

  it('pages events at millisecond boundaries without losing or repeating any', async () => {
    const t = openRecordings();
    t.addSession('s1');
    const recorder = t.recordings.start('s1', { cols: 80, rows: 24 }, Date.now());
    for (let i = 0; i < 2000; i++)
      recorder.record({ kind: 'output', data: `line ${i} ${'x'.repeat(i % 200)}\r\n` }, Math.floor(i / 3));
    recorder.record({ kind: 'marker', label: 'middle', requestId: null, decision: null }, 400);
    await recorder.close();
    const whole = t.recordings.reader.eventsBetween('s1', -1, END, 64 * 1024 * 1024);
    const paged: TimedEvent[] = [];
    let from = -1;
    for (let pages = 0; ; pages++) {
      const page = t.recordings.reader.eventsBetween('s1', from, END, 4096);
      paged.push(...page.events);
      if (page.nextFromMs === null) {
        expect(pages).toBeGreaterThan(10);
        break;
      }
      from = page.nextFromMs;
    }
    expect(paged).toEqual(whole.events);
    const clip = await t.recordings.reader.lastSeconds('s1', 500, 100);
    expect(clip.start.atMs).toBe(400);
    expect(clip.events.every((e) => e.atMs > 400 && e.atMs <= 500)).toBe(true);
    expect(clip.events.length).toBe(whole.events.filter((e) => e.atMs > 400 && e.atMs <= 500).length);
  });
});
