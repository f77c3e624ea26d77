// The reviewer UI's rules and hosted terminals in real Chromium against `gatehouse daemon --ui`: "Always allow…" on a
// card held for the real Claude Code creates a rule that decides the next identical command (no card); a hosted shell
// started from Sessions shows what is typed into it, live; its replay seeks to an interception's marker and shows the
// screen of that moment; the Rules view tests a command. Screenshots of these views, light and dark, go to
// test/e2e/screenshots/.
import fs from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { openUiSocket, textClient } from '../support/text-client.ts';
import { chooseTheme, shoot, uiWorld } from '../support/ui-world.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** What a terminal shows, read from xterm.js's accessibility tree (the WebGL renderer draws pixels only). */
function terminalText(terminal: Locator): Promise<string> {
  return terminal.evaluate(
    (el) => (el.querySelector('.xterm-accessibility-tree') as HTMLElement | null)?.innerText ?? '',
  );
}

async function waitForText(terminal: Locator, text: string, present = true): Promise<void> {
  await terminal
    .page()
    .waitForFunction(
      ([el, t, p]) =>
        ((el as HTMLElement).querySelector('.xterm-accessibility-tree') as HTMLElement | null)?.innerText.includes(
          t as string,
        ) === p,
      [await terminal.elementHandle(), text, present] as const,
    );
}

/** Approves the held line of a hosted shell from the Inbox, then comes back to Sessions. */
async function approveInInbox(
  page: Page,
  text: string,
  beforeApproving: (card: Locator) => Promise<void> = async () => {},
): Promise<void> {
  await page.getByRole('button', { name: /^Inbox/ }).click();
  const card = page.locator('article[data-request-id]', { hasText: text });
  await beforeApproving(card);
  await card.getByRole('button', { name: /^Approve/ }).click();
  await card.getByText(/Allowed by a person, in the window/).waitFor();
  await page.getByRole('button', { name: 'Sessions' }).click();
}

