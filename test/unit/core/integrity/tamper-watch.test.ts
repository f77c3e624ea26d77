// Tamper detection: the watch, on a fake file system and clock, then on real sockets.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { NewTamperReport } from '../../../../electron/core/integrity/tamper-alarm.ts';
import {
  nodeWatchIo,
  TAMPER_CHECK_INTERVAL_MS,
  TamperWatch,
  type FileIdentity,
  type WatchIo,
} from '../../../../electron/core/integrity/tamper-watch.ts';
import { listenPrivate, relistenPrivate } from '../../../../electron/core/sockets.ts';
import { tempDir } from '../../../support/temp.ts';

/** A file system in memory and a clock the test advances by hand. */
function fakeIo() {
  const ids = new Map<string, FileIdentity>();
  const texts = new Map<string, string>();
  let ticks: Array<() => void> = [];
  const dirEvents = new Map<string, (name: string | null) => void>();
  const io: WatchIo = {
    identityOf: (f) => ids.get(f) ?? null,
    readText: (f) => texts.get(f) ?? null,
    writeText: (f, c) => void texts.set(f, c),
    every: (ms, fn) => {
      expect(ms).toBe(TAMPER_CHECK_INTERVAL_MS);
      ticks.push(fn);
      return () => (ticks = ticks.filter((t) => t !== fn));
    },
    watchDir: (dir, onChange) => {
      dirEvents.set(dir, onChange);
      return () => dirEvents.delete(dir);
    },
  };
  return { io, ids, texts, dirEvents, tick: () => ticks.forEach((t) => t()), ticking: () => ticks.length };
}

function watchWith(io: WatchIo, running: (sessionId: string) => boolean = () => true) {
  const reports: NewTamperReport[] = [];
  const watch = new TamperWatch({
    raise: (r) => reports.push(r),
    sessionRunning: running,
    onError: (err) => {
      throw err;
    },
    io,
  });
  return { watch, reports };
}

const SOCK = '/run/gh/gate.sock';

describe('TamperWatch: sockets', () => {
  it('takes a replaced socket back on the next tick and reports it once', async () => {
    const f = fakeIo();
    f.ids.set(SOCK, { dev: 1, ino: 10 });
    const { watch, reports } = watchWith(f.io);
    const retake = vi.fn(async () => void f.ids.set(SOCK, { dev: 1, ino: 12 }));
    watch.guardSocket({ what: 'gate-socket', path: SOCK, retake });
    watch.start();
    f.tick();
    await watch.check();
    expect(reports).toEqual([]);
    f.ids.set(SOCK, { dev: 1, ino: 11 });
    f.tick();
    await watch.check();
    expect(retake).toHaveBeenCalledTimes(1);
    expect(reports).toEqual([
      {
        what: 'gate-socket',
        path: SOCK,
        detail: expect.stringMatching(/was replaced/),
        response: expect.stringMatching(/took its socket back/),
      },
    ]);
    // The socket the core listens on now is the one it compares with.
    f.tick();
    await watch.check();
    expect(reports).toHaveLength(1);
    watch.dispose();
  });

  it('checks at once on a change event in the socket directory, and says a removed socket was removed', async () => {
    const f = fakeIo();
    f.ids.set(SOCK, { dev: 1, ino: 10 });
    const { watch, reports } = watchWith(f.io);
    watch.guardSocket({
      what: 'gate-socket',
      path: SOCK,
      retake: async () => void f.ids.set(SOCK, { dev: 1, ino: 13 }),
    });
    watch.start();
    f.ids.delete(SOCK);
    f.dirEvents.get('/run/gh')?.('unrelated.txt');
    await watch.check();
    expect(reports).toHaveLength(1);
    expect(reports[0]?.detail).toMatch(/gate socket \/run\/gh\/gate.sock was removed/);
    watch.dispose();
  });

  it('reports a socket it cannot take back once, keeps trying, and reports again when it succeeds', async () => {
    const f = fakeIo();
    f.ids.set(SOCK, { dev: 1, ino: 10 });
    const { watch, reports } = watchWith(f.io);
    let fail = true;
    watch.guardSocket({
      what: 'gate-socket',
      path: SOCK,
      retake: async () => {
        if (fail) throw new Error('EACCES');
        f.ids.set(SOCK, { dev: 1, ino: 14 });
      },
    });
    watch.start();
    f.ids.set(SOCK, { dev: 1, ino: 11 });
    for (let i = 0; i < 3; i++) await watch.check();
    expect(reports.map((r) => r.response)).toEqual([
      expect.stringMatching(/could not take its socket back \(EACCES\)/),
    ]);
    fail = false;
    await watch.check();
    expect(reports.map((r) => r.response)).toEqual([
      expect.stringMatching(/could not/),
      expect.stringMatching(/took its socket back/),
    ]);
    watch.dispose();
  });

  it('does nothing once disposed (the core closing its own sockets is no tampering)', async () => {
    const f = fakeIo();
    f.ids.set(SOCK, { dev: 1, ino: 10 });
    const { watch, reports } = watchWith(f.io);
    watch.guardSocket({ what: 'gate-socket', path: SOCK, retake: async () => {} });
    watch.start();
    watch.dispose();
    expect(f.ticking()).toBe(0);
    f.ids.delete(SOCK);
    await watch.check();
    expect(reports).toEqual([]);
  });
});

