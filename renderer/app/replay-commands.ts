// The commands of the Replay view and of a card's terminal clip: open a recording, play it on a surface, search it,
// export it, delete its session. Screens and events go from the API into the player, never into the stores.
import { MAX_HISTORY_PAGE, type CoreApi } from '../../shared/api.ts';
import type { GateRequest } from '../../shared/domain.ts';
import type { ExportFormat, RecordingClip, RecordingInfo, TimedEvent } from '../../shared/recording.ts';
import { useApp } from '../stores/connection.ts';
import { useReplay } from '../stores/replay.ts';
import { useSessions } from '../stores/sessions.ts';
import { readLeadUp } from '../terminal/lead-up.ts';
import { clipSource, Player, type PlaybackSource, type PlayerState } from '../terminal/player.ts';
import type { TerminalSurface } from '../terminal/surface.ts';
import { messageOf } from './messages.ts';

export interface ReplayCommands {
  /** Switches to the Replay view on this session's recording, and reads its requests for the chapter list. */
  openReplay(sessionId: string): Promise<void>;
  /** Opens the newest session that has a recording (the Replay item with nothing chosen); says so when none has. */
  openLatestReplay(): Promise<void>;
  /**
   * Keeps the open recording's duration and markers current while a recorder is still writing it, until it is closed
   * or the returned function is called. The view calls it while it shows that recording.
   */
  followRecording(sessionId: string): () => void;
  /** A player of the open recording on `surface` (the view owns and disposes it). */
  createPlayer(info: RecordingInfo, surface: TerminalSurface): Player;
  /** A player of a clip (a card's lead-up) that reports to its own view. */
  createClipPlayer(source: PlaybackSource, surface: TerminalSurface, report: (state: PlayerState) => void): Player;
  searchRecording(sessionId: string, query: string): Promise<void>;
  exportRecording(sessionId: string, format: ExportFormat): Promise<{ name: string; text: string } | null>;
  /** Deletes an ended session with its recording and requests; back to Sessions when done. */
  deleteSession(sessionId: string): Promise<void>;
  /** The moments before a held request, as something a player can play; null when its session has no recording. */
  clipFor(request: GateRequest): Promise<CardClipSource | null>;
}

/** A card's clip: its lead-up with the banner and Gatehouse's own lines left out (`lead-up.ts`), and as recorded. */
export interface CardClipSource {
  source: PlaybackSource;
  asRecorded: PlaybackSource;
  /** The agent printed nothing of its own: the card says so instead of showing the terminal. */
  quiet: boolean;
  banner: boolean;
  gatehouse: boolean;
}

/** The clip the core sent, ending at `endMs`, as a card plays it. */
export function cardClip(clip: RecordingClip, endMs: number): CardClipSource {
  const lead = readLeadUp(clip);
  return {
    source: clipSource(lead.start, lead.events, endMs),
    asRecorded: clipSource(clip.start, clip.events, endMs),
    quiet: lead.quiet,
    banner: lead.banner,
    gatehouse: lead.gatehouse,
  };
}

type ReplayApi = Pick<
  CoreApi,
  | 'getRecording'
  | 'screenAt'
  | 'recordingEvents'
  | 'recordingClip'
  | 'searchRecordings'
  | 'exportRecording'
  | 'deleteSession'
  | 'listSessions'
  | 'listHistory'
  | 'listPending'
>;

/** Sessions looked at for the newest recording: enough to pass over a run of hook-only sessions (never recorded). */
const LATEST_TRIES = 20;
/** A session's decided requests, read in the largest pages the API gives, up to this many: far past any chapter list. */
const MAX_REQUEST_PAGES = 20;

/** A session's requests, decided and still held: what its interceptions were. Best effort: chapters work from labels. */
async function loadRequests(api: ReplayApi, sessionId: string): Promise<void> {
  try {
    useReplay.getState().requestsSeen((await api.listPending()).filter((r) => r.sessionId === sessionId));
    let cursor: string | undefined;
    for (let page = 0; page < MAX_REQUEST_PAGES; page++) {
      const got = await api.listHistory({ sessionId, limit: MAX_HISTORY_PAGE, cursor });
      useReplay.getState().requestsSeen(got.items);
      if (!got.nextCursor) break;
      cursor = got.nextCursor;
    }
  } catch {
    // The chapters still show each command and who decided it, from the markers' labels.
  }
}

/** A page of events as large as one message comfortably carries. */
const EVENT_PAGE_BYTES = 2 * 1024 * 1024;
/**
 * How often a recording still being written is looked at again. Nothing announces that a recording grew (its chunks
 * are stored on the recording thread, and an interception's event comes before its marker is stored), so the view
 * asks; every 2 s the bar keeps up with a person watching it, at one small call per look.
 */
export const FOLLOW_INTERVAL_MS = 2000;

export function recordingSource(api: ReplayApi, info: RecordingInfo): PlaybackSource {
  const sessionId = info.sessionId;
  return {
    durationMs: info.durationMs,
    stillRecording: info.recording,
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

/** Looks at a recording again every FOLLOW_INTERVAL_MS until it is closed, a look fails, or the returned stop is called. */
function followRecording(api: ReplayApi, sessionId: string): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const look = async () => {
    timer = null;
    let stillRecording = false;
    try {
      const info = await api.getRecording(sessionId);
      if (stopped) return;
      useReplay.getState().recordingRefreshed(info);
      stillRecording = info.recording;
    } catch {
      // The session was deleted or the connection is gone (the app says so): the bar keeps what it has.
    }
    if (stillRecording && !stopped) timer = setTimeout(() => void look(), FOLLOW_INTERVAL_MS);
  };
  timer = setTimeout(() => void look(), FOLLOW_INTERVAL_MS);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
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
        return;
      }
      await loadRequests(api, sessionId);
    },
    openLatestReplay: async () => {
      useReplay.getState().latestLooked();
      const newest = [...useSessions.getState().sessions].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
      for (const session of newest.slice(0, LATEST_TRIES)) {
        let info: RecordingInfo;
        try {
          info = await api.getRecording(session.id);
        } catch {
          continue;
        }
        // Someone chose a recording meanwhile: theirs stays.
        if (useReplay.getState().latest !== 'finding') return;
        useReplay.getState().replayOpened(session.id);
        useReplay.getState().recordingLoaded(info);
        await loadRequests(api, session.id);
        return;
      }
      useReplay.getState().latestNotFound();
    },
    followRecording: (sessionId) => followRecording(api, sessionId),
    createPlayer: (info, surface) =>
      new Player(recordingSource(api, info), surface, (state) => useReplay.getState().playerChanged(state)),
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
      const atMs =
        marker?.atMs ??
        Math.max(0, Math.min(info.durationMs, Date.parse(request.createdAt) - Date.parse(info.startedAt)));
      return cardClip(await api.recordingClip({ sessionId: request.sessionId, atMs }), atMs);
    },
  };
}
