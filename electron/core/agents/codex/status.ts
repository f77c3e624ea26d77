// What guards a Codex session, said plainly: doctor's fail-closed facts for the installed version, and the protection
// layers only Codex's hooks speak for. Pure.
import type { AgentProtections, FailMode } from '../plugin.ts';

/** From `codex --help`: Gatehouse's per-run hooks need `--dangerously-bypass-hook-trust`. */
export function codexFailMode(help: string | null): FailMode {
  if (help !== null && !help.includes('--dangerously-bypass-hook-trust')) {
    return {
      failsClosed: false,
      detail:
        'this Codex cannot take per-run hooks (no --dangerously-bypass-hook-trust); upgrade Codex before using it with Gatehouse',
    };
  }
  return {
    failsClosed: true,
    detail:
      'an unreachable gate blocks the command (hook exits 2). Codex lets a command run if a hook crashes or times out, so the hook timeout is set past the hold timeout',
  };
}

export function codexProtections(): AgentProtections {
  return {
    hooks: {
      layer: 'hooks',
      state: 'partial',
      detail:
        'every shell command waits for Gatehouse and no config layer switches the hooks off; Codex runs a command whose hook crashes, so a hook client killed mid-request would let one through. ' +
        "Codex's warning that `--dangerously-bypass-hook-trust` is enabled is about these hooks: Gatehouse passes it so they run without a trust prompt (README, Troubleshooting)",
    },
    fileTools: {
      layer: 'file-tools',
      state: 'partial',
      detail:
        'apply_patch to protected places waits for you; text typed into a running shell (write_stdin) reaches no hook, so starting an interactive shell or REPL is held as high',
    },
    shells: null,
  };
}
