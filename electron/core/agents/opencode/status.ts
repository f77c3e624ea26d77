// What guards an OpenCode session, said plainly: doctor's fail-closed facts for the installed version, and the
// protection layers only Gatehouse's plug-in speaks for. Pure.
import type { AgentProtections, FailMode } from '../plugin.ts';

/** The version these facts were measured on (test/e2e/opencode-protocol.test.ts). */
export const OPENCODE_VERIFIED = '1.18.33';

/** From `opencode --version`. */
export function opencodeFailMode(version: string | null): FailMode {
  const v = /\d+\.\d+\.\d+/.exec(version ?? '')?.[0];
  const measured =
    v === OPENCODE_VERIFIED
      ? `verified on ${OPENCODE_VERIFIED}`
      : `verified on ${OPENCODE_VERIFIED}, this is ${v ?? 'an unknown version'}`;
  return {
    failsClosed: true,
    detail:
      `an unreachable gate blocks the tool call (the plug-in throws, and OpenCode waits for it with no time limit); ` +
      `but a plug-in that fails to load is skipped with only a log line, and then tools run unheld (${measured})`,
  };
}

export function opencodeProtections(): AgentProtections {
  return {
    hooks: {
      layer: 'hooks',
      state: 'partial',
      detail:
        "every tool call waits for Gatehouse's plug-in, and --pure, OPENCODE_PURE and attaching to another server are refused; OpenCode would skip the plug-in, and run tools unheld, if it failed to load",
    },
    fileTools: {
      layer: 'file-tools',
      state: 'on',
      detail: 'write, edit, multiedit and apply_patch to protected places wait for you; other edits pass',
    },
    shells: null,
  };
}
