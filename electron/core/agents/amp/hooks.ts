// Amp's endpoint at the gate: each tool call its delegate forwards becomes a held shell command (`Bash`,
// `shell_command`, `async_shell_command`), a judged file change (`edit_file`, `create_file`), or passes. Amp reports
// nothing after a call (no post-tool event reaches a delegate), so what ran is not recorded for Amp.
import path from 'node:path';
import { HookPayloadError, parseHookPayload, type HookAnswer } from '../../gate/protocols.ts';
import type { GateHook, HookCall } from '../plugin.ts';
import { ampFileCall } from './file-tools.ts';
import { AMP_PASS, AMP_PATHS, AMP_SHELL_TOOLS, ampAnswer, AmpDelegateSchema } from './protocol.ts';

/** No call id reaches the delegate, and nothing reports what ran: `expectsOutcome: false`. */
const LINK = { callId: null, expectsOutcome: false } as const;

async function delegate(call: HookCall): Promise<HookAnswer> {
  const p = parseHookPayload(AmpDelegateSchema, call.body);
  // Tool arguments carry no directory for a file; the session's (where Amp was started) is Amp's working directory.
  const cwd = call.session.cwd;
  const file = ampFileCall(p.tool, p.args);
  if (file) {
    const verdict = await call.decideFileChange(file, cwd, LINK);
    return verdict ? ampAnswer(verdict) : AMP_PASS;
  }
  const key = AMP_SHELL_TOOLS[p.tool];
  if (!key) return AMP_PASS;
  const command = p.args[key];
  if (typeof command !== 'string' || !command) throw new HookPayloadError(`${p.tool} call without args.${key}`);
  const dir = typeof p.args.cwd === 'string' && p.args.cwd ? path.resolve(cwd, p.args.cwd) : cwd;
  return ampAnswer(await call.decide({ kind: 'pre-tool-use', tool: p.tool, command, cwd: dir, ...LINK }));
}

export const AMP_HOOKS: readonly GateHook[] = [{ path: AMP_PATHS.delegate, handle: delegate }];
