// The install service on a temporary HOME: the change is shown before it is made, the original is kept with a
// manifest, uninstall gives the file back byte for byte (or removes a file that was not there), and a file the person
// changed since keeps their changes: only Gatehouse's entries come out.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ampAgent } from '../../../../../electron/core/agents/amp/index.ts';
import { claudeAgent } from '../../../../../electron/core/agents/claude/index.ts';
import { opencodeAgent } from '../../../../../electron/core/agents/opencode/index.ts';
import { installedHooks } from '../../../../../electron/core/agents/install/hook.ts';
import { InstallService, sha256 } from '../../../../../electron/core/agents/install/service.ts';
import { tempDir } from '../../../../support/temp.ts';

function world(whenCoreDown: 'ask' | 'deny' = 'ask') {
  const root = tempDir('gh-install-');
  const home = path.join(root, 'home');
  fs.mkdirSync(path.join(home, '.claude'), { recursive: true });
  const audit: Array<{ kind: string; subject: string; data: unknown }> = [];
  const settings = { whenCoreDown };
  const service = new InstallService({
    dir: path.join(root, 'gatehouse', 'installs'),
    agents: [claudeAgent, opencodeAgent, ampAgent],
    hooks: () =>
      installedHooks({
        transport: { kind: 'curl', curlPath: '/usr/bin/curl' },
        socket: '/tmp/gh/gate.sock',
        clientMaxTimeS: 630,
        hookTimeoutS: 660,
        whenCoreDown: settings.whenCoreDown,
      }),
    audit: (kind, subject, data) => audit.push({ kind, subject, data }),
    now: () => Date.UTC(2026, 0, 2),
  });
  const env = { HOME: home };
  const file = path.join(home, '.claude', 'settings.json');
  const install = async (agent = 'claude') => service.install(agent, env, service.plan(agent, env).beforeSha256);
  return { service, env, home, file, audit, settings, install, backups: path.join(root, 'gatehouse', 'installs') };
}

const ORIGINAL = '{\n\t"model": "opus",\n\t"permissions": {"allow": ["Bash(ls:*)"]}\n}';

