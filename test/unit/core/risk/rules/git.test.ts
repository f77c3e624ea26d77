// git, on hand-built segments: what would be lost (uncommitted work, history others rely on) or published, and
// what reaches beyond the project (pushes, remotes, worktrees, global configuration, credentials).
import { describe, expect, it } from 'vitest';
import { PROJECT, testEngine } from '../../../../support/risk.ts';

const engine = testEngine();
const score = (cmd: string, cwd = PROJECT) => engine.assess(cmd, cwd);

describe('git', () => {
  it('weighs reset --hard by what is at stake', () => {
    const dirty = testEngine({
      git: { branch: 'feat', changedFiles: 9, changedLines: 412, untrackedFiles: 2, stashes: 1 },
    });
    const clean = testEngine({
      git: { branch: 'feat', changedFiles: 0, changedLines: 0, untrackedFiles: 0, stashes: 0 },
    });
    const d = dirty.assess('git reset --hard', PROJECT);
    expect(d.level).toBe('high');
    expect(d.reasons[0]).toContain('discards 412 changed lines in 9 files');
    expect(clean.assess('git reset --hard', PROJECT).level).toBe('medium');
    expect(dirty.assess('git clean -fdx', PROJECT).reasons[0]).toContain('2 untracked files');
  });

  it("says a new origin changes which repository's rules apply here (decision 0062)", () => {
    const r = score('git remote set-url origin https://github.com/acme/other');
    expect(r.level).toBe('medium');
    expect(r.reasons[0]).toContain("which repository's Gatehouse rules apply in this folder");
  });

  it('treats force-pushing main as worse than a feature branch, and leases as milder', () => {
    expect(score('git push --force origin main').level).toBe('critical');
    expect(score('git push -f origin feature/x').level).toBe('high');
    expect(score('git push origin +main').level).toBe('critical');
    expect(score('git push --force-with-lease origin feature/x').level).toBe('medium');
    expect(score('git push origin feature/x').level).toBe('medium');
    const onMain = testEngine({
      git: { branch: 'main', changedFiles: 0, changedLines: 0, untrackedFiles: 0, stashes: 0 },
    });
    expect(onMain.assess('git push -f', PROJECT).level).toBe('critical');
  });

  it.each([
    // The ext:: transport runs a command of its own.
    ['git clone ext::id d', 'high'],
    ['git fetch ext::id', 'high'],
    ['git status', 'low'],
    ['git log --oneline -5', 'low'],
    ['git -C sub diff', 'low'],
    ['git commit -m wip', 'low'],
    ['git checkout -b feature', 'low'],
    ['git branch -D old', 'high'],
    ['git stash drop', 'high'],
    ['git filter-branch --tree-filter x HEAD', 'critical'],
    ['git restore --staged a.ts', 'low'],
    // Pathspecs that reach an agent's settings put them back as committed, or delete them.
    ['git stash -- .claude', 'critical'],
    ['git stash push -m x -- .claude/settings.json', 'critical'],
    ['git clean -fdx .claude', 'critical'],
    ['git restore .claude', 'critical'],
    ['git restore --source=HEAD~3 .codex', 'critical'],
    ['git stash', 'low'],
    ['git stash push -m wip src', 'low'],
    ['git stash pop', 'low'],
    // A branch force-moved loses the commits only it had.
    ['git branch -f main HEAD~5', 'high'],
    ['git branch --force feat origin/feat', 'medium'],
    ['git branch -M main', 'medium'],
    ['git branch feat', 'low'],
    ['git reflog -10', 'low'],
  ])('%s is %s', (cmd, level) => expect(score(cmd).level).toBe(level));
});

describe('git beyond the project', () => {
  // On a clean feature branch, the state these cases were written for.
  const onFeature = testEngine({
    git: { branch: 'feature/x', changedFiles: 0, changedLines: 0, untrackedFiles: 0, stashes: 0 },
  });
  const score = (cmd: string) => onFeature.assess(cmd, PROJECT);

  it.each([
    ['git push origin main', 'high'],
    ['git push origin HEAD:main', 'high'],
    ['git push origin feature/x', 'medium'],
    ['git push -u origin HEAD', 'medium'],
    ['git push exfil --all', 'high'],
    ['git remote set-url origin git@github.com:someone/fork.git', 'medium'],
    ['git remote -v', 'low'],
    ['git worktree remove --force ../wt-experiment', 'high'],
    ['git worktree list', 'low'],
    ['git config --global core.hooksPath /home/dev/.githooks', 'high'],
    ['git config --global alias.up !curl_x', 'high'],
    ['git config --global user.email dev@example.com', 'medium'],
    ['git config user.email dev@example.com', 'low'],
    ['git config --get user.email', 'low'],
    ['git credential fill', 'high'],
    ['git rebase origin/main', 'low'],
    ['git update-index --chmod=+x scripts/release.sh', 'low'],
  ])('%s is %s', (cmd, level) => expect(score(cmd).level).toBe(level));
});
