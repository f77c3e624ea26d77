// A live session's screen rebuilt from its recording: what a viewer who attaches late is shown when the pty host did
// not keep the session's screen (nobody was watching and it could not keep up with the output). The last keyframe
// far enough back to hold the scrollback, then the events after it, replayed into a terminal with scrollback.
import type { RecordingRepository } from '../../store/recordings.ts';
import { decodeEvents, decompressText, type StreamEvent } from '../common/codec.ts';
import { applyEvent, ScreenTerminal } from '../common/screen-terminal.ts';
import type { RecordedScreen } from '../common/types.ts';

/**
 * However many lines the scrollback asks for, at most about this much output before the screen is replayed to find
 * them: lines that long are rare, and the replay is what a late viewer waits for (~35 MB/s).
 */
export const MAX_SCROLLBACK_REPLAY_CHARS = 2 * 1024 * 1024;

/** The screen after the first `upToEvent` events of a session's recording, with up to `scrollback` lines above it. */
export async function rebuildScreen(
  store: RecordingRepository,
  sessionId: string,
  upToEvent: number,
  scrollback: number,
): Promise<RecordedScreen> {
  const recording = store.get(sessionId);
  if (!recording) throw new Error(`session ${sessionId} has no recording`);
  const last = upToEvent - 1;
  // The screen's height at the end, as far as the index knows it (a resize after that keyframe is found on the way back).
  const rows = Math.max(recording.rows, store.keyframeAtEvent(sessionId, upToEvent)?.rows ?? 0);
  const start = scrollbackStart(store, sessionId, last, scrollback, rows);
  const keyframe = store.keyframeAtEvent(sessionId, start);
  const term = new ScreenTerminal(keyframe?.cols ?? recording.cols, keyframe?.rows ?? recording.rows, scrollback);
  try {
    if (keyframe) term.write(decompressText(keyframe.state));
    const from = keyframe?.event_index ?? 0;
    if (last >= from) {
      for (const c of store.chunks(
        sessionId,
        store.chunkSeqOfEvent(sessionId, from),
        store.chunkSeqOfEvent(sessionId, last) + 1,
      )) {
        decodeEvents(c.payload, c.start_ms).forEach((e, i) => {
          const index = c.first_event + i;
          if (index >= from && index <= last) applyEvent(term, e);
        });
      }
    }
    await term.settled();
    return { cols: term.cols, rows: term.rows, data: term.capture() };
  } finally {
    term.dispose();
  }
}

/**
 * The event from which a replay ending at event `last` prints enough line feeds to fill the scrollback and the
 * tallest screen on the way (so the buffer holds what it held live), and as many before each resize it replays (so
 * that lines reflow as they did live), going back at most MAX_SCROLLBACK_REPLAY_CHARS of output; 0 when the
 * recording is shorter.
 */
function scrollbackStart(
  store: RecordingRepository,
  sessionId: string,
  last: number,
  scrollback: number,
  rowsAtEnd: number,
): number {
  let rows = rowsAtEnd;
  let feeds = 0;
  let chars = 0;
  for (let seq = store.chunkSeqOfEvent(sessionId, last); seq >= 0; seq--) {
    const c = store.chunk(sessionId, seq);
    if (!c) return 0;
    const events = decodeEvents(c.payload, c.start_ms);
    for (let i = Math.min(events.length - 1, last - c.first_event); i >= 0; i--) {
      const e = events[i] as StreamEvent;
      if (e.kind === 'resize') {
        feeds = 0;
        rows = Math.max(rows, e.rows);
      }
      if (e.kind !== 'output') continue;
      feeds += countLineFeeds(e.data);
      chars += e.data.length;
      if (feeds >= scrollback + rows || chars >= MAX_SCROLLBACK_REPLAY_CHARS) return c.first_event + i;
    }
  }
  return 0;
}

function countLineFeeds(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
