// The Replay commands following a recording that is still being written, against a fake core whose recording grows:
// the store takes each longer duration and each new marker, keeps the play head, speed and search, stops looking once
// the recording is closed, and a stopped or overtaken follow changes nothing. Opening one reads its requests for the
// chapter list; the Replay item with nothing chosen opens the newest session that has a recording.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecordingInfo, RecordingMarker } from '../../../../shared/recording.ts';
import { FOLLOW_INTERVAL_MS, replayCommands } from '../../../../renderer/app/replay-commands.ts';
import { useReplay } from '../../../../renderer/stores/replay.ts';
import { useSessions } from '../../../../renderer/stores/sessions.ts';
import { decided, heldRequest, resetStores } from '../support.tsx';

beforeEach(() => {
  resetStores();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const marker = (atMs: number, id: string): RecordingMarker => ({
  atMs,
  kind: 'marker',
  label: `${id} held: make deploy`,
  requestId: id,
  decision: null,
});

function recording(durationMs: number, markers: RecordingMarker[], stillRecording = true): RecordingInfo {
  return {
    sessionId: 'sess0001',
    source: 'live',
    cols: 80,
    rows: 24,
    startedAt: '2026-01-01T00:00:00Z',
    durationMs,
    eventCount: 10,
    outputBytes: 100,
    storedBytes: 50,
    recording: stillRecording,
    markers,
  };
}

/** A core whose recording is each of `looks` in turn (the last one from then on). */
function growingApi(looks: RecordingInfo[]) {
  let i = 0;
  const getRecording = vi.fn(async (sessionId: string) => {
    const info = looks[Math.min(i++, looks.length - 1)] as RecordingInfo;
    return { ...info, sessionId };
  });
  return { getRecording };
}

describe('following a recording that is still being written', () => {
  it('takes each longer duration and new marker, keeps the player, speed and search, and stops once it is closed', async () => {
    const api = growingApi([
      recording(1000, [marker(500, 'r1')]),
      recording(4000, [marker(500, 'r1'), marker(3500, 'r2')]),
      recording(4000, [marker(500, 'r1'), marker(3500, 'r2')]),
      recording(6000, [marker(500, 'r1'), marker(3500, 'r2'), marker(5800, 'r3')], false),
    ]);
    const commands = replayCommands(api as never);
    await commands.openReplay('sess0001');
    expect(useReplay.getState().info?.durationMs).toBe(1000);
    // Where the reviewer is: playing at 0.8 s, 4×, a search done.
    const player = { positionMs: 800, playing: true, busy: false, error: null };
    useReplay.getState().playerChanged(player);
    useReplay.getState().speedChosen(4);
    useReplay
      .getState()
      .searchFinished([{ sessionId: 'sess0001', atMs: 700, snippet: 'deploy', match: { start: 0, length: 6 } }]);
    const search = useReplay.getState().search;

    const stop = commands.followRecording('sess0001');
    await vi.advanceTimersByTimeAsync(FOLLOW_INTERVAL_MS - 1);
    expect(api.getRecording).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(useReplay.getState().info).toMatchObject({ durationMs: 4000, recording: true });
    expect(useReplay.getState().info?.markers.map((m) => m.requestId)).toEqual(['r1', 'r2']);
    expect(useReplay.getState()).toMatchObject({ load: 'ready', player, speed: 4, search });

    await vi.advanceTimersByTimeAsync(2 * FOLLOW_INTERVAL_MS);
    expect(useReplay.getState().info).toMatchObject({ durationMs: 6000, recording: false });
    expect(useReplay.getState().info?.markers.map((m) => m.requestId)).toEqual(['r1', 'r2', 'r3']);
    expect(useReplay.getState()).toMatchObject({ player, speed: 4, search });

    // Closed: nothing more is asked, and no timer is left behind.
    const looks = api.getRecording.mock.calls.length;
    await vi.advanceTimersByTimeAsync(10 * FOLLOW_INTERVAL_MS);
    expect(api.getRecording).toHaveBeenCalledTimes(looks);
    expect(vi.getTimerCount()).toBe(0);
    stop();
  });

  it('stops when the view stops it, and a look that comes back after another recording was opened changes nothing', async () => {
    const api = growingApi([recording(1000, []), recording(2000, [])]);
    const commands = replayCommands(api as never);
    await commands.openReplay('sess0001');
    const stop = commands.followRecording('sess0001');
    stop();
    await vi.advanceTimersByTimeAsync(5 * FOLLOW_INTERVAL_MS);
    expect(api.getRecording).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);

    // A late answer for a recording no longer open.
    useReplay.getState().replayOpened('sess0002');
    useReplay.getState().recordingRefreshed(recording(9000, []));
    expect(useReplay.getState()).toMatchObject({ sessionId: 'sess0002', load: 'loading', info: null });
  });

  it('stops looking when a look fails, keeping what the bar had', async () => {
    const api = growingApi([recording(1000, [marker(500, 'r1')])]);
    const commands = replayCommands(api as never);
    await commands.openReplay('sess0001');
    api.getRecording.mockRejectedValueOnce(new Error('no session with id sess0001'));
    commands.followRecording('sess0001');
    await vi.advanceTimersByTimeAsync(5 * FOLLOW_INTERVAL_MS);
    expect(api.getRecording).toHaveBeenCalledTimes(2);
    expect(useReplay.getState().info?.durationMs).toBe(1000);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('opening a recording', () => {
  it('reads its session’s requests, held and decided, page by page, for the chapter list', async () => {
    const api = {
      ...growingApi([recording(1000, [marker(500, 'r1'), marker(700, 'r2')])]),
      listPending: vi.fn(async () => [
        heldRequest({ id: 'r2', sessionId: 'sess0001' }),
        heldRequest({ id: 'x1', sessionId: 'other' }),
      ]),
      listHistory: vi.fn(async ({ cursor }: { cursor?: string }) =>
        cursor
          ? { items: [decided(heldRequest({ id: 'r0' }), 'deny')], nextCursor: null }
          : { items: [decided(heldRequest({ id: 'r1' }), 'allow')], nextCursor: 'c1' },
      ),
    };
    await replayCommands(api as never).openReplay('sess0001');
    expect(api.listHistory.mock.calls.map(([q]) => q)).toEqual([
      { sessionId: 'sess0001', limit: 500, cursor: undefined },
      { sessionId: 'sess0001', limit: 500, cursor: 'c1' },
    ]);
    expect(Object.keys(useReplay.getState().requests).sort()).toEqual(['r0', 'r1', 'r2']);
  });

  it('the Replay item with nothing chosen opens the newest session that has a recording, or says none has', async () => {
    const sessions = ['2026-01-01', '2026-01-03', '2026-01-02'].map((day, i) => ({
      id: `s${i + 1}`,
      agent: 'claude' as const,
      argv: ['claude'],
      cwd: '/w',
      pid: null,
      startedAt: `${day}T00:00:00.000Z`,
      endedAt: null,
      exitCode: null,
    }));
    useSessions.getState().sessionsLoaded(sessions);
    const asked: string[] = [];
    const api = {
      // s2 is the newest but was never recorded (a hook-only session).
      getRecording: vi.fn(async (id: string) => {
        asked.push(id);
        if (id === 's2') throw new Error('no recording for session s2');
        return { ...recording(1000, [], false), sessionId: id };
      }),
      listPending: vi.fn(async () => []),
      listHistory: vi.fn(async () => ({ items: [], nextCursor: null })),
    };
    await replayCommands(api as never).openLatestReplay();
    expect(asked).toEqual(['s2', 's3']);
    expect(useReplay.getState()).toMatchObject({ sessionId: 's3', load: 'ready', latest: 'idle' });

    useReplay.getState().replayClosed();
    api.getRecording.mockRejectedValue(new Error('no recording'));
    await replayCommands(api as never).openLatestReplay();
    expect(useReplay.getState()).toMatchObject({ sessionId: null, latest: 'none' });
  });
});
