// @vitest-environment happy-dom
// The Replay view: opened with nothing chosen it shows the newest recording; the chapter list beside the player and
// the labelled markers on the bar tell each interception once (held and decided merged) with its command, risk and
// who decided, and follow the play head; search hits read as text with the match highlighted; a recording still
// being written grows in place. Terminals are fake surfaces (xterm.js needs a real browser; the e2e tests use it).
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../../../../shared/domain.ts';
import type { RecordingInfo } from '../../../../../shared/recording.ts';
import { recordingSource } from '../../../../../renderer/app/replay-commands.ts';
import { useReplay } from '../../../../../renderer/stores/replay.ts';
import { useSessions } from '../../../../../renderer/stores/sessions.ts';
import { Player } from '../../../../../renderer/terminal/player.ts';
import {
  chapterAfter,
  chapterBefore,
  chapters,
  currentChapter,
} from '../../../../../renderer/views/replay/chapters.ts';
import { Replay } from '../../../../../renderer/views/replay/Replay.tsx';
import { lanes } from '../../../../../renderer/views/replay/SeekBar.tsx';
import { decided, fakeCommands, fakeSurfaces, heldRequest, renderInApp, resetStores } from '../../support.tsx';

beforeEach(resetStores);
afterEach(cleanup);

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
    { atMs: 6000, kind: 'marker', label: 'r2 allowed by rule:k3f9x2a7: ls', requestId: 'r2', decision: 'allow' },
    { atMs: 7000, kind: 'gap', label: 'recording gap', requestId: null, decision: null },
  ],
};

const session = (over: Partial<Session> = {}): Session => ({
  id: 'sess0001',
  agent: 'shell',
  argv: ['bash'],
  cwd: '/w',
  pid: 1,
  startedAt: '2026-01-01T00:00:00Z',
  endedAt: '2026-01-01T00:10:00Z',
  exitCode: 0,
  ...over,
});

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

function openWith(recording: RecordingInfo = info) {
  act(() => {
    useReplay.getState().replayOpened(recording.sessionId);
    useReplay.getState().recordingLoaded(recording);
  });
}

describe('chapters', () => {
  it('one per interception: held and decided merged, seeking to when it was held; labels speak until the request is known', () => {
    expect(chapters(info, {})).toEqual([
      {
        requestId: 'r1',
        number: 1,
        atMs: 2000,
        decidedAtMs: 3000,
        command: 'make deploy',
        status: 'denied',
        decidedBy: 'human:window',
        reason: null,
        risk: null,
      },
      {
        requestId: 'r2',
        number: 2,
        atMs: 6000,
        decidedAtMs: null,
        command: 'ls',
        status: 'allowed',
        decidedBy: 'rule:k3f9x2a7',
        reason: null,
        risk: null,
      },
    ]);
    // The request says it best: the whole command (labels are cut short), its risk, the reason.
    const r1 = decided(
      heldRequest({
        id: 'r1',
        command: 'make deploy ENV=production',
        risk: { score: 70, level: 'high', categories: [], reasons: [] },
      }),
      'deny',
      'not on a Friday',
    );
    expect(chapters(info, { r1 })[0]).toMatchObject({
      command: 'make deploy ENV=production',
      risk: 'high',
      status: 'denied',
      decidedBy: 'human:cli',
      reason: 'not on a Friday',
    });
  });

  it('the current chapter is the last one begun at the play head; next and previous move by chapter, however close', () => {
    const close: RecordingInfo = {
      ...info,
      markers: [
        ...info.markers,
        { atMs: 6100, kind: 'marker', label: 'r3 held: ls -a', requestId: 'r3', decision: null },
      ],
    };
    const list = chapters(close, {});
    expect(currentChapter(list, 1999)).toBeNull();
    expect(currentChapter(list, 2000)?.requestId).toBe('r1');
    expect(currentChapter(list, 5000)?.requestId).toBe('r1');
    expect(currentChapter(list, 6000)?.requestId).toBe('r2');
    expect(chapterAfter(list, 0)?.requestId).toBe('r1');
    // r3 came 100 ms after r2: still the next one.
    expect(chapterAfter(list, 6000)?.requestId).toBe('r3');
    expect(chapterAfter(list, 6100)).toBeNull();
    expect(chapterBefore(list, 6100)?.requestId).toBe('r2');
    // Well into a chapter, previous goes back to its start first.
    expect(chapterBefore(list, 4000)?.requestId).toBe('r1');
    expect(chapterBefore(list, 2000)).toBeNull();
  });

  it('markers close together on the bar take separate lanes, up to three', () => {
    expect(lanes([0.1, 0.5, 0.9])).toEqual([0, 0, 0]);
    expect(lanes([0.1, 0.11, 0.12, 0.13, 0.5])).toEqual([0, 1, 2, 0, 0]);
  });
});

