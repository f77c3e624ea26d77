// What an allowed command changed in its project, wherever its decision is shown (the card, the audit row): a short
// summary ("deleted 412 files in src/") with the list on opening, what could not be kept, and *Undo this command*:
// a preview first (what comes back, what is put back over later changes, what goes to Gatehouse's trash), then the
// undo. Nothing shows for a request without a snapshot (read-only, denied, or expired).
import { useEffect } from 'react';
import type { GateRequest } from '../../../shared/domain.ts';
import type { SnapshotRecord, UndoPreview } from '../../../shared/undo.ts';
import { useCommands } from '../../app/context.ts';
import { useUndo } from '../../stores/undo.ts';

/** Files listed under a summary; the rest are counted. */
const LISTED = 200;

export function Changes({ request }: { request: GateRequest }) {
  const commands = useCommands();
  const snapshot = useUndo((s) => s.snapshots[request.id]);
  const step = useUndo((s) => s.steps[request.id]);
  const allowed = request.status === 'allowed';
  useEffect(() => {
    if (allowed) void commands.loadSnapshot(request.id);
  }, [allowed, commands, request.id]);
  if (!snapshot) return null;
  // Held: only what the snapshot could not keep (the core says so as soon as it is taken), before the person decides.
  if (request.status === 'pending') return <KeepWarnings snapshot={snapshot} />;
  if (!allowed) return null;
  const files = snapshot.changes?.files ?? [];
  return (
    <div className="changes" data-undo={snapshot.undoneBy ? 'undone' : 'kept'}>
      {snapshot.changes ? (
        <details className="changes-list">
          <summary>{capital(snapshot.changes.summary)}</summary>
          <ul>
            {files.slice(0, LISTED).map((f) => (
              <li key={f.path}>
                <span className={`change-${f.kind}`}>{f.kind}</span> {f.path}
              </li>
            ))}
            {files.length > LISTED && <li>… and {files.length - LISTED} more</li>}
          </ul>
        </details>
      ) : (
        <p className="changes-list">Snapshot taken; what it changed shows once it has run.</p>
      )}
      <KeepWarnings snapshot={snapshot} />
      {snapshot.undoneBy ? (
        <p className="changes-undone">
          Undone (the undo is {snapshot.undoneBy}; `gatehouse undo {snapshot.undoneBy}` takes it back).
        </p>
      ) : (
        <UndoControls requestId={request.id} />
      )}
      {step?.step === 'done' && (
        <p className="changes-undone" role="status">
          Undone: {step.result.summary}.{step.result.trashDir && ` Moved files are in ${step.result.trashDir}.`}
        </p>
      )}
    </div>
  );
}

function KeepWarnings({ snapshot }: { snapshot: SnapshotRecord }) {
  if (!snapshot.problem && snapshot.notKept.length === 0) return null;
  return (
    <div className="changes">
      {snapshot.problem && <p className="changes-warning">{capital(snapshot.problem)}.</p>}
      {snapshot.notKept.map((n) => (
        <p key={n.path} className="changes-warning">
          Not kept, so an undo cannot bring it back: {n.path}, because {n.why}.
        </p>
      ))}
    </div>
  );
}

function UndoControls({ requestId }: { requestId: string }) {
  const commands = useCommands();
  const step = useUndo((s) => s.steps[requestId]);
  if (!step || step.step === 'done')
    return (
      <button type="button" className="undo-button" onClick={() => void commands.previewUndo(requestId)}>
        Undo this command
      </button>
    );
  if (step.step === 'previewing') return <p className="changes-list">Comparing with the snapshot…</p>;
  if (step.step === 'failed')
    return (
      <p className="changes-warning" role="alert">
        The undo did not go through: {step.message}{' '}
        <button type="button" onClick={() => commands.cancelUndo(requestId)}>
          Close
        </button>
      </p>
    );
  const busy = step.step === 'undoing';
  return (
    <div className="undo-preview" aria-label="What the undo will do">
      <PreviewLists preview={step.preview} />
      <button type="button" className="primary" disabled={busy} onClick={() => void commands.confirmUndo(requestId)}>
        {busy ? 'Restoring…' : 'Restore these files'}
      </button>{' '}
      <button type="button" disabled={busy} onClick={() => commands.cancelUndo(requestId)}>
        Cancel
      </button>
    </div>
  );
}

function PreviewLists({ preview: p }: { preview: UndoPreview }) {
  const nothing = p.restore.length + p.overwrite.length + p.trash.length + p.keptBack.length === 0;
  if (nothing) return <p>Nothing differs from the snapshot: there is nothing to undo.</p>;
  const later = [...new Set(p.changedLater.flatMap((c) => c.by))];
  return (
    <>
      <FileList title="Come back" paths={p.restore} />
      <FileList title="Put back as they were (what is there now is snapshotted first)" paths={p.overwrite} />
      <FileList title="Created since: moved to Gatehouse's trash, not deleted" paths={p.trash} />
      <FileList title="Kept outside the snapshot, put back" paths={p.keptBack} />
      {later.length > 0 && (
        <p className="changes-warning">
          Changed again after this command (by {later.join(', ')}): {p.changedLater.map((c) => c.path).join(', ')}.
          Restoring overwrites those changes too.
        </p>
      )}
      {p.notKept.map((n) => (
        <p key={n.path} className="changes-warning">
          Cannot come back: {n.path}, because {n.why}.
        </p>
      ))}
    </>
  );
}

function FileList({ title, paths }: { title: string; paths: readonly string[] }) {
  if (paths.length === 0) return null;
  return (
    <details>
      <summary>
        {title} ({paths.length})
      </summary>
      <ul>
        {paths.slice(0, LISTED).map((p) => (
          <li key={p}>{p}</li>
        ))}
        {paths.length > LISTED && <li>… and {paths.length - LISTED} more</li>}
      </ul>
    </details>
  );
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
