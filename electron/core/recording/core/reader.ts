// Reads recordings back: the screen at any moment (nearest keyframe plus a short replay), the events in a
// range with markers in their place, and the moments before an interception.
import { ApiError } from '../../../../shared/api.ts';
import {
  DEFAULT_CLIP_MS,
  MAX_PAGE_BYTES,
  type EventPage,
  type RecordingClip,
  type RecordingMarker,
  type Screen,
  type TimedEvent,
} from '../../../../shared/recording.ts';
import { decodeEvents, decompressText, type StreamEvent } from '../common/codec.ts';
import { applyEvent, ScreenTerminal } from '../common/screen-terminal.ts';
import type { MarkerRow, RecordingRepository, RecordingRow } from '../../store/recordings.ts';

/** What an event counts for against a page's byte budget besides its text. */
const EVENT_OVERHEAD_BYTES = 16;

export function toMarker(m: MarkerRow): RecordingMarker {
  return { atMs: m.at_ms, kind: m.kind, label: m.label, requestId: m.request_id, decision: m.decision };
}

function markerEvent(m: MarkerRow): TimedEvent {
  return {
    atMs: m.at_ms,
    event:
      m.kind === 'gap'
        ? { kind: 'gap', label: m.label, droppedBytes: m.dropped_bytes ?? 0 }
        : { kind: 'marker', label: m.label, requestId: m.request_id, decision: m.decision },
  };
}

function timed(e: StreamEvent): TimedEvent {
  const { atMs, ...event } = e;
  return { atMs, event };
}

export class RecordingReader {
  private readonly store: RecordingRepository;

  constructor(store: RecordingRepository) {
    this.store = store;
  }

  recording(sessionId: string): RecordingRow {
    const r = this.store.get(sessionId);
    if (!r) throw new ApiError('not_found', `session ${sessionId} has no recording`);
    return r;
  }

  /** The screen after every event at or before `atMs` (-1: before anything happened). */
  async screenAt(sessionId: string, atMs: number): Promise<Screen> {
    const r = this.recording(sessionId);
    const keyframe = atMs < 0 ? null : this.store.keyframeAt(sessionId, atMs);
    const term = new ScreenTerminal(keyframe?.cols ?? r.cols, keyframe?.rows ?? r.rows);
    try {
      if (keyframe) term.write(decompressText(keyframe.state));
      const from = keyframe?.event_index ?? 0;
      if (atMs >= 0) {
        const chunks = this.store.chunks(
          sessionId,
          this.store.chunkSeqOfEvent(sessionId, from),
          this.store.chunkSeqAfter(sessionId, atMs),
        );
        for (const c of chunks) {
          decodeEvents(c.payload, c.start_ms).forEach((e, i) => {
            if (c.first_event + i >= from && e.atMs <= atMs) applyEvent(term, e);
          });
        }
      }
      await term.settled();
      return { sessionId, atMs, cols: term.cols, rows: term.rows, data: term.capture() };
    } finally {
      term.dispose();
    }
  }

  /**
   * Events with `fromMs < atMs <= toMs`, markers and gaps in their place. A page stops after about
   * `maxBytes`, always at the end of a millisecond: ask again from `nextFromMs` for the rest.
   */
  eventsBetween(sessionId: string, fromMs: number, toMs: number, maxBytes = MAX_PAGE_BYTES): EventPage {
    this.recording(sessionId);
    const stream: Array<{ index: number; e: StreamEvent }> = [];
    let bytes = 0;
    let cutAt: number | null = null;
    const startSeq = this.store.chunkSeqEndingBy(sessionId, fromMs) + 1;
    outer: for (const c of this.store.chunks(sessionId, startSeq, this.store.chunkSeqAfter(sessionId, toMs))) {
      const events = decodeEvents(c.payload, c.start_ms);
      for (let i = 0; i < events.length; i++) {
        const e = events[i] as StreamEvent;
        if (e.atMs <= fromMs) continue;
        if (e.atMs > toMs) break outer;
        const last = stream.at(-1);
        if (bytes >= maxBytes && last && e.atMs > last.e.atMs) {
          cutAt = last.e.atMs;
          break outer;
        }
        stream.push({ index: c.first_event + i, e });
        bytes += EVENT_OVERHEAD_BYTES + (e.kind === 'resize' ? 0 : e.data.length);
      }
    }
    const markers = this.store.markersBetween(sessionId, fromMs, cutAt ?? toMs);
    return { events: merge(stream, markers), nextFromMs: cutAt };
  }

  /**
   * The moments before `atMs` (an interception): the screen `spanMs` earlier, then every event until `atMs`.
   * Shortened (it starts later) when that much output would not fit `maxBytes`.
   */
  async lastSeconds(
    sessionId: string,
    atMs: number,
    spanMs = DEFAULT_CLIP_MS,
    maxBytes = MAX_PAGE_BYTES,
  ): Promise<RecordingClip> {
    let start = Math.max(-1, atMs - spanMs);
    let page = this.eventsBetween(sessionId, start, atMs, maxBytes);
    // Too much happened: keep the end (what led up to `atMs`) by starting later.
    while (page.nextFromMs !== null && atMs - start > 1) {
      start = Math.floor((start + atMs) / 2);
      page = this.eventsBetween(sessionId, start, atMs, maxBytes);
    }
    return { start: await this.screenAt(sessionId, start), events: page.events };
  }

  markers(sessionId: string): RecordingMarker[] {
    return this.store.markers(sessionId).map(toMarker);
  }
}

/** Interleaves markers with stream events: by stream position where known, else by time. */
function merge(stream: ReadonlyArray<{ index: number; e: StreamEvent }>, markers: readonly MarkerRow[]): TimedEvent[] {
  const out: TimedEvent[] = [];
  let m = 0;
  for (const { index, e } of stream) {
    for (; m < markers.length; m++) {
      const marker = markers[m] as MarkerRow;
      const before = marker.event_index !== null ? marker.event_index <= index : marker.at_ms < e.atMs;
      if (!before) break;
      out.push(markerEvent(marker));
    }
    out.push(timed(e));
  }
  for (; m < markers.length; m++) out.push(markerEvent(markers[m] as MarkerRow));
  return out;
}
