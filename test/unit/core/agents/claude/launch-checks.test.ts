import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeArgFindings, claudeSettingsFindings, claudeSettingsSources } from '../../../electron/core/agents/claude-checks.ts';
import { codexArgFindings, codexConfigSources, codexEffectiveHooks, codexFeatureArgs, codexTextFindings } from '../../../electron/core/agents/codex-checks.ts';
import { checkClaude, checkCodex, checkConfigChange, describeFinding, findGitRoot, refusalMessage, type SettingsReader } from '../../../electron/core/agents/launch-checks.ts';
import { wireAgent, WiringError } from '../../../electron/core/agents/wire.ts';
import { claudeSettings } from '../../../electron/core/agents/claude.ts';
import { GATE_PATHS } from '../../../electron/core/gate/server.ts';
import { tempDir } from '../../support/temp.ts';

/** A reader over an in-memory tree; a value of `Error` makes that file unreadable. */
function memoryReader(files: Record<string, string | Error>): SettingsReader {
  return {
    read(file) {
      const v = files[file];
      if (v instanceof Error) throw v;
      return v ?? null;
    },
    list(dir) {
      const names = Object.keys(files).filter((f) => path.dirname(f) === dir).map((f) => path.basename(f));
      return names.length > 0 ? names : null;
    },
  };
}

const site = (cwd: string, env: NodeJS.ProcessEnv = {}) => ({ cwd, env: { HOME: '/home/u', ...env }, platform: 'linux' as const });

describe('Claude Code: where settings come from', () => {
  it('reads managed (file and drop-in folder), user, and project and local settings for cwd and its git root', () => {
    const reader = memoryReader({ '/etc/claude-code/managed-settings.d/20-b.json': '{}', '/etc/claude-code/managed-settings.d/10-a.json': '{}', '/etc/claude-code/managed-settings.d/.hidden.json': '{}', '/etc/claude-code/managed-settings.d/notes.txt': '' });
    const sources = claudeSettingsSources({ platform: 'linux', env: {}, home: '/home/u', cwd: '/repo/sub', gitRoot: '/repo' }, reader);
    expect(sources).toEqual([
      { layer: 'managed', file: '/etc/claude-code/managed-settings.json' },
      { layer: 'managed', file: '/etc/claude-code/managed-settings.d/10-a.json' },
      { layer: 'managed', file: '/etc/claude-code/managed-settings.d/20-b.json' },
      { layer: 'user', file: '/home/u/.claude/settings.json' },
      { layer: 'project', file: '/repo/sub/.claude/settings.json' },
      { layer: 'local', file: '/repo/sub/.claude/settings.local.json' },
      { layer: 'project', file: '/repo/.claude/settings.json' },
      { layer: 'local', file: '/repo/.claude/settings.local.json' },
    ]);
  });

  it('honours CLAUDE_CONFIG_DIR, and the macOS managed folder', () => {
    const sources = claudeSettingsSources({ platform: 'darwin', env: { CLAUDE_CONFIG_DIR: '/cfg' }, home: '/Users/u', cwd: '/w', gitRoot: null }, memoryReader({}));
    expect(sources.map((s) => s.file)).toEqual(['/Library/Application Support/ClaudeCode/managed-settings.json', '/cfg/settings.json', '/w/.claude/settings.json', '/w/.claude/settings.local.json']);
  });
});

