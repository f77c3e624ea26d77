// Launch checks: before an agent starts, every settings source it will read is checked for anything that would
// switch Gatehouse's hooks off (Claude Code's `disableAllHooks`, Codex's `features.hooks = false`, …). A finding
// refuses the launch, naming the file and the key. The checks themselves are pure (`claude-checks.ts`,
// `codex-checks.ts`); this file reads the disk and formats what was found.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { claudeArgFindings, claudeCommandFindings, claudeEnvFindings, claudeSettingsFindings, claudeSettingsSources, type ClaudeSource } from './claude-checks.ts';
import { codexArgFindings, codexConfigSources, codexEffectiveHooks, codexFeatureArgs, codexProfileArg, codexTextFindings } from './codex-checks.ts';
import type { WiredAgent } from './detect.ts';
import { findGitRoot } from '../risk/index.ts';

/** One thing that would switch Gatehouse off: where it is, which key, and what to do about it. */
export interface LaunchFinding {
  agent: WiredAgent;
  /** The settings layer: managed, user, project, local, --settings, command line, environment, … */
  layer: string;
  /** A file path, or where else the setting came from ("the command line", "the environment"). */
  file: string;
  key: string;
  /** What the setting does to Gatehouse. */
  effect: string;
  /** What to remove or change. */
  fix: string;
}

/** Reads files for the checks: `null` for a file that is not there; throws for one that cannot be read. */
export interface SettingsReader {
  read(file: string): string | null;
  /** The names in a directory, or `null` if there is no such directory. */
  list(dir: string): string[] | null;
}

export const diskReader: SettingsReader = {
  read(file) {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
      throw err;
    }
  },
  list(dir) {
    try {
      return fs.readdirSync(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
      throw err;
    }
  },
};

const AGENT_NAMES: Readonly<Record<WiredAgent, string>> = { claude: 'Claude Code', codex: 'Codex' };

/** One line per finding: "<file> sets <key>: <effect>. <fix>". */
export function describeFinding(f: LaunchFinding): string {
  return `${f.file} (${f.layer}) sets ${f.key}: ${f.effect}. ${f.fix}`;
}

export function refusalMessage(findings: readonly LaunchFinding[]): string {
  const agent = AGENT_NAMES[findings[0]?.agent ?? 'claude'];
  return [
    `Gatehouse refuses to start ${agent}: its settings would let commands run without being held.`,
    ...findings.map((f) => `  - ${describeFinding(f)}`),
  ].join('\n');
}

/** Where an agent is about to start, as the checks need it. */
export interface LaunchSite {
  cwd: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
}

/** The git top level the agents read project settings from: the one the rest of Gatehouse uses. */
export { findGitRoot };

function homeOf(env: NodeJS.ProcessEnv): string {
  return env.HOME || env.USERPROFILE || os.homedir();
}

/** Every Claude Code settings source for this launch (files, the user's `--settings`, argv, environment), checked. */
export function checkClaude(site: LaunchSite, args: readonly string[], userSettings: readonly string[], reader: SettingsReader = diskReader): LaunchFinding[] {
  const sources = claudeSettingsSources({ platform: site.platform, env: site.env, home: homeOf(site.env), cwd: site.cwd, gitRoot: findGitRoot(site.cwd) }, reader);
  const findings: LaunchFinding[] = [...claudeArgFindings(args), ...claudeEnvFindings(site.env, 'the environment', 'environment')];
  for (const source of sources) findings.push(...checkClaudeSource(source, reader));
  for (const value of userSettings) {
    const inline = value.trim().startsWith('{');
    const file = inline ? 'your inline --settings JSON' : path.resolve(site.cwd, value);
    findings.push(...checkClaudeText(inline ? value : readOrFinding(file, reader), { layer: '--settings', file }));
  }
  return findings;
}

