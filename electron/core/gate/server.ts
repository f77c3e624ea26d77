// The gate: HTTP over a Unix socket (a named pipe on Windows), reachable by agents' hooks.
// It accepts only interception requests, each with its session's token, or (an installed hook's, `gatehouse install`)
// placed in a session by the agent process it runs under (sessions/installed-sessions.ts). Anything it cannot read is
// answered with a 4xx, which the hook command turns into a block: a bad request is never an allow.
// Each agent's endpoints come from its plug-in (`agents/registry.ts`); the gate itself serves only the generic check.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { RiskAssessment, Session } from '../../../shared/domain.ts';
import type { Broker, Submission, Verdict } from '../broker/broker.ts';
import type { Agent } from '../../../shared/domain.ts';
import { INSTALLED_HEADERS, INSTALLED_HOOK } from '../agents/install/hook.ts';
import { InstalledHookRefused, type InstalledSessions } from '../sessions/installed-sessions.ts';
import type { OutcomeService } from '../broker/outcomes.ts';
import type { Publisher } from '../events/bus.ts';
import type { FileChange } from '../risk/index.ts';
import type { FileToolCall } from './file-tools.ts';
import type { SessionRepository } from '../store/sessions.ts';
import { NativeRuleGrants } from '../agents/native-rules.ts';
import type { AgentPlugin, HookCall } from '../agents/plugin.ts';
import { AGENTS } from '../agents/registry.ts';
import { canaryAnswer, readCanary } from '../agents/canary.ts';
import { GateLiveness } from './liveness.ts';
import { decidedNotice, heldNotice } from './line-notices.ts';
import {
  GenericCheckSchema,
  genericAnswer,
  HookPayloadError,
  parseHookPayload,
  type HookAnswer,
  type OutcomeLink,
} from './protocols.ts';
import { clearSocketPath, listenPrivate } from '../sockets.ts';
import { StoreUnavailableError } from '../store/failures.ts';

/** Hook payloads are a command plus a little metadata; 1 MiB leaves room for a long here-doc and refuses a flood. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** A hook sends its whole body at once; a client that trickles it for longer is stuck or hostile. */
const BODY_TIMEOUT_MS = 10_000;
/** Long enough to flush a written answer over a local socket; short enough that shutdown feels immediate. */
const CLOSE_GRACE_MS = 500;

/** The gate's own endpoints; each agent's are under `/v1/gate/<agent id>/` (its plug-in's `hooks`). */
export const GATE_PATHS = {
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
  agent: string | null;
  /** `say` sends a line for the client to print before the answer comes (the answer is then 200 whatever it is). */
  handle(body: unknown, session: Session, signal: AbortSignal, say: (text: string) => void): Promise<HookAnswer>;
}

/** Judges a file tool's change by where it lands (`risk/file-change.ts`); null when no protected place is touched. */
export type FileChangeJudge = (change: FileChange) => RiskAssessment | null;

export interface GateServerDeps {
  broker: Broker;
  /** Where the agents' post-tool reports and turn ends go; without it they are read and dropped (tests of other parts). */
  outcomes?: Pick<OutcomeService, 'report' | 'turnEnded'>;
  /**
   * Whether a session's generic checks will be followed by a report of what ran: a hosted shell's marks. (An agent's
   * hooks say so themselves.) Nothing is awaited when absent.
   */
  reportsShellOutcomes?: (sessionId: string) => boolean;
  /** Where an agent's notifications (and refused settings changes) are published as `agent.notification`. */
  events: Publisher;
  sessions: SessionRepository;
  judgeFileChange: FileChangeJudge;
  /** The agents whose endpoints the gate serves; every registered plug-in unless a test says otherwise. */
  agents?: readonly AgentPlugin[];
  /** Whether `key` is the typed-line key of the hosted shell `sessionId` (pty/typed-lines.ts). */
  typedLine?: (sessionId: string, key: string) => boolean;
  /** Finds or starts the session of an installed hook's request (no token: `gatehouse install`); without it they are refused. */
  installed?: Pick<InstalledSessions, 'resolve'>;
  /** Rules for an agent's own settings approved with a command (native-rules.ts); one of its own unless the core shares one. */
  nativeRules?: NativeRuleGrants;
  /** Which sessions have called (the agent-status list reads it); one of its own unless the core shares one. */
  liveness?: GateLiveness;
  onError?: (err: unknown) => void;
}

/** How long a verdict is kept for the same tool call asked again by the session's other hook (installed beside run's). */
const SAME_CALL_MS = 60_000;

