// What happened after an allow, wherever a decision is shown: "ran · exit 1 · 2.3 s" (or why it never ran) and the end
// of its output. An allow says the command may run; this says whether it did. Nothing shows until it is known.
import type { GateRequest } from '../../../shared/domain.ts';
import { outcomePhrase } from '../../../shared/outcome.ts';
import { shownText } from '../../../shared/visible-text.ts';

/**
 * `inline`: after the status in a table cell (" · ran · exit 1 · 2.3 s"), the output folded away; otherwise a line of
 * its own ("Ran · exit 1 · 2.3 s") with the output under it.
 */
export function Outcome({ request, inline = false }: { request: GateRequest; inline?: boolean }) {
  const o = request.outcome;
  if (request.status !== 'allowed' || !o) return null;
  const phrase = outcomePhrase(o);
  // Codex reports no exit status, nor does a file tool: "ran" then says only that it ran.
  const note = o.state === 'ran' && o.exitCode === null ? 'The agent did not report an exit status.' : undefined;
  const summary = o.summary ? shownText(o.summary) : null;
  if (inline) {
    return (
      <span className={`run-outcome run-${o.state}`} data-outcome={o.state}>
        <span className="run-phrase" title={note}>
          {' · '}
          {phrase}
        </span>
        {summary && (
          <details className="run-details">
            <summary>Output</summary>
            <pre className="run-summary">{summary}</pre>
          </details>
        )}
      </span>
    );
  }
  return (
    <div className={`run-outcome run-${o.state}`} data-outcome={o.state}>
      <p className="run-phrase" title={note}>
        {phrase.charAt(0).toUpperCase() + phrase.slice(1)}
      </p>
      {summary && (
        <pre className="run-summary" aria-label="The end of its output">
          {summary}
        </pre>
      )}
    </div>
  );
}
