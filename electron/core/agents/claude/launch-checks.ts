// Claude Code's launch checks: every settings source it will read (files, the user's `--settings`, the command line,
// the environment), read from disk and checked (`checks.ts` is the pure part); and a settings file it reports changed
// mid-session (ConfigChange), re-read and checked the same way.
import path from 'node:path';
import {
  diskReader,
  findGitRoot,
  homeOf,
  readOrFinding,
  type LaunchFinding,
  type LaunchSite,
  type ReadResult,
  type SettingsReader,
} from '../launch-checks.ts';
import {
  claudeArgFindings,
  claudeCommandFindings,
  claudeEnvFindings,
  claudeSettingsFindings,
  claudeSettingsSources,
  type ClaudeSource,
} from './checks.ts';

/** Every Claude Code settings source for this launch (files, the user's `--settings`, argv, environment), checked. */
export function checkClaude(
  site: LaunchSite,
  args: readonly string[],
  userSettings: readonly string[],
  reader: SettingsReader = diskReader,
): LaunchFinding[] {
  const sources = claudeSettingsSources(
    { platform: site.platform, env: site.env, home: homeOf(site.env), cwd: site.cwd, gitRoot: findGitRoot(site.cwd) },
    reader,
  );
  const findings: LaunchFinding[] = [
    ...claudeArgFindings(args),
    ...claudeEnvFindings(site.env, 'the environment', 'environment'),
  ];
  for (const source of sources) findings.push(...checkClaudeSource(source, reader));
  for (const value of userSettings) {
    const inline = value.trim().startsWith('{');
    const file = inline ? 'your inline --settings JSON' : path.resolve(site.cwd, value);
    findings.push(...checkClaudeText(inline ? value : readOrFinding(file, reader), { layer: '--settings', file }));
  }
  return findings;
}

/** One settings file of Claude Code's, as it is on disk now. */
function checkClaudeSource(source: ClaudeSource, reader: SettingsReader): LaunchFinding[] {
  return checkClaudeText(readOrFinding(source.file, reader), source);
}

/** ConfigChange's `source` values that are settings files, and the layer each is. */
const CONFIG_CHANGE_LAYERS: Readonly<Record<string, string>> = {
  user_settings: 'user',
  project_settings: 'project',
  local_settings: 'local',
  policy_settings: 'managed',
};

/**
 * A settings file Claude Code reports changed mid-session (its ConfigChange hook), re-read and checked as at launch;
 * besides, hooks and helper commands in it wait for a new session (`claudeCommandFindings`). Skills and a change
 * without a file (a file removed) cannot switch hooks off or add a command.
 */
export function checkConfigChange(
  source: string,
  filePath: string | undefined,
  reader: SettingsReader = diskReader,
): LaunchFinding[] {
  if (source === 'skills' || !filePath) return [];
  const at = { layer: CONFIG_CHANGE_LAYERS[source] ?? source, file: filePath };
  return checkClaudeText(readOrFinding(filePath, reader), at, claudeCommandFindings);
}

/** `also`: more checks of the parsed file (ConfigChange adds the commands a changed file would run). */
function checkClaudeText(
  text: ReadResult,
  source: ClaudeSource,
  also?: (parsed: unknown, source: ClaudeSource) => LaunchFinding[],
): LaunchFinding[] {
  if (text === null) return [];
  if (typeof text !== 'string') {
    return [
      {
        agent: 'claude',
        ...source,
        key: '(the whole file)',
        effect: `it cannot be read (${text.error}), so Gatehouse cannot tell whether it switches hooks off`,
        fix: 'Make it readable, or remove it',
      },
    ];
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return [
      {
        agent: 'claude',
        ...source,
        key: '(the whole file)',
        effect: `it is not valid JSON (${(err as Error).message}), and Claude Code might read it differently than Gatehouse can`,
        fix: 'Fix the JSON, or remove the file',
      },
    ];
  }
  return [...claudeSettingsFindings(parsed, source), ...(also?.(parsed, source) ?? [])];
}
