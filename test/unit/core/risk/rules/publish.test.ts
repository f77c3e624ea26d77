// What goes out, on hand-built segments: publishing to package registries and with release tools, withdrawing, dry
// runs, and GitHub.
import { describe, expect, it } from 'vitest';
import { PROJECT, testEngine } from '../../../../support/risk.ts';

const engine = testEngine({
  git: { branch: 'feature/x', changedFiles: 0, changedLines: 0, untrackedFiles: 0, stashes: 0 },
});
const score = (cmd: string) => engine.assess(cmd, PROJECT);

describe('publishing', () => {
  it.each([
    ['npm publish', 'high'],
    ['npm publish --dry-run', 'low'],
    ['cargo publish --dry-run', 'low'],
    ['npm unpublish my-pkg@1.0.0', 'critical'],
    ['cargo yank --version 1.0.0', 'critical'],
    ['mvn clean deploy -P release', 'high'],
    ['mvn test', 'low'],
    ['./gradlew publish', 'high'],
    ['gradle :lib:publishToMavenCentral', 'high'],
    ['gradle build', 'low'],
    ['dotnet nuget push bin/x.nupkg --source nuget.org', 'high'],
    ['dotnet test', 'low'],
    ['goreleaser release --snapshot --clean', 'low'],
    ['goreleaser release --clean', 'high'],
  ])('%s is %s', (cmd, level) => expect(score(cmd).level).toBe(level));
});

describe('GitHub', () => {
  it.each([
    ['gh pr view 42', 'low'],
    ['gh pr create --fill', 'medium'],
    ['gh pr ready 42', 'medium'],
    ['gh pr merge 42 --squash', 'medium'],
    ['gh pr merge 42 --admin --squash', 'high'],
    ['gh repo edit --visibility public', 'high'],
    ['gh repo delete acme/app --yes', 'critical'],
    ['gh workflow run ci.yml --ref feature/x', 'medium'],
    ['gh workflow run deploy.yml -f environment=production', 'high'],
    ['gh api repos/a/b/issues', 'low'],
    ['gh api -X DELETE repos/a/b/releases/1', 'high'],
    ['gh auth token', 'high'],
    ['gh auth login', 'medium'],
  ])('%s is %s', (cmd, level) => expect(score(cmd).level).toBe(level));
});
