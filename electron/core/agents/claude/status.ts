// What guards a Claude Code session, said plainly: doctor's fail-closed facts for the installed version, and the
// protection layers only Claude Code's hooks speak for. Pure.
import type { AgentProtections, FailMode, LaunchFacts } from '../plugin.ts';
import { claudeSupportsOnFailure } from './wiring.ts';

/** From `claude --version`: hooks exit 2 on an unreachable gate; `onFailure: "block"` covers a crash or a timeout too. */
export function claudeFailMode(version: string | null): FailMode {
  return claudeSupportsOnFailure(version)
    ? {
        failsClosed: true,
        detail:
          'an unreachable gate blocks the command (hook exits 2), and so does a hook that crashes or times out (onFailure "block")',
      }
    : {
        failsClosed: true,
        detail:
          'an unreachable gate blocks the command (hook exits 2); this version lacks onFailure "block", so a hook that crashes or times out would let it run (upgrade Claude Code)',
      };
}

export function claudeProtections(f: LaunchFacts): AgentProtections {
  return {
    hooks: f.hooksFailClosed
      ? {
          layer: 'hooks',
          state: 'on',
          detail:
            'every Bash command waits for Gatehouse; no settings file switches the hooks off, and a hook that crashes or times out blocks the command',
        }
      : {
          layer: 'hooks',
          state: 'partial',
          detail:
            'every Bash command waits for Gatehouse, but this Claude Code is older than 2.1.330: a hook that crashes or times out lets the command run. Update Claude Code',
        },
    fileTools: {
      layer: 'file-tools',
      state: 'on',
      detail:
        'Write, Edit and NotebookEdit to protected places (agent settings, Gatehouse, shell start-up files, git hooks, ~/.ssh) wait for you; other edits pass',
    },
    shells: null,
  };
}
