// Which running agents are protected, as the core last said (`agentStatus`): the Sessions view's panel and the status
// line's count. Asked again when a session starts, ends or says what guards it, and every few seconds (an agent
// started outside Gatehouse sends no event).
import { create } from 'zustand';
import type { AgentStatusReport } from '../../shared/agent-status.ts';

export interface AgentsState {
  report: AgentStatusReport | null;
  error: string | null;
  agentsLoaded(report: AgentStatusReport): void;
  agentsFailed(message: string): void;
}

export const useAgents = create<AgentsState>()((set) => ({
  report: null,
  error: null,
  agentsLoaded: (report) => set({ report, error: null }),
  agentsFailed: (message) => set({ error: message }),
}));

export const AGENTS_INITIAL = useAgents.getState();
