// How a decided card says what happened, each thing once: how it ended, who decided, the person's own reason if they
// gave one (not the default sentence the agent reads, which would repeat "by a person"), and, when nobody decided,
// what the agent was told. Decisions Gatehouse made itself carry a reason that already says who and what: it is
// shown alone.
import { HUMAN_DECISION_REASONS } from '../../../shared/notification-text.ts';
import type { GateRequest } from '../../../shared/domain.ts';
import { describeDecider, STATUS_WORDS } from '../common/format.ts';

export interface Outcome {
  /** `allowed`, `denied`, `timeout` or `abandoned`: the strip's chip and colour. */
  kind: 'allowed' | 'denied' | 'timeout' | 'abandoned';
  /** How it ended, in a word or two: Allowed, Denied, Timed out, Abandoned. */
  word: string;
  /** Who decided and why, after the word ("by a person, in the window: not on main"), or a sentence of its own. */
  detail: string | null;
  /** The sentence the agent read, when nothing else says it (a timeout's). */
  toldAgent: string | null;
}

const isDefaultReason = (reason: string) => Object.values<string>(HUMAN_DECISION_REASONS).includes(reason);
/** "A person, with the CLI" inside a sentence: only its first letter changes. */
const decider = (by: string) => {
  const words = describeDecider(by);
  return words.charAt(0).toLowerCase() + words.slice(1);
};

export function outcomeOf(r: GateRequest): Outcome {
  const d = r.decision;
  if (d?.decidedBy === 'timeout') return { kind: 'timeout', word: 'Timed out', detail: null, toldAgent: d.reason };
  const status = r.status === 'pending' ? 'denied' : r.status;
  const kind = status === 'allowed' ? 'allowed' : status === 'denied' ? 'denied' : 'abandoned';
  const word = STATUS_WORDS[status];
  if (!d) return { kind, word, detail: null, toldAgent: null };
  if (d.decidedBy.startsWith('human:')) {
    const own = d.reason && !isDefaultReason(d.reason) ? `: ${d.reason}` : '';
    return { kind, word, detail: `by ${decider(d.decidedBy)}${own}`, toldAgent: null };
  }
  return { kind, word, detail: d.reason ?? `by ${decider(d.decidedBy)}`, toldAgent: null };
}

/** The card's line: "Denied by a person, in the window: not on main", or Gatehouse's own sentence. */
export function outcomeLine(o: Outcome): string {
  if (!o.detail) return o.word;
  return o.detail.startsWith('by ') ? `${o.word} ${o.detail}` : o.detail;
}
