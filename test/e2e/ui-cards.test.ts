// Cards weighted by severity, in real Chromium against `gatehouse daemon --ui` with the real Claude Code: a critical
// command (`git push --force origin main`, into a bare repository inside the test's own directory) needs two
// deliberate steps to approve, and `a` alone does nothing to it; a card nobody decided stays findable in "Just
// decided" with what the agent was told; "Always allow…" with Claude Code's own rules ticked has Claude Code keep the
// rule in the project's `.claude/settings.local.json`. Screenshots go to test/e2e/screenshots/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
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

/** The work directory as a repository on main whose `origin` is a bare repository beside it: a push stays here. */
function localRepository(work: string): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: work, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-q', '--allow-empty', '-m', 'start');
  git('init', '-q', '--bare', path.join(work, 'origin.git'));
  git('remote', 'add', 'origin', path.join(work, 'origin.git'));
}

/** Still held after a while: nothing that was pressed decided it. */
async function stillHeld(gatehouse: (args: string[]) => Promise<{ stdout: string }>, marker: string): Promise<void> {
  await new Promise((r) => setTimeout(r, 700));
  expect(fs.existsSync(marker)).toBe(false);
  expect((await gatehouse(['pending'])).stdout).toContain(marker);
}

describe('cards weighted by severity, in Chromium with the real Claude Code', () => {
  it('a critical card needs two deliberate steps to approve; `a` alone does nothing to it', async () => {
    const w = await uiWorld(browser, cleanups, {
      viewport: { width: 1440, height: 900 },
      command: (marker) => `touch ${marker} && git push --force origin main`,
    });
    localRepository(w.work);
    await w.open();
    const done = w.run();
    const card = w.card();
    await card.waitFor();
    expect(await card.getAttribute('class')).toContain('risk-critical');
    // The mark sits on the force push, where it stands in the command.
    expect(await card.locator('mark.seg-critical').first().textContent()).toContain('git push --force origin main');
    // Deny is the primary action and comes first; there is no "Always allow…", and the card says why.
    const actions = card.locator('.actions button');
    expect(await actions.first().getAttribute('class')).toBe('deny primary');
    expect(await card.getByRole('button', { name: /Always allow/ }).count()).toBe(0);
    await card.getByText(/“Always allow” is not offered: it is rated critical/).waitFor();

    // One click on Approve… only arms it, and says what would run.
    await card.getByRole('button', { name: /Approve…/ }).click();
    const confirm = card.getByRole('group', { name: 'Confirm the approval' });
    await confirm.getByText(/^Runs touch .* && git push --force origin main: force-pushes main/).waitFor();
    await shoot(w.page, 'inbox-critical-armed-light');
    await stillHeld(w.gatehouse, w.marker);
    // Escape takes it back; `a`, pressed and pressed again, arms and nothing more.
    await w.page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    await w.page.keyboard.press('a');
    await w.page.keyboard.press('a');
    await confirm.waitFor();
    await stillHeld(w.gatehouse, w.marker);
    await chooseTheme(w.page, 'Dark');
    await w.page.getByRole('button', { name: /^Inbox/ }).click();
    await card.getByRole('group', { name: 'Confirm the approval' }).waitFor();
    await shoot(w.page, 'inbox-critical-armed-dark');

    // The second, different key runs it.
    await w.page.keyboard.press('y');
    const result = await done;
    expect(result.code, result.stderr).toBe(0);
    expect(fs.existsSync(w.marker)).toBe(true);
    await card.getByText(/^Allowed by a person, in the window$/).waitFor();
  });

  it('a card nobody decided stays findable in "Just decided", with what the agent was told', async () => {
    const w = await uiWorld(browser, cleanups, { viewport: { width: 1024, height: 700 }, holdTimeout: '3s' });
    await w.open();
    const done = w.run();
    await w.card().waitFor();
    const row = w.page.getByRole('region', { name: 'Just decided' }).locator('li', { hasText: w.marker });
    await row.getByText('Timed out').waitFor({ timeout: 20_000 });
    expect(await row.textContent()).toContain('The agent was told: “Nobody decided in Gatehouse within 3 seconds');
    expect(await w.card().count()).toBe(0);
    await shoot(w.page, 'inbox-just-decided-light');
    await done;
    expect(fs.existsSync(w.marker)).toBe(false);
    expect(w.mock.toolResults.join('\n')).toContain('Nobody decided in Gatehouse within 3 seconds');
  });

  it("Always allow… with Claude Code's own rules ticked: the command runs and Claude Code keeps the rule", async () => {
    const w = await uiWorld(browser, cleanups, {
      command: (marker) => `touch ${marker}`,
      runOptions: ['--no-sandbox'],
    });
    // Claude Code keeps local settings in the nearest folder with a `.git`: this one, whatever is above it.
    localRepository(w.work);
    await w.open();
    const done = w.run();
    const card = w.card();
    await card.waitFor();
    await card.getByRole('button', { name: /Always allow/ }).click();
    const panel = card.getByRole('form', { name: 'Always allow' });
    const box = panel.getByRole('checkbox', { name: "Also add to Claude Code's own rules" });
    await box.waitFor();
    expect(await box.isChecked()).toBe(false);
    const local = path.join(w.work, '.claude', 'settings.local.json');
    await panel.getByText(local, { exact: false }).waitFor();
    await box.check();
    await shoot(w.page, 'inbox-always-allow-claude-rules-light');
    await panel.getByRole('button', { name: /Approve and keep/ }).click();
    const result = await done;
    expect(result.code, result.stderr).toBe(0);
    expect(fs.existsSync(w.marker)).toBe(true);
    expect(w.mock.toolResults).toHaveLength(1);
    const allow = (JSON.parse(fs.readFileSync(local, 'utf8')) as { permissions: { allow: string[] } }).permissions
      .allow;
    expect(allow).toEqual([`Bash(touch ${w.marker})`]);
  });
});