describe('Claude Code: keys that switch hooks off', () => {
  const at = { layer: 'local', file: '/w/.claude/settings.local.json' };
  it.each([
    [{ disableAllHooks: true }, '"disableAllHooks": true'],
    [{ allowManagedHooksOnly: true }, '"allowManagedHooksOnly": true'],
    [{ strictPluginOnlyCustomization: true }, '"strictPluginOnlyCustomization": true'],
    [{ strictPluginOnlyCustomization: ['skills', 'hooks'] }, '"strictPluginOnlyCustomization": ["skills","hooks"]'],
    [{ env: { CLAUDE_CODE_SIMPLE: '1' } }, '"env".CLAUDE_CODE_SIMPLE=1'],
    [{ env: { CLAUDE_CODE_SAFE_MODE: 'true' } }, '"env".CLAUDE_CODE_SAFE_MODE=true'],
  ])('%j is found as %s', (settings, key) => {
    expect(claudeSettingsFindings(settings, at).map((f) => f.key)).toEqual([key]);
  });

  it.each([[{}], [{ disableAllHooks: false }], [{ permissions: { allow: ['Bash'] } }], [{ strictPluginOnlyCustomization: ['skills'] }], [{ env: { CLAUDE_CODE_SIMPLE: '0' } }], [{ hooks: { PreToolUse: [] } }]])(
    '%j does not switch hooks off',
    (settings) => expect(claudeSettingsFindings(settings, at)).toEqual([]),
  );

  it('refuses a file that is not a JSON object', () => {
    expect(claudeSettingsFindings(['disableAllHooks'], at)[0]?.key).toBe('(the whole file)');
  });

  it('finds --bare and --safe-mode on the command line, not after --', () => {
    expect(claudeArgFindings(['-p', 'hi', '--bare', '--safe-mode']).map((f) => f.key)).toEqual(['--bare', '--safe-mode']);
    expect(claudeArgFindings(['-p', '--', '--bare'])).toEqual([]);
  });
});

describe('Claude Code: every layer, checked', () => {
  const files = {
    managed: '/etc/claude-code/managed-settings.json',
    dropIn: '/etc/claude-code/managed-settings.d/50-x.json',
    user: '/home/u/.claude/settings.json',
    project: '/w/.claude/settings.json',
    local: '/w/.claude/settings.local.json',
  };
  it.each(Object.entries(files))('the %s layer', (layer, file) => {
    const findings = checkClaude(site('/w'), [], [], memoryReader({ [file]: '{"disableAllHooks": true}' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ agent: 'claude', file, key: '"disableAllHooks": true', layer: layer === 'dropIn' ? 'managed' : layer });
  });

  it('the user\'s --settings, as a file and as inline JSON', () => {
    const findings = checkClaude(site('/w'), [], ['mine.json', '{"allowManagedHooksOnly": true}'], memoryReader({ '/w/mine.json': '{"disableAllHooks": true}' }));
    expect(findings.map((f) => [f.layer, f.file, f.key])).toEqual([
      ['--settings', '/w/mine.json', '"disableAllHooks": true'],
      ['--settings', 'your inline --settings JSON', '"allowManagedHooksOnly": true'],
    ]);
  });

  it('the environment Claude Code starts with', () => {
    expect(checkClaude(site('/w', { CLAUDE_CODE_SAFE_MODE: '1' }), [], [], memoryReader({})).map((f) => f.key)).toEqual(['CLAUDE_CODE_SAFE_MODE=1']);
  });

  it('refuses a file that does not parse, and one that cannot be read, saying so', () => {
    const findings = checkClaude(site('/w'), [], [], memoryReader({ [files.local]: '{"disableAllHooks": tru', [files.user]: Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }) }));
    expect(findings.map((f) => f.file)).toEqual([files.user, files.local]);
    expect(findings[0]?.effect).toContain('cannot be read (EACCES: permission denied)');
    expect(findings[1]?.effect).toContain('is not valid JSON');
    expect(findings[1]?.fix).toBe('Fix the JSON, or remove the file');
  });

  it('finds nothing in ordinary settings', () => {
    expect(checkClaude(site('/w'), ['-p', 'hi'], [], memoryReader({ [files.user]: '{"model": "opus"}', [files.local]: '{"permissions": {"allow": ["Bash(npm test)"]}}' }))).toEqual([]);
  });

  it('reads a real git root above cwd', () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, '.git'));
    fs.writeFileSync(path.join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    fs.mkdirSync(path.join(root, 'pkg', '.claude'), { recursive: true });
    fs.mkdirSync(path.join(root, '.claude'));
    fs.writeFileSync(path.join(root, '.claude', 'settings.json'), '{"disableAllHooks": true}');
    expect(findGitRoot(path.join(root, 'pkg'))).toBe(root);
    const findings = checkClaude({ cwd: path.join(root, 'pkg'), env: { HOME: root }, platform: 'linux' }, [], []);
    expect(findings.map((f) => f.file)).toEqual([path.join(root, '.claude', 'settings.json')]);
  });
});

