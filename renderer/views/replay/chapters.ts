// The story of a recording: one chapter per interception, its held and decided markers merged, with the command, its
// risk and who decided, from the request where it is known and from the markers' labels where it is not.
import type { DecidedBy, GateRequest, RequestStatus, RiskLevel } from '../../../shared/domain.ts';
import type { RecordingInfo } from '../../../shared/recording.ts';
import { interceptions } from '../../stores/replay.ts';

export interface Chapter {
  requestId: string;
  /** 1, 2, …: the marker on the seek bar shows it. */
  number: number;
  /** When it was held (or decided, for one decided at once): where choosing it seeks. */
  atMs: number;
  /** When it was decided, when that came later; null while held or when decided at once. */
  decidedAtMs: number | null;
  command: string;
  status: RequestStatus;
  decidedBy: DecidedBy | null;
  /** Why it was denied, as the agent was told; null otherwise. */
  reason: string | null;
  /** Null when the request is not known here (yet) or was never scored. */
  risk: RiskLevel | null;
}

/** What `interceptionLabel` (the core) writes: `<id> held: <command>`, `<id> <status>[ by <decider>]: <command>`. */
const LABEL = /^\S+ (held|allowed|denied|abandoned)(?: by (\S+))?: ([\s\S]*)$/;

export function chapters(info: RecordingInfo | null, requests: Readonly<Record<string, GateRequest>>): Chapter[] {
  const byId = new Map<string, Chapter>();
  for (const m of interceptions(info)) {
    const id = m.requestId as string;
    const label = LABEL.exec(m.label);
    const held = label?.[1] === 'held';
    const seen = byId.get(id);
    if (!seen) {
      byId.set(id, {
        requestId: id,
        number: byId.size + 1,
        atMs: m.atMs,
        decidedAtMs: null,
        command: label?.[3] ?? m.label,
        status: held || !label ? 'pending' : (label[1] as RequestStatus),
        decidedBy: held ? null : ((label?.[2] as DecidedBy | undefined) ?? null),
        reason: null,
        risk: null,
      });
    } else if (!held) {
      seen.decidedAtMs = m.atMs;
      if (label) seen.status = label[1] as RequestStatus;
      seen.decidedBy = (label?.[2] as DecidedBy | undefined) ?? seen.decidedBy;
    }
  }
  // The request, where known, says it best: the whole command (labels are cut short), its risk, the reason.
  return [...byId.values()].map((c) => {
    const r = requests[c.requestId];
    if (!r) return c;
    return {
      ...c,
      command: r.command,
      status: r.status,
      decidedBy: r.decision?.decidedBy ?? c.decidedBy,
      // What the agent was told when it was refused; an approval's reason only repeats "Allowed".
      reason: r.decision?.decision === 'deny' ? r.decision.reason : null,
      risk: r.risk?.level ?? null,
    };
  });
}

/** The chapter the play head is in: the last one that began at or before it (choosing one seeks to its start). */
export function currentChapter(list: readonly Chapter[], positionMs: number): Chapter | null {
  let current: Chapter | null = null;
  for (const c of list) if (c.atMs <= positionMs) current = c;
  return current;
}

/** "Next interception": the chapter after the current one, however close (two can be held a moment apart). */
export function chapterAfter(list: readonly Chapter[], positionMs: number): Chapter | null {
  const current = currentChapter(list, positionMs);
  return list[current ? list.indexOf(current) + 1 : 0] ?? null;
}

/**
 * "Previous interception": back to the start of the current chapter when the play head is well into it (more than
 * `nearMs`), else the chapter before, as a media player's previous-track does.
 */
export function chapterBefore(list: readonly Chapter[], positionMs: number, nearMs = 250): Chapter | null {
  const current = currentChapter(list, positionMs);
  if (!current) return null;
  if (positionMs - current.atMs > nearMs) return current;
  return list[list.indexOf(current) - 1] ?? null;
}
