// The gate: HTTP over a Unix socket (a named pipe on Windows), reachable by agents' hooks.
// It accepts only interception requests, each with its session's token. Anything it cannot read is
// answered with a 4xx, which the hook command turns into a block: a bad request is never an allow.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { z } from 'zod';
import type { Agent, RiskAssessment, Session } from '../../../shared/domain.ts';
import type { Broker, Verdict } from '../broker/broker.ts';
import type { FileChange } from '../risk/index.ts';
import { claudeFileCall, codexPatchCall, FILE_TOOLS, type FileToolCall } from './file-tools.ts';
import type { SessionRepository } from '../store/sessions.ts';
import { checkConfigChange, describeFinding } from '../agents/launch-checks.ts';
import {
  ClaudeConfigChangeSchema,
  claudeConfigChangeAnswer,
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
import { clearSocketPath, listenPrivate } from '../sockets.ts';
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
  claudeConfigChange: '/v1/gate/claude/config-change',
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

/** Judges a file tool's change by where it lands (`risk/file-change.ts`); null when no protected place is touched. */
export type FileChangeJudge = (change: FileChange) => RiskAssessment | null;

export interface GateServerDeps {
  broker: Broker;
  sessions: SessionRepository;
  judgeFileChange: FileChangeJudge;
  onError?: (err: unknown) => void;
}

export class GateServer {
  /** The listener now, and earlier ones (after a retake) still answering the requests they hold. */
  private server: http.Server;
  private readonly retired = new Set<http.Server>();
  private readonly routes: Record<string, Route>;
  private readonly deps: GateServerDeps;

  constructor(deps: GateServerDeps) {
    this.deps = deps;
    this.routes = this.buildRoutes();
    this.server = this.createServer();
  }

  private createServer(): http.Server {
    // No request timeout: a held request legitimately waits for minutes. Headers must arrive promptly.
    return http.createServer({ requestTimeout: 0, headersTimeout: BODY_TIMEOUT_MS }, (req, res) => {
      this.serve(req, res).catch((err: unknown) => {
        this.deps.onError?.(err);
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

  /**
   * Listens again at `socketPath` after something else took the path (tamper detection). New hooks reach the new
   * listener. The old one keeps listening until the core stops: requests held on its connections are answered there,
   * and a sandbox that bound the old socket in (bubblewrap binds by inode) still reaches the gate through it; nothing
   * else can, its name is gone. (Closed earlier, it would unlink the new socket's file: libuv unlinks by name.)
   */
  async retake(socketPath: string): Promise<void> {
    this.retired.add(this.server);
    this.server = this.createServer();
    clearSocketPath(socketPath);
    await listenPrivate(this.server, socketPath);
  }

  /** Stops accepting; answers already written get a moment to leave before connections are cut. */
  async close(): Promise<void> {
    await Promise.all([this.server, ...this.retired].map((server) => closeGently(server)));
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
          const file = fileCall(() => claudeFileCall(p.tool_name, p.tool_input));
          if (file) return this.fileChange(session, 'claude', file, p.cwd, body, signal, claudeAnswer);
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
      [GATE_PATHS.claudeConfigChange]: {
        agent: 'claude',
        handle: async (body, session) => {
          const p = parse(ClaudeConfigChangeSchema, body);
          const findings = checkConfigChange(p.source, p.file_path);
          const refusal = findings.length > 0 ? `Gatehouse refused this settings change: ${findings.map(describeFinding).join(' ')}` : null;
          this.deps.sessions.recordEvent(session.id, p.hook_event_name, body, Date.now());
          if (refusal) broker.emit({ type: 'agent.notification', sessionId: session.id, event: p.hook_event_name, message: refusal });
          return claudeConfigChangeAnswer(refusal);
        },
      },
      [GATE_PATHS.codexPreToolUse]: {
        agent: 'codex',
        handle: async (body, session, signal) => {
          const patch = codexPatch(body);
          if (patch) return this.fileChange(session, 'codex', patch.call, patch.cwd, body, signal, codexPreToolUseAnswer);
          return codexPreToolUseAnswer(await decide(session, codexInterception(body, 'pre-tool-use'), body, signal));
        },
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

  /**
   * A file tool's call: held (as a request, with the judge's assessment) only when it changes a protected place.
   * Anything else goes on at once with no output, so the agent's own permissions apply as if Gatehouse were not
   * there, and nothing is recorded: an ordinary edit is neither a card nor a row in the history.
   */
  private async fileChange(
    session: Session,
    agent: Agent,
    call: FileToolCall,
    cwd: string,
    payload: unknown,
    signal: AbortSignal,
    answer: (v: Verdict) => HookAnswer,
  ): Promise<HookAnswer> {
    const risk = this.deps.judgeFileChange({ tool: call.tool, paths: call.paths, cwd });
    if (!risk) return { status: 200, body: '' };
    const submission = { sessionId: session.id, agent, kind: 'pre-tool-use' as const, tool: call.tool, command: call.summary, cwd, payload, risk };
    return answer(await this.deps.broker.submit(submission, signal));
  }
}

/** A file tool's call, or null; a file tool's call the gate cannot read is a 422 (the hook blocks it). */
function fileCall(read: () => FileToolCall | null): FileToolCall | null {
  try {
    return read();
  } catch (err) {
    throw new HttpError(422, err instanceof Error ? err.message : String(err));
  }
}

/** Codex's `apply_patch` (its patch in `tool_input.command`), or null for any other tool. */
function codexPatch(body: unknown): { call: FileToolCall; cwd: string } | null {
  const p = parse(CodexHookSchema, body);
  if (!p.tool_name || !FILE_TOOLS.codex.includes(p.tool_name)) return null;
  const patch = p.tool_input?.command;
  if (typeof patch !== 'string') throw new HttpError(422, `${p.tool_name} call without the patch in tool_input.command`);
  return { call: codexPatchCall(patch), cwd: p.cwd };
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

function closeGently(server: http.Server): Promise<void> {
  return new Promise<void>((resolve) => {
    // A listener retired by a retake no longer listens: it calls back at once, and its connections are cut below.
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
  });
}

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', connection: 'close' }).end(JSON.stringify(body));
}
