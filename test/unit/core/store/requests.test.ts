// Requests and their decisions: a decision is recorded once, together with the status.
import { describe, expect, it } from 'vitest';
import { storeFixture, storedRequest } from '../../../support/store-fixture.ts';

const fixture = storeFixture;
const req = storedRequest;

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
