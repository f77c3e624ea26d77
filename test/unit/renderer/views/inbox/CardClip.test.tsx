// @vitest-environment happy-dom
// A card's lead-up: open on the selected card only (selecting another closes it), ending where the agent asked; the
// agent's banner and Gatehouse's own lines left out; one line instead of an empty terminal when the agent printed
// nothing else.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GateRequest } from '../../../../../shared/domain.ts';
import type { TimedEvent } from '../../../../../shared/recording.ts';
import { cardClip } from '../../../../../renderer/app/replay-commands.ts';
import { useInbox } from '../../../../../renderer/stores/inbox.ts';
import { Player } from '../../../../../renderer/terminal/player.ts';
import { Inbox } from '../../../../../renderer/views/inbox/Inbox.tsx';
import { fakeCommands, fakeSurfaces, heldRequest, renderInApp, resetStores } from '../../support.tsx';

beforeEach(resetStores);
afterEach(cleanup);

const CLAUDE_BANNER =
  '╭──────────────────────────╮\r\n│ ✻ Welcome to Claude Code! │\r\n╰──────────────────────────╯\r\n';

function withClips(clips: Record<string, { screen: string; events?: TimedEvent[] }>) {
  const commands = fakeCommands();
  const surfaces = fakeSurfaces();
  commands.clipFor.mockImplementation(async (r: GateRequest) => {
    const c = clips[r.id];
    if (!c) return null;
    const start = { sessionId: r.sessionId, atMs: 1000, cols: 80, rows: 10, data: c.screen };
    return cardClip({ start, events: c.events ?? [] }, 2500);
  });
  commands.createClipPlayer.mockImplementation((source, surface, report) => new Player(source, surface, report));
  return { commands, surfaces };
}

const cardOf = (id: string) =>
  screen.getAllByRole('article').find((a) => a.getAttribute('data-request-id') === id) as HTMLElement;

describe('the lead-up on a card', () => {
  it('opens on the selected card, ending where it asked', async () => {
    const r = heldRequest();
    const { commands, surfaces } = withClips({
      [r.id]: { screen: '$ make test\r\n', events: [{ atMs: 2000, event: { kind: 'output', data: 'FAIL 3 tests' } }] },
    });
    renderInApp(<Inbox />, commands, 'browser', surfaces.factory);
    act(() => useInbox.getState().pendingLoaded([r]));
    expect(commands.clipFor).not.toHaveBeenCalled();
    // The button is on the card: clicking it selects the card, which opens its lead-up.
    fireEvent.click(screen.getByRole('button', { name: 'Show the last 30 seconds of the terminal' }));
    await screen.findByRole('button', { name: 'Play the lead-up' });
    await waitFor(() => expect(surfaces.made[0]?.surface.text()).toBe('$ make test\r\nFAIL 3 tests'));
    expect(surfaces.made[0]?.options.readOnly).toBe(true);
  });

  it('keeps one lead-up open: selecting another card closes the one before', async () => {
    const [a, b] = [heldRequest(), heldRequest()];
    const { commands, surfaces } = withClips({
      [a.id]: { screen: 'a-output\r\n' },
      [b.id]: { screen: 'b-output\r\n' },
    });
    renderInApp(<Inbox />, commands, 'browser', surfaces.factory);
    act(() => useInbox.getState().pendingLoaded([a, b]));
    act(() => useInbox.getState().cardSelected(a.id));
    await within(cardOf(a.id)).findByRole('button', { name: 'Play the lead-up' });
    act(() => useInbox.getState().cardSelected(b.id));
    await within(cardOf(b.id)).findByRole('button', { name: 'Play the lead-up' });
    expect(within(cardOf(a.id)).queryByRole('group', { name: /Terminal in the/ })).toBeNull();
    expect(within(cardOf(a.id)).getByRole('button', { name: /Show the last 30 seconds/ })).toBeTruthy();
    expect(surfaces.made[0]?.surface.disposed).toBe(true);
    expect(surfaces.made.filter((m) => !m.surface.disposed)).toHaveLength(1);
  });

  it('says in one line that the agent printed nothing, instead of an empty terminal', async () => {
    const [empty, banner, own] = [heldRequest(), heldRequest(), heldRequest()];
    const { commands, surfaces } = withClips({
      [empty.id]: { screen: '\x1b[H\x1b[2J' },
      [banner.id]: { screen: CLAUDE_BANNER },
      [own.id]: { screen: '', events: [{ atMs: 1500, event: { kind: 'output', data: 'gatehouse: sandbox off\r\n' } }] },
    });
    renderInApp(<Inbox />, commands, 'browser', surfaces.factory);
    act(() => useInbox.getState().pendingLoaded([empty, banner, own]));
    const said = async (id: string) => {
      act(() => useInbox.getState().cardSelected(id));
      return (await within(cardOf(id)).findByText(/printed nothing/)).textContent;
    };
    expect(await said(empty.id)).toBe('Claude Code printed nothing before it asked. Show the terminal anyway');
    expect(await said(banner.id)).toMatch(/^Claude Code printed nothing but its banner before it asked\./);
    expect(await said(own.id)).toMatch(/^Claude Code printed nothing but Gatehouse's own notes before it asked\./);
    expect(surfaces.made).toHaveLength(0);
    // The terminal as recorded is a click away.
    fireEvent.click(within(cardOf(own.id)).getByRole('button', { name: 'Show the terminal anyway' }));
    await waitFor(() => expect(surfaces.made[0]?.surface.text()).toBe('gatehouse: sandbox off\r\n'));
  });

  it('leaves out the banner before the agent’s own output and Gatehouse’s lines after it', async () => {
    const r = heldRequest();
    const { commands, surfaces } = withClips({
      [r.id]: {
        screen: CLAUDE_BANNER,
        events: [
          { atMs: 1200, event: { kind: 'output', data: 'Running the tests\r\n' } },
          { atMs: 1300, event: { kind: 'output', data: 'gatehouse: waiting for a decision\r\nok 12 tests\r\n' } },
        ],
      },
    });
    renderInApp(<Inbox />, commands, 'browser', surfaces.factory);
    act(() => useInbox.getState().pendingLoaded([r]));
    act(() => useInbox.getState().cardSelected(r.id));
    await screen.findByRole('button', { name: 'Play the lead-up' });
    await waitFor(() => expect(surfaces.made[0]?.surface.text()).toBe('Running the tests\r\nok 12 tests\r\n'));
  });
});