describe('InstallService', () => {
  it('shows the file, the changes and the backup before writing anything', () => {
    const w = world();
    fs.writeFileSync(w.file, ORIGINAL);
    const plan = w.service.plan('claude', w.env);
    expect(plan).toMatchObject({
      agent: 'claude',
      file: w.file,
      alreadyInstalled: false,
      beforeSha256: sha256(ORIGINAL),
    });
    expect(plan.backup).toBe(path.join(w.backups, 'claude.original'));
    expect(plan.changes.length).toBeGreaterThan(2);
    expect(fs.readFileSync(w.file, 'utf8')).toBe(ORIGINAL);
  });

  it('installs, keeps the original with a manifest, audits, and uninstalls byte for byte', async () => {
    const w = world();
    fs.writeFileSync(w.file, ORIGINAL, { mode: 0o640 });
    await w.install();
    const written = fs.readFileSync(w.file, 'utf8');
    expect(claudeAgent.installer?.isInstalled(written)).toBe(true);
    expect(fs.statSync(w.file).mode & 0o777).toBe(0o640);
    expect(fs.readFileSync(path.join(w.backups, 'claude.original'), 'utf8')).toBe(ORIGINAL);
    const manifest = JSON.parse(fs.readFileSync(path.join(w.backups, 'claude.json'), 'utf8')) as object;
    expect(manifest).toMatchObject({
      file: w.file,
      originalSha256: sha256(ORIGINAL),
      writtenSha256: sha256(written),
      installedAt: '2026-01-02T00:00:00.000Z',
    });
    expect(w.audit[0]).toMatchObject({ kind: 'agent.installed', subject: 'claude' });
    expect(w.service.status(w.env)[0]).toMatchObject({ installed: true, matchesWritten: true, whenCoreDown: 'ask' });

    const undone = w.service.uninstall('claude', w.env);
    expect(undone.outcome).toBe('restored');
    expect(fs.readFileSync(w.file, 'utf8')).toBe(ORIGINAL);
    expect(fs.existsSync(path.join(w.backups, 'claude.json'))).toBe(false);
    expect(w.audit[1]).toMatchObject({ kind: 'agent.uninstalled', subject: 'claude' });
    expect(w.service.status(w.env)[0]).toMatchObject({ installed: false, matchesWritten: null });
  });

  it('installing twice is a no-op that says so', async () => {
    const w = world();
    fs.writeFileSync(w.file, ORIGINAL);
    await w.install();
    const once = fs.readFileSync(w.file, 'utf8');
    expect(w.service.plan('claude', w.env)).toMatchObject({ alreadyInstalled: true, changes: [] });
    expect(await w.install()).toMatchObject({ alreadyInstalled: true });
    expect(fs.readFileSync(w.file, 'utf8')).toBe(once);
    expect(w.audit).toHaveLength(1);
  });

  it('a reinstall with other settings keeps the first backup, so uninstall still restores the original', async () => {
    const w = world();
    fs.writeFileSync(w.file, ORIGINAL);
    await w.install();
    w.settings.whenCoreDown = 'deny';
    expect((await w.install()).alreadyInstalled).toBe(false);
    expect(w.service.uninstall('claude', w.env).outcome).toBe('restored');
    expect(fs.readFileSync(w.file, 'utf8')).toBe(ORIGINAL);
  });

  it('removes the file again when there was none', async () => {
    const w = world();
    await w.install();
    expect(fs.existsSync(w.file)).toBe(true);
    expect(w.service.uninstall('claude', w.env)).toMatchObject({ outcome: 'removed-file' });
    expect(fs.existsSync(w.file)).toBe(false);
  });

  it('keeps the person’s edits made since the install, taking out only Gatehouse’s hooks', async () => {
    const w = world();
    fs.writeFileSync(w.file, ORIGINAL);
    await w.install();
    const edited = JSON.parse(fs.readFileSync(w.file, 'utf8')) as Record<string, unknown>;
    edited.theme = 'dark';
    fs.writeFileSync(w.file, JSON.stringify(edited, null, '\t'));
    const undone = w.service.uninstall('claude', w.env);
    expect(undone.outcome).toBe('entries-removed');
    expect(undone.message).toContain('your changes stay');
    expect(undone.message).toContain('claude.original');
    const now = JSON.parse(fs.readFileSync(w.file, 'utf8')) as Record<string, unknown>;
    expect(now).toEqual({ ...(JSON.parse(ORIGINAL) as object), theme: 'dark' });
    expect(claudeAgent.installer?.isInstalled(fs.readFileSync(w.file, 'utf8'))).toBe(false);
  });

  it('writes nothing the person has not seen: a file changed after the plan is refused', async () => {
    const w = world();
    fs.writeFileSync(w.file, ORIGINAL);
    const plan = w.service.plan('claude', w.env);
    fs.writeFileSync(w.file, '{"model": "sonnet"}');
    await expect(w.service.install('claude', w.env, plan.beforeSha256)).rejects.toThrow(/changed since/);
    expect(fs.readFileSync(w.file, 'utf8')).toBe('{"model": "sonnet"}');
  });

  it('refuses a file it cannot edit, and an agent it cannot install into', async () => {
    const w = world();
    fs.writeFileSync(w.file, '{ not json');
    expect(() => w.service.plan('claude', w.env)).toThrow(/not valid JSON/);
    expect(() => w.service.plan('shell', w.env)).toThrow(/cannot install into shell/);
  });

  it('writes through a symlinked settings file, keeping the link', async () => {
    const w = world();
    const target = path.join(path.dirname(w.file), 'dotfiles-settings.json');
    fs.writeFileSync(target, ORIGINAL);
    fs.symlinkSync(target, w.file);
    await w.install();
    expect(fs.lstatSync(w.file).isSymbolicLink()).toBe(true);
    expect(w.service.uninstall('claude', w.env).outcome).toBe('restored');
    expect(fs.lstatSync(w.file).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe(ORIGINAL);
  });
});

describe('InstallService: a file of its own, and a companion beside a file of the person', () => {
  const tree = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).sort() : null);

  it('OpenCode: one plug-in file in folders the install made; uninstall leaves the folder as it was', async () => {
    const w = world();
    const before = tree(path.join(w.home, '.config'));
    await w.install('opencode');
    const plugin = path.join(w.home, '.config', 'opencode', 'plugins', 'gatehouse.js');
    expect(opencodeAgent.installer?.isInstalled(fs.readFileSync(plugin, 'utf8'))).toBe(true);
    expect(w.service.uninstall('opencode', w.env).outcome).toBe('removed-file');
    expect(tree(path.join(w.home, '.config'))).toEqual(before);
  });

  it('OpenCode: a plug-in the person edited since is still taken out whole; a folder of theirs stays', async () => {
    const w = world();
    const plugins = path.join(w.home, '.config', 'opencode', 'plugins');
    fs.mkdirSync(plugins, { recursive: true });
    fs.writeFileSync(path.join(plugins, 'mine.js'), 'export const Mine = async () => ({});\n');
    await w.install('opencode');
    fs.appendFileSync(path.join(plugins, 'gatehouse.js'), '// an edit\n');
    expect(w.service.uninstall('opencode', w.env).outcome).toBe('removed-file');
    expect(fs.readdirSync(plugins)).toEqual(['mine.js']);
  });

  it("OpenCode: a file of that name that is not Gatehouse's is never replaced", async () => {
    const w = world();
    const plugins = path.join(w.home, '.config', 'opencode', 'plugins');
    fs.mkdirSync(plugins, { recursive: true });
    fs.writeFileSync(path.join(plugins, 'gatehouse.js'), 'export const Mine = 1;\n');
    expect(() => w.service.plan('opencode', w.env)).toThrow(/not Gatehouse's/);
  });

  it('Amp: the settings edit and the delegate beside it; uninstall restores the file byte for byte and removes the delegate', async () => {
    const w = world('deny');
    const dir = path.join(w.home, '.config', 'amp');
    fs.mkdirSync(dir, { recursive: true });
    const settings = path.join(dir, 'settings.json');
    const original = '{\n  // mine\n  "amp.notifications.enabled": false\n}\n';
    fs.writeFileSync(settings, original);
    const plan = w.service.plan('amp', w.env);
    expect(plan.file).toBe(settings);
    expect(plan.changes.at(-1)).toMatch(/^writes Gatehouse's own .*gatehouse-amp-delegate/);
    await w.install('amp');
    const delegate = path.join(dir, 'gatehouse-amp-delegate');
    expect(fs.statSync(delegate).mode & 0o777).toBe(0o755);
    expect(fs.readFileSync(delegate, 'utf8')).toContain('deny: Gatehouse is not running');
    expect(fs.readFileSync(settings, 'utf8')).toContain(delegate);
    // Installed again with nothing new: nothing to do.
    expect((await w.install('amp')).alreadyInstalled).toBe(true);
    // The fallback changed: the delegate is rewritten, the settings file stays.
    w.settings.whenCoreDown = 'ask';
    expect(w.service.plan('amp', w.env).changes).toEqual([
      expect.stringMatching(/^updates Gatehouse's own .*gatehouse-amp-delegate/),
    ]);
    await w.install('amp');
    expect(fs.readFileSync(delegate, 'utf8')).toContain('core-down: ask');
    expect(w.service.uninstall('amp', w.env).outcome).toBe('restored');
    expect(fs.readFileSync(settings, 'utf8')).toBe(original);
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
  });

  it("Amp: a delegate of that name that is not Gatehouse's is never replaced, nor removed", async () => {
    const w = world();
    const dir = path.join(w.home, '.config', 'amp');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'gatehouse-amp-delegate'), '#!/bin/sh\nexit 0\n');
    expect(() => w.service.plan('amp', w.env)).toThrow(/not Gatehouse's/);
    expect(w.service.uninstall('amp', w.env).outcome).toBe('not-installed');
    expect(fs.readFileSync(path.join(dir, 'gatehouse-amp-delegate'), 'utf8')).toBe('#!/bin/sh\nexit 0\n');
  });
});
