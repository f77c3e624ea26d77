// Which Codex settings switch Gatehouse's hooks off, and where Codex reads them from. Pure: files arrive as text.
// Measured on Codex 0.169 (its `--help`, `codex features list`, and the hooks documentation):
// - `[features] hooks = false` (or the deprecated alias `codex_hooks`) in any config layer turns every hook off:
//   `$CODEX_HOME/config.toml`, a trusted project's `.codex/config.toml` (cwd up to the project root), the profile
//   file `$CODEX_HOME/<name>.config.toml` (`-p <name>`), `/etc/codex/config.toml`, `/etc/codex/managed_config.toml`,
//   and `/etc/codex/requirements.toml`; `-c features.hooks=false` and `--disable hooks` do the same for one run.
// - `allow_managed_hooks_only = true` in requirements.toml keeps only managed hooks, and ours are not.
// - Gatehouse's hooks arrive as `-c hooks.PreToolUse=…`; a later `-c hooks…` of the user's replaces them.
import path from 'node:path';
import { agentConfigDirs } from '../../risk/index.ts';
import type { LaunchFinding } from '../launch-checks.ts';

export interface CodexSource {
  layer: string;
  file: string;
}

export function codexConfigSources(o: {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
  cwd: string;
  gitRoot: string | null;
  args: readonly string[];
}): CodexSource[] {
  const codexHome = agentConfigDirs(o.env, o.home, o.cwd).codex;
  const system =
    o.platform === 'win32'
      ? []
      : [
          { layer: 'system', file: '/etc/codex/config.toml' },
          { layer: 'managed', file: '/etc/codex/managed_config.toml' },
          { layer: 'requirements', file: '/etc/codex/requirements.toml' },
        ];
  const profile = codexProfileArg(o.args);
  return [
    ...system,
    { layer: 'user', file: path.join(codexHome, 'config.toml') },
    ...(profile ? [{ layer: `profile ${profile}`, file: path.join(codexHome, `${profile}.config.toml`) }] : []),
    ...projectDirs(o.cwd, o.gitRoot).map((d) => ({ layer: 'project', file: path.join(d, '.codex', 'config.toml') })),
  ];
}

/** `cwd` and every directory above it up to the project root (the git root; `cwd` alone outside a repository). */
function projectDirs(cwd: string, gitRoot: string | null): string[] {
  const start = path.resolve(cwd);
  if (!gitRoot) return [start];
  const root = path.resolve(gitRoot);
  const dirs: string[] = [];
  for (let d = start; ; d = path.dirname(d)) {
    dirs.push(d);
    if (d === root || path.dirname(d) === d) break;
  }
  return dirs;
}

/** The profile `-p <name>` / `--profile <name>` selects, if any. */
export function codexProfileArg(args: readonly string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if ((a === '-p' || a === '--profile') && i + 1 < args.length) return args[i + 1] as string;
    if (a.startsWith('--profile=')) return a.slice('--profile='.length);
  }
  return null;
}

const HOOK_FEATURE = /^(?:profiles\.([^.]+)\.)?features\.(codex_hooks|hooks)$/;
const FEATURES_TABLE = /^(?:profiles\.([^.]+)\.)?features$/;
const INLINE_HOOKS_OFF = /(?:^|[{,\s])"?(codex_hooks|hooks)"?\s*=\s*false\b/;
const TURNED_OFF = 'Codex then runs no hook at all, so commands run without being held';
/**
 * `-c` keys that replace what Gatehouse passes (`hooks.PreToolUse`, `hooks.PermissionRequest`, or `hooks` whole), or
 * reach the per-hook enablement table (`hooks.state`). `-c hooks.Stop=…` and the like only add to ours.
 */
const REPLACES_OURS = /^hooks(?:$|\.(?:PreToolUse|PermissionRequest|state)(?:$|\.))/;

/** A dotted TOML key split into its parts, quotes removed (`a."b.c".d` → a, b.c, d). */
function keyParts(key: string): string[] {
  const parts: string[] = [];
  for (const m of key.matchAll(/\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(?:\.|$)/g))
    parts.push(m[1] ?? m[2] ?? m[3] ?? '');
  return parts;
}

/** A line without its comment (a `#` outside quotes). */
function withoutComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return line.slice(0, i);
  }
  return line;
}

/**
 * The findings in one config file's text, and the profile its top-level `profile = "…"` selects. A line-by-line
 * reading of TOML's tables and `key = value` lines: the forms a config file sets a feature with (a `[features]`
 * table, dotted keys, an inline table), which is all Codex documents for it.
 */
