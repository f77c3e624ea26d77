// Gatehouse's OpenCode plug-in, loaded as OpenCode loads it (an ES module whose one export is the plug-in) and run
// with stand-in hook commands: it lets a tool call go on only when the gate answered "allow", and throws (OpenCode's
// "do not run") for a deny, a hook that fails, an empty answer and garbage.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  OPENCODE_PLUGIN_MARK,
  opencodePluginSource,
} from '../../../../../electron/core/agents/opencode/plugin-source.ts';
import { tempDir } from '../../../../support/temp.ts';

type Hooks = Record<string, (input: unknown, output: unknown) => Promise<void>>;

/** The plug-in with `before` as its hook command, loaded; its hooks as OpenCode would get them. */
async function load(before: string, after: string | null = null): Promise<{ hooks: Hooks; exports: string[] }> {
  const file = path.join(tempDir('gh-oc-plugin-'), 'gatehouse.js');
  fs.writeFileSync(file, opencodePluginSource({ before, after }));
  const mod = (await import(pathToFileURL(file).href)) as Record<string, (ctx: unknown) => Promise<Hooks>>;
  const [plugin] = Object.values(mod);
  return { hooks: await (plugin as (ctx: unknown) => Promise<Hooks>)({ directory: '/w' }), exports: Object.keys(mod) };
}

const toolCall = (hooks: Hooks) =>
  hooks['tool.execute.before']?.({ tool: 'bash', sessionID: 's', callID: 'c1' }, { args: { command: 'ls' } });

describe('the OpenCode plug-in', () => {
  it('starts with its mark and exports one plug-in (OpenCode takes every export for one)', async () => {
    expect(opencodePluginSource({ before: 'x', after: null }).startsWith(OPENCODE_PLUGIN_MARK)).toBe(true);
    expect((await load('true')).exports).toEqual(['GatehouseGuard']);
  });

  it('posts the tool, its ids, its args and the directory on the hook command’s stdin', async () => {
    const dir = tempDir('gh-oc-stdin-');
    const saved = path.join(dir, 'payload.json');
    const { hooks } = await load(`cat > '${saved}'; printf '{"decision":"allow","reason":"ok"}'`);
    await expect(toolCall(hooks)).resolves.toBeUndefined();
    expect(JSON.parse(fs.readFileSync(saved, 'utf8'))).toEqual({
      tool: 'bash',
      sessionID: 's',
      callID: 'c1',
      args: { command: 'ls' },
      directory: '/w',
    });
  });

  it('throws the gate’s reason for a deny', async () => {
    const { hooks } = await load(
      `cat >/dev/null; printf '{"decision":"deny","reason":"The user denied this command in Gatehouse: no"}'`,
    );
    await expect(toolCall(hooks)).rejects.toThrow('The user denied this command in Gatehouse: no');
  });

  it('throws what the hook said when it exits non-zero (the gate unreachable)', async () => {
    const { hooks } = await load(
      `cat >/dev/null; printf 'Gatehouse blocked this command: the gate did not answer\\n' >&2; exit 2`,
    );
    await expect(toolCall(hooks)).rejects.toThrow('Gatehouse blocked this command: the gate did not answer');
  });

  it('throws for an empty answer, garbage, or an answer without "allow"', async () => {
    for (const out of ['', 'not json', '{"decision":"ask"}', 'null']) {
      const { hooks } = await load(`cat >/dev/null; printf '%s' '${out}'`);
      await expect(toolCall(hooks)).rejects.toThrow(/Gatehouse blocked this tool call/);
    }
  });

  it('never fails a tool over the report of what ran', async () => {
    const { hooks } = await load('true', 'exit 7');
    await expect(
      hooks['tool.execute.after']?.({ tool: 'bash', callID: 'c1', args: {} }, { output: '', metadata: {} }),
    ).resolves.toBeUndefined();
  });
});
