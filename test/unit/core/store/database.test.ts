// The one SQLite file: opened in WAL mode at the latest schema, never one a newer Gatehouse wrote, and what was
// written is there after a reopen.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/core/store/database.ts';
import { MIGRATIONS } from '../../../../electron/core/store/migrations.ts';
import { RequestRepository } from '../../../../electron/core/store/requests.ts';
import { SessionRepository } from '../../../../electron/core/store/sessions.ts';
import { storeFixture, storedRequest } from '../../../support/store-fixture.ts';

const fixture = storeFixture;
const req = storedRequest;

describe('store', () => {
  it('opens in WAL mode at the latest schema version', () => {
    const { db } = fixture();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    db.close();
  });

  it('refuses a database written by a newer Gatehouse instead of guessing', () => {
    const { file, db } = fixture();
    db.pragma('user_version = 999');
    db.close();
    expect(() => openDatabase(file)).toThrow(/newer Gatehouse/);
  });

  it('keeps sessions and decisions across a reopen', () => {
    const { file, db, requests, sessions } = fixture();
    requests.insertDecided(req('r2'), { decision: 'allow', reason: 'ok', decidedBy: 'policy', decidedAt: 2500 });
    sessions.end('s1', 0, 9000);
    db.close();
    const again = openDatabase(file);
    expect(new RequestRepository(again).get('r2')?.status).toBe('allowed');
    expect(new SessionRepository(again).findByTokenHash('h1')?.exitCode).toBe(0);
    again.close();
  });
});
