// How a decided card says what happened, each thing once: who decided, the person's own reason if they gave one (not
// the default sentence the agent reads, which would repeat "by a person"), and, when nobody decided, what the agent
// was told. Decisions Gatehouse made itself carry a reason that already says who and what: it is shown alone.
import { HUMAN_DECISION_REASONS } from '../../../shared/notification-text.ts';
import type { GateRequest } from '../../../shared/domain.ts';
import { describeDecider, STATUS_WORDS } from '../common/format.ts';

export interface Outcome {
  /** `allowed`, `denied`, `timeout` or `abandoned`: the strip's chip and colour. */
  kind: 'allowed' | 'denied' | 'timeout' | 'abandoned';
  /** One word for the chip: Allowed, Denied, Timed out, Abandoned. */
  word: string;
  /** "Denied by a person, in the window: not on main". */
  summary: string;
  /** The sentence the agent read, when it is not already the summary (a timeout's). */
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
  const status = r.status === 'pending' ? 'denied' : r.status;
  if (d?.decidedBy === 'timeout')
    return {
      kind: 'timeout',
      word: 'Timed out',
      summary: 'Nobody decided in time, so it was denied',
      toldAgent: d.reason,
    };
  const kind = status === 'allowed' ? 'allowed' : status === 'denied' ? 'denied' : 'abandoned';
  const word = STATUS_WORDS[status];
  if (!d) return { kind, word, summary: word, toldAgent: null };
  if (d.decidedBy.startsWith('human:')) {
    const who = `${word} by ${decider(d.decidedBy)}`;
    const own = d.reason && !isDefaultReason(d.reason) ? `: ${d.reason}` : '';
    return { kind, word, summary: `${who}${own}`, toldAgent: null };
  }
  return { kind, word, summary: d.reason ?? `${word} by ${decider(d.decidedBy)}`, toldAgent: null };
}
