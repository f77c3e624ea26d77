// Undo, connected to the rest of the core (called from core.ts): the service with its limits read from the settings
// at each use, what a command changed recorded when its outcome arrives, each change announced as `request.changes`
// and marked in the session's recording, each undo written into the audit chain, and retention with upkeep's pass.
import path from 'node:path';
import type { CoreEvent } from '../../../shared/domain.ts';
import type { Settings } from '../../../shared/settings.ts';
import type { EventBus } from '../events/bus.ts';
import type { AuditRepository } from '../store/audit.ts';
import { findGit } from './git.ts';
import { UndoService } from './service.ts';

const MB = 1024 * 1024;
const DAY_MS = 86_400_000;
/** How often expired snapshots are pruned. */
const PRUNE_EVERY_MS = 60 * 60 * 1000;

export interface UndoWiring {
  home: string;
  settings: () => Settings;
  events: EventBus<CoreEvent>;
  audit: Pick<AuditRepository, 'record'>;
  /** Whether a session's recording is still kept: its snapshots go with it (`UndoServiceOptions.sessionKept`). */
  sessionKept: (sessionId: string) => boolean;
  /** A marker in the session's recording (the replay's chapter for the request). */
  mark?: (sessionId: string, label: string, requestId: string) => void;
  onError: (err: unknown) => void;
}

/** The undo service, or null where no git is installed at a system path (said once). Returns its stop too. */
export function startUndo(w: UndoWiring): { service: UndoService; stop: () => void } | null {
  const git = findGit();
  if (!git) {
    w.onError(new Error('undo is off: no git found at /usr/bin/git or another system path'));
    return null;
  }
  const service = new UndoService({
    dir: path.join(w.home, 'undo'),
    git,
    limits: () => {
      const s = w.settings();
      return {
        keepBytes: s.undoKeepMB * MB,
        totalBytes: s.undoMaxTotalMB * MB,
        maxAgeMs: s.retention.maxAgeDays * DAY_MS,
      };
    },
    sessionKept: w.sessionKept,
    onChanged: (snapshot) => {
      w.events.publish({ type: 'request.changes', snapshot });
      const what = snapshot.undoneBy ? `undone by ${snapshot.undoneBy}` : snapshot.changes?.summary;
      if (what) w.mark?.(snapshot.sessionId, `${snapshot.requestId} ${what}`, snapshot.requestId);
    },
    audit: (e) =>
      w.audit.record({
        at: Date.now(),
        kind: 'undo',
        actor: e.actor,
        subject: e.requestId,
        data: { undoId: e.undoId, summary: e.summary },
      }),
    onError: w.onError,
  });
  const off = w.events.subscribe((e) => {
    // Every outcome, "not run" too: it ends the wait for the snapshot (a command not run changed nothing).
    if (e.type !== 'request.outcome' || !e.request.outcome) return;
    // A safer delete's files, moved by the command into the project's staging folder, go into the trash first, so
    // what the command changed reads as the delete it was.
    if (e.request.decision?.updatedCommand) {
      try {
        service.trash.collect(e.request.id);
      } catch (err) {
        w.onError(err);
      }
    }
    void service.afterRun(e.request);
  });
  const prune = () => void service.prune().catch(w.onError);
  const timer = setInterval(prune, PRUNE_EVERY_MS);
  timer.unref();
  prune();
  return {
    service,
    stop: () => {
      off();
      clearInterval(timer);
    },
  };
}
