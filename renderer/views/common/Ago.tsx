// A moment as "2 min ago", the full date and time in its tooltip. Reads the shared clock, and renders again only
// when the words change (the selector returns the words, not the time).
import { useClock } from '../../stores/clock.ts';
import { formatTime, relativeTime } from './format.ts';

export function Ago({ iso, className }: { iso: string; className?: string }) {
  const words = useClock((s) => relativeTime(iso, s.now));
  return (
    <time dateTime={iso} title={formatTime(iso)} className={className}>
      {words}
    </time>
  );
}
