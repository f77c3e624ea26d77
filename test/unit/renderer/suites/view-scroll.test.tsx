// @vitest-environment happy-dom
// A named suite, not one view's test: scroll positions kept per view as the navigation moves between them.
// Layout that does not jump: each view keeps its own scroll position, and a view seen for the first time opens at its
// top, not at the depth the previous view was left at. (The sticky navigation is CSS; the e2e tests look at it.)
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../../renderer/views/App.tsx';
import { renderInApp, resetStores } from '../support.tsx';

let scrollY = 0;
/** The page's scroll as the browser would keep it: set by scrolling (a `scroll` event) or by `scrollTo`. */
function scrollPageTo(top: number) {
  scrollY = top;
  window.dispatchEvent(new Event('scroll'));
}

beforeEach(() => {
  resetStores();
  scrollY = 0;
  vi.spyOn(window, 'scrollY', 'get').mockImplementation(() => scrollY);
  vi.spyOn(window, 'scrollTo').mockImplementation(((options: ScrollToOptions) => {
    scrollY = options.top ?? 0;
  }) as typeof window.scrollTo);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('scroll position per view', () => {
  it('opens a view at its top the first time, and where it was left when coming back', () => {
    renderInApp(<App />);
    const nav = screen.getByRole('navigation', { name: 'Views' });
    // fireEvent runs inside act already.
    const go = (name: string) => {
      fireEvent.click(within(nav).getByRole('button', { name: new RegExp(`^${name}`) }));
    };
    act(() => scrollPageTo(640));
    go('Audit');
    expect(scrollY).toBe(0);
    act(() => scrollPageTo(220));
    go('Inbox');
    expect(scrollY).toBe(640);
    go('Audit');
    expect(scrollY).toBe(220);
    go('Settings');
    expect(scrollY).toBe(0);
  });
});
