// Putting a project back as a snapshot had it. The plan compares the snapshot with the working tree now (taken as a
// tree the same way): files the snapshot has and the tree lacks come back, files that differ are put back, files the
// snapshot never had go to Gatehouse's trash. Nothing else is touched: an ignored file, or any file outside both
// trees, is never deleted or overwritten. Files are written by `git checkout-index` from a temporary index holding
// the snapshot (filters and hooks off: see git.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { diffTrees } from './changes.ts';
import type { SafeGit } from './git.ts';
import type { Trash } from './trash.ts';

export interface RestorePlan {
  restore: string[];
  overwrite: string[];
  trash: string[];
}

/** What restoring `snapshot` over the working tree whose tree is `now` would do. */
export async function planRestore(git: SafeGit, snapshot: string, now: string): Promise<RestorePlan> {
  const diff = await diffTrees(git, snapshot, now);
  return {
    // Seen from the snapshot: a file `now` lacks was deleted since, one `now` has alone was created since.
    restore: diff.filter((c) => c.kind === 'deleted').map((c) => c.path),
    overwrite: diff.filter((c) => c.kind === 'modified').map((c) => c.path),
    trash: diff.filter((c) => c.kind === 'created').map((c) => c.path),
  };
}

/** Carries out a plan: the created files to the trash (under `undoId`), then the snapshot's files written back. */
export async function applyRestore(
  git: SafeGit,
  root: string,
  snapshot: string,
  plan: RestorePlan,
  trash: Trash,
  undoId: string,
): Promise<{ restored: number; trashed: number; trashDir: string | null }> {
  // A file created where a folder of the snapshot was (or the reverse) is moved first, so the write can take its place.
  const trashDir = trash.move(
    undoId,
    root,
    plan.trash.filter((p) => isFileOrLink(path.join(root, p))),
  );
  const write = [...plan.restore, ...plan.overwrite];
  if (write.length > 0) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-restore-'));
    try {
      const index = path.join(tmp, 'index');
      await git.run(['read-tree', snapshot], { index });
      for (const p of write) clearWay(root, p);
      await git.run(['checkout-index', '-f', '-z', '--stdin'], { index, input: write.join('\0') });
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  return { restored: write.length, trashed: plan.trash.length, trashDir };
}

function isFileOrLink(p: string): boolean {
  try {
    return !fs.lstatSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** An empty folder standing where a file is written back is removed (only empty ones: a file is never lost). */
function clearWay(root: string, rel: string): void {
  const p = path.join(root, rel);
  try {
    if (fs.lstatSync(p).isDirectory()) fs.rmdirSync(p);
  } catch {
    // nothing there, or not empty: checkout-index says so
  }
}
