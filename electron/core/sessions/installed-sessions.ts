// Sessions for installed hooks (`gatehouse install <agent>`): a plain `claude` or `codex` has no `gatehouse run`, so no
// session and no token. Its hook says it is installed and names the agent's process (`X-Gatehouse-Agent-Pid: $PPID`);
// the gate checks that name against the connection (docs/decisions/0044-installed-hooks-find-their-session.md):
// - the socket's peer (the hook's curl or Node client, found with `ss`, peer/unix-peer.ts) must descend from that
//   process, strictly below it, so a hook can only speak for an agent it runs under;
// - the session is keyed by that process (pid and start time, so a reused pid is another process) and the agent's own
//   session id from the payload: a made-up session id only ever makes another session of the same process;
// - a process already inside a live session of the same agent (`gatehouse run claude`, whose hooks run beside the
//   installed ones) is that session: the gate then asks once per tool call (gate/server.ts);
// - the agent's process becomes the session's root, so decisions from inside it are refused and the status shows it.
// No /proc or no peer lookup (macOS, Windows, no `ss`): the request is refused, and the hook blocks the command.
import fs from 'node:fs';
import type net from 'node:net';
import type { Agent, Session, SessionProtection } from '../../../shared/domain.ts';
import { agentOrigin, type SessionKnowledge } from '../peer/agent-origin.ts';
import { ancestry, type ProcReader } from '../peer/proc.ts';
import type { PeerLookup } from '../peer/unix-peer.ts';
import type { SessionRepository } from '../store/sessions.ts';
import type { SessionService } from './session-service.ts';

/** The session event that marks a session as an installed hook's (its payload: the agent's session id, its process). */
export const INSTALLED_EVENT = 'gatehouse.installed-hook';
/** How often sessions whose agent has exited are ended. */
const SWEEP_MS = 15_000;
const MAX_AGENT_SESSION_ID = 200;

/** An installed hook's request that cannot be placed: the gate answers 403, and the hook blocks the command. */
export class InstalledHookRefused extends Error {
  override readonly name = 'InstalledHookRefused';
}

export interface InstalledSessionsDeps {
  proc: ProcReader | null;
  lookupPeer: (socket: net.Socket) => Promise<PeerLookup>;
  /** Processes that may never be an agent's root: pid 1 and the core's own line of parents. */
  refused: ReadonlySet<number>;
  knowledge: SessionKnowledge;
  sessions: Pick<SessionRepository, 'get' | 'running' | 'lastOf' | 'recordEvent'>;
  service: Pick<SessionService, 'start' | 'end' | 'reportProtections'>;
  /** Where the hooks are installed, for the session's status ("installed hook in ~/.claude/settings.json"). */
  installedFile: (agent: Agent) => string | null;
  /** The agent process's command line; null when it cannot be read. */
  cmdline?: (pid: number) => string[] | null;
  onError: (err: unknown) => void;
}

interface Live {
  sessionId: string;
  pid: number;
  startTime: number;
}

function linuxCmdline(pid: number): string[] | null {
  try {
    const parts = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return parts.length > 0 ? parts : null;
  } catch {
    return null;
  }
}

/** What guards a session started by an installed hook, for the UI and `gatehouse sessions`. */
export function installedProtections(file: string | null): SessionProtection[] {
  return [
    {
      layer: 'hooks',
      state: 'on',
      detail: `installed hook${file ? ` in ${file}` : ''} (\`gatehouse install\`): every launch of the agent asks Gatehouse before its commands run`,
    },
    {
      layer: 'sandbox',
      state: 'off',
      detail: 'not started with `gatehouse run`, so the agent runs without a sandbox',
    },
  ];
}

export class InstalledSessions {
  private readonly deps: InstalledSessionsDeps;
  private readonly live = new Map<string, Live>();
  private timer: NodeJS.Timeout | null = null;

  constructor(deps: InstalledSessionsDeps) {
    this.deps = deps;
  }

