// The control API on one carrier: a line that is not a message, from any client, is dropped and the connection
// (and the core) goes on; only the API's own calls answer.
import { describe, expect, it } from 'vitest';
import type { TextChannel } from '../../../../shared/carrier.ts';
import { serveControl, type ControlHandlers } from '../../../../electron/core/control/serve.ts';

/** A carrier in memory: what the server posts is collected; `send` delivers a line as a client would. */
function fakeChannel(): { channel: TextChannel; sent: string[]; send: (line: string) => Promise<void> } {
  let deliver: (data: string) => void = () => {};
  const sent: string[] = [];
  return {
    channel: { post: (data) => sent.push(data), on: (fn) => (deliver = fn) },
    sent,
    // birpc handles a message asynchronously; give it a few turns to answer.
    send: async (line) => {
      deliver(line);
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    },
  };
}

function serve(): ReturnType<typeof fakeChannel> {
  const c = fakeChannel();
  const handlers = { status: () => ({ ok: true }) } as unknown as ControlHandlers;
  serveControl(handlers, () => ({ api: {} as never, dispose: () => {} }), c.channel);
  return c;
}

const answers = (sent: string[]) =>
  sent.map((s) => JSON.parse(s) as { t: string; i: string; r?: unknown; e?: { $error?: { message: string } } });

describe('serveControl', () => {
  it('drops lines that are not messages and keeps answering', async () => {
    const c = serve();
    const unhandled: unknown[] = [];
    const onRejection = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onRejection);
    try {
      for (const bad of [
        'not json',
        'null',
        '42',
        '"text"',
        '[]',
        '{}',
        '{"t":"q"}',
        '{"t":"q","m":7}',
        '{"t":"q","m":"status","a":"x"}',
      ])
        await c.send(bad);
      expect(c.sent).toEqual([]);
      await c.send(JSON.stringify({ t: 'q', i: 'a1', m: 'status', a: [] }));
      expect(answers(c.sent)).toEqual([{ t: 's', i: 'a1', r: { ok: true } }]);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });

  it('answers "not found" for names from the prototype', async () => {
    const c = serve();
    for (const [i, name] of ['constructor', 'toString', '__proto__', 'hasOwnProperty'].entries()) {
      await c.send(JSON.stringify({ t: 'q', i: `p${i}`, m: name, a: [] }));
    }
    const got = answers(c.sent);
    expect(got).toHaveLength(4);
    for (const a of got) {
      expect(a.r).toBeUndefined();
      expect(a.e?.$error?.message).toMatch(/not found/);
    }
  });
});
