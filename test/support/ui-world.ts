// A world for the reviewer UI's end-to-end tests: `gatehouse daemon --ui` on a temp data directory, the mock model,
// the real Claude Code started by `gatehouse run`, and a Chromium page. Each test's cleanups run after it.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { claudeInvocation } from './agents.ts';
import { screenshotPath } from './browser.ts';
import { cli, cliEnv, startCli, startDaemon, type CliResult } from './cli.ts';
import { startMockAnthropic } from './mock-anthropic.ts';
import { tempDir } from './temp.ts';

export interface UiWorldOptions {
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
  /** The command the agent asks to run (it must create `marker`); by default a harmless `touch` and `echo`. */
  command?: (marker: string) => string;
  /** How long a held request waits for a decision (`--hold-timeout`); 60 s by default. */
  holdTimeout?: string;
  /** `gatehouse run`'s own options before `--` (`--no-sandbox`); none by default. */
  runOptions?: string[];
}

export async function uiWorld(browser: Browser, cleanups: Array<() => Promise<unknown>>, opts: UiWorldOptions = {}) {
  const root = tempDir('gh-ui-e2e-');
  const ghHome = path.join(root, 'gatehouse');
  const work = path.join(root, 'work');
  fs.mkdirSync(work);
  const marker = path.join(work, 'ran.txt');
  // Only ever run by the agent, after a person or a rule allowed it.
  const command = opts.command?.(marker) ?? `touch ${marker} && echo "ran-$((6*7))"`;
  const daemon = await startDaemon(ghHome, ['--ui', '--hold-timeout', opts.holdTimeout ?? '60s']);
  cleanups.push(() => daemon.stop());
  const url = /ui:\s+(\S+)/.exec(daemon.output())?.[1];
  if (!url) throw new Error(`the daemon printed no UI URL:\n${daemon.output()}`);
  const mock = await startMockAnthropic({ command });
  cleanups.push(() => mock.close());
  const context: BrowserContext = await browser.newContext({
    viewport: opts.viewport ?? { width: 1280, height: 860 },
    deviceScaleFactor: opts.deviceScaleFactor ?? 1,
  });
  cleanups.push(() => context.close());
  const page: Page = await context.newPage();
  let runs = 0;
  /** One run of Claude Code through `gatehouse run` (a fresh agent home each time: nothing carries over but rules). */
  const run = (): Promise<CliResult> => {
    runs += 1;
    const inv = claudeInvocation({
      mockUrl: mock.url,
      home: path.join(root, `agent-home-${runs}`),
      prompt: 'run the command',
    });
    return startCli(
      ['run', ...(opts.runOptions ?? []), '--', inv.command, ...inv.args],
      { ...inv.env, GATEHOUSE_HOME: ghHome },
      { cwd: work, input: null },
    ).done;
  };
  /** Opens the UI and waits until it is connected (the Inbox has loaded). */
  const open = async () => {
    await page.goto(url);
    await page.getByText('Nothing is waiting for you').or(page.locator('article[data-request-id]').first()).waitFor();
  };
  // The card's command text also carries the risk marks' screen-reader labels, so find it by the part only it has.
  const card = () => page.locator('article[data-request-id]', { hasText: marker });
  /** The CLI against this world's core (for checks the UI does not show). */
  const gatehouse = (args: string[]) => cli(args, cliEnv(ghHome));
  return { url, page, run, open, card, marker, command, mock, work, ghHome, gatehouse };
}

export const shoot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(name), fullPage: true });

export async function chooseTheme(page: Page, theme: 'Light' | 'Dark') {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  // The radio follows the core's answer (settings.changed), not the click itself.
  await page.getByRole('radio', { name: theme }).click();
  await page.locator(`html[data-theme="${theme.toLowerCase()}"]`).waitFor();
}

/** A terminal's rows as xterm.js's accessibility tree has them (the WebGL renderer draws pixels only). */
export function terminalRows(terminal: Locator): Promise<string[]> {
  return terminal.evaluate((el) =>
    [...el.querySelectorAll('.xterm-accessibility-tree > div')].map((row) => (row as HTMLElement).innerText.trimEnd()),
  );
}

/** Waits until some row of the terminal (its trailing blanks left out) matches `pattern`. */
export async function waitForRow(terminal: Locator, pattern: RegExp): Promise<void> {
  await terminal
    .page()
    .waitForFunction(
      ([el, source, flags]) =>
        [...(el as HTMLElement).querySelectorAll('.xterm-accessibility-tree > div')].some((row) =>
          new RegExp(source as string, flags as string).test((row as HTMLElement).innerText.trimEnd()),
        ),
      [await terminal.elementHandle(), pattern.source, pattern.flags] as const,
    );
}
