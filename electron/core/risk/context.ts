// What the engine knows about where a command runs: the home, the project, the paths Gatehouse protects,
// and (only when a rule asks) what git would discard. Cached per cwd so scoring stays cheap.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nodeFiles, type FileView } from './disk.ts';

export interface GitState {
  branch: string | null;
  changedFiles: number;
  changedLines: number;
  untrackedFiles: number;
  stashes: number;
}

export interface RiskContext {
  cwd: string;
  home: string;
  /** The git top level above cwd, else cwd itself unless that is `/` or the home (then there is no project). */
  projectRoot: string | null;
  /** After a `cd` in the command: the project it started in (deleting it, or what holds it, loses the whole project). */
  startedIn?: string | null;
  /** Gatehouse's own data, sockets and tokens, and the agents' hook settings: touching them is critical. */
  protectedPaths: readonly string[];
  /** The agents' configuration directories named by the environment: writing anywhere in them is writing an agent's settings. */
  agentDirs: readonly string[];
  /** Uncommitted work at stake in `projectRoot`, or null outside a repository (computed on first use). */
  git(): GitState | null;
  /** Where words point from here, remembered (paths.ts fills it): the same few paths come back all day. */
  readonly places: Map<string, unknown>;
  /** What the engine may look at on disk (globs, scripts a command runs, what a folder holds); cached briefly. */
  readonly files: FileView;
}

/** Where the agents keep their configuration when the environment says (`CLAUDE_CONFIG_DIR`, `CODEX_HOME`). */
export interface AgentDirs {
  claude?: string;
  codex?: string;
}

/** The agents' configuration directories an environment names (absolute ones only: a relative one depends on the agent's cwd). */
export function agentDirsFrom(env: Readonly<Record<string, string | undefined>>): AgentDirs {
  const dir = (v: string | undefined) => (v && path.isAbsolute(v) ? path.resolve(v) : undefined);
  const claude = dir(env['CLAUDE_CONFIG_DIR']);
  const codex = dir(env['CODEX_HOME']);
  return { ...(claude ? { claude } : {}), ...(codex ? { codex } : {}) };
}

/**
 * Where Claude Code and Codex keep their configuration for an agent started in `cwd` with `env`: `CLAUDE_CONFIG_DIR`
 * and `CODEX_HOME` when set (a relative one from `cwd`), else `~/.claude` and `~/.codex`. The launch checks read their
 * settings there and the sandbox makes them read-only there.
 */
export function agentConfigDirs(
  env: Readonly<Record<string, string | undefined>>,
  home: string,
  cwd: string,
): { claude: string; codex: string } {
  const dir = (v: string | undefined, fallback: string) => (v ? path.resolve(cwd, v) : path.join(home, fallback));
  return { claude: dir(env['CLAUDE_CONFIG_DIR'], '.claude'), codex: dir(env['CODEX_HOME'], '.codex') };
}

export interface ContextOptions {
  home?: string;
  /** Extra protected paths (the running core's data directory and socket directory). */
  protectedPaths?: readonly string[];
  /**
   * The agents' configuration directories when the environment moves them (`CLAUDE_CONFIG_DIR`, `CODEX_HOME`): their
   * settings, hooks and Claude Code's shell snapshots live there instead of `~/.claude` and `~/.codex`.
   */
  agentDirs?: AgentDirs;
  /** How git state is read; replaced in tests. */
  probeGit?: (dir: string) => GitState | null;
  /** How the repository above a directory is found (default: the nearest `.git`); replaced in tests. */
  findRepository?: (dir: string) => string | null;
  /** The file system as the engine sees it (default: the real one, each look kept two seconds); replaced in tests. */
  files?: FileView;
}

/** Git state goes stale as the agent works; a few seconds spares repeated probes within one burst of commands. */
const GIT_TTL_MS = 3000;
/** A repository so large that `git status` takes longer than this is judged without the numbers. */
const GIT_TIMEOUT_MS = 2000;
/** Enough distinct working directories for any one machine; bounded so a flood of cwds cannot grow memory. */
const MAX_CACHED_DIRS = 500;

