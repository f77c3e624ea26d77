// "Run it safer" through a real core and its control API: the offer comes with the held request, `decide` with
// `safer` hands the agent the rewritten command (worked out by the core, never sent by the client) and records it with
// the decision and in the audit; it is refused, saying why, where there is no safer form or the agent cannot take one.
// The commands are only held and decided here; nothing runs them.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api.ts';
import type { Agent } from '../../shared/domain.ts';
import type { Verdict } from '../../electron/core/broker/broker.ts';
import { startTestCore, type TestCore } from '../support/core.ts';
import { tempDir } from '../support/temp.ts';

let t: TestCore;
afterEach(async () => t?.stop());

async function hold(command: string, o: { agent?: Agent; kind?: 'pre-tool-use' | 'permission-request' } = {}) {
  const cwd = tempDir('gh-safer-cwd-');
  const agent = o.agent ?? 'claude';
  const { session } = await t.client.api.startSession({ agent, argv: [agent], cwd, pid: null });
  const held = t.next('request.held', (e) => e.request.command === command);
  const verdict: Promise<Verdict> = t.core.broker.submit({
    sessionId: session.id,
    agent,
    kind: o.kind ?? 'pre-tool-use',
    tool: 'Bash',
    command,
    cwd,
    payload: {},
  });
  return { request: (await held).request, verdict };
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (err: unknown) => (err instanceof ApiError ? { code: err.code, message: err.message } : err),
  );

describe('Run it safer over the control API', () => {
  it('offers the leased push with the held request, and decides it: the agent gets it, the record and audit say it', async () => {
    t = await startTestCore();
    const { request, verdict } = await hold('git push --force origin main');
    const safer = 'git push --force-with-lease --force-if-includes origin main';
    expect(request.safer).toMatchObject({ kind: 'force-with-lease', command: safer });
    expect((await t.client.api.listPending())[0]?.safer?.command).toBe(safer);
    const decided = await t.client.api.decide({ id: request.id, decision: 'allow', via: 'window', safer: true });
    expect(decided.decision).toMatchObject({ decision: 'allow', decidedBy: 'human:window', updatedCommand: safer });
    expect(decided.decision?.reason).toContain(safer);
    expect(await verdict).toMatchObject({ decision: 'allow', updatedCommand: safer });
    const history = await t.client.api.listHistory({});
    expect(history.items[0]?.decision?.updatedCommand).toBe(safer);
    const audit = await t.client.api.listAudit({});
    expect(JSON.stringify(audit)).toContain(safer);
  });

  it('a plain approval of the same request runs it as asked', async () => {
    t = await startTestCore();
    const { request, verdict } = await hold('git push --force origin main');
    await t.client.api.decide({ id: request.id, decision: 'allow' });
    expect(await verdict).not.toHaveProperty('updatedCommand');
  });

  it('refused, saying why: no safer form, an agent that cannot take it, a deny, with --remember', async () => {
    t = await startTestCore();
    const plain = await hold('npm test');
    expect(plain.request.safer ?? null).toBeNull();
    expect(await refusal(t.client.api.decide({ id: plain.request.id, decision: 'allow', safer: true }))).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/has no safer form/) as unknown,
    });
    // Gemini CLI's hook has no way to hand over another command; Codex's own prompt (PermissionRequest) neither.
    for (const o of [{ agent: 'gemini' as const }, { agent: 'codex' as const, kind: 'permission-request' as const }]) {
      const held = await hold('git push --force origin main', o);
      expect(held.request.safer ?? null).toBeNull();
      expect(await refusal(t.client.api.decide({ id: held.request.id, decision: 'allow', safer: true }))).toMatchObject(
        { code: 'conflict', message: expect.stringMatching(/cannot take a rewritten command/) as unknown },
      );
    }
    const push = await hold('git push -f');
    expect(await refusal(t.client.api.decide({ id: push.request.id, decision: 'deny', safer: true }))).toMatchObject({
      code: 'invalid_input',
    });
    expect(
      await refusal(t.client.api.decide({ id: push.request.id, decision: 'allow', safer: true, remember: true })),
    ).toMatchObject({ code: 'invalid_input' });
    // Still held, to be decided as it is.
    expect((await t.client.api.getRequest(push.request.id)).status).toBe('pending');
  });
});
