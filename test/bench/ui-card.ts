// ui.card_visible_ms_*: from the hook call (a real HTTP request on the gate socket, as curl sends it) to the card on
// screen in real Chromium (the animation frame after the card enters the DOM), over the WebSocket of browser mode.
// ui.approve_to_agent_ms_*: from the click on Approve to the hook's answer arriving at the agent's side.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { readAdminToken } from '../../electron/core/admin-token.ts';
import { connectControl } from '../../electron/core/control/client.ts';
import { startCore } from '../../electron/core/core.ts';
import { GATE_PATHS } from '../support/gate-paths.ts';
import { launchChromium } from '../support/browser.ts';
import { percentile, round } from './stats.ts';

const RUNS = Number(process.env.BENCH_UI_RUNS ?? 40);
const WARMUP = 3;

/** Wall-clock milliseconds with sub-millisecond precision, comparable between this process and the browser. */
const wallNow = () => performance.timeOrigin + performance.now();

function hookCall(socketPath: string, token: string, command: string): { sentAt: number; answered: Promise<number> } {
  const body = JSON.stringify({
    session_id: 'bench',
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command },
    cwd: '/tmp',
  });
  const sentAt = wallNow();
  const answered = new Promise<number>((resolve, reject) => {
    const req = http.request(
      {
        socketPath,
        path: GATE_PATHS.claudePreToolUse,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(wallNow()));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
  return { sentAt, answered };
}

export async function uiCardVisible(): Promise<Record<string, number>> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-bench-ui-'));
  const core = await startCore({
    home,
    holdTimeoutMs: 60_000,
    ui: { rendererDir: path.resolve('dist/renderer'), port: 0 },
  });
  const client = await connectControl(core.paths.controlSocket, readAdminToken(core.paths.adminTokenFile));
  const browser = await launchChromium();
  try {
    const s = await client.api.startSession({ agent: 'claude', argv: ['bench'], cwd: home, pid: null });
    const page = await browser.newPage();
    await page.goto(core.uiUrl as string);
    await page.getByText('Nothing is waiting for you').waitFor();
    // Records, per command, when the frame that first shows its card was produced.
    await page.evaluate(() => {
      const seen: Record<string, number> = {};
      (window as unknown as { __seen: Record<string, number> }).__seen = seen;
      new MutationObserver(() => {
        for (const card of document.querySelectorAll('article[data-request-id]')) {
          const command = card.querySelector('pre.command')?.textContent ?? '';
          if (command && !(command in seen)) {
            seen[command] = 0;
            requestAnimationFrame(() => (seen[command] = performance.timeOrigin + performance.now()));
          }
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
    const visible: number[] = [];
    const approve: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const command = `echo bench-${i}`;
      const call = hookCall(s.gateSocket, s.token, command);
      await page.waitForFunction(
        (c) => ((window as unknown as { __seen: Record<string, number> }).__seen[c] ?? 0) > 0,
        command,
        { polling: 'raf' },
      );
      const shownAt = await page.evaluate(
        (c) => (window as unknown as { __seen: Record<string, number> }).__seen[c] as number,
        command,
      );
      const clickedAt = await page.evaluate((c) => {
        const card = [...document.querySelectorAll('article[data-request-id]')].find(
          (a) => a.querySelector('pre.command')?.textContent === c,
        );
        const button = card?.querySelector<HTMLButtonElement>('button.approve');
        const at = performance.timeOrigin + performance.now();
        button?.click();
        return at;
      }, command);
      const answeredAt = await call.answered;
      if (i >= WARMUP) {
        visible.push(shownAt - call.sentAt);
        approve.push(answeredAt - clickedAt);
      }
    }
    return {
      'ui.card_visible_ms_p50': round(percentile(visible, 50)),
      'ui.card_visible_ms_p95': round(percentile(visible, 95)),
      'ui.approve_to_agent_ms_p50': round(percentile(approve, 50)),
      'ui.approve_to_agent_ms_p95': round(percentile(approve, 95)),
      'ui.runs': RUNS,
    };
  } finally {
    await browser.close();
    client.close();
    await core.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}
