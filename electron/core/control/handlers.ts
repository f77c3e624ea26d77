// The control API's handlers: validate the input, call a service, return a typed result.
import {
  ApiError,
  DecideInputSchema,
  EndSessionInputSchema,
  HistoryQuerySchema,
  StartSessionInputSchema,
  type ControlApi,
  type CoreStatus,
  type DecideInput,
  type DecideResult,
  type HistoryPage,
} from '../../../shared/api.ts';
import type { z } from 'zod';
import type { SessionRepository } from '../store/sessions.ts';
import { hashToken } from '../gate/server.ts';
import { newId, newToken } from '../ids.ts';
import type { RuleDraft } from '../rules/service.ts';
import { learnedScope } from '../rules/learn.ts';
import type { SettingsFile } from '../settings.ts';
import type { DecidedPosition } from '../store/requests.ts';
import { registerRulesHandlers, suggestionFor, validate, validateId, type RulesServices } from './rules-handlers.ts';

export interface ControlServices extends RulesServices {
  sessions: SessionRepository;
  settings: SettingsFile;
  status: () => Omit<CoreStatus, 'pending' | 'holdTimeoutMs' | 'trust'>;
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
  const { broker, sessions, requests, settings } = s;
  return {
    status: () => ({ ...s.status(), pending: broker.pending().length, holdTimeoutMs: broker.timeoutMs, trust: s.trust.status() }),
    listPending: () => broker.pending(),
    getRequest: (id) => broker.get(validateId(id)),
    decide: (input: DecideInput) => decideAndRemember(s, validate(DecideInputSchema, input)),
    listSessions: () => sessions.list(),
    listHistory: (query) => {
      const q = validate(HistoryQuerySchema, query);
      const after = q.cursor === undefined ? null : decodeCursor(q.cursor);
      // One more than asked for tells whether another page exists.
      const rows = requests.listDecided(q, q.limit + 1, after);
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      const result: HistoryPage = { items: page.map((r) => r.request), nextCursor: rows.length > q.limit && last ? encodeCursor(last.position) : null };
      return result;
    },
    getSettings: () => settings.read(),
    updateSettings: (patch) => {
      const next = settings.update(patch);
      if (typeof (patch as { holdTimeoutMs?: unknown }).holdTimeoutMs === 'number') broker.setHoldTimeout(next.holdTimeoutMs);
      broker.emit({ type: 'settings.changed', settings: next });
      // Turning auto-allow of low risk on decides what it now covers.
      broker.reconsider();
      return next;
    },
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

const encodeCursor = (p: DecidedPosition): string => `d${p}`;

function decodeCursor(cursor: string): DecidedPosition {
  const m = /^d(\d{1,15})$/.exec(cursor);
  if (!m?.[1]) throw new ApiError('invalid_input', 'cursor: not a cursor this core returned');
  return Number(m[1]);
}
