// Which sessions retention deletes: those untouched for longer than the age limit (ended, or imported,
// that long ago), then the oldest until recordings fit the size limit. A running session is never chosen.
import type { Retention } from '../../../../shared/settings.ts';
import type { SessionFootprint } from '../../store/session-purge.ts';

// When it runs (after the sockets open, hourly, in slices) is upkeep/upkeep.ts's.
const DAY_MS = 24 * 60 * 60 * 1000;
const MB = 1024 * 1024;

/** `footprints` must be oldest first (by `lastActiveAt`). */
export function sessionsToDelete(
  footprints: readonly SessionFootprint[],
  retention: Retention,
  now: number,
  isRunning: (sessionId: string) => boolean,
): string[] {
  const doomed = new Set<string>();
  const oldest = now - retention.maxAgeDays * DAY_MS;
  for (const f of footprints) {
    if (f.lastActiveAt < oldest && !isRunning(f.sessionId)) doomed.add(f.sessionId);
  }
  let total = footprints.reduce((n, f) => n + (doomed.has(f.sessionId) ? 0 : f.bytes), 0);
  for (const f of footprints) {
    if (total <= retention.maxTotalMB * MB) break;
    if (doomed.has(f.sessionId) || f.bytes === 0 || isRunning(f.sessionId)) continue;
    doomed.add(f.sessionId);
    total -= f.bytes;
  }
  return [...doomed];
}
