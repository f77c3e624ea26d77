// What guards a Gemini CLI session, said plainly: doctor's fail-closed facts for the installed version, and the
// protection layers only Gemini CLI's hooks speak for. Pure.
import type { AgentProtections, FailMode } from '../plugin.ts';

/** The version these facts were measured on (test/e2e/gemini.test.ts and the hook runner's own code). */
export const GEMINI_VERIFIED_VERSION = '0.61.0';

/** From `gemini --version`: the facts hold for the version they were measured on; another is said to be unverified. */
export function geminiFailMode(version: string | null): FailMode {
  const seen = /(\d+\.\d+\.\d+)/.exec(version ?? '')?.[1] ?? null;
  const verified =
    seen === GEMINI_VERIFIED_VERSION
      ? ''
      : ` (measured on ${GEMINI_VERIFIED_VERSION}; this is ${seen ?? 'an unknown version'})`;
  return {
    failsClosed: false,
    detail:
      'an unreachable gate blocks the command (hook exits 2). Gemini CLI FAILS OPEN otherwise: it runs the command when a hook times out, ' +
      `exits 1, crashes without a word on stderr or prints what is not JSON, so the hook timeout is set past the hold timeout${verified}`,
  };
}

export function geminiProtections(): AgentProtections {
  return {
    hooks: {
      layer: 'hooks',
      state: 'partial',
      detail:
        "every run_shell_command waits for Gatehouse, in trusted and untrusted folders alike (the hooks come as this session's extension), and no settings layer switches them off; " +
        'Gemini CLI runs a command whose hook crashes or times out, so a hook client killed mid-request would let one through',
    },
    fileTools: {
      layer: 'file-tools',
      state: 'partial',
      detail:
        'write_file and replace to protected places wait for you; MCP tools and other extensions’ tools reach no Gatehouse hook',
    },
    shells: null,
  };
}
