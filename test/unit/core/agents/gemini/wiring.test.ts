// Wiring Gemini CLI for one launch: the hooks it reads, and the home folder of the launch's own that links back to
// the person's `.gemini` without changing it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildGeminiHome,
  GEMINI_EXTENSION_NAME,
  geminiHooks,
  pruneGeminiHomes,
  wireGemini,
} from '../../../../../electron/core/agents/gemini/wiring.ts';
import { GEMINI_PATHS } from '../../../../../electron/core/agents/gemini/protocol.ts';
import { tempDir } from '../../../../support/temp.ts';

const transport = { kind: 'curl' as const, curlPath: '/usr/bin/curl' };

describe('Gemini CLI hooks', () => {
  const h = geminiHooks({ transport, holdTimeoutMs: 600_000 });

  it('BeforeTool holds the shell and file tools, exactly those, with a timeout past the hold timeout (in ms)', () => {
    const [def] = h.hooks.BeforeTool!;
    const re = new RegExp(def!.matcher!);
    expect(['run_shell_command', 'write_file', 'replace'].every((t) => re.test(t))).toBe(true);
    expect(['read_file', 'replace_all', 'xrun_shell_command'].some((t) => re.test(t))).toBe(false);
    expect(def!.hooks[0]).toMatchObject({ name: 'gatehouse', type: 'command', timeout: 660_000 });
    expect(def!.hooks[0]!.command).toContain(GEMINI_PATHS.beforeTool);
    // Exit 2 on any failure it can see: Gemini runs the command for any other failure.
    expect(def!.hooks[0]!.command).toContain('exit 2');
  });

  it('AfterTool and AfterAgent only tell Gatehouse', () => {
    expect(h.hooks.AfterTool![0]!.hooks[0]!.command).toContain(GEMINI_PATHS.afterTool);
    expect(h.hooks.AfterAgent![0]!.hooks[0]!.command).toContain(GEMINI_PATHS.afterAgent);
    expect(h.hooks.AfterAgent![0]!.hooks[0]!.command).toContain('exit 0');
  });

  it('leave no ${…} that Gemini would fill in from the extension’s variables', () => {
    // Gemini replaces `${name}` in an extension's hooks when it knows the name; the shell's own `${r:-…}` it does not.
    const text = JSON.stringify(h);
    for (const m of text.matchAll(/\$\{([^}]*)\}/g))
      expect(['extensionPath', 'workspacePath', '/', 'pathSeparator']).not.toContain(m[1]);
  });
});

describe('the launch’s home folder', () => {
  function person() {
    const root = tempDir('gh-gemini-wire-');
    const home = path.join(root, 'home');
    const real = path.join(home, '.gemini');
    fs.mkdirSync(path.join(real, 'extensions', 'theirs'), { recursive: true });
    fs.writeFileSync(path.join(real, 'settings.json'), '{"model": {"name": "x"}}');
    fs.writeFileSync(path.join(real, 'oauth_creds.json'), '{}');
    fs.writeFileSync(path.join(home, '.env'), 'A=1');
    const before = JSON.stringify(fs.readdirSync(home, { recursive: true }));
    return { root, home, real, before };
  }

  it('links every entry of the person’s .gemini back, adds Gatehouse’s extension, and changes nothing of theirs', async () => {
    const p = person();
    const tmpDir = path.join(p.root, 'gatehouse-run-abc');
    fs.mkdirSync(tmpDir);
    const wired = await wireGemini({
      started: { holdTimeoutMs: 600_000 } as never,
      command: ['gemini', '-p', 'hi'],
      tmpDir,
      transport,
      cwd: p.root,
      env: { HOME: p.home },
      platform: 'linux',
      version: async () => '0.61.0',
    });
    const shadow = `${tmpDir}-gemini-home`;
    expect(wired.argv).toEqual(['gemini', '-p', 'hi']);
    expect(wired.env).toEqual({ GEMINI_CLI_HOME: shadow });
    expect(wired.hooksFailClosed).toBe(false);
    const dot = path.join(shadow, '.gemini');
    expect(fs.readlinkSync(path.join(dot, 'settings.json'))).toBe(path.join(p.real, 'settings.json'));
    expect(fs.readlinkSync(path.join(dot, 'oauth_creds.json'))).toBe(path.join(p.real, 'oauth_creds.json'));
    expect(fs.readlinkSync(path.join(shadow, '.env'))).toBe(path.join(p.home, '.env'));
    // The extensions folder is in the launch's folder (read-only in the sandbox): theirs linked, ours written.
    expect(fs.readlinkSync(path.join(dot, 'extensions'))).toBe(path.join(tmpDir, 'gemini-extensions'));
    expect(fs.readlinkSync(path.join(dot, 'extensions', 'theirs'))).toBe(path.join(p.real, 'extensions', 'theirs'));
    expect(wired.hookFiles.map((f) => path.relative(dot, f.path))).toEqual([
      `extensions/${GEMINI_EXTENSION_NAME}/gemini-extension.json`,
      `extensions/${GEMINI_EXTENSION_NAME}/hooks/hooks.json`,
    ]);
    for (const f of wired.hookFiles) expect(fs.readFileSync(f.path, 'utf8')).toBe(f.content);
    expect(JSON.stringify(fs.readdirSync(p.home, { recursive: true }))).toBe(p.before);
  });

  it('works for a person who never ran Gemini CLI (no .gemini yet)', () => {
    const root = tempDir('gh-gemini-wire-');
    const files = buildGeminiHome({
      shadow: path.join(root, 'shadow'),
      extensionsDir: path.join(root, 'ext'),
      realGeminiDir: path.join(root, 'none', '.gemini'),
      realHome: path.join(root, 'none'),
      hooks: geminiHooks({ transport, holdTimeoutMs: 1000 }),
    });
    expect(files).toHaveLength(2);
    expect(fs.existsSync(path.join(root, 'none'))).toBe(false);
  });

  it('removes the home folders of launches that ended, and only those', () => {
    const root = tempDir('gh-gemini-prune-');
    fs.mkdirSync(path.join(root, 'gatehouse-run-live'));
    fs.mkdirSync(path.join(root, 'gatehouse-run-live-gemini-home'));
    fs.mkdirSync(path.join(root, 'gatehouse-pty-gone-gemini-home'));
    fs.symlinkSync(path.join(root, 'gatehouse-run-live'), path.join(root, 'gatehouse-pty-gone-gemini-home', 'link'));
    fs.mkdirSync(path.join(root, 'something-gemini-home'));
    pruneGeminiHomes(root);
    expect(fs.readdirSync(root).sort()).toEqual([
      'gatehouse-run-live',
      'gatehouse-run-live-gemini-home',
      'something-gemini-home',
    ]);
  });
});
