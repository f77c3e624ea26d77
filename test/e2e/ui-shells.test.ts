// Hosted shells in real Chromium against `gatehouse daemon --ui`: the person's own low-risk lines run at once; a held
// line says in the terminal itself that it waits, then how it was decided; the header's "Your typing" changes which
// lines wait; Kill ends an interactive bash and says which signal did; a full-screen program draws from the top even
// when another window made the pty smaller. Screenshots go to test/e2e/screenshots/.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { openUiSocket, textClient } from '../support/text-client.ts';
import { chooseTheme, shoot, terminalRows, uiWorld, waitForRow } from '../support/ui-world.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Starts a hosted shell from the Sessions view and waits for its first prompt. */
async function startShell(page: Page, cwd: string) {
  await page.getByRole('button', { name: 'Sessions' }).click();
  await page.getByLabel('In directory').fill(cwd);
  await page.getByRole('button', { name: 'Start session' }).click();
  const terminal = page.locator('.live-terminal');
  await waitForRow(terminal, new RegExp(`${cwd.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
  return terminal;
}

/** Types a line into the terminal and presses Enter (clicked near its top: a pty smaller than the pane leaves room). */
async function typeLine(page: Page, terminal: ReturnType<Page['locator']>, line: string) {
  await terminal.click({ position: { x: 20, y: 10 } });
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

describe('hosted shells in Chromium', () => {
  it("a held shell line shows its waiting text in the terminal, then its decision; the person's low-risk lines run at once", async () => {
    const w = await uiWorld(browser, cleanups);
    fs.mkdirSync(path.join(w.work, 'build'));
    await w.open();
    const terminal = await startShell(w.page, w.work);
    expect(await w.page.getByLabel('Your typing').inputValue()).toBe('low');

    // Low risk, typed by the person: it runs, with no card and nothing said.
    await typeLine(w.page, terminal, 'touch typed.txt');
    await waitForRow(terminal, /touch typed\.txt/);
    await expect.poll(() => fs.existsSync(path.join(w.work, 'typed.txt'))).toBe(true);
    expect((await w.gatehouse(['pending'])).stdout).toMatch(/Nothing is waiting/);

    // Medium risk waits, and the terminal says so where the prompt was.
    await typeLine(w.page, terminal, 'rm -rf build');
    await waitForRow(
      terminal,
      /^‖ Waiting for your decision in Gatehouse — medium risk: rm -rf build\. Ctrl-C cancels\./,
    );
    await shoot(w.page, 'sessions-shell-waiting-light');
    await w.page.getByRole('button', { name: /^Inbox/ }).click();
    const card = w.page.locator('article[data-request-id]', { hasText: 'rm -rf build' });
    await card.getByRole('button', { name: /^Approve/ }).click();
    await card.getByText(/Allowed by a person/).waitFor();
    await w.page.getByRole('button', { name: 'Sessions' }).click();
    await waitForRow(terminal, /^✓ Allowed in Gatehouse; running it\.$/);
    await expect.poll(() => fs.existsSync(path.join(w.work, 'build'))).toBe(false);

    // "Ask for everything": even `ls` waits; denied, the terminal says so and gives the prompt back.
    await w.page.getByLabel('Your typing').selectOption({ label: 'Ask for everything' });
    await w.page.getByText('every line typed at the prompt waits for a decision').waitFor();
    await typeLine(w.page, terminal, 'ls -la');
    await waitForRow(terminal, /^‖ Waiting for your decision in Gatehouse — low risk: ls -la\./);
    await w.page.getByRole('button', { name: /^Inbox/ }).click();
    const lsCard = w.page.locator('article[data-request-id]', { hasText: 'ls -la' });
    await lsCard.getByRole('button', { name: /^Deny/ }).click();
    await w.page.getByRole('button', { name: 'Deny', exact: true }).click();
    await lsCard.getByText(/Denied by a person/).waitFor();
    await w.page.getByRole('button', { name: 'Sessions' }).click();
    await waitForRow(terminal, /^✗ Denied in Gatehouse\.$/);
    await shoot(w.page, 'sessions-shell-decided-light');
    await chooseTheme(w.page, 'Dark');
    await w.page.setViewportSize({ width: 1024, height: 700 });
    await w.page.getByRole('button', { name: 'Sessions' }).click();
    await waitForRow(terminal, /^✗ Denied in Gatehouse\.$/);
    await shoot(w.page, 'sessions-shell-decided-dark-1024');
  });

  it('Kill ends an interactive bash and says which signal did', async () => {
    const w = await uiWorld(browser, cleanups);
    await w.open();
    await startShell(w.page, w.work);
    await w.page.getByRole('button', { name: 'Kill' }).click();
    // An interactive bash ignores SIGTERM; the SIGHUP a closing terminal sends ends it.
    await w.page.getByRole('status').filter({ hasText: 'Ended by SIGHUP.' }).waitFor();
    await w.page.getByText('exited with code 129').waitFor();
    await shoot(w.page, 'sessions-killed-light');
  });

  it('less draws from the top, also after another window made the pty smaller', async () => {
    const w = await uiWorld(browser, cleanups);
    fs.writeFileSync(path.join(w.work, 'f.txt'), Array.from({ length: 200 }, (_, i) => `line ${i + 1}`).join('\n'));
    await w.open();
    const terminal = await startShell(w.page, w.work);
    await typeLine(w.page, terminal, 'seq 1 40');
    await waitForRow(terminal, /^40$/);
    // Another window, smaller: the pty takes its size, and this one draws at the pty's size.
    const page = new URL(w.url);
    const { ws, channel } = await openUiSocket(
      `ws://${page.host}/api?token=${page.searchParams.get('token') ?? ''}`,
      page.origin,
    );
    cleanups.push(async () => ws.close());
    const other = textClient(channel);
    const [shell] = await other.api.listTerminals();
    await other.api.resizeTerminal({ sessionId: shell?.sessionId ?? '', cols: 100, rows: 12 });
    await w.page.getByText('100×12').waitFor();
    await expect.poll(async () => (await terminalRows(terminal)).length).toBe(12);
    await typeLine(w.page, terminal, 'less f.txt');
    await waitForRow(terminal, /^line 11$/);
    const rows = await terminalRows(terminal);
    expect(rows[0]).toBe('line 1');
    expect(rows[11]).toMatch(/^f\.txt/);
    await shoot(w.page, 'sessions-less-light');
    await w.page.keyboard.press('q');
  });
});
