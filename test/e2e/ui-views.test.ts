// The reviewer UI's views in real Chromium against `gatehouse daemon --ui` (issue 16): the Replay item opens the newest
// recording, whose chapter list and seek-bar markers tell each interception of a hosted shell once (command, risk,
// outcome, who decided) and whose search hits read as text; the Rules table fits a 1024×700 window with every
// Delete in view, the add form defaults to this project and previews its backtest, and a duplicate is said; the
// navigation stays put and each view keeps its own scroll. Last, a screenshot of every view in both themes at
// 1440×900 and 1024×700 (test/e2e/screenshots/views-*.png), for a person to look at.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Decision } from '../../shared/domain.ts';
import { launchChromium } from '../support/browser.ts';
import { openUiSocket, textClient, type TextClient } from '../support/text-client.ts';
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

const LARGE = { width: 1440, height: 900 };
const SMALL = { width: 1024, height: 700 };

type World = Awaited<ReturnType<typeof uiWorld>>;

/** A second client of the core on the page's own WebSocket: it drives hosted shells and decides, as a person would. */
async function coreClient(w: World): Promise<TextClient> {
  const page = new URL(w.url);
  const { ws, channel } = await openUiSocket(
    `ws://${page.host}/api?token=${page.searchParams.get('token') ?? ''}`,
    page.origin,
  );
  cleanups.push(async () => ws.close());
  const client = textClient(channel);
  await client.api.subscribe();
  return client;
}

