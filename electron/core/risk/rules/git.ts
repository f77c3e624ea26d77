// git: what would be lost (uncommitted work, history others rely on) or published.
import path from 'node:path';
import type { RiskContext } from '../context.ts';
import type { Word } from '../model.ts';
import { S } from '../types.ts';
import type { Finding } from '../types.ts';
import { isGitDataKey } from '../shapes/checks.ts';
import { deletion, ORDINARY_FOLDER_PLACES, overwrite, target } from './files.ts';
import { finding, hasOption, operands, subcommand, type Rule, type RuleInput } from './util.ts';

const PROTECTED_BRANCH = /^(main|master|trunk|develop|development|release([/-].*)?|prod|production|stable|live)$/;
const READ_ONLY = new Set([
  'status',
  'diff',
  'log',
  'show',
  'blame',
  'annotate',
  'ls-files',
  'ls-tree',
  'ls-remote',
  'rev-parse',
  'rev-list',
  'describe',
  'grep',
  'shortlog',
  'cat-file',
  'name-rev',
  'whatchanged',
  'count-objects',
  'check-ignore',
  'show-ref',
  'for-each-ref',
  'merge-base',
  'help',
  'version',
  'var',
  'cherry',
  'range-diff',
  'bisect',
  'fsck',
  'verify-commit',
  'verify-tag',
]);
const LOCAL_WRITES = new Set([
  'add',
  'commit',
  'switch',
  'merge',
  'cherry-pick',
  'mv',
  'notes',
  'revert',
  'am',
  'apply',
  'submodule',
  'sparse-checkout',
  'lfs',
  'mergetool',
  'maintenance',
  'gc',
  'prune',
  'repack',
  'format-patch',
  'archive',
  'bundle',
  'update-index',
  'rerere',
  'secrets',
  'stripspace',
  'hash-object',
  'write-tree',
  'read-tree',
  'commit-tree',
  'symbolic-ref',
  'difftool',
  'restore',
  'citool',
  'gui',
  'absorb',
]);
const NETWORK_READS = new Set(['fetch', 'pull', 'clone', 'ls-remote']);
/** git's own options that take a value, before the subcommand. */
const GIT_GLOBALS = ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env'];

function atStake(ctx: RiskContext, what: 'changes' | 'untracked' | 'stashes'): { score: number; said: string } {
  const g = ctx.git();
  if (!g) return { score: S.high, said: 'Gatehouse could not see what is at stake' };
  if (what === 'untracked') {
    return g.untrackedFiles === 0
      ? { score: S.medium, said: 'there are no untracked files now' }
      : {
          score: S.high,
          said: `${g.untrackedFiles} untracked file${g.untrackedFiles === 1 ? '' : 's'} would be deleted for good`,
        };
  }
  if (what === 'stashes')
    return g.stashes === 0
      ? { score: S.medium, said: 'there are no stashes now' }
      : { score: 55, said: `${g.stashes} stash${g.stashes === 1 ? '' : 'es'} exist` };
  if (g.changedFiles === 0) return { score: S.medium, said: 'there are no uncommitted changes now' };
  return {
    score: g.changedLines > 0 ? 65 : S.high,
    said: `discards ${g.changedLines} changed line${g.changedLines === 1 ? '' : 's'} in ${g.changedFiles} file${g.changedFiles === 1 ? '' : 's'}`,
  };
}