describe('TamperWatch: hook settings', () => {
  const FILE = '/tmp/gatehouse-run-x/settings.json';

  it('writes a changed or removed file back and reports each time', async () => {
    const f = fakeIo();
    f.texts.set(FILE, '{"hooks":{}}');
    const { watch, reports } = watchWith(f.io);
    watch.protectFiles('s1', [{ path: FILE, content: '{"hooks":{}}' }]);
    await watch.check();
    expect(reports).toEqual([]);
    f.texts.set(FILE, '{"disableAllHooks":true}');
    await watch.check();
    expect(f.texts.get(FILE)).toBe('{"hooks":{}}');
    f.texts.delete(FILE);
    await watch.check();
    expect(f.texts.get(FILE)).toBe('{"hooks":{}}');
    expect(reports.map((r) => [r.what, r.detail, r.response])).toEqual([
      [
        'hook-settings',
        `The hook settings Gatehouse wrote for session s1 (${FILE}) were changed.`,
        'Gatehouse wrote them back as they were.',
      ],
      [
        'hook-settings',
        `The hook settings Gatehouse wrote for session s1 (${FILE}) were removed.`,
        'Gatehouse wrote them back as they were.',
      ],
    ]);
  });

  it("lets a session's files go once it is ending (its launcher removes them)", async () => {
    const f = fakeIo();
    f.texts.set(FILE, 'x');
    let running = true;
    const { watch, reports } = watchWith(f.io, () => running);
    watch.protectFiles('s1', [{ path: FILE, content: 'x' }]);
    running = false;
    f.texts.delete(FILE);
    await watch.check();
    running = true;
    await watch.check();
    expect(reports).toEqual([]);
  });
});

describe('TamperWatch with real sockets', () => {
  it('sees a listener put in place of its socket and takes the path back; the old connections still work', async () => {
    const dir = tempDir();
    const sock = path.join(dir, 'gate.sock');
    const serve = (name: string) => net.createServer((c) => c.end(name));
    let ours = serve('core');
    await listenPrivate(ours, sock);
    const early = net.connect(sock);
    await new Promise((r) => early.once('connect', r));
    const reports: NewTamperReport[] = [];
    const watch = new TamperWatch({
      raise: (r) => reports.push(r),
      sessionRunning: () => true,
      onError: (err) => {
        throw err;
      },
      io: nodeWatchIo,
    });
    watch.guardSocket({
      what: 'gate-socket',
      path: sock,
      retake: async () => {
        const next = serve('core');
        await relistenPrivate(ours, next, sock);
        ours = next;
      },
    });
    watch.start();
    fs.unlinkSync(sock);
    const impostor = serve('impostor');
    await new Promise<void>((r) => impostor.listen(sock, r));
    await vi.waitFor(() => expect(reports).toHaveLength(1), { timeout: 3 * TAMPER_CHECK_INTERVAL_MS });
    const answer = await new Promise<string>((resolve) => {
      const c = net.connect(sock);
      let text = '';
      c.on('data', (d) => (text += d.toString()));
      c.on('end', () => resolve(text));
    });
    expect(answer).toBe('core');
    expect(fs.statSync(sock).mode & 0o777).toBe(0o600);
    expect(early.destroyed).toBe(false);
    watch.dispose();
    early.destroy();
    impostor.close();
    ours.close();
  });
});
