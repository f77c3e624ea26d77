// The control API's handlers: validate the input, call a service, return a typed result.
import type { z } from 'zod';
import {
  ApiError,
  DecideInputSchema,
  EndSessionInputSchema,
  HistoryQuerySchema,
  StartSessionInputSchema,
  type ControlApi,
  type CoreStatus,
  type HistoryPage,
} from '../../../shared/api.ts';
import type { Broker } from '../broker/broker.ts';
import { hashToken } from '../gate/server.ts';
import { newId, newToken } from '../ids.ts';
import type { SettingsFile } from '../settings.ts';
import type { DecidedPosition, RequestRepository } from '../store/requests.ts';
import type { SessionRepository } from '../store/sessions.ts';

export interface ControlServices {
  broker: Broker;
  sessions: SessionRepository;
  requests: RequestRepository;
  settings: SettingsFile;
  status: () => Omit<CoreStatus, 'pending' | 'holdTimeoutMs'>;
}

function validate<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new ApiError('invalid_input', r.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
}

/** `subscribe` is per connection, so the carrier supplies it. */
export function registerControlHandlers(s: ControlServices): Omit<ControlApi, 'subscribe'> {
  const { broker, sessions, requests, settings } = s;
  return {
    status: () => ({ ...s.status(), pending: broker.pending().length, holdTimeoutMs: broker.timeoutMs }),
    listPending: () => broker.pending(),
    getRequest: (id) => broker.get(validateId(id)),
    decide: (input) => {
      const d = validate(DecideInputSchema, input);
      return broker.decide(d.id, d.decision, d.reason, `human:${d.via}`);
    },
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
  };
}

const encodeCursor = (p: DecidedPosition): string => `d${p}`;

function decodeCursor(cursor: string): DecidedPosition {
  const m = /^d(\d{1,15})$/.exec(cursor);
  if (!m?.[1]) throw new ApiError('invalid_input', 'cursor: not a cursor this core returned');
  return Number(m[1]);
}

function validateId(id: unknown): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) throw new ApiError('invalid_input', 'id must be a non-empty string');
  return id;
}
