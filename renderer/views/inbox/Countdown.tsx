// Time left before a held request is denied for lack of a decision. Reads the shared clock; owns no timer.
import { useClock } from '../../stores/clock.ts';
import { formatCountdown, spokenDuration } from '../common/format.ts';

/** Under a minute the countdown turns urgent. */
const URGENT_MS = 60_000;

export function Countdown({ expiresAt }: { expiresAt: string }) {
  const now = useClock((s) => s.now);
  const left = Date.parse(expiresAt) - now;
  return (
    <span
      className={`countdown${left < URGENT_MS ? ' urgent' : ''}`}
      role="timer"
      aria-label={`Denied automatically in ${spokenDuration(left)}`}
    >
      <span aria-hidden="true">denied in {formatCountdown(left)}</span>
    </span>
  );
}
