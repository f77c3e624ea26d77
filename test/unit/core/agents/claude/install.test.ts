// Claude Code's installer edits the person's own settings.json: everything of theirs stays (keys, values, order, their
// hooks), Gatehouse's hooks go in once and come out again by their marker.
import { describe, expect, it } from 'vitest';
import { claudeCoreDownFallback, claudeInstaller } from '../../../../../electron/core/agents/claude/install.ts';
import { installedHooks } from '../../../../../electron/core/agents/install/hook.ts';
import { InstallError } from '../../../../../electron/core/agents/plugin.ts';

const hooks = (whenCoreDown: 'ask' | 'deny' = 'ask') =>
  installedHooks({
    transport: { kind: 'curl', curlPath: '/usr/bin/curl' },
    socket: '/run/user/1000/gatehouse-1000-abc/gate.sock',
    clientMaxTimeS: 630,
    hookTimeoutS: 660,
    whenCoreDown,
  });

const THEIRS = `{
  "model": "opus",
  "hooks": {
    "PreToolUse": [{ "matcher": "Bash", "hooks": [{ "type": "command", "command": "my-linter" }] }]
  },
  "permissions": { "allow": ["Bash(ls:*)"] }
}
`;

describe('claudeInstaller.edit', () => {
  it('adds the hooks after the person’s own, keeping every other key in its place', () => {
    const { after, changes } = claudeInstaller.edit(THEIRS, hooks());
    const parsed = JSON.parse(after) as { hooks: Record<string, Array<{ matcher?: string; hooks: unknown[] }>> };
    expect(Object.keys(parsed)).toEqual(['model', 'hooks', 'permissions']);
    expect(parsed.hooks.PreToolUse?.[0]).toEqual({
      matcher: 'Bash',
      hooks: [{ type: 'command', command: 'my-linter' }],
    });
    expect(parsed.hooks.PreToolUse?.map((g) => g.matcher)).toEqual([
      'Bash',
      'Bash',
      'Write',
      'Edit',
      'MultiEdit',
      'NotebookEdit',
    ]);
    expect(Object.keys(parsed.hooks)).toEqual(['PreToolUse', 'Notification', 'Stop']);
    expect(after).toContain('/v1/gate/claude/pre-tool-use-unreported');
    expect(after.endsWith('}\n')).toBe(true);
    expect(changes.join('\n')).toContain('PreToolUse hook for Bash');
    expect(changes.join('\n')).toContain('keeps every other setting');
  });

  it('is idempotent: a second edit of its own output changes nothing', () => {
    const once = claudeInstaller.edit(THEIRS, hooks()).after;
    expect(claudeInstaller.edit(once, hooks())).toEqual({ after: once, changes: [] });
  });

  it('replaces its own hooks when they differ (a new whenCoreDown), never adds a second set', () => {
    const ask = claudeInstaller.edit(THEIRS, hooks('ask')).after;
    const deny = claudeInstaller.edit(ask, hooks('deny'));
    expect(deny.changes[0]).toContain('replaces the 7 Gatehouse hooks');
    expect(deny.after).toBe(claudeInstaller.edit(THEIRS, hooks('deny')).after);
  });

  it('creates the file when there is none, and remove() takes out exactly what it added', () => {
    const created = claudeInstaller.edit(null, hooks());
    expect(created.changes[0]).toContain('creates the file');
    expect(claudeInstaller.isInstalled(created.after)).toBe(true);
    expect(claudeInstaller.remove(created.after).after).toBe('{}\n');
    const edited = claudeInstaller.edit(THEIRS, hooks()).after;
    const removed = claudeInstaller.remove(edited);
    expect(JSON.parse(removed.after)).toEqual(JSON.parse(THEIRS));
    expect(claudeInstaller.isInstalled(removed.after)).toBe(false);
  });

  it('keeps the file’s indentation and its missing final newline', () => {
    const before = '{\n    "a": 1\n}';
    const { after } = claudeInstaller.edit(before, hooks());
    expect(after.startsWith('{\n    "a": 1,\n    "hooks"')).toBe(true);
    expect(after.endsWith('}')).toBe(true);
  });

  it('refuses a file it cannot read as settings, rather than rewrite it', () => {
    expect(() => claudeInstaller.edit('{ "a": 1, // a comment\n}', hooks())).toThrow(InstallError);
    expect(() => claudeInstaller.edit('[]', hooks())).toThrow(/JSON object/);
    expect(() => claudeInstaller.edit('{"hooks": []}', hooks())).toThrow(/"hooks"/);
  });

  it('finds the file under CLAUDE_CONFIG_DIR when set, else ~/.claude', () => {
    expect(claudeInstaller.file({ HOME: '/home/p' })).toBe('/home/p/.claude/settings.json');
    expect(claudeInstaller.file({ HOME: '/home/p', CLAUDE_CONFIG_DIR: '/cfg' })).toBe('/cfg/settings.json');
  });
});

describe('claudeCoreDownFallback', () => {
  it('asks where a person is there, and denies in a headless run', () => {
    const ask = claudeCoreDownFallback('ask');
    expect(ask).toContain('"permissionDecision":"ask"');
    expect(ask).toContain('"permissionDecision":"deny"');
    expect(ask).toContain('CLAUDE_CODE_SESSION_ATTENDED');
    expect(claudeCoreDownFallback('deny')).not.toContain('"ask"');
  });
});
