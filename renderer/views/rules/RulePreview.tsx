// What a rule being written would have done: the core replays it against every recorded request (with the rules in
// force, in place of the rule being edited) and, for an allow rule, against probes of what its pattern covers. Asked
// again a moment after each change to the form, so the person sees the effect before saving.
import { useEffect, useState } from 'react';
import type { BacktestInput, BacktestResult, RuleOutcome } from '../../../shared/rules.ts';
import { shownText } from '../../../shared/visible-text.ts';
import { useCommands } from '../../app/context.ts';
import { messageOf } from '../../app/messages.ts';
import { ShownCode } from '../common/ShownText.tsx';

/** Long enough that typing a pattern asks once, at the end; short enough to feel immediate. */
export const PREVIEW_DELAY_MS = 400;
/** The changed commands listed; the rest are counted. */
const SHOWN = 5;

const OUTCOME_WORDS: Readonly<Record<RuleOutcome, string>> = {
  allow: 'allowed',
  deny: 'denied',
  ask: 'always asked',
  none: 'no rule',
};

type Preview =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; result: BacktestResult }
  | { state: 'error'; message: string };

/** `input` null: the form cannot be asked about yet (no pattern, a directory that is not absolute). */
export function RulePreview({ input }: { input: BacktestInput | null }) {
  const commands = useCommands();
  const [preview, setPreview] = useState<Preview>({ state: 'idle' });
  const key = input ? JSON.stringify(input) : null;
  useEffect(() => {
    if (!key) {
      setPreview({ state: 'idle' });
      return;
    }
    let live = true;
    setPreview({ state: 'loading' });
    const timer = setTimeout(() => {
      commands.backtestRule(JSON.parse(key) as BacktestInput).then(
        (result) => live && setPreview({ state: 'ready', result }),
        (err: unknown) => live && setPreview({ state: 'error', message: messageOf(err) }),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [commands, key]);
  return (
    <section className="rule-preview" aria-label="What this rule would have done" aria-live="polite">
      {preview.state === 'idle' ? (
        <p className="hint">Write a pattern to see what it would have decided in your history.</p>
      ) : preview.state === 'loading' ? (
        <p className="hint">Checking your history…</p>
      ) : preview.state === 'error' ? (
        <p className="send-error">{preview.message}</p>
      ) : (
        <PreviewResult result={preview.result} />
      )}
    </section>
  );
}

function PreviewResult({ result: r }: { result: BacktestResult }) {
  const shown = r.changed.slice(0, SHOWN);
  const of = `Of ${r.examined} earlier command${r.examined === 1 ? '' : 's'}`;
  if (r.examined === 0 && r.warnings.length === 0)
    return <p className="hint">No earlier commands to check it against yet.</p>;
  return (
    <>
      <p className={r.riskyTotal > 0 ? 'send-error' : 'hint'}>
        {r.changedTotal === 0
          ? `${of}, it would have decided none differently.`
          : `${of}, it would have decided ${r.changedTotal} differently${r.riskyTotal > 0 ? `, ${r.riskyTotal} of them rated high or critical` : ''}:`}
      </p>
      {shown.length > 0 && (
        <ul className="backtest-list">
          {shown.map((c) => (
            <li key={c.requestId} className={c.risky ? 'risky' : undefined}>
              <ShownCode text={c.command} />
              <span className="hint">
                {OUTCOME_WORDS[c.before]} → {OUTCOME_WORDS[c.after]}
              </span>
              {c.level && c.risky && <span className={`level level-${c.level}`}>{c.level}</span>}
            </li>
          ))}
          {r.changedTotal > shown.length && <li className="hint">…and {r.changedTotal - shown.length} more</li>}
        </ul>
      )}
      {r.warnings.length > 0 && (
        <ul className="warnings" aria-label="Warnings">
          {r.warnings.map((w, i) => (
            <li key={i} className="send-error">
              {shownText(w)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
