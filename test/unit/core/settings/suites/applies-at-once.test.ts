// A named suite, not one module's test: each setting is followed through a whole running core to what it changes.
// Issue 15's bug, as a specification: a setting saved through the control API (the call the Settings view makes)
// takes effect in a running core at once, without a restart. Each case starts a real core in a temporary home and
// changes one setting the way a person does.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordEventsInput, StartedSession } from '../../../../../shared/api.ts';
import { DEFAULT_SETTINGS } from '../../../../../shared/settings.ts';
import { GATE_PATHS } from '../../../../../electron/core/gate/server.ts';
import { openDatabase } from '../../../../../electron/core/store/database.ts';
import { SessionRepository } from '../../../../../electron/core/store/sessions.ts';
import { startTestCore, type TestCore } from '../../../../support/core.ts';
import { tempDir } from '../../../../support/temp.ts';
import { post } from '../../../../support/unix-http.ts';

const DAY = 24 * 60 * 60 * 1000;

let t: TestCore;
afterEach(async () => t?.stop());

const output = (data: string, atMs: number): RecordEventsInput['events'][number] => ({
  atMs,
  event: { kind: 'output', data },
});

/** Asks the gate about a command the way a generic hook does; resolves with the answer once it is decided. */
async function ask(
  s: StartedSession,
  command: string,
  cwd = '/w',
): Promise<{ decision: string; decidedBy: string; reason: string }> {
  const res = await post(s.gateSocket, GATE_PATHS.check, JSON.stringify({ command, cwd }), {
    authorization: `Bearer ${s.token}`,
  });
  expect(res.status).toBe(200);
  return JSON.parse(res.body) as { decision: string; decidedBy: string; reason: string };
}

async function recordedText(sessionId: string): Promise<string> {
  const info = await t.client.api.getRecording(sessionId);
  const page = await t.client.api.recordingEvents({ sessionId, fromMs: -1, toMs: info.durationMs + 1 });
  return page.events.map((e) => (e.event.kind === 'output' ? e.event.data : '')).join('');
}

