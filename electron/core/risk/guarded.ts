// Places where writing does more than replace a file: it hands control to an agent (its settings and
// hooks), a shell (startup files), git (hooks, `core.hooksPath`) or ssh. Beside `paths.ts`, which says
// where a path points; the file rules (`rules/files.ts`, `rules/archives.ts`) ask both.
import path from 'node:path';
import type { RiskContext } from './context.ts';
import { GLOB_TTL_MS, inside, SHELL_STARTUP } from './paths.ts';

/** What writing a place does beyond replacing a file: who it hands control to. */
export interface Guarded {
  kind: 'agent' | 'startup' | 'git-hooks' | 'project-hooks' | 'ssh';
  /** Said after the path: `, an agent's settings (…)`. */
  what: string;
}

/**
 * The agents' own settings, commands and hooks, in any project or in the home: writing them changes what an
 * agent may run unasked, or turns Gatehouse's wiring off. Cursor's and Windsurf's `rules/` hold instructions
 * the agent keeps for itself (written all day), not permissions, and are left out.
 */
const AGENT_PLACES = new RegExp(
  [
    String.raw`(^|/)\.(claude|codex|gemini|qwen|continue|amazonq|roo)(/|$)`,
    String.raw`(^|/)\.claude\.json$`,
    String.raw`(^|/)\.mcp\.json$`,
    String.raw`(^|/)\.(cursor|windsurf)(/(?!rules(/|$))|$)`,
    String.raw`(^|/)\.vscode/(settings|tasks|mcp)\.json$`,
    String.raw`(^|/)\.aider\.(conf|model\.settings)\.ya?ml$`,
    String.raw`(^|/)opencode\.jsonc?$`,
    String.raw`(^|/)\.config/(opencode|goose|amp|claude|crush)(/|$)`,
    String.raw`(^|/)\.codeium/windsurf(/|$)`,
    // GitHub Copilot CLI: its own folder (settings, hooks, plugins), and a repository's hooks and Copilot settings.
    String.raw`(^|/)\.copilot(/|$)`,
    String.raw`(^|/)\.github/(hooks|copilot)(/|$)`,
    String.raw`(^|/)(Code|Cursor|Windsurf|VSCodium)/User/(settings|mcp)\.json$`,
  ].join('|'),
);
/** Hooks and config of any git repository: they run code on the person's own git commands, and no diff shows them. */
const GIT_HOOKS = /(^|\/)\.git\/(modules\/.+\/|worktrees\/[^/]+\/)?(hooks(\/|$)|config$)/;
/** The user's git config: like a repository's `.git/config`, for every repository at once. */
const USER_GIT_CONFIG = /^(\.gitconfig|\.config\/git\/config)$/;
/** Hooks kept in the project (husky): they run on every commit, but the change shows in the diff. */
const PROJECT_HOOKS = /(^|\/)\.husky(\/|$)/;
/** ssh's keys, config (which runs ProxyCommand) and authorized keys; `known_hosts` only records hosts (high as a secret file). */
const SSH_DIR = /(^|\/)\.ssh(\/(?!known_hosts(\.old)?$)|$)/;
/** Startup files beyond the ones `kindOf` names: fish's folder, aliases, logout scripts. */
const MORE_STARTUP =
  /^(\.config\/fish(\/|$)|\.bash_aliases$|\.bash_logout$|\.zlogout$|\.zshrc\.d(\/|$)|\.config\/zsh(\/|$))/;
/** What runs by itself when the person logs in (desktop autostart, launchd and systemd user agents, X session files), or is sourced by the shell's framework (oh-my-zsh's `custom/`, fish's `conf.d/`, `~/.bashrc.d/`) or IPython at start (a profile's `startup/`). */
const LOGIN_PLACES =
  /^(\.config\/(autostart|autostart-scripts|systemd\/user|environment\.d|plasma-workspace\/env)(\/|$)|Library\/LaunchAgents(\/|$)|\.oh-my-zsh\/custom(\/|$)|\.ipython\/profile_[^/]+\/startup(\/|$)|\.config\/fish\/conf\.d(\/|$)|\.(bashrc|zshrc)\.d(\/|$)|\.xprofile$|\.xinitrc$|\.xsession$|\.pam_environment$)/;

