// An agent without hooks (`gatehouse run --agent shell -- aider`, a hosted terminal's shell) as a plug-in: any
// program, started as the user gave it. What it runs through a shell is gated there: the launcher puts the shell kit's
// wrappers first on PATH (or, in the sandbox, gated shells at every path), and each `-c` string or script asks the
// gate's generic check. It has no endpoints of its own, nothing to check before a launch, and no program to look for.
import type { AgentPlugin, AgentProtections, LaunchFacts } from '../plugin.ts';

function shellProtections(f: LaunchFacts): AgentProtections {
  return {
    hooks: {
      layer: 'hooks',
      state: 'off',
      detail: 'an agent without hooks: only the shells it starts are gated (below), not what it runs without a shell',
    },
    fileTools: f.sandbox.kind
      ? {
          layer: 'file-tools',
          state: 'partial',
          detail:
            "the agent's own file writes are not seen; the sandbox keeps Gatehouse's files and the agents' settings read-only",
        }
      : {
          layer: 'file-tools',
          state: 'off',
          detail:
            "the agent's own file writes are not seen, and without the sandbox it can change Gatehouse's files and its settings",
        },
    shells:
      f.sandbox.kind === 'bwrap'
        ? {
            layer: 'shells',
            state: 'on',
            detail:
              'every shell the agent starts, by any path (/bin/sh, bash, dash, zsh, fish, …), asks the gate about its -c string or script',
          }
        : {
            layer: 'shells',
            state: 'partial',
            detail:
              'shells found by name on PATH ask the gate; a shell run by its absolute path (/bin/sh, /bin/bash -p, zsh -f, fish) does not without the sandbox',
          },
  };
}

export const shellAgent: AgentPlugin<'shell'> = {
  id: 'shell',
  // Any program: named in a sentence as what it is to Gatehouse.
  name: 'the agent',
  program: null,
  gatedBy: 'shells',
  hooks: [],
  checkLaunch: async () => [],
  wire: async (launch) => ({ argv: [...launch.command], env: {}, hookFiles: [], hooksFailClosed: false }),
  protections: shellProtections,
};
