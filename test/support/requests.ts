// Held requests as the core sends them, for the tests of what shows them (the renderer's views and stores, the
// notification text in shared/): a factory with a fresh id and time each call, and the same request decided.
import type { GateRequest } from '../../shared/domain.ts';

let seq = 0;

export function heldRequest(over: Partial<GateRequest> = {}): GateRequest {
  seq += 1;
  const created = new Date(Date.UTC(2026, 0, 1, 12, 0, seq)).toISOString();
  return {
    id: `req${String(seq).padStart(5, '0')}`,
    sessionId: 'sess0001',
    agent: 'claude',
    kind: 'pre-tool-use',
    tool: 'Bash',
    command: `echo ${seq}`,
    cwd: '/home/dev/project',
    risk: null,
    status: 'pending',
    createdAt: created,
    expiresAt: new Date(Date.parse(created) + 600_000).toISOString(),
    decision: null,
    ...over,
  };
}

export function decided(r: GateRequest, decision: 'allow' | 'deny', reason: string | null = null): GateRequest {
  return {
    ...r,
    status: decision === 'allow' ? 'allowed' : 'denied',
    decision: { decision, reason, decidedBy: 'human:cli', ruleIds: [], decidedAt: new Date().toISOString() },
  };
}
