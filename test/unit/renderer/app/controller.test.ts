// The controller between one connection and the stores, against a fake core.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type CoreApi, type HistoryPage } from '../../../../shared/api.ts';
import type { CoreEvent, TerminalEvent, TerminalInfo } from '../../../../shared/domain.ts';
import { DEFAULT_SETTINGS } from '../../../../shared/settings.ts';
import type { Connection } from '../../../../renderer/api/client.ts';
import { Controller } from '../../../../renderer/app/controller.ts';
import { useAudit } from '../../../../renderer/stores/audit.ts';
import { useApp } from '../../../../renderer/stores/connection.ts';
import { useInbox } from '../../../../renderer/stores/inbox.ts';
import { useSessions } from '../../../../renderer/stores/sessions.ts';
import { useSettings } from '../../../../renderer/stores/settings.ts';
import { useTerminals } from '../../../../renderer/stores/terminals.ts';
import { useTrust } from '../../../../renderer/stores/trust.ts';
import { decided, FakeSurface, heldRequest, resetStores } from '../support.tsx';

beforeEach(resetStores);

function fakeConnection(api: Partial<CoreApi>) {
  const listeners = new Set<(e: CoreEvent) => void>();
  const terminalListeners = new Set<(e: TerminalEvent) => void>();
  let close: (why: string) => void = () => {};
  const connection: Connection = {
    api: {
      subscribe: async () => true,
      listPending: async () => [],
      listSessions: async () => [],
      getSettings: async () => DEFAULT_SETTINGS,
      ...api,
    } as CoreApi,
    onTerminalEvent: (l) => {
      terminalListeners.add(l);
      return () => terminalListeners.delete(l);
    },
    onEvent: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    closed: new Promise<string>((resolve) => (close = resolve)),
    close: () => {},
  };
  return {
    connection,
    emit: (e: CoreEvent) => listeners.forEach((l) => l(e)),
    emitTerminal: (e: TerminalEvent) => terminalListeners.forEach((l) => l(e)),
    lose: (why: string) => close(why),
  };
}

