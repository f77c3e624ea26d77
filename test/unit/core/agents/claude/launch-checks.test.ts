// Claude Code's launch checks: every settings source it reads, the keys that switch Gatehouse's hooks off, and a
// settings file changed mid-session (ConfigChange), re-read.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  claudeArgFindings,
  claudeSettingsFindings,
  claudeSettingsSources,
} from '../../../../../electron/core/agents/claude/checks.ts';
import { claudeAgent } from '../../../../../electron/core/agents/claude/index.ts';
import { checkClaude, checkConfigChange } from '../../../../../electron/core/agents/claude/launch-checks.ts';
import { describeFinding, findGitRoot, refusalMessage } from '../../../../../electron/core/agents/launch-checks.ts';
import { memoryReader } from '../../../../support/memory-reader.ts';
import { tempDir } from '../../../../support/temp.ts';

const site = (cwd: string, env: NodeJS.ProcessEnv = {}) => ({
  cwd,
  env: { HOME: '/home/u', ...env },
  platform: 'linux' as const,
});

describe('Claude Code: where settings come from', () => {
  it('reads managed (file and drop-in folder), user, and project and local settings for cwd and its git root', () => {
    const reader = memoryReader({
      '/etc/claude-code/managed-settings.d/20-b.json': '{}',
      '/etc/claude-code/managed-settings.d/10-a.json': '{}',
      '/etc/claude-code/managed-settings.d/.hidden.json': '{}',
      '/etc/claude-code/managed-settings.d/notes.txt': '',
    });
    const sources = claudeSettingsSources(
      { platform: 'linux', env: {}, home: '/home/u', cwd: '/repo/sub', gitRoot: '/repo' },
      reader,
    );
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
    const sources = claudeSettingsSources(
      { platform: 'darwin', env: { CLAUDE_CONFIG_DIR: '/cfg' }, home: '/Users/u', cwd: '/w', gitRoot: null },
      memoryReader({}),
    );
    expect(sources.map((s) => s.file)).toEqual([
      '/Library/Application Support/ClaudeCode/managed-settings.json',
      '/cfg/settings.json',
      '/w/.claude/settings.json',
      '/w/.claude/settings.local.json',
    ]);
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

  it.each([
    [{}],
    [{ disableAllHooks: false }],
    [{ permissions: { allow: ['Bash'] } }],
    [{ strictPluginOnlyCustomization: ['skills'] }],
    [{ env: { CLAUDE_CODE_SIMPLE: '0' } }],
    [{ hooks: { PreToolUse: [] } }],
  ])('%j does not switch hooks off', (settings) => expect(claudeSettingsFindings(settings, at)).toEqual([]));

  it('refuses a file that is not a JSON object', () => {
    expect(claudeSettingsFindings(['disableAllHooks'], at)[0]?.key).toBe('(the whole file)');
  });

  it('finds --bare and --safe-mode on the command line, not after --', () => {
    expect(claudeArgFindings(['-p', 'hi', '--bare', '--safe-mode']).map((f) => f.key)).toEqual([
      '--bare',
      '--safe-mode',
    ]);
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
    expect(findings[0]).toMatchObject({
      agent: 'claude',
      file,
      key: '"disableAllHooks": true',
      layer: layer === 'dropIn' ? 'managed' : layer,
    });
  });

  it("the user's --settings, as a file and as inline JSON", () => {
    const findings = checkClaude(
      site('/w'),
      [],
      ['mine.json', '{"allowManagedHooksOnly": true}'],
      memoryReader({ '/w/mine.json': '{"disableAllHooks": true}' }),
    );
    expect(findings.map((f) => [f.layer, f.file, f.key])).toEqual([
      ['--settings', '/w/mine.json', '"disableAllHooks": true'],
      ['--settings', 'your inline --settings JSON', '"allowManagedHooksOnly": true'],
    ]);
  });

  it('the environment Claude Code starts with', () => {
    expect(checkClaude(site('/w', { CLAUDE_CODE_SAFE_MODE: '1' }), [], [], memoryReader({})).map((f) => f.key)).toEqual(
      ['CLAUDE_CODE_SAFE_MODE=1'],
    );
  });

  it('refuses a file that does not parse, and one that cannot be read, saying so', () => {
    const findings = checkClaude(
      site('/w'),
      [],
      [],
      memoryReader({
        [files.local]: '{"disableAllHooks": tru',
        [files.user]: Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }),
      }),
    );
    expect(findings.map((f) => f.file)).toEqual([files.user, files.local]);
    expect(findings[0]?.effect).toContain('cannot be read (EACCES: permission denied)');
    expect(findings[1]?.effect).toContain('is not valid JSON');
    expect(findings[1]?.fix).toBe('Fix the JSON, or remove the file');
  });

  it('finds nothing in ordinary settings', () => {
    expect(
      checkClaude(
        site('/w'),
        ['-p', 'hi'],
        [],
        memoryReader({
          [files.user]: '{"model": "opus"}',
          [files.local]: '{"permissions": {"allow": ["Bash(npm test)"]}}',
        }),
      ),
    ).toEqual([]);
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

describe('the refusal message', () => {
  it('names the agent, then each file, layer, key, what it does and what to do', () => {
    const findings = checkClaude(
      site('/w'),
      [],
      [],
      memoryReader({
        '/w/.claude/settings.local.json': '{"disableAllHooks": true, "permissions": {"allow": ["Bash"]}}',
      }),
    );
    expect(refusalMessage(claudeAgent.name, findings)).toBe(
      'Gatehouse refuses to start Claude Code: its settings would let commands run without being held.\n' +
        '  - /w/.claude/settings.local.json (local) sets "disableAllHooks": true: Claude Code then runs no hook of Gatehouse\'s, so commands run without being held. Remove "disableAllHooks" from it (or set it to false)',
    );
  });
});

describe('ConfigChange: the changed file, re-read', () => {
  it('refuses a change that switches hooks off, in the layer Claude Code names', () => {
    const reader = memoryReader({ '/w/.claude/settings.local.json': '{"disableAllHooks": true}' });
    const [f] = checkConfigChange('local_settings', '/w/.claude/settings.local.json', reader);
    expect(describeFinding(f as never)).toMatch(
      /^\/w\/\.claude\/settings\.local\.json \(local\) sets "disableAllHooks": true/,
    );
    expect(
      checkConfigChange(
        'project_settings',
        '/w/.claude/settings.json',
        memoryReader({ '/w/.claude/settings.json': 'not json' }),
      )[0]?.key,
    ).toBe('(the whole file)');
  });

  it('holds hooks and helper commands in a changed file for a new session (Claude Code would run them ungated)', () => {
    const file = '/w/.claude/settings.local.json';
    const text = JSON.stringify({
      hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'x' }] }], Stop: [] },
      statusLine: { type: 'command', command: 'y' },
      apiKeyHelper: '/tmp/k.sh',
    });
    const findings = checkConfigChange('local_settings', file, memoryReader({ [file]: text }));
    expect(findings.map((f) => f.key)).toEqual(['"hooks" (PreToolUse)', '"apiKeyHelper"', '"statusLine"']);
    expect(findings[0]?.fix).toBe('Check what they run, then start a new session to use them');
    // At launch the person starts the agent on those settings knowingly: hooks are not refused there.
    expect(checkClaude(site('/w'), [], [], memoryReader({ [file]: text }))).toEqual([]);
  });

  it('lets other changes, removed files and skills through', () => {
    expect(
      checkConfigChange(
        'user_settings',
        '/h/.claude/settings.json',
        memoryReader({ '/h/.claude/settings.json': '{"model": "x"}' }),
      ),
    ).toEqual([]);
    expect(checkConfigChange('local_settings', '/gone.json', memoryReader({}))).toEqual([]);
    expect(checkConfigChange('skills', '/w/.claude/skills/x/SKILL.md', memoryReader({}))).toEqual([]);
    expect(checkConfigChange('user_settings', undefined, memoryReader({}))).toEqual([]);
  });
});
