// The hosted Claude's resume hint, end to end with the real Claude Code (interactive, in a terminal the core hosts,
// against the mock model): on /exit Claude Code prints "Resume this session with:" and a command. Without Gatehouse's
// fix that command named the `--settings` file Gatehouse wrote for the session, removed once it ended. Now it names
// only the person's own flags, and Gatehouse's line below it says how to resume the same conversation under Gatehouse.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { claudeInvocation } from '../support/agents.ts';
import { startMockAnthropic } from '../support/mock-anthropic.ts';
import { terminalWorld, type TerminalWorld } from '../support/terminal.ts';

let world: TerminalWorld | null = null;
const closers: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await world?.stop();
  world = null;
  for (const c of closers.splice(0)) await c();
});

const ESC = String.fromCharCode(0x1b);
const BEL = String.fromCharCode(0x07);
/** CSI (colours, cursor moves), OSC (titles), and the save/restore and charset escapes Claude Code draws with. */
const ESCAPES = new RegExp(`${ESC}\\[[0-9;?<>=]*[ -/]*[@-~]|${ESC}\\][^${BEL}]*${BEL}|${ESC}[78()][B0]?`, 'g');

async function until(what: string, check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Claude Code's first-run questions answered beforehand (onboarding, the API key, trusting the folder). */
function skipFirstRun(configDir: string, work: string): void {
  fs.writeFileSync(
    path.join(configDir, '.claude.json'),
    JSON.stringify({
      hasCompletedOnboarding: true,
      theme: 'dark',
      customApiKeyResponses: { approved: ['gatehouse-test-key'], rejected: [] },
      projects: { [work]: { hasTrustDialogAccepted: true, hasCompletedProjectOnboarding: true } },
    }),
  );
}

describe('the hosted Claude Code’s resume hint', () => {
  it('names no removed settings file, and Gatehouse says how to resume under Gatehouse', async () => {
    const mock = await startMockAnthropic({ command: 'echo resumed-hint-check' });
    closers.push(() => mock.close());
    let configDir = '';
    world = await terminalWorld({
      env: (home) => {
        const inv = claudeInvocation({ mockUrl: mock.url, home, prompt: 'unused' });
        configDir = inv.env.CLAUDE_CONFIG_DIR as string;
        // Colours on, as in a person's terminal: the hint is drawn dimmed.
        const env: Record<string, string> = { ...inv.env };
        delete env.NO_COLOR;
        return env;
      },
    });
    skipFirstRun(configDir, world.work);
    const claude = await world.start({ agent: 'claude', size: { cols: 160, rows: 40 } });
    // Claude Code draws its UI with cursor moves, not spaces: its words are matched with the escapes and spaces gone.
    const words = () => claude.output().replace(ESCAPES, '').replace(/\s+/g, '');
    await until('Claude Code’s prompt', () => words().includes('foragents'));
    await claude.type('run the check\r');
    await until('the answer after the tool ran', () => words().includes('themockmodelsawthetoolresult'));
    await claude.type('/exit\r');
    expect(await claude.exit).toBe(0);

    const shown = claude.output().replace(ESCAPES, '');
    const hint = /Resume this session with:\r?\n(claude[^\r\n]*)/.exec(shown)?.[1] ?? '';
    const id = /--resume ([0-9a-f-]{36})/.exec(hint)?.[1];
    expect(id, shown.slice(-600)).toBeDefined();
    expect(hint).toBe(`claude --resume ${id}`);
    expect(shown).not.toContain('--settings');
    expect(shown).toContain(`run \`gatehouse run -- claude --resume ${id}\``);
  });
});
