// The control API's handlers: validate the input, call a service, return a typed result.
import {
  ApiError,
  DecideInputSchema,
  EndSessionInputSchema,
  StartSessionInputSchema,
  type ControlApi,
  type CoreStatus,
  type DecideInput,
  type DecideResult,
} from '../../../shared/api.ts';
import type { z } from 'zod';
import type { SessionRepository } from '../store/sessions.ts';
import { hashToken } from '../gate/server.ts';
import { newId, newToken } from '../ids.ts';
import type { RuleDraft } from '../rules/service.ts';
import { learnedScope } from '../rules/learn.ts';
import { registerRulesHandlers, suggestionFor, validate, validateId, type RulesServices } from './rules-handlers.ts';

export interface ControlServices extends RulesServices {
  sessions: SessionRepository;
  status: () => Omit<CoreStatus, 'pending' | 'holdTimeoutMs' | 'trust' | 'autoAllowLowRisk'>;
  autoAllowLowRisk: () => boolean;
}

/**
 * A person's decision, and with `remember` the rules to keep from it. The rules are worked out and
 * checked before anything is decided, so a bad rule loses nothing; they are added once the decision is
 * committed (and then decide any other held request they cover).
 */
function decideAndRemember(s: ControlServices, d: z.output<typeof DecideInputSchema>): DecideResult {
  const by = `human:${d.via}` as const;
  if (!d.remember) return s.broker.decide(d.id, d.decision, d.reason, by);
  if (d.decision !== 'allow') throw new ApiError('invalid_input', '--remember goes with allow (add a deny rule with `gatehouse rules add --deny`)');
  const request = s.broker.get(d.id);
  const notes: string[] = [];
  let drafts: RuleDraft[];
  if (d.remember === true) {
    const suggestion = suggestionFor(s, request);
    notes.push(...suggestion.notes);
    drafts = suggestion.rules.map((r) => ({ ...r, source: `learned:${request.id}` }));
  } else {
    drafts = [{ effect: 'allow', kind: d.remember.kind, pattern: d.remember.pattern, scope: learnedScope(request), source: `learned:${request.id}` }];
  }
  drafts.forEach((draft) => s.rules.prepare(draft));
  const decided = s.broker.decide(d.id, d.decision, d.reason, by);
  const remembered = s.rules.add(drafts, by);
  return { ...decided, remembered, ...(notes.length ? { rememberNotes: notes } : {}) };
}

/** `subscribe` is per connection, so the carrier supplies it. */
export function registerControlHandlers(s: ControlServices): Omit<ControlApi, 'subscribe'> {
  const { broker, sessions } = s;
  return {
    status: () => ({ ...s.status(), pending: broker.pending().length, holdTimeoutMs: broker.timeoutMs, trust: s.trust.status(), autoAllowLowRisk: s.autoAllowLowRisk() }),
    listPending: () => broker.pending(),
    getRequest: (id) => broker.get(validateId(id)),
    decide: (input: DecideInput) => decideAndRemember(s, validate(DecideInputSchema, input)),
    listSessions: () => sessions.list(),
    startSession: (input) => {
      const d = validate(StartSessionInputSchema, input);
      const token = newToken();
      const session = sessions.insert({ id: newId(), agent: d.agent, argv: d.argv, cwd: d.cwd, pid: d.pid, tokenHash: hashToken(token), startedAt: Date.now() });
      broker.emit({ type: 'session.started', session });
      return { session, token, gateSocket: s.status().gateSocket, holdTimeoutMs: broker.timeoutMs };
    },
    endSession: (input) => {
      const d = validate(EndSessionInputSchema, input);
      const session = sessions.end(d.sessionId, d.exitCode, Date.now());
      if (!session) throw new ApiError('not_found', `no session with id ${d.sessionId}`);
      broker.emit({ type: 'session.ended', session });
      return session;
    },
    ...registerRulesHandlers(s),
  };
}
