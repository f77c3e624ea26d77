// Which Claude Code settings switch Gatehouse's hooks off, and where Claude Code reads settings from. Pure: files
// arrive as text (launch-checks.ts reads them). Measured on Claude Code 2.1.330 (its bundled settings schema and
// hook loader) and its documentation:
// - `disableAllHooks: true` in any settings file, or in a `--settings` layer, turns off every hook that is not
//   managed, and ours come from `--settings`.
// - `allowManagedHooksOnly: true` (honoured from managed settings) keeps only managed hooks and managed plugins'.
// - `strictPluginOnlyCustomization: true`, or a list naming "hooks" (managed), keeps only plugins' hooks.
// - `--bare` / `CLAUDE_CODE_SIMPLE` (bare mode) and `--safe-mode` / `CLAUDE_CODE_SAFE_MODE` run no settings hooks;
//   a settings file's `env` can set those variables too.
import path from 'node:path';
import { agentConfigDirs } from '../../risk/index.ts';
import type { LaunchFinding, SettingsReader } from '../launch-checks.ts';

/** A settings file and the layer it is. */
export interface ClaudeSource {
  layer: string;
  file: string;
}

/** Managed settings live in one folder per platform: `managed-settings.json`, then `managed-settings.d/*.json`. */
export function claudeManagedDir(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return '/Library/Application Support/ClaudeCode';
  if (platform === 'win32') return 'C:\\Program Files\\ClaudeCode';
  return '/etc/claude-code';
}

/**
 * Every settings file Claude Code reads when started in `cwd`: managed (the file and its drop-in folder, listed
 * through `reader`), user (`$CLAUDE_CONFIG_DIR` or `~/.claude`), and project and local for `cwd` and its git root.
 */
export function claudeSettingsSources(
  o: { platform: NodeJS.Platform; env: NodeJS.ProcessEnv; home: string; cwd: string; gitRoot: string | null },
  reader: SettingsReader,
): ClaudeSource[] {
  const join = o.platform === 'win32' ? path.win32.join : path.posix.join;
  const managed = claudeManagedDir(o.platform);
  const dropIn = join(managed, 'managed-settings.d');
  let dropIns: string[];
  try {
    dropIns = (reader.list(dropIn) ?? []).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
  } catch {
    // An unreadable folder is reported as the folder itself (its read fails below).
    dropIns = [''];
  }
  const configDir = agentConfigDirs(o.env, o.home, o.cwd).claude;
  const projectDirs = [...new Set([path.resolve(o.cwd), ...(o.gitRoot ? [path.resolve(o.gitRoot)] : [])])];
  const all = [
    { layer: 'managed', file: join(managed, 'managed-settings.json') },
    ...dropIns.map((n) => ({ layer: 'managed', file: n ? join(dropIn, n) : dropIn })),
    { layer: 'user', file: path.join(configDir, 'settings.json') },
    ...projectDirs.flatMap((d) => [
      { layer: 'project', file: path.join(d, '.claude', 'settings.json') },
      { layer: 'local', file: path.join(d, '.claude', 'settings.local.json') },
    ]),
  ];
  // Started in the home folder, the user's settings file is the project's too: read it once.
  return all.filter((s, i) => all.findIndex((t) => t.file === s.file) === i);
}

const TURNED_OFF = "Claude Code then runs no hook of Gatehouse's, so commands run without being held";

/** The findings in one parsed settings file. */
export function claudeSettingsFindings(settings: unknown, source: ClaudeSource): LaunchFinding[] {
  const at = { agent: 'claude' as const, layer: source.layer, file: source.file };
  if (!settings || typeof settings !== 'object' || Array.isArray(settings)) {
    return [
      {
        ...at,
        key: '(the whole file)',
        effect: 'it is not a JSON object, and Claude Code might read it differently than Gatehouse can',
        fix: 'Make it a JSON object ({…}), or remove the file',
      },
    ];
  }
  const s = settings as Record<string, unknown>;
  const findings: LaunchFinding[] = [];
  if (s.disableAllHooks === true) {
    findings.push({
      ...at,
      key: '"disableAllHooks": true',
      effect: TURNED_OFF,
      fix: 'Remove "disableAllHooks" from it (or set it to false)',
    });
  }
  if (s.allowManagedHooksOnly === true) {
    findings.push({
      ...at,
      key: '"allowManagedHooksOnly": true',
      effect: `only managed hooks run: ${TURNED_OFF}`,
      fix: 'Remove "allowManagedHooksOnly" from it (in managed settings: ask whoever manages them)',
    });
  }
  const strict = s.strictPluginOnlyCustomization;
  if (strict === true || (Array.isArray(strict) && strict.includes('hooks'))) {
    findings.push({
      ...at,
      key: `"strictPluginOnlyCustomization": ${JSON.stringify(strict)}`,
      effect: `only plugins' hooks run: ${TURNED_OFF}`,
      fix: 'Remove "hooks" from "strictPluginOnlyCustomization" (in managed settings: ask whoever manages them)',
    });
  }
  const env = s.env;
  if (env && typeof env === 'object' && !Array.isArray(env))
    findings.push(...claudeEnvFindings(env as Record<string, unknown>, source.file, source.layer, '"env".'));
  return findings;
}

