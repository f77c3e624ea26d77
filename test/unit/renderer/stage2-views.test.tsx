// @vitest-environment happy-dom
// The Rules, Replay and Sessions views, trust and auto-allow, and the recording settings: their states, names, and
// the commands they send. Terminals are fake surfaces (xterm.js needs a real browser; the e2e tests use it).
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TerminalInfo } from '../../../shared/domain.ts';
import type { RecordingInfo } from '../../../shared/recording.ts';
import type { Rule } from '../../../shared/rules.ts';
import { DEFAULT_SETTINGS } from '../../../shared/settings.ts';
import { useReplay } from '../../../renderer/stores/replay.ts';
import { useRules } from '../../../renderer/stores/rules.ts';
import { useSessions } from '../../../renderer/stores/sessions.ts';
import { useSettings } from '../../../renderer/stores/settings.ts';
import { useTerminals } from '../../../renderer/stores/terminals.ts';
import { Player } from '../../../renderer/terminal/player.ts';
import { recordingSource } from '../../../renderer/app/replay-commands.ts';
import { Replay } from '../../../renderer/views/replay/Replay.tsx';
import { Rules } from '../../../renderer/views/rules/Rules.tsx';
import { Sessions } from '../../../renderer/views/sessions/Sessions.tsx';
import { Settings } from '../../../renderer/views/settings/Settings.tsx';
import { fakeCommands, fakeSurfaces, renderInApp, resetStores } from './support.tsx';

beforeEach(resetStores);
afterEach(cleanup);

function rule(over: Partial<Rule> = {}): Rule {
  return {
    id: 'rule0001',
    effect: 'allow',
    kind: 'prefix',
    pattern: 'npm test',
    scope: { type: 'project', dir: '/home/dev/app' },
    enabled: true,
    source: 'learned:req1',
    note: null,
    createdAt: '2026-01-01T00:00:00Z',
    expiresAt: null,
    hits: 7,
    lastHitAt: '2026-01-02T00:00:00Z',
    ...over,
  };
}

