// kill -9 of a process while its recording service records (the recorder on its recording thread, as in the core):
// everything it had written is there, the database opens cleanly, and the recording can be read, seeked, indexed
// (which compresses the chunks the dead process stored uncompressed) and continued.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCompressed } from '../../../electron/core/recording/common/codec.ts';
import { openRecordings } from '../../support/recordings.ts';
import { tempDir } from '../../support/temp.ts';

const CHILD = path.resolve('test/support/recording-child.ts');
/** Chunks the child must have written before it is killed. */
const CHUNKS_BEFORE_KILL = 6;

describe('a crash while recording', () => {
  it('loses nothing that was written, and the database reopens cleanly', async () => {
    const file = path.join(tempDir('gh-crash-'), 'gatehouse.db');
    const child = spawn(process.execPath, [CHILD, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    const storedEvents = await new Promise<number>((resolve, reject) => {
      let seen = 0;
      let buffer = '';
      child.stdout.on('data', (d: Buffer) => {
        buffer += d.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const l of lines) {
          const m = /^stored (\d+)$/.exec(l);
          if (m && ++seen === CHUNKS_BEFORE_KILL) {
            child.kill('SIGKILL');
            resolve(Number(m[1]));
          }
        }
      });
      void exited.then(() => reject(new Error(`the child exited before writing: ${stderr}`)));
    });
    expect(await exited).toBe('SIGKILL');

    const t = openRecordings({ file });
    expect(t.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const page = t.recordings.reader.eventsBetween('crash', -1, Number.MAX_SAFE_INTEGER, 64 * 1024 * 1024);
    const text = page.events.map((e) => (e.event.kind === 'output' ? e.event.data : '')).join('');
    const lines = text.split('\r\n').filter(Boolean);
    expect(page.events.length).toBeGreaterThanOrEqual(storedEvents);
    // Every line up to the last one written is there, in order, none missing.
    lines.slice(0, -1).forEach((l, i) => expect(l).toBe(`\x1b[32mline ${i}\x1b[0m ${'.'.repeat((i + 1) % 70)}`));
    expect(t.recordings.info('crash')).toMatchObject({ recording: false, source: 'live' });

    // The new core indexes what the dead one left (compressing what it stored as it came), seeks in it, and records
    // on where it stopped.
    await t.recordings.indexed();
    const payloads = t.db
      .prepare<[], { payload: Buffer }>("SELECT payload FROM recording_chunks WHERE session_id = 'crash'")
      .all();
    expect(payloads.filter((p) => !isCompressed(p.payload))).toEqual([]);
    const screen = await t.recordings.reader.screenAt('crash', page.events.at(-1)?.atMs ?? 0);
    expect(screen.data).toContain(`line ${lines.length - 2}`);
    t.sessions.end('crash', null, Date.now());
    const again = t.recordings.start('crash', { cols: 100, rows: 30 });
    again.record({ kind: 'output', data: 'resumed\r\n' });
    await again.close();
    const after = t.recordings.reader.eventsBetween('crash', -1, Number.MAX_SAFE_INTEGER, 64 * 1024 * 1024).events;
    expect(after.length).toBe(page.events.length + 2);
    expect(after.at(-1)?.event).toEqual({ kind: 'output', data: 'resumed\r\n' });
  });
});