const AGENT_GUARD: Guarded = {
  kind: 'agent',
  what: "an agent's settings (what it may run unasked, and where Gatehouse's hooks live)",
};

/** Where writing hands control to an agent, a shell, git or ssh; null for an ordinary place. */
export function guardedPlace(abs: string, ctx: RiskContext): Guarded | null {
  // An agent's configuration directory moved by the environment (CLAUDE_CONFIG_DIR: its settings, hooks, shell snapshots).
  if (ctx.agentDirs.some((d) => inside(abs, d))) return AGENT_GUARD;
  // Every guarded name but opencode's and the editors' user settings sits under a dot folder or is a dotfile.
  const dotted = abs.includes('/.') || abs.startsWith('.');
  if (!dotted && !/opencode|\/User\/|\/Library\/LaunchAgents(\/|$)/.test(abs)) {
    const hooks = hooksPath(ctx);
    return hooks && inside(abs, hooks) ? hooksGuard(hooks, ctx) : null;
  }
  if (AGENT_PLACES.test(abs)) return AGENT_GUARD;
  if (SSH_DIR.test(abs))
    return { kind: 'ssh', what: 'where ssh keeps keys and config (who may log in, what ssh runs)' };
  if (GIT_HOOKS.test(abs))
    return {
      kind: 'git-hooks',
      what: 'git hooks or config, which run code on git commands without showing in any diff',
    };
  const rel = inside(abs, ctx.home) ? abs.slice(ctx.home.length + 1) : null;
  if (rel !== null && (SHELL_STARTUP.includes(rel) || MORE_STARTUP.test(rel)))
    return { kind: 'startup', what: 'a shell startup file, which runs in every new shell' };
  if (rel !== null && LOGIN_PLACES.test(rel))
    return { kind: 'startup', what: 'a place whose files run by themselves when you log in or open a shell' };
  if (rel !== null && USER_GIT_CONFIG.test(rel))
    return {
      kind: 'git-hooks',
      what: "git's own settings for every repository, which run code on git commands (core.fsmonitor, core.hooksPath, aliases, pagers)",
    };
  const hooks = hooksPath(ctx);
  if (hooks && inside(abs, hooks)) return hooksGuard(hooks, ctx);
  if (PROJECT_HOOKS.test(abs)) return { kind: 'project-hooks', what: 'a husky git hook, which runs on every commit' };
  return null;
}

/** The folder `core.hooksPath` names: in the project's history (high) or not (critical). */
function hooksGuard(hooks: string, ctx: RiskContext): Guarded {
  const versioned =
    ctx.projectRoot !== null && inside(hooks, ctx.projectRoot) && !inside(hooks, path.join(ctx.projectRoot, '.git'));
  return versioned
    ? { kind: 'project-hooks', what: 'the git hooks folder (core.hooksPath), which runs on every commit' }
    : { kind: 'git-hooks', what: 'the git hooks folder (core.hooksPath), which runs code on git commands' };
}

/** The project's `core.hooksPath`, read from its `.git/config` (null when unset); remembered for a moment. */
function hooksPath(ctx: RiskContext): string | null {
  if (!ctx.projectRoot) return null;
  const now = Date.now();
  const hit = ctx.places.get('hooksPath') as { at: number; value: string | null } | undefined;
  if (hit && now - hit.at < GLOB_TTL_MS) return hit.value;
  const config = ctx.files.read(path.join(ctx.projectRoot, '.git', 'config'), 64 * 1024);
  const m = 'text' in config ? /^\s*hookspath\s*=\s*"?([^"\n]+?)"?\s*$/im.exec(config.text) : null;
  const raw = m?.[1]?.trim() ?? null;
  const value = raw ? path.resolve(ctx.projectRoot, raw.replace(/^~(?=\/|$)/, ctx.home)) : null;
  ctx.places.set('hooksPath', { at: now, value });
  return value;
}
