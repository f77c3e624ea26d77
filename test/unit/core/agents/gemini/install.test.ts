// `gatehouse install gemini`'s edit of the person's settings.json: Gatehouse's hooks added after theirs, every other
// byte kept (comments, key order, blank lines), nothing added twice.
import { describe, expect, it } from 'vitest';
import {
  edit,
  GEMINI_CORE_DOWN,
  geminiInstaller,
  geminiInstallFiles,
  isInstalled,
} from '../../../../../electron/core/agents/gemini/install.ts';
import { parseJsonc } from '../../../../../electron/core/agents/gemini/jsonc.ts';
import { GEMINI_PATHS } from '../../../../../electron/core/agents/gemini/protocol.ts';
import { installedHooks } from '../../../../../electron/core/agents/install/hook.ts';
import { InstallError } from '../../../../../electron/core/agents/plugin.ts';

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

const installed = (whenCoreDown: 'ask' | 'deny') =>
  installedHooks({
    transport: { kind: 'curl', curlPath: '/usr/bin/curl' },
    socket: '/run/gatehouse/gate.sock',
    clientMaxTimeS: 630,
    hookTimeoutS: 660,
    whenCoreDown,
  });

/** Files a person might have, with comments, odd indentation, their own hooks, no final newline. */
const PERSONS_FILES = [
  '{\n  // my model\n  "model": { "name": "gemini-2.5-pro" }, /* keep */\n  "ui": {"theme": "x"}\n}\n',
  '{\n    "hooks": {\n        "BeforeTool": [\n            {"matcher": "write_file", "hooks": [{"type": "command", "command": "mine.sh"}]} // mine\n        ]\n    }\n}',
  '{"hooks": {"SessionStart": [{"hooks": [{"type": "command", "command": "hi.sh"}]}]}, "a": 1}',
  '{\n\t"security": {"auth": {"selectedType": "gemini-api-key"}}\n}\n',
];

describe('gatehouse install gemini: the installer the install service uses', () => {
  it('names the user settings file, under GEMINI_CLI_HOME when set', () => {
    expect(geminiInstaller.file({ HOME: '/h' })).toBe('/h/.gemini/settings.json');
    expect(geminiInstaller.file({ HOME: '/h', GEMINI_CLI_HOME: '/g' })).toBe('/g/.gemini/settings.json');
    expect(() => geminiInstaller.file({})).toThrow(InstallError);
  });

  it('each event posts to its own endpoint; with Gatehouse down the hook denies with the reason (Gemini has no ask)', () => {
    const parsed = parseJsonc(geminiInstaller.edit(null, installed('ask')).after) as Parsed;
    const before = parsed.hooks.BeforeTool![0]!.hooks[0]!;
    expect(before.command).toContain(GEMINI_PATHS.beforeTool);
    expect(before.command).toContain('x-gatehouse-hook: installed');
    expect(before.command).toContain(JSON.stringify({ decision: 'deny', reason: GEMINI_CORE_DOWN }));
    expect(before.timeout).toBe(660_000);
    expect(parsed.hooks.AfterTool![0]!.hooks[0]!.command).toContain(GEMINI_PATHS.afterTool);
    expect(parsed.hooks.AfterAgent![0]!.hooks[0]!.command).toContain(GEMINI_PATHS.afterAgent);
    expect(geminiInstaller.edit(null, installed('ask')).changes.join('\n')).toContain('Gemini CLI has no way');
  });

  it('remove takes out exactly what the install added: every other byte of the person’s file comes back', () => {
    for (const before of PERSONS_FILES) {
      const { after } = geminiInstaller.edit(before, installed('ask'));
      expect(geminiInstaller.isInstalled(after), before).toBe(true);
      const removed = geminiInstaller.remove(after);
      expect(removed.after, before).toBe(before);
      expect(removed.changes).toHaveLength(1);
      expect(geminiInstaller.isInstalled(removed.after)).toBe(false);
    }
  });

  it('keeps what the person changed since the install, and their own hooks beside Gatehouse’s', () => {
    const installedText = geminiInstaller.edit(PERSONS_FILES[1]!, installed('ask')).after;
    const changed = installedText.replace('"hooks": {', '"general": {"vimMode": true}, // added later\n    "hooks": {');
    const { after } = geminiInstaller.remove(changed);
    expect(after).toContain('"general": {"vimMode": true}, // added later');
    expect(after).toContain('mine.sh');
    expect(after).toContain('// mine');
    expect(after).not.toContain('gatehouse');
  });

  it('installs again without a change, and replaces an older install when the hooks differ', () => {
    const once = geminiInstaller.edit(PERSONS_FILES[0]!, installed('ask')).after;
    expect(geminiInstaller.edit(once, installed('ask'))).toEqual({ after: once, changes: [] });
    const other = installedHooks({
      transport: { kind: 'curl', curlPath: '/opt/curl' },
      socket: '/run/gatehouse/gate.sock',
      clientMaxTimeS: 630,
      hookTimeoutS: 660,
      whenCoreDown: 'deny',
    });
    const again = geminiInstaller.edit(once, other);
    expect(again.changes[0]).toContain('replaces');
    expect(again.after).toContain('/opt/curl');
    expect(again.after).not.toContain("'/usr/bin/curl'");
  });

  it('never writes a file it cannot read as Gemini does: an InstallError', () => {
    for (const bad of ['{"a": ', '[1]', '{"hooks": []}'])
      expect(() => geminiInstaller.edit(bad, installed('ask')), bad).toThrow(InstallError);
    expect(() => geminiInstaller.remove('{"a": ')).toThrow(InstallError);
  });
});
