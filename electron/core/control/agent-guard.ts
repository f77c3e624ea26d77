// No decisions from inside an agent. On the control socket, every call that decides a held command or loosens policy
// first asks which process is at the other end (peer/unix-peer.ts) and whether it runs inside an agent session
// Gatehouse started (peer/agent-origin.ts). If it does, or if that cannot be told, the call is refused with where to
// decide instead, and the attempt is written to the audit trail. Read-only calls are never held up.
// The browser UI's WebSocket is guarded the same way, its peer found over TCP (peer/tcp-peer.ts): its token is kept in
// the data directory, which an agent without the sandbox can read. The desktop app's MessagePorts are not: nothing
// outside the app can hold one (see docs/threat-model.md, "No decisions from inside an agent").
import type net from 'node:net';
import { ApiError } from '../../../shared/api.ts';
import { agentOrigin, type AgentOrigin, type SessionKnowledge } from '../peer/agent-origin.ts';
import type { ProcReader } from '../peer/proc.ts';
import type { PeerLookup } from '../peer/unix-peer.ts';
import { hashToken } from '../gate/server.ts';
import type { SessionRoots } from '../sessions/session-roots.ts';
import type { AuditRepository } from '../store/audit.ts';
import type { SessionRepository } from '../store/sessions.ts';
import type { Admit, ControlHandlers, ServedHandlers } from './serve.ts';

/** The calls that decide or loosen, with what each does (for the refusal's words). Everything else is read-only or tightens. */
export const GUARDED_CALLS = {
  decide: 'decide a held command',
  addRule: 'add a rule',
  updateRule: 'change a rule',
  removeRule: 'remove a rule',
  importRules: 'import rules',
  startTrust: 'start trust mode',
  setTypingTrust: 'change which lines typed in a hosted shell run without asking',
  updateSettings: 'change settings',
  deleteSession: 'delete a session and its record',
  install: "wire an agent's settings to Gatehouse",
  uninstall: "take Gatehouse's hooks out of an agent's settings",
  undoRequest: "undo a command's changes",
  pruneSnapshots: 'remove the snapshots undo needs',
  restoreTrash: "put files back from Gatehouse's trash",
} as const satisfies Partial<Record<keyof ControlHandlers, string>>;
type GuardedCall = keyof typeof GUARDED_CALLS;

export const DECIDE_ELSEWHERE =
  'Decide in the Gatehouse window, from its tray menu, or with `gatehouse` in a terminal the agent did not start.';

export interface AgentGuardDeps {
  /** Who holds the other end of a connection; runs once per connection, when first needed. */
  lookup: (socket: net.Socket) => Promise<PeerLookup>;
  proc: ProcReader;
  sessions: SessionKnowledge;
  /** The core's own PID namespace (null where there is none to read). */
  coreNamespace: string | null;
  /** A session's root processes as the socket shows them: `gatehouse run`'s own pid, seen rather than told. */
  setRootProcesses: (sessionId: string, pids: readonly number[]) => void;
  audit: AuditRepository;
  now: () => number;
}

/** What a core knows of its sessions, as the origin check asks it: root processes live, ids and tokens from the store. */
export function sessionKnowledge(sessions: SessionRepository, roots: SessionRoots): SessionKnowledge {
  return {
    roots: () => roots.all(),
    sessionById: (id) => sessions.get(id)?.id ?? null,
    sessionByToken: (token) => sessions.findByTokenHash(hashToken(token))?.id ?? null,
  };
}

type Verdict = { refuse: false } | { refuse: true; origin: Extract<AgentOrigin, { inside: true }> | null; why: string };

export class AgentGuard {
  private readonly deps: AgentGuardDeps;

  constructor(deps: AgentGuardDeps) {
    this.deps = deps;
  }

  /**
   * What one control connection is served: `admit`, which the dispatch runs before it parses a call's input (a guarded
   * call judges the peer first, so an attempt from inside an agent is refused and audited even when its input is
   * malformed), and the handlers, where `startSession` notes the peer as the session's root.
   */
  forConnection(handlers: ControlHandlers, socket: net.Socket): { handlers: ServedHandlers; admit: Admit } {
    let peer: Promise<PeerLookup> | null = null;
    const lookup = () => (peer ??= this.deps.lookup(socket));
    const admit: Admit = async (name, args) => {
      if (!Object.hasOwn(GUARDED_CALLS, name)) return;
      const verdict = this.judge(await lookup());
      if (verdict.refuse) this.refuse(name as GuardedCall, args[0], verdict);
    };
    const served: ServedHandlers = { ...handlers };
    served.startSession = async (input) => {
      // Looked up first, so the session starts (and `session.started` goes out) just as its answer does.
      const found = await lookup();
      const started = handlers.startSession(input);
      if (found.kind === 'found') this.deps.setRootProcesses(started.session.id, found.pids);
      return started;
    };
    return { handlers: served, admit };
  }

  private judge(peer: PeerLookup): Verdict {
    if (peer.kind === 'unsupported') return { refuse: false };
    if (peer.kind === 'failed') return { refuse: true, origin: null, why: peer.why };
    for (const pid of peer.pids) {
      const origin = agentOrigin(pid, this.deps.proc, this.deps.sessions, this.deps.coreNamespace);
      if (origin.inside) return { refuse: true, origin, why: origin.detail };
    }
    return { refuse: false };
  }

  private refuse(call: GuardedCall, input: unknown, verdict: Extract<Verdict, { refuse: true }>): never {
    const what = GUARDED_CALLS[call];
    const { origin } = verdict;
    const requestId = call === 'decide' ? (input as { id?: unknown } | null)?.id : undefined;
    this.deps.audit.record({
      at: this.deps.now(),
      kind: 'decision.refused',
      actor: origin ? `agent:${origin.sessionId ?? 'sandbox'}` : 'unknown',
      subject: typeof requestId === 'string' ? requestId : call,
      data: {
        call,
        sessionId: origin?.sessionId ?? null,
        pid: origin?.pid ?? null,
        sign: origin?.why ?? 'unknown-peer',
        why: verdict.why,
      },
    });
    const message = origin
      ? `refused to ${what}: the request comes from inside ${origin.sessionId ? `agent session ${origin.sessionId}` : 'a sandbox'} (${verdict.why}). An agent cannot decide for itself. ${DECIDE_ELSEWHERE}`
      : `refused to ${what}: Gatehouse could not tell which process asked (${verdict.why}), so it cannot rule out the agent. ${DECIDE_ELSEWHERE}`;
    throw new ApiError('forbidden', message);
  }
}
