// Trust mode and auto-allow, always in reach (the tray has the same two): "Trust for 15 minutes" with its countdown
// and Stop, and "Pause auto-allow" / "Auto-allow low risk" for the `autoAllowLowRisk` setting.
import { useCommands } from '../app/context.ts';
import { useClock } from '../stores/clock.ts';
import { useSettings } from '../stores/settings.ts';
import { useTrust } from '../stores/trust.ts';
import { formatCountdown, spokenDuration } from './common/format.ts';

export function TrustControls() {
  const commands = useCommands();
  const endsAt = useTrust((s) => s.endsAt);
  const changing = useTrust((s) => s.changing);
  const error = useTrust((s) => s.error);
  const now = useClock((s) => s.now);
  const autoAllow = useSettings((s) => s.settings?.autoAllowLowRisk);
  const saving = useSettings((s) => s.saving);
  const left = endsAt ? Date.parse(endsAt) - now : 0;
  return (
    <div className="trust" role="group" aria-label="Trust and auto-allow">
      {endsAt && left > 0 ? (
        <>
          <span
            className="trusting"
            role="timer"
            aria-label={`Trusting for ${spokenDuration(left)} more: everything below high risk is allowed`}
          >
            <span aria-hidden="true">Trusting · {formatCountdown(left)}</span>
          </span>
          <button type="button" disabled={changing} onClick={() => void commands.stopTrust()}>
            Stop trusting
          </button>
        </>
      ) : (
        <button
          type="button"
          disabled={changing}
          title="Allow everything below high risk for 15 minutes"
          onClick={() => void commands.startTrust()}
        >
          Trust for 15 minutes
        </button>
      )}
      {autoAllow !== undefined && (
        <button
          type="button"
          aria-pressed={autoAllow}
          disabled={saving}
          title="Commands rated low risk are allowed without asking"
          onClick={() => void commands.updateSettings({ autoAllowLowRisk: !autoAllow })}
        >
          {autoAllow ? 'Pause auto-allow' : 'Auto-allow low risk'}
        </button>
      )}
      {error && (
        <span role="alert" className="send-error">
          {error}
        </span>
      )}
    </div>
  );
}
