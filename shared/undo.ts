// Undo's vocabulary, shared by the core, the CLI and the renderer: a snapshot taken before a command, what the
// command changed, the preview of an undo and its result, and the control API's inputs for them. Pure TypeScript.
import { z } from 'zod';
import { DecisionChannelSchema } from './domain.ts';

/** `undoRequest`: the request to undo, and where the person asked (`human:<via>` in the audit). */
export const UndoInputSchema = z.object({ id: z.string().min(1), via: DecisionChannelSchema.default('cli') });

/** `pruneSnapshots`: all of them, those older than some days, or (neither) what retention lets go now. */
export const PruneSnapshotsInputSchema = z.object({
  olderThanDays: z.number().min(0).optional(),
  all: z.boolean().optional(),
});

export interface TrashRestored {
  restored: string[];
  /** Files not put back because something stands at their place now. */
  skipped: string[];
}

export type FileChangeKind = 'created' | 'modified' | 'deleted';

export interface FileChange {
  /** Relative to the project's root, `/`-separated. */
  path: string;
  kind: FileChangeKind;
}

/** A path the command named that the snapshot does not cover (ignored, or outside the project), kept beside it. */
export interface KeptPath {
  /** Absolute. */
  path: string;
  /** `link`: hard links (the command only deletes); `copy`: copied (it may write into the files). */
  how: 'link' | 'copy';
  bytes: number;
}

/** A snapshot before one allowed command, and what the command changed once it ran. */
export interface SnapshotRecord {
  requestId: string;
  sessionId: string;
  command: string;
  /** The project's root: the git root of the command's cwd, or the cwd outside git. */
  root: string;
  /** True outside git: the snapshot is in a git directory of Gatehouse's own. */
  privateRepo: boolean;
  /** The git directory holding the snapshot. */
  gitDir: string;
  ref: string;
  commit: string;
  /** ISO 8601. */
  takenAt: string;
  /** How long the snapshot took (the allow waited for it). */
  ms: number;
  kept: KeptPath[];
  /** Paths the command names that could not be kept, and why (too large, unreadable). */
  notKept: Array<{ path: string; why: string }>;
  /** A part of the snapshot that failed, in words; null when all of it was taken. */
  problem: string | null;
  /** What the command changed, once it ran; null until then (and when it did not run). */
  changes: { summary: string; files: FileChange[]; at: string } | null;
  /** When this request was undone, the undo's id; null otherwise. */
  undoneBy: string | null;
  /** For an undo's own snapshot: the request it undid. */
  undoOf?: string;
  /** Bytes the kept paths take in Gatehouse's data (the snapshot's objects live in the project's repository). */
  bytes: number;
}

/** What undoing a request would do, shown before it is done. Paths are relative to `root`. */
export interface UndoPreview {
  requestId: string;
  root: string;
  /** Files the command deleted that come back. */
  restore: string[];
  /** Files that exist now with other content and are put back as they were (the current content is snapshotted first). */
  overwrite: string[];
  /** Files created after the snapshot: moved to Gatehouse's trash, never deleted. */
  trash: string[];
  /** Files among those that something after this command changed too, and the later requests whose changes name them. */
  changedLater: Array<{ path: string; by: string[] }>;
  /** Ignored or outside paths kept beside the snapshot that are put back (absolute). */
  keptBack: string[];
  /** Paths the command named that were never kept (they cannot come back). */
  notKept: Array<{ path: string; why: string }>;
}

export interface UndoResult {
  /** The id of the undo: its own snapshot is under it, so the undo can be undone (`gatehouse undo <undoId>`). */
  undoId: string;
  restored: number;
  trashed: number;
  /** Where the moved files are, when any were moved. */
  trashDir: string | null;
  summary: string;
}

/** One undo's moved files in Gatehouse's trash. */
export interface TrashEntry {
  id: string;
  root: string;
  /** ISO 8601. */
  at: string;
  dir: string;
  files: string[];
}
