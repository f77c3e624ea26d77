// The control API's handlers: validate the input, call a service, return a typed result.
import type { z } from 'zod';
import {
  AckTerminalInputSchema,
  ApiError,
  DecideInputSchema,
  EndSessionInputSchema,
  KillTerminalInputSchema,
  RecordEventsInputSchema,
  ResizeTerminalInputSchema,
  StartSessionInputSchema,
  StartTerminalInputSchema,
  WriteTerminalInputSchema,
  type ConnectionCalls,
  type ControlApi,
  type ControlClientApi,
  type CoreStatus,
} from '../../../shared/api.ts';
import type { Broker } from '../broker/broker.ts';
import type { PtyHost } from '../pty/pty-host.ts';
import type { SessionService } from '../sessions/session-service.ts';
import type { SessionRepository } from '../store/sessions.ts';

export interface ControlServices {
  broker: Broker;
  sessions: SessionRepository;
  sessionService: SessionService;
  terminals: PtyHost;
  status: () => Omit<CoreStatus, 'pending' | 'holdTimeoutMs'>;
}

function validate<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new ApiError('invalid_input', r.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
}

/** The calls every connection shares; `ConnectionCalls` are per connection (see `registerConnectionHandlers`). */
export function registerControlHandlers(s: ControlServices): Omit<ControlApi, ConnectionCalls> {
  const { broker, sessions, sessionService, terminals } = s;
  return {
    status: () => ({ ...s.status(), pending: broker.pending().length, holdTimeoutMs: broker.timeoutMs }),
    listPending: () => broker.pending(),
    getRequest: (id) => broker.get(validateId(id)),
    decide: (input) => {
      const d = validate(DecideInputSchema, input);
      return broker.decide(d.id, d.decision, d.reason, `human:${d.via}`);
    },
    listSessions: () => sessions.list(),
    startSession: (input) => {
      const { size, ...d } = validate(StartSessionInputSchema, input);
      return sessionService.start(d, size);
    },
    endSession: (input) => {
      const d = validate(EndSessionInputSchema, input);
      return sessionService.end(d.sessionId, d.exitCode);
    },
    recordEvents: (input) => {
      const d = validate(RecordEventsInputSchema, input);
      sessionService.record(d.sessionId, d.events);
      return true;
    },
    listTerminals: () => terminals.list(),
    startTerminal: (input) => terminals.start(validate(StartTerminalInputSchema, input)),
    writeTerminal: (input) => {
      const d = validate(WriteTerminalInputSchema, input);
      terminals.write(d.sessionId, d.data);
      return true;
    },
    resizeTerminal: (input) => {
      const d = validate(ResizeTerminalInputSchema, input);
      return terminals.resize(d.sessionId, d.cols, d.rows);
    },
    killTerminal: (input) => {
      const d = validate(KillTerminalInputSchema, input);
      terminals.kill(d.sessionId, d.signal);
      return true;
    },
    terminalSnapshot: (sessionId) => terminals.snapshot(validateId(sessionId)),
  };
}

export interface ConnectionHandlers {
  api: Pick<ControlApi, ConnectionCalls>;
  dispose(): void;
}

/** The calls whose effect belongs to one connection: its event subscription and the terminals it views. */
export function registerConnectionHandlers(s: Pick<ControlServices, 'broker' | 'terminals'>, client: Pick<ControlClientApi, 'onEvent' | 'onTerminalEvent'>, connectionId: string): ConnectionHandlers {
  let unsubscribe: (() => void) | null = null;
  const attached = new Set<string>();
  return {
    api: {
      subscribe: () => {
        unsubscribe ??= s.broker.onEvent((event) => client.onEvent(event));
        return true;
      },
      attachTerminal: (sessionId) => {
        const id = validateId(sessionId);
        attached.add(id);
        return s.terminals.attach(id, connectionId, (event) => client.onTerminalEvent(event));
      },
      detachTerminal: (sessionId) => {
        const id = validateId(sessionId);
        attached.delete(id);
        s.terminals.detach(id, connectionId);
        return true;
      },
      ackTerminal: (input) => {
        const d = validate(AckTerminalInputSchema, input);
        s.terminals.ack(d.sessionId, connectionId, d.chars);
        return true;
      },
    },
    dispose: () => {
      unsubscribe?.();
      for (const id of attached) s.terminals.detach(id, connectionId);
    },
  };
}

function validateId(id: unknown): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) throw new ApiError('invalid_input', 'id must be a non-empty string');
  return id;
}
