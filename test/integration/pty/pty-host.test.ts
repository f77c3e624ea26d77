// The pty host through the control API: resize, kill, flow control, late snapshots, agents launched in a session.
import fs from 'node:fs';
import path from 'node:path';
import headless from '@xterm/headless';
import { afterEach, describe, expect, it } from 'vitest';
import { readAdminToken } from '../../../electron/core/admin-token.ts';
import { connectControl } from '../../../electron/core/control/client.ts';
import { HIGH_WATER_CHARS } from '../../../electron/core/pty/flow-control.ts';
import { OUTPUT_BATCH_MAX_CHARS } from '../../../electron/core/pty/output-batcher.ts';
import type { TerminalEvent } from '../../../shared/domain.ts';
import { terminalWorld, type TerminalWorld } from '../../support/terminal.ts';

const worlds: TerminalWorld[] = [];
const cleanups: Array<() => void> = [];
afterEach(async () => {
  cleanups.splice(0).forEach((c) => c());
  for (const w of worlds.splice(0)) await w.stop();
});

async function world(): Promise<TerminalWorld> {
  const w = await terminalWorld();
  worlds.push(w);
  return w;
}

/** What a terminal shows after `data`: every line of the buffer and the cursor. */
function screenOf(data: string, cols: number, rows: number): Promise<{ lines: string[]; cursor: [number, number] }> {
  const term = new headless.Terminal({ cols, rows, scrollback: 1000, allowProposedApi: true });
  return new Promise((resolve) => {
    term.write(data, () => {
      const b = term.buffer.active;
      const lines: string[] = [];
      for (let i = 0; i < b.length; i++) lines.push(b.getLine(i)?.translateToString(true) ?? '');
      while (lines.length > 0 && lines.at(-1) === '') lines.pop();
      resolve({ lines, cursor: [b.cursorX, b.cursorY + b.baseY] });
      term.dispose();
    });
  });
}