describe('rules view', () => {
  it('loads on open and lists each rule with its effect, scope, expiry, hits and source; rows enable, disable and delete', () => {
    const commands = fakeCommands();
    renderInApp(<Rules />, commands);
    expect(commands.loadRules).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status').textContent).toContain('Loading rules');
    act(() =>
      useRules.getState().rulesLoaded([
        rule(),
        rule({
          id: 'rule0002',
          effect: 'deny',
          kind: 'glob',
          pattern: 'git push * main',
          scope: { type: 'global' },
          enabled: false,
          hits: 0,
          lastHitAt: null,
        }),
      ]),
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows[0]?.textContent).toContain('Starts with');
    expect(rows[0]?.textContent).toContain('Project /home/dev/app');
    expect(rows[0]?.textContent).toContain('never');
    expect(rows[0]?.textContent).toContain('learned:req1');
    expect(rows[1]?.textContent).toContain('Deny');
    expect(rows[1]?.textContent).toContain('disabled');
    fireEvent.click(screen.getByRole('button', { name: 'Disable prefix:npm test' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enable glob:git push * main' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete glob:git push * main' }));
    expect(commands.setRuleEnabled.mock.calls).toEqual([
      ['rule0001', false],
      ['rule0002', true],
    ]);
    expect(commands.removeRule).toHaveBeenCalledWith('rule0002');
    act(() => useRules.getState().rowFailed('rule0002', 'no rule with id rule0002'));
    expect(within(rows[1] as HTMLElement).getByRole('alert').textContent).toBe('no rule with id rule0002');
  });

  it("adds a rule from the form, and shows the core's refusal without losing what was typed", () => {
    const commands = fakeCommands();
    renderInApp(<Rules />, commands);
    act(() => useRules.getState().rulesLoaded([]));
    expect(screen.getByText('No rules yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add rule…' }));
    const form = screen.getByRole('form', { name: 'Add a rule' });
    fireEvent.change(within(form).getByLabelText('Effect'), { target: { value: 'deny' } });
    fireEvent.change(within(form).getByLabelText('Kind'), { target: { value: 'regex' } });
    fireEvent.change(within(form).getByLabelText('Pattern'), { target: { value: '(a)\\1' } });
    fireEvent.change(within(form).getByLabelText('Applies'), { target: { value: 'project' } });
    fireEvent.change(within(form).getByLabelText('Project directory'), { target: { value: '/srv/app' } });
    fireEvent.change(within(form).getByLabelText('Expires'), { target: { value: '3' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add rule' }));
    expect(commands.saveRule).toHaveBeenCalledWith('new', {
      effect: 'deny',
      kind: 'regex',
      pattern: '(a)\\1',
      scope: { type: 'project', dir: '/srv/app' },
      ttlMs: 7 * 24 * 3_600_000,
      note: '',
    });
    act(() => useRules.getState().saveFailed('"(a)\\1" is not a valid RE2 regular expression'));
    expect(within(form).getByRole('alert').textContent).toContain('not a valid RE2');
    expect((within(form).getByLabelText('Pattern') as HTMLInputElement).value).toBe('(a)\\1');
  });

  it('edits a rule keeping its expiry unless another is chosen', () => {
    const commands = fakeCommands();
    renderInApp(<Rules />, commands);
    act(() => useRules.getState().rulesLoaded([rule()]));
    fireEvent.click(screen.getByRole('button', { name: 'Edit prefix:npm test' }));
    const form = screen.getByRole('form', { name: 'Edit rule rule0001' });
    fireEvent.change(within(form).getByLabelText('Pattern'), { target: { value: 'npm run test' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save rule' }));
    expect(commands.saveRule).toHaveBeenCalledWith('rule0001', {
      effect: 'allow',
      kind: 'prefix',
      pattern: 'npm run test',
      scope: { type: 'project', dir: '/home/dev/app' },
      ttlMs: undefined,
      note: '',
    });
  });

  it('tests a command: which rule decides each part, and the risk', () => {
    const commands = fakeCommands();
    renderInApp(<Rules />, commands);
    act(() => useRules.getState().rulesLoaded([rule()]));
    fireEvent.change(screen.getByLabelText('Command'), { target: { value: 'npm test && rm -rf dist' } });
    fireEvent.change(screen.getByLabelText('In directory'), { target: { value: '/home/dev/app' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test' }));
    expect(commands.testCommand).toHaveBeenCalledWith('npm test && rm -rf dist', '/home/dev/app');
    act(() => {
      useRules.getState().testStarted('npm test && rm -rf dist', '/home/dev/app');
      useRules.getState().testExplained({
        decision: 'hold',
        by: 'human',
        reason: 'Held for a person: rm -rf dist has no rule.',
        ruleIds: ['rule0001'],
        risk: {
          score: 40,
          level: 'medium',
          categories: ['delete'],
          reasons: ['deletes dist recursively, inside the project'],
        },
        segments: [
          {
            text: 'npm test',
            level: 'low',
            matches: [{ ruleId: 'rule0001', effect: 'allow', kind: 'prefix', pattern: 'npm test' }],
            verdict: 'allowed by rule rule0001',
          },
          { text: 'rm -rf dist', level: 'medium', matches: [], verdict: 'no rule matches' },
        ],
      });
    });
    const result = screen.getByRole('status', { name: 'How Gatehouse would decide' });
    expect(result.textContent).toContain('Held for you');
    expect(result.textContent).toContain('deletes dist recursively');
    expect(
      within(result)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual(['npm testlowallowed by rule rule0001', 'rm -rf distmediumno rule matches']);
  });
});

const info: RecordingInfo = {
  sessionId: 'sess0001',
  source: 'live',
  cols: 80,
  rows: 24,
  startedAt: '2026-01-01T00:00:00Z',
  durationMs: 10_000,
  eventCount: 3,
  outputBytes: 10,
  storedBytes: 10,
  recording: false,
  markers: [
    { atMs: 2000, kind: 'marker', label: 'r1 held: make deploy', requestId: 'r1', decision: null },
    { atMs: 3000, kind: 'marker', label: 'r1 denied by human:window: make deploy', requestId: 'r1', decision: 'deny' },
    { atMs: 6000, kind: 'marker', label: 'r2 allowed by rule:x: ls', requestId: 'r2', decision: 'allow' },
    { atMs: 7000, kind: 'gap', label: 'recording gap', requestId: null, decision: null },
  ],
};

/** The recording's screen at any moment is `[screen at N]`, with no events: what a seek drew is plain to see. */
function playsScreens(commands: ReturnType<typeof fakeCommands>): void {
  const api = {
    screenAt: async ({ atMs }: { atMs: number }) => ({
      sessionId: 'sess0001',
      atMs,
      cols: 80,
      rows: 24,
      data: `[screen at ${atMs}]`,
    }),
    recordingEvents: async () => ({ events: [], nextFromMs: null }),
  };
  commands.createPlayer.mockImplementation(
    (i, surface) => new Player(recordingSource(api as never, i), surface, (s) => useReplay.getState().playerChanged(s)),
  );
}

describe('replay view', () => {
  it('marks each interception by its decision, and seeks to a marker, the next and the previous', async () => {
    const commands = fakeCommands();
    const surfaces = fakeSurfaces();
    playsScreens(commands);
    renderInApp(<Replay />, commands, 'browser', surfaces.factory);
    expect(screen.getByText('No recording open')).toBeTruthy();
    act(() => {
      useReplay.getState().replayOpened('sess0001');
      useReplay.getState().recordingLoaded(info);
    });
    const markers = within(screen.getByRole('list', { name: 'Interceptions' })).getAllByRole('button');
    expect(markers.map((m) => m.className)).toEqual([
      'marker marker-undecided',
      'marker marker-denied',
      'marker marker-allowed',
    ]);
    const surface = () => surfaces.made[0]?.surface;
    await waitFor(() => expect(surface()?.text()).toBe('[screen at 0]'));
    fireEvent.click(markers[1] as HTMLElement);
    await waitFor(() => expect(surface()?.text()).toBe('[screen at 3000]'));
    fireEvent.click(screen.getByRole('button', { name: 'Next interception' }));
    await waitFor(() => expect(surface()?.text()).toBe('[screen at 6000]'));
    expect((screen.getByRole('button', { name: 'Next interception' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Previous interception' }));
    await waitFor(() => expect(surface()?.text()).toBe('[screen at 3000]'));
    fireEvent.change(screen.getByLabelText('Speed'), { target: { value: '16' } });
    expect(useReplay.getState().speed).toBe(16);
  });

  it('searches inside the recording and seeks to a hit; deletes only an ended session, after asking', async () => {
    const commands = fakeCommands();
    const surfaces = fakeSurfaces();
    playsScreens(commands);
    renderInApp(<Replay />, commands, 'browser', surfaces.factory);
    act(() => {
      useSessions.getState().sessionsLoaded([
        {
          id: 'sess0001',
          agent: 'shell',
          argv: ['bash'],
          cwd: '/w',
          pid: 1,
          startedAt: '2026-01-01T00:00:00Z',
          endedAt: '2026-01-01T00:10:00Z',
          exitCode: 0,
        },
      ]);
      useReplay.getState().replayOpened('sess0001');
      useReplay.getState().recordingLoaded(info);
    });
    fireEvent.change(screen.getByLabelText('Find in this recording'), { target: { value: 'permission denied' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(commands.searchRecording).toHaveBeenCalledWith('sess0001', 'permission denied');
    act(() =>
      useReplay
        .getState()
        .searchFinished([{ sessionId: 'sess0001', atMs: 4200, snippet: 'cat: x: [Permission denied]' }]),
    );
    const hit = within(screen.getByRole('list', { name: 'Matches' })).getByRole('button');
    expect(hit.textContent).toContain('0:04');
    fireEvent.click(hit);
    await waitFor(() => expect(surfaces.made[0]?.surface.text()).toBe('[screen at 4200]'));
    fireEvent.click(screen.getByRole('button', { name: 'Delete session…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete for good' }));
    expect(commands.deleteSession).toHaveBeenCalledWith('sess0001');
  });

  it('follows a recording still being written: the bar grows with new markers, on the same player, until it is closed', async () => {
    const commands = fakeCommands();
    const surfaces = fakeSurfaces();
    const stopFollowing = vi.fn();
    commands.followRecording.mockImplementation(() => stopFollowing);
    playsScreens(commands);
    renderInApp(<Replay />, commands, 'browser', surfaces.factory);
    const live = { ...info, recording: true };
    act(() => {
      useReplay.getState().replayOpened('sess0001');
      useReplay.getState().recordingLoaded(live);
    });
    expect(commands.followRecording).toHaveBeenCalledWith('sess0001');
    expect(screen.getByRole('status').textContent).toContain('Still recording');
    const surface = () => surfaces.made[0]?.surface;
    await waitFor(() => expect(surface()?.text()).toBe('[screen at 0]'));
    const later = {
      atMs: 14_000,
      kind: 'marker' as const,
      label: 'r3 held: rm -rf build',
      requestId: 'r3',
      decision: null,
    };
    act(() =>
      useReplay.getState().recordingRefreshed({ ...live, durationMs: 15_000, markers: [...info.markers, later] }),
    );
    expect(screen.getByLabelText('Position in the recording').getAttribute('max')).toBe('15000');
    const markers = within(screen.getByRole('list', { name: 'Interceptions' })).getAllByRole('button');
    expect(markers).toHaveLength(4);
    // The player reads past the end it was made with.
    fireEvent.click(markers[3] as HTMLElement);
    await waitFor(() => expect(surface()?.text()).toBe('[screen at 14000]'));
    expect(surfaces.made).toHaveLength(1);
    expect(stopFollowing).not.toHaveBeenCalled();
    act(() =>
      useReplay
        .getState()
        .recordingRefreshed({ ...live, durationMs: 15_500, recording: false, markers: [...info.markers, later] }),
    );
    expect(stopFollowing).toHaveBeenCalledTimes(1);
    expect(commands.followRecording).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status').textContent).not.toContain('Still recording');
  });
});

const terminal = (over: Partial<TerminalInfo> = {}): TerminalInfo => ({
  sessionId: 'term0001',
  agent: 'shell',
  argv: ['/bin/bash'],
  cwd: '/home/dev/app',
  shell: 'bash',
  cols: 80,
  rows: 24,
  pid: 42,
  startedAt: '2026-01-01T00:00:00Z',
  exitCode: null,
  paused: false,
  ...over,
});

describe('sessions view', () => {
  it('starts a session in a directory, shows the live terminal attached, and replays an ended one', () => {
    const commands = fakeCommands();
    const surfaces = fakeSurfaces();
    renderInApp(<Sessions />, commands, 'browser', surfaces.factory);
    expect(commands.loadTerminals).toHaveBeenCalledTimes(1);
    act(() => {
      useSessions.getState().sessionsLoaded([]);
      useTerminals.getState().terminalsLoaded([]);
    });
    expect(screen.getByText('No terminals yet')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'New session' });
    fireEvent.change(within(form).getByLabelText('Run'), { target: { value: 'claude' } });
    fireEvent.change(within(form).getByLabelText('In directory'), { target: { value: 'relative/dir' } });
    expect((within(form).getByRole('button', { name: 'Start session' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText('In directory'), { target: { value: '/home/dev/app' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Start session' }));
    expect(commands.startTerminal).toHaveBeenCalledWith({
      agent: 'claude',
      cwd: '/home/dev/app',
      size: { cols: 100, rows: 30 },
    });
    act(() => useTerminals.getState().terminalStarted(terminal()));
    expect(screen.getByRole('tab', { name: /bash/ }).getAttribute('aria-selected')).toBe('true');
    expect(commands.attachTerminal).toHaveBeenCalledWith('term0001', surfaces.made[0]?.surface);
    expect(surfaces.made[0]?.options).toMatchObject({ readOnly: false, label: 'Terminal: bash in /home/dev/app' });
    // The core pausing and resuming the pty shows and hides the hint, with no reload.
    const pausedHint = () => screen.queryByText(/paused: waiting for a viewer or the recording to catch up/);
    expect(pausedHint()).toBeNull();
    act(() => useTerminals.getState().terminalFlowChanged('term0001', true));
    expect(pausedHint()).toBeTruthy();
    act(() => useTerminals.getState().terminalFlowChanged('term0001', false));
    expect(pausedHint()).toBeNull();
    // The same surface all along: only the flag changed.
    expect(surfaces.made).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Kill' }));
    expect(commands.killTerminal).toHaveBeenCalledWith('term0001');
    act(() => useTerminals.getState().terminalExited('term0001', 0));
    fireEvent.click(within(screen.getByRole('tabpanel')).getByRole('button', { name: 'Replay' }));
    expect(commands.openReplay).toHaveBeenCalledWith('term0001');
  });
});

describe('recording settings', () => {
  it("saves auto-allow, retention and redaction patterns, and shows the core's refusal of a pattern", () => {
    const commands = fakeCommands();
    renderInApp(<Settings />, commands);
    act(() => useSettings.getState().settingsLoaded(DEFAULT_SETTINGS));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Allow commands rated low risk without asking' }));
    const days = screen.getByLabelText('Delete ended sessions after (days)');
    fireEvent.change(days, { target: { value: '7' } });
    fireEvent.blur(days);
    const mb = screen.getByLabelText('Keep recordings under (MB)');
    fireEvent.change(mb, { target: { value: '0' } });
    fireEvent.blur(mb);
    expect(mb.getAttribute('aria-invalid')).toBe('true');
    const patterns = screen.getByLabelText(/Also redact these secret shapes/);
    fireEvent.change(patterns, { target: { value: 'ACME-[0-9]{6}\n\n(a+)+\n' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save patterns' }));
    expect(commands.updateSettings.mock.calls.map(([p]) => p)).toEqual([
      { autoAllowLowRisk: true },
      { retention: { maxAgeDays: 7, maxTotalMB: DEFAULT_SETTINGS.retention.maxTotalMB } },
      { redactionPatterns: ['ACME-[0-9]{6}', '(a+)+'] },
    ]);
    act(() => useSettings.getState().saveFailed('redactionPatterns.1: "(a+)+" backtracks catastrophically'));
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
      'redactionPatterns.1: "(a+)+" backtracks catastrophically',
    );
  });
});
