// Cursor's launch checks, read from disk (`checks.ts` is the pure part): the launch goes ahead only when one of
// Cursor's hooks.json files carries Gatehouse's hook, and every file is readable JSON.
import {
  diskReader,
  findGitRoot,
  homeOf,
  readOrFinding,
  type LaunchFinding,
  type LaunchSite,
  type SettingsReader,
} from '../launch-checks.ts';
import { cursorHookSources, gatehouseEntry, notInstalledFinding } from './checks.ts';

export interface CursorInstallState {
  findings: LaunchFinding[];
  /** Gatehouse's hook, where found, sets `failClosed: true`. */
  failClosed: boolean;
}

export function cursorInstallState(site: LaunchSite, reader: SettingsReader = diskReader): CursorInstallState {
  const home = homeOf(site.env);
  const sources = cursorHookSources({ platform: site.platform, home, cwd: site.cwd, gitRoot: findGitRoot(site.cwd) });
  const findings: LaunchFinding[] = [];
  let found = false;
  let failClosed = false;
  for (const source of sources) {
    const text = readOrFinding(source.file, reader);
    if (text === null) continue;
    const entry = typeof text === 'string' ? gatehouseEntry(text) : text;
    if ('error' in entry) {
      findings.push({
        agent: 'cursor',
        ...source,
        key: '(the whole file)',
        effect: `${entry.error.startsWith('it ') ? entry.error : `it cannot be read (${entry.error})`}, so Gatehouse cannot tell which hooks Cursor runs`,
        fix: 'Fix it, or remove it',
      });
      continue;
    }
    if (entry.found) {
      found = true;
      failClosed ||= entry.failClosed;
    }
  }
  const userFile = sources.at(-1)?.file ?? '~/.cursor/hooks.json';
  if (!found) findings.push(notInstalledFinding(userFile));
  return { findings, failClosed };
}