describe('controller', () => {
  it('subscribes before loading, so a request held during the first load is not lost', async () => {
    const early = heldRequest();
    const late = heldRequest();
    let emit: (e: CoreEvent) => void = () => {};
    const f = fakeConnection({
      listPending: async () => {
        emit({ type: 'request.held', request: late });
        return [early];
      },
    });
    emit = f.emit;
    await new Controller(f.connection).start();
    expect(useInbox.getState().cards.map((c) => c.id)).toEqual([early.id, late.id]);
    expect(useApp.getState().connection).toEqual({ state: 'open' });
    expect(useSettings.getState().settings).toEqual(DEFAULT_SETTINGS);
  });

  it('routes events to every store that cares, and reports a lost connection', async () => {
    const f = fakeConnection({});
    const seen: CoreEvent[] = [];
    await new Controller(f.connection, (e) => seen.push(e)).start();
    const r = heldRequest();
    useAudit.getState().filterChanged({});
    useAudit.getState().firstPageLoaded([], null);
    f.emit({ type: 'request.held', request: r });
    f.emit({ type: 'request.decided', request: decided(r, 'deny') });
    f.emit({
      type: 'session.started',
      session: {
        id: 's1',
        agent: 'codex',
        argv: ['codex'],
        cwd: '/w',
        pid: null,
        startedAt: r.createdAt,
        endedAt: null,
        exitCode: null,
      },
    });
    f.emit({ type: 'settings.changed', settings: { ...DEFAULT_SETTINGS, theme: 'dark' } });
    expect(useInbox.getState().cards).toEqual([]);
    expect(useAudit.getState().items.map((x) => x.id)).toEqual([r.id]);
    expect(useSessions.getState().sessions.map((s) => s.id)).toEqual(['s1']);
    expect(useSettings.getState().settings?.theme).toBe('dark');
    expect(seen.map((e) => e.type)).toEqual(['request.held', 'request.decided']);
    f.lose('The core stopped.');
    await vi.waitFor(() =>
      expect(useApp.getState().connection).toEqual({ state: 'lost', message: 'The core stopped.' }),
    );
  });

  it('decides through the API as the window, and shows what happened when someone else decided first', async () => {
    const r = heldRequest();
    const decide = vi.fn<CoreApi['decide']>(async () => {
      throw new ApiError('already_decided', 'already denied');
    });
    const f = fakeConnection({
      listPending: async () => [r],
      decide,
      getRequest: async () => decided(r, 'deny', 'from the CLI'),
    });
    const c = new Controller(f.connection);
    await c.start();
    useInbox.getState().cardSelected(r.id);
    await c.decide(r.id, 'allow', '  ');
    expect(decide).toHaveBeenCalledWith({ id: r.id, decision: 'allow', reason: undefined, via: 'window' });
    expect(useInbox.getState().cards[0]?.decision?.reason).toBe('from the CLI');
    // Decided: a second attempt does not reach the API.
    await c.decide(r.id, 'deny');
    expect(decide).toHaveBeenCalledTimes(1);
  });

  it('keeps the card and says why when the decision fails', async () => {
    const r = heldRequest();
    const f = fakeConnection({
      listPending: async () => [r],
      decide: async () => {
        throw new Error('carrier closed');
      },
    });
    const c = new Controller(f.connection);
    await c.start();
    await c.decide(r.id, 'deny', 'no');
    expect(useInbox.getState().cards.map((x) => x.status)).toEqual(['pending']);
    expect(useInbox.getState().sendErrors[r.id]).toBe('carrier closed');
  });

  it('exports every page that matches the filter', async () => {
    const items = [decided(heldRequest(), 'allow'), decided(heldRequest(), 'deny'), decided(heldRequest(), 'allow')];
    const listHistory = vi.fn<CoreApi['listHistory']>(async (q): Promise<HistoryPage> =>
      q.cursor ? { items: items.slice(2), nextCursor: null } : { items: items.slice(0, 2), nextCursor: 'd2' },
    );
    const c = new Controller(fakeConnection({ listHistory }).connection);
    useAudit.getState().filterChanged({ status: 'allowed' });
    const file = await c.exportHistory('jsonl');
    expect(listHistory.mock.calls.map(([q]) => [q.status, q.cursor])).toEqual([
      ['allowed', undefined],
      ['allowed', 'd2'],
    ]);
    expect(file?.name).toMatch(/^gatehouse-decisions-.*\.jsonl$/);
    expect(file?.text.trimEnd().split('\n')).toHaveLength(3);
  });

  it('"Always allow" decides with the chosen rules as the window; a refused rule keeps the card and says why', async () => {
    const r = heldRequest();
    const decide = vi.fn<CoreApi['decide']>(async (input) => {
      if (Array.isArray(input.remember) && input.remember[0]?.kind === 'regex')
        throw new ApiError('invalid_input', 'not a valid RE2 regular expression');
      return { ...decided(r, 'allow'), remembered: [] };
    });
    const c = new Controller(fakeConnection({ listPending: async () => [r], decide }).connection);
    await c.start();
    const commands = c.commands();
    useInbox.getState().cardSelected(r.id);
    useInbox.getState().allowFormOpened(r.id);
    await commands.alwaysAllow(r.id, [{ kind: 'regex', pattern: '(a)\\1' }]);
    expect(useInbox.getState().sendErrors[r.id]).toBe('not a valid RE2 regular expression');
    expect(useInbox.getState().allowingId).toBe(r.id);
    const rules = [
      { kind: 'prefix' as const, pattern: 'npm test', scope: { type: 'global' as const }, ttlMs: 900_000 },
    ];
    await commands.alwaysAllow(r.id, rules);
    expect(decide).toHaveBeenLastCalledWith({ id: r.id, decision: 'allow', via: 'window', remember: rules });
    expect(useInbox.getState()).toMatchObject({ allowingId: null, sendErrors: {} });
    expect(useInbox.getState().cards[0]?.status).toBe('allowed');
  });

  it("follows trust mode from the status at start and the core's events, and starts it for 15 minutes", async () => {
    const endsAt = new Date(Date.now() + 60_000).toISOString();
    const startTrust = vi.fn<CoreApi['startTrust']>(async () => ({
      active: true,
      endsAt,
      remainingMs: 60_000,
      floor: ['high', 'critical'],
    }));
    const f = fakeConnection({
      status: async () => ({ trust: { active: true, endsAt, remainingMs: 60_000, floor: [] } }) as never,
      startTrust,
    });
    const c = new Controller(f.connection);
    await c.start();
    expect(useTrust.getState().endsAt).toBe(endsAt);
    f.emit({ type: 'trust.ended', why: 'expired' });
    expect(useTrust.getState().endsAt).toBeNull();
    await c.startTrust();
    expect(startTrust).toHaveBeenCalledWith({ durationMs: 15 * 60_000 });
    expect(useTrust.getState().endsAt).toBe(endsAt);
  });

  it("follows a hosted shell's typing trust set from anywhere", async () => {
    const f = fakeConnection({});
    await new Controller(f.connection).start();
    useTerminals.getState().terminalsLoaded([{ sessionId: 't1', typingTrust: 'low' } as TerminalInfo]);
    f.emit({ type: 'terminal.typing', sessionId: 't1', typingTrust: 'none' });
    expect(useTerminals.getState().terminals[0]?.typingTrust).toBe('none');
  });

  it('saves settings and shows a refusal from the core', async () => {
    const f = fakeConnection({
      updateSettings: async () => {
        throw new ApiError('invalid_input', 'holdTimeoutMs: too small');
      },
    });
    const c = new Controller(f.connection);
    await c.start();
    await c.updateSettings({ holdTimeoutMs: 5 });
    expect(useSettings.getState()).toMatchObject({ saving: false, saveError: 'holdTimeoutMs: too small' });
  });

  it("follows a live terminal's paused state from its snapshot and its flow events; its output never reaches a store", async () => {
    const terminal: TerminalInfo = {
      sessionId: 't1',
      agent: 'shell',
      argv: ['bash'],
      cwd: '/w',
      shell: 'bash',
      typingTrust: 'low',
      cols: 80,
      rows: 24,
      pid: 7,
      startedAt: '2026-01-01T00:00:00Z',
      exitCode: null,
      paused: false,
    };
    const f = fakeConnection({
      listTerminals: async () => [terminal],
      attachTerminal: async () => ({
        sessionId: 't1',
        cols: 80,
        rows: 24,
        data: '$ ',
        seq: 0,
        exitCode: null,
        paused: true,
      }),
      ackTerminal: async () => true,
      detachTerminal: async () => true,
    });
    const c = new Controller(f.connection);
    await c.start();
    const commands = c.commands();
    await commands.loadTerminals();
    const paused = () => useTerminals.getState().terminals[0]?.paused;
    expect(paused()).toBe(false);
    const surface = new FakeSurface();
    const detach = commands.attachTerminal('t1', surface);
    // The list is older than the snapshot: the snapshot's state wins.
    await vi.waitFor(() => expect(paused()).toBe(true));
    f.emitTerminal({ type: 'terminal.flow', sessionId: 't1', paused: false });
    expect(paused()).toBe(false);
    const before = useTerminals.getState();
    f.emitTerminal({ type: 'terminal.output', sessionId: 't1', data: 'hello', seq: 1 });
    expect(surface.text()).toBe('$ hello');
    expect(useTerminals.getState()).toBe(before);
    f.emitTerminal({ type: 'terminal.flow', sessionId: 't1', paused: true });
    expect(paused()).toBe(true);
    // An exited program holds nothing back.
    f.emitTerminal({ type: 'terminal.exit', sessionId: 't1', exitCode: 0 });
    expect(useTerminals.getState().terminals[0]).toMatchObject({ exitCode: 0, paused: false });
    detach();
    c.dispose();
  });
});
