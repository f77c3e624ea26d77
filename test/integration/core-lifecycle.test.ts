// One core per data directory, nothing lost across restarts, and a control API only for the admin.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { connectControl } from '../../electron/core/control/client.ts';
import { startCore } from '../../electron/core/core.ts';
import { GATE_PATHS } from '../support/gate-paths.ts';
import { startTestCore, type TestCore } from '../support/core.ts';
import { tempDir } from '../support/temp.ts';
import { post } from '../support/unix-http.ts';

const cores: TestCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.stop();
});
async function start(home: string) {
  const c = await startTestCore({ home });
  cores.push(c);
  return c;
}
const payload = (command: string) =>
  JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command }, cwd: '/w' });

describe('core lifecycle', () => {
  it('refuses a second core on the same data directory, with a clear message, and leaves the first working', async () => {
    const home = tempDir('gh-home-');
    const first = await start(home);
    await expect(startCore({ home })).rejects.toThrow(/another Gatehouse core \(pid \d+\) is already running/);
    expect((await first.client.api.status()).pid).toBe(process.pid);
    expect(fs.existsSync(first.core.paths.gateSocket)).toBe(true);
  });

  it('takes over a lock left by a core that died', async () => {
    const home = tempDir('gh-home-');
    fs.writeFileSync(`${home}/core.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, startedAt: 'then' }));
    const c = await start(home);
    expect((await c.client.api.status()).home).toBe(home);
  });

  it('keeps every decided request and session across a restart; marks what was held as abandoned', async () => {
    const home = tempDir('gh-home-');
    let c = await start(home);
    const s = await c.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: '/w', pid: null });
    let held = c.next('request.held');
    const answered = post(s.gateSocket, GATE_PATHS.claudePreToolUse, payload('npm test'), {
      authorization: `Bearer ${s.token}`,
    });
    const decidedId = (await held).request.id;
    await c.client.api.decide({ id: decidedId, decision: 'allow', reason: 'fine' });
    await answered;
    held = c.next('request.held');
    const cut = post(s.gateSocket, GATE_PATHS.claudePreToolUse, payload('rm -rf /'), {
      authorization: `Bearer ${s.token}`,
    });
    const heldId = (await held).request.id;
    await cores.pop()?.stop();
    // The held request was answered with a deny as the core shut down.
    expect(JSON.parse((await cut).body).hookSpecificOutput.permissionDecision).toBe('deny');

    c = await start(home);
    expect(await c.client.api.getRequest(decidedId)).toMatchObject({
      status: 'allowed',
      decision: { reason: 'fine', decidedBy: 'human:cli' },
    });
    expect(await c.client.api.getRequest(heldId)).toMatchObject({
      status: 'denied',
      decision: { decidedBy: 'shutdown' },
    });
    expect((await c.client.api.listSessions()).map((x) => x.id)).toEqual([s.session.id]);
    // The session's token still works after the restart: a running agent keeps being gated.
    held = c.next('request.held');
    const again = post(s.gateSocket, GATE_PATHS.claudePreToolUse, payload('ls'), {
      authorization: `Bearer ${s.token}`,
    });
    await c.client.api.decide({ id: (await held).request.id, decision: 'deny' });
    expect((await again).status).toBe(200);
  });

  it('refuses a control client without the admin token', async () => {
    const c = await start(tempDir('gh-home-'));
    await expect(connectControl(c.core.paths.controlSocket, 'wrong')).rejects.toThrow(/unauthorized/);
  });

  it('rejects invalid control input with a typed error, not a crash', async () => {
    const c = await start(tempDir('gh-home-'));
    await expect(c.client.api.decide({ id: '', decision: 'allow' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(c.client.api.decide({ id: 'x', decision: 'maybe' as 'allow' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(c.client.api.decide({ id: 'nosuchid', decision: 'allow' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(c.client.api.endSession({ sessionId: 'nope', exitCode: 0 })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await c.client.api.status()).pending).toBe(0);
  });

  it('refuses to start on an invalid settings file instead of resetting it', async () => {
    const home = tempDir('gh-home-');
    fs.writeFileSync(`${home}/settings.json`, JSON.stringify({ holdTimeoutMs: 5 }));
    await expect(startCore({ home })).rejects.toThrow(/settings.json is not valid/);
    expect(JSON.parse(fs.readFileSync(`${home}/settings.json`, 'utf8'))).toEqual({ holdTimeoutMs: 5 });
    fs.writeFileSync(`${home}/settings.json`, '{ broken');
    await expect(startCore({ home })).rejects.toThrow(/settings.json/);
    expect(fs.readFileSync(`${home}/settings.json`, 'utf8')).toBe('{ broken');
  });

  it('takes the hold timeout from the settings file', async () => {
    const home = tempDir('gh-home-');
    fs.writeFileSync(`${home}/settings.json`, JSON.stringify({ holdTimeoutMs: 120_000 }));
    const core = await startCore({ home });
    expect(core.status().holdTimeoutMs).toBe(120_000);
    await core.close();
  });
});
