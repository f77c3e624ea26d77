// The control API's undo calls: a request's snapshot and changes, the preview, the undo (guarded: agent-guard.ts),
// the snapshots' list and pruning, and the trash.
import { ApiError, type ControlApi } from '../../../shared/api.ts';
import type { UndoService } from '../undo/service.ts';

type UndoCalls =
  'getSnapshot' | 'previewUndo' | 'undoRequest' | 'listSnapshots' | 'pruneSnapshots' | 'listTrash' | 'restoreTrash';

const DAY_MS = 86_400_000;

export function undoHandlers(undo: UndoService | null | undefined): Pick<ControlApi, UndoCalls> {
  const service = (): UndoService => {
    if (!undo) throw new ApiError('conflict', 'undo is off in this Gatehouse: no git was found at a system path');
    return undo;
  };
  return {
    getSnapshot: (id) => undo?.get(id) ?? null,
    previewUndo: (id) => service().preview(id),
    undoRequest: ({ id, via }) => service().undo(id, `human:${via}`),
    listSnapshots: () => undo?.list() ?? [],
    pruneSnapshots: ({ all, olderThanDays }) =>
      service().prune(
        all ? Number.POSITIVE_INFINITY : olderThanDays === undefined ? undefined : Date.now() - olderThanDays * DAY_MS,
      ),
    listTrash: () => undo?.trash.list() ?? [],
    restoreTrash: (id) => {
      try {
        return service().trash.putBack(id);
      } catch (err) {
        if (err instanceof ApiError) throw err;
        throw new ApiError('not_found', (err as Error).message);
      }
    },
  };
}
