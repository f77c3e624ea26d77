// Is a process inside an agent session Gatehouse started? Three signs, any one enough:
// - ancestry: it, or a process above it, is a session's root (`gatehouse run`, a hosted terminal's program), matched by
//   pid and start time so a reused pid is not mistaken for it;
// - environment: it, or a process above it, was started with a session's GATEHOUSE_SESSION_ID or GATEHOUSE_TOKEN (a
//   double-forked helper is reparented to init but keeps its environment);
// - PID namespace: it lives in another one than the core (a sandbox such as bubblewrap's).
// What still escapes: a process that both cleared its environment and was reparented out of the tree, in the core's
// own namespace (and anything a same-user service outside the tree runs for it: systemd-run --user, a tmux server
// started elsewhere, cron). See docs/threat-model.md, "No decisions from inside an agent".
import { ENV as SESSION_ENV } from '../agents/hook-command.ts';
import { ancestry, type ProcReader } from './proc.ts';

export interface SessionRootProcess {
  sessionId: string;
  pid: number;
  startTime: number;
}

/** What the check needs to know of the sessions; the core answers from its store and its live roots. */
export interface SessionKnowledge {
  roots(): Iterable<SessionRootProcess>;
  /** The session a GATEHOUSE_SESSION_ID names, if this core started it (running or ended: a helper outlives its session). */
  sessionById(id: string): string | null;
  /** The session a GATEHOUSE_TOKEN belongs to, if any. */
  sessionByToken(token: string): string | null;
}

export type AgentOrigin =
  | { inside: false }
  | {
      inside: true;
      pid: number;
      sessionId: string | null;
      why: 'ancestry' | 'environment' | 'namespace';
      detail: string;
    };

/** The first sign that `pid` runs inside an agent session, or `{inside: false}`. */
export function agentOrigin(
  pid: number,
  proc: ProcReader,
  sessions: SessionKnowledge,
  coreNamespace: string | null,
): AgentOrigin {
  const chain = ancestry(proc, pid);
  const roots = [...sessions.roots()];
  for (const link of chain) {
    const root = roots.find((r) => r.pid === link.pid && r.startTime === link.stat.startTime);
    if (root)
      return {
        inside: true,
        pid,
        sessionId: root.sessionId,
        why: 'ancestry',
        detail:
          link.pid === pid
            ? `pid ${pid} is the session's own process`
            : `pid ${pid} descends from the session's process ${link.pid}`,
      };
  }
  for (const link of chain) {
    const env = proc.environ(link.pid);
    if (!env) continue;
    const byId = env.has(SESSION_ENV.session) ? sessions.sessionById(env.get(SESSION_ENV.session) as string) : null;
    const byToken = env.has(SESSION_ENV.token) ? sessions.sessionByToken(env.get(SESSION_ENV.token) as string) : null;
    const sessionId = byId ?? byToken;
    if (sessionId) {
      const whose = link.pid === pid ? `pid ${pid}` : `pid ${pid}'s ancestor ${link.pid}`;
      return {
        inside: true,
        pid,
        sessionId,
        why: 'environment',
        detail: `${whose} carries the session's ${byId ? SESSION_ENV.session : SESSION_ENV.token}`,
      };
    }
  }
  const namespace = proc.pidNamespace(pid);
  if (coreNamespace && namespace && namespace !== coreNamespace) {
    return {
      inside: true,
      pid,
      sessionId: null,
      why: 'namespace',
      detail: `pid ${pid} runs in another PID namespace (${namespace}) than Gatehouse (${coreNamespace}): a sandbox`,
    };
  }
  return { inside: false };
}