export class GateServer {
  /** The listener now, and earlier ones (after a retake) still answering the requests they hold. */
  private server: http.Server;
  private readonly retired = new Set<http.Server>();
  private readonly routes: Record<string, Route>;
  private readonly deps: GateServerDeps;
  /** The verdict of each tool call asked lately, for the same call asked by the session's other hook (`submitOnce`). */
  private readonly sameCall = new Map<string, Promise<Verdict>>();
  private readonly liveness: GateLiveness;
  private readonly nativeRules: NativeRuleGrants;

  constructor(deps: GateServerDeps) {
    this.deps = deps;
    this.nativeRules = deps.nativeRules ?? new NativeRuleGrants();
    this.liveness = deps.liveness ?? new GateLiveness();
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
        // A client already told something (`say`) gets a cut-off answer, which holds no allow: blocked.
        else res.destroy();
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
      const installed = !req.headers.authorization && req.headers[INSTALLED_HEADERS.hook] === INSTALLED_HOOK;
      const token = installed ? null : this.authenticate(req);
      if (token && route.agent && route.agent !== token.agent) {
        throw new HttpError(403, `this session belongs to ${token.agent}; ${url} is for ${route.agent}`);
      }
      const body = await readJson(req);
      const session = token ?? (await this.installedSession(req, route, body));
      const first = this.liveness.called(session.id);
      // The launcher's canary, as a launched session's very first call (an installed hook has no launcher): answered
      // deny-shaped, no card, nothing stored. In any other place the same body is an ordinary call (agents/canary.ts).
      const nonce = first && token ? readCanary(body) : null;
      if (nonce !== null) {
        const answer = canaryAnswer(nonce);
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
        return;
      }
      const aborted = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) aborted.abort();
      });
      const say = (text: string) => {
        if (res.destroyed) return;
        if (!res.headersSent) res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.write(`say: ${text}\n`);
      };
      const answer = await route.handle(body, session, aborted.signal, say);
      if (res.destroyed) return;
      // After `say` lines the status is sent already (200): the answer is the last line.
      if (res.headersSent) res.end(`${answer.body}\n`);
      else res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    } catch (caught) {
      // A payload a hook could not read is a 422 like any other bad request: the hook command blocks.
      const err = caught instanceof HookPayloadError ? new HttpError(422, caught.message) : caught;
      if (!(err instanceof HttpError)) throw err;
      reply(res, err.status, { error: err.message });
      // Anything unread is dropped with the connection instead of being parsed.
      if (!req.complete) req.destroy();
    }
  }

  /** An installed hook's session, by its agent's process (sessions/installed-sessions.ts); refused as a 403. */
  private async installedSession(req: http.IncomingMessage, route: Route, body: unknown): Promise<Session> {
    const { installed } = this.deps;
    if (!route.agent || !installed)
      throw new HttpError(403, `installed hooks cannot use ${req.url ?? '/'}; start the agent with \`gatehouse run\``);
    const pid = req.headers[INSTALLED_HEADERS.agentPid];
    try {
      return await installed.resolve({
        agent: route.agent as Agent,
        agentPid: typeof pid === 'string' ? pid : undefined,
        body,
        socket: req.socket,
      });
    } catch (err) {
      if (err instanceof InstalledHookRefused) throw new HttpError(403, err.message);
      throw err;
    }
  }

  /**
   * Submits once per tool call: a session whose agent runs both its `gatehouse run` hook and an installed one asks
   * about each call twice, and both get the one verdict. Keyed by the call's id AND its command, tool and cwd, so a
   * request made up with another call's id is judged on its own.
   */
  private submitOnce(s: Submission, signal: AbortSignal): Promise<Verdict> {
    if (!s.callId) return this.deps.broker.submit(s, signal);
    const key = JSON.stringify([s.sessionId, s.callId, s.tool, s.command, s.cwd]);
    const known = this.sameCall.get(key);
    if (known) return known;
    const verdict = this.deps.broker.submit(s, signal);
    this.sameCall.set(key, verdict);
    const forget = () => setTimeout(() => this.sameCall.delete(key), SAME_CALL_MS).unref();
    verdict.then(forget, forget);
    return verdict;
  }

  private authenticate(req: http.IncomingMessage): Session {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
    if (!match?.[1]) throw new HttpError(401, 'missing or malformed session token (Authorization: Bearer …)');
    const session = this.deps.sessions.findByTokenHash(hashToken(match[1]));
    if (!session) throw new HttpError(401, 'unknown session token');
    return session;
  }

  /** Every agent's endpoints (each only for its own sessions), and the generic check for any session. */
  private buildRoutes(): Record<string, Route> {
    const routes: Record<string, Route> = {};
    for (const agent of this.deps.agents ?? AGENTS) {
      for (const hook of agent.hooks) {
        // An endpoint outside the agent's own prefix, or one taken twice, would let one agent answer for another.
        if (!hook.path.startsWith(`/v1/gate/${agent.id}/`))
          throw new Error(`${agent.id}: the endpoint ${hook.path} is not under /v1/gate/${agent.id}/`);
        if (routes[hook.path]) throw new Error(`${agent.id}: the endpoint ${hook.path} is taken twice`);
        routes[hook.path] = {
          agent: agent.id,
          handle: (body, session, signal) => hook.handle(this.hookCall(body, session, signal)),
        };
      }
    }
    routes[GATE_PATHS.check] = {
      agent: null,
      handle: (body, session, signal, say) => this.check(body, session, signal, say),
    };
    return routes;
  }

  /**
   * The generic `{command, cwd}` check. A hosted shell's line gate adds `typed` (its key: the person typed this at the
   * prompt, so the shell's typing trust applies) and `progress` (say in the terminal that it waits, then how it was
   * decided: gate/line-notices.ts). The key is never stored: the payload kept with the request leaves it out.
   */
  private async check(
    body: unknown,
    session: Session,
    signal: AbortSignal,
    say: (text: string) => void,
  ): Promise<HookAnswer> {
    const { typed: key, progress, ...payload } = parseHookPayload(GenericCheckSchema, body);
    const typed = key !== undefined && (this.deps.typedLine?.(session.id, key) ?? false);
    let held = false;
    const verdict = await this.deps.broker.submit(
      {
        sessionId: session.id,
        agent: session.agent,
        kind: 'check',
        tool: null,
        command: payload.command,
        cwd: payload.cwd,
        payload,
        callId: null,
        // A hosted shell reports how the line ended (its exit mark); a check from elsewhere does not.
        expectsOutcome: this.deps.reportsShellOutcomes?.(session.id) ?? false,
        typed,
      },
      signal,
      progress
        ? (request) => {
            held = true;
            say(heldNotice(request));
          }
        : undefined,
    );
    if (progress && (held || verdict.decision === 'deny')) say(decidedNotice(verdict, this.deps.broker.timeoutMs));
    return genericAnswer(verdict);
  }

  /** One call of a hook: its payload, its session, and the ways to a decision (see `HookCall`). */
  private hookCall(body: unknown, session: Session, signal: AbortSignal): HookCall {
    const { sessions } = this.deps;
    return {
      body,
      session,
      decide: (i) =>
        this.submitOnce(
          {
            sessionId: session.id,
            agent: session.agent,
            kind: i.kind,
            tool: i.tool,
            command: i.command,
            cwd: i.cwd,
            payload: body,
            callId: i.callId ?? null,
            expectsOutcome: i.expectsOutcome ?? false,
          },
          signal,
        ),
      decideFileChange: (call, cwd, link) => this.fileChange(session, call, cwd, body, signal, link),
      reportOutcome: (report) => this.deps.outcomes?.report(session.id, report),
      turnEnded: () => this.deps.outcomes?.turnEnded(session.id),
      record: (event) => sessions.recordEvent(session.id, event, body, Date.now()),
      notify: (event, message) =>
        this.deps.events.publish({ type: 'agent.notification', sessionId: session.id, event, message }),
      nativeRules: this.nativeRules.forSession(session.id),
    };
  }

  /**
   * A file tool's call: held (as a request, with the judge's assessment) only when it changes a protected place.
   * Anything else goes on at once (null: the hook answers with no output), so the agent's own permissions apply as if
   * Gatehouse were not there, and nothing is recorded: an ordinary edit is neither a card nor a row in the history.
   */
  private async fileChange(
    session: Session,
    call: FileToolCall,
    cwd: string,
    payload: unknown,
    signal: AbortSignal,
    link: OutcomeLink | undefined,
  ): Promise<Verdict | null> {
    const risk = this.deps.judgeFileChange({ tool: call.tool, paths: call.paths, cwd });
    if (!risk) return null;
    const submission = {
      sessionId: session.id,
      agent: session.agent,
      kind: 'pre-tool-use' as const,
      tool: call.tool,
      command: call.summary,
      cwd,
      payload,
      risk,
      callId: link?.callId ?? null,
      expectsOutcome: link?.expectsOutcome ?? false,
    };
    return this.submitOnce(submission, signal);
  }
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
