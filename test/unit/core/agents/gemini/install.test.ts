// `gatehouse install gemini`'s edit of the person's settings.json: Gatehouse's hooks added after theirs, every other
// byte kept (comments, key order, blank lines), nothing added twice.
import { describe, expect, it } from 'vitest';
import { edit, geminiInstallFiles, isInstalled } from '../../../../../electron/core/agents/gemini/install.ts';
import { parseJsonc } from '../../../../../electron/core/agents/gemini/jsonc.ts';

const hooks = { preTool: '/gatehouse/hook before', event: '/gatehouse/hook event', timeoutS: 660 };

type Parsed = {
  hooks: Record<string, Array<{ matcher?: string; hooks: Array<{ name: string; command: string; timeout: number }> }>>;
};

describe('gatehouse install gemini: the file', () => {
  it('is the user settings, under GEMINI_CLI_HOME when set', () => {
    expect(geminiInstallFiles({ HOME: '/home/u' })).toEqual(['/home/u/.gemini/settings.json']);
    expect(geminiInstallFiles({ HOME: '/home/u', GEMINI_CLI_HOME: '/alt' })).toEqual(['/alt/.gemini/settings.json']);
  });
});

describe('gatehouse install gemini: the edit', () => {
  it('creates the file when there is none', () => {
    const { after, changes } = edit(null, hooks);
    const parsed = JSON.parse(after) as Parsed;
    expect(parsed.hooks.BeforeTool![0]!.hooks[0]).toMatchObject({
      name: 'gatehouse',
      command: hooks.preTool,
      timeout: 660_000,
    });
    expect(parsed.hooks.AfterTool![0]!.hooks[0]!.command).toBe(hooks.event);
    expect(parsed.hooks.AfterAgent![0]!.hooks[0]!.command).toBe(hooks.event);
    expect(changes).toHaveLength(1);
    expect(isInstalled(after)).toBe(true);
  });

  it('adds "hooks" to a file without it, keeping its comments and keys byte for byte', () => {
    const before = '{\n  // my model\n  "model": { "name": "gemini-2.5-pro" }, /* keep */\n  "ui": {"theme": "x"}\n}\n';
    const { after } = edit(before, hooks);
    expect(
      after.startsWith('{\n  // my model\n  "model": { "name": "gemini-2.5-pro" }, /* keep */\n  "ui": {"theme": "x"}'),
    ).toBe(true);
    expect(after.endsWith('\n}\n')).toBe(true);
    const parsed = parseJsonc(after) as Parsed & { model: unknown };
    expect(parsed.model).toEqual({ name: 'gemini-2.5-pro' });
    expect(isInstalled(after)).toBe(true);
  });

  it('adds after the person’s own hooks, which stay first and unchanged', () => {
    const theirs = '{"matcher": "write_file", "hooks": [{"type": "command", "command": "mine.sh"}]}';
    const before = `{\n  "hooks": {\n    "BeforeTool": [\n      ${theirs}\n    ],\n    "SessionStart": []\n  }\n}\n`;
    const { after, changes } = edit(before, hooks);
    expect(after).toContain(theirs);
    const parsed = parseJsonc(after) as Parsed;
    expect(parsed.hooks.BeforeTool!.map((d) => d.hooks[0]!.command)).toEqual(['mine.sh', hooks.preTool]);
    expect(parsed.hooks.SessionStart).toEqual([]);
    expect(parsed.hooks.AfterTool![0]!.hooks[0]!.command).toBe(hooks.event);
    expect(changes).toEqual([
      "add Gatehouse's hook after the BeforeTool hooks already there",
      'add "hooks"."AfterTool" with Gatehouse\'s hook',
      'add "hooks"."AfterAgent" with Gatehouse\'s hook',
    ]);
  });

  it('fills an empty file, an empty object and an empty hooks list', () => {
    for (const before of ['', '{}', '{ }\n', '{"hooks": {}}', '{"hooks": {"BeforeTool": []}}']) {
      const { after } = edit(before, hooks);
      expect(isInstalled(after), before).toBe(true);
      expect((parseJsonc(after) as Parsed).hooks.BeforeTool, before).toHaveLength(1);
    }
  });

  it('changes nothing when already installed', () => {
    const once = edit('{"a": 1}', hooks).after;
    expect(edit(once, hooks)).toEqual({ after: once, changes: [] });
  });

  it('refuses to edit what it cannot read as Gemini does', () => {
    for (const before of ['[1]', '{"a": ', '"x"', '{"hooks": []}', '{"hooks": {"BeforeTool": {}}}'])
      expect(() => edit(before, hooks), before).toThrow();
  });

  it('isInstalled: only Gatehouse’s BeforeTool hook counts', () => {
    expect(isInstalled(null)).toBe(false);
    expect(isInstalled('{"hooks": {"AfterTool": [{"hooks": [{"name": "gatehouse"}]}]}}')).toBe(false);
    expect(isInstalled('// c\n{"hooks": {"BeforeTool": [{"hooks": [{"name": "gatehouse", "command": "x"}]}]}}')).toBe(
      true,
    );
    expect(isInstalled('not json')).toBe(false);
  });
});
