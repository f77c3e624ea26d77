// The first start's offers (views/Welcome.tsx): importing the allow rules a person already gave Claude Code and Codex,
// through the same `importRules` call as `gatehouse rules import`. Auto-allow and putting the offers away are plain
// settings (`autoAllowLowRisk`, `welcomeDone`), saved with `updateSettings`.
import type { CoreApi } from '../../shared/api.ts';
import type { ImportResult } from '../../shared/rules.ts';
import { useSessions } from '../stores/sessions.ts';

export interface WelcomeCommands {
  /** Reads the agents' own settings (the user's, and the newest session's project, if any) and adds their allow rules. */
  importAgentRules(): Promise<ImportResult>;
}

export function welcomeCommands(api: Pick<CoreApi, 'importRules'>): WelcomeCommands {
  return {
    // The project files are looked for from a directory: the newest session's, or none before the first (`/` has none).
    importAgentRules: () => api.importRules({ cwd: useSessions.getState().sessions[0]?.cwd ?? '/' }),
  };
}
