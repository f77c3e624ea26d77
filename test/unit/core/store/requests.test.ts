// Requests and their decisions: a decision is recorded once, together with the status.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/core/store/database.ts';
import { RequestRepository, type NewRequest } from '../../../../electron/core/store/requests.ts';
import { SessionRepository } from '../../../../electron/core/store/sessions.ts';
import { tempDir } from '../../../support/temp.ts';

function fixture() {
  const file = path.join(tempDir(), 'g.db');
  const db = openDatabase(file);
  const sessions = new SessionRepository(db);
  const requests = new RequestRepository(db);
  sessions.insert({ id: 's1', agent: 'claude', argv: ['claude'], cwd: '/w', pid: 1, tokenHash: 'h1', startedAt: 1000 });
  return { file, db, sessions, requests };
}

const req = (id: string): NewRequest => ({
  id,
  sessionId: 's1',
  agent: 'claude',
  kind: 'pre-tool-use',
  tool: 'Bash',
  command: 'ls',
  cwd: '/w',
  payload: { x: 1 },
  risk: null,
  createdAt: 2000,
  expiresAt: 5000,
});

describe('store', () => {
  it('records a decision once, together with the status', () => {
    const { db, requests } = fixture();
    requests.insert(req('r1'));
    expect(requests.listByStatus('pending').map((r) => r.id)).toEqual(['r1']);
    const decided = requests.decide('r1', { decision: 'deny', reason: 'no', decidedBy: 'human:cli', decidedAt: 3000 });
    expect(decided?.status).toBe('denied');
    expect(decided?.decision).toEqual({
      decision: 'deny',
      reason: 'no',
      decidedBy: 'human:cli',
      ruleIds: [],
      decidedAt: new Date(3000).toISOString(),
    });
    expect(
      requests.decide('r1', { decision: 'allow', reason: null, decidedBy: 'human:cli', decidedAt: 4000 }),
    ).toBeNull();
    expect(requests.get('r1')?.status).toBe('denied');
    expect(
      requests.decide('missing', { decision: 'allow', reason: null, decidedBy: 'human:cli', decidedAt: 4000 }),
    ).toBeNull();
    db.close();
  });
});