describe('replay view', () => {
  it('with nothing chosen, opens the newest recording once the sessions are known, and says when there is none', () => {
    const commands = fakeCommands();
    renderInApp(<Replay />, commands);
    expect(screen.getByRole('status').textContent).toContain('Opening the newest recording');
    expect(commands.openLatestReplay).not.toHaveBeenCalled();
    act(() => useSessions.getState().sessionsLoaded([session()]));
    expect(commands.openLatestReplay).toHaveBeenCalledTimes(1);
    act(() => {
      useReplay.getState().latestLooked();
      useReplay.getState().latestNotFound();
    });
    expect(screen.getByText('No recordings yet')).toBeTruthy();
    expect(commands.openLatestReplay).toHaveBeenCalledTimes(1);
  });

  it('lists each interception beside the player with its command, risk, outcome and who decided; choosing one seeks there', async () => {
    const commands = fakeCommands();
    const surfaces = fakeSurfaces();
    playsScreens(commands);
    renderInApp(<Replay />, commands, 'browser', surfaces.factory);
    openWith();
    act(() =>
      useReplay.getState().requestsSeen([
        decided(
          heldRequest({
            id: 'r1',
            command: 'make deploy',
            risk: { score: 70, level: 'high', categories: [], reasons: [] },
          }),
          'deny',
          'not on a Friday',
        ),
        // Another session's request is not this recording's.
        heldRequest({ id: 'r9', sessionId: 'sess0002' }),
      ]),
    );
    const list = screen.getByRole('navigation', { name: /Interceptions/ });
    const items = within(list).getAllByRole('button');
    expect(items.map((b) => b.textContent)).toEqual([
      '10:02highmake deploy✕ Denied · A person, with the CLI · after 1 secondnot on a Friday',
      '20:06ls✓ Allowed · Rule k3f9x2a7',
    ]);
    expect(useReplay.getState().requests.r9).toBeUndefined();
    // The bar: one marker per interception, numbered, its outcome as a sign, the whole chapter as its name.
    const markers = within(screen.getByRole('list', { name: 'Interceptions on the bar' })).getAllByRole('button');
    expect(markers.map((m) => [m.textContent, m.className])).toEqual([
      ['1✕', 'marker marker-denied'],
      ['2✓', 'marker marker-allowed'],
    ]);
    expect(markers[0]?.getAttribute('aria-label')).toBe(
      '1. 0:02 make deploy · Denied · A person, with the CLI · high risk',
    );
    const surface = () => surfaces.made[0]?.surface;
    await waitFor(() => expect(surface()?.text()).toBe('[screen at 0]'));
    fireEvent.click(items[1] as HTMLElement);
    await waitFor(() => expect(surface()?.text()).toBe('[screen at 6000]'));
    // The list and the bar follow the play head.
    expect(items[1]?.getAttribute('aria-current')).toBe('step');
    expect(markers[1]?.getAttribute('aria-current')).toBe('true');
    expect(items[0]?.getAttribute('aria-current')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Previous interception' }));
    await waitFor(() => expect(surface()?.text()).toBe('[screen at 2000]'));
    expect(items[0]?.getAttribute('aria-current')).toBe('step');
    fireEvent.click(markers[1] as HTMLElement);
    await waitFor(() => expect(surface()?.text()).toBe('[screen at 6000]'));
    expect((screen.getByRole('button', { name: 'Next interception' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Speed'), { target: { value: '16' } });
    expect(useReplay.getState().speed).toBe(16);
  });

  it('says so when nothing was held while recording', () => {
    const commands = fakeCommands();
    playsScreens(commands);
    renderInApp(<Replay />, commands, 'browser', fakeSurfaces().factory);
    openWith({ ...info, markers: [] });
    expect(screen.getByText('Nothing was held or decided while this was recorded.')).toBeTruthy();
  });

  it('switches to another session from the list in its header, newest first', () => {
    const commands = fakeCommands();
    playsScreens(commands);
    renderInApp(<Replay />, commands, 'browser', fakeSurfaces().factory);
    act(() =>
      useSessions
        .getState()
        .sessionsLoaded([
          session(),
          session({ id: 'sess0002', agent: 'claude', startedAt: '2026-01-02T00:00:00Z', endedAt: null }),
        ]),
    );
    openWith();
    const picker = screen.getByLabelText('Session') as HTMLSelectElement;
    expect([...picker.options].map((o) => o.value)).toEqual(['sess0002', 'sess0001']);
    expect(picker.options[0]?.textContent).toMatch(/^Claude Code · sess0002 · .* · running$/);
    fireEvent.change(picker, { target: { value: 'sess0002' } });
    expect(commands.openReplay).toHaveBeenCalledWith('sess0002');
  });

  it('shows search hits as text with the match highlighted, and seeks to one; deletes only an ended session, after asking', async () => {
    const commands = fakeCommands();
    const surfaces = fakeSurfaces();
    playsScreens(commands);
    renderInApp(<Replay />, commands, 'browser', surfaces.factory);
    act(() => useSessions.getState().sessionsLoaded([session()]));
    openWith();
    fireEvent.change(screen.getByLabelText('Find in this recording'), { target: { value: 'permission denied' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(commands.searchRecording).toHaveBeenCalledWith('sess0001', 'permission denied');
    act(() =>
      useReplay.getState().searchFinished([
        {
          sessionId: 'sess0001',
          atMs: 4200,
          // Brackets in the output stay as they are: the match is not marked inside the text.
          snippet: 'cat: [x]: Permission denied',
          match: { start: 10, length: 17 },
        },
      ]),
    );
    const hit = within(screen.getByRole('list', { name: 'Matches' })).getByRole('button');
    expect(hit.textContent).toBe('0:04cat: [x]: Permission denied');
    expect(hit.querySelector('mark')?.textContent).toBe('Permission denied');
    fireEvent.click(hit);
    await waitFor(() => expect(surfaces.made[0]?.surface.text()).toBe('[screen at 4200]'));
    fireEvent.click(screen.getByRole('button', { name: 'Delete session…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete for good' }));
    expect(commands.deleteSession).toHaveBeenCalledWith('sess0001');
  });

  it('follows a recording still being written: the bar and the list grow, on the same player, until it is closed', async () => {
    const commands = fakeCommands();
    const surfaces = fakeSurfaces();
    const stopFollowing = vi.fn();
    commands.followRecording.mockImplementation(() => stopFollowing);
    playsScreens(commands);
    renderInApp(<Replay />, commands, 'browser', surfaces.factory);
    const live = { ...info, recording: true };
    openWith(live);
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
    const markers = within(screen.getByRole('list', { name: 'Interceptions on the bar' })).getAllByRole('button');
    expect(markers.map((m) => m.textContent)).toEqual(['1✕', '2✓', '3⏸']);
    // The player reads past the end it was made with.
    fireEvent.click(markers[2] as HTMLElement);
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
    expect(screen.queryByText(/Still recording/)).toBeNull();
  });
});
