// Which Amp settings and options would let a tool run without Gatehouse's delegate, and where Amp reads settings.
// Pure: files arrive as text. From Amp's manual and `amp --help` (0.0.1790142911):
// - Settings: the user file (`--settings-file`, else `AMP_SETTINGS_FILE`, else `$XDG_CONFIG_HOME/amp/settings.json`),
//   merged with a workspace's `.amp/settings.json`. Gatehouse's rules go first in a copy of the user file it passes
//   with `--settings-file`; which of the two files' rules Amp reads first could not be measured (a thread needs Amp's
//   servers), so a workspace rule that could allow or ask before ours refuses the launch.
// - `amp.dangerouslyAllowAll: true` (and the `--dangerously-allow-all` flag of Amp's manual) skip permission rules.
// - `--orb-execute` / `-ox` and `--executor orb|runner:…` run the thread elsewhere, where the delegate is not.
import path from 'node:path';
import type { LaunchFinding } from '../launch-checks.ts';

export interface AmpSource {
  layer: string;
  file: string;
}

/** The user settings file Amp reads for `args` and `env` (the last `--settings-file` wins). */
export function ampUserSettingsFile(args: readonly string[], env: NodeJS.ProcessEnv, home: string): string {
  const fromArgs = ampSettingsFileArgs(args).at(-1);
  if (fromArgs) return fromArgs;
  if (env.AMP_SETTINGS_FILE) return env.AMP_SETTINGS_FILE;
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'amp', 'settings.json');
}

/** The values of every `--settings-file` in `args`. */
export function ampSettingsFileArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') break;
    if (a === '--settings-file' && i + 1 < args.length) out.push(args[++i] as string);
    else if (a.startsWith('--settings-file=')) out.push(a.slice('--settings-file='.length));
  }
  return out;
}

/** `args` without any `--settings-file` (Gatehouse passes its own). */
export function withoutSettingsFile(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      out.push(...args.slice(i));
      break;
    }
    if (a === '--settings-file') i++;
    else if (!a.startsWith('--settings-file=')) out.push(a);
  }
  return out;
}

/** The workspace settings files: `.amp/settings.json` in `cwd` and each directory above it up to the git root. */
export function ampWorkspaceSources(cwd: string, gitRoot: string | null): AmpSource[] {
  const start = path.resolve(cwd);
  const root = gitRoot ? path.resolve(gitRoot) : start;
  const out: AmpSource[] = [];
  for (let d = start; ; d = path.dirname(d)) {
    out.push({ layer: 'workspace', file: path.join(d, '.amp', 'settings.json') });
    if (d === root || path.dirname(d) === d) break;
  }
  return out;
}

const SKIPPED = 'Amp then runs tools without asking its delegate, so commands run without being held';

/** The findings in one settings file's text. */
export function ampSettingsFindings(text: string, source: AmpSource): LaunchFinding[] {
  const at = { agent: 'amp' as const, layer: source.layer, file: source.file };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return [
      {
        ...at,
        key: '(the whole file)',
        effect: `it is not valid JSON (${(err as Error).message}), and Amp might read it differently than Gatehouse can`,
        fix: 'Fix the JSON (comments are not read), or remove the file',
      },
    ];
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return [{ ...at, key: '(the whole file)', effect: 'it is not a JSON object', fix: 'Make it a JSON object ({…})' }];
  }
  const s = parsed as Record<string, unknown>;
  const findings: LaunchFinding[] = [];
  if (s['amp.dangerouslyAllowAll'] === true)
    findings.push({
      ...at,
      key: '"amp.dangerouslyAllowAll": true',
      effect: SKIPPED,
      fix: 'Remove "amp.dangerouslyAllowAll" (or set it to false)',
    });
  const rules = s['amp.permissions'];
  if (source.layer === 'workspace' && Array.isArray(rules)) {
    const loosening = rules.filter(
      (r) => !(r && typeof r === 'object' && (r as { action?: unknown }).action === 'reject'),
    );
    if (loosening.length > 0)
      findings.push({
        ...at,
        key: `"amp.permissions" (${loosening.length} rule${loosening.length === 1 ? '' : 's'} that allow, ask or delegate)`,
        effect:
          "Amp may read a workspace's rules before Gatehouse's, and a rule that matches first decides without Gatehouse",
        fix: 'Move those rules to your user settings (Gatehouse keeps them, after its own), or keep only "reject" rules here',
      });
  }
  return findings;
}

/** Options that skip the rules, or run the thread where Gatehouse's delegate is not. */
export function ampArgFindings(args: readonly string[]): LaunchFinding[] {
  const at = { agent: 'amp' as const, layer: 'command line', file: 'the command line' };
  const end = args.indexOf('--');
  const opts = end === -1 ? args : args.slice(0, end);
  const findings: LaunchFinding[] = [];
  if (opts.includes('--dangerously-allow-all'))
    findings.push({ ...at, key: '--dangerously-allow-all', effect: SKIPPED, fix: 'Leave out --dangerously-allow-all' });
  const remote = 'the thread would run on another machine, where Gatehouse does not answer for it';
  if (opts.some((a) => a === '-ox' || a === '--orb-execute'))
    findings.push({
      ...at,
      key: '--orb-execute',
      effect: remote,
      fix: 'Run the thread here (leave out -ox / --orb-execute)',
    });
  for (let i = 0; i < opts.length; i++) {
    const a = opts[i] as string;
    const value = a === '--executor' ? opts[i + 1] : a.startsWith('--executor=') ? a.slice('--executor='.length) : null;
    if (value !== null && value !== undefined && value !== 'local')
      findings.push({
        ...at,
        key: `--executor ${value}`,
        effect: remote,
        fix: 'Use --executor local, or leave it out',
      });
  }
  return findings;
}
