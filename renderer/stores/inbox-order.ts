// The order of the Inbox: the riskiest first, the oldest first within a level, grouped by session (each group where
// its riskiest, oldest card would stand), so a critical command is never below a pile of routine ones and a session's
// commands read together. j/k walk this order.
import type { GateRequest, RiskLevel } from '../../shared/domain.ts';

const RANK: Readonly<Record<RiskLevel, number>> = { low: 0, medium: 1, high: 2, critical: 3 };

/** A command nobody scored is treated as high: nothing says it is safe. */
export const riskRank = (r: GateRequest): number => RANK[r.risk?.level ?? 'high'];

/** Riskiest first, then oldest first; the id keeps equal ones stable. */
export function byRiskThenAge(a: GateRequest, b: GateRequest): number {
  return riskRank(b) - riskRank(a) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/** The cards in the order the Inbox shows them: sessions by their first card, each session's cards together. */
export function inboxOrder(cards: readonly GateRequest[]): GateRequest[] {
  const sorted = [...cards].sort(byRiskThenAge);
  const groups = new Map<string, GateRequest[]>();
  for (const c of sorted) {
    const group = groups.get(c.sessionId);
    if (group) group.push(c);
    else groups.set(c.sessionId, [c]);
  }
  // A Map keeps insertion order: each session enters at its riskiest, oldest card.
  return [...groups.values()].flat();
}
