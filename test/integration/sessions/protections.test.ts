// What guards a session is said once, by its launcher, before the agent starts: stored with the session, announced to
// control clients, and never rewritten afterwards (by the agent or anyone).
import { afterEach, expect, it } from 'vitest';
import type { SessionProtection } from '../../../shared/domain.ts';
import { startTestCore, type TestCore } from '../../support/core.ts';

let t: TestCore;
afterEach(async () => t?.stop());

const SAID: SessionProtection[] = [
  { layer: 'hooks', state: 'on', detail: 'every Bash command waits for Gatehouse' },
  { layer: 'sandbox', state: 'off', detail: 'not sandboxed: --no-sandbox was given' },
];

it("stores and announces a session's protections once, and refuses a second account", async () => {
  t = await startTestCore({ log: () => {} });
  const started = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: '/', pid: null });
  const id = started.session.id;
  const announced = t.next('session.protections');
  const session = await t.client.api.reportProtections({ sessionId: id, protections: SAID });
  expect(session.protections).toEqual(SAID);
  expect((await announced).session.protections).toEqual(SAID);
  expect((await t.client.api.listSessions()).find((s) => s.id === id)?.protections).toEqual(SAID);

  await expect(
    t.client.api.reportProtections({
      sessionId: id,
      protections: [{ layer: 'sandbox', state: 'on', detail: 'sandboxed, honestly' }],
    }),
  ).rejects.toMatchObject({ code: 'conflict' });
  await expect(
    t.client.api.reportProtections({
      sessionId: id,
      protections: [{ layer: 'nonsense' as 'hooks', state: 'on', detail: 'x' }],
    }),
  ).rejects.toMatchObject({ code: 'invalid_input' });
  await expect(t.client.api.reportProtections({ sessionId: 'nope', protections: SAID })).rejects.toMatchObject({
    code: 'not_found',
  });
  expect((await t.client.api.listSessions()).find((s) => s.id === id)?.protections).toEqual(SAID);
});
