// "Also add to the agent's own rules" on the control side: whether the card may offer it (beside the suggestion), and
// the agent's rules worked out for a request as it is approved. The rules come from the person's decision and the
// core's translation, never from an agent's payload (agents/native-rules.ts).
import { ApiError } from '../../../shared/api.ts';
import type { GateRequest, Session } from '../../../shared/domain.ts';
import type { Suggestion } from '../../../shared/rules.ts';
import { planNativeRules, type KeptRule, type NativeRuleGrants } from '../agents/native-rules.ts';
import type { NativeRule } from '../agents/plugin.ts';
import { agentPlugin, isAgentId } from '../agents/registry.ts';
import type { SessionRepository } from '../store/sessions.ts';

/**
 * Whether the session's agent may write its own project settings: not in a sandbox, which keeps the project's
 * `.claude/` read-only for the agent on purpose (sandbox/plan.ts; measured: Claude Code then allows the call and
 * cannot keep the rule). A session that did not say what guards it is not offered the option either.
 */
function agentMayWrite(session: Session | null): boolean {
  return session?.protections?.find((p) => p.layer === 'sandbox')?.state === 'off';
}

export interface NativeRulesServices {
  /** Absent in tests that build services without it: the option is then never offered. */
  nativeRules?: Pick<NativeRuleGrants, 'canWrite' | 'offer' | 'withdraw'>;
  sessions: Pick<SessionRepository, 'get'>;
}

/** The suggestion, with where the card may offer the option and each suggested rule in the agent's words. */
export function withAgentRules(s: NativeRulesServices, request: GateRequest, suggestion: Suggestion): Suggestion {
  const plugin = isAgentId(request.agent) ? agentPlugin(request.agent) : null;
  const session = s.sessions.get(request.sessionId);
  if (!plugin?.nativeRules || !s.nativeRules?.canWrite(request.sessionId) || suggestion.rules.length === 0)
    return suggestion;
  if (!agentMayWrite(session)) return suggestion;
  // Claude Code keeps a project's local settings where it was started.
  const cwd = session?.cwd ?? request.cwd;
  const shown = suggestion.rules.map((r) => planNativeRules(plugin, request, [r]).rules[0]?.shown ?? null);
  return { ...suggestion, agentRules: { agent: plugin.name, where: plugin.nativeRules.where(cwd), shown } };
}

/** The agent's rules for the rules kept with this approval; refused where the session's hooks cannot write them. */
export function agentRulesFor(
  s: NativeRulesServices,
  request: GateRequest,
  kept: readonly KeptRule[],
): { rules: NativeRule[]; notes: string[] } {
  const plugin = isAgentId(request.agent) ? agentPlugin(request.agent) : null;
  if (
    !plugin?.nativeRules ||
    !s.nativeRules?.canWrite(request.sessionId) ||
    !agentMayWrite(s.sessions.get(request.sessionId))
  )
    throw new ApiError(
      'invalid_input',
      `this session cannot add rules to ${plugin?.name ?? 'its agent'}'s own: only a Claude Code session (2.1.330 or later) started by \`gatehouse run --no-sandbox\` can, as the sandbox keeps the project's .claude folder read-only`,
    );
  return planNativeRules(plugin, request, kept);
}
