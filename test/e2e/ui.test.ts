// The reviewer UI in real Chromium against `gatehouse daemon --ui`, with the real Claude Code started by
// `gatehouse run` against the mock model: the card appears, Approve lets the command run, Deny with a reason blocks it
// and the agent reads the reason, and the UI refuses anyone without its token. Screenshots of each view, light and
// dark, and at 200% zoom, go to test/e2e/screenshots/.
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
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

const world = (viewport?: { width: number; height: number }, deviceScaleFactor?: number) =>
  uiWorld(browser, cleanups, { viewport, deviceScaleFactor });

describe('reviewer UI in Chromium with the real Claude Code', () => {
  it('refuses the page, its assets and its API without the token', async () => {
    const w = await world();
    const base = new URL(w.url);
    for (const bare of [`${base.origin}/`, `${base.origin}/?token=wrong`, `${base.origin}/app.js`]) {
      const res = await w.page.goto(bare);
      expect(res?.status(), bare).toBe(401);
      expect(await w.page.textContent('body')).toContain('Unauthorized');
    }
    const ws = await w.page.evaluate(
      (origin) =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket(`${origin.replace('http', 'ws')}/api?token=wrong`);
          socket.onopen = () => resolve('open');
          socket.onerror = () => resolve('refused');
        }),
      base.origin,
    );
    expect(ws).toBe('refused');
  });

  it('shows the card as soon as Claude Code asks; Approve lets the command run', async () => {
    const w = await world();
    await w.open();
    const done = w.run();
    await w.card().waitFor();
    expect(await w.card().textContent()).toContain('Claude Code');
    expect(fs.existsSync(w.marker)).toBe(false);
    await shoot(w.page, 'inbox-light');
    await w
      .card()
      .getByRole('button', { name: /Approve/ })
      .click();
    const result = await done;
    expect(result.code, result.stderr).toBe(0);
    expect(fs.existsSync(w.marker)).toBe(true);
    expect(w.mock.toolResults.join('\n')).toContain('ran-42');
    await w
      .card()
      .getByText(/Allowed by a person, in the window/)
      .waitFor();

    await w.page.getByRole('button', { name: 'Audit' }).click();
    await w.page.locator('tr[data-request-id]', { hasText: w.command }).getByText('A person, in the window').waitFor();
    await shoot(w.page, 'audit-light');
    await w.page.getByRole('button', { name: 'Sessions' }).click();
    await w.page.getByText(/ended \(exit 0\)/).waitFor();
    await shoot(w.page, 'sessions-light');
    await chooseTheme(w.page, 'Light');
    await shoot(w.page, 'settings-light');
    await chooseTheme(w.page, 'Dark');
    await shoot(w.page, 'settings-dark');
    for (const view of ['Audit', 'Sessions'] as const) {
      await w.page.getByRole('button', { name: view }).click();
      await w.page.getByRole('heading', { name: view, exact: true }).waitFor();
      await shoot(w.page, `${view.toLowerCase()}-dark`);
    }
  });

  it('denies from the keyboard with a reason: the command does not run and the agent reads the reason', async () => {
    const w = await world();
    await w.open();
    await chooseTheme(w.page, 'Dark');
    await w.page.getByRole('button', { name: 'Inbox' }).click();
    const done = w.run();
    await w.card().waitFor();
    await w.page.keyboard.press('j');
    await w.page.locator('article[aria-current="true"]', { hasText: w.marker }).waitFor();
    await shoot(w.page, 'inbox-dark');
    await w.page.keyboard.press('d');
    await w.page.getByLabel(/Reason for the agent/).waitFor();
    await w.page.keyboard.type('use the staging database instead');
    await shoot(w.page, 'inbox-deny-form-dark');
    await w.page.keyboard.press('Enter');
    await done;
    expect(fs.existsSync(w.marker)).toBe(false);
    expect(w.mock.toolResults.join('\n')).toContain(
      'The user denied this command in Gatehouse: use the staging database instead',
    );
    await w
      .card()
      .getByText(/Denied by a person, in the window: use the staging database instead/)
      .waitFor();
  });

  it('stays readable at 200% zoom', async () => {
    // 200% zoom: half the CSS pixels across, each drawn twice as large.
    const w = await world({ width: 640, height: 430 }, 2);
    await w.open();
    const done = w.run();
    await w.card().waitFor();
    await shoot(w.page, 'inbox-zoom-200');
    // Nothing runs off the side: the page is no wider than the window.
    expect(await w.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await w.card().getByRole('button', { name: /Deny/ }).click();
    await w.page.getByRole('button', { name: 'Deny', exact: true }).click();
    await done;
    expect(fs.existsSync(w.marker)).toBe(false);
    await w.page.getByRole('button', { name: 'Settings', exact: true }).click();
    await shoot(w.page, 'settings-zoom-200');
  });
});
