// What commands reach beyond their words (issue 12, item 7): globs judged by what they match, the glob reader, and
// recursive readers and archivers of folders that hold credentials. The machine is either the test machine with
// nothing on disk (home /home/dev, as the corpus assumes) or a temporary home and project made on disk
// (test/support/risk-machine.ts). The commands are only ever scored, never run. (Writes to protected places are
// guarded.test.ts; nested agents and the scripts a command runs are rules/agents.test.ts and rules/scripts.test.ts.)
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeFiles } from '../../../../electron/core/risk/disk.ts';
import type { RiskEngine } from '../../../../electron/core/risk/engine.ts';
import { createRiskEngine } from '../../../../electron/core/risk/index.ts';
import {
  expandBraces,
  expandGlob,
  holdsSecrets,
  secretNamed,
  segmentMatches,
} from '../../../../electron/core/risk/reach.ts';
import { isSecretPath } from '../../../../electron/core/risk/paths.ts';
import { PROJECT, testContextOptions } from '../../../support/risk.ts';
import { machine } from '../../../support/risk-machine.ts';

let engine: RiskEngine;
beforeAll(async () => {
  engine = await createRiskEngine(testContextOptions());
});
const level = (cmd: string, cwd = PROJECT) => engine.assess(cmd, cwd).level;
const HIGH = ['high', 'critical'];

describe('globs are judged by what they reach', () => {
  it.each([
    'cat ~/.ssh/id_*',
    'cat .en?',
    'cat .e*',
    'head ~/.aws/cred*',
    'cat ~/.ssh/{id_rsa,config}',
    'cat .env{,.local}',
    "find ~ -name 'id_*' -exec cat {} \\;",
    'cat /proc/*/environ',
    'cat /proc/$PPID/environ',
    'cat /proc/self/environ',
    'strings /proc/1/environ',
    'tr "\\0" "\\n" < /proc/self/environ',
  ])('with nothing on disk, %s is high by its text', (cmd) => expect(HIGH).toContain(level(cmd)));

  it("treats a glob that reaches Gatehouse's files or the hook settings like naming them", () => {
    expect(level('cat ~/.claude/settings*.json')).toBe('critical');
    expect(level('cat ~/.config/Gatehouse/*')).toBe('critical');
  });

  it.each(['cat *.md', 'cat src/*.ts', 'grep -n TODO src/**/*.ts', 'ls *.json', 'wc -l lib/*'])(
    'leaves %s low',
    (cmd) => expect(level(cmd)).toBe('low'),
  );

  it('expands on disk: .e* is .env only where there is one', async () => {
    const clean = await machine({ 'project/.eslintrc.json': '{}', 'project/.editorconfig': '' });
    expect(clean.assess('cat .e*').level).toBe('low');
    const withEnv = await machine({ 'project/.eslintrc.json': '{}', 'project/.env': 'TOKEN=x' });
    const r = withEnv.assess('cat .e*');
    expect(r.level).toBe('high');
    expect(r.reasons[0]).toContain('.env');
    expect(withEnv.assess('cat config/*', withEnv.project).level).toBe('low');
    const keyed = await machine({ 'project/config/master.key': 'k', 'project/config/app.yml': '' });
    expect(keyed.assess('cat config/*').level).toBe('high');
  });

  it('holds ~/.ssh/* to be credentials whatever is there, and finds keys below the home', async () => {
    const m = await machine({ '.ssh/config': 'Host x', '.ssh/id_ed25519': 'KEY' });
    expect(m.assess('cat ~/.ssh/id_*').level).toBe('high');
    expect(m.assess("find ~ -name 'id_*' -exec cat {} +").level).toBe('high');
    const empty = await machine({ '.ssh/known_hosts': '' });
    expect(empty.assess('cat ~/.ssh/id_*').level).toBe('high');
  });

  it('falls back to the text when a folder is too big to expand, and survives a symlink loop', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2100; i++) files[`project/big/f${i}.txt`] = '';
    const m = await machine(files);
    fs.symlinkSync(path.join(m.project, 'big'), path.join(m.project, 'big', 'loop'));
    const walked = expandGlob(path.join(m.project, 'big', '**', '*.txt'), nodeFiles());
    expect(walked?.complete).toBe(false);
    expect(m.assess('cat big/**/*.txt').level).toBe('low');
    expect(m.assess('cat big/**/.env').level).toBe('high');
  });
});

