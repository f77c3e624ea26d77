// What guards a GitHub Copilot CLI session, said plainly: doctor's fail-closed facts for the installed version, and
// the protection layers only Copilot's hooks speak for. Pure.
import type { AgentProtections, FailMode } from '../plugin.ts';

/** The version these facts were measured on (test/e2e/copilot.test.ts, and hooks that crash, time out or print junk). */
export const COPILOT_VERIFIED_VERSION = '1.0.102';

/** From `copilot --version`: the facts hold for the version they were measured on; another is said to be unverified. */
export function copilotFailMode(version: string | null): FailMode {
  const seen = /(\d+\.\d+\.\d+)/.exec(version ?? '')?.[1] ?? null;
  const verified =
    seen === COPILOT_VERIFIED_VERSION
      ? ''
      : ` (measured on ${COPILOT_VERIFIED_VERSION}; this is ${seen ?? 'an unknown version'})`;
  return {
    failsClosed: false,
    detail:
      'an unreachable gate blocks the command (hook exits 2), and so does a hook that crashes or exits non-zero. ' +
      'GitHub Copilot CLI FAILS OPEN when a hook times out or prints what is not JSON: it runs the command, so the hook timeout is set past the hold timeout' +
      verified,
  };
}

export function copilotProtections(): AgentProtections {
  return {
    hooks: {
      layer: 'hooks',
      state: 'partial',
      detail:
        "every bash call waits for Gatehouse, in trusted and untrusted folders alike (the hooks come as this session's plugin, --plugin-dir), and a disableAllHooks setting refuses the launch; " +
        'Copilot runs a command whose hook times out, so a hook client stalled past its timeout would let one through',
    },
    fileTools: {
      layer: 'file-tools',
      state: 'partial',
      detail:
        'create and edit to protected places wait for you; MCP tools and other plugins’ tools reach no Gatehouse hook',
    },
    shells: null,
  };
}
