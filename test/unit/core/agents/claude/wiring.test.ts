// Wiring Claude Code: the settings layer Gatehouse passes with --settings, the versions that honour onFailure, and
// the user's own --settings merged in beside ours.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAUDE_PATHS } from '../../../../../electron/core/agents/claude/protocol.ts';
import {
  claudeArgs,
  claudeLayerFailsClosed,
  claudeReportsOutcomes,
  claudeSettings,
  claudeSupportsOnFailure,
  mergeClaudeSettings,
  splitUserSettings,
} from '../../../../../electron/core/agents/claude/wiring.ts';
import { tempDir } from '../../../../support/temp.ts';

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
    expect(pre?.hooks[0]?.command).toContain(CLAUDE_PATHS.preToolUse);
    expect(pre?.hooks[0]?.command).toContain('exit 2');
    expect(s.hooks.Notification?.[0]?.hooks[0]?.command).toContain(CLAUDE_PATHS.event);
    expect(s.hooks.Stop?.[0]?.hooks[0]?.command).toContain(CLAUDE_PATHS.event);
  });

  it('adds PowerShell on Windows and leaves onFailure out where it is not supported', () => {
    const s = claudeSettings({
      transport: { kind: 'node', nodePath: 'node', clientPath: 'c.mjs' },
      holdTimeoutMs: 1000,
      platform: 'win32',
      onFailureBlock: false,
    });
    expect(s.hooks.PreToolUse?.map((m) => m.matcher)).toEqual([
      'Bash',
      'PowerShell',
      'Write',
      'Edit',
      'MultiEdit',
      'NotebookEdit',
    ]);
    expect(s.hooks.PreToolUse?.[0]?.hooks[0]).not.toHaveProperty('onFailure');
  });

  it('reports what ran: PostToolUse and PostToolUseFailure for the gated tools, observers that never block', () => {
    const s = claudeSettings({ transport: curl, holdTimeoutMs: 600_000, platform: 'linux', onFailureBlock: true });
    for (const event of ['PostToolUse', 'PostToolUseFailure'] as const) {
      const hooks = s.hooks[event] ?? [];
      expect(hooks.map((m) => m.matcher)).toEqual(['Bash', 'Write', 'Edit', 'MultiEdit', 'NotebookEdit']);
      expect(hooks[0]?.hooks[0]).toMatchObject({ type: 'command', timeout: 10 });
      expect(hooks[0]?.hooks[0]).not.toHaveProperty('onFailure');
      expect(hooks[0]?.hooks[0]?.command).toContain(CLAUDE_PATHS.postToolUse);
      expect(hooks[0]?.hooks[0]?.command).toContain('exit 0');
    }
    // Its commands are awaited until reported: the PreToolUse route says so.
    expect(s.hooks.PreToolUse?.[0]?.hooks[0]?.command).toContain(`${CLAUDE_PATHS.preToolUse} `);
  });

  it('wires no post-tool hooks into a Claude Code not known to have them, and tells the gate not to await a report', () => {
    const s = claudeSettings({ transport: curl, holdTimeoutMs: 600_000, platform: 'linux', onFailureBlock: false });
    expect(s.hooks).not.toHaveProperty('PostToolUse');
    expect(s.hooks).not.toHaveProperty('PostToolUseFailure');
    expect(s.hooks).not.toHaveProperty('PermissionRequest');
    expect(s.hooks.PreToolUse?.[0]?.hooks[0]?.command).toContain(CLAUDE_PATHS.preToolUseUnreported);
  });

  it("answers Claude's PermissionRequest for the shell tool with a hook that blocks when it fails (same versions)", () => {
    const s = claudeSettings({ transport: curl, holdTimeoutMs: 600_000, platform: 'linux', onFailureBlock: true });
    const [group, ...rest] = s.hooks.PermissionRequest ?? [];
    expect(rest).toEqual([]);
    expect(group?.matcher).toBe('Bash');
    expect(group?.hooks[0]).toMatchObject({ type: 'command', timeout: 60, onFailure: 'block' });
    expect(group?.hooks[0]?.command).toContain(CLAUDE_PATHS.permissionRequest);
    expect(group?.hooks[0]?.command).toContain('exit 2');
  });

  it.each([
    ['2.1.330 (Claude Code)', true],
    ['2.1.329 (Claude Code)', false],
    [null, false],
  ])('post-tool hooks for %j: %s', (version, reports) => expect(claudeReportsOutcomes(version)).toBe(reports));

  it('passes the settings layer with --settings', () => {
    expect(claudeArgs('/tmp/x/settings.json')).toEqual(['--settings', '/tmp/x/settings.json']);
  });
});

describe("ConfigChange: the hook in Gatehouse's settings layer", () => {
  it('posts to the gate, blocks when the gate cannot answer, and has no matcher (every settings source)', () => {
    const [entry] =
      claudeSettings({ transport: curl, holdTimeoutMs: 600_000, platform: 'linux', onFailureBlock: true }).hooks
        .ConfigChange ?? [];
    expect(entry).not.toHaveProperty('matcher');
    expect(entry?.hooks[0]).toMatchObject({ type: 'command', timeout: 60, onFailure: 'block' });
    expect(entry?.hooks[0]?.command).toContain(CLAUDE_PATHS.configChange);
    expect(entry?.hooks[0]?.command).toContain('exit 2');
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

  it("takes the user's own --settings out of their arguments", () => {
    expect(splitUserSettings(['-p', 'hi', '--settings', 'mine.json', '--settings={"a":1}', '--model', 'x'])).toEqual({
      settings: ['mine.json', '{"a":1}'],
      rest: ['-p', 'hi', '--model', 'x'],
    });
  });

  it("keeps the user's settings and hooks and adds ours beside them", () => {
    const ours = claudeSettings({ transport: curl, holdTimeoutMs: 1000, platform: 'linux', onFailureBlock: false });
    const user = {
      model: 'opus',
      hooks: { PreToolUse: [{ matcher: 'Edit', hooks: [] }], SessionStart: [{ hooks: [] }] },
    };
    const merged = mergeClaudeSettings(user, ours);
    expect(merged.model).toBe('opus');
    expect(merged.hooks?.PreToolUse).toEqual([{ matcher: 'Edit', hooks: [] }, ...(ours.hooks.PreToolUse ?? [])]);
    expect(merged.hooks?.SessionStart).toEqual([{ hooks: [] }]);
    expect(merged.hooks?.Stop).toEqual(ours.hooks.Stop);
  });
});

describe('claudeLayerFailsClosed', () => {
  function layer(hooks: unknown): string {
    const dir = tempDir('gh-layer-');
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ hooks: { PreToolUse: hooks } }, null, 2));
    return dir;
  }

  it("reads Gatehouse's onFailure from the settings layer written for the launch", () => {
    expect(
      claudeLayerFailsClosed(
        layer([
          {
            matcher: 'Bash',
            hooks: [
              { type: 'command', command: 'theirs' },
              { type: 'command', command: 'ours', onFailure: 'block' },
            ],
          },
        ]),
      ),
    ).toBe(true);
    expect(claudeLayerFailsClosed(layer([{ matcher: 'Bash', hooks: [{ type: 'command', command: 'ours' }] }]))).toBe(
      false,
    );
    expect(claudeLayerFailsClosed(tempDir('gh-empty-'))).toBe(false);
  });
});
