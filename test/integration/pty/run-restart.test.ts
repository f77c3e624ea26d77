// A `gatehouse run` session outlives a restart of the core (issue 14, item 2): the run reconnects, the session is
// resumed and ends with the agent's exit code, and its recording holds everything from before and after, once, with a
// gap marker where the core was down. A real daemon in a temp data directory, killed (SIGKILL) or stopped (SIGTERM) by
// its pid under a running `gatehouse run` whose agent is a small node program printing numbered lines.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPage, TimedEvent } from '../../../shared/recording.ts';
import { readAdminToken } from '../../../electron/core/admin-token.ts';
import { connectControl, type ControlClient } from '../../../electron/core/control/client.ts';
import { GATE_PATHS } from '../../support/gate-paths.ts';
import { corePaths } from '../../../electron/core/paths.ts';
import { cliEnv, startCli, startDaemon, type CliResult } from '../../support/cli.ts';
import { tempDir } from '../../support/temp.ts';
import { post } from '../../support/unix-http.ts';

/** The agent: prints `line N` every 10 ms until a `stop` file appears, then `done`, and exits 7. Writes its gate token. */
const AGENT = `
const fs = require('node:fs');
const dir = process.argv[2];
// ~30 KB/s: more than redaction keeps back (4 KB), so the core has written chunks when it is killed.
const PAD = '.'.repeat(100);
fs.writeFileSync(dir + '/token', process.env.GATEHOUSE_TOKEN);
let i = 0;
const timer = setInterval(() => {
  // Three lines a write: a killed core may have stored part of one read, and the rest must be sent again.
  let text = '';
  for (let n = 0; n < 3; n++) text += 'line ' + i++ + ' ' + PAD + '\\n';
  process.stdout.write(text);
  if (fs.existsSync(dir + '/stop')) {
    clearInterval(timer);
    process.stdout.write('done\\n');
    process.exitCode = 7;
  }
}, 10);
`;

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function until(what: string, cond: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Asks until the answer is as wanted (or times out), and returns it. */
async function eventually<T>(ask: () => Promise<T>, ok: (answer: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await ask();
    if (ok(answer) || Date.now() > deadline) return answer;
    await new Promise((r) => setTimeout(r, 50));
  }
}

type Daemon = Awaited<ReturnType<typeof startDaemon>>;

async function daemon(home: string): Promise<Daemon> {
  const d = await startDaemon(home);
  cleanups.push(() => d.stop());
  return d;
}

/** kill -9 of the core we started, by its pid. */
async function killHard(d: Daemon): Promise<void> {
  const exited = new Promise((resolve) => d.child.once('exit', resolve));
  process.kill(d.child.pid as number, 'SIGKILL');
  await exited;
}

async function client(home: string): Promise<ControlClient> {
  const paths = corePaths(home);
  const c = await connectControl(paths.controlSocket, readAdminToken(paths.adminTokenFile));
  cleanups.push(async () => c.close());
  return c;
}

interface Run {
  child: ChildProcess;
  done: Promise<CliResult>;
  out: () => string;
  err: () => string;
  lines: () => number;
  dir: string;
}

function startRun(home: string): Run {
  const dir = tempDir('gh-agent-');
  const script = path.join(dir, 'agent.cjs');
  fs.writeFileSync(script, AGENT);
  const { child, done } = startCli(
    ['run', '-q', '--agent', 'shell', '--', process.execPath, script, dir],
    cliEnv(home),
    { cwd: dir },
  );
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  cleanups.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    fs.writeFileSync(path.join(dir, 'stop'), '');
    await done;
  });
  return { child, done, dir, out: () => out, err: () => err, lines: () => (out.match(/line \d+/g) ?? []).length };
}

/** Every event of a session's recording, through the control API's pages. */
async function allEvents(c: ControlClient, sessionId: string): Promise<TimedEvent[]> {
  const info = await c.api.getRecording(sessionId);
  const events: TimedEvent[] = [];
  for (let from: number | null = -1; from !== null;) {
    const page: EventPage = await c.api.recordingEvents({ sessionId, fromMs: from, toMs: info.durationMs + 1 });
    events.push(...page.events);
    from = page.nextFromMs;
  }
  return events;
}

/** The line numbers in the recorded output, in order, and where the gap markers fall among them. */
function linesAndGaps(events: TimedEvent[]): {
  numbers: number[];
  gaps: Array<{ label: string; afterLine: number }>;
  text: string;
} {
  let text = '';
  const gaps: Array<{ label: string; at: number }> = [];
  for (const e of events) {
    if (e.event.kind === 'output') text += e.event.data;
    if (e.event.kind === 'gap') gaps.push({ label: e.event.label, at: text.length });
  }
  const numbers = [...text.matchAll(/line (\d+) \.+\r\n/g)].map((m) => Number(m[1]));
  const lineBefore = (at: number) =>
    [...text.slice(0, at).matchAll(/line (\d+) \.+\r\n/g)].map((m) => Number(m[1])).at(-1) ?? -1;
  return { numbers, gaps: gaps.map((g) => ({ label: g.label, afterLine: lineBefore(g.at) })), text };
}

