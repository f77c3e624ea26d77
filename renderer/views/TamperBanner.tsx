// The gate was tampered with: what happened, that every command now waits for the reviewer, and the acknowledgement
// that lets rules, trust mode and auto-allow decide again. Shown above every view until acknowledged.
import { useCommands } from '../app/context.ts';
import { useTamper } from '../stores/tamper.ts';

export function TamperBanner() {
  const commands = useCommands();
  const status = useTamper((s) => s.status);
  const acknowledging = useTamper((s) => s.acknowledging);
  const error = useTamper((s) => s.error);
  if (!status?.locked) return null;
  return (
    <section className="banner tamper" role="alert" aria-label="Gatehouse was tampered with">
      <div>
        <p>
          <strong>Gatehouse&apos;s gate was tampered with</strong>{' '}
          {status.count === 1 ? 'once' : `${status.count} times`} since {status.since}. Every command waits for you:
          rules, trust mode and auto-allow allow nothing until you acknowledge it.
        </p>
        <ul>
          {status.reports.map((r, i) => (
            <li key={`${r.at}-${i}`}>
              {r.detail} {r.response}
            </li>
          ))}
        </ul>
        {status.sessionIds.length > 0 && (
          <p>Sessions running then: {status.sessionIds.join(', ')}. Check what they did before you trust them again.</p>
        )}
        {error && <p className="error">{error}</p>}
      </div>
      <button type="button" disabled={acknowledging} onClick={() => void commands.acknowledgeTamper()}>
        I have checked: acknowledge
      </button>
    </section>
  );
}