export class ContextProvider {
  private readonly home: string;
  private readonly extraProtected: readonly string[];
  private readonly agentDirs: AgentDirs;
  private readonly probeGit: (dir: string) => GitState | null;
  private readonly findRepository: (dir: string) => string | null;
  private readonly files: FileView;
  private readonly projects = new Map<string, string | null>();
  private readonly gitCache = new Map<string, { at: number; state: GitState | null }>();
  private readonly contexts = new Map<string, RiskContext>();

  constructor(opts: ContextOptions = {}) {
    this.home = opts.home ?? os.homedir();
    this.extraProtected = opts.protectedPaths ?? [];
    this.agentDirs = opts.agentDirs ?? {};
    this.probeGit = opts.probeGit ?? readGitState;
    this.findRepository = opts.findRepository ?? findGitRoot;
    this.files = opts.files ?? nodeFiles();
  }

  /**
   * The same object for the same directory (bounded), so what it learns about paths is kept. `movedFrom`: the directory
   * the command started in, when a `cd` in it moved here. A folder that is no repository does not become the project by
   * being `cd`'d into (`cd ~/Documents && rm -rf taxes` deletes outside the project, as `rm -rf ~/Documents/taxes` does):
   * the project stays the one the command started in. A repository is its own project, and so is a scratch folder in a
   * temporary directory (`mkdir -p /tmp/t && cd /tmp/t && git init`).
   */
  forCwd(cwd: string, movedFrom?: string): RiskContext {
    const dir = path.resolve(cwd);
    const start = movedFrom === undefined ? undefined : path.resolve(movedFrom);
    const key = start === undefined || start === dir ? cwd : `${dir}\u0000${start}`;
    const known = this.contexts.get(key);
    if (known) return known;
    const projectRoot =
      start === undefined || start === dir || isInTemp(dir)
        ? this.projectOf(dir)
        : (this.findRepository(dir) ?? this.projectOf(start));
    const ctx: RiskContext = {
      cwd: dir,
      home: this.home,
      projectRoot,
      ...(start !== undefined && start !== dir ? { startedIn: this.projectOf(start) } : {}),
      protectedPaths: [...this.extraProtected, ...agentSettingsPaths(this.home, projectRoot, this.agentDirs)],
      agentDirs: [this.agentDirs.claude, this.agentDirs.codex].filter((d): d is string => d !== undefined),
      git: () => (projectRoot ? this.gitState(projectRoot) : null),
      places: new Map(),
      files: this.files,
    };
    if (this.contexts.size >= MAX_CACHED_DIRS) this.contexts.clear();
    this.contexts.set(key, ctx);
    return ctx;
  }

  private projectOf(dir: string): string | null {
    const cached = this.projects.get(dir);
    if (cached !== undefined) return cached;
    // Under the home (even a home in a system location, like root's /root) a folder can be a project.
    const system = isSystemDir(dir) && !(dir === this.home || dir.startsWith(`${this.home}/`));
    const root = this.findRepository(dir) ?? (dir === '/' || dir === this.home || system ? null : dir);
    if (this.projects.size >= MAX_CACHED_DIRS) this.projects.clear();
    this.projects.set(dir, root);
    return root;
  }

  private gitState(root: string): GitState | null {
    const now = Date.now();
    const hit = this.gitCache.get(root);
    if (hit && now - hit.at < GIT_TTL_MS) return hit.state;
    const state = this.probeGit(root);
    if (this.gitCache.size >= MAX_CACHED_DIRS) this.gitCache.clear();
    this.gitCache.set(root, { at: now, state });
    return state;
  }
}

/**
 * Whether `.git` at this path makes a repository, as git would take it: a folder with a `HEAD`, or a file (a worktree's
 * `gitdir:` pointer). An empty `.git` folder is not one: Codex's own sandbox leaves such a mount point in the roots it
 * lets the agent write (`/tmp` among them), and taking it for a repository would make all of `/tmp` one project.
 */
export function isGitMarker(p: string): boolean {
  try {
    const st = fs.statSync(p);
    return st.isFile() || (st.isDirectory() && fs.existsSync(path.join(p, 'HEAD')));
  } catch {
    return false;
  }
}

