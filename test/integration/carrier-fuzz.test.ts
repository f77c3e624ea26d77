// No input ends the core: a fuzz corpus of bad messages on every carrier (the control socket after its handshake, the
// browser UI's WebSocket, a MessagePort as the desktop app uses, and the gate's HTTP), then the core still answers on
// each of them.
import net from 'node:net';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { portChannel, type TextChannel } from '../../shared/carrier.ts';
import { readAdminToken } from '../../electron/core/admin-token.ts';
import { GATE_PATHS } from '../../electron/core/gate/server.ts';
import { startTestCore, type TestCore } from '../support/core.ts';
import { openUiSocket, textClient } from '../support/text-client.ts';
import { post } from '../support/unix-http.ts';
import { tempDir } from '../support/temp.ts';
import fs from 'node:fs';
import path from 'node:path';

const UI_TOKEN = 'ui-token-for-fuzz-0123456789abcdef';

/** Lines no client should send: not JSON, bare values, deep nesting, huge numbers, prototype names, wrong shapes. */
const FUZZ: readonly string[] = [
  'not json',
  'null',
  'true',
  '0',
  '1e999999',
  '123456789012345678901234567890',
  '"a string"',
  '[]',
  '{}',
  '{"t":null}',
  '{"t":"q"}',
  '{"t":"q","m":7}',
  '{"t":"q","m":"status","a":"not an array"}',
  '{"t":"q","i":"f1","m":"constructor","a":[]}',
  '{"t":"q","i":"f2","m":"__proto__","a":[]}',
  '{"t":"q","i":"f3","m":"toString","a":[]}',
  '{"t":"q","i":"f4","m":"hasOwnProperty","a":["status"]}',
  '{"t":"q","i":"f5","m":"decide","a":[null]}',
  '{"t":"q","i":"f6","m":"getRequest","a":[{"__proto__":{"polluted":true}}]}',
  '{"t":"q","i":"f7","m":"listHistory","a":[{"limit":1e308,"offset":-1}]}',
  '{"t":"s","i":"nobody-asked","r":1}',
  '{"$error":{"code":"internal","message":"x"}}',
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`,
  '\u0000\u0001\u0002\uFFFF',
];

let t: TestCore;
afterEach(async () => t?.stop());

function rendererDir(): string {
  const dir = tempDir('gh-renderer-');
  fs.writeFileSync(path.join(dir, 'index.html'), '<p>ui</p>');
  return dir;
}

/** The control socket after a good handshake, as raw lines. */
async function rawControl(
  socketPath: string,
  token: string,
): Promise<{ send: (line: string) => void; close: () => void }> {
  const socket = net.connect(socketPath);
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('data', () => resolve());
    socket.write(`${JSON.stringify({ token })}\n`);
  });
  return { send: (line) => socket.write(`${line}\n`), close: () => socket.destroy() };
}

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('a fuzz corpus on every carrier', () => {
  it('leaves the core answering on the control socket, the WebSocket, a MessagePort and the gate', async () => {
    t = await startTestCore({ ui: { rendererDir: rendererDir(), port: 0, token: UI_TOKEN } });
    const port = Number(new URL(t.core.uiUrl as string).port);
    const base = `http://127.0.0.1:${port}`;

    const control = await rawControl(t.core.paths.controlSocket, readAdminToken(t.core.paths.adminTokenFile));
    const ui = await openUiSocket(`ws://127.0.0.1:${port}/api?token=${UI_TOKEN}`, base);
    const { port1, port2 } = new MessageChannel();
    const stopServing = t.core.serve(portChannel(port1));
    const desktop: TextChannel = portChannel(port2);
    desktop.on(() => {});

    for (const line of FUZZ) {
      control.send(line);
      ui.ws.send(line);
      desktop.post(line);
      await post(t.core.paths.gateSocket, GATE_PATHS.check, line, { 'content-type': 'application/json' });
    }
    await settle();

    // The same carriers, in a proper conversation, still answer; so does the control client opened before.
    expect((await t.client.api.status()).pending).toBe(0);
    const overUi = textClient(ui.channel);
    expect((await overUi.api.status()).pending).toBe(0);
    const { port1: p1, port2: p2 } = new MessageChannel();
    t.core.serve(portChannel(p1));
    expect((await textClient(portChannel(p2)).api.status()).pending).toBe(0);
    expect(Object.prototype).not.toHaveProperty('polluted');

    control.close();
    ui.ws.close();
    stopServing();
    port2.close();
    p2.close();
  });
});