describe('a setting saved through the API applies at once', () => {
  it('redaction patterns: the next recorded terminal output and the next stored command are redacted with it', async () => {
    t = await startTestCore({ policy: () => ({ decision: 'allow', reason: 'test' }), log: () => {} });
    const s = await t.client.api.startSession({
      agent: 'shell',
      argv: ['sh'],
      cwd: '/w',
      pid: null,
      size: { cols: 80, rows: 24 },
    });
    const id = s.session.id;
    await t.client.api.recordEvents({ sessionId: id, seq: 1, events: [output('before: zeta-1111\r\n', 1)] });
    await ask(s, 'deploy --key zeta-2222');

    await t.client.api.updateSettings({ redactionPatterns: ['zeta-[0-9]{4}'] });
    await t.client.api.recordEvents({ sessionId: id, seq: 2, events: [output('after: zeta-3333\r\n', 2)] });
    await ask(s, 'deploy --key zeta-4444');
    await t.client.api.endSession({ sessionId: id, exitCode: 0 });

    const text = await recordedText(id);
    expect(text).toContain('after: [REDACTED:custom]');
    expect(text).not.toContain('zeta-3333');
    const commands = (await t.client.api.listHistory({ limit: 10 })).items.map((r) => r.command);
    expect(commands).toEqual(['deploy --key [REDACTED:custom]', 'deploy --key zeta-2222']);
  });

  it('retention: the next upkeep pass deletes by the new limits', async () => {
    const home = tempDir('gh-home-');
    const db = openDatabase(path.join(home, 'gatehouse.db'));
    const sessions = new SessionRepository(db);
    const startedAt = Date.now() - 10 * DAY;
    sessions.insert({
      id: 'ten-days-old',
      agent: 'claude',
      argv: ['claude'],
      cwd: '/w',
      pid: null,
      tokenHash: 'h',
      startedAt,
    });
    sessions.end('ten-days-old', 0, startedAt + 60_000);
    db.close();
    t = await startTestCore({ home, log: () => {} });
    // Kept for 30 days by default.
    await t.core.upkeep.run();
    expect((await t.client.api.listSessions()).map((x) => x.id)).toEqual(['ten-days-old']);

    await t.client.api.updateSettings({
      retention: { maxAgeDays: 7, maxTotalMB: DEFAULT_SETTINGS.retention.maxTotalMB },
    });
    await t.core.upkeep.run();
    expect(await t.client.api.listSessions()).toEqual([]);
  });

  it('hold timeout: the next held request times out by the new value', async () => {
    // The test core starts with a hold timeout of a minute (as `--hold-timeout 60s` would).
    t = await startTestCore({ log: () => {} });
    const s = await t.client.api.startSession({ agent: 'shell', argv: ['sh'], cwd: '/w', pid: null });
    await t.client.api.updateSettings({ holdTimeoutMs: 1000 });
    expect((await t.client.api.status()).holdTimeoutMs).toBe(1000);
    const started = performance.now();
    const answer = await ask(s, 'rm -rf build');
    expect(answer).toMatchObject({ decision: 'deny', decidedBy: 'timeout' });
    expect(answer.reason).toMatch(/within 1 second,/);
    expect(performance.now() - started).toBeLessThan(10_000);
    // A session started now is told the new timeout (its hooks wait a little longer than the gate holds).
    expect(
      (await t.client.api.startSession({ agent: 'shell', argv: ['sh'], cwd: '/w', pid: null })).holdTimeoutMs,
    ).toBe(1000);
  });

  it('terminal text size: every window hears it at once and redraws its terminals (nothing in the core waits for it)', async () => {
    t = await startTestCore({ log: () => {} });
    const heard = t.next('settings.changed');
    await t.client.api.updateSettings({ terminalFontSize: 18 });
    expect((await heard).settings.terminalFontSize).toBe(18);
    expect((await t.client.api.getSettings()).terminalFontSize).toBe(18);
  });

  it('hold timeout: a value given at start wins over the file until a hold timeout is saved', async () => {
    const home = tempDir('gh-home-');
    t = await startTestCore({ home, holdTimeoutMs: 90_000, log: () => {} });
    await t.client.api.updateSettings({ theme: 'dark' });
    expect((await t.client.api.status()).holdTimeoutMs).toBe(90_000);
    expect((await t.client.api.getSettings()).holdTimeoutMs).toBe(DEFAULT_SETTINGS.holdTimeoutMs);
    await t.client.api.updateSettings({ holdTimeoutMs: 5 * 60_000 });
    expect((await t.client.api.status()).holdTimeoutMs).toBe(5 * 60_000);
  });

  it('auto-allow of low risk: a held low-risk request is decided, the next is allowed at once, and off holds again', async () => {
    t = await startTestCore({ log: () => {} });
    const cwd = tempDir('gh-project-');
    const s = await t.client.api.startSession({ agent: 'shell', argv: ['sh'], cwd, pid: null });
    const held = t.next('request.held');
    const waiting = ask(s, 'git status', cwd);
    const { request } = await held;
    expect(request.risk?.level).toBe('low');

    const order: string[] = [];
    const settingsChanged = t.next('settings.changed').then(() => order.push('settings.changed'));
    const decided = t
      .next('request.decided', (e) => e.request.id === request.id)
      .then(() => order.push('request.decided'));
    await t.client.api.updateSettings({ autoAllowLowRisk: true });
    expect(await waiting).toMatchObject({ decision: 'allow', decidedBy: 'auto-allow' });
    await Promise.all([settingsChanged, decided]);
    // Clients hear the change before the decisions it caused.
    expect(order).toEqual(['settings.changed', 'request.decided']);
    expect(await ask(s, 'git status', cwd)).toMatchObject({ decision: 'allow', decidedBy: 'auto-allow' });

    await t.client.api.updateSettings({ autoAllowLowRisk: false });
    const heldAgain = t.next('request.held');
    const again = ask(s, 'git status', cwd);
    await t.client.api.decide({ id: (await heldAgain).request.id, decision: 'deny', via: 'window' });
    expect(await again).toMatchObject({ decision: 'deny', decidedBy: 'human:window' });
  });
});