/** Runs the agent across a restart of the core done by `restart`, then checks the session and its recording. */
async function acrossRestart(stop: (d: Daemon) => Promise<void>) {
  const home = tempDir('gh-home-');
  const gateSocket = corePaths(home).gateSocket;
  const first = await daemon(home);
  const run = startRun(home);
  await until('output before the restart', () => run.lines() >= 30);
  // Part of the stream is on disk when the core goes: what is resent after the restart must start right after it.
  const watcher = await client(home);
  const [running] = await watcher.api.listSessions();
  const stored = await eventually(
    async () => (await watcher.api.getRecording(running?.id as string)).eventCount,
    (n) => n > 0,
  );
  expect(stored).toBeGreaterThan(0);
  await stop(first);
  await until('the run to notice', () => run.err().includes('lost the Gatehouse core'));
  const token = fs.readFileSync(path.join(run.dir, 'token'), 'utf8');
  // Meanwhile a hook cannot reach the gate: it fails closed (the hook command turns this into a block).
  await expect(post(gateSocket, GATE_PATHS.claudeEvent, '{}', { authorization: `Bearer ${token}` })).rejects.toThrow();
  const downAt = run.lines();
  await until('output while the core is down', () => run.lines() >= downAt + 20);
  await daemon(home);
  await until('the run to come back', () => run.err().includes('the Gatehouse core is back'), 30_000);
  // The gate still knows the session's token (403: it is a shell session, not Claude's; an unknown token is 401).
  expect((await post(gateSocket, GATE_PATHS.claudeEvent, '{}', { authorization: `Bearer ${token}` })).status).toBe(403);
  const backAt = run.lines();
  await until('output after the restart', () => run.lines() >= backAt + 20);
  fs.writeFileSync(path.join(run.dir, 'stop'), '');
  const result = await run.done;
  expect(result.code).toBe(7);
  // One line when the core went, one when it came back; nothing else.
  expect(result.stderr.trim().split('\n')).toEqual([
    "gatehouse: lost the Gatehouse core; the agent's commands are blocked until it is back. Reconnecting…",
    'gatehouse: the Gatehouse core is back; this session goes on.',
  ]);

  const c = await client(home);
  const [session] = await c.api.listSessions();
  expect(session).toMatchObject({ agent: 'shell', exitCode: 7 });
  expect(session?.endedAt).not.toBeNull();
  const sessionId = session?.id as string;
  const { numbers, gaps, text } = linesAndGaps(await allEvents(c, sessionId));
  const printed = (run.out().match(/line (\d+)/g) ?? []).length;
  // Every line the agent printed, once, in order: what the core lacked was sent again, nothing twice.
  expect(numbers).toEqual(Array.from({ length: printed }, (_, i) => i));
  expect(text).toContain('done\r\n');
  expect(gaps).toHaveLength(1);
  expect(gaps[0]?.label).toBe('Gatehouse restarted: 0 bytes not recorded');
  expect(gaps[0]?.afterLine).toBeGreaterThanOrEqual(downAt);
  expect(gaps[0]?.afterLine).toBeLessThan(printed - 20);
  // Replay and search work across the gap.
  const info = await c.api.getRecording(sessionId);
  expect(info.recording).toBe(false);
  const screen = await c.api.screenAt({ sessionId, atMs: info.durationMs });
  expect(screen.data).toContain('done');
  for (const n of [5, printed - 5]) {
    // The index follows the writes once they pause.
    const hits = await eventually(
      () => c.api.searchRecordings({ query: `line ${n}`, sessionId }),
      (h) => h.length > 0,
    );
    expect(hits[0]?.snippet).toContain(`${n}`);
  }
  return { c, sessionId };
}

// Two daemon starts per test: ~5 s on an idle machine, several times that on a loaded one.
describe('gatehouse run across a restart of the core', { timeout: 120_000 }, () => {
  it("survives kill -9 of the core: resumed, recorded once with a gap marker, ended with the agent's exit code", async () => {
    await acrossRestart(killHard);
  });

  it('survives a graceful stop: what was in flight is recorded, nothing twice', async () => {
    await acrossRestart(async (d) => {
      const r = await d.stop();
      expect(r.code).toBe(0);
    });
  });

  it('records the end of a session whose agent exits while the core is down, once the core is back', async () => {
    const home = tempDir('gh-home-');
    const first = await daemon(home);
    const run = startRun(home);
    await until('output', () => run.lines() >= 10);
    await killHard(first);
    fs.writeFileSync(path.join(run.dir, 'stop'), '');
    await until('the run to wait for the core', () => run.err().includes('waiting up to 30 s for the Gatehouse core'));
    await daemon(home);
    const result = await run.done;
    expect(result.code).toBe(7);
    const c = await client(home);
    const [session] = await c.api.listSessions();
    expect(session).toMatchObject({ exitCode: 7 });
    expect(session?.endedAt).not.toBeNull();
    const { text } = linesAndGaps(await allEvents(c, session?.id as string));
    expect(text).toContain('done\r\n');
  });

  it('ends, at the next start, a session whose run died while the core was down', async () => {
    const home = tempDir('gh-home-');
    const first = await daemon(home);
    const run = startRun(home);
    await until('output', () => run.lines() >= 10);
    await killHard(first);
    const runExited = new Promise((resolve) => run.child.once('exit', resolve));
    process.kill(run.child.pid as number, 'SIGKILL');
    await runExited;
    const second = await daemon(home);
    const c = await client(home);
    const [session] = await c.api.listSessions();
    expect(session?.endedAt).not.toBeNull();
    expect(session?.exitCode).toBeNull();
    const info = await c.api.getRecording(session?.id as string);
    expect(info.markers.map((m) => m.label)).toContain('ended while Gatehouse was down (exit code unknown)');
    expect(second.child.exitCode).toBeNull();
  });
});
