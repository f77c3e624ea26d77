// Launch checks: before an agent starts, every settings source it will read is checked for anything that would
// switch Gatehouse's hooks off (Claude Code's `disableAllHooks`, Codex's `features.hooks = false`, …). A finding
// refuses the launch, naming the file and the key. Each plug-in checks its own agent (`<agent>/launch-checks.ts`,
// `AgentPlugin.checkLaunch`); this file holds what they share: a finding, reading the disk, and saying what was found.
import fs from 'node:fs';
import os from 'node:os';
import { findGitRoot } from '../risk/index.ts';

/** One thing that would switch Gatehouse off: where it is, which key, and what to do about it. */
export interface LaunchFinding {
  /** The id of the agent whose settings these are. */
  agent: string;
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
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR')
        return null;
      throw err;
    }
  },
  list(dir) {
    try {
      return fs.readdirSync(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR')
        return null;
      throw err;
    }
  },
};

/** One line per finding: "<file> sets <key>: <effect>. <fix>". */
export function describeFinding(f: LaunchFinding): string {
  return `${f.file} (${f.layer}) sets ${f.key}: ${f.effect}. ${f.fix}`;
}

/** Why a launch of `agentName` (the plug-in's name) is refused: the agent, then each finding. */
export function refusalMessage(agentName: string, findings: readonly LaunchFinding[]): string {
  return [
    `Gatehouse refuses to start ${agentName}: its settings would let commands run without being held.`,
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

export function homeOf(env: NodeJS.ProcessEnv): string {
  return env.HOME || env.USERPROFILE || os.homedir();
}

/** A file's text, null when it is not there, or why it cannot be read (itself a finding: the launch is refused). */
export type ReadResult = string | null | { error: string };

export function readOrFinding(file: string, reader: SettingsReader): ReadResult {
  try {
    return reader.read(file);
  } catch (err) {
    return { error: (err as Error).message };
  }
}
