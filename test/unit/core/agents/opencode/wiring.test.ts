// Wiring OpenCode for one launch: the plug-in in the launch's folder, named in OPENCODE_CONFIG_CONTENT beside the
// person's own inline config; their argv and their files untouched.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OPENCODE_PLUGIN_MARK } from '../../../../../electron/core/agents/opencode/plugin-source.ts';
import { opencodeConfigContent, wireOpencode } from '../../../../../electron/core/agents/opencode/wiring.ts';
import { WiringError, type Launch } from '../../../../../electron/core/agents/plugin.ts';
import { tempDir } from '../../../../support/temp.ts';

function launch(env: NodeJS.ProcessEnv = {}): Launch {
  return {
    started: { holdTimeoutMs: 600_000 } as Launch['started'],
    command: ['opencode', 'run', 'hi'],
    tmpDir: tempDir('gh-oc-wire-'),
    transport: { kind: 'curl', curlPath: '/usr/bin/curl' },
    cwd: '/w',
    env,
    platform: 'linux',
    version: async () => '1.18.33',
  };
}

describe('wiring OpenCode', () => {
  it('writes the plug-in into the launch folder, names it inline, and keeps the argv', async () => {
    const l = launch();
    const wired = await wireOpencode(l);
    expect(wired.argv).toEqual(['opencode', 'run', 'hi']);
    const config = JSON.parse(wired.env.OPENCODE_CONFIG_CONTENT ?? '') as { plugin: string[] };
    expect(config.plugin).toHaveLength(1);
    const file = fileURLToPath(config.plugin[0] ?? '');
    expect(path.dirname(file)).toBe(l.tmpDir);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith(OPENCODE_PLUGIN_MARK)).toBe(true);
    expect(wired.hookFiles).toEqual([{ path: file, content: text }]);
    // The plug-in waits past the hold timeout (600 s + 30 s) before it gives up, and posts to OpenCode's endpoints.
    expect(text).toContain('--max-time 630');
    expect(text).toContain('/v1/gate/opencode/tool-before');
    expect(text).toContain('/v1/gate/opencode/tool-after');
    // OpenCode skips a plug-in that fails to load: not fail-closed.
    expect(wired.hooksFailClosed).toBe(false);
  });

  it("adds to the person's own inline config, their plug-ins first", () => {
    const content = opencodeConfigContent('/t/g.js', '{"model":"a/b","plugin":["their-plugin"]}');
    expect(JSON.parse(content)).toEqual({ model: 'a/b', plugin: ['their-plugin', 'file:///t/g.js'] });
    expect(JSON.parse(opencodeConfigContent('/t/g.js', undefined))).toEqual({ plugin: ['file:///t/g.js'] });
  });

  it('refuses an inline config it cannot read rather than drop it', () => {
    expect(() => opencodeConfigContent('/t/g.js', '{ // comment\n}')).toThrow(WiringError);
  });
});
