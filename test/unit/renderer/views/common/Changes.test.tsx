// @vitest-environment happy-dom
// What an allowed command changed, on its card and audit row: the summary with the list on opening, what could not be
// kept, and *Undo this command*, which previews before anything is restored (Cancel leaves everything as it was).
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SnapshotRecord, UndoPreview } from '../../../../../shared/undo.ts';
import { useUndo } from '../../../../../renderer/stores/undo.ts';
import { Changes } from '../../../../../renderer/views/common/Changes.tsx';
import { decided, fakeCommands, heldRequest, renderInApp, resetStores } from '../../support.tsx';

beforeEach(resetStores);
afterEach(cleanup);

const request = decided(heldRequest({ id: 'r1', command: 'rm -rf src' }), 'allow');

const snapshot: SnapshotRecord = {
  requestId: 'r1',
  sessionId: 's1',
  command: 'rm -rf src',
  root: '/p',
  privateRepo: false,
  gitDir: '/p/.git',
  ref: 'refs/gatehouse/snapshots/r1',
  commit: 'c0ffee',
  takenAt: '2026-01-01T00:00:00.000Z',
  ms: 40,
  kept: [],
  notKept: [{ path: '/home/dev/big', why: 'it is larger than the 512 MB Gatehouse keeps beside a snapshot' }],
  problem: null,
  changes: {
    summary: 'deleted 2 files in src/',
    files: [
      { path: 'src/a.ts', kind: 'deleted' },
      { path: 'src/b.ts', kind: 'deleted' },
    ],
    at: '2026-01-01T00:00:01.000Z',
  },
  undoneBy: null,
  bytes: 0,
};

const preview: UndoPreview = {
  requestId: 'r1',
  root: '/p',
  restore: ['src/a.ts', 'src/b.ts'],
  overwrite: [],
  trash: ['new.txt'],
  changedLater: [{ path: 'new.txt', by: ['r2'] }],
  keptBack: [],
  notKept: [],
};

describe('Changes', () => {
  it('asks for the snapshot of an allowed request, and shows nothing for one without', () => {
    const commands = fakeCommands();
    renderInApp(<Changes request={request} />, commands);
    expect(commands.loadSnapshot).toHaveBeenCalledWith('r1');
    act(() => useUndo.getState().snapshotKnown('r1', null));
    expect(screen.queryByText('Undo this command')).toBeNull();
  });

  it('shows what changed with the list, and what could not be kept', () => {
    renderInApp(<Changes request={request} />);
    act(() => useUndo.getState().snapshotKnown('r1', snapshot));
    expect(screen.getByText('Deleted 2 files in src/')).toBeTruthy();
    expect(screen.getByText(/src\/a\.ts/)).toBeTruthy();
    expect(screen.getByText(/Not kept, so an undo cannot bring it back: \/home\/dev\/big/)).toBeTruthy();
  });

  it('previews before it restores: what comes back, what goes to the trash, who changed it since', () => {
    const commands = fakeCommands();
    renderInApp(<Changes request={request} />, commands);
    act(() => useUndo.getState().snapshotKnown('r1', snapshot));
    fireEvent.click(screen.getByText('Undo this command'));
    expect(commands.previewUndo).toHaveBeenCalledWith('r1');
    expect(commands.confirmUndo).not.toHaveBeenCalled();
    act(() => useUndo.getState().stepChanged('r1', { step: 'preview', preview }));
    expect(screen.getByText('Come back (2)')).toBeTruthy();
    expect(screen.getByText("Created since: moved to Gatehouse's trash, not deleted (1)")).toBeTruthy();
    expect(screen.getByText(/Changed again after this command \(by r2\)/)).toBeTruthy();
    fireEvent.click(screen.getByText('Restore these files'));
    expect(commands.confirmUndo).toHaveBeenCalledWith('r1');
  });

  it('on a held card, says only what its snapshot could not keep', () => {
    const commands = fakeCommands();
    renderInApp(<Changes request={heldRequest({ id: 'r1', command: 'rm -rf src' })} />, commands);
    expect(commands.loadSnapshot).not.toHaveBeenCalled();
    act(() => useUndo.getState().snapshotKnown('r1', { ...snapshot, changes: null }));
    expect(screen.getByText(/Not kept, so an undo cannot bring it back: \/home\/dev\/big/)).toBeTruthy();
    expect(screen.queryByText('Undo this command')).toBeNull();
  });

  it('says a request was undone, and by which undo', () => {
    renderInApp(<Changes request={request} />);
    act(() => useUndo.getState().snapshotKnown('r1', { ...snapshot, undoneBy: 'u9' }));
    expect(screen.getByText(/Undone \(the undo is u9/)).toBeTruthy();
    expect(screen.queryByText('Undo this command')).toBeNull();
  });
});
