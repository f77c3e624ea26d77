// Auto-allow and trust mode as what they are, states: two on/off switches, each with what it lets through and where.
// Auto-allow (the `autoAllowLowRisk` setting) switches at once. Trust mode lets medium-risk commands through in every
// session, so turning it on first asks, saying exactly that and until when; turning it off never asks.
import { useEffect, useRef, useState } from 'react';
import { QUICK_TRUST_MS } from '../../shared/rules.ts';
import { trustQuestion } from '../../shared/trust-words.ts';
import { useCommands } from '../app/context.ts';
import { useClock } from '../stores/clock.ts';
import { useSettings } from '../stores/settings.ts';
import { useTrust } from '../stores/trust.ts';
import { formatCountdown, spokenDuration } from './common/format.ts';

/** "14:32": when a window that starts now ends, as a person's clock shows it. */
export function clockTime(ms: number): string {
  return new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

const TRUST_MINUTES = QUICK_TRUST_MS / 60_000;

function Switch({
  label,
  on,
  disabled,
  onToggle,
  scope,
}: {
  label: string;
  on: boolean;
  disabled: boolean;
  onToggle: () => void;
  scope: string;
}) {
  return (
    <span className="mode">
      <button
        type="button"
        role="switch"
        className="switch"
        aria-checked={on}
        aria-describedby={`${label}-scope`.replaceAll(' ', '-').toLowerCase()}
        disabled={disabled}
        onClick={onToggle}
      >
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        {label}
        {/* Said by aria-checked; shown for the eye. */}
        <span className="switch-state" aria-hidden="true">
          {on ? 'on' : 'off'}
        </span>
      </button>
      <span className="hint" id={`${label}-scope`.replaceAll(' ', '-').toLowerCase()}>
        {scope}
      </span>
    </span>
  );
}

export function TrustControls() {
  const commands = useCommands();
  const endsAt = useTrust((s) => s.endsAt);
  const changing = useTrust((s) => s.changing);
  const error = useTrust((s) => s.error);
  const now = useClock((s) => s.now);
  const autoAllow = useSettings((s) => s.settings?.autoAllowLowRisk);
  const saving = useSettings((s) => s.saving);
  const [confirming, setConfirming] = useState(false);
  const left = endsAt ? Date.parse(endsAt) - now : 0;
  const trusting = left > 0;
  return (
    <div className="modes" role="group" aria-label="Auto-allow and trust mode">
      {autoAllow !== undefined && (
        <Switch
          label="Auto-allow low risk"
          on={autoAllow}
          disabled={saving}
          scope={autoAllow ? 'low-risk commands run without asking, in every session' : 'low-risk commands wait too'}
          onToggle={() => void commands.updateSettings({ autoAllowLowRisk: !autoAllow })}
        />
      )}
      <Switch
        label="Trust mode"
        on={trusting}
        disabled={changing}
        scope={
          trusting
            ? `medium risk too, in every session, ${formatCountdown(left)} left`
            : `medium risk too, in every session, for ${TRUST_MINUTES} minutes`
        }
        onToggle={() => (trusting ? void commands.stopTrust() : setConfirming(true))}
      />
      {error && (
        <span role="alert" className="send-error">
          {error}
        </span>
      )}
      {confirming && (
        <TrustConfirm
          now={now}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void commands.startTrust();
          }}
        />
      )}
    </div>
  );
}

/** The one question before trust mode: what it lets through, for how long, and what still waits. Cancel has the focus. */
function TrustConfirm({ now, onCancel, onConfirm }: { now: number; onCancel: () => void; onConfirm: () => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  const q = trustQuestion(clockTime(now + QUICK_TRUST_MS));
  return (
    <div className="overlay">
      <div
        className="confirm"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="trust-confirm-title"
        aria-describedby="trust-confirm-what"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onCancel();
          }
        }}
      >
        <h3 id="trust-confirm-title">{q.title}</h3>
        <p id="trust-confirm-what">{q.detail}</p>
        <div className="actions">
          <button type="button" className="primary" onClick={onConfirm}>
            {q.confirm}
          </button>
          <button type="button" ref={cancel} onClick={onCancel}>
            {q.cancel}
          </button>
        </div>
      </div>
    </div>
  );
}

/** While trust mode is on: what it lets through, and how long is left, above every view, with the way to end it. */
export function TrustBanner() {
  const commands = useCommands();
  const endsAt = useTrust((s) => s.endsAt);
  const changing = useTrust((s) => s.changing);
  const now = useClock((s) => s.now);
  const left = endsAt ? Date.parse(endsAt) - now : 0;
  if (!endsAt || left <= 0) return null;
  return (
    <section className="banner trusting" aria-label="Trust mode is on">
      <p>
        <strong>Trust mode is on.</strong> Low- and medium-risk commands from every session run without asking until{' '}
        {clockTime(Date.parse(endsAt))}.{' '}
        <span role="timer" aria-label={`${spokenDuration(left)} left`}>
          <span aria-hidden="true">{formatCountdown(left)} left</span>
        </span>
      </p>
      <button type="button" disabled={changing} onClick={() => void commands.stopTrust()}>
        Turn off now
      </button>
    </section>
  );
}
