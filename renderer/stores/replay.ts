// The recording open in the Replay view: its facts and markers, the requests its interceptions were (for the chapter
// list), the play head, and search. Metadata only: the player writes the recording's bytes into xterm.js itself.
import { create } from 'zustand';
import type { GateRequest } from '../../shared/domain.ts';
import type { RecordingInfo, RecordingMarker, SearchHit } from '../../shared/recording.ts';
import type { PlayerState, Speed } from '../terminal/player.ts';
import type { LoadState } from './inbox.ts';

export interface ReplayState {
  sessionId: string | null;
  load: LoadState | 'idle';
  loadError: string | null;
  info: RecordingInfo | null;
  /** The open session's requests by id, as far as they are known (the chapters' command, risk and decision). */
  requests: Record<string, GateRequest>;
  /**
   * Opening the Replay item with no recording chosen looks for the newest session that has one: `finding` while it
   * looks, `none` when no session has a recording.
   */
  latest: 'idle' | 'finding' | 'none';
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
  /** Requests read or heard of (held, decided); those of other sessions than the open one are ignored. */
  requestsSeen(requests: readonly GateRequest[]): void;
  latestLooked(): void;
  latestNotFound(): void;
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
  requests: {},
  latest: 'idle',
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
      requests: {},
      latest: 'idle',
      player: IDLE_PLAYER,
      search: NO_SEARCH,
      busy: null,
      actionError: null,
    }),
  recordingLoaded: (info) => set((s) => (s.sessionId === info.sessionId ? { load: 'ready', info } : s)),
  // A look that was on its way while another recording was opened (or this one closed) changes nothing.
  recordingRefreshed: (info) => set((s) => (s.sessionId === info.sessionId && s.load === 'ready' ? { info } : s)),
  recordingFailed: (message) => set({ load: 'error', loadError: message }),
  requestsSeen: (requests) =>
    set((s) => {
      const mine = requests.filter((r) => r.sessionId === s.sessionId);
      return mine.length ? { requests: { ...s.requests, ...Object.fromEntries(mine.map((r) => [r.id, r])) } } : s;
    }),
  latestLooked: () => set({ latest: 'finding' }),
  latestNotFound: () => set((s) => (s.latest === 'finding' ? { latest: 'none' } : s)),
  playerChanged: (player) => set({ player }),
  speedChosen: (speed) => set({ speed }),
  skipIdleChosen: (skipIdle) => set({ skipIdle }),
  searchStarted: (query) => set({ search: { query, hits: [], state: 'loading', error: null } }),
  searchFinished: (hits) => set((s) => ({ search: { ...s.search, hits, state: 'ready' } })),
  searchFailed: (message) => set((s) => ({ search: { ...s.search, state: 'error', error: message } })),
  actionStarted: (busy) => set({ busy, actionError: null }),
  actionFinished: (actionError) => set({ busy: null, actionError }),
  replayClosed: () =>
    set({
      sessionId: null,
      load: 'idle',
      info: null,
      requests: {},
      latest: 'idle',
      player: IDLE_PLAYER,
      search: NO_SEARCH,
    }),
}));

export const REPLAY_INITIAL = useReplay.getState();

/** Interceptions (not gaps, not other marks), in time order: a held one has two markers, held and decided. */
export function interceptions(info: RecordingInfo | null): RecordingMarker[] {
  return (info?.markers ?? [])
    .filter((m) => m.kind === 'marker' && m.requestId !== null)
    .sort((a, b) => a.atMs - b.atMs);
}
