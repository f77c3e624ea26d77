import { describe, expect, it } from 'vitest';
import { claudeArgs, claudeSettings, claudeSupportsOnFailure, mergeClaudeSettings, splitUserSettings } from '../../../electron/core/agents/claude.ts';
import { codexArgs } from '../../../electron/core/agents/codex.ts';
import { failMode } from '../../../electron/core/cli/doctor.ts';
import { GATE_PATHS } from '../../../electron/core/gate/server.ts';

const curl = { kind: 'curl', curlPath: '/usr/bin/curl' } as const;

describe('Claude Code wiring', () => {
  it('gates Bash and the file tools through PreToolUse with a timeout past the hold timeout, and forwards Notification and Stop', () => {
    const s = claudeSettings({ transport: curl, holdTimeoutMs: 600_000, platform: 'linux', onFailureBlock: true });
    expect(s.hooks.PreToolUse?.map((m) => m.matcher)).toEqual(['Bash', 'Write', 'Edit', 'MultiEdit', 'NotebookEdit']);
    // One hook, one gate route: the gate tells a shell command from a file change by the tool's name.
    expect(new Set(s.hooks.PreToolUse?.map((m) => m.hooks[0]))).toHaveProperty('size', 1);
    const [pre] = s.hooks.PreToolUse ?? [];
    expect(pre?.matcher).toBe('Bash');
    expect(pre?.hooks[0]).toMatchObject({ type: 'command', timeout: 660, onFailure: 'block' });
    expect(pre?.hooks[0]?.command).toContain(GATE_PATHS.claudePreToolUse);
    expect(pre?.hooks[0]?.command).toContain('exit 2');
    expect(s.hooks.Notification?.[0]?.hooks[0]?.command).toContain(GATE_PATHS.claudeEvent);
    expect(s.hooks.Stop?.[0]?.hooks[0]?.command).toContain(GATE_PATHS.claudeEvent);
  });

  it('adds PowerShell on Windows and leaves onFailure out where it is not supported', () => {
    const s = claudeSettings({ transport: { kind: 'node', nodePath: 'node', clientPath: 'c.mjs' }, holdTimeoutMs: 1000, platform: 'win32', onFailureBlock: false });
    expect(s.hooks.PreToolUse?.map((m) => m.matcher)).toEqual(['Bash', 'PowerShell', 'Write', 'Edit', 'MultiEdit', 'NotebookEdit']);
    expect(s.hooks.PreToolUse?.[0]?.hooks[0]).not.toHaveProperty('onFailure');
  });

  it('passes the settings layer with --settings', () => {
    expect(claudeArgs('/tmp/x/settings.json')).toEqual(['--settings', '/tmp/x/settings.json']);
  });
});

describe('Claude Code versions and user settings', () => {
  it.each([
    ['2.1.330 (Claude Code)', true],
    ['2.1.331 (Claude Code)', true],
    ['2.2.0', true],
    ['3.0.0', true],
    ['2.1.329 (Claude Code)', false],
    ['1.0.99', false],
    ['garbage', false],
    [null, false],
  ])('onFailure "block" for %j: %s', (version, supported) => expect(claudeSupportsOnFailure(version)).toBe(supported));

  it('takes the user\'s own --settings out of their arguments', () => {
    expect(splitUserSettings(['-p', 'hi', '--settings', 'mine.json', '--settings={"a":1}', '--model', 'x'])).toEqual({
      settings: ['mine.json', '{"a":1}'],
      rest: ['-p', 'hi', '--model', 'x'],
    });
  });

  it('keeps the user\'s settings and hooks and adds ours beside them', () => {
    const ours = claudeSettings({ transport: curl, holdTimeoutMs: 1000, platform: 'linux', onFailureBlock: false });
    const user = { model: 'opus', hooks: { PreToolUse: [{ matcher: 'Edit', hooks: [] }], SessionStart: [{ hooks: [] }] } };
    const merged = mergeClaudeSettings(user, ours);
    expect(merged.model).toBe('opus');
    expect(merged.hooks?.PreToolUse).toEqual([{ matcher: 'Edit', hooks: [] }, ...(ours.hooks.PreToolUse ?? [])]);
    expect(merged.hooks?.SessionStart).toEqual([{ hooks: [] }]);
    expect(merged.hooks?.Stop).toEqual(ours.hooks.Stop);
  });
});

describe('Codex wiring', () => {
  it('passes PreToolUse and PermissionRequest hooks as -c overrides with a TOML-escaped command', () => {
    const args = codexArgs({ transport: curl, holdTimeoutMs: 600_000 });
    expect(args[0]).toBe('--dangerously-bypass-hook-trust');
    const overrides = args.filter((_, i) => args[i - 1] === '-c');
    expect(overrides).toHaveLength(2);
    expect(overrides[0]).toMatch(/^hooks\.PreToolUse=\[\{matcher="Bash", hooks=\[\{type="command", command=".*", timeout=660\}\]\}\]$/);
    // apply_patch goes through the same hook (the gate holds it only on a protected path).
    expect(overrides[0]).toMatch(/\}\]\}, \{matcher="apply_patch", hooks=\[\{type="command", command=".*", timeout=660\}\]\}\]$/);
    expect(overrides[1]).toMatch(/^hooks\.PermissionRequest=\[\{matcher="Bash", hooks=\[\{type="command", command="[^"\\]*(\\.[^"\\]*)*", timeout=660\}\]\}\]$/);
    // The embedded command survives TOML (JSON-compatible) escaping intact.
    const command = JSON.parse(/command=(".*?[^\\]")/.exec(overrides[0] ?? '')?.[1] ?? '""') as string;
    expect(command).toContain(`--unix-socket "$GATEHOUSE_SOCKET"`);
    expect(command).toContain(GATE_PATHS.codexPreToolUse);
  });
});

describe('doctor: does each agent fail closed?', () => {
  it('says whether Claude Code also blocks on a crashing hook', () => {
    expect(failMode('claude', '2.1.330 (Claude Code)', null)).toMatchObject({ failsClosed: true, detail: expect.stringContaining('onFailure "block"') });
    expect(failMode('claude', '2.0.0 (Claude Code)', null).detail).toContain('upgrade Claude Code');
  });

  it('flags a Codex that cannot take per-run hooks', () => {
    expect(failMode('codex', 'codex-cli 0.169.0', 'Options:\n  --dangerously-bypass-hook-trust\n').failsClosed).toBe(true);
    expect(failMode('codex', 'codex-cli 0.50.0', 'Options:\n  -c, --config\n').failsClosed).toBe(false);
  });
});
