// Browser mode (`gatehouse daemon --ui`): the port its URL uses. Taken at the core's next start, not at once: moving a
// running page to another port would cut it off from the core it is talking to.
import type { Settings as SettingsValues } from '../../../shared/settings.ts';
import { NumberField } from './RecordingSettings.tsx';

export function BrowserModeSettings({
  settings,
  onSave,
}: {
  settings: SettingsValues;
  onSave: (patch: Partial<SettingsValues>) => void;
}) {
  return (
    <fieldset>
      <legend>Browser mode</legend>
      <NumberField
        id="ui-port"
        label="Port on 127.0.0.1"
        value={settings.uiPort}
        min={1024}
        max={65_535}
        onSave={(uiPort) => onSave({ uiPort })}
      />
      <p className="hint">
        Used from the next start of <code>gatehouse daemon --ui</code>; a bookmark of the old port stops working, and{' '}
        <code>gatehouse ui</code> opens the new URL. <code>gatehouse ui --rotate-token</code> shuts out a URL that was
        shared by mistake.
      </p>
    </fieldset>
  );
}
