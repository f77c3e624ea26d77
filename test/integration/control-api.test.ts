// The calls the reviewer UI needs: settings (validated, written atomically, pushed as events) and the history of
// decisions (filters, paging).
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { startTestCore, type TestCore } from '../support/core.ts';

let t: TestCore;
afterEach(async () => t?.stop());

async function heldRequest(command: string, sessionId: string, agent: 'claude' | 'codex' = 'claude') {
  const held = t.next('request.held', (e) => e.request.command === command);
  void t.core.broker.submit({ sessionId, agent, kind: 'pre-tool-use', tool: 'Bash', command, cwd: '/w', payload: {} });
  return (await held).request;
}

describe('settings over the control API', () => {
  it('answers defaults without writing a file, then writes only the patched keys and tells every client', async () => {
    t = await startTestCore();
    const file = t.core.paths.settingsFile;
    expect(await t.client.api.getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(fs.existsSync(file)).toBe(false);
    fs.writeFileSync(file, JSON.stringify({ fromANewerVersion: 'kept' }));
    const changed = t.next('settings.changed');
    const next = await t.client.api.updateSettings({ theme: 'dark', notifyOnlyWhenUnfocused: true });
    expect(next).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', notifyOnlyWhenUnfocused: true });
    expect((await changed).settings).toEqual(next);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({
      fromANewerVersion: 'kept',
      theme: 'dark',
      notifyOnlyWhenUnfocused: true,
    });
    expect(await t.client.api.getSettings()).toEqual(next);
  });

  it('refuses an invalid patch with invalid_input and changes nothing', async () => {
    t = await startTestCore();
    await t.client.api.updateSettings({ theme: 'light' });
    const before = fs.readFileSync(t.core.paths.settingsFile, 'utf8');
    for (const patch of [{ theme: 'neon' }, { holdTimeoutMs: 10 }, { unknownKey: true }, 'not an object']) {
      const err = await t.client.api.updateSettings(patch as never).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).code).toBe('invalid_input');
    }
    expect(fs.readFileSync(t.core.paths.settingsFile, 'utf8')).toBe(before);
  });

  it('applies a new hold timeout to requests held from then on', async () => {
    t = await startTestCore();
    const s = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: '/w', pid: null });
    await t.client.api.updateSettings({ holdTimeoutMs: 5 * 60_000 });
    expect((await t.client.api.status()).holdTimeoutMs).toBe(5 * 60_000);
    const r = await heldRequest('ls', s.session.id);
    expect(Date.parse(r.expiresAt as string) - Date.parse(r.createdAt)).toBe(5 * 60_000);
  });
});

describe('history of decisions', () => {
  it('lists decided requests newest first, filters them, and pages with a cursor', async () => {
    t = await startTestCore();
    const a = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: '/w', pid: null });
    const b = await t.client.api.startSession({ agent: 'codex', argv: ['codex'], cwd: '/w', pid: null });
    const ids: string[] = [];
    for (const [i, command] of ['rm -rf build', 'git push', 'npm test', 'echo 100%_done', 'ls'].entries()) {
      const r = await heldRequest(command, i % 2 ? b.session.id : a.session.id, i % 2 ? 'codex' : 'claude');
      await t.client.api.decide({ id: r.id, decision: i % 2 ? 'deny' : 'allow', via: 'window' });
      ids.push(r.id);
    }
    await heldRequest('still waiting', a.session.id);

    const all = await t.client.api.listHistory({});
    expect(all.items.map((r) => r.id)).toEqual([...ids].reverse());
    expect(all.nextCursor).toBeNull();
    expect(all.items.every((r) => r.decision?.decidedBy === 'human:window')).toBe(true);

    const denied = await t.client.api.listHistory({ status: 'denied' });
    expect(denied.items.map((r) => r.command)).toEqual(['echo 100%_done', 'git push']);
    expect((await t.client.api.listHistory({ agent: 'claude' })).items).toHaveLength(3);
    expect((await t.client.api.listHistory({ sessionId: b.session.id })).items).toHaveLength(2);
    // % and _ are matched literally, and case does not matter.
    expect((await t.client.api.listHistory({ search: '0%_' })).items.map((r) => r.command)).toEqual(['echo 100%_done']);
    expect((await t.client.api.listHistory({ search: 'RM -RF' })).items.map((r) => r.command)).toEqual([
      'rm -rf build',
    ]);
    expect((await t.client.api.listHistory({ decidedBy: 'timeout' })).items).toEqual([]);

    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await t.client.api.listHistory({ limit: 2, cursor });
      pages.push(page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual([ids.slice(3).reverse(), ids.slice(1, 3).reverse(), [ids[0]]]);
  });

  it('rejects a malformed query or cursor', async () => {
    t = await startTestCore();
    for (const q of [{ limit: 0 }, { limit: 10_000 }, { status: 'pending' }, { cursor: 'nonsense' }]) {
      const err = await t.client.api.listHistory(q as never).catch((e: unknown) => e);
      expect((err as ApiError).code).toBe('invalid_input');
    }
  });
});
