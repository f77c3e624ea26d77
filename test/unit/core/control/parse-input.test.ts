// The contract carries its schemas: every call the core serves is declared in shared/api.ts with an input schema, and
// the dispatch (serveControl, the one place every carrier's calls pass) parses each input with it before any handler
// runs. Bad input is an `invalid_input` ApiError; good input reaches the handler parsed (defaults filled in).
import { describe, expect, it, vi } from 'vitest';
import { CONTROL_CALLS, type ApiCallName, type ControlApi } from '../../../../shared/api.ts';
import type { TextChannel } from '../../../../shared/carrier.ts';
import { decodeMessage } from '../../../../shared/rpc-codec.ts';
import {
  registerConnectionHandlers,
  registerControlHandlers,
  type ControlServices,
  type ConnectionHandlers,
} from '../../../../electron/core/control/handlers.ts';
import { recordingHandlers } from '../../../../electron/core/control/recording-handlers.ts';
import { serveControl, type ControlHandlers } from '../../../../electron/core/control/serve.ts';
import type { Recordings } from '../../../../electron/core/recording/core/service.ts';

interface Answer {
  r?: unknown;
  e?: unknown;
}

/** A carrier in memory: `call` sends one birpc call as any client would and resolves with the core's answer. */
function serve(
  handlers: ControlHandlers,
  connect: () => ConnectionHandlers,
): (name: string, args: unknown[]) => Promise<Answer> {
  let deliver: (data: string) => void = () => {};
  const waiting = new Map<string, (answer: Answer) => void>();
  const channel: TextChannel = {
    post: (data) => {
      const m = decodeMessage(data) as Answer & { i: string };
      waiting.get(m.i)?.(m);
    },
    on: (fn) => (deliver = fn),
  };
  serveControl(handlers, connect, channel);
  let n = 0;
  return (name, args) =>
    new Promise((resolve) => {
      const i = `c${++n}`;
      waiting.set(i, resolve);
      deliver(JSON.stringify({ t: 'q', i, m: name, a: args }));
    });
}

/**
 * The core's real handlers over services that are not there: a call that reached one would fail with a TypeError
 * (`internal`), so an `invalid_input` answer shows the input was refused before any handler ran.
 */
function realHandlers() {
  const none = {} as ControlServices;
  const shared = registerControlHandlers(none);
  const perConnection = registerConnectionHandlers(none, { onEvent: () => {}, onTerminalEvent: () => {} }, 'c1');
  return { shared, perConnection, call: serve(shared, () => perConnection) };
}

const NAMES = Object.keys(CONTROL_CALLS) as ApiCallName[];
/** No declared schema takes a bare number: not an id, not an input object, not "no input". */
const MALFORMED = 42;

describe('the control API dispatch', () => {
  it('serves exactly the calls the contract declares', () => {
    const { shared, perConnection } = realHandlers();
    expect([...Object.keys(shared), ...Object.keys(perConnection.api)].sort()).toEqual([...NAMES].sort());
  });

  it.each(NAMES)('refuses a malformed input to %s with invalid_input, before its handler runs', async (name) => {
    const answer = await realHandlers().call(name, [MALFORMED]);
    expect(answer.r).toBeUndefined();
    expect(answer.e).toMatchObject({
      name: 'ApiError',
      code: 'invalid_input',
      message: expect.stringMatching(/^input: /),
    });
  });

  it('refuses a second argument: every call takes at most one input', async () => {
    const answer = await realHandlers().call('getRequest', ['q1', 'q2']);
    expect(answer.e).toMatchObject({ code: 'invalid_input', message: 'getRequest takes one input, not 2' });
  });

  it('names each field at fault', async () => {
    const answer = await realHandlers().call('decide', [{ id: '', decision: 'maybe' }]);
    expect(answer.e).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^id: .*; decision: /) });
  });

  it('hands the handler the input as its schema parsed it: defaults filled in, text trimmed', async () => {
    const decide = vi.fn((d: Parameters<ControlApi['decide']>[0]) => ({ id: d.id }));
    const listRules = vi.fn(() => []);
    const status = vi.fn(() => ({}));
    const call = serve({ decide, listRules, status } as unknown as ControlHandlers, () => ({
      api: {} as ConnectionHandlers['api'],
      dispose: () => {},
    }));
    expect((await call('decide', [{ id: 'q1', decision: 'deny', reason: '  not now  ' }])).r).toEqual({ id: 'q1' });
    expect(decide).toHaveBeenCalledWith({ id: 'q1', decision: 'deny', reason: 'not now', via: 'cli' });
    await call('listRules', []);
    expect(listRules).toHaveBeenCalledWith({ all: false });
    // A call that takes no input: none given, or the null an `undefined` argument becomes on the wire.
    expect((await call('status', [])).e).toBeUndefined();
    expect((await call('status', [null])).e).toBeUndefined();
    expect(status).toHaveBeenCalledTimes(2);
  });

  it('serves no call the contract does not declare, whatever the handlers hold', async () => {
    const secret = vi.fn(() => 'leaked');
    const call = serve({ secret } as unknown as ControlHandlers, () => ({
      api: {} as ConnectionHandlers['api'],
      dispose: () => {},
    }));
    const answer = await call('secret', []);
    expect(answer.e).toMatchObject({ message: expect.stringMatching(/not found/) });
    expect(secret).not.toHaveBeenCalled();
  });
});

describe('getRecording', () => {
  // It used to be checked with deleteSession's schema, wrapped as `{ sessionId }`: its errors named a field the
  // caller never sent. It takes the session's id, as its declaration says.
  function recordingCall() {
    const info = vi.fn((sessionId: string) => ({ sessionId }));
    const handlers = recordingHandlers({ info } as unknown as Recordings) as unknown as ControlHandlers;
    return { info, call: serve(handlers, () => ({ api: {} as ConnectionHandlers['api'], dispose: () => {} })) };
  }

  it('takes a session id and hands it to the recording service', async () => {
    const { info, call } = recordingCall();
    expect((await call('getRecording', ['s1'])).r).toEqual({ sessionId: 's1' });
    expect(info).toHaveBeenCalledWith('s1');
  });

  it('refuses what is not an id, saying so, without asking the service', async () => {
    const { info, call } = recordingCall();
    for (const bad of ['', 'x'.repeat(65), { sessionId: 's1' }]) {
      const answer = await call('getRecording', [bad]);
      expect(answer.e).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^input: /) });
    }
    expect((await call('getRecording', [{ sessionId: 's1' }])).e).toMatchObject({
      message: 'input: an id must be a non-empty string',
    });
    expect(info).not.toHaveBeenCalled();
  });
});