export function codexTextFindings(
  text: string,
  source: CodexSource,
): { findings: LaunchFinding[]; profiles: string[] } {
  const at = { agent: 'codex' as const, layer: source.layer, file: source.file };
  const findings: LaunchFinding[] = [];
  const profiles: string[] = [];
  let table: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = withoutComment(raw).trim();
    if (!line) continue;
    const header = /^\[\[?\s*(.+?)\s*\]\]?$/.exec(line);
    if (header) {
      table = keyParts(header[1] as string);
      continue;
    }
    const kv = /^((?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_.\s-])+?)\s*=\s*(.*)$/.exec(line);
    if (!kv) continue;
    const full = [...table, ...keyParts(kv[1] as string)].join('.');
    const value = (kv[2] as string).trim();
    const feature = HOOK_FEATURE.exec(full);
    if (feature && /^false\b/.test(value)) findings.push(hookFinding(at, feature[1], `${feature[2]} = false`, full));
    const inline = FEATURES_TABLE.exec(full);
    const inlineOff = inline && value.startsWith('{') ? INLINE_HOOKS_OFF.exec(value) : null;
    if (inline && inlineOff)
      findings.push(hookFinding(at, inline[1], `${inlineOff[1]} = false`, `${full}.${inlineOff[1]}`));
    if (full === 'allow_managed_hooks_only' && /^true\b/.test(value)) {
      findings.push({
        ...at,
        key: 'allow_managed_hooks_only = true',
        effect: `only managed hooks run: ${TURNED_OFF}`,
        fix: 'Remove allow_managed_hooks_only (ask whoever manages requirements.toml)',
      });
    }
    if (full === 'profile') {
      const name = /^"([^"]+)"|^'([^']+)'/.exec(value);
      if (name) profiles.push((name[1] ?? name[2]) as string);
    }
  }
  return { findings, profiles };
}

function hookFinding(
  at: { agent: 'codex'; layer: string; file: string },
  profile: string | undefined,
  setting: string,
  full: string,
): LaunchFinding {
  return {
    ...at,
    // The profile stays in the key, so only the profile in use counts (launch-checks.ts filters on it).
    key: profile ? `profiles.${profile}.features: ${setting}` : `[features] ${setting}`,
    effect: TURNED_OFF,
    fix: `Remove ${full} (or set it to true)`,
  };
}

/** The user's `-c`/`--config` overrides and `--disable` flags that turn hooks off or replace Gatehouse's. */
export function codexArgFindings(args: readonly string[]): LaunchFinding[] {
  const at = { agent: 'codex' as const, layer: 'command line', file: 'the command line' };
  const findings: LaunchFinding[] = [];
  for (const { flag, value } of options(args)) {
    if (flag === '--disable' && (value === 'hooks' || value === 'codex_hooks')) {
      findings.push({ ...at, key: `--disable ${value}`, effect: TURNED_OFF, fix: `Leave out --disable ${value}` });
    }
    if (flag !== '-c' && flag !== '--config') continue;
    const eq = value.indexOf('=');
    if (eq < 0) continue;
    const key = keyParts(value.slice(0, eq)).join('.');
    const v = value.slice(eq + 1).trim();
    if (REPLACES_OURS.test(key)) {
      findings.push({
        ...at,
        key: `-c ${key}=…`,
        effect:
          'it replaces (or switches off) the hooks Gatehouse passes to Codex with -c, so commands would run without being held',
        fix: "Put your own hooks in a hooks.json or config.toml instead of -c (they run beside Gatehouse's)",
      });
    } else if (HOOK_FEATURE.test(key) && /^false\b/.test(v)) {
      findings.push({ ...at, key: `-c ${key}=false`, effect: TURNED_OFF, fix: `Leave out -c ${key}=false` });
    } else if (key === 'features' && INLINE_HOOKS_OFF.test(v)) {
      findings.push({
        ...at,
        key: `-c features=${v}`,
        effect: TURNED_OFF,
        fix: 'Leave hooks out of that -c features override',
      });
    }
  }
  return findings;
}

/** Codex's options with their values (`-c k=v`, `--config=k=v`, `--disable x`), in order. */
function options(args: readonly string[]): Array<{ flag: string; value: string }> {
  const out: Array<{ flag: string; value: string }> = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') break;
    for (const flag of ['-c', '--config', '--disable', '--enable']) {
      if (a === flag && i + 1 < args.length) out.push({ flag, value: args[++i] as string });
      else if (a.startsWith(`${flag}=`)) out.push({ flag, value: a.slice(flag.length + 1) });
      else if (flag === '-c' && a.startsWith('-c') && a.length > 2 && !a.startsWith('--'))
        out.push({ flag, value: a.slice(2) });
    }
  }
  return out;
}

/** The user's global overrides, to ask `codex features list` with (it takes `-c`, `--enable`, `--disable`; not `-p`). */
export function codexFeatureArgs(args: readonly string[]): string[] {
  return options(args).flatMap(({ flag, value }) => [flag === '--config' ? '-c' : flag, value]);
}

/** The `hooks` row of `codex features list` ("hooks  stable  true"): on, off, or null if it is not there. */
export function codexEffectiveHooks(output: string | null): boolean | null {
  const m = /^hooks\s+.*?\s(true|false)\s*$/m.exec(output ?? '');
  return m ? m[1] === 'true' : null;
}
