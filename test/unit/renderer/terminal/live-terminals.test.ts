// Live terminals against a fake core: the snapshot first, then only chunks after its seq (early ones wait, older ones
// are skipped), every chunk acknowledged once drawn, typing and resizing go to the core, detach on close.
import { describe, expect, it, vi } from 'vitest';
import type { TerminalEvent, TerminalInfo, TerminalSnapshot } from '../../../../shared/domain.ts';
import { LiveTerminals, type LiveTerminalApi } from '../../../../renderer/terminal/live-terminals.ts';
import { FakeSurface } from '../support.tsx';

function fakeApi() {
  let answer: (s: TerminalSnapshot) => void = () => {};
  const api = {
    attachTerminal: vi.fn<LiveTerminalApi['attachTerminal']>(() => new Promise<TerminalSnapshot>((r) => (answer = r))),
    detachTerminal: vi.fn<LiveTerminalApi['detachTerminal']>(async () => true),
    ackTerminal: vi.fn<LiveTerminalApi['ackTerminal']>(async () => true),
    writeTerminal: vi.fn<LiveTerminalApi['writeTerminal']>(async () => true),
    resizeTerminal: vi.fn<LiveTerminalApi['resizeTerminal']>(
      async (input) => ({ ...(input as { cols: number; rows: number }) }) as unknown as TerminalInfo,
    ),
  };
  return {
    api,
    snapshot: (s: Partial<TerminalSnapshot>) =>
      answer({ sessionId: 't1', cols: 80, rows: 24, data: '$ ', seq: 0, exitCode: null, paused: false, ...s }),
  };
}

const fakeHooks = () => ({ exited: vi.fn(), flowChanged: vi.fn(), resized: vi.fn(), failed: vi.fn() });
const output = (seq: number, data: string): TerminalEvent => ({ type: 'terminal.output', sessionId: 't1', data, seq });
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('live terminals', () => {
  it('draws the snapshot, then the chunks after it in order, acknowledging each', async () => {
    const f = fakeApi();
    const hooks = fakeHooks();
    const live = new LiveTerminals(f.api, hooks);
    const surface = new FakeSurface();
    surface.fitting = { cols: 120, rows: 40 };
    live.attach('t1', surface);
    // Chunks that arrive before the snapshot wait for it; those it already includes are skipped.
    live.onEvent(output(2, 'old'));
    live.onEvent(output(3, 'new'));
    f.snapshot({ data: '$ old', seq: 2 });
    await settle();
    live.onEvent(output(4, '!'));
    expect(surface.text()).toBe('$ oldnew!');
    expect(f.api.ackTerminal.mock.calls.map(([a]) => a)).toEqual([
      { sessionId: 't1', chars: 3 },
      { sessionId: 't1', chars: 3 },
      { sessionId: 't1', chars: 1 },
    ]);
    // After the snapshot the pty is asked for the pane's size, and the surface takes it once the pty has it.
    expect(f.api.resizeTerminal).toHaveBeenCalledWith({ sessionId: 't1', cols: 120, rows: 40 });
    await settle();
    expect(surface.size).toEqual({ cols: 120, rows: 40 });
    expect(hooks.resized).toHaveBeenCalledWith('t1', { cols: 120, rows: 40 });
  });

  it("always has the pty's size: another viewer's resize is followed in order with the output", async () => {
    const f = fakeApi();
    const hooks = fakeHooks();
    const live = new LiveTerminals(f.api, hooks);
    const surface = new FakeSurface();
    const sizes: string[] = [];
    const resize = surface.resize.bind(surface);
    surface.resize = (size) => {
      sizes.push(`${surface.text().length}:${size.cols}x${size.rows}`);
      resize(size);
    };
    live.attach('t1', surface);
    // Before the snapshot: a resize it already includes is skipped, a later one waits for its place.
    live.onEvent({ type: 'terminal.resize', sessionId: 't1', cols: 90, rows: 20, seq: 1 });
    live.onEvent(output(3, 'abc'));
    live.onEvent({ type: 'terminal.resize', sessionId: 't1', cols: 100, rows: 30, seq: 3 });
    f.snapshot({ data: '$ ', seq: 2, cols: 95, rows: 25 });
    await settle();
    expect(sizes.slice(0, 2)).toEqual(['0:95x25', '5:100x30']);
    // Another window made the pty smaller: this one draws the program at that size, after what came before it.
    live.onEvent(output(4, 'x'));
    live.onEvent({ type: 'terminal.resize', sessionId: 't1', cols: 70, rows: 18, seq: 4 });
    expect(sizes.at(-1)).toBe('6:70x18');
    expect(surface.size).toEqual({ cols: 70, rows: 18 });
    expect(hooks.resized).toHaveBeenLastCalledWith('t1', { cols: 70, rows: 18 });
    // Fitting asks; the surface takes what the pty got, not what it asked for.
    surface.fitting = { cols: 150, rows: 50 };
    f.api.resizeTerminal.mockResolvedValueOnce({ cols: 120, rows: 33 } as TerminalInfo);
    live.fit('t1');
    expect(surface.size).toEqual({ cols: 70, rows: 18 });
    await settle();
    expect(surface.size).toEqual({ cols: 120, rows: 33 });
  });

  it('sends typing to the pty until the program exits, and detaches when the view closes', async () => {
    const f = fakeApi();
    const hooks = fakeHooks();
    const live = new LiveTerminals(f.api, hooks);
    const surface = new FakeSurface();
    const close = live.attach('t1', surface);
    f.snapshot({});
    await settle();
    surface.type('ls\r');
    expect(f.api.writeTerminal).toHaveBeenCalledWith({ sessionId: 't1', data: 'ls\r' });
    live.onEvent({ type: 'terminal.exit', sessionId: 't1', exitCode: 130 });
    expect(hooks.exited).toHaveBeenCalledWith('t1', 130);
    surface.type('more');
    expect(f.api.writeTerminal).toHaveBeenCalledTimes(1);
    close();
    expect(f.api.detachTerminal).toHaveBeenCalledWith('t1');
    // Nothing reaches a closed view.
    live.onEvent(output(9, 'late'));
    expect(surface.text()).toBe('$ ');
  });

  it('says why when attaching fails', async () => {
    const f = fakeApi();
    f.api.attachTerminal.mockImplementation(async () => {
      throw new Error('no terminal session t1');
    });
    const hooks = fakeHooks();
    new LiveTerminals(f.api, hooks).attach('t1', new FakeSurface());
    await settle();
    expect(hooks.failed).toHaveBeenCalledWith('t1', 'no terminal session t1');
  });

  it("passes on the paused state: the snapshot's, then every flow event, and nothing of it to the surface", async () => {
    const f = fakeApi();
    const hooks = fakeHooks();
    const live = new LiveTerminals(f.api, hooks);
    const surface = new FakeSurface();
    live.attach('t1', surface);
    // A change before the snapshot is passed on, and the snapshot (taken after it) has the last word.
    live.onEvent({ type: 'terminal.flow', sessionId: 't1', paused: true });
    f.snapshot({ paused: true });
    await settle();
    live.onEvent({ type: 'terminal.flow', sessionId: 't1', paused: false });
    expect(hooks.flowChanged.mock.calls).toEqual([
      ['t1', true],
      ['t1', true],
      ['t1', false],
    ]);
    expect(surface.text()).toBe('$ ');
    expect(f.api.ackTerminal).not.toHaveBeenCalled();
  });
});
