// The seek bar: the play head over the recording, and a marker for each interception coloured by its decision (held
// and never decided: grey). Clicking a marker seeks to it.
import type { RecordingMarker } from '../../../shared/recording.ts';
import { shownText } from '../../../shared/visible-text.ts';
import { formatClock } from './time.ts';

export function markerOutcome(m: RecordingMarker): 'allowed' | 'denied' | 'undecided' {
  return m.decision === 'allow' ? 'allowed' : m.decision === 'deny' ? 'denied' : 'undecided';
}

export function SeekBar({
  durationMs,
  positionMs,
  markers,
  onSeek,
}: {
  durationMs: number;
  positionMs: number;
  markers: readonly RecordingMarker[];
  onSeek: (atMs: number) => void;
}) {
  const span = Math.max(1, durationMs);
  return (
    <div className="seekbar">
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
      <ol className="markers" aria-label="Interceptions">
        {markers.map((m, i) => (
          <li key={`${m.requestId ?? ''}-${i}`} style={{ left: `${(m.atMs / span) * 100}%` }}>
            <button
              type="button"
              className={`marker marker-${markerOutcome(m)}`}
              data-request-id={m.requestId ?? undefined}
              aria-label={`Interception at ${formatClock(m.atMs)}: ${shownText(m.label)}`}
              title={`${formatClock(m.atMs)} ${shownText(m.label)}`}
              onClick={() => onSeek(m.atMs)}
            />
          </li>
        ))}
      </ol>
    </div>
  );
}