  /** Ends the installed sessions an earlier core left running (their keys were in its memory), and starts the sweep. */
  start(): void {
    for (const s of this.deps.sessions.running()) {
      if (this.deps.sessions.lastOf(s.id, INSTALLED_EVENT, INSTALLED_EVENT) !== INSTALLED_EVENT) continue;
      this.deps.service.end(s.id, null).catch(this.deps.onError);
    }
    this.timer = setInterval(() => this.sweep(), SWEEP_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Ends the sessions whose agent process has exited (or whose pid now names another process). */
  sweep(): void {
    for (const [key, l] of this.live) {
      if (this.deps.proc?.stat(l.pid)?.startTime === l.startTime) continue;
      this.live.delete(key);
      if (this.deps.sessions.get(l.sessionId)?.endedAt === null)
        this.deps.service.end(l.sessionId, null).catch(this.deps.onError);
    }
  }

  /** The session an installed hook's request belongs to, found or started; throws `InstalledHookRefused`. */
  async resolve(o: {
    agent: Agent;
    agentPid: string | undefined;
    body: unknown;
    socket: net.Socket;
  }): Promise<Session> {
    const { proc } = this.deps;
    if (!proc)
      throw new InstalledHookRefused(
        'installed hooks need /proc (Linux) to tell which agent is asking; start the agent with `gatehouse run` instead',
      );
    const pid = Number(o.agentPid);
    if (!Number.isSafeInteger(pid) || pid <= 1 || this.deps.refused.has(pid))
      throw new InstalledHookRefused(`the hook named no agent process it may speak for (${o.agentPid ?? 'none'})`);
    const peer = await this.deps.lookupPeer(o.socket);
    if (peer.kind !== 'found')
      throw new InstalledHookRefused(
        `Gatehouse could not tell which process is asking (${peer.kind === 'failed' ? peer.why : 'no peer lookup here'})`,
      );
    const link = peer.pids
      .map((p) => ancestry(proc, p).slice(1))
      .flat()
      .find((l) => l.pid === pid);
    if (!link) throw new InstalledHookRefused(`the hook does not run under the agent process it names (${pid})`);
    const body = (o.body && typeof o.body === 'object' ? o.body : {}) as {
      session_id?: unknown;
      sessionId?: unknown;
      cwd?: unknown;
    };
    // GitHub Copilot CLI's camelCase payloads name it `sessionId`.
    const named = typeof body.session_id === 'string' ? body.session_id : body.sessionId;
    const agentSessionId = typeof named === 'string' ? named.slice(0, MAX_AGENT_SESSION_ID) : '';

    // Inside a live session of the same agent (`gatehouse run` wired its own hooks too): that session.
    const origin = agentOrigin(pid, proc, this.deps.knowledge, null);
    if (origin.inside && origin.sessionId) {
      const s = this.deps.sessions.get(origin.sessionId);
      if (s && s.endedAt === null && s.agent === o.agent) return s;
    }

    const key = [o.agent, pid, link.stat.startTime, agentSessionId].join('\0');
    const known = this.live.get(key);
    const existing = known ? this.deps.sessions.get(known.sessionId) : null;
    if (existing && existing.endedAt === null) return existing;

    const argv = (this.deps.cmdline ?? linuxCmdline)(pid) ?? [o.agent];
    const cwd = typeof body.cwd === 'string' && body.cwd.length > 0 ? body.cwd.slice(0, 4096) : '/';
    const { session } = this.deps.service.start({ agent: o.agent, argv: argv.slice(0, 1000), cwd, pid });
    this.live.set(key, { sessionId: session.id, pid, startTime: link.stat.startTime });
    this.deps.sessions.recordEvent(session.id, INSTALLED_EVENT, { agentSessionId, pid }, Date.now());
    return this.deps.service.reportProtections(session.id, installedProtections(this.deps.installedFile(o.agent)));
  }
}
