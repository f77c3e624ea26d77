// The control API's handlers: take the input (already parsed with its schema, see parse-input.ts), call a service,
// return a typed result.
import {
  ApiError,
  type ConnectionCalls,
  type ControlApi,
  type ControlClientApi,
  type BrowserUiStatus,
  type CoreStatus,
  type DecideResult,
  type DescriptorUse,
  type HistoryPage,
  type ParsedInput,
} from '../../../shared/api.ts';
import type { AgentStatusReport } from '../../../shared/agent-status.ts';
import type { GateRequest } from '../../../shared/domain.ts';
import type { PtyHost } from '../pty/pty-host.ts';
import type { Recordings } from '../recording/core/service.ts';
import type { RuleDraft } from '../rules/service.ts';
import { learnedScope } from '../rules/learn.ts';
import type { SessionService } from '../sessions/session-service.ts';
import type { Subscribable } from '../events/bus.ts';
import type { SettingsService } from '../settings/service.ts';
import type { DecidedPosition } from '../store/requests.ts';
import type { SessionRepository } from '../store/sessions.ts';
import { recordingHandlers } from './recording-handlers.ts';
import { registerRulesHandlers, suggestionFor, type RulesServices } from './rules-handlers.ts';
import { registerTamperHandlers, type TamperServices } from './tamper-handlers.ts';
import { registerInstallHandlers, type InstallServices } from './install-handlers.ts';
import { undoHandlers } from './undo-handlers.ts';
import { agentRulesFor, withAgentRules, type NativeRulesServices } from './native-rules-handlers.ts';
import type { UndoService } from '../undo/service.ts';
import type { SaferService } from '../safer/service.ts';

export interface ControlServices extends RulesServices, TamperServices, InstallServices, NativeRulesServices {
  sessions: SessionRepository;
  settings: Pick<SettingsService, 'saved' | 'update'>;
  /** The core's events, pushed to each connection that subscribes. */
  events: Subscribable;
  sessionService: SessionService;
  terminals: PtyHost;
  recordings: Recordings;
  status: () => Omit<CoreStatus, 'pending' | 'holdTimeoutMs' | 'trust' | 'tamper' | 'descriptors' | 'store'>;
  /** File descriptors in use now (optional: tests build services without it). */
  descriptors?: () => DescriptorUse | null;
  /** What the store cannot do now, or null (optional: tests build services without it). */
  storeHealth?: () => string | null;
  storage: Pick<ControlApi, 'storageStatus' | 'compactStorage'>;
  /** Browser mode's URL and token (web/browser-ui.ts). */
  browserUi: { status(): BrowserUiStatus; rotateToken(): BrowserUiStatus };
  /** Undo (undo/service.ts); absent or null where it is off (no git) and in tests that do not need it. */
  undo?: UndoService | null;
  /** "Run it safer" (safer/service.ts); absent in tests that do not need it: then no request has a safer form. */
  safer?: Pick<SaferService, 'choose'> | null;
  /** Which running agents are protected (sessions/agent-status.ts). */
  agents: { report(): AgentStatusReport };
}

/**
 * A person's decision, and with `remember` the rules to keep from it. The rules are worked out and
 * checked before anything is decided, so a bad rule loses nothing; they are added once the decision is
 * committed (and then decide any other held request they cover).
 */
function decideAndRemember(s: ControlServices, d: ParsedInput<'decide'>): DecideResult {
  const by = `human:${d.via}` as const;
  if (!d.remember) return s.broker.decide(d.id, d.decision, d.reason, by);
  if (d.decision !== 'allow')
    throw new ApiError(
      'invalid_input',
      '--remember goes with allow (add a deny rule with `gatehouse rules add --deny`)',
    );
  const request = s.broker.get(d.id);
  const notes: string[] = [];
  let drafts: RuleDraft[];
  if (d.remember === true) {
    const suggestion = suggestionFor(s, request);
    notes.push(...suggestion.notes);
    drafts = suggestion.rules.map((r) => ({ ...r, source: `learned:${request.id}` }));
  } else {
    const chosen = Array.isArray(d.remember) ? d.remember : [d.remember];
    drafts = chosen.map((r) => ({
      effect: 'allow',
      kind: r.kind,
      pattern: r.pattern,
      scope: r.scope ?? learnedScope(request),
      ttlMs: r.ttlMs,
      source: `learned:${request.id}`,
    }));
  }
  drafts.forEach((draft) => s.rules.prepare(draft));
  // Also in the agent's own rules: kept for the request before the verdict reaches its hook (native-rules-handlers.ts).
  const native = d.agentRules ? agentRulesFor(s, request, drafts) : null;
  if (native) notes.push(...native.notes);
  if (native?.rules.length) s.nativeRules?.offer(request.id, request.sessionId, native.rules);
  let decided: GateRequest;
  try {
    decided = s.broker.decide(d.id, d.decision, d.reason, by);
  } catch (err) {
    s.nativeRules?.withdraw(request.id);
    throw err;
  }
  const remembered = s.rules.add(drafts, by);
  return { ...decided, remembered, ...(notes.length ? { rememberNotes: notes } : {}) };
}

/**
 * An allow of the command's safer form: worked out again from the stored request (never taken from the client), then
 * decided with the command that runs instead. A trash entry prepared for it goes again if the decision fails.
 */
