// @vitest-environment happy-dom
// The Replay view: interceptions marked by their decision and sought to, search inside a recording, deleting an ended
// session, and following a recording still being written. Terminals are fake surfaces (xterm.js needs a real browser;
// the e2e tests use it).
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecordingInfo } from '../../../../../shared/recording.ts';
import { useReplay } from '../../../../../renderer/stores/replay.ts';
import { useSessions } from '../../../../../renderer/stores/sessions.ts';
import { Player } from '../../../../../renderer/terminal/player.ts';
import { recordingSource } from '../../../../../renderer/app/replay-commands.ts';
import { Replay } from '../../../../../renderer/views/replay/Replay.tsx';
import { fakeCommands, fakeSurfaces, renderInApp, resetStores } from '../../support.tsx';

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