/** A hosted bash in the world's directory, ready for lines; `line` types one and resolves with its held request. */
async function hostedShell(client: TextClient, cwd: string) {
  const { sessionId } = await client.api.startTerminal({ agent: 'shell', cwd, shell: 'bash' });
  // These views need held and decided requests: every typed line asks (by default a low one would run at once).
  await client.api.setTypingTrust({ sessionId, typingTrust: 'none' });
  const deadline = Date.now() + 15_000;
  // The prompt (`…$ ` or, as root, `…# `) says the shell and its integration are ready for a line.
  while (!/[$#] /.test((await client.api.terminalSnapshot(sessionId)).data)) {
    if (Date.now() > deadline) throw new Error('the hosted shell showed no prompt');
    await new Promise((r) => setTimeout(r, 100));
  }
  const line = async (text: string) => {
    const held = client.event('request.held', (e) => e.request.sessionId === sessionId && e.request.command === text);
    await client.api.writeTerminal({ sessionId, data: `${text}\r` });
    return (await held).request;
  };
  const decide = async (text: string, decision: Decision, reason?: string) => {
    const request = await line(text);
    await client.api.decide({ id: request.id, decision, reason, via: 'window' });
  };
  return { sessionId, line, decide };
}

/** What a terminal shows, read from xterm.js's accessibility tree (the WebGL renderer draws pixels only). */
function terminalText(terminal: Locator): Promise<string> {
  return terminal.evaluate(
    (el) => (el.querySelector('.xterm-accessibility-tree') as HTMLElement | null)?.innerText ?? '',
  );
}

async function waitForText(terminal: Locator, text: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await terminalText(terminal)).includes(text)) {
    if (Date.now() > deadline) throw new Error(`the terminal never showed ${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const nav = (page: Page, view: string) =>
  page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: new RegExp(`^${view}`) })
    .click();

/**
 * The whole page from its top: a full-page capture draws the sticky navigation where the page was scrolled to, which
 * no window ever shows.
 */
async function shootFromTop(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, name);
}

/** Nothing wider than the window: no sideways scrolling, and no part of the table cut off inside its box. */
async function fitsWidth(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  const wraps = await page
    .locator('.table-wrap')
    .evaluateAll((els) => els.map((el) => el.scrollWidth <= el.clientWidth));
  expect(wraps.every(Boolean)).toBe(true);
}

describe('the views in Chromium', () => {
  it('Replay opens the newest recording and tells each interception once: chapters, labelled markers, readable search hits', async () => {
    const w = await uiWorld(browser, cleanups, { viewport: LARGE });
    await w.open();
    const client = await coreClient(w);
    const shell = await hostedShell(client, w.work);
    await shell.decide('echo one-$((6*7))', 'allow');
    await shell.decide('echo two', 'deny', 'not now');
    await shell.decide('exit', 'allow');
    await client.event('session.ended', (e) => e.session.id === shell.sessionId);

    await nav(w.page, 'Replay');
    const chapters = w.page.getByRole('navigation', { name: /Interceptions/ }).getByRole('button');
    await chapters.nth(2).waitFor();
    const texts = await chapters.allInnerTexts();
    expect(texts).toHaveLength(3);
    expect(texts[0]).toMatch(
      /^1\s+\d:\d\d\s+(low|medium)\s+echo one-\$\(\(6\*7\)\)\s+✓ Allowed · A person, in the window · after [^\n]*$/i,
    );
    expect(texts[1]).toMatch(/echo two\s+✕ Denied · A person, in the window · after .*\s+not now$/);
    expect(texts[2]).toMatch(/exit\s+✓ Allowed/);
    const markers = w.page.getByRole('list', { name: 'Interceptions on the bar' }).getByRole('button');
    expect(await markers.allTextContents()).toEqual(['1✓', '2✕', '3✓']);

    // The second chapter: the moment `echo two` was held, after the first line's output.
    const replay = w.page.locator('.replay-terminal');
    await chapters.nth(1).click();
    await w.page.locator('.chapters button[aria-current="step"]', { hasText: 'echo two' }).waitFor();
    await waitForText(replay, 'one-42');
    expect(await markers.nth(1).getAttribute('aria-current')).toBe('true');
    await shootFromTop(w.page, 'views-replay-chapters-light-1440x900');

    // Search: the line the match is in, the match highlighted, no brackets added.
    await w.page.getByLabel('Find in this recording').fill('one-42');
    await w.page.getByRole('button', { name: 'Search', exact: true }).click();
    const hit = w.page.getByRole('list', { name: 'Matches' }).getByRole('button').first();
    await hit.waitFor();
    expect((await hit.locator('mark').innerText()).toLowerCase()).toBe('one-42');
    expect(await hit.innerText()).not.toMatch(/\[one-42\]/i);

    // At 1024 px the list goes under the player; the page is no wider than the window.
    await w.page.setViewportSize(SMALL);
    await fitsWidth(w.page);
    await shootFromTop(w.page, 'views-replay-chapters-light-1024x700');
  });

  it('Rules fit 1024×700 with every Delete in view; the add form defaults to this project, previews, and says a duplicate is one', async () => {
    const w = await uiWorld(browser, cleanups, { viewport: SMALL });
    await w.open();
    const client = await coreClient(w);
    // A session in the project (the form's "this project"), with a command in its history for the preview.
    const shell = await hostedShell(client, w.work);
    await shell.decide('npm run test -- --watch', 'deny', 'not in watch mode');
    const add = (args: string[]) => w.gatehouse(['rules', 'add', ...args]);
    await add([
      '--allow',
      'prefix:npm run test',
      '--scope',
      `project:${w.work}`,
      '--note',
      'the unit tests, with their watch flags',
    ]);
    await add(['--deny', 'glob:git push * main', '--note', 'push to main from CI only']);
    await add(['--ask', 'prefix:terraform', '--ttl', '7d']);
    await add(['--allow', 'regex:cargo (test|build)( .*)?', '--scope', `project:${w.work}`, '--ttl', '2h']);
    await add(['--allow', 'exact:make check']);

    await nav(w.page, 'Rules');
    const rows = w.page.locator('tr[data-rule-id]');
    await rows.nth(4).waitFor();
    await fitsWidth(w.page);
    for (const del of await w.page.getByRole('button', { name: /^Delete / }).all()) {
      await del.scrollIntoViewIfNeeded();
      const box = await del.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= SMALL.width).toBe(true);
    }
    // The ids reasons cite, first in each row.
    const ids = await rows.locator('td:first-child').allInnerTexts();
    expect(ids.every((id) => /^[a-z2-7]{8}$/.test(id))).toBe(true);
    await shootFromTop(w.page, 'views-rules-table-light-1024x700');

    await w.page.getByRole('button', { name: 'Add rule…' }).click();
    const form = w.page.getByRole('form', { name: 'Add a rule' });
    expect(await form.getByLabel('Applies').inputValue()).toBe('project');
    expect(await form.getByLabel('Project directory').inputValue()).toBe(w.work);
    // The preview: as a deny rule, it would have refused the command the allow rule lets through now.
    const preview = form.getByRole('region', { name: 'What this rule would have done' });
    await form.getByLabel('Pattern').fill('npm run test');
    await form.getByLabel('Effect').selectOption('deny');
    await form.getByText('Of 1 earlier command, it would have decided 1 differently:').waitFor();
    expect(await preview.innerText()).toMatch(/npm run test -- --watch\s*allowed → denied/);
    await shootFromTop(w.page, 'views-rules-form-light-1024x700');
    // As an allow rule it is the first rule again: nothing would change, and adding it adds nothing.
    await form.getByLabel('Effect').selectOption('allow');
    await form.getByText('Of 1 earlier command, it would have decided none differently.').waitFor();
    await form.getByRole('button', { name: 'Add rule' }).click();
    await w.page.getByText(/^Already a rule: [a-z2-7]{8} does the same, so nothing was added/).waitFor();
    expect(await rows.count()).toBe(5);

    // A new one is added, and its row is brought into view and marked.
    await w.page.getByRole('button', { name: 'Add rule…' }).click();
    await form.getByLabel('Pattern').fill('make lint');
    await form.getByRole('button', { name: 'Add rule' }).click();
    const added = w.page.locator('tr.just-saved', { hasText: 'make lint' });
    await added.waitFor();
    const inView = async () => {
      const box = await added.boundingBox();
      // Within a pixel: the page scrolls by whole pixels, the rows are fractions high.
      return box !== null && box.y >= -1 && box.y + box.height <= SMALL.height + 1;
    };
    // It scrolls smoothly (unless reduced motion is asked for): a moment to get there.
    await expect.poll(inView, { timeout: 5000 }).toBe(true);
  });

  it('the navigation stays put while a view scrolls, and each view keeps its own scroll', async () => {
    const w = await uiWorld(browser, cleanups, { viewport: SMALL });
    await w.open();
    const client = await coreClient(w);
    for (let i = 0; i < 30; i++)
      await client.api.addRule({ effect: 'allow', kind: 'exact', pattern: `make step-${i}` });
    await nav(w.page, 'Rules');
    await w.page.locator('tr[data-rule-id]').nth(29).waitFor();
    await w.page.evaluate(() => window.scrollTo(0, 900));
    await expect.poll(() => w.page.evaluate(() => window.scrollY)).toBe(900);
    const inbox = w.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Inbox/ });
    const top = (await inbox.boundingBox())?.y ?? -1;
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(120);
    await nav(w.page, 'Settings');
    await w.page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
    expect(await w.page.evaluate(() => window.scrollY)).toBe(0);
    await nav(w.page, 'Rules');
    await expect.poll(() => w.page.evaluate(() => window.scrollY)).toBe(900);
  });

  it('every view, light and dark, at 1440×900 and 1024×700', async () => {
    const w = await uiWorld(browser, cleanups, { viewport: LARGE });
    await w.open();
    const client = await coreClient(w);
    const done = await hostedShell(client, w.work);
    await done.decide('echo recorded-$((6*7))', 'allow');
    await done.decide('echo refused', 'deny', 'not on a Friday');
    await done.decide('exit', 'allow');
    for (const [kind, pattern] of [
      ['prefix', 'npm run test'],
      ['glob', 'git push * main'],
    ] as const)
      await client.api.addRule({ effect: kind === 'glob' ? 'deny' : 'allow', kind, pattern });
    // Replay shows the ended session's story.
    await nav(w.page, 'Replay');
    await w.page.getByRole('combobox', { name: 'Session' }).selectOption(done.sessionId);
    await w.page.locator('.chapters li').nth(2).waitFor();
    for (const theme of ['Light', 'Dark'] as const) {
      await chooseTheme(w.page, theme);
      for (const size of [LARGE, SMALL]) {
        await w.page.setViewportSize(size);
        // A card waiting in the Inbox for each round, from a shell of its own (a shell waits for its held line).
        await (await hostedShell(client, w.work)).line(`echo waiting-${theme}-${size.width}`);
        for (const view of ['Inbox', 'Sessions', 'Replay', 'Rules', 'Audit', 'Settings']) {
          await nav(w.page, view);
          await w.page.getByRole('heading', { name: view, exact: true }).waitFor();
          if (view === 'Inbox') await w.page.locator('article[data-request-id]').first().waitFor();
          if (view === 'Replay') await w.page.locator('.chapters li').first().waitFor();
          if (view === 'Rules') await w.page.locator('tr[data-rule-id]').first().waitFor();
          await fitsWidth(w.page);
          await shootFromTop(w.page, `views-${view.toLowerCase()}-${theme.toLowerCase()}-${size.width}x${size.height}`);
        }
      }
    }
  }, 240_000);
});