describe('reviewer UI in Chromium: always-allow rules, hosted terminals and their replay', () => {
  it('"Always allow…" approves and keeps a rule; the next identical command is decided by it with no card', async () => {
    const w = await uiWorld(browser, cleanups);
    await w.open();
    const first = w.run();
    await w.card().waitFor();
    await w.page.keyboard.press('j');
    await w.page.keyboard.press('w');
    const panel = w.card().getByRole('form', { name: 'Always allow' });
    await panel.waitFor();
    // The suggestion and its backtest arrive from the core.
    await panel
      .getByText(/Of \d+ earlier command/)
      .first()
      .waitFor();
    expect(await panel.getByRole('radio', { name: /This project/ }).isChecked()).toBe(true);
    await panel.getByRole('radio', { name: 'After 2 hours' }).check();
    await shoot(w.page, 'inbox-always-allow-light');
    await panel.getByRole('button', { name: /^Approve and keep/ }).click();
    const one = await first;
    expect(one.code, one.stderr).toBe(0);
    expect(fs.existsSync(w.marker)).toBe(true);
    fs.rmSync(w.marker);

    const second = await w.run();
    expect(second.code, second.stderr).toBe(0);
    expect(fs.existsSync(w.marker)).toBe(true);
    expect(w.mock.toolResults.filter((t) => t.includes('ran-42'))).toHaveLength(2);
    // No card was held for it: the rule decided.
    await w.page.getByRole('button', { name: 'Audit' }).click();
    const rows = w.page.locator('tr[data-request-id]', { hasText: w.marker });
    await rows
      .filter({ hasText: /^.*Rule [a-z0-9]+/ })
      .first()
      .waitFor();
    expect(await rows.filter({ hasText: 'A person, in the window' }).count()).toBe(1);
    expect(await w.page.locator('article[data-request-id]').count()).toBe(0);

    await w.page.getByRole('button', { name: 'Rules' }).click();
    const ruleRows = w.page.locator('tr[data-rule-id]');
    await ruleRows.first().waitFor();
    const text = (await ruleRows.allInnerTexts()).join('\n');
    expect(text).toMatch(/learned:/);
    expect(text).toContain(`Project ${w.work}`);
    await w.page.getByLabel('Command', { exact: true }).fill(w.command);
    await w.page.getByLabel('In directory').fill(w.work);
    await w.page.getByRole('button', { name: 'Test', exact: true }).click();
    await w.page
      .getByRole('status', { name: 'How Gatehouse would decide' })
      .getByText('Allowed', { exact: true })
      .waitFor();
    await shoot(w.page, 'rules-light');
    await chooseTheme(w.page, 'Dark');
    await w.page.getByRole('button', { name: 'Rules' }).click();
    await ruleRows.first().waitFor();
    await shoot(w.page, 'rules-dark');
  });

  it('the new views stay readable at 200% zoom', async () => {
    // 200% zoom: half the CSS pixels across, each drawn twice as large.
    const w = await uiWorld(browser, cleanups, { viewport: { width: 640, height: 430 }, deviceScaleFactor: 2 });
    await w.open();
    for (const view of ['Rules', 'Sessions', 'Replay'] as const) {
      await w.page.getByRole('button', { name: view, exact: true }).first().click();
      await w.page.getByRole('heading', { name: view, exact: true }).waitFor();
      if (view === 'Sessions') {
        await w.page.getByLabel('In directory').fill(w.work);
        await w.page.getByRole('button', { name: 'Start session' }).click();
        // Below the fold at this size: xterm.js draws (and fills its accessibility tree) only while it is on screen.
        await w.page.locator('.live-terminal').scrollIntoViewIfNeeded();
        await waitForText(w.page.locator('.live-terminal'), w.work);
      }
      expect(await w.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), view).toBe(true);
      await shoot(w.page, `${view.toLowerCase()}-zoom-200`);
    }
  });

  it('without WebGL a live terminal falls back to the DOM renderer, styled under the strict CSP', async () => {
    const noWebgl = await launchChromium(['--disable-webgl', '--disable-webgl2']);
    cleanups.push(() => noWebgl.close());
    const w = await uiWorld(noWebgl, cleanups);
    await w.page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __csp: string[] }).__csp = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} ${e.sourceFile}:${e.lineNumber}`),
      );
    });
    await w.open();
    await w.page.getByRole('button', { name: 'Sessions' }).click();
    await w.page.getByLabel('In directory').fill(w.work);
    await w.page.getByRole('button', { name: 'Start session' }).click();
    const terminal = w.page.locator('.live-terminal');
    await waitForText(terminal, w.work);
    await terminal.click();
    await w.page.keyboard.type('echo dom renderer');
    await terminal.locator('.xterm-rows', { hasText: 'echo dom renderer' }).waitFor();
    // The DOM renderer's own CSS (blocked as <style> elements by the CSP) applies through the mirrored style sheets.
    const row = await terminal
      .locator('.xterm-rows')
      .evaluate((el) => ({ whiteSpace: getComputedStyle(el).whiteSpace, font: getComputedStyle(el).fontFamily }));
    expect(row.whiteSpace).toBe('pre');
    expect(row.font).toMatch(/monospace/);
    // Only xterm.js's <style> elements were refused (their rules apply through the mirror); no script was.
    const violations = await w.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    expect(violations.filter((v) => !v.startsWith('style-src-elem '))).toEqual([]);
    await shoot(w.page, 'sessions-live-dom-renderer-light');
  });

  it('a live terminal says it is paused while another viewer is behind, and stops saying it once that viewer has gone', async () => {
    const w = await uiWorld(browser, cleanups);
    await w.open();
    await w.page.getByRole('button', { name: 'Sessions' }).click();
    await w.page.getByText('No terminals yet').waitFor();
    // A second viewer on its own connection that never acknowledges: the core holds the program once it is 100 000
    // chars behind, whatever the page does.
    const page = new URL(w.url);
    const { ws, channel } = await openUiSocket(
      `ws://${page.host}/api?token=${page.searchParams.get('token') ?? ''}`,
      page.origin,
    );
    cleanups.push(async () => ws.close());
    const stuck = textClient(channel);
    const program =
      "process.stdout.write('flow-ready\\n'); process.stdin.once('data', () => process.stdout.write('x'.repeat(300000) + '\\nflow-done\\n'))";
    const info = await stuck.api.startTerminal({
      agent: 'shell',
      argv: [process.execPath, '-e', program],
      cwd: w.work,
    });
    const terminal = w.page.locator('.live-terminal');
    await waitForText(terminal, 'flow-ready');
    const hint = w.page.getByText(/paused: waiting for a viewer or the recording to catch up/);
    expect(await hint.count()).toBe(0);
    await stuck.api.attachTerminal(info.sessionId);
    await stuck.api.writeTerminal({ sessionId: info.sessionId, data: 'go\r' });
    // The page hears the pause as it happens (no reload), and the program is held: its last line has not come.
    await hint.waitFor();
    expect(await terminalText(terminal)).not.toContain('flow-done');
    await shoot(w.page, 'sessions-live-paused-light');
    await stuck.api.detachTerminal(info.sessionId);
    await waitForText(terminal, 'flow-done');
    await hint.waitFor({ state: 'detached' });
  });

  it('a hosted shell shows what is typed into it; its replay seeks to a marker and shows the screen of that moment', async () => {
    const w = await uiWorld(browser, cleanups);
    await w.open();
    await w.page.getByRole('button', { name: 'Sessions' }).click();
    await w.page.getByText('No terminals yet').waitFor();
    await w.page.getByLabel('In directory').fill(w.work);
    await w.page.getByRole('button', { name: 'Start session' }).click();
    const terminal = w.page.locator('.live-terminal');
    await terminal.waitFor();
    // The person's own low-risk lines would run at once: here every line is to be asked, to mark the recording.
    await w.page.getByLabel('Your typing').selectOption({ label: 'Ask for everything' });
    await w.page.getByText('every line typed at the prompt waits for a decision').waitFor();
    await terminal.click();
    // Typed text is echoed by the shell: it went to the pty and came back through the core.
    await w.page.keyboard.type('echo first-$((6*7))');
    await waitForText(terminal, 'echo first-$((6*7))');
    await w.page.keyboard.press('Enter');
    await approveInInbox(w.page, 'echo first-');
    await waitForText(terminal, 'first-42');
    await shoot(w.page, 'sessions-live-light');
    await terminal.click();
    await w.page.keyboard.type('echo second-$((7*8))');
    await w.page.keyboard.press('Enter');
    await approveInInbox(w.page, 'echo second-', async (card) => {
      // The card's clip: the terminal in the moments before it asked, ending where it asked.
      await card.getByRole('button', { name: /Show the last 30 seconds/ }).click();
      const clip = card.locator('.clip-terminal');
      await waitForText(clip, 'first-42');
      await card.getByRole('button', { name: 'Play the lead-up' }).click();
      await card.getByRole('button', { name: 'Play the lead-up' }).waitFor();
      await waitForText(clip, 'first-42');
      await shoot(w.page, 'inbox-clip-light');
    });
    await waitForText(terminal, 'second-56');
    await terminal.click();
    await w.page.keyboard.type('exit');
    await w.page.keyboard.press('Enter');
    await approveInInbox(w.page, 'exit');
    await w.page.getByText(/exited with code 0/).waitFor();

    await w.page.getByRole('button', { name: 'Replay', exact: true }).last().click();
    await w.page.getByRole('heading', { name: 'Replay' }).waitFor();
    const replay = w.page.locator('.replay-terminal');
    await waitForText(replay, '', true);
    const markers = w.page.getByRole('list', { name: 'Interceptions on the bar' }).getByRole('button');
    await markers.nth(2).waitFor();
    const labels = await markers.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label') ?? ''));
    // One marker for each of the three lines (held and decided merged), in time order.
    expect(
      labels.map((l) => /^\d+\. \S+ (.*) · (Allowed · A person, in the window)/.exec(l)?.slice(1).join(' ')),
    ).toEqual([
      'echo first-$((6*7)) Allowed · A person, in the window',
      'echo second-$((7*8)) Allowed · A person, in the window',
      'exit Allowed · A person, in the window',
    ]);
    // Search finds the second line's output and seeks there.
    await w.page.getByLabel('Find in this recording').fill('second-56');
    await w.page.getByRole('button', { name: 'Search', exact: true }).click();
    await w.page.getByRole('list', { name: 'Matches' }).getByRole('button').first().click();
    await waitForText(replay, 'second-56');
    // Back to the moment the second line was held: the first line's output is there, the second's not yet (the shell
    // integration clears a line while Gatehouse holds it).
    await markers.nth(1).click();
    await waitForText(replay, 'second-56', false);
    expect(await terminalText(replay)).toContain('first-42');
    const at = Number(await w.page.locator('.replay-controls .clock').getAttribute('data-position-ms'));
    expect(labels[1]).toMatch(new RegExp(`^2\\. 0:0${Math.floor(at / 1000)} `));
    await shoot(w.page, 'replay-light');
    // One back: the first line's chapter, which seeks to the moment it was held (a chapter merges its held, decided
    // and outcome markers): earlier than the second line, whose output is not there yet.
    await w.page.getByRole('button', { name: 'Previous interception' }).click();
    await w.page.waitForFunction(
      (from) => Number(document.querySelector('.replay-controls .clock')?.getAttribute('data-position-ms')) < from,
      at,
    );
    await waitForText(replay, 'second-56', false);
    expect(await terminalText(replay)).not.toContain('second-56');
    await chooseTheme(w.page, 'Dark');
    await w.page.getByRole('button', { name: 'Replay', exact: true }).first().click();
    await w.page.getByRole('heading', { name: 'Replay' }).waitFor();
    await markers.nth(1).click();
    await waitForText(replay, 'first-42');
    await shoot(w.page, 'replay-dark');
  });
});
