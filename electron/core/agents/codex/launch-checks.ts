// Codex's launch checks: every config layer it will read (system, managed, requirements, user, profile, project, `-c`),
// read from disk and checked (`checks.ts` is the pure part), then Codex's own word on whether its hooks are on.
import { execFile } from 'node:child_process';
import {
  diskReader,
  findGitRoot,
  homeOf,
  readOrFinding,
  type LaunchFinding,
  type LaunchSite,
  type SettingsReader,
} from '../launch-checks.ts';
import {
  codexArgFindings,
  codexConfigSources,
  codexEffectiveHooks,
  codexFeatureArgs,
  codexProfileArg,
  codexTextFindings,
} from './checks.ts';

/** Every Codex config layer for this launch (system, managed, requirements, user, profile, project, `-c`), checked. */
export async function checkCodex(
  site: LaunchSite,
  exe: string,
  args: readonly string[],
  reader: SettingsReader = diskReader,
): Promise<LaunchFinding[]> {
  const sources = codexConfigSources({
    platform: site.platform,
    env: site.env,
    home: homeOf(site.env),
    cwd: site.cwd,
    gitRoot: findGitRoot(site.cwd),
    args,
  });
  const findings: LaunchFinding[] = [...codexArgFindings(args)];
  const activeProfiles = new Set<string>();
  for (const source of sources) {
    const text = readOrFinding(source.file, reader);
    if (text === null) continue;
    if (typeof text !== 'string') {
      findings.push({
        agent: 'codex',
        layer: source.layer,
        file: source.file,
        key: '(the whole file)',
        effect: `it cannot be read (${text.error}), so Gatehouse cannot tell whether it switches hooks off`,
        fix: 'Make it readable, or remove it',
      });
      continue;
    }
    const found = codexTextFindings(text, source);
    for (const p of found.profiles) activeProfiles.add(p);
    findings.push(...found.findings);
  }
  // `[profiles.<name>.features]` counts only for the profile in use; the scan reports them all, tagged.
  const profileArg = codexProfileArg(args);
  if (profileArg) activeProfiles.add(profileArg);
  const kept = findings.filter(
    (f) => !f.key.startsWith('profiles.') || activeProfiles.has(f.key.split('.')[1] as string),
  );
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
    const child = execFile(
      exe,
      [...args, 'features', 'list'],
      { env: site.env, cwd: site.cwd, timeout: FEATURES_TIMEOUT_MS, encoding: 'utf8' },
      (err, stdout) => resolve(err ? null : stdout),
    );
    child.stdin?.end();
  });
}
