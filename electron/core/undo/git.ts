// Git as the undo service runs it: by absolute path, with an environment built from nothing, and with every setting
// that could run a program turned off on the command line. The project's `.git/config`, its `.gitattributes` and
// `info/attributes` may all have been written by the agent (it runs as the same user), so the snapshot must not run
// a hook (`reference-transaction` runs on update-ref), a filter driver (`filter.<name>.clean` runs on `git add`,
// `.smudge` on checkout), an fsmonitor, a signing program (`commit.gpgSign` applies to commit-tree) or a pager.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Where git is installed by the system or a root-run package manager, in the order they are tried; never PATH. */
export const GIT_LOCATIONS: readonly string[] = [
  '/usr/bin/git',
  '/bin/git',
  '/usr/local/bin/git',
  '/opt/homebrew/bin/git',
];

/** The first installed git of GIT_LOCATIONS, or null. */
export function findGit(locations: readonly string[] = GIT_LOCATIONS): string | null {
  for (const p of locations) {
    try {
      if (fs.statSync(p).isFile()) return p;
    } catch {
      // not there
    }
  }
  return null;
}

/**
 * Settings that would run a program, each turned off. `-c` on the command line outranks every config file, so a
 * planted `core.fsmonitor = ./evil` in the project's config is not read. Filter drivers are named by the project, so
 * they are found first (`filterOverrides`) and turned off one by one: git 2.39 (Debian 12's) has no `GIT_ATTR_SOURCE`
 * to read the attributes from an empty tree instead.
 */
const SAFE_CONFIG: readonly string[] = [
  'core.hooksPath=/dev/null',
  'core.fsmonitor=false',
  'core.attributesFile=/dev/null',
  'core.excludesFile=',
  'core.pager=cat',
  'core.sshCommand=false',
  'core.askPass=',
  'core.logAllRefUpdates=false',
  'core.untrackedCache=false',
  'commit.gpgSign=false',
  'gc.auto=0',
  'maintenance.auto=false',
  'diff.external=',
  'credential.helper=',
  'advice.addEmbeddedRepo=false',
  'advice.addIgnoredFile=false',
  'safe.directory=*',
];

/** Each command's limit: a snapshot that takes longer than this is given up (the command still runs). */
export const GIT_TIMEOUT_MS = 30_000;

export interface GitRepoPlace {
  /** The git directory (`.git` of the project, or the private one of a project outside git). */
  gitDir: string;
  /** The working tree: the project's root. */
  workTree: string;
}

export class GitError extends Error {}

/** Runs git in one repository, safely (see the top of this file). */
export class SafeGit {
  private readonly env: NodeJS.ProcessEnv;
  private filters: string[] | null = null;
  private readonly git: string;
  readonly place: GitRepoPlace;

  /** `privateHome`: an empty directory to stand for HOME and XDG_CONFIG_HOME (no user config is read from either). */
  constructor(git: string, place: GitRepoPlace, privateHome: string) {
    this.git = git;
    this.place = place;
    this.env = cleanEnv(privateHome);
  }

  /** Runs `git <args>` in the repository (with `GIT_INDEX_FILE` when `index` is given) and returns its stdout. */
  async run(args: string[], opts: { index?: string; input?: string } = {}): Promise<string> {
    const filters = await this.filterOverrides();
    const full = [
      `--git-dir=${this.place.gitDir}`,
      `--work-tree=${this.place.workTree}`,
      ...[...SAFE_CONFIG, ...filters].flatMap((c) => ['-c', c]),
      ...args,
    ];
    return this.exec(full, opts);
  }

  /** Creates the git directory as a bare repository (a project outside git gets one of Gatehouse's own). */
  async initBare(): Promise<void> {
    await this.exec(['-c', 'core.hooksPath=/dev/null', 'init', '--bare', '--template=', '-q', this.place.gitDir], {});
  }

  private exec(args: string[], opts: { index?: string; input?: string }): Promise<string> {
    const env = opts.index ? { ...this.env, GIT_INDEX_FILE: opts.index } : this.env;
    return execGit(this.git, args, env, this.place.workTree, opts.input);
  }

  /**
   * `filter.<name>.*` turned off for every filter driver the repository's config names (its includes too): an empty
   * command is no command to git. Reading config runs nothing; it is done once per instance.
   */
  private async filterOverrides(): Promise<string[]> {
    if (this.filters) return this.filters;
    let listed = '';
    try {
      listed = await this.exec(
        [`--git-dir=${this.place.gitDir}`, 'config', '--includes', '--name-only', '--get-regexp', '^filter\\.'],
        {},
      );
    } catch {
      // exit 1: no filter configured
    }
    const names = new Set(
      listed
        .split('\n')
        .filter(Boolean)
        .map((k) => k.slice('filter.'.length, k.lastIndexOf('.'))),
    );
    this.filters = [...names].flatMap((n) => [
      `filter.${n}.clean=`,
      `filter.${n}.smudge=`,
      `filter.${n}.process=`,
      `filter.${n}.required=false`,
    ]);
    return this.filters;
  }
}

/** `git rev-parse` of a directory, safely: its repository's root and git directory, or null outside git. */
export async function findRepository(
  git: string,
  cwd: string,
  privateHome: string,
): Promise<{ root: string; gitDir: string; index: string } | null> {
  let out: string;
  try {
    // No --git-dir: git discovers the repository from cwd as it would for the person. rev-parse runs no program.
    out = await execGit(
      git,
      ['-c', 'core.fsmonitor=false', 'rev-parse', '--show-toplevel', '--absolute-git-dir', '--git-path', 'index'],
      cleanEnv(privateHome),
      cwd,
    );
  } catch {
    return null;
  }
  const [root, gitDir, index] = out.split('\n');
  if (!root || !gitDir || !index) return null;
  // --git-path answers relative to the directory git ran in.
  return { root, gitDir, index: path.resolve(cwd, index) };
}

/** The whole environment git gets: nothing of the core's (or the agent's) `GIT_*`, no user or system config. */
function cleanEnv(privateHome: string): NodeJS.ProcessEnv {
  return {
    PATH: '/usr/bin:/bin',
    HOME: privateHome,
    XDG_CONFIG_HOME: privateHome,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_AUTHOR_NAME: 'Gatehouse',
    GIT_AUTHOR_EMAIL: 'gatehouse@localhost',
    GIT_COMMITTER_NAME: 'Gatehouse',
    GIT_COMMITTER_EMAIL: 'gatehouse@localhost',
    LC_ALL: 'C',
  };
}

function execGit(git: string, args: string[], env: NodeJS.ProcessEnv, cwd: string, input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      git,
      args,
      { env, cwd, timeout: GIT_TIMEOUT_MS, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
      (err, stdout, stderr) => {
        const words = args.filter((a) => !a.startsWith('-') && !a.includes('=')).join(' ');
        if (err) reject(new GitError(`git ${words}: ${(stderr || err.message).trim()}`));
        else resolve(stdout);
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}
