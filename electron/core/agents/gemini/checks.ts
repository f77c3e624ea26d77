// Which Gemini CLI settings switch Gatehouse's hooks off, and where Gemini CLI reads settings from. Pure: files arrive
// as text (launch-checks.ts reads them). From its configuration reference and the 0.61.0 bundle's settings loader and
// hook registry:
// - Settings layers: system defaults, user (`$GEMINI_CLI_HOME/.gemini/settings.json`, else `~/.gemini/…`), project
//   (`<cwd>/.gemini/settings.json`) and system (`/etc/gemini-cli/settings.json`); the system files' paths can be moved
//   with `GEMINI_CLI_SYSTEM_DEFAULTS_PATH` and `GEMINI_CLI_SYSTEM_SETTINGS_PATH`. All are JSON with comments.
// - `hooksConfig.enabled: false` turns the whole hook system off, extensions' hooks with it.
// - `hooksConfig.disabled` lists hook names or commands that do not run (merged across layers).
// - `admin.extensions.enabled: false` loads no extension, and Gatehouse's hooks arrive as one.
// - `-e` / `--extensions <names>` loads only the named extensions.
import path from 'node:path';
import type { LaunchFinding } from '../launch-checks.ts';
import { parseJsonc } from './jsonc.ts';

export interface GeminiSource {
  layer: string;
  file: string;
}

/** Where Gemini CLI keeps the system-wide files on each platform. */
function systemDir(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return '/Library/Application Support/GeminiCli';
  if (platform === 'win32') return 'C:\\ProgramData\\gemini-cli';
  return '/etc/gemini-cli';
}

/** The user's `.gemini` folder: under `$GEMINI_CLI_HOME` when set (it stands for the home folder), else under `home`. */
export function geminiUserDir(env: NodeJS.ProcessEnv, home: string): string {
  return path.join(env.GEMINI_CLI_HOME || home, '.gemini');
}

/** Every settings file Gemini CLI reads when started in `cwd`, lowest precedence first. */
export function geminiSettingsSources(o: {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
  cwd: string;
}): GeminiSource[] {
  const join = o.platform === 'win32' ? path.win32.join : path.posix.join;
  const sys = systemDir(o.platform);
  const all = [
    { layer: 'system defaults', file: o.env.GEMINI_CLI_SYSTEM_DEFAULTS_PATH || join(sys, 'system-defaults.json') },
    { layer: 'user', file: path.join(geminiUserDir(o.env, o.home), 'settings.json') },
    { layer: 'project', file: path.join(path.resolve(o.cwd), '.gemini', 'settings.json') },
    { layer: 'system', file: o.env.GEMINI_CLI_SYSTEM_SETTINGS_PATH || join(sys, 'settings.json') },
  ];
  // Started in the home folder, the user's settings file is the project's too: read it once.
  return all.filter((s, i) => all.findIndex((t) => t.file === s.file) === i);
}

const TURNED_OFF = "Gemini CLI then runs no hook of Gatehouse's, so commands run without being held";

/** The findings in one settings file's text. */
export function geminiTextFindings(text: string, source: GeminiSource): LaunchFinding[] {
  const at = { agent: 'gemini' as const, layer: source.layer, file: source.file };
  let settings: unknown;
  try {
    settings = parseJsonc(text);
  } catch (err) {
    return [
      {
        ...at,
        key: '(the whole file)',
        effect: `it is not valid JSON (${(err as Error).message}), and Gemini CLI might read it differently than Gatehouse can`,
        fix: 'Fix the JSON, or remove the file',
      },
    ];
  }
  if (!settings || typeof settings !== 'object' || Array.isArray(settings)) {
    return [
      {
        ...at,
        key: '(the whole file)',
        effect: 'it is not a JSON object, and Gemini CLI might read it differently than Gatehouse can',
        fix: 'Make it a JSON object ({…}), or remove the file',
      },
    ];
  }
  const s = settings as { hooksConfig?: unknown; admin?: unknown };
  const findings: LaunchFinding[] = [];
  const hooksConfig = (s.hooksConfig ?? {}) as { enabled?: unknown; disabled?: unknown };
  if (hooksConfig.enabled === false) {
    findings.push({
      ...at,
      key: '"hooksConfig": {"enabled": false}',
      effect: TURNED_OFF,
      fix: 'Remove "enabled": false from "hooksConfig" (or set it to true)',
    });
  }
  const disabled = Array.isArray(hooksConfig.disabled) ? hooksConfig.disabled : [];
  for (const name of disabled) {
    if (typeof name !== 'string' || !/gatehouse|\/v1\/gate\//i.test(name)) continue;
    findings.push({
      ...at,
      key: `"hooksConfig": {"disabled": [${JSON.stringify(name)}]}`,
      effect: TURNED_OFF,
      fix: `Take ${JSON.stringify(name)} out of "hooksConfig"."disabled"`,
    });
  }
  const admin = (s.admin ?? {}) as { extensions?: { enabled?: unknown } };
  if (admin.extensions?.enabled === false) {
    findings.push({
      ...at,
      key: '"admin": {"extensions": {"enabled": false}}',
      effect: `Gemini CLI then loads no extension, and Gatehouse's hooks come as one: ${TURNED_OFF}`,
      fix: 'Remove it (in system settings: ask whoever manages them)',
    });
  }
  return findings;
}

/** `-e` / `--extensions`: only the extensions named load, and Gatehouse's is not among a person's names. */
export function geminiArgFindings(args: readonly string[]): LaunchFinding[] {
  const end = args.indexOf('--');
  const options = end === -1 ? args : args.slice(0, end);
  const flag = options.find((a) => a === '-e' || a === '--extensions' || a.startsWith('--extensions='));
  if (!flag) return [];
  return [
    {
      agent: 'gemini',
      layer: 'command line',
      file: 'the command line',
      key: flag.startsWith('--extensions') ? '--extensions' : '-e',
      effect: `Gemini CLI then loads only the extensions named, and Gatehouse's hooks come as an extension: ${TURNED_OFF}`,
      fix: `Leave out ${flag.split('=')[0]} (disable extensions you do not want with \`gemini extensions disable\` instead)`,
    },
  ];
}

/** The extension enablement file: an entry for Gatehouse's own extension name could switch it off. */
export function geminiEnablementFindings(text: string, file: string, extensionName: string): LaunchFinding[] {
  let parsed: unknown;
  try {
    parsed = parseJsonc(text);
  } catch {
    return [];
  }
  if (!parsed || typeof parsed !== 'object' || !Object.hasOwn(parsed, extensionName)) return [];
  return [
    {
      agent: 'gemini',
      layer: 'extensions',
      file,
      key: `"${extensionName}"`,
      effect: `it can switch off the extension Gatehouse's hooks come in: ${TURNED_OFF}`,
      fix: `Remove the "${extensionName}" entry`,
    },
  ];
}
