// GitHub Copilot CLI's launch checks: the settings files whose `disableAllHooks: true` switches every hook off,
// Gatehouse's plugin's with them. Measured on 1.0.102: in a folder Copilot trusts, `disableAllHooks` in the
// repository's `.github/copilot/settings.json`, `.github/copilot/settings.local.json` or `.claude/settings.json` lets
// a command run without its preToolUse hook (the hooks reference documents the first two; the third is read as a
// cross-tool settings file). `.claude/settings.local.json` is read the same way, and the user's
// `~/.copilot/settings.json` (had no effect on 1.0.102, but the reference leaves it open): all are checked, in the
// working directory and at the git top level, trusted folder or not, since trust can be given later.
import path from 'node:path';
import { parseJsonc } from '../gemini/jsonc.ts';
import {
  diskReader,
  findGitRoot,
  homeOf,
  readOrFinding,
  type LaunchFinding,
  type LaunchSite,
  type SettingsReader,
} from '../launch-checks.ts';

/** The person's Copilot folder: `$COPILOT_HOME`, else `~/.copilot`. */
export function copilotHome(env: NodeJS.ProcessEnv): string {
  return env.COPILOT_HOME || path.join(homeOf(env), '.copilot');
}

/** Every settings file that can switch Copilot CLI's hooks off for a launch in `cwd`. */
export function copilotSettingsSources(site: LaunchSite): Array<{ layer: string; file: string }> {
  const roots = [path.resolve(site.cwd)];
  const git = findGitRoot(site.cwd);
  if (git && !roots.includes(git)) roots.push(git);
  const all = [
    { layer: 'user', file: path.join(copilotHome(site.env), 'settings.json') },
    ...roots.flatMap((root) => [
      { layer: 'repository', file: path.join(root, '.github', 'copilot', 'settings.json') },
      { layer: 'repository (local)', file: path.join(root, '.github', 'copilot', 'settings.local.json') },
      { layer: 'repository (Claude settings)', file: path.join(root, '.claude', 'settings.json') },
      { layer: 'repository (Claude settings, local)', file: path.join(root, '.claude', 'settings.local.json') },
    ]),
  ];
  return all.filter((s, i) => all.findIndex((t) => t.file === s.file) === i);
}

/** The findings in one settings file's text. */
export function copilotTextFindings(text: string, source: { layer: string; file: string }): LaunchFinding[] {
  const at = { agent: 'copilot', layer: source.layer, file: source.file };
  let settings: unknown;
  try {
    settings = parseJsonc(text);
  } catch (err) {
    return [
      {
        ...at,
        key: '(the whole file)',
        effect: `it is not valid JSON (${(err as Error).message}), so Gatehouse cannot tell whether it switches hooks off`,
        fix: 'Fix the JSON, or remove the file',
      },
    ];
  }
  if (!settings || typeof settings !== 'object' || Array.isArray(settings)) return [];
  const off = (settings as { disableAllHooks?: unknown }).disableAllHooks;
  if (off === undefined || off === false) return [];
  return [
    {
      ...at,
      key: `"disableAllHooks": ${JSON.stringify(off)}`,
      effect: "GitHub Copilot CLI then runs no hook of Gatehouse's, so commands run without being held",
      fix: 'Remove "disableAllHooks" (or set it to false)',
    },
  ];
}

export function checkCopilot(site: LaunchSite, reader: SettingsReader = diskReader): LaunchFinding[] {
  const findings: LaunchFinding[] = [];
  for (const source of copilotSettingsSources(site)) {
    const text = readOrFinding(source.file, reader);
    if (text === null) continue;
    if (typeof text !== 'string') {
      findings.push({
        agent: 'copilot',
        ...source,
        key: '(the whole file)',
        effect: `it cannot be read (${text.error}), so Gatehouse cannot tell whether it switches hooks off`,
        fix: 'Make it readable, or remove it',
      });
      continue;
    }
    findings.push(...copilotTextFindings(text, source));
  }
  return findings;
}
