// Gemini CLI's launch checks: every settings layer it will read (system defaults, user, project, system), the
// extension enablement file and the command line, read from disk and checked (`checks.ts` is the pure part).
import path from 'node:path';
import {
  diskReader,
  homeOf,
  readOrFinding,
  type LaunchFinding,
  type LaunchSite,
  type SettingsReader,
} from '../launch-checks.ts';
import {
  geminiArgFindings,
  geminiEnablementFindings,
  geminiSettingsSources,
  geminiTextFindings,
  geminiUserDir,
} from './checks.ts';
import { GEMINI_EXTENSION_NAME } from './wiring.ts';

export function checkGemini(
  site: LaunchSite,
  args: readonly string[],
  reader: SettingsReader = diskReader,
): LaunchFinding[] {
  const home = homeOf(site.env);
  const findings: LaunchFinding[] = [...geminiArgFindings(args)];
  const sources = geminiSettingsSources({ platform: site.platform, env: site.env, home, cwd: site.cwd });
  const enablement = path.join(geminiUserDir(site.env, home), 'extensions', 'extension-enablement.json');
  for (const source of [...sources, { layer: 'extensions', file: enablement }]) {
    const text = readOrFinding(source.file, reader);
    if (text === null) continue;
    if (typeof text !== 'string') {
      findings.push({
        agent: 'gemini',
        ...source,
        key: '(the whole file)',
        effect: `it cannot be read (${text.error}), so Gatehouse cannot tell whether it switches hooks off`,
        fix: 'Make it readable, or remove it',
      });
      continue;
    }
    findings.push(
      ...(source.file === enablement
        ? geminiEnablementFindings(text, source.file, GEMINI_EXTENSION_NAME)
        : geminiTextFindings(text, source)),
    );
  }
  return findings;
}
