// The status line and trust mode in real Chromium against `gatehouse daemon --ui`: the line says the core is healthy,
// how many sessions run and how many rules decide; auto-allow and trust mode are switches; trust mode starts only
// after its question is answered, then a banner counts down, and the core agrees (`gatehouse trust status`). The first
// start's offers turn auto-allow on and import the agents' allow rules through the real core.
// Screenshots at 1440×900 and 1024×700, light and dark, go to test/e2e/screenshots/.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { cli, cliEnv, startDaemon } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';
import { chooseTheme, shoot } from '../support/ui-world.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function open(viewport: { width: number; height: number }, userHome = tempDir('gh-ui-user-')) {
  const home = path.join(tempDir('gh-ui-status-'), 'gatehouse');
  // The agents' settings `rules import` reads are this test's, never the machine's.
  const daemon = await startDaemon(home, ['--ui'], { HOME: userHome });
  cleanups.push(() => daemon.stop());
  const url = /ui:\s+(\S+)/.exec(daemon.output())?.[1] ?? '';
  const context = await browser.newContext({ viewport });
  cleanups.push(() => context.close());
  const page: Page = await context.newPage();
  await page.goto(url);
  await page.getByText('Nothing is waiting for you').waitFor();
  return { home, page };
}

describe('the status line and trust mode', () => {
  it('trust mode starts only once confirmed, shows its countdown, and the core agrees', async () => {
    const { home, page } = await open({ width: 1440, height: 900 });
    const status = page.getByRole('region', { name: 'Gatehouse status' });
    await status.getByText('Core healthy').waitFor();
    await status.getByRole('link', { name: 'No agent sessions running' }).waitFor();
    await status.getByRole('link', { name: 'No rules' }).waitFor();
    const trust = status.getByRole('switch', { name: 'Trust mode' });
    expect(await trust.getAttribute('aria-checked')).toBe('false');
    await shoot(page, 'status-line-light-1440');

    await trust.click();
    const dialog = page.getByRole('alertdialog', { name: 'Turn on trust mode for 15 minutes?' });
    await dialog.waitFor();
    await shoot(page, 'trust-confirm-light-1440');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await cli(['trust', 'status'], cliEnv(home))).stdout).toContain('Trust mode is off');

    await trust.click();
    await dialog.getByRole('button', { name: /^Trust until / }).click();
    const banner = page.getByRole('region', { name: 'Trust mode is on' });
    await banner.getByRole('timer').waitFor();
    expect(await trust.getAttribute('aria-checked')).toBe('true');
    expect((await cli(['trust', 'status'], cliEnv(home))).stdout).toMatch(/^Trust mode is on for 1[45]/);
    await shoot(page, 'trust-on-light-1440');
    await chooseTheme(page, 'Dark');
    await shoot(page, 'trust-on-dark-1440');

    await banner.getByRole('button', { name: 'Turn off now' }).click();
    await banner.waitFor({ state: 'detached' });
    expect((await cli(['trust', 'status'], cliEnv(home))).stdout).toContain('Trust mode is off');

    const auto = status.getByRole('switch', { name: 'Auto-allow low risk' });
    await auto.click();
    await page.locator('button[role="switch"][aria-checked="true"]', { hasText: 'Auto-allow low risk' }).waitFor();
  });

  it('the first start offers auto-allow and the agents’ allow rules, then stays away once Done', async () => {
    const userHome = tempDir('gh-ui-user-');
    fs.mkdirSync(path.join(userHome, '.claude'));
    fs.writeFileSync(
      path.join(userHome, '.claude', 'settings.json'),
      JSON.stringify({ permissions: { allow: ['Bash(git status:*)'] } }),
    );
    const { home, page } = await open({ width: 1440, height: 900 }, userHome);
    const welcome = page.getByRole('region', { name: 'Two things to set up first' });
    await shoot(page, 'welcome-light-1440');
    await welcome.getByRole('button', { name: 'Allow low risk without asking' }).click();
    await welcome.getByText('On: low-risk commands run without asking').waitFor();
    await page.locator('button[role="switch"][aria-checked="true"]', { hasText: 'Auto-allow low risk' }).waitFor();

    // The navigation's buttons stay the only ones named for their views while the offers show.
    expect(await page.getByRole('button', { name: 'Rules' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Sessions' }).count()).toBe(1);
    await welcome.getByRole('button', { name: 'Import from Claude Code and Codex' }).click();
    await welcome.getByText(/^Added 1 allow rule from .*\.claude\/settings\.json\./).waitFor();
    const status = page.getByRole('region', { name: 'Gatehouse status' });
    await status.getByRole('link', { name: '1 rule' }).waitFor();
    expect((await cli(['rules', 'list'], cliEnv(home))).stdout).toContain('git status');

    await welcome.getByRole('button', { name: 'Done' }).click();
    await welcome.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByText('Nothing is waiting for you').waitFor();
    expect(await welcome.count()).toBe(0);
  });

  it('fits a 1024×700 window, light and dark', async () => {
    const { page } = await open({ width: 1024, height: 700 });
    const status = page.getByRole('region', { name: 'Gatehouse status' });
    await status.getByText('Core healthy').waitFor();
    // Nothing in the line is cut off: it wraps instead.
    expect(await status.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await shoot(page, 'status-line-light-1024');
    await status.getByRole('switch', { name: 'Trust mode' }).click();
    await shoot(page, 'trust-confirm-light-1024');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await chooseTheme(page, 'Dark');
    await page.getByRole('button', { name: 'Inbox' }).click();
    await shoot(page, 'status-line-dark-1024');
  });
});