async function decideSafer(s: ControlServices, d: ParsedInput<'decide'>): Promise<DecideResult> {
  if (d.decision !== 'allow' || d.remember)
    throw new ApiError('invalid_input', '--safer goes with allow, alone (without --remember)');
  if (!s.safer) throw new ApiError('conflict', 'Run it safer is off in this Gatehouse: undo is off or not wired');
  const choice = await s.safer.choose(s.broker.get(d.id));
  try {
    const reason = d.reason ? `${choice.reason} (${d.reason})` : choice.reason;
    return s.broker.decide(d.id, 'allow', reason, `human:${d.via}`, choice.updatedCommand ?? undefined);
  } catch (err) {
    if (choice.offer.kind === 'trash') s.undo?.trash.collect(d.id);
    throw err;
  }
}

/** The calls every connection shares; `ConnectionCalls` are per connection (see `registerConnectionHandlers`). */
export function registerControlHandlers(s: ControlServices): Omit<ControlApi, ConnectionCalls> {
  const { broker, sessions, requests, settings, sessionService, terminals } = s;
  return {
    ...recordingHandlers(s.recordings),
    ...undoHandlers(s.undo),
    status: () => ({
      ...s.status(),
      pending: broker.pending().length,
      holdTimeoutMs: broker.timeoutMs,
      trust: s.trust.status(),
      tamper: s.alarm.status(),
      descriptors: s.descriptors?.() ?? null,
      store: s.storeHealth?.() ?? null,
    }),
    listPending: () => broker.pending(),
    getRequest: (id) => broker.get(id),
    decide: (d) => (d.safer ? decideSafer(s, d) : Promise.resolve(decideAndRemember(s, d))),
    listSessions: () => sessions.list(),
    agentStatus: () => s.agents.report(),
    listHistory: (q) => {
      const after = q.cursor === undefined ? null : decodeCursor(q.cursor);
      // One more than asked for tells whether another page exists.
      const rows = requests.listDecided(q, q.limit + 1, after);
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      const result: HistoryPage = {
        items: page.map((r) => r.request),
        nextCursor: rows.length > q.limit && last ? encodeCursor(last.position) : null,
      };
      return result;
    },
    storageStatus: () => s.storage.storageStatus(),
    compactStorage: () => s.storage.compactStorage(),
    getSettings: () => settings.saved(),
    // The service tells whatever acts on a setting, and publishes `settings.changed` (core.ts wires both).
    updateSettings: (patch) => settings.update(patch),
    startSession: ({ size, ...d }) => sessionService.start(d, size),
    endSession: (d) => sessionService.end(d.sessionId, d.exitCode),
    reportProtections: (d) => sessionService.reportProtections(d.sessionId, d.protections),
    resumeSession: (d) => sessionService.resume(d),
    recordEvents: (d) => {
      sessionService.record(d.sessionId, d.events, { seq: d.seq, gap: d.gap });
      return true;
    },
    listTerminals: () => terminals.list(),
    startTerminal: (d) => terminals.start(d),
    writeTerminal: (d) => {
      terminals.write(d.sessionId, d.data);
      return true;
    },
    resizeTerminal: (d) => terminals.resize(d.sessionId, d.cols, d.rows),
    killTerminal: (d) => terminals.kill(d.sessionId, d.signal),
    setTypingTrust: (d) => terminals.setTypingTrust(d.sessionId, d.typingTrust),
    terminalSnapshot: (sessionId) => terminals.snapshot(sessionId),
    browserUi: (d) => (d.rotateToken ? s.browserUi.rotateToken() : s.browserUi.status()),
    ...registerRulesHandlers(s),
    suggestRules: (id) => {
      const request = broker.get(id);
      return withAgentRules(s, request, suggestionFor(s, request));
    },
    ...registerTamperHandlers(s),
    ...registerInstallHandlers(s),
  };
}

export interface ConnectionHandlers {
  api: Pick<ControlApi, ConnectionCalls>;
  dispose(): void;
}

/** The calls whose effect belongs to one connection: its event subscription and the terminals it views. */
export function registerConnectionHandlers(
  s: Pick<ControlServices, 'events' | 'terminals'>,
  client: Pick<ControlClientApi, 'onEvent' | 'onTerminalEvent'>,
  connectionId: string,
): ConnectionHandlers {
  let unsubscribe: (() => void) | null = null;
  const attached = new Set<string>();
  return {
    api: {
      subscribe: () => {
        unsubscribe ??= s.events.subscribe((event) => client.onEvent(event));
        return true;
      },
      attachTerminal: (id) => {
        attached.add(id);
        return s.terminals.attach(id, connectionId, (event) => client.onTerminalEvent(event));
      },
      detachTerminal: (id) => {
        attached.delete(id);
        s.terminals.detach(id, connectionId);
        return true;
      },
      ackTerminal: (d) => {
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

const encodeCursor = (p: DecidedPosition): string => `d${p}`;

function decodeCursor(cursor: string): DecidedPosition {
  const m = /^d(\d{1,15})$/.exec(cursor);
  if (!m?.[1]) throw new ApiError('invalid_input', 'cursor: not a cursor this core returned');
  return Number(m[1]);
}
