// What doctor and the session say about Cursor: fail-closed by its documentation, and plainly unverified.
import { describe, expect, it } from 'vitest';
import type { LaunchFacts } from '../../../../../electron/core/agents/plugin.ts';
import { cursorFailMode, cursorProtections } from '../../../../../electron/core/agents/cursor/status.ts';

const facts = (hooksFailClosed: boolean): LaunchFacts => ({
  agent: 'cursor',
  transport: { kind: 'curl', curlPath: '/usr/bin/curl' },
  hooksFailClosed,
  sandbox: { kind: null, status: '' },
  hookFilesWatched: null,
  platform: 'linux',
});

describe('Cursor status', () => {
  it('says its fail-closed facts come from the documentation, not the program', () => {
    expect(cursorFailMode().detail).toMatch(/^from Cursor’s documentation, not verified against the program/);
  });

  it('names a hook entry without failClosed, and file edits as not held', () => {
    expect(cursorProtections(facts(false)).hooks.detail).toContain('lacks failClosed');
    expect(cursorProtections(facts(true)).hooks.detail).not.toContain('lacks failClosed');
    expect(cursorProtections(facts(true)).fileTools.state).toBe('off');
  });
});
