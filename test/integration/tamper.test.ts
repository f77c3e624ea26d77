// Tamper detection in a real core: a session's hook settings changed behind its back, the control socket swapped,
// a gate request held by the lock and decided once it is acknowledged; and `gatehouse tamper` in words.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readAdminToken } from '../../electron/core/admin-token.ts';
import { connectControl } from '../../electron/core/control/client.ts';
import { GATE_PATHS } from '../../electron/core/gate/server.ts';
import { TAMPER_CHECK_INTERVAL_MS } from '../../electron/core/integrity/tamper-watch.ts';
import { cli, cliEnv } from '../support/cli.ts';
import { startTestCore, type TestCore } from '../support/core.ts';
import { post } from '../support/unix-http.ts';
import { tempDir } from '../support/temp.ts';

let t: TestCore;
afterEach(async () => t?.stop());

const SETTINGS = JSON.stringify(
  { hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: "'/usr/bin/curl' …" }] }] } },
  null,
  2,
);

describe('tamper detection', () => {
  it('writes changed hook settings back, locks, and lifts the lock on acknowledgement', async () => {
    t = await startTestCore({ log: () => {} });
    await t.client.api.updateSettings({ autoAllowLowRisk: true });
    const s = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: '/work/p', pid: null });
    const file = path.join(tempDir('gh-run-settings-'), 'settings.json');
    fs.writeFileSync(file, SETTINGS);
    // Only what is on disk can be protected: the call cannot make the core write something new.
    await expect(
      t.client.api.protectHookFiles({ sessionId: s.session.id, files: [{ path: file, content: '{"other":1}' }] }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect(
      await t.client.api.protectHookFiles({ sessionId: s.session.id, files: [{ path: file, content: SETTINGS }] }),
    ).toBe(true);

    const tampered = t.next('gate.tampered');
    fs.writeFileSync(file, '{"disableAllHooks": true}');
    const { report, status } = await tampered;
    expect(report).toMatchObject({
      what: 'hook-settings',
      path: file,
      detail: expect.stringMatching(/were changed/),
      response: 'Gatehouse wrote them back as they were.',
      sessionIds: [s.session.id],
    });
    expect(status).toMatchObject({ locked: true, count: 1, sessionIds: [s.session.id] });
    expect(fs.readFileSync(file, 'utf8')).toBe(SETTINGS);

    // Low risk with auto-allow on, and still held.
    const held = t.next('request.held');
    const body = JSON.stringify({ command: 'git status', cwd: '/work/p' });
    const answer = post(s.gateSocket, GATE_PATHS.check, body, { authorization: `Bearer ${s.token}` });
    await held;
    const seen = await t.client.api.acknowledgeTamper({ note: 'checked' });
    expect(seen).toMatchObject({ locked: true, count: 1 });
    expect(JSON.parse((await answer).body)).toMatchObject({ decision: 'allow' });
    expect((await t.client.api.status()).tamper).toEqual({
      locked: false,
      since: null,
      reports: [],
      count: 0,
      sessionIds: [],
    });
    const audit = await t.client.api.listAudit({ afterSeq: 0, limit: 100 });
    expect(audit.map((a) => a.kind).filter((k) => k.startsWith('gate.'))).toEqual([
      'gate.tampered',
      'gate.tamper-acknowledged',
    ]);

    // An ended session's files are its launcher's to remove.
    await t.client.api.endSession({ sessionId: s.session.id, exitCode: 0 });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    // Nothing to wait for but the absence of a report: more than one check interval.
    await new Promise((r) => setTimeout(r, TAMPER_CHECK_INTERVAL_MS * 1.5));
    expect((await t.client.api.status()).tamper.locked).toBe(false);
  });

  it('takes back a swapped control socket: a new CLI connection reaches the core, the old one keeps working', async () => {
    t = await startTestCore({ log: () => {} });
    const { controlSocket, adminTokenFile } = t.core.paths;
    const impostor = net.createServer((c) => c.end('{"ok":true}\n'));
    const beside = path.join(path.dirname(controlSocket), 'impostor.sock');
    await new Promise<void>((r) => impostor.listen(beside, r));
    const tampered = t.next('gate.tampered');
    fs.renameSync(beside, controlSocket);
    const { report } = await tampered;
    expect(report).toMatchObject({
      what: 'control-socket',
      detail: expect.stringMatching(/control socket .* was replaced/),
    });
    const fresh = await connectControl(controlSocket, readAdminToken(adminTokenFile));
    expect((await fresh.api.tamperStatus()).locked).toBe(true);
    fresh.close();
    expect((await t.client.api.status()).tamper.count).toBe(1);
    impostor.close();
  });

  it('`gatehouse tamper` says what happened; `tamper ack` shows it and lifts the lock', async () => {
    t = await startTestCore({ log: () => {} });
    const env = cliEnv(t.core.paths.home);
    expect((await cli(['tamper'], env)).stdout).toMatch(/^Nothing has been tampered with/);
    const tampered = t.next('gate.tampered');
    fs.rmSync(t.core.paths.gateSocket);
    await tampered;
    const status = await cli(['tamper'], env);
    expect(status.stdout).toMatch(
      /tampered with once since .*Until this is acknowledged, every command is held for you\./,
    );
    expect(status.stdout).toContain(`gate-socket  ${t.core.paths.gateSocket}`);
    expect(status.stdout).toMatch(/was removed\.\n {2}Gatehouse took its socket back/);
    const ack = await cli(['tamper', 'ack'], env);
    expect(ack.stdout).toMatch(/was removed[\s\S]*Acknowledged: rules, trust mode and auto-allow decide again/);
    expect((await cli(['tamper', 'ack'], env)).stdout).toMatch(/^Nothing to acknowledge/);
    expect((await cli(['tamper', 'nonsense'], env)).code).toBe(2);
  });
});
