// Codex's launch checks: every config layer it reads, the keys and arguments that switch its hooks off or replace
// Gatehouse's, and Codex's own word (`codex features list`).
import { describe, expect, it } from 'vitest';
import {
  codexArgFindings,
  codexConfigSources,
  codexEffectiveHooks,
  codexFeatureArgs,
  codexTextFindings,
} from '../../../../../electron/core/agents/codex/checks.ts';
import { codexAgent } from '../../../../../electron/core/agents/codex/index.ts';
import { checkCodex } from '../../../../../electron/core/agents/codex/launch-checks.ts';
import { refusalMessage } from '../../../../../electron/core/agents/launch-checks.ts';
import { memoryReader } from '../../../../support/memory-reader.ts';

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

  it.each([
    ['[features]\nhooks = true\n'],
    ['[other]\nhooks = false\n'],
    ['# [features]\n# hooks = false\n'],
    ['[features]\nweb_search = false\n'],
    ['[hooks]\nPreToolUse = []\n'],
  ])('%j is not', (text) => {
    expect(codexTextFindings(text, at).findings).toEqual([]);
  });

  it('allow_managed_hooks_only in requirements.toml', () => {
    expect(
      codexTextFindings('allow_managed_hooks_only = true\n', {
        layer: 'requirements',
        file: '/etc/codex/requirements.toml',
      }).findings[0]?.key,
    ).toBe('allow_managed_hooks_only = true');
  });

  it('a profile counts only when it is in use', async () => {
    const files = {
      '/h/.codex/config.toml':
        '[profiles.fast.features]\nhooks = false\n[profiles.slow]\nfeatures = { hooks = false }\n',
    };
    const env = { HOME: '/h', PATH: '' };
    const none = await checkCodex({ cwd: '/w', env, platform: 'linux' }, '/nonexistent/codex', [], memoryReader(files));
    expect(none).toEqual([]);
    const fast = await checkCodex(
      { cwd: '/w', env, platform: 'linux' },
      '/nonexistent/codex',
      ['--profile', 'fast'],
      memoryReader(files),
    );
    expect(fast.map((f) => f.key)).toEqual(['profiles.fast.features: hooks = false']);
    const selected = await checkCodex(
      { cwd: '/w', env, platform: 'linux' },
      '/nonexistent/codex',
      [],
      memoryReader({ '/h/.codex/config.toml': `profile = "slow"\n${files['/h/.codex/config.toml']}` }),
    );
    expect(selected.map((f) => f.key)).toEqual(['profiles.slow.features: hooks = false']);
  });
});

describe('Codex: layers and arguments', () => {
  it('reads system, managed, requirements, user (CODEX_HOME), the profile file, and project files up to the git root', () => {
    const sources = codexConfigSources({
      platform: 'linux',
      env: { CODEX_HOME: '/ch' },
      home: '/h',
      cwd: '/repo/a/b',
      gitRoot: '/repo',
      args: ['-p', 'work'],
    });
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
    const findings = await checkCodex(
      { cwd: '/w', env: { HOME: '/h' }, platform: 'linux' },
      '/nonexistent/codex',
      [],
      memoryReader({ '/w/.codex/config.toml': '[features]\nhooks = false\n' }),
    );
    expect(refusalMessage(codexAgent.name, findings)).toBe(
      'Gatehouse refuses to start Codex: its settings would let commands run without being held.\n' +
        '  - /w/.codex/config.toml (project) sets [features] hooks = false: Codex then runs no hook at all, so commands run without being held. Remove features.hooks (or set it to true)',
    );
  });
});
