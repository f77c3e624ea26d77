// The recording open in the Replay view: its facts and markers, the play head, and search. Metadata only: the
// player writes the recording's bytes into xterm.js itself.
import { create } from 'zustand';
import type { RecordingInfo, RecordingMarker, SearchHit } from '../../shared/recording.ts';
import type { PlayerState, Speed } from '../terminal/player.ts';
import type { LoadState } from './inbox.ts';

export interface ReplayState {
  sessionId: string | null;
  load: LoadState | 'idle';
  loadError: string | null;
  info: RecordingInfo | null;
  player: PlayerState;
  speed: Speed;
  skipIdle: boolean;
  search: { query: string; hits: SearchHit[]; state: LoadState | 'idle'; error: string | null };
  /** Export or delete under way, and how the last one ended. */
  busy: 'exporting' | 'deleting' | null;
  actionError: string | null;

  replayOpened(sessionId: string): void;
  recordingLoaded(info: RecordingInfo): void;
  /** The open recording looked at again (it grows while its session runs): play head, speed and search stay as they are. */
  recordingRefreshed(info: RecordingInfo): void;
  recordingFailed(message: string): void;
  playerChanged(state: PlayerState): void;
  speedChosen(speed: Speed): void;
  skipIdleChosen(skip: boolean): void;
  searchStarted(query: string): void;
  searchFinished(hits: SearchHit[]): void;
  searchFailed(message: string): void;
  actionStarted(what: 'exporting' | 'deleting'): void;
  actionFinished(error: string | null): void;
  replayClosed(): void;
}

const IDLE_PLAYER: PlayerState = { positionMs: 0, playing: false, busy: false, error: null };
const NO_SEARCH: ReplayState['search'] = { query: '', hits: [], state: 'idle', error: null };

export const useReplay = create<ReplayState>()((set) => ({
  sessionId: null,
  load: 'idle',
  loadError: null,
  info: null,
  player: IDLE_PLAYER,
  speed: 1,
  skipIdle: true,
  search: NO_SEARCH,
  busy: null,
  actionError: null,

  replayOpened: (sessionId) =>
    set({
      sessionId,
      load: 'loading',
      loadError: null,
      info: null,
      player: IDLE_PLAYER,
      search: NO_SEARCH,
      busy: null,
      actionError: null,
    }),
  recordingLoaded: (info) => set((s) => (s.sessionId === info.sessionId ? { load: 'ready', info } : s)),
  // A look that was on its way while another recording was opened (or this one closed) changes nothing.
  recordingRefreshed: (info) => set((s) => (s.sessionId === info.sessionId && s.load === 'ready' ? { info } : s)),
  recordingFailed: (message) => set({ load: 'error', loadError: message }),
  playerChanged: (player) => set({ player }),
  speedChosen: (speed) => set({ speed }),
  skipIdleChosen: (skipIdle) => set({ skipIdle }),
  searchStarted: (query) => set({ search: { query, hits: [], state: 'loading', error: null } }),
  searchFinished: (hits) => set((s) => ({ search: { ...s.search, hits, state: 'ready' } })),
  searchFailed: (message) => set((s) => ({ search: { ...s.search, state: 'error', error: message } })),
  actionStarted: (busy) => set({ busy, actionError: null }),
  actionFinished: (actionError) => set({ busy: null, actionError }),
  replayClosed: () => set({ sessionId: null, load: 'idle', info: null, player: IDLE_PLAYER, search: NO_SEARCH }),
}));

export const REPLAY_INITIAL = useReplay.getState();

/** Interceptions (not gaps, not other marks), in time order. */
export function interceptions(info: RecordingInfo | null): RecordingMarker[] {
  return (info?.markers ?? [])
    .filter((m) => m.kind === 'marker' && m.requestId !== null)
    .sort((a, b) => a.atMs - b.atMs);
}

/**
 * The interception to jump to from `positionMs`: the first after it (`+1`) or the last before it (`-1`). A marker within
 * `nearMs` of the play head counts as where we are, so pressing again moves on.
 */
export function adjacentMarker(
  markers: readonly RecordingMarker[],
  positionMs: number,
  direction: 1 | -1,
  nearMs = 250,
): RecordingMarker | null {
  if (direction === 1) return markers.find((m) => m.atMs > positionMs + nearMs) ?? null;
  return [...markers].reverse().find((m) => m.atMs < positionMs - nearMs) ?? null;
}
