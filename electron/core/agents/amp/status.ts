// What guards an Amp session, said plainly: doctor's fail-closed facts, and the protection layers only Gatehouse's
// delegate speaks for. Pure.
import type { AgentProtections, FailMode } from '../plugin.ts';

/** The version the delegate protocol was measured on (`amp permissions test`, test/e2e/amp-protocol.test.ts). */
export const AMP_VERIFIED = '0.0.1790142911';

export function ampFailMode(version: string | null): FailMode {
  const v = /\d+\.\d+\.\d+/.exec(version ?? '')?.[0];
  const measured =
    v === AMP_VERIFIED
      ? `measured on ${AMP_VERIFIED} with \`amp permissions test\``
      : `measured on ${AMP_VERIFIED} with \`amp permissions test\`; this is ${v ?? 'an unknown version'}`;
  return {
    failsClosed: true,
    detail:
      `an unreachable gate rejects the tool call (the delegate exits 2), and so does a delegate that cannot start or crashes; no time limit was seen (${measured}). ` +
      'Not run in a real Amp thread here: Amp needs its servers (ampcode.com) to run one',
  };
}

export function ampProtections(): AgentProtections {
  return {
    hooks: {
      layer: 'hooks',
      state: 'partial',
      detail:
        "every Bash, shell_command and async_shell_command call waits for Gatehouse's delegate, first among Amp's permission rules; checked with `amp permissions test`, not in a real Amp thread",
    },
    fileTools: {
      layer: 'file-tools',
      state: 'partial',
      detail:
        'edit_file and create_file to protected places wait for you; what they write is read from Amp’s documentation, unmeasured',
    },
    shells: null,
  };
}
