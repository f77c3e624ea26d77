// The control API's handlers: validate the input, call a service, return a typed result.
import {
  ApiError,
  DecideInputSchema,
  EndSessionInputSchema,
  StartSessionInputSchema,
  type ControlApi,
  type CoreStatus,
} from '../../../shared/api.ts';
import type { Broker } from '../broker/broker.ts';
import { hashToken } from '../gate/server.ts';
import { newId, newToken } from '../ids.ts';
import type { Recordings } from '../recording/service.ts';
import type { SessionRepository } from '../store/sessions.ts';
import { recordingHandlers } from './recording-handlers.ts';
import { validate } from './validate.ts';

export interface ControlServices {
  broker: Broker;
  sessions: SessionRepository;
  recordings: Recordings;
  status: () => Omit<CoreStatus, 'pending' | 'holdTimeoutMs'>;
}

/** `subscribe` is per connection, so the carrier supplies it. */
export function registerControlHandlers(s: ControlServices): Omit<ControlApi, 'subscribe'> {
  const { broker, sessions } = s;
  return {
    ...recordingHandlers(s.recordings),
    status: () => ({ ...s.status(), pending: broker.pending().length, holdTimeoutMs: broker.timeoutMs }),
    listPending: () => broker.pending(),
    getRequest: (id) => broker.get(validateId(id)),
    decide: (input) => {
      const d = validate(DecideInputSchema, input);
      return broker.decide(d.id, d.decision, d.reason, `human:${d.via}`);
    },
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
  };
}

function validateId(id: unknown): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) throw new ApiError('invalid_input', 'id must be a non-empty string');
  return id;
}
