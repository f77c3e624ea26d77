// @vitest-environment happy-dom
// A named suite, not one module's test: the reconnect loop (app/reconnect.ts) and the banner that says it (views/ConnectionBanner.tsx).
// Browser mode after the core has gone: the page asks its own URL until the core answers, and only then reloads (never
// onto "This site can't be reached"); a refused token stops the waiting and says what to do. The banner says which.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  Reconnector,
  RETRY_DELAYS_MS,
  TOKEN_REFUSED,
  pageProbe,
  type ProbeResult,
} from '../../../../renderer/app/reconnect.ts';
import { useApp } from '../../../../renderer/stores/connection.ts';
import { ConnectionBanner } from '../../../../renderer/views/ConnectionBanner.tsx';
import { resetStores } from '../support.tsx';

const PAGE = { origin: 'http://127.0.0.1:7345', pathname: '/', search: '?token=abc' };

describe('pageProbe', () => {
  it('asks for the page itself, token included, without the cache', async () => {
    const fetchPage = vi.fn(async () => ({ ok: true, status: 200 }));
    expect(await pageProbe(PAGE, fetchPage)()).toBe('back');
    expect(fetchPage).toHaveBeenCalledWith('http://127.0.0.1:7345/?token=abc', { method: 'HEAD', cache: 'no-store' });
  });

  it('401 is a refused token; no answer, or any other, is a core still away', async () => {
    expect(await pageProbe(PAGE, async () => ({ ok: false, status: 401 }))()).toBe('refused');
    expect(await pageProbe(PAGE, async () => ({ ok: false, status: 503 }))()).toBe('away');
    expect(
      await pageProbe(PAGE, async () => {
        throw new TypeError('Failed to fetch');
      })(),
    ).toBe('away');
  });
});

describe('Reconnector', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function world(results: ProbeResult[]) {
    const probe = vi.fn(async () => results.shift() ?? 'away');
    const reload = vi.fn();
    const refused = vi.fn();
    return { r: new Reconnector({ probe, reload, refused }), probe, reload, refused };
  }

  it('asks quickly at first, then every second, and reloads only once the core answers', async () => {
    const w = world(['away', 'away', 'away', 'away', 'back']);
    w.r.start();
    w.r.start();
    const [first, second, third] = RETRY_DELAYS_MS as [number, number, number];
    await vi.advanceTimersByTimeAsync(first);
    expect(w.probe).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(second);
    expect(w.probe).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(third);
    await vi.advanceTimersByTimeAsync(third);
    expect(w.reload).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(third);
    expect(w.probe).toHaveBeenCalledTimes(5);
    expect(w.reload).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10 * third);
    expect(w.probe).toHaveBeenCalledTimes(5);
  });

  it('Try now asks at once, and goes on waiting if the core is still away', async () => {
    const w = world(['away', 'back']);
    w.r.start();
    await w.r.tryNow();
    expect(w.probe).toHaveBeenCalledTimes(1);
    expect(w.reload).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[1] as number);
    expect(w.reload).toHaveBeenCalledTimes(1);
  });

  it('stops at a refused token and says so, without reloading', async () => {
    const w = world(['refused']);
    w.r.start();
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[0] as number);
    expect(w.refused).toHaveBeenCalledTimes(1);
    expect(w.reload).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(5000);
    expect(w.probe).toHaveBeenCalledTimes(1);
  });
});

describe('ConnectionBanner', () => {
  beforeEach(() => resetStores());
  afterEach(cleanup);

  it('says nothing while connected', () => {
    useApp.getState().connected();
    const { container } = render(<ConnectionBanner retry={() => {}} />);
    expect(container.innerHTML).toBe('');
  });

  it('browser mode: says the page is waiting and comes back by itself; Try now asks at once', () => {
    const retry = vi.fn();
    render(<ConnectionBanner retry={retry} />);
    act(() => {
      useApp.getState().connectionLost('Lost the connection to the Gatehouse core.');
      useApp.getState().reconnectStarted();
    });
    expect(screen.getByRole('alert').textContent).toBe(
      'Lost the connection to the Gatehouse core. Waiting for it to come back: this page reconnects by itself.Try now',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Try now' }));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('a refused token: says what to run, and offers no button that cannot work', () => {
    render(<ConnectionBanner retry={() => {}} />);
    act(() => useApp.getState().reconnectRefused(TOKEN_REFUSED));
    expect(screen.getByRole('alert').textContent).toBe(TOKEN_REFUSED);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('the desktop app: Reconnect', () => {
    const retry = vi.fn();
    render(<ConnectionBanner retry={retry} />);
    act(() => useApp.getState().connectionLost('The Gatehouse core stopped. Restart Gatehouse.'));
    fireEvent.click(screen.getByRole('button', { name: 'Reconnect' }));
    expect(retry).toHaveBeenCalledTimes(1);
  });
});