/** The nearest directory at or above `dir` that is a repository's top level (`isGitMarker`), or null. */
export function findGitRoot(dir: string, isRepo: (gitPath: string) => boolean = isGitMarker): string | null {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (isRepo(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return null;
  }
}

export const TEMP_DIRS: readonly string[] = ['/tmp', '/var/tmp', '/private/tmp', '/dev/shm'];

/** A folder inside a temporary directory (`/tmp/scratch`), not the temporary directory itself. */
export function isInTemp(abs: string): boolean {
  return TEMP_DIRS.some((d) => abs.startsWith(`${d}/`));
}

const SYSTEM_DIRS = [
  '/etc',
  '/usr',
  '/bin',
  '/sbin',
  '/lib',
  '/lib64',
  '/boot',
  '/dev',
  '/proc',
  '/sys',
  '/var',
  '/opt',
  '/srv',
  '/root',
  '/System',
  '/Library',
  '/private',
  '/Applications',
  '/snap',
];

export function isSystemDir(p: string): boolean {
  return SYSTEM_DIRS.some((d) => p === d || p.startsWith(`${d}/`));
}

/** The agents' own settings, where their hooks (and so Gatehouse's wiring) live. */
function agentSettingsPaths(home: string, projectRoot: string | null, dirs: AgentDirs): string[] {
  const paths = [
    path.join(home, '.claude', 'settings.json'),
    path.join(home, '.claude', 'settings.local.json'),
    path.join(home, '.claude.json'),
    path.join(home, '.codex'),
    // Gemini CLI: its settings (hooks, `hooksConfig`) and its extensions (whose hooks run too).
    path.join(home, '.gemini', 'settings.json'),
    path.join(home, '.gemini', 'extensions'),
    // GitHub Copilot CLI: settings, user-level hooks and installed plugins (whose hooks run too).
    path.join(home, '.copilot'),
    // OpenCode's config and plug-in folders: a plug-in there is code it runs at start.
    path.join(home, '.config', 'opencode'),
    // Amp's settings (its permission rules, which name Gatehouse's delegate).
    path.join(home, '.config', 'amp'),
    // Cursor's hooks file (Gatehouse's hook lives there once installed).
    path.join(home, '.cursor', 'hooks.json'),
  ];
  if (projectRoot)
    paths.push(
      path.join(projectRoot, '.claude', 'settings.json'),
      path.join(projectRoot, '.claude', 'settings.local.json'),
      path.join(projectRoot, '.codex'),
      path.join(projectRoot, '.gemini', 'settings.json'),
      path.join(projectRoot, '.github', 'hooks'),
      path.join(projectRoot, '.github', 'copilot'),
      path.join(projectRoot, '.opencode'),
      path.join(projectRoot, 'opencode.json'),
      path.join(projectRoot, 'opencode.jsonc'),
      path.join(projectRoot, '.amp'),
      path.join(projectRoot, '.cursor', 'hooks.json'),
    );
  if (dirs.claude)
    paths.push(
      path.join(dirs.claude, 'settings.json'),
      path.join(dirs.claude, 'settings.local.json'),
      path.join(dirs.claude, '.claude.json'),
    );
  if (dirs.codex) paths.push(dirs.codex);
  return paths;
}

function git(dir: string, args: string[]): string | null {
  const r = spawnSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    timeout: GIT_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return r.status === 0 ? r.stdout : null;
}

/** Reads what `reset --hard`, `checkout --`, `clean -f` and `stash drop` would throw away. */
export function readGitState(dir: string): GitState | null {
  const status = git(dir, ['status', '--porcelain=v1', '--branch', '--untracked-files=all']);
  if (status === null) return null;
  const lines = status.split('\n').filter(Boolean);
  const head = lines[0]?.startsWith('## ') ? (lines.shift()?.slice(3) ?? '') : '';
  const branch = head.startsWith('No commits yet on ')
    ? head.slice('No commits yet on '.length)
    : (head.split('...')[0] ?? '').trim() || null;
  const untrackedFiles = lines.filter((l) => l.startsWith('??')).length;
  const numstat = git(dir, ['diff', 'HEAD', '--numstat']) ?? '';
  let changedLines = 0;
  let changedFiles = 0;
  for (const l of numstat.split('\n').filter(Boolean)) {
    const [added, removed] = l.split('\t');
    changedFiles += 1;
    changedLines += (Number(added) || 0) + (Number(removed) || 0);
  }
  const stashes = (git(dir, ['stash', 'list']) ?? '').split('\n').filter(Boolean).length;
  return { branch: branch === 'HEAD (no branch)' ? null : branch, changedFiles, changedLines, untrackedFiles, stashes };
}
