// What happened after an allow, in words: one phrase for the card, the audit, the replay marker and the daemon's log
// ("ran · exit 1 · 2.3 s"), so every place says it the same way. Pure.
import type { OutcomeSource, RequestOutcome } from './domain.ts';

/** The output kept with an outcome: its end, where a failure says why. Enough for a line or five, never a log. */
export const OUTCOME_SUMMARY_CHARS = 400;

/**
 * How long after an allow Gatehouse waits for a report before it says the command never ran. Past the longest a
 * command runs in the foreground of either agent (Claude Code's Bash stops one at 10 minutes); the usual ways of
 * knowing sooner are the agent's turn ending or the session ending without a report.
 */
export const OUTCOME_WAIT_MS = 15 * 60_000;

/** "45 ms", "2.3 s", "4 min 5 s", "1 h 2 min". */
export function shortDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(Math.round(ms / 100) / 10).toString()} s`;
  const s = Math.round(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  const m = Math.round(s / 60);
  return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`;
}

const NOT_RUN: Readonly<Record<Exclude<OutcomeSource, 'agent' | 'shell'>, string>> = {
  'turn-ended': "the agent's turn ended without running it",
  'session-ended': 'the session ended before it ran',
  'no-report': `nothing was reported within ${OUTCOME_WAIT_MS / 60_000} minutes`,
};

/** Why a command that was allowed did not run, in words. */
export function notRunReason(o: RequestOutcome): string {
  if (o.source === 'agent' || o.source === 'shell') return 'the agent said it did not run';
  return NOT_RUN[o.source];
}

/**
 * The parts of the phrase: `['ran', 'exit 1', '2.3 s']` (an exit status says by itself whether it failed),
 * `['failed', '12 ms']` (an error or an interruption, the summary says which), `['ran', '0.4 s']` (no exit status
 * reported: Codex gives none, nor does a file tool), `['not run: the session ended before it ran']`.
 */
export function outcomeParts(o: RequestOutcome): string[] {
  if (o.state === 'not-run') return [`not run: ${notRunReason(o)}`];
  const parts: string[] = [o.exitCode === null ? o.state : 'ran'];
  if (o.exitCode !== null) parts.push(`exit ${o.exitCode}`);
  if (o.durationMs !== null) parts.push(shortDuration(o.durationMs));
  return parts;
}

/** "ran · exit 1 · 2.3 s". */
export function outcomePhrase(o: RequestOutcome): string {
  return outcomeParts(o).join(' · ');
}
