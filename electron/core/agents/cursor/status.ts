// What guards a Cursor session, said plainly: everything here is from Cursor's documentation, not from the real
// program (its CLI is not on npm). Pure.
import type { AgentProtections, FailMode, LaunchFacts } from '../plugin.ts';

export function cursorFailMode(): FailMode {
  return {
    failsClosed: true,
    detail:
      'from Cursor’s documentation, not verified against the program: an unreachable gate blocks the command (the hook exits 2), and Gatehouse’s hook sets failClosed, so a hook that crashes, times out or prints garbage blocks it too; without failClosed Cursor would let it run',
  };
}

export function cursorProtections(f: LaunchFacts): AgentProtections {
  return {
    hooks: {
      layer: 'hooks',
      state: 'partial',
      detail: `every shell command waits for Gatehouse's installed beforeShellExecution hook${f.hooksFailClosed ? '' : ' (its entry lacks failClosed: a hook that crashes would let a command run)'}; from Cursor's documentation, not verified against the program`,
    },
    fileTools: {
      layer: 'file-tools',
      state: 'off',
      detail:
        "Cursor's file edits reach no blocking hook in its documented events (afterFileEdit comes after the edit)",
    },
    shells: null,
  };
}