/** Settings keys whose value is a command Claude Code runs itself (never through the Bash tool, so never gated). */
const COMMAND_KEYS = [
  'apiKeyHelper',
  'awsAuthRefresh',
  'awsCredentialExport',
  'gcpAuthRefresh',
  'otelHeadersHelper',
  'statusLine',
  'subagentStatusLine',
  'fileSuggestion',
] as const;

/**
 * For a settings file that changed during a session (ConfigChange): the hooks and helper commands in it. Claude Code
 * runs each of them itself, so an agent that writes one runs a command no person saw; such a change waits for a new
 * session (where the person starts the agent on those settings knowingly) instead of applying at once.
 */
export function claudeCommandFindings(settings: unknown, source: ClaudeSource): LaunchFinding[] {
  if (!settings || typeof settings !== 'object' || Array.isArray(settings)) return [];
  const s = settings as Record<string, unknown>;
  const at = { agent: 'claude' as const, layer: source.layer, file: source.file };
  const findings: LaunchFinding[] = [];
  const hooks =
    s.hooks && typeof s.hooks === 'object'
      ? Object.entries(s.hooks as Record<string, unknown>)
          .filter(([, v]) => !Array.isArray(v) || v.length > 0)
          .map(([k]) => k)
      : [];
  if (hooks.length > 0) {
    findings.push({
      ...at,
      key: `"hooks" (${hooks.join(', ')})`,
      effect: "Claude Code would run these hooks' commands itself, with no decision in Gatehouse",
      fix: 'Check what they run, then start a new session to use them',
    });
  }
  for (const key of COMMAND_KEYS) {
    if (s[key] === undefined || s[key] === null) continue;
    findings.push({
      ...at,
      key: `"${key}"`,
      effect: 'Claude Code would run its command itself, with no decision in Gatehouse',
      fix: 'Check what it runs, then start a new session to use it',
    });
  }
  return findings;
}

/** Variables that put Claude Code in a mode without settings hooks. */
const MODE_VARIABLES: ReadonlyArray<{ name: string; mode: string }> = [
  { name: 'CLAUDE_CODE_SIMPLE', mode: 'bare mode' },
  { name: 'CLAUDE_CODE_SAFE_MODE', mode: 'safe mode' },
];

/** Claude Code reads these as on for any value but empty, 0, false, no and off; anything else counts here. */
function isOn(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  return !['', '0', 'false', 'no', 'off'].includes(String(value).trim().toLowerCase());
}

export function claudeEnvFindings(
  env: Readonly<Record<string, unknown>>,
  file: string,
  layer: string,
  prefix = '',
): LaunchFinding[] {
  return MODE_VARIABLES.filter((v) => isOn(env[v.name])).map((v) => ({
    agent: 'claude' as const,
    layer,
    file,
    key: `${prefix}${v.name}=${String(env[v.name])}`,
    effect: `it starts Claude Code in ${v.mode}, where no settings hook runs`,
    fix: `Unset ${v.name}`,
  }));
}

/** Flags that start Claude Code in a mode without settings hooks. */
const MODE_FLAGS: ReadonlyArray<{ flag: string; mode: string }> = [
  { flag: '--bare', mode: 'bare mode' },
  { flag: '--safe-mode', mode: 'safe mode' },
];

export function claudeArgFindings(args: readonly string[]): LaunchFinding[] {
  const end = args.indexOf('--');
  const options = end === -1 ? args : args.slice(0, end);
  return MODE_FLAGS.filter((m) => options.some((a) => a === m.flag || a.startsWith(`${m.flag}=`))).map((m) => ({
    agent: 'claude' as const,
    layer: 'command line',
    file: 'the command line',
    key: m.flag,
    effect: `it starts Claude Code in ${m.mode}, where no settings hook runs`,
    fix: `Leave out ${m.flag}`,
  }));
}