describe('the glob reader', () => {
  it('matches as bash does', () => {
    expect(segmentMatches('.*', '.env')).toBe(true);
    expect(segmentMatches('*', '.env')).toBe(false);
    expect(segmentMatches('id_[re]*', 'id_rsa')).toBe(true);
    expect(segmentMatches('id_[!r]*', 'id_rsa')).toBe(false);
    expect(segmentMatches('.en?', '.env')).toBe(true);
    expect(segmentMatches('*a*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(250))).toBe(false);
  });

  it('expands braces, bounded', () => {
    expect(expandBraces('~/.ssh/{id_rsa,config}')).toEqual(['~/.ssh/id_rsa', '~/.ssh/config']);
    expect(expandBraces('f{1..3}')).toEqual(['f1', 'f2', 'f3']);
    expect(expandBraces('{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}').length).toBe(64);
  });

  it('names what a glob could be from its text alone, but not from wildcards only', () => {
    expect(secretNamed('/p', '.en?', isSecretPath)).toBe('/p/.env');
    expect(secretNamed('/h/.kube', 'conf*', isSecretPath)).toBe('/h/.kube/config');
    expect(secretNamed('/p', '*', isSecretPath)).toBeNull();
    expect(secretNamed('/p', '*.*', isSecretPath)).toBeNull();
  });

  it('knows the folders that hold credentials, by place and on disk', async () => {
    const m = await machine({ 'project/.env': 'A=1', 'project/src/a.ts': '' });
    const files = nodeFiles();
    expect(holdsSecrets(m.home, m.home, files, isSecretPath)?.example).toBe('~/.ssh');
    expect(holdsSecrets(path.join(m.home, '.config'), m.home, files, isSecretPath)?.byPlace).toBe(true);
    expect(holdsSecrets(m.project, m.home, files, isSecretPath)?.example).toBe(path.join(m.project, '.env'));
    expect(holdsSecrets(m.project, m.home, files, isSecretPath, false)).toBeNull();
    expect(holdsSecrets(path.join(m.project, 'src'), m.home, files, isSecretPath)).toBeNull();
  });
});

describe('recursive readers and archivers of folders that hold credentials', () => {
  it.each([
    'grep -r . ~/.config',
    'grep -rv zzzz ~',
    'grep -r token ~',
    'rg -uu secret ~',
    'rg -uu "" ~',
    'tar czf x.tgz ~',
    'zip -r x.zip ~/.ssh',
    'zip -r x.zip ~',
    'cp -r ~ /tmp/x',
    'rsync -a ~/.config/ /tmp/c',
    'find ~ -type f -exec cat {} +',
    'ps eww',
    'ps auxe',
    'ps -E',
    'ps aux e',
  ])('%s is high', (cmd) => expect(HIGH).toContain(level(cmd)));

  it.each([
    'grep -r foo src',
    'grep -rn TODO .',
    'grep -rc . ~/.config',
    'rg TODO',
    'tar -tzf x.tgz',
    'tar czf release.tgz dist/',
    'cat README.md',
    'ps aux',
    'ps -ef',
    'ps -C node -o pid,etime',
    'ps -p 42 -o command',
    'cp -r src build/src',
  ])('%s stays low', (cmd) => {
    expect(level(cmd)).toBe('low');
  });

  it("sees a project's .env on disk", async () => {
    const m = await machine({ 'project/.env': 'API_KEY=x', 'project/src/a.ts': 'a', 'project/dist/a.js': 'a' });
    expect(m.assess('grep -r . .').level).toBe('high');
    expect(m.assess('grep -rn TODO .').level).toBe('low');
    expect(m.assess('rg .').level).toBe('low');
    expect(m.assess('rg -uu .').level).toBe('high');
    expect(m.assess('tar czf /tmp/out.tgz .').level).toBe('high');
    expect(m.assess('tar czf release.tgz dist/').level).toBe('low');
    expect(m.assess('cp -r . /tmp/copy').level).toBe('medium');
    expect(m.assess('cp -r src /tmp/copy').level).not.toBe('high');
  });
});
