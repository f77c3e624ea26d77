// The OpenCode plug-in Gatehouse writes: a small ES module OpenCode loads at start. Its `tool.execute.before` hands
// each tool call to the gate through the same hook command every other agent runs (`blockingHookCommand`: trusted
// curl or the Node client, over the gate socket, exit 2 when the gate cannot be reached), and throws unless the gate
// answered `decision: "allow"`; OpenCode then does not run the tool and the model reads the thrown message (measured
// on opencode-ai 1.18.33, test/e2e/opencode-protocol.test.ts). OpenCode puts no time limit on a plug-in's hook, so a
// person may take as long as the hold timeout allows. Pure: returns the text.

/** Marks a plug-in file as Gatehouse's (the installer and the launch checks look for it). */
export const OPENCODE_PLUGIN_MARK = '// gatehouse:opencode-plugin';

export interface OpencodePluginCommands {
  /** The blocking command for `tool.execute.before` (`blockingHookCommand`); prints the gate's answer. */
  before: string;
  /** The fire-and-forget command for `tool.execute.after` (`eventHookCommand`), or null to report nothing. */
  after: string | null;
}

/**
 * The module's text. It exports one function only: OpenCode takes every export of a plug-in file for a plug-in.
 * `/bin/sh` is named by its path (nothing is looked up on PATH); the payload goes on stdin, as to any hook.
 */
export function opencodePluginSource(c: OpencodePluginCommands): string {
  return `${OPENCODE_PLUGIN_MARK}
// Gatehouse's guard for OpenCode, written by Gatehouse: every tool call waits for Gatehouse's answer before it runs.
// Editing this file changes what guards OpenCode; Gatehouse watches it while a session runs.
import { spawn } from 'node:child_process';

const BEFORE = ${JSON.stringify(c.before)};
const AFTER = ${JSON.stringify(c.after)};
const BLOCKED = 'Gatehouse blocked this tool call: ';

function hook(command, payload) {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const child = spawn('/bin/sh', ['-c', command], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => reject(new Error(BLOCKED + e.message)));
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(err.trim() || BLOCKED + 'the hook command exited ' + code)),
    );
    child.stdin.on('error', () => {});
    child.stdin.end(JSON.stringify(payload));
  });
}

export const GatehouseGuard = async ({ directory }) => ({
  'tool.execute.before': async (input, output) => {
    const answer = await hook(BEFORE, {
      tool: input.tool,
      sessionID: input.sessionID,
      callID: input.callID,
      args: output.args,
      directory,
    });
    let verdict;
    try {
      verdict = JSON.parse(answer);
    } catch {
      throw new Error(BLOCKED + 'its answer could not be read');
    }
    if (!verdict || verdict.decision !== 'allow')
      throw new Error((verdict && typeof verdict.reason === 'string' && verdict.reason) || BLOCKED + 'no allow');
  },
  'tool.execute.after': async (input, output) => {
    if (!AFTER) return;
    hook(AFTER, { tool: input.tool, callID: input.callID, args: input.args, result: output }).catch(() => {});
  },
});
`;
}
