// The gate: HTTP over a Unix socket (a named pipe on Windows), reachable by agents' hooks.
// It accepts only interception requests, each with its session's token. Anything it cannot read is
// answered with a 4xx, which the hook command turns into a block: a bad request is never an allow.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { z } from 'zod';
import type { Agent, Session } from '../../../shared/domain.ts';
import type { Broker } from '../broker/broker.ts';
import type { SessionRepository } from '../store/sessions.ts';
import {
  ClaudeEventSchema,
  ClaudePreToolUseSchema,
  CodexHookSchema,
  GenericCheckSchema,
  SHELL_TOOLS,
  claudeAnswer,
  codexPermissionAnswer,
  codexPreToolUseAnswer,
  commandText,
  genericAnswer,
  type HookAnswer,
  type Interception,
} from './protocols.ts';
import { listenPrivate } from '../sockets.ts';
import { StoreUnavailableError } from '../store/failures.ts';

/** Hook payloads are a command plus a little metadata; 1 MiB leaves room for a long here-doc and refuses a flood. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** A hook sends its whole body at once; a client that trickles it for longer is stuck or hostile. */
const BODY_TIMEOUT_MS = 10_000;
/** Long enough to flush a written answer over a local socket; short enough that shutdown feels immediate. */
const CLOSE_GRACE_MS = 500;

export const GATE_PATHS = {
  claudePreToolUse: '/v1/gate/claude/pre-tool-use',
  claudeEvent: '/v1/gate/claude/event',
  codexPreToolUse: '/v1/gate/codex/pre-tool-use',
  codexPermissionRequest: '/v1/gate/codex/permission-request',
  check: '/v1/gate/check',
  health: '/v1/health',
} as const;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

interface Route {
  /** The agent whose hooks call this route; `null` for routes any session may use. */
  agent: Agent | null;
  handle(body: unknown, session: Session, signal: AbortSignal): Promise<HookAnswer>;
}

export interface GateServerDeps {
  broker: Broker;
  sessions: SessionRepository;
  onError?: (err: unknown) => void;
}

export class GateServer {
  private readonly server: http.Server;
  private readonly routes: Record<string, Route>;
  private readonly deps: GateServerDeps;

  constructor(deps: GateServerDeps) {
    this.deps = deps;
    this.routes = this.buildRoutes();
    // No request timeout: a held request legitimately waits for minutes. Headers must arrive promptly.
    this.server = http.createServer({ requestTimeout: 0, headersTimeout: BODY_TIMEOUT_MS }, (req, res) => {
      this.serve(req, res).catch((err: unknown) => {
        deps.onError?.(err);
        // A store that cannot write (locked, full disk, damaged) is said as such, with what to do.
        if (!res.headersSent && err instanceof StoreUnavailableError) reply(res, 503, { error: err.message });
        if (!res.headersSent) reply(res, 500, { error: 'internal error in the gate; the command is blocked' });
      });
    });
  }

  /** Listens on `socketPath`; on Unix the socket file is made 0600. */
  async listen(socketPath: string): Promise<void> {
    await listenPrivate(this.server, socketPath);
  }