describe('wireAgent (gatehouse run and the pty host)', () => {
  const started = {
    session: { id: 's1', agent: 'claude' as const, argv: ['claude'], cwd: '/w', pid: null, startedAt: '', endedAt: null, exitCode: null },
    token: 't',
    gateSocket: '/tmp/g.sock',
    holdTimeoutMs: 600_000,
  };

  it('refuses to wire an agent whose settings switch hooks off, before writing anything or asking its version', async () => {
    const cwd = project('settings.local.json', '{"disableAllHooks": true}');
    const out = tempDir();
    const ctx = { env: { HOME: tempDir(), PATH: '' }, cwd, hookClientPath: '/x/hook-client.mjs' };
    await expect(wireAgent('claude', started, ['/nonexistent/claude', '-p', 'hi'], out, { kind: 'curl', curlPath: '/usr/bin/curl' }, ctx)).rejects.toThrow(WiringError);
    await expect(wireAgent('claude', started, ['/nonexistent/claude', '-p', 'hi'], out, { kind: 'curl', curlPath: '/usr/bin/curl' }, ctx)).rejects.toThrow(/settings\.local\.json \(local\) sets "disableAllHooks": true/);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('checks the user\'s own --settings before merging it into Gatehouse\'s layer', async () => {
    const ctx = { env: { HOME: tempDir(), PATH: '' }, cwd: tempDir(), hookClientPath: '/x/hook-client.mjs' };
    await expect(wireAgent('claude', started, ['/nonexistent/claude', '--settings', '{"disableAllHooks": true}'], tempDir(), { kind: 'curl', curlPath: '/usr/bin/curl' }, ctx)).rejects.toThrow(/your inline --settings JSON \(--settings\) sets "disableAllHooks": true/);
  });

  function project(name: string, text: string): string {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, '.claude'));
    fs.writeFileSync(path.join(dir, '.claude', name), text);
    return dir;
  }
});

describe('the refusal message', () => {
  it('names the agent, then each file, layer, key, what it does and what to do', () => {
    const findings = checkClaude(site('/w'), [], [], memoryReader({ '/w/.claude/settings.local.json': '{"disableAllHooks": true, "permissions": {"allow": ["Bash"]}}' }));
    expect(refusalMessage(findings)).toBe(
      'Gatehouse refuses to start Claude Code: its settings would let commands run without being held.\n' +
        '  - /w/.claude/settings.local.json (local) sets "disableAllHooks": true: Claude Code then runs no hook of Gatehouse\'s, so commands run without being held. Remove "disableAllHooks" from it (or set it to false)',
    );
  });
});

describe('ConfigChange: the hook in Gatehouse\'s settings layer', () => {
  it('posts to the gate, blocks when the gate cannot answer, and has no matcher (every settings source)', () => {
    const [entry] = claudeSettings({ transport: { kind: 'curl', curlPath: '/usr/bin/curl' }, holdTimeoutMs: 600_000, platform: 'linux', onFailureBlock: true }).hooks.ConfigChange ?? [];
    expect(entry).not.toHaveProperty('matcher');
    expect(entry?.hooks[0]).toMatchObject({ type: 'command', timeout: 60, onFailure: 'block' });
    expect(entry?.hooks[0]?.command).toContain(GATE_PATHS.claudeConfigChange);
    expect(entry?.hooks[0]?.command).toContain('exit 2');
  });
});