describe('hosted terminals', () => {
  it('passes a resize to the program and records it', async () => {
    const w = await world();
    const t = await w.start({ agent: 'shell', shell: 'bash', size: { cols: 90, rows: 30 } });
    await t.prompt();
    expect(await w.core.client.api.resizeTerminal({ sessionId: t.info.sessionId, cols: 120, rows: 41 })).toMatchObject({
      cols: 120,
      rows: 41,
    });
    const from = t.output().length;
    await t.type('stty size\r');
    await t.waitForOutput(/41 120/, from);
    const events = w.recordings.sessions.get(t.info.sessionId)?.events.map(({ event }) => event) ?? [];
    expect(events.filter((e) => e.kind === 'resize')).toEqual([
      { kind: 'resize', cols: 90, rows: 30 },
      { kind: 'resize', cols: 120, rows: 41 },
    ]);
  });

  it("ends a killed program with the signal's exit code, and ends its session", async () => {
    const w = await world();
    const t = await w.start({ agent: 'shell', argv: ['sleep', '600'] });
    const ended = w.core.next('session.ended', (e) => e.session.id === t.info.sessionId);
    expect(await w.core.client.api.killTerminal({ sessionId: t.info.sessionId })).toEqual({
      sent: ['SIGHUP'],
      endedBy: 'SIGHUP',
      exitCode: 129,
      pid: t.info.pid,
    });
    expect(await t.exit).toBe(129);
    expect((await ended).session.exitCode).toBe(129);
    expect((await w.core.client.api.listTerminals()).find((i) => i.sessionId === t.info.sessionId)?.exitCode).toBe(129);
    await w.recordings.closed(t.info.sessionId);
  });

  it('Kill escalates SIGHUP, SIGTERM, SIGKILL until the program ends, and says which one ended it', async () => {
    const w = await world();
    // Ignores the first two, as a program that traps them (or an interactive shell, SIGTERM) does.
    const t = await w.start({ agent: 'shell', argv: ['sh', '-c', "trap '' HUP TERM; echo stubborn; exec sleep 600"] });
    await t.waitForOutput(/stubborn/);
    const started = Date.now();
    expect(await w.core.client.api.killTerminal({ sessionId: t.info.sessionId })).toEqual({
      sent: ['SIGHUP', 'SIGTERM', 'SIGKILL'],
      endedBy: 'SIGKILL',
      exitCode: 137,
      pid: t.info.pid,
    });
    // A second for each signal it ignored; SIGKILL at once.
    expect(Date.now() - started).toBeLessThan(3500);
    expect(await t.exit).toBe(137);
    // One named signal is sent alone; a program it does not end goes on running, and the answer says so.
    const u = await w.start({ agent: 'shell', argv: ['sh', '-c', "trap '' TERM; echo still; exec sleep 600"] });
    await u.waitForOutput(/still/);
    expect(await w.core.client.api.killTerminal({ sessionId: u.info.sessionId, signal: 'SIGTERM' })).toEqual({
      sent: ['SIGTERM'],
      endedBy: null,
      exitCode: null,
      pid: u.info.pid,
    });
    expect((await w.core.client.api.listTerminals()).find((i) => i.sessionId === u.info.sessionId)?.exitCode).toBe(
      null,
    );
  });

  it('pauses a fast program while its viewer is behind, and resumes when the viewer acknowledges', async () => {
    const w = await world();
    const total = 3_000_000;
    const t = await w.start({
      agent: 'shell',
      argv: ['sh', '-c', `head -c ${total} /dev/zero | tr '\\000' x; echo; echo FLOW-END; exit 3`],
    });
    // This viewer does not acknowledge anything until the pty is paused.
    await t.waitForOutput(/x{10}/);
    const waitReceived = (n: number) =>
      new Promise<void>((resolve) => {
        const check = () => t.received().length >= n && resolve();
        cleanups.push(w.core.client.onTerminalEvent(check));
        check();
      });
    await waitReceived(HIGH_WATER_CHARS);
    // Once the pause has lasted (FLOW_NOTICE_MS) the viewer hears of it, and the list says so.
    await new Promise<void>((resolve) => {
      const check = () => t.flowChanges().length > 0 && resolve();
      cleanups.push(w.core.client.onTerminalEvent(check));
      check();
    });
    expect(t.flowChanges()).toEqual([true]);
    const info = (await w.core.client.api.listTerminals()).find((i) => i.sessionId === t.info.sessionId);
    expect(info?.paused).toBe(true);
    // A full round trip through the screen later, the program is still held: far from all of its output has come.
    await w.core.client.api.terminalSnapshot(t.info.sessionId);
    const whilePaused = t.received().length;
    expect(whilePaused).toBeLessThanOrEqual(HIGH_WATER_CHARS + 3 * OUTPUT_BATCH_MAX_CHARS);
    expect(w.recordings.output(t.info.sessionId)).not.toContain('FLOW-END');

    // Acknowledging as the output arrives lets the rest through.
    const ack = (e: TerminalEvent) => {
      // The last acknowledgements may still be on their way when the test closes its connection.
      if (e.type === 'terminal.output')
        w.core.client.api.ackTerminal({ sessionId: e.sessionId, chars: e.data.length }).catch(() => {});
    };
    cleanups.push(w.core.client.onTerminalEvent(ack));
    await w.core.client.api.ackTerminal({ sessionId: t.info.sessionId, chars: whilePaused });
    await t.waitForOutput(/FLOW-END/);
    expect(await t.exit).toBe(3);
    // Resumed at least once; every event is a change (a viewer acknowledging from afar may hold it back again).
    const flows = t.flowChanges();
    expect(flows.slice(0, 2)).toEqual([true, false]);
    expect(flows.every((paused, i) => paused === (i % 2 === 0))).toBe(true);
    // Nothing was lost on the way: the recording has every byte, and the viewer all of it since it attached.
    const recorded = w.recordings.output(t.info.sessionId);
    expect(recorded.split('x').length - 1).toBe(total);
    expect(recorded.endsWith(t.received())).toBe(true);
    expect(t.received().length).toBeGreaterThan(total / 2);
  });

  it('gives a late viewer exactly the screen that the live viewer has', async () => {
    const w = await world();
    const t = await w.start({ agent: 'shell', shell: 'bash', size: { cols: 60, rows: 12 } });
    await t.prompt();
    await t.type("printf '\\033[1;31mred\\033[0m plain\\n'; seq 1 40; printf 'wide: \\343\\201\\202\\n'\r");
    await t.nextCommand();
    await t.prompt(t.output().lastIndexOf('\x1b]133;D'));

    const core = w.core.core;
    const late = await connectControl(core.paths.controlSocket, readAdminToken(core.paths.adminTokenFile));
    cleanups.push(() => late.close());
    const snap = await late.api.attachTerminal(t.info.sessionId);
    expect(snap.seq).toBeGreaterThan(t.snapshot.seq);
    const live = await screenOf(t.snapshot.data + t.received(), 60, 12);
    const fromSnapshot = await screenOf(snap.data, snap.cols, snap.rows);
    expect(fromSnapshot).toEqual(live);
    expect(live.lines.join('\n')).toContain('red plain');
    expect(live.lines.join('\n')).toContain('wide: あ');
  });

  it('starts Claude Code wired by its own hooks, with no shell gating added', async () => {
    const w = await world();
    const fake = path.join(w.work, 'claude');
    fs.writeFileSync(
      fake,
      '#!/bin/sh\n[ "$1" = --version ] && { echo "2.1.330 (Claude Code)"; exit 0; }\necho "args: $*"\necho "bash_env=${BASH_ENV:-none} gate_exec=${GATEHOUSE_GATE_EXEC:-none} session=$GATEHOUSE_SESSION_ID"\n',
      { mode: 0o755 },
    );
    const t = await w.start({ agent: 'claude', argv: [fake, '-p', 'hi'] });
    expect(await t.exit).toBe(0);
    const out = w.recordings.output(t.info.sessionId);
    expect(out).toMatch(/args: --settings \S+settings\.json -p hi/);
    expect(out).toContain(`bash_env=none gate_exec=none session=${t.info.sessionId}`);
    const session = (await w.core.client.api.listSessions()).find((s) => s.id === t.info.sessionId);
    expect(session).toMatchObject({ agent: 'claude', exitCode: 0 });
    // Before the program started, the hook written into its settings answered the core's canary.
    expect(session?.protections?.[0]).toMatchObject({ layer: 'gate', state: 'on' });
    expect(session?.protections?.[0]?.detail).toMatch(/^live: .* answered by the gate in \d+ ms$/);
  });

  it('refuses a directory that does not exist and a program that is not there, and starts nothing', async () => {
    const w = await world();
    await expect(w.core.client.api.startTerminal({ agent: 'shell', cwd: '/nonexistent/dir' })).rejects.toThrow(
      /not a directory/,
    );
    await expect(
      w.core.client.api.startTerminal({ agent: 'shell', argv: ['no-such-agent-xyz'], cwd: w.work }),
    ).rejects.toThrow(/was not found on PATH/);
    await expect(w.core.client.api.startTerminal({ agent: 'shell', shell: 'sh', cwd: w.work })).rejects.toThrow(
      /can gate bash, zsh and fish/,
    );
    expect(await w.core.client.api.listTerminals()).toEqual([]);
  });
});
