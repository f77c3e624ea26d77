// Another process holding the database's write lock for longer than SQLite's default wait (5 s) while a session is
// recorded: the recording thread waits for it, and nothing recorded meanwhile is lost.
import { describe, expect, it } from 'vitest';
import { holdWriteLock } from '../../support/db-lock.ts';
import { openRecordings } from '../../support/recordings.ts';

const LOCK_MS = 6500;

describe('recording while another process holds the write lock', () => {
  it('waits for the lock on the recording thread and loses nothing', async () => {
    const t = openRecordings();
    t.addSession('s');
    const rec = t.recordings.start('s', { cols: 80, rows: 24 });
    rec.record({ kind: 'output', data: 'before\r\n' });
    await t.recordings.indexed();
    const lock = await holdWriteLock(t.file, LOCK_MS);
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i} while locked\r\n`);
    for (const line of lines) {
      rec.record({ kind: 'output', data: line });
      await new Promise((r) => setTimeout(r, 20));
    }
    await lock.released;
    await rec.close();
    const page = t.recordings.reader.eventsBetween('s', -1, Number.MAX_SAFE_INTEGER, 64 * 1024 * 1024);
    const text = page.events.map((e) => (e.event.kind === 'output' ? e.event.data : '')).join('');
    expect(text).toBe(`before\r\n${lines.join('')}`);
    expect(t.errors).toEqual([]);
  }, 30_000);
});