/** One settings file of Claude Code's, as it is on disk now (ConfigChange re-reads the changed file this way). */
export function checkClaudeSource(source: ClaudeSource, reader: SettingsReader = diskReader): LaunchFinding[] {
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
export function checkConfigChange(source: string, filePath: string | undefined, reader: SettingsReader = diskReader): LaunchFinding[] {
  if (source === 'skills' || !filePath) return [];
  const at = { layer: CONFIG_CHANGE_LAYERS[source] ?? source, file: filePath };
  return checkClaudeText(readOrFinding(filePath, reader), at, claudeCommandFindings);
}

type ReadResult = string | null | { error: string };

function readOrFinding(file: string, reader: SettingsReader): ReadResult {
  try {
    return reader.read(file);
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** `also`: more checks of the parsed file (ConfigChange adds the commands a changed file would run). */
function checkClaudeText(text: ReadResult, source: ClaudeSource, also?: (parsed: unknown, source: ClaudeSource) => LaunchFinding[]): LaunchFinding[] {
  if (text === null) return [];
  if (typeof text !== 'string') {
    return [{ agent: 'claude', ...source, key: '(the whole file)', effect: `it cannot be read (${text.error}), so Gatehouse cannot tell whether it switches hooks off`, fix: 'Make it readable, or remove it' }];
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

/** Every Codex config layer for this launch (system, managed, requirements, user, profile, project, `-c`), checked. */
export async function checkCodex(site: LaunchSite, exe: string, args: readonly string[], reader: SettingsReader = diskReader): Promise<LaunchFinding[]> {
  const sources = codexConfigSources({ platform: site.platform, env: site.env, home: homeOf(site.env), cwd: site.cwd, gitRoot: findGitRoot(site.cwd), args });
  const findings: LaunchFinding[] = [...codexArgFindings(args)];
  const activeProfiles = new Set<string>();
  for (const source of sources) {
    const text = readOrFinding(source.file, reader);
    if (text === null) continue;
    if (typeof text !== 'string') {
      findings.push({ agent: 'codex', layer: source.layer, file: source.file, key: '(the whole file)', effect: `it cannot be read (${text.error}), so Gatehouse cannot tell whether it switches hooks off`, fix: 'Make it readable, or remove it' });
      continue;
    }
    const found = codexTextFindings(text, source);
    for (const p of found.profiles) activeProfiles.add(p);
    findings.push(...found.findings);
  }
  // `[profiles.<name>.features]` counts only for the profile in use; the scan reports them all, tagged.
  const profileArg = codexProfileArg(args);
  if (profileArg) activeProfiles.add(profileArg);
  const kept = findings.filter((f) => !f.key.startsWith('profiles.') || activeProfiles.has(f.key.split('.')[1] as string));
  if (kept.length > 0) return kept;
  // Codex itself resolves every layer (trust, requirements, managed config): ask it, in case a form was missed.
  const effective = codexEffectiveHooks(await codexFeaturesList(exe, codexFeatureArgs(args), site));
  if (effective === false) {
    return [
      {
        agent: 'codex',
        layer: 'effective configuration',
        file: '`codex features list`',
        key: 'features.hooks',
        effect: 'Codex reports its hooks feature off, from a layer Gatehouse could not name',
        fix: 'Find it with `codex features list` and your config files, and set `hooks = true` under [features] (or remove the line)',
      },
    ];
  }
  return kept;
}

/** How long `codex features list` may take (it answers in about 0.2 s). */
const FEATURES_TIMEOUT_MS = 10_000;

function codexFeaturesList(exe: string, args: string[], site: LaunchSite): Promise<string | null> {
  return new Promise((resolve) => {
    const child = execFile(exe, [...args, 'features', 'list'], { env: site.env, cwd: site.cwd, timeout: FEATURES_TIMEOUT_MS, encoding: 'utf8' }, (err, stdout) => resolve(err ? null : stdout));
    child.stdin?.end();
  });
}

/** The findings for an agent about to start from `site` with `args` (its arguments without Gatehouse's). */
export async function checkLaunch(agent: WiredAgent, exe: string, args: readonly string[], userSettings: readonly string[], site: LaunchSite): Promise<LaunchFinding[]> {
  return agent === 'claude' ? checkClaude(site, args, userSettings) : checkCodex(site, exe, args);
}
