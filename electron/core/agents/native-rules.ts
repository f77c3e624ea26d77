// "Also add to the agent's own rules": a rule the person keeps with an approval, written into the agent's own
// permission rules as well (Claude Code: `.claude/settings.local.json`), by the agent itself, through its permission
// hook. Gatehouse never writes the agent's settings: it hands the decided call over to the agent's permission request
// and answers that request with rules the core worked out from the person's decision.
//
// The sequence (docs/decisions/0061-claude-permission-request.md): the person approves with the option; the core works
// out the agent's rules (`planNativeRules`) and keeps them for the request (`offer`); the agent's pre-tool hook gets the
// verdict and, instead of allowing outright, lets the agent's own permission check go on (`handOver`); the agent's
// permission request for that exact call, in that session, within `HANDOVER_MS`, is answered allow with the rules
// (`take`), once. Anything else (no grant, another command, too late, taken already) gets no rules from here.
import type { GateRequest, RiskSegment } from '../../../shared/domain.ts';
import { whyNoRuleCanAllow, type RuleKind } from '../../../shared/rules.ts';
import type { Verdict } from '../broker/broker.ts';
import { compilePattern, normalizePattern, PatternError } from '../rules/matcher.ts';
import type { AgentPlugin, NativeRule, SessionNativeRules } from './plugin.ts';

/** How long after the pre-tool hook's answer the agent's permission request may come (it comes within a second). */
export const HANDOVER_MS = 60_000;
/** How long a decided request waits for its pre-tool hook to take the verdict (the hook is answered at once). */
const OFFER_MS = 60_000;

interface Call {
  tool: string;
  command: string;
  agentSessionId: string | null;
}

interface Grant {
  requestId: string;
  sessionId: string;
  rules: NativeRule[];
  until: number;
  /** Set when the pre-tool hook handed the call over: the agent's permission request must name this call. */
  call: Call | null;
  taken: boolean;
}

export class NativeRuleGrants {
  /** Sessions whose hooks answer the agent's permission request. */
  private readonly capable = new Set<string>();
  private readonly grants = new Map<string, Grant>();
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  /** Whether the card may offer the option for this session. */
  canWrite(sessionId: string): boolean {
    return this.capable.has(sessionId);
  }

  /** Kept for a request the person is approving with the option, before the verdict reaches the hook. */
  offer(requestId: string, sessionId: string, rules: NativeRule[]): void {
    this.prune();
    if (rules.length > 0)
      this.grants.set(requestId, {
        requestId,
        sessionId,
        rules,
        until: this.now() + OFFER_MS,
        call: null,
        taken: false,
      });
  }

  /** The decision failed after `offer`: nothing is handed over. */
  withdraw(requestId: string): void {
    this.grants.delete(requestId);
  }

  sessionEnded(sessionId: string): void {
    this.capable.delete(sessionId);
    for (const [id, g] of this.grants) if (g.sessionId === sessionId) this.grants.delete(id);
  }

  /** A session's view: only its own grants (the gate binds it to the session its token or peer proved). */
  forSession(sessionId: string): SessionNativeRules {
    return {
      canWrite: () => void this.capable.add(sessionId),
      handOver: (verdict, call) => this.handOver(sessionId, verdict, call),
      take: (call) => this.take(sessionId, call),
    };
  }

  private handOver(sessionId: string, verdict: Verdict, call: Call): boolean {
    this.prune();
    if (verdict.decision !== 'allow') return false;
    const grant = this.grants.get(verdict.requestId);
    if (!grant || grant.sessionId !== sessionId) return false;
    // The same call asked by the session's other hook (installed beside run's) is handed over alike.
    if (grant.call) return sameCall(grant.call, call);
    grant.call = call;
    grant.until = this.now() + HANDOVER_MS;
    return true;
  }

  private take(sessionId: string, call: Call): NativeRule[] | null {
    this.prune();
    for (const grant of this.grants.values()) {
      if (grant.sessionId !== sessionId || grant.taken || !grant.call || !sameCall(grant.call, call)) continue;
      grant.taken = true;
      return grant.rules;
    }
    return null;
  }

  private prune(): void {
    const now = this.now();
    for (const [id, g] of this.grants) if (g.until <= now) this.grants.delete(id);
  }
}

/** The exact command, the same tool, and the agent's own session when both name one. */
function sameCall(a: Call, b: Call): boolean {
  return (
    a.tool === b.tool &&
    a.command === b.command &&
    (a.agentSessionId === null || b.agentSessionId === null || a.agentSessionId === b.agentSessionId)
  );
}

/** A rule kept with the approval, as the control API has it. */
export interface KeptRule {
  kind: RuleKind;
  pattern: string;
  scope: { type: string };
  ttlMs?: number | null;
}

/**
 * The agent's own rules for the rules kept with an approval: each one only where the agent's syntax says exactly what
 * the Gatehouse rule says, and no more (`AgentNativeRules.translate`), for a command fully read and rated low or
 * medium, covering a part of it as written (not through a wrapper), kept for good and beyond this session (the agent's
 * rules do not expire). What is left out is said in `notes`.
 */
export function planNativeRules(
  plugin: AgentPlugin | undefined,
  request: GateRequest,
  kept: readonly KeptRule[],
): { rules: NativeRule[]; notes: string[] } {
  const native = plugin?.nativeRules;
  if (!plugin || !native)
    return { rules: [], notes: [`${plugin?.name ?? 'this agent'} has no rules Gatehouse can add to`] };
  const never = whyNoRuleCanAllow(request.risk);
  if (never) return { rules: [], notes: [`nothing was added to ${plugin.name}'s rules: ${never}`] };
  const plain = (request.risk?.segments ?? []).filter((s) => s.via.length === 0 && !s.synthetic);
  const rules: NativeRule[] = [];
  const notes: string[] = [];
  for (const rule of kept) {
    const label = `${rule.kind}:${rule.pattern}`;
    const why = whyNotNative(rule, request, plain);
    const made = why
      ? { why }
      : native.translate({ kind: rule.kind, pattern: normalizePattern(rule.kind, rule.pattern) });
    if ('why' in made) notes.push(`${label} was not added to ${plugin.name}'s rules: ${made.why}`);
    else {
      rules.push(made);
      notes.push(`${label} is also added to ${plugin.name}'s rules as ${made.shown}`);
    }
  }
  return { rules, notes };
}

function whyNotNative(rule: KeptRule, request: GateRequest, plain: readonly RiskSegment[]): string | null {
  if (rule.scope.type === 'session') return 'it is kept for this session only, and those rules are kept for good';
  if (rule.ttlMs) return 'it expires, and those rules do not';
  let matcher;
  try {
    matcher = compilePattern(rule.kind, normalizePattern(rule.kind, rule.pattern));
  } catch (err) {
    if (err instanceof PatternError) return err.message;
    throw err;
  }
  if (!plain.some((s) => s.level !== 'high' && s.level !== 'critical' && matcher.matches(s.argv, s.text)))
    return `it does not cover \`${request.command}\` as written`;
  return null;
}
