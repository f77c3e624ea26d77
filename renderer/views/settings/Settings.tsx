// Settings the core keeps in settings.json; each change is saved at once and comes back as `settings.changed`.
import { useEffect, useState } from 'react';
import {
  DEFAULT_TERMINAL_FONT_SIZE,
  MAX_HOLD_TIMEOUT_MS,
  MAX_TERMINAL_FONT_SIZE,
  MIN_HOLD_TIMEOUT_MS,
  MIN_TERMINAL_FONT_SIZE,
  ThemeSchema,
  type Settings as SettingsValues,
} from '../../../shared/settings.ts';
import { useAppContext } from '../../app/context.ts';
import { useSettings } from '../../stores/settings.ts';
import { ErrorState, Loading } from '../common/states.tsx';
import { AgentSettings } from './AgentSettings.tsx';
import { BrowserModeSettings } from './BrowserModeSettings.tsx';
import { RecordingSettings } from './RecordingSettings.tsx';
import { StorageSettings } from './StorageSettings.tsx';
import { UndoSettings } from './UndoSettings.tsx';

const MINUTE_MS = 60_000;
const THEME_WORDS = { system: 'Same as the system', light: 'Light', dark: 'Dark' } as const;

/** The sizes offered (a step a person can see), with the saved one even when the file holds another. */
function terminalSizes(saved: number): number[] {
  const steps = [12, 13, 14, 15, 16, 18, 20, 22, 24].filter(
    (px) => px >= MIN_TERMINAL_FONT_SIZE && px <= MAX_TERMINAL_FONT_SIZE,
  );
  return [...new Set([...steps, saved])].sort((a, b) => a - b);
}

export function Settings() {
  const load = useSettings((s) => s.load);
  const loadError = useSettings((s) => s.loadError);
  const settings = useSettings((s) => s.settings);
  return (
    <section className="view" aria-labelledby="settings-title">
      <header className="view-head">
        <h2 id="settings-title">Settings</h2>
        <SaveStatus />
      </header>
      {load === 'loading' || !settings ? (
        load === 'error' ? (
          <ErrorState title="Could not load settings" message={loadError ?? ''} />
        ) : (
          <Loading label="Loading settings…" />
        )
      ) : (
        <SettingsForm settings={settings} />
      )}
    </section>
  );
}

function SaveStatus() {
  const saving = useSettings((s) => s.saving);
  const saveError = useSettings((s) => s.saveError);
  if (saveError)
    return (
      <p role="alert" className="send-error">
        Not saved: {saveError}
      </p>
    );
  return (
    <p role="status" className="hint">
      {saving ? 'Saving…' : 'Changes are saved as you make them.'}
    </p>
  );
}

function SettingsForm({ settings }: { settings: SettingsValues }) {
  const { commands, mode } = useAppContext();
  const save = (patch: Partial<SettingsValues>) => void commands.updateSettings(patch);
  return (
    <form className="settings" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>Held commands</legend>
        <HoldTimeout valueMs={settings.holdTimeoutMs} onSave={(holdTimeoutMs) => save({ holdTimeoutMs })} />
        <label className="check">
          <input
            type="checkbox"
            checked={settings.autoAllowLowRisk}
            onChange={(e) => save({ autoAllowLowRisk: e.target.checked })}
          />
          Allow commands rated low risk without asking
        </label>
        <p className="hint">
          Only commands Gatehouse read completely and rated low in every part; never medium and above.
        </p>
      </fieldset>
      <RecordingSettings settings={settings} onSave={save} />
      <StorageSettings settings={settings} onSave={save} />
      <UndoSettings settings={settings} onSave={save} />
      <fieldset>
        <legend>Notifications</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={settings.notifyOnHeld}
            onChange={(e) => save({ notifyOnHeld: e.target.checked })}
          />
          Notify me when a command is held
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={settings.notifyOnlyWhenUnfocused}
            disabled={!settings.notifyOnHeld}
            onChange={(e) => save({ notifyOnlyWhenUnfocused: e.target.checked })}
          />
          Only when the Gatehouse window is not focused
        </label>
        {mode === 'browser' && <BrowserPermission />}
      </fieldset>
      <fieldset>
        <legend>Appearance</legend>
        {ThemeSchema.options.map((theme) => (
          <label key={theme} className="check">
            <input
              type="radio"
              name="theme"
              value={theme}
              checked={settings.theme === theme}
              onChange={() => save({ theme })}
            />
            {THEME_WORDS[theme]}
          </label>
        ))}
        <label className="field">
          Terminal text size
          <select
            value={settings.terminalFontSize}
            onChange={(e) => save({ terminalFontSize: Number(e.target.value) })}
          >
            {terminalSizes(settings.terminalFontSize).map((px) => (
              <option key={px} value={px}>
                {px} px{px === DEFAULT_TERMINAL_FONT_SIZE ? ' (default)' : ''}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <AgentSettings settings={settings} onSave={save} />
      <BrowserModeSettings settings={settings} onSave={save} />
      {mode === 'desktop' && (
        <fieldset>
          <legend>Desktop app</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={settings.openAtLogin}
              onChange={(e) => save({ openAtLogin: e.target.checked })}
            />
            Start Gatehouse when I log in
          </label>
        </fieldset>
      )}
    </form>
  );
}

function HoldTimeout({ valueMs, onSave }: { valueMs: number; onSave: (ms: number) => void }) {
  const [text, setText] = useState(String(valueMs / MINUTE_MS));
  useEffect(() => setText(String(valueMs / MINUTE_MS)), [valueMs]);
  const minutes = Number(text);
  const ms = Math.round(minutes * MINUTE_MS);
  const valid =
    text.trim() !== '' && Number.isFinite(minutes) && ms >= MIN_HOLD_TIMEOUT_MS && ms <= MAX_HOLD_TIMEOUT_MS;
  const commit = () => {
    if (valid && ms !== valueMs) onSave(ms);
  };
  return (
    <div className="field">
      <label htmlFor="hold-timeout">Deny a held command nobody decided after (minutes)</label>
      <input
        id="hold-timeout"
        type="number"
        inputMode="decimal"
        min={MIN_HOLD_TIMEOUT_MS / MINUTE_MS}
        max={MAX_HOLD_TIMEOUT_MS / MINUTE_MS}
        step="any"
        value={text}
        aria-invalid={!valid}
        aria-describedby="hold-timeout-help"
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      <p id="hold-timeout-help" className={valid ? 'hint' : 'send-error'}>
        {valid
          ? 'Applies to commands held from now on. The agent is told why.'
          : 'Between 1 second and 24 hours (1440 minutes).'}
      </p>
    </div>
  );
}

function BrowserPermission() {
  const supported = typeof Notification !== 'undefined';
  const [permission, setPermission] = useState(supported ? Notification.permission : 'denied');
  if (!supported) return <p className="hint">This browser cannot show notifications.</p>;
  if (permission === 'granted') return <p className="hint">This browser may show Gatehouse notifications.</p>;
  if (permission === 'denied')
    return <p className="hint">This browser blocks notifications from this page; allow them in the site settings.</p>;
  return (
    <button type="button" onClick={() => void Notification.requestPermission().then(setPermission)}>
      Allow notifications in this browser
    </button>
  );
}