describe('ConfigChange: the changed file, re-read', () => {
  it('refuses a change that switches hooks off, in the layer Claude Code names', () => {
    const reader = memoryReader({ '/w/.claude/settings.local.json': '{"disableAllHooks": true}' });
    const [f] = checkConfigChange('local_settings', '/w/.claude/settings.local.json', reader);
    expect(describeFinding(f as never)).toMatch(/^\/w\/\.claude\/settings\.local\.json \(local\) sets "disableAllHooks": true/);
    expect(checkConfigChange('project_settings', '/w/.claude/settings.json', memoryReader({ '/w/.claude/settings.json': 'not json' }))[0]?.key).toBe('(the whole file)');
  });

  it('holds hooks and helper commands in a changed file for a new session (Claude Code would run them ungated)', () => {
    const file = '/w/.claude/settings.local.json';
    const text = JSON.stringify({ hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'x' }] }], Stop: [] }, statusLine: { type: 'command', command: 'y' }, apiKeyHelper: '/tmp/k.sh' });
    const findings = checkConfigChange('local_settings', file, memoryReader({ [file]: text }));
    expect(findings.map((f) => f.key)).toEqual(['"hooks" (PreToolUse)', '"apiKeyHelper"', '"statusLine"']);
    expect(findings[0]?.fix).toBe('Check what they run, then start a new session to use them');
    // At launch the person starts the agent on those settings knowingly: hooks are not refused there.
    expect(checkClaude(site('/w'), [], [], memoryReader({ [file]: text }))).toEqual([]);
  });

  it('lets other changes, removed files and skills through', () => {
    expect(checkConfigChange('user_settings', '/h/.claude/settings.json', memoryReader({ '/h/.claude/settings.json': '{"model": "x"}' }))).toEqual([]);
    expect(checkConfigChange('local_settings', '/gone.json', memoryReader({}))).toEqual([]);
    expect(checkConfigChange('skills', '/w/.claude/skills/x/SKILL.md', memoryReader({}))).toEqual([]);
    expect(checkConfigChange('user_settings', undefined, memoryReader({}))).toEqual([]);
  });
});

describe('Codex: config text', () => {
  const at = { layer: 'user', file: '/h/.codex/config.toml' };
  it.each([
    ['[features]\nhooks = false\n', '[features] hooks = false'],
    ['[features]\ncodex_hooks = false # old name\n', '[features] codex_hooks = false'],
    ['model = "x"\nfeatures.hooks = false\n', '[features] hooks = false'],
    ['features = { web_search = true, hooks = false }\n', '[features] hooks = false'],
    ['[ "features" ]\n"hooks" = false\n', '[features] hooks = false'],
  ])('%j is found', (text, key) => {
    expect(codexTextFindings(text, at).findings.map((f) => f.key)).toEqual([key]);
  });

  it.each([['[features]\nhooks = true\n'], ['[other]\nhooks = false\n'], ['# [features]\n# hooks = false\n'], ['[features]\nweb_search = false\n'], ['[hooks]\nPreToolUse = []\n']])('%j is not', (text) => {
    expect(codexTextFindings(text, at).findings).toEqual([]);
  });

  it('allow_managed_hooks_only in requirements.toml', () => {
    expect(codexTextFindings('allow_managed_hooks_only = true\n', { layer: 'requirements', file: '/etc/codex/requirements.toml' }).findings[0]?.key).toBe('allow_managed_hooks_only = true');
  });

  it('a profile counts only when it is in use', async () => {
    const files = { '/h/.codex/config.toml': '[profiles.fast.features]\nhooks = false\n[profiles.slow]\nfeatures = { hooks = false }\n' };
    const env = { HOME: '/h', PATH: '' };
    const none = await checkCodex({ cwd: '/w', env, platform: 'linux' }, '/nonexistent/codex', [], memoryReader(files));
    expect(none).toEqual([]);
    const fast = await checkCodex({ cwd: '/w', env, platform: 'linux' }, '/nonexistent/codex', ['--profile', 'fast'], memoryReader(files));
    expect(fast.map((f) => f.key)).toEqual(['profiles.fast.features: hooks = false']);
    const selected = await checkCodex({ cwd: '/w', env, platform: 'linux' }, '/nonexistent/codex', [], memoryReader({ '/h/.codex/config.toml': `profile = "slow"\n${files['/h/.codex/config.toml']}` }));
    expect(selected.map((f) => f.key)).toEqual(['profiles.slow.features: hooks = false']);
  });
});

