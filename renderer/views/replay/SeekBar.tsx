// The seek bar: the play head over the recording, and one labelled marker per interception: its chapter number and
// a sign of its outcome (✓ allowed, ✕ denied or abandoned, ⏸ still held), coloured to match, never by colour alone.
// Markers close together stack in lanes instead of covering each other. Clicking one seeks to when it was held.
import { shownText } from '../../../shared/visible-text.ts';
import type { RequestStatus } from '../../../shared/domain.ts';
import { describeDecider, STATUS_WORDS } from '../common/format.ts';
import type { Chapter } from './chapters.ts';
import { formatClock } from './time.ts';

export const OUTCOME_SIGNS: Readonly<Record<RequestStatus, string>> = {
  pending: '⏸',
  allowed: '✓',
  denied: '✕',
  abandoned: '✕',
};

/**
 * Markers nearer than this share of the bar go in separate lanes (a marker is ~2.3rem wide, 6% of a bar ~40rem wide
 * at 1024 px); past MAX_LANES they overlap again.
 */
const LANE_GAP = 0.06;
const MAX_LANES = 3;

/** A lane for each marker (0 on the bar's line, 1 and 2 below it), in time order. */
export function lanes(positions: readonly number[]): number[] {
  const lastInLane: number[] = [];
  return positions.map((p) => {
    let lane = lastInLane.findIndex((last) => p - last >= LANE_GAP);
    if (lane < 0) lane = lastInLane.length < MAX_LANES ? lastInLane.length : 0;
    lastInLane[lane] = p;
    return lane;
  });
}

/** What a marker says to a screen reader and in its tooltip: the whole chapter in one line. */
export function chapterSummary(c: Chapter): string {
  const who = c.decidedBy ? ` · ${describeDecider(c.decidedBy)}` : '';
  const risk = c.risk ? ` · ${c.risk} risk` : '';
  return `${c.number}. ${formatClock(c.atMs)} ${shownText(c.command)} · ${STATUS_WORDS[c.status]}${who}${risk}`;
}

export function SeekBar({
  durationMs,
  positionMs,
  chapters,
  currentId,
  onSeek,
}: {
  durationMs: number;
  positionMs: number;
  chapters: readonly Chapter[];
  /** The chapter the play head is in. */
  currentId: string | null;
  onSeek: (atMs: number) => void;
}) {
  const span = Math.max(1, durationMs);
  const at = chapters.map((c) => Math.min(1, c.atMs / span));
  const lane = lanes(at);
  const laneCount = Math.max(1, ...lane.map((l) => l + 1));
  return (
    <div className={`seekbar lanes-${laneCount}`}>
      <input
        type="range"
        min={0}
        max={span}
        step={100}
        value={Math.min(positionMs, span)}
        aria-label="Position in the recording"
        aria-valuetext={`${formatClock(positionMs)} of ${formatClock(durationMs)}`}
        onChange={(e) => onSeek(Number(e.target.value))}
      />
      <ol className="markers" aria-label="Interceptions on the bar">
        {chapters.map((c, i) => (
          <li key={c.requestId} className={`lane-${lane[i] ?? 0}`} style={{ left: `${(at[i] ?? 0) * 100}%` }}>
            <button
              type="button"
              className={`marker marker-${c.status}`}
              data-request-id={c.requestId}
              aria-current={c.requestId === currentId ? 'true' : undefined}
              aria-label={chapterSummary(c)}
              title={chapterSummary(c)}
              onClick={() => onSeek(c.atMs)}
            >
              {c.number}
              <span aria-hidden="true">{OUTCOME_SIGNS[c.status]}</span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
