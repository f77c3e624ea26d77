// Recordings: how long and how much is kept (retention), and the user's own secret shapes to redact. The core
// validates every pattern (it must compile, match something, and not backtrack catastrophically); its refusal is
// shown under the field and nothing is saved.
import { useEffect, useState } from 'react';
import { MAX_REDACTION_PATTERNS, type Settings as SettingsValues } from '../../../shared/settings.ts';
import { useSettings } from '../../stores/settings.ts';

export function RecordingSettings({
  settings,
  onSave,
}: {
  settings: SettingsValues;
  onSave: (patch: Partial<SettingsValues>) => void;
}) {
  return (
    <fieldset>
      <legend>Recordings</legend>
      <NumberField
        id="retention-days"
        label="Delete ended sessions after (days)"
        value={settings.retention.maxAgeDays}
        min={1}
        max={36_500}
        onSave={(maxAgeDays) => onSave({ retention: { ...settings.retention, maxAgeDays } })}
      />
      <NumberField
        id="retention-mb"
        label="Keep recordings under (MB)"
        value={settings.retention.maxTotalMB}
        min={1}
        max={10_000_000}
        onSave={(maxTotalMB) => onSave({ retention: { ...settings.retention, maxTotalMB } })}
      />
      <RedactionPatterns
        patterns={settings.redactionPatterns}
        onSave={(redactionPatterns) => onSave({ redactionPatterns })}
      />
    </fieldset>
  );
}

export function NumberField({
  id,
  label,
  value,
  min,
  max,
  onSave,
}: {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  onSave: (n: number) => void;
}) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const n = Number(text);
  const valid = text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max;
  const commit = () => {
    if (valid && n !== value) onSave(n);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={text}
        aria-invalid={!valid}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {!valid && (
        <p className="send-error">
          A whole number from {min} to {max}.
        </p>
      )}
    </div>
  );
}

function RedactionPatterns({ patterns, onSave }: { patterns: string[]; onSave: (patterns: string[]) => void }) {
  const saveError = useSettings((s) => s.saveError);
  const [text, setText] = useState(patterns.join('\n'));
  const [sent, setSent] = useState(false);
  useEffect(() => setText(patterns.join('\n')), [patterns]);
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const changed = lines.join('\n') !== patterns.join('\n');
  return (
    <div className="field">
      <label htmlFor="redaction-patterns">
        Also redact these secret shapes (one regular expression a line; a leading (?i) ignores case)
      </label>
      <textarea
        id="redaction-patterns"
        rows={4}
        spellCheck={false}
        value={text}
        aria-describedby="redaction-help"
        aria-invalid={sent && Boolean(saveError)}
        onChange={(e) => setText(e.target.value)}
      />
      <p id="redaction-help" className="hint">
        Applied to what is recorded from now on, beside the built-in shapes (API keys, tokens, passwords). At most{' '}
        {MAX_REDACTION_PATTERNS}.
      </p>
      {sent && saveError && (
        <p className="send-error" role="alert">
          {saveError}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          disabled={!changed || lines.length > MAX_REDACTION_PATTERNS}
          onClick={() => {
            setSent(true);
            onSave(lines);
          }}
        >
          Save patterns
        </button>
      </div>
    </div>
  );
}
