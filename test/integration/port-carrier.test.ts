// The control API over message ports, as the desktop app uses it: Node's MessageChannel stands in for Electron's
// (same `postMessage` / `on('message')` shape), and the desktop-core command runs with a fake parent port.
import { Readable } from 'node:stream';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { portChannel } from '../../shared/carrier.ts';
import type { FromCoreMessage } from '../../shared/desktop.ts';
import type { CliContext } from '../../electron/core/cli/context.ts';
import { desktopCoreCommand, type ParentPortLike } from '../../electron/core/cli/desktop-core.ts';
import { startTestCore, type TestCore } from '../support/core.ts';
import { tempDir } from '../support/temp.ts';
import { textClient } from '../support/text-client.ts';

let t: TestCore | null = null;
const ports: MessagePort[] = [];
afterEach(async () => {
  ports.splice(0).forEach((p) => p.close());
  await t?.stop();
  t = null;
});

function channelPair() {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  return { port1, port2 };
}

describe('MessagePort carrier', () => {
  it('serves calls and pushes events over a port, and stops serving when the port closes', async () => {
    t = await startTestCore();
    const { port1, port2 } = channelPair();
    let closed!: () => void;
    const portClosed = new Promise<void>((resolve) => (closed = resolve));
    let dispose = () => {};
    const served = portChannel(port1, () => {
      dispose();
      closed();
    });
    dispose = t.core.serve(served);
    const c = textClient(portChannel(port2));
    expect((await c.api.status()).pid).toBe(process.pid);
    await c.api.subscribe();
    const s = await c.api.startSession({ agent: 'claude', argv: ['claude'], cwd: '/w', pid: null });
    expect((await c.event('session.started')).session.id).toBe(s.session.id);
    port2.close();
    await portClosed;
  });

  it('drops messages that are not text instead of guessing', async () => {
    t = await startTestCore();
    const { port1, port2 } = channelPair();
    t.core.serve(portChannel(port1));
    port2.postMessage({ not: 'a birpc message' });
    const c = textClient(portChannel(port2));
    expect((await c.api.status()).pid).toBe(process.pid);
  });
});

describe('gatehouse desktop-core', () => {
  it('starts the core, serves each port the app sends, and stops on request', async () => {
    const home = tempDir('gh-desktop-');
    const fromCore: FromCoreMessage[] = [];
    const listeners: Array<(e: { data: unknown; ports: MessagePort[] }) => void> = [];
    let notify = () => {};
    const parent: ParentPortLike = {
      on: (_event, listener) => listeners.push(listener),
      postMessage: (m) => {
        fromCore.push(m);
        notify();
      },
    };
    const seen = (type: FromCoreMessage['type']) =>
      new Promise<FromCoreMessage>((resolve) => {
        const check = () => {
          const m = fromCore.find((x) => x.type === type);
          if (m) resolve(m);
        };
        notify = check;
        check();
      });
    const ctx: CliContext = {
      env: { ...process.env, GATEHOUSE_HOME: home },
      cwd: home,
      out: () => {},
      err: () => {},
      hookClientPath: '',
      stdin: Readable.from([]),
      rendererDir: '',
      parentPort: parent,
    };
    const stop = new AbortController();
    const exit = desktopCoreCommand(ctx, [], stop.signal);
    const ready = await seen('ready');
    expect(ready).toMatchObject({ type: 'ready', status: { home } });

    const { port1, port2 } = channelPair();
    // Messages that are not ours are ignored, whatever port they carry.
    listeners.forEach((l) => l({ data: { type: 'bogus' }, ports: [port1] }));
    listeners.forEach((l) => l({ data: { type: 'connect' }, ports: [port1] }));
    const c = textClient(portChannel(port2));
    expect((await c.api.status()).home).toBe(home);

    listeners.forEach((l) => l({ data: { type: 'stop' }, ports: [] }));
    expect(await exit).toBe(0);
    expect((await seen('stopped')).type).toBe('stopped');
  });

  it('tells the app why the core could not start', async () => {
    t = await startTestCore();
    const fromCore: FromCoreMessage[] = [];
    const parent: ParentPortLike = { on: () => {}, postMessage: (m) => fromCore.push(m) };
    const ctx: CliContext = {
      env: { ...process.env, GATEHOUSE_HOME: t.core.paths.home },
      cwd: '/',
      out: () => {},
      err: () => {},
      hookClientPath: '',
      stdin: Readable.from([]),
      rendererDir: '',
      parentPort: parent,
    };
    expect(await desktopCoreCommand(ctx, [], new AbortController().signal)).toBe(1);
    expect(fromCore).toEqual([{ type: 'failed', message: expect.stringContaining('another Gatehouse core') }]);
  });
});