describe('Codex: layers and arguments', () => {
  it('reads system, managed, requirements, user (CODEX_HOME), the profile file, and project files up to the git root', () => {
    const sources = codexConfigSources({ platform: 'linux', env: { CODEX_HOME: '/ch' }, home: '/h', cwd: '/repo/a/b', gitRoot: '/repo', args: ['-p', 'work'] });
    expect(sources.map((s) => `${s.layer} ${s.file}`)).toEqual([
      'system /etc/codex/config.toml',
      'managed /etc/codex/managed_config.toml',
      'requirements /etc/codex/requirements.toml',
      'user /ch/config.toml',
      'profile work /ch/work.config.toml',
      'project /repo/a/b/.codex/config.toml',
      'project /repo/a/.codex/config.toml',
      'project /repo/.codex/config.toml',
    ]);
  });

  it.each([
    [['--disable', 'hooks'], '--disable hooks'],
    [['--disable=codex_hooks'], '--disable codex_hooks'],
    [['-c', 'features.hooks=false'], '-c features.hooks=false'],
    [['--config', 'features.codex_hooks = false'], '-c features.codex_hooks=false'],
    [['-c', 'features={hooks=false}'], '-c features={hooks=false}'],
    [['-c', 'hooks.PreToolUse=[]'], '-c hooks.PreToolUse=…'],
    [['-c', 'hooks={}'], '-c hooks=…'],
    [['-c', 'hooks.PermissionRequest=[]'], '-c hooks.PermissionRequest=…'],
    [['-c', 'hooks.state.x.enabled=false'], '-c hooks.state.x.enabled=…'],
  ])('%j is found', (args, key) => {
    expect(codexArgFindings(['exec', ...args, 'do it']).map((f) => f.key)).toEqual([key]);
  });

  it('ordinary overrides are not, and the ones for `codex features list` are kept', () => {
    expect(codexArgFindings(['-c', 'hooks.Stop=[]', '-c', 'hooks_extra=1'])).toEqual([]);
    const args = ['exec', '-c', 'model="x"', '--enable', 'web_search', '-s', 'workspace-write', '-m', 'gpt', 'prompt'];
    expect(codexArgFindings(args)).toEqual([]);
    expect(codexFeatureArgs(args)).toEqual(['-c', 'model="x"', '--enable', 'web_search']);
  });

  it('reads the hooks row of `codex features list`', () => {
    expect(codexEffectiveHooks('guardian  stable  true\nhooks                stable             false\n')).toBe(false);
    expect(codexEffectiveHooks('hooks                stable             true\n')).toBe(true);
    expect(codexEffectiveHooks(null)).toBeNull();
  });

  it('names a file in a refusal message for Codex', async () => {
    const findings = await checkCodex({ cwd: '/w', env: { HOME: '/h' }, platform: 'linux' }, '/nonexistent/codex', [], memoryReader({ '/w/.codex/config.toml': '[features]\nhooks = false\n' }));
    expect(refusalMessage(findings)).toBe(
      'Gatehouse refuses to start Codex: its settings would let commands run without being held.\n' +
        '  - /w/.codex/config.toml (project) sets [features] hooks = false: Codex then runs no hook at all, so commands run without being held. Remove features.hooks (or set it to true)',
    );
  });
});
