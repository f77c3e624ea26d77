// Undo, per request, as the core last told us: its snapshot and what its command changed (`request.changes` events
// and `getSnapshot`), and an undo in progress on a card or an audit row: its preview, then its result.
import { create } from 'zustand';
import type { SnapshotRecord, UndoPreview, UndoResult } from '../../shared/undo.ts';

export type UndoStep =
  | { step: 'previewing' }
  | { step: 'preview'; preview: UndoPreview }
  | { step: 'undoing'; preview: UndoPreview }
  | { step: 'done'; result: UndoResult }
  | { step: 'failed'; message: string };

export interface UndoState {
  /** A request's snapshot; null once asked when it has none; absent until asked or told. */
  snapshots: Record<string, SnapshotRecord | null>;
  steps: Record<string, UndoStep>;
  snapshotKnown(requestId: string, snapshot: SnapshotRecord | null): void;
  stepChanged(requestId: string, step: UndoStep | null): void;
}

export const useUndo = create<UndoState>()((set) => ({
  snapshots: {},
  steps: {},
  snapshotKnown: (requestId, snapshot) => set((s) => ({ snapshots: { ...s.snapshots, [requestId]: snapshot } })),
  stepChanged: (requestId, step) =>
    set((s) => {
      const steps = { ...s.steps };
      if (step) steps[requestId] = step;
      else delete steps[requestId];
      return { steps };
    }),
}));
