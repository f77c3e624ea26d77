// Amp's launch checks: its user settings file and each workspace's `.amp/settings.json`, read from disk and checked
// (`checks.ts` is the pure part), and its command line.
import {
  diskReader,
  findGitRoot,
  homeOf,
  readOrFinding,
  type LaunchFinding,
  type LaunchSite,
  type SettingsReader,
} from '../launch-checks.ts';
import { ampArgFindings, ampSettingsFindings, ampUserSettingsFile, ampWorkspaceSources } from './checks.ts';

export function checkAmp(
  site: LaunchSite,
  args: readonly string[],
  reader: SettingsReader = diskReader,
): LaunchFinding[] {
  const sources = [
    { layer: 'user', file: ampUserSettingsFile(args, site.env, homeOf(site.env)) },
    ...ampWorkspaceSources(site.cwd, findGitRoot(site.cwd)),
  ];
  const findings = ampArgFindings(args);
  for (const source of sources) {
    const text = readOrFinding(source.file, reader);
    if (text === null) continue;
    if (typeof text !== 'string') {
      findings.push({
        agent: 'amp',
        ...source,
        key: '(the whole file)',
        effect: `it cannot be read (${text.error}), so Gatehouse cannot tell what its rules allow`,
        fix: 'Make it readable, or remove it',
      });
      continue;
    }
    findings.push(...ampSettingsFindings(text, source));
  }
  return findings;
}
