// "Run it safer" on the card, in real Chromium against `gatehouse daemon --ui` with the real Claude Code: a held
// `rm -rf` of a file in the test's own folder shows the exact command that would run instead, and `s` approves that
// form: the file is moved into Gatehouse's trash, not deleted. A screenshot goes to test/e2e/screenshots/.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { shoot, uiWorld } from '../support/ui-world.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('Run it safer on the card, in Chromium with the real Claude Code', () => {
  it('shows the exact command that would run, and `s` runs it: the file goes to the trash', async () => {
    const w = await uiWorld(browser, cleanups, {
      viewport: { width: 1280, height: 860 },
      command: (marker) => `rm -rf ${marker}`,
    });
    fs.writeFileSync(w.marker, 'keep me\n');
    await w.open();
    const done = w.run();
    const card = w.card();
    await card.waitFor();
    const offer = card.locator('section.safer[aria-label="Run it safer"]');
    await offer.waitFor({ timeout: 10_000 });
    const pending = JSON.parse((await w.gatehouse(['pending', '--json'])).stdout) as Array<{
      id: string;
      safer: { command: string } | null;
    }>;
    const id = pending[0]?.id ?? '';
    const safer = `mkdir -p -- .gatehouse-trash/${id} && mv -- ${w.marker} .gatehouse-trash/${id}/`;
    expect(pending[0]?.safer?.command).toBe(safer);
    expect(await offer.locator('.safer-command').textContent()).toBe(safer);
    await offer.getByText(/into Gatehouse’s trash instead/).waitFor({ timeout: 10_000 });
    expect(await card.locator('button.safer-run').textContent()).toMatch(/^Run it safer/);
    await shoot(w.page, 'inbox-run-it-safer-light');

    // Selected by a click on it, the card takes its keys.
    await card.locator('.card-head').click();
    await w.page.keyboard.press('s');
    const result = await done;
    expect(result.code, result.stderr).toBe(0);
    expect(fs.existsSync(w.marker)).toBe(false);
    const trash = JSON.parse((await w.gatehouse(['snapshots', 'trash', '--json'])).stdout) as Array<{
      id: string;
      dir: string;
      files: string[];
    }>;
    const entry = trash.find((e) => e.id === id);
    expect(entry?.files).toEqual([path.basename(w.marker)]);
    expect(fs.readFileSync(path.join(entry?.dir ?? '', 'files', path.basename(w.marker)), 'utf8')).toBe('keep me\n');
  });
});
