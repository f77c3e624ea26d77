// Another process holding the database's write lock (a sqlite3 shell, a backup tool): the core keeps answering, agents
// are told why they are blocked, and a start under the lock says who holds it instead of dying with a stack.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core/core.ts';
import { GATE_PATHS } from '../support/gate-paths.ts';
import { STORE_WAIT_MS } from '../../electron/core/broker/broker.ts';
import { cli, cliEnv } from '../support/cli.ts';
import { startTestCore, type TestCore } from '../support/core.ts';
import { holdWriteLock, type HeldLock } from '../support/db-lock.ts';
import { tempDir } from '../support/temp.ts';
import { post } from '../support/unix-http.ts';

const cores: TestCore[] = [];
const locks: HeldLock[] = [];
afterEach(async () => {
  for (const l of locks.splice(0)) await l.release();
  for (const c of cores.splice(0)) await c.stop();
});

const payload = (command: string) =>
  JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command }, cwd: '/w' });
/** How long the lock is held: "several seconds", past the gate's own wait so both outcomes are seen. */
const LOCK_MS = 3500;
/** An answer or a control call on a loaded test machine; a stalled core took seconds. */
const PROMPT_MS = 1000;

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

describe('a database locked by another process', () => {
  it('keeps the gate and the control API answering: denied with the reason while locked, decided once it lets go', async () => {
    const t = await startTestCore({ policy: () => ({ decision: 'allow', reason: 'test' }), recordings: null });
    cores.push(t);
    const s = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: '/w', pid: null });
    const gate = () =>
      post(s.gateSocket, GATE_PATHS.claudePreToolUse, payload('npm test'), { authorization: `Bearer ${s.token}` });
    const lock = await holdWriteLock(t.core.paths.database, LOCK_MS);
    locks.push(lock);
    const lockedAt = performance.now();

    // Requests keep coming while the lock is held; the control API answers between them.
    const answers: Array<Promise<{ value: { status: number; body: string }; ms: number; sentAt: number }>> = [];
    const controlMs: number[] = [];
    while (performance.now() - lockedAt < LOCK_MS - 500) {
      const sentAt = performance.now() - lockedAt;
      answers.push(timed(gate).then((a) => ({ ...a, sentAt })));
      controlMs.push((await timed(() => t.client.api.status())).ms);
      await new Promise((r) => setTimeout(r, 200));
    }
    await lock.released;
    const results = await Promise.all(answers);
    expect(Math.max(...controlMs)).toBeLessThan(PROMPT_MS);
    for (const r of results) {
      expect(r.value.status).toBe(200);
      const out = JSON.parse(r.value.body).hookSpecificOutput;
      // Never longer than the gate's wait for the lock (plus a loaded machine's slack), never "internal error".
      expect(r.ms).toBeLessThan(STORE_WAIT_MS + PROMPT_MS);
      if (out.permissionDecision === 'deny') {
        expect(out.permissionDecisionReason).toBe(
          `Gatehouse cannot record decisions: the database ${t.core.paths.database} is locked by pid ${lock.pid}. ` +
            'Commands are blocked until it lets go (close the sqlite3 shell or backup tool that has it open).',
        );
      } else {
        expect(out.permissionDecision).toBe('allow');
      }
    }
    // The first ones waited their 2 s and were denied; the last ones were decided once the lock went.
    expect(
      results.filter((r) => r.sentAt < LOCK_MS - STORE_WAIT_MS - 500).every((r) => r.value.body.includes('"deny"')),
    ).toBe(true);
    expect(results.at(-1)?.value.body).toContain('"allow"');
    // Everything allowed was recorded; nothing denied for the lock was (it could not be).
    const allowed = results.filter((r) => r.value.body.includes('"allow"')).length;
    expect((await t.client.api.listHistory({})).items.length).toBe(allowed);
    // And afterwards the store takes writes again at once.
    const after = await timed(gate);
    expect(after.value.body).toContain('"allow"');
    expect(after.ms).toBeLessThan(PROMPT_MS);
  }, 20_000);

  it('refuses to start while another process holds the lock, naming it, and leaves no lock file', async () => {
    const home = tempDir('gh-home-');
    const first = await startTestCore({ home });
    const database = first.core.paths.database;
    await first.stop();
    const lock = await holdWriteLock(database, 10_000);
    locks.push(lock);
    await expect(startCore({ home, storeLockWaitMs: 200 })).rejects.toThrow(
      `Gatehouse cannot record decisions: the database ${database} is locked by pid ${lock.pid}. Gatehouse cannot start until it lets go`,
    );
    expect(fs.existsSync(`${home}/core.lock`)).toBe(false);
  });

  it('gatehouse daemon says so in one line, without a stack', async () => {
    const home = tempDir('gh-home-');
    const first = await startTestCore({ home });
    const database = first.core.paths.database;
    await first.stop();
    const lock = await holdWriteLock(database, 20_000);
    locks.push(lock);
    const result = await cli(['daemon'], cliEnv(home));
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `gatehouse: Gatehouse cannot record decisions: the database ${database} is locked by pid ${lock.pid}. ` +
        'Gatehouse cannot start until it lets go (close the sqlite3 shell or backup tool that has it open).',
    );
    // The daemon waits its 5 s for the lock; a loaded machine adds its own start-up time.
  }, 60_000);
});