function push(rest: Word[], ctx: RiskContext): Finding[] {
  const force = hasOption(rest, 'f', '--force') || rest.some((w) => /^\+/.test(w.text));
  const lease = hasOption(rest, null, '--force-with-lease', '--force-if-includes');
  const ops = operands(rest, ['-o', '--push-option', '--repo', '--receive-pack', '--exec']);
  const refs = ops.slice(1).map((w) => w.text.replace(/^\+/, ''));
  const current = ctx.git()?.branch ?? '';
  // `HEAD` and `@` are the current branch; `src:dst` pushes to dst.
  const branchOf = (r: string) =>
    (r.includes(':') ? (r.split(':')[1] ?? '') : r).replace(/^refs\/heads\//, '').replace(/^(HEAD|@)$/, current);
  const targets = refs.length ? refs.map(branchOf) : [current];
  const deletes = hasOption(rest, 'd', '--delete') || refs.some((r) => r.startsWith(':'));
  const every = hasOption(rest, null, '--all', '--branches');
  const onProtected = every ? 'every branch' : targets.find((t) => PROTECTED_BRANCH.test(t));
  const named = every ? 'every local branch' : targets.filter(Boolean).join(', ') || 'the current branch';
  if (hasOption(rest, null, '--mirror'))
    return [
      finding(
        'git-history',
        S.critical,
        'mirrors this repository onto the remote, overwriting and deleting its branches',
      ),
    ];
  if (deletes) return [finding('git-history', onProtected ? S.critical : 55, `deletes the remote branch ${named}`)];
  if (force && !lease) {
    return [
      finding(
        'git-history',
        onProtected ? S.critical : S.high,
        `force-pushes ${named}, replacing the remote history${onProtected ? ' of a shared branch' : ''}`,
      ),
    ];
  }
  if (force || lease)
    return [
      finding(
        'git-history',
        onProtected ? S.high : 35,
        `force-pushes ${named} with a lease (fails if someone else pushed)`,
      ),
    ];
  if (onProtected)
    return [
      finding(
        'publishing',
        S.high,
        `publishes ${named} to ${ops[0]?.text ?? 'the default remote'}: straight onto a shared branch, skipping review`,
      ),
    ];
  return [finding('publishing', S.medium, `publishes commits to ${ops[0]?.text ?? 'the default remote'} (${named})`)];
}

/** Config keys whose values git runs as programs, or that send fetches and credentials elsewhere. */
const CODE_KEYS =
  /^(core\.(hookspath|sshcommand|pager|editor|fsmonitor|askpass|gitproxy)|credential\..*|diff\..*\.(textconv|command)|merge\..*\.driver|filter\..*\.(clean|smudge|process)|gpg\.(program|\w+\.program)|sequence\.editor|url\..*\.(insteadof|pushinsteadof)|include\.path|includeif\..*|http\.proxy|protocol\.allow|safe\.directory)$/i;

function config(rest: Word[]): Finding[] {
  const ops = operands(rest, ['-f', '--file', '--blob', '--type', '--default']);
  const key = (ops[0]?.text ?? '').toLowerCase();
  const value = ops[1]?.text ?? '';
  const global = hasOption(rest, null, '--global', '--system');
  const reads =
    ops.length <= 1 || hasOption(rest, 'l', '--list', '--get', '--get-all', '--get-regexp', '--show-origin');
  if (reads && !hasOption(rest, null, '--unset', '--unset-all', '--add', '--replace-all'))
    return [finding('read-only', S.readOnly, `reads git configuration${key ? ` (${key})` : ''}`)];
  const runsCode = CODE_KEYS.test(key) || (key.startsWith('alias.') && value.startsWith('!'));
  if (runsCode)
    return [
      finding(
        'system-config',
        global ? S.high + 5 : S.high,
        `sets ${key}, which makes git run ${value || 'a program'}${global ? ' in every repository' : ' in this repository'}`,
      ),
    ];
  if (global)
    return [finding('system-config', S.medium, `changes your git configuration for every repository (${key})`)];
  // git reads hundreds of keys; only those known to be data (how output looks, who commits) are ordinary.
  if (!isGitDataKey(key))
    return [
      finding(
        'system-config',
        S.medium,
        `sets ${key}, a git setting Gatehouse does not know to be only data (some make git run programs or send data elsewhere)`,
      ),
    ];
  return [finding('build-test', S.lowWrite, `changes this repository's git config (${key})`)];
}

const git: Rule = (input: RuleInput) => {
  const { ctx } = input;
  // `ext::sh -c …` as a remote: git runs that command as its transport (where `protocol.ext.allow` lets it).
  const ext = input.args.find((w) => /^ext::/.test(w.text));
  if (ext) return [finding('remote-code', S.high, `uses ${ext.text.slice(0, 40)} as a remote: git runs that command`)];
  const { sub, rest } = subcommand(input.args, GIT_GLOBALS);
  const hard = (what: 'changes' | 'untracked' | 'stashes', verb: string) => {
    const s = atStake(ctx, what);
    return [finding('git-history', s.score, `${verb}; ${s.said}`)];
  };
  switch (sub) {
    case 'push':
      return hasOption(rest, 'n', '--dry-run')
        ? [finding('build-test', S.lowWrite, 'rehearses a push (dry run): nothing is sent')]
        : push(rest, ctx);
    case 'reset':
      if (hasOption(rest, null, '--hard', '--merge', '--keep'))
        return hard('changes', `git reset ${rest.map((w) => w.text).join(' ')} throws away uncommitted work`);
      return [finding('git-history', S.lowWrite, 'moves the branch pointer; changes stay in the working tree')];
    case 'clean':
      if (hasOption(rest, 'n', '--dry-run'))
        return [finding('read-only', S.readOnly, 'lists what git clean would delete')];
      if (!hasOption(rest, 'f', '--force'))
        return [finding('git-history', S.lowWrite, 'git clean without --force does nothing')];
      return [
        ...guardedPathspecs(rest, input, 'git clean deletes in'),
        ...hard(
          'untracked',
          `deletes untracked files${hasOption(rest, 'x') ? ', ignored ones too (.env files, local configs)' : ''}${hasOption(rest, 'd') ? ' and folders' : ''}`,
        ),
      ];
    case 'checkout': {
      // A path, not a branch: `.`, `./x`, `src/` (a trailing slash), a glob, or anything after `--`.
      const isPath = (t: string) => t === '.' || /^\.\.?\//.test(t) || t.endsWith('/') || /[*?[]/.test(t);
      const discard =
        rest.some((w) => w.text === '--' || isPath(w.text)) ||
        hasOption(rest, 'f', '--force') ||
        operands(rest).length > 1;
      if (hasOption(rest, 'b') || hasOption(rest, 'B') || hasOption(rest, null, '--orphan'))
        return [finding('build-test', S.lowWrite, 'creates a branch')];
      return discard
        ? hard('changes', 'git checkout over files discards their uncommitted changes')
        : [finding('build-test', S.lowWrite, 'switches branch')];
    }
    case 'restore':
      if (hasOption(rest, 'S', '--staged') && !hasOption(rest, 'W', '--worktree'))
        return [finding('build-test', S.lowWrite, 'unstages files; their changes stay')];
      return [
        ...guardedPathspecs(rest, input, 'git restore reverts'),
        ...hard('changes', 'git restore discards uncommitted changes'),
      ];
    case 'switch':
      return hasOption(rest, null, '--discard-changes') || hasOption(rest, 'f', '--force')
        ? hard('changes', 'switches branch, discarding local changes')
        : [finding('build-test', S.lowWrite, 'switches branch')];
    case 'branch':
      if (hasOption(rest, 'D') || (hasOption(rest, 'd', '--delete') && hasOption(rest, 'f', '--force'))) {
        return [
          finding(
            'git-history',
            55,
            `force-deletes the branch ${operands(rest)
              .map((w) => w.text)
              .join(', ')}, merged or not`,
          ),
        ];
      }
      if (hasOption(rest, 'd', '--delete')) return [finding('git-history', 25, 'deletes a merged branch')];
      // `git branch -f main HEAD~5`, `-M`, `-C`: an existing branch moved or replaced; its commits may be left behind.
      if (hasOption(rest, 'f', '--force') || hasOption(rest, 'M') || hasOption(rest, 'C')) {
        const name = operands(rest)[0]?.text ?? '';
        return [
          finding(
            'git-history',
            // `git branch -M main` (a rename, as a new repository's setup does) replaces main only if it exists.
            PROTECTED_BRANCH.test(name) && !hasOption(rest, 'M') && !hasOption(rest, 'C') ? S.high : 35,
            `force-moves or replaces the branch ${name}; commits only it had may be lost`,
          ),
        ];
      }
      return [finding('read-only', S.readOnly, 'lists or creates branches')];
    case 'stash': {
      const action = operands(rest)[0]?.text ?? 'push';
      if (action === 'clear') return hard('stashes', 'deletes every stash');
      if (action === 'drop')
        return [finding('git-history', 55, `drops ${operands(rest)[1]?.text ?? 'the newest stash'} for good`)];
      return [
        ...guardedPathspecs(rest, input, 'git stash reverts'),
        finding('build-test', S.lowWrite, `git stash ${action}`),
      ];
    }
    case 'filter-branch':
    case 'filter-repo':
      return [finding('git-history', S.critical, `rewrites the whole history with git ${sub}`)];
    case 'rebase':
      // Replaying the branch onto its base is everyday work; rewriting from the root is not.
      if (hasOption(rest, null, '--root'))
        return [finding('git-history', 35, 'rewrites every commit of the branch, from the first (rebase --root)')];
      return [
        finding(
          'git-history',
          hasOption(rest, 'i', '--interactive') ? 25 : S.lowWrite,
          'replays local commits onto another base (rebase)',
        ),
      ];
    case 'worktree': {
      const action = operands(rest)[0]?.text ?? '';
      if (action === 'remove')
        return hasOption(rest, 'f', '--force')
          ? [
              finding(
                'file-deletion',
                S.high,
                `deletes the worktree ${operands(rest)[1]?.text ?? ''} with its uncommitted changes`,
              ),
            ]
          : [
              finding(
                'file-deletion',
                S.medium,
                `removes the worktree ${operands(rest)[1]?.text ?? ''} (git refuses if it has changes)`,
              ),
            ];
      if (action === 'add')
        return folderWrite(operands(rest, WORKTREE_VALUED)[1], input, 'git worktree add writes', S.lowWrite, true);
      return [finding('build-test', S.lowWrite, `git worktree ${action}`)];
    }
    case 'init': {
      const gitDir = rest.find((w) => w.text.startsWith('--separate-git-dir='));
      const separate = gitDir ? folderWrite(wordAfter(gitDir, '--separate-git-dir='), input, 'git init writes') : [];
      // With no folder named, `git -C dir init` makes dir a repository.
      const base = gitMinusC(input);
      const dir = folderWrite(
        operands(rest, INIT_VALUED)[0] ?? (base ? { text: base, known: true } : undefined),
        input,
        'git init writes',
      );
      return (separate[0]?.score ?? 0) > (dir[0]?.score ?? 0) ? separate : dir;
    }
    case 'remote': {
      const action = operands(rest)[0]?.text ?? '';
      if (/^(add|set-url|rename|remove|rm)$/.test(action))
        return [
          finding(
            'git-history',
            S.medium,
            // Project rules follow the origin remote (decision 0062): another origin brings that repository's rules here.
            `git remote ${action}: changes where fetches and pushes go${/^(add|set-url|rename)$/.test(action) ? ", and which repository's Gatehouse rules apply in this folder" : ''}`,
          ),
        ];
      return [finding('read-only', S.readOnly, `reads remotes (git remote ${action})`)];
    }
    case 'credential':
    case 'credential-store':
    case 'credential-cache':
      return [
        finding(
          'secrets',
          operands(rest)[0]?.text === 'fill' || operands(rest)[0]?.text === 'get' ? S.severe : S.medium,
          `git ${sub} ${operands(rest)[0]?.text ?? ''}: handles stored credentials`,
        ),
      ];
    case 'daemon':
      return [finding('network-upload', S.notable, 'serves repositories to the network (git daemon)')];
    case 'send-email':
    case 'request-pull':
      return [finding('network-upload', S.notable, `sends patches off the machine (git ${sub})`)];
    case 'reflog':
      return operands(rest)[0]?.text === 'expire' || operands(rest)[0]?.text === 'delete'
        ? [finding('git-history', S.severe, 'deletes reflog entries, the last way back to lost commits')]
        : [finding('read-only', S.readOnly, 'shows the reflog')];
    case 'update-ref':
      return hasOption(rest, 'd')
        ? [finding('git-history', S.high, 'deletes a ref directly')]
        : [finding('git-history', 45, 'moves a ref directly')];
    case 'rm':
      return hasOption(rest, null, '--cached')
        ? [finding('build-test', S.lowWrite, 'stops tracking files')]
        : deletion(operands(rest), hasOption(rest, 'r'), input).map((f) => ({
            ...f,
            score: Math.min(f.score, S.high),
            category: 'git-history' as const,
          }));
    case 'tag':
      return hasOption(rest, 'd', '--delete')
        ? [finding('git-history', 25, 'deletes a tag')]
        : [finding('build-test', S.lowWrite, 'creates or lists tags')];
    case 'config':
      return config(rest);
    case 'commit':
      return hasOption(rest, null, '--amend')
        ? [finding('git-history', 20, 'rewrites the last commit')]
        : [finding('build-test', S.lowWrite, 'commits')];
    case 'gc':
    case 'prune':
      return rest.some((w) => /--prune=now|--expire=now/.test(w.text))
        ? [finding('git-history', S.high, 'prunes unreachable commits now, so lost work cannot be recovered')]
        : [finding('build-test', S.lowWrite, `git ${sub}`)];
    default:
      if (READ_ONLY.has(sub) || sub === '')
        return [finding('read-only', S.readOnly, `reads the repository (git ${sub || '--version'})`)];
      if (sub === 'clone') return cloneInto(rest, input);
      if (NETWORK_READS.has(sub)) return [finding('build-test', S.build, `git ${sub}`)];
      if (LOCAL_WRITES.has(sub)) return [finding('build-test', S.lowWrite, `git ${sub}`)];
      return [finding('unknown-program', S.unknownProgram, `git ${sub}`)];
  }
};

/** Options of git clone that take a value (so the URL and the folder are the operands). */
const CLONE_VALUED = [
  '-o',
  '--origin',
  '-b',
  '--branch',
  '-u',
  '--upload-pack',
  '-c',
  '--config',
  '--reference',
  '--reference-if-able',
  '--depth',
  '--shallow-since',
  '--shallow-exclude',
  '--separate-git-dir',
  '-j',
  '--jobs',
  '--filter',
  '--server-option',
  '--template',
  '--revision',
  '--bundle-uri',
  '--ref-format',
];

/** Options of git stash, clean and restore that take a value (so the pathspecs are the operands they are). */
const PATHSPEC_VALUED = ['-m', '--message', '-e', '--exclude', '-s', '--source', '--pathspec-from-file', '--conflict'];

/**
 * Pathspecs that reach a guarded place: `git stash -- .claude`, `git clean -fdx .claude`, `git restore .codex` put an
 * agent's settings back as committed, or delete them, like any write there (`.claude/settings.local.json` is usually
 * untracked, and holds what the agent may run unasked).
 */
function guardedPathspecs(rest: readonly Word[], input: RuleInput, verb: string): Finding[] {
  const ops = operands(rest, PATHSPEC_VALUED).filter((w) => !/^(push|save)$/.test(w.text));
  return ops.map((w) => overwrite(w, input, 'copy', verb)).filter((f) => f.score >= S.high);
}

/** Options of git worktree add and git init that take a value (so the folder is the operand it is). */
const WORKTREE_VALUED = ['-b', '-B', '--reason'];
const INIT_VALUED = ['-b', '--initial-branch', '--object-format', '--ref-format', '--separate-git-dir', '--template'];

/** The word's text after `prefix`, as a word of its own (`--separate-git-dir=~/.claude/g`). */
function wordAfter(w: Word, prefix: string): Word {
  return { ...w, text: w.text.slice(prefix.length) };
}

/**
 * A folder git fills (`git clone URL dir`, `git worktree add dir`, `git init dir`) is written like any place:
 * `~/.oh-my-zsh/custom/plugins/x`, `.claude/x`, `~/.config/autostart` are not ordinary. The folder's files are the
 * repository's, which the agent can write. A worktree only ever fills a new or empty folder (git refuses any other),
 * so in an ordinary place outside the project (`git worktree add ../app-feature`) it replaces nothing: low, like mkdir.
 */
function folderWrite(
  written: Word | undefined,
  input: RuleInput,
  verb: string,
  plain: number = S.lowWrite,
  newFolderOnly = false,
): Finding[] {
  const found = [finding('build-test', plain, verb.replace(/ writes$/, ''))];
  if (!written) return found;
  // A folder named relative to `git -C dir` is under dir.
  const base = gitMinusC(input);
  const dest =
    base && written.known && !path.isAbsolute(written.text) && !written.text.startsWith('~')
      ? { ...written, text: path.join(base, written.text) }
      : written;
  const judged = overwrite(dest, input, 'copy', verb);
  if (newFolderOnly && judged.score < S.high && ORDINARY_FOLDER_PLACES.has(target(dest, input).kind)) return found;
  return judged.score >= S.medium ? [judged] : found;
}

function cloneInto(rest: readonly Word[], input: RuleInput): Finding[] {
  const [url, dest] = operands(rest, CLONE_VALUED);
  // `git -C /elsewhere clone URL`: the folder is made there, named after the URL when not named.
  const base = gitMinusC(input);
  const named =
    dest ??
    (base && url ? { text: path.basename(url.text).replace(/\.git$/, '') || 'repo', known: url.known } : undefined);
  return folderWrite(named, input, 'git clone writes', S.build);
}

/** The folder `git -C dir …` runs in (the last `-C` before the subcommand), or null. */
function gitMinusC(input: RuleInput): string | null {
  let dir: string | null = null;
  for (let i = 0; i < input.args.length; i++) {
    const t = (input.args[i] as Word).text;
    if (t === '-C') dir = path.resolve(dir ?? input.ctx.cwd, input.args[++i]?.text ?? '.');
    else if (GIT_GLOBALS.includes(t)) i++;
    else if (!t.startsWith('-')) break;
  }
  return dir;
}

export const GIT_RULES: Record<string, Rule> = { git };
