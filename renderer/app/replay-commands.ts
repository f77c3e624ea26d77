// The commands of the Replay view and of a card's terminal clip: open a recording, play it on a surface, search it,
// export it, delete its session. Screens and events go from the API into the player, never into the stores.
import type { GateRequest } from '../../shared/domain.ts';
import type { ExportFormat, RecordingInfo, TimedEvent } from '../../shared/recording.ts';
import type { CoreApi } from '../api/client.ts';
import { useApp } from '../stores/connection.ts';
import { useReplay } from '../stores/replay.ts';
import { useSessions } from '../stores/sessions.ts';
import { clipSource, Player, type PlaybackSource, type PlayerState } from '../terminal/player.ts';
import type { TerminalSurface } from '../terminal/surface.ts';
import { messageOf } from './messages.ts';

export interface ReplayCommands {
  /** Switches to the Replay view on this session's recording. */
  openReplay(sessionId: string): Promise<void>;
  /** A player of the open recording on `surface` (the view owns and disposes it). */
  createPlayer(info: RecordingInfo, surface: TerminalSurface): Player;
  /** A player of a clip (a card's lead-up) that reports to its own view. */
  createClipPlayer(source: PlaybackSource, surface: TerminalSurface, report: (state: PlayerState) => void): Player;
  searchRecording(sessionId: string, query: string): Promise<void>;
  exportRecording(sessionId: string, format: ExportFormat): Promise<{ name: string; text: string } | null>;
  /** Deletes an ended session with its recording and requests; back to Sessions when done. */
  deleteSession(sessionId: string): Promise<void>;
  /** The moments before a held request, as something a player can play; null when its session has no recording. */
  clipFor(request: GateRequest): Promise<PlaybackSource | null>;
}

type ReplayApi = Pick<CoreApi, 'getRecording' | 'screenAt' | 'recordingEvents' | 'recordingClip' | 'searchRecordings' | 'exportRecording' | 'deleteSession' | 'listSessions'>;

/** A page of events as large as one message comfortably carries. */
const EVENT_PAGE_BYTES = 2 * 1024 * 1024;

export function recordingSource(api: ReplayApi, info: RecordingInfo): PlaybackSource {
  const sessionId = info.sessionId;
  return {
    durationMs: info.durationMs,
    screenAt: (atMs) => api.screenAt({ sessionId, atMs }),
    events: async (fromMs, toMs) => {
      const out: TimedEvent[] = [];
      let from: number | null = fromMs;
      while (from !== null) {
        const page = await api.recordingEvents({ sessionId, fromMs: from, toMs, maxBytes: EVENT_PAGE_BYTES });
        out.push(...page.events);
        from = page.nextFromMs;
      }
      return out;
    },
  };
}

export function replayCommands(api: ReplayApi): ReplayCommands {
  return {
    openReplay: async (sessionId) => {
      useReplay.getState().replayOpened(sessionId);
      useApp.getState().viewChosen('replay');
      try {
        useReplay.getState().recordingLoaded(await api.getRecording(sessionId));
      } catch (err) {
        useReplay.getState().recordingFailed(messageOf(err));
      }
    },
    createPlayer: (info, surface) => new Player(recordingSource(api, info), surface, (state) => useReplay.getState().playerChanged(state)),
    createClipPlayer: (source, surface, report) => new Player(source, surface, report),
    searchRecording: async (sessionId, query) => {
      useReplay.getState().searchStarted(query);
      try {
        useReplay.getState().searchFinished(await api.searchRecordings({ sessionId, query }));
      } catch (err) {
        useReplay.getState().searchFailed(messageOf(err));
      }
    },
    exportRecording: async (sessionId, format) => {
      useReplay.getState().actionStarted('exporting');
      try {
        let text = '';
        let fromMs: number | undefined;
        do {
          const page = await api.exportRecording({ sessionId, format, fromMs });
          text += page.text;
          fromMs = page.nextFromMs ?? undefined;
        } while (fromMs !== undefined);
        useReplay.getState().actionFinished(null);
        return { name: `gatehouse-${sessionId}.cast`, text };
      } catch (err) {
        useReplay.getState().actionFinished(messageOf(err));
        return null;
      }
    },
    deleteSession: async (sessionId) => {
      useReplay.getState().actionStarted('deleting');
      try {
        await api.deleteSession({ sessionId });
        useReplay.getState().actionFinished(null);
        useReplay.getState().replayClosed();
        useSessions.getState().sessionsLoaded(await api.listSessions());
        useApp.getState().viewChosen('sessions');
      } catch (err) {
        useReplay.getState().actionFinished(messageOf(err));
      }
    },
    clipFor: async (request) => {
      let info: RecordingInfo;
      try {
        info = await api.getRecording(request.sessionId);
      } catch {
        return null;
      }
      // The interception's marker when it is written; until then, when the request was made.
      const marker = info.markers.find((m) => m.requestId === request.id);
      const atMs = marker?.atMs ?? Math.max(0, Math.min(info.durationMs, Date.parse(request.createdAt) - Date.parse(info.startedAt)));
      const clip = await api.recordingClip({ sessionId: request.sessionId, atMs });
      return clipSource(clip.start, clip.events, atMs);
    },
  };
}
