// Undo: how much of what a command names outside its snapshot (an ignored build folder, a folder outside the project)
// is kept beside it, and how much all of that may take. Snapshots age with the recordings (Recording's days).
import type { Settings as SettingsValues } from '../../../shared/settings.ts';
import { NumberField } from './RecordingSettings.tsx';

export function UndoSettings({
  settings,
  onSave,
}: {
  settings: SettingsValues;
  onSave: (patch: Partial<SettingsValues>) => void;
}) {
  return (
    <fieldset aria-labelledby="undo-legend">
      <legend id="undo-legend">Undo</legend>
      <p className="hint">
        Before a command that may change a project runs, Gatehouse snapshots the project (tracked and untracked files)
        so the command can be undone. Snapshots are kept as long as recordings.
      </p>
      <NumberField
        id="undo-keep-mb"
        label="Keep ignored or outside folders a command deletes, up to (MB per command)"
        value={settings.undoKeepMB}
        min={0}
        max={1_000_000}
        onSave={(undoKeepMB) => onSave({ undoKeepMB })}
      />
      <NumberField
        id="undo-total-mb"
        label="Keep all of those under (MB)"
        value={settings.undoMaxTotalMB}
        min={1}
        max={10_000_000}
        onSave={(undoMaxTotalMB) => onSave({ undoMaxTotalMB })}
      />
    </fieldset>
  );
}
