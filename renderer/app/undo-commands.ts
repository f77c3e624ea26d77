// Undo's commands for a card or an audit row: what a request changed (asked once, then kept current by
// `request.changes`), the preview of its undo, and the undo itself (`undoRequest`, guarded in the core).
import type { CoreApi } from '../../shared/api.ts';
import { useUndo } from '../stores/undo.ts';
import { messageOf } from './messages.ts';

export interface UndoCommands {
  /** Asks for a request's snapshot unless it is known. */
  loadSnapshot(requestId: string): Promise<void>;
  previewUndo(requestId: string): Promise<void>;
  /** Undoes the request whose preview is shown. */
  confirmUndo(requestId: string): Promise<void>;
  cancelUndo(requestId: string): void;
}

export function undoCommands(api: Pick<CoreApi, 'getSnapshot' | 'previewUndo' | 'undoRequest'>): UndoCommands {
  const store = () => useUndo.getState();
  return {
    loadSnapshot: async (id) => {
      if (id in store().snapshots) return;
      try {
        store().snapshotKnown(id, await api.getSnapshot(id));
      } catch {
        // An older core without undo: the card shows nothing of it.
        store().snapshotKnown(id, null);
      }
    },
    previewUndo: async (id) => {
      store().stepChanged(id, { step: 'previewing' });
      try {
        store().stepChanged(id, { step: 'preview', preview: await api.previewUndo(id) });
      } catch (err) {
        store().stepChanged(id, { step: 'failed', message: messageOf(err) });
      }
    },
    confirmUndo: async (id) => {
      const now = store().steps[id];
      if (now?.step !== 'preview') return;
      store().stepChanged(id, { step: 'undoing', preview: now.preview });
      try {
        store().stepChanged(id, { step: 'done', result: await api.undoRequest({ id, via: 'window' }) });
      } catch (err) {
        store().stepChanged(id, { step: 'failed', message: messageOf(err) });
      }
    },
    cancelUndo: (id) => store().stepChanged(id, null),
  };
}
