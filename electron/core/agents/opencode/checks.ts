// What would let OpenCode run tools without Gatehouse's plug-in, read off its command line and environment. Pure.
// From opencode-ai 1.18.33 (its `--help`, and the flags its bundled code reads):
// - `--pure` (and `OPENCODE_PURE`, which `--pure` sets: "true" or "1") runs without external plug-ins, ours among them.
// - `attach <url>` and `run --attach <url>` hand the work to an OpenCode server started elsewhere, with that server's
//   plug-ins: the commands would run in a process Gatehouse did not wire.
// - Gatehouse's plug-in arrives in `OPENCODE_CONFIG_CONTENT`; a value of the person's there is merged with ours, so it
//   must be a JSON object Gatehouse can read.
// No config key switches plug-ins off (plug-in lists add up across config layers, lowest to highest precedence).
import type { LaunchFinding } from '../launch-checks.ts';

const TURNED_OFF = "OpenCode then loads no plug-in of Gatehouse's, so tools run without being held";

/** OpenCode reads these variables as on for "true" or "1"; any value but empty, 0, false, no and off counts here. */
function isOn(value: string | undefined): boolean {
  return value !== undefined && !['', '0', 'false', 'no', 'off'].includes(value.trim().toLowerCase());
}

/** The options before a `--` (after it, words are the message). */
function options(args: readonly string[]): readonly string[] {
  const end = args.indexOf('--');
  return end === -1 ? args : args.slice(0, end);
}

/** OpenCode's global options that take a value (1.18.33's `--help`): their value is not the subcommand. */
const VALUE_OPTIONS = new Set([
  '--log-level',
  '--port',
  '--hostname',
  '--mdns-domain',
  '--cors',
  '-m',
  '--model',
  '-s',
  '--session',
  '--prompt',
  '--agent',
  '--replay-limit',
]);

/** The subcommand: the first word that is neither an option nor an option's value. */
function subcommand(opts: readonly string[]): string | null {
  for (let i = 0; i < opts.length; i++) {
    const a = opts[i] as string;
    if (VALUE_OPTIONS.has(a)) i++;
    else if (!a.startsWith('-')) return a;
  }
  return null;
}

export function opencodeArgFindings(args: readonly string[]): LaunchFinding[] {
  const at = { agent: 'opencode' as const, layer: 'command line', file: 'the command line' };
  const opts = options(args);
  const findings: LaunchFinding[] = [];
  if (opts.some((a) => a === '--pure' || a.startsWith('--pure=')))
    findings.push({ ...at, key: '--pure', effect: TURNED_OFF, fix: 'Leave out --pure' });
  const attach = subcommand(opts) === 'attach';
  if (attach || opts.some((a) => a === '--attach' || a.startsWith('--attach='))) {
    findings.push({
      ...at,
      key: attach ? 'attach' : '--attach',
      effect:
        'the tools would run in an OpenCode server started without Gatehouse, with its own plug-ins, so they would not be held',
      fix: 'Start OpenCode itself with `gatehouse run -- opencode` instead of attaching to a server',
    });
  }
  return findings;
}

export function opencodeEnvFindings(env: NodeJS.ProcessEnv): LaunchFinding[] {
  const at = { agent: 'opencode' as const, layer: 'environment', file: 'the environment' };
  const findings: LaunchFinding[] = [];
  if (isOn(env.OPENCODE_PURE))
    findings.push({ ...at, key: `OPENCODE_PURE=${env.OPENCODE_PURE}`, effect: TURNED_OFF, fix: 'Unset OPENCODE_PURE' });
  const content = env.OPENCODE_CONFIG_CONTENT;
  if (content !== undefined && content.trim() !== '' && userConfigContent(content) === null) {
    findings.push({
      ...at,
      key: 'OPENCODE_CONFIG_CONTENT',
      effect: 'it is not a JSON object, so Gatehouse cannot add its plug-in beside it',
      fix: 'Make it a JSON object ({…}) without comments, or unset it',
    });
  }
  return findings;
}

/** The person's own `OPENCODE_CONFIG_CONTENT` as an object, or null when it is not a JSON object. */
export function userConfigContent(text: string): Record<string, unknown> | null {
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
