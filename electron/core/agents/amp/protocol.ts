// Amp's side of the gate. Amp has no hooks; its permission rules can `delegate` a decision to a program (Amp's
// manual, "Permissions"). Measured with the real binary (0.0.1790142911, `amp permissions test`, which runs the
// delegate; test/e2e/amp-protocol.test.ts): Amp spawns the program named in `to` directly (no shell, no arguments; a
// `to` with arguments is a missing program), with the tool's arguments as JSON on stdin and `AGENT_TOOL_NAME`,
// `AGENT=amp` in its environment; exit 0 allows, 1 asks the person in Amp, 2 or more rejects and Amp hands stderr to
// the model; a program that cannot be started rejects. Gatehouse's delegate (`delegate-source.ts`) wraps the payload
// with the tool's name, posts it through the hook command, and turns this answer into its exit status. Pure.
import { z } from 'zod';
import type { Verdict } from '../../broker/broker.ts';
import { agentReason, type HookAnswer } from '../../gate/protocols.ts';

export const AMP_PATHS = { delegate: '/v1/gate/amp/delegate' } as const;

/**
 * Amp's shell tools and their command argument, from its built-in rules (`amp permissions list --builtin`):
 * `Bash --cmd`, `shell_command --command`, `async_shell_command --command`. `cwd` is the Bash tool's working directory.
 */
export const AMP_SHELL_TOOLS: Readonly<Record<string, 'cmd' | 'command'>> = {
  Bash: 'cmd',
  shell_command: 'command',
  async_shell_command: 'command',
};

/** What the delegate posts: `AGENT_TOOL_NAME`, and Amp's stdin (the tool's arguments) as it came. */
export const AmpDelegateSchema = z.looseObject({
  tool: z.string().min(1),
  args: z.looseObject({}),
});

/**
 * One line the delegate reads: `allow` (it exits 0), or `deny: <reason>` (it prints the reason on stderr for the
 * model and exits 2). Anything else, it blocks.
 */
export function ampAnswer(v: Verdict): HookAnswer {
  return v.decision === 'allow' ? AMP_PASS : { status: 200, body: `deny: ${oneLine(agentReason(v))}` };
}

/** A tool Gatehouse does not hold: go on (Amp's later rules, its own or built in, never see it: ours matched first). */
export const AMP_PASS: HookAnswer = { status: 200, body: 'allow' };

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ');
}