  /** Stops accepting; answers already written get a moment to leave before connections are cut. */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeIdleConnections();
      setTimeout(() => this.server.closeAllConnections(), CLOSE_GRACE_MS).unref();
    });
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    if (url === GATE_PATHS.health) {
      reply(res, req.method === 'GET' ? 200 : 405, req.method === 'GET' ? { ok: true } : { error: 'use GET' });
      return;
    }
    const route = this.routes[url];
    if (!route) return reply(res, 404, { error: `no such gate endpoint: ${url}` });
    if (req.method !== 'POST') return reply(res, 405, { error: 'use POST' });
    try {
      const session = this.authenticate(req);
      if (route.agent && route.agent !== session.agent) {
        throw new HttpError(403, `this session belongs to ${session.agent}; ${url} is for ${route.agent}`);
      }
      const body = await readJson(req);
      const aborted = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) aborted.abort();
      });
      const answer = await route.handle(body, session, aborted.signal);
      if (!res.destroyed) {
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
      }
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      reply(res, err.status, { error: err.message });
      // Anything unread is dropped with the connection instead of being parsed.
      if (!req.complete) req.destroy();
    }
  }

  private authenticate(req: http.IncomingMessage): Session {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
    if (!match?.[1]) throw new HttpError(401, 'missing or malformed session token (Authorization: Bearer …)');
    const session = this.deps.sessions.findByTokenHash(hashToken(match[1]));
    if (!session) throw new HttpError(401, 'unknown session token');
    return session;
  }

  private buildRoutes(): Record<string, Route> {
    const { broker } = this.deps;
    const decide = (session: Session, i: Interception, payload: unknown, signal: AbortSignal) =>
      broker.submit({ sessionId: session.id, agent: i.agent, kind: i.kind, tool: i.tool, command: i.command, cwd: i.cwd, payload }, signal);
    return {
      [GATE_PATHS.claudePreToolUse]: {
        agent: 'claude',
        handle: async (body, session, signal) => {
          const p = parse(ClaudePreToolUseSchema, body);
          if (!SHELL_TOOLS.claude.includes(p.tool_name)) return { status: 200, body: '' };
          const command = p.tool_input.command;
          if (!command) throw new HttpError(422, `${p.tool_name} call without tool_input.command`);
          const i: Interception = { agent: 'claude', kind: 'pre-tool-use', tool: p.tool_name, command, cwd: p.cwd };
          return claudeAnswer(await decide(session, i, body, signal));
        },
      },
      [GATE_PATHS.claudeEvent]: {
        agent: 'claude',
        handle: async (body, session) => {
          const p = parse(ClaudeEventSchema, body);
          this.deps.sessions.recordEvent(session.id, p.hook_event_name, body, Date.now());
          broker.emit({ type: 'agent.notification', sessionId: session.id, event: p.hook_event_name, message: p.message ?? null });
          return { status: 200, body: '' };
        },
      },
      [GATE_PATHS.codexPreToolUse]: {
        agent: 'codex',
        handle: async (body, session, signal) => codexPreToolUseAnswer(await decide(session, codexInterception(body, 'pre-tool-use'), body, signal)),
      },
      [GATE_PATHS.codexPermissionRequest]: {
        agent: 'codex',
        handle: async (body, session, signal) =>
          codexPermissionAnswer(await decide(session, codexInterception(body, 'permission-request'), body, signal)),
      },
      [GATE_PATHS.check]: {
        agent: null,
        handle: async (body, session, signal) => {
          const p = parse(GenericCheckSchema, body);
          const i: Interception = { agent: session.agent, kind: 'check', tool: null, command: p.command, cwd: p.cwd };
          return genericAnswer(await decide(session, i, body, signal));
        },
      },
    };
  }
}

function codexInterception(body: unknown, kind: 'pre-tool-use' | 'permission-request'): Interception {
  const p = parse(CodexHookSchema, body);
  const raw = p.tool_input?.command ?? p.tool_input?.cmd;
  if (raw === undefined) throw new HttpError(422, `${p.tool_name ?? 'tool'} call without tool_input.command`);
  return { agent: 'codex', kind, tool: p.tool_name ?? null, command: commandText(raw), cwd: p.cwd };
}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
  throw new HttpError(422, `invalid hook payload: ${issues.join('; ')}`);
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, `body over ${MAX_BODY_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  const timer = setTimeout(() => req.destroy(new Error('body timeout')), BODY_TIMEOUT_MS);
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) throw new HttpError(413, `body over ${MAX_BODY_BYTES} bytes`);
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw new HttpError(400, 'could not read the request body');
  } finally {
    clearTimeout(timer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'the body is not valid JSON');
  }
}

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', connection: 'close' }).end(JSON.stringify(body));
}
