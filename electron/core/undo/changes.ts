// What a command changed: the files that differ between the snapshot taken before it and the working tree after it,
// and the sentence a card, the audit and the replay marker show ("deleted 412 files in src/").
import type { FileChange, FileChangeKind } from '../../../shared/undo.ts';
import type { SafeGit } from './git.ts';

const KINDS: Record<string, FileChangeKind> = { A: 'created', M: 'modified', T: 'modified', D: 'deleted' };

/** The files that differ from tree (or commit) `from` to `to`, each once, in path order. */
export async function diffTrees(git: SafeGit, from: string, to: string): Promise<FileChange[]> {
  const out = await git.run(['diff-tree', '-r', '-z', '--no-renames', '--no-textconv', '--name-status', from, to]);
  const parts = out.split('\0');
  const changes: FileChange[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const kind = KINDS[parts[i] ?? ''];
    const file = parts[i + 1];
    if (kind && file) changes.push({ path: file, kind });
  }
  return changes;
}

const VERBS: Record<FileChangeKind, string> = { deleted: 'deleted', modified: 'changed', created: 'created' };

/**
 * One short sentence: per kind, how many files and the folder they share ("deleted 412 files in src/, changed 1
 * file"); "changed no files" when nothing differs.
 */
export function summarize(changes: readonly FileChange[]): string {
  if (changes.length === 0) return 'changed no files';
  const parts: string[] = [];
  for (const kind of ['deleted', 'modified', 'created'] as const) {
    const paths = changes.filter((c) => c.kind === kind).map((c) => c.path);
    if (paths.length === 0) continue;
    const where = commonFolder(paths);
    const noun = paths.length === 1 ? 'file' : 'files';
    const one = paths.length === 1 ? ` ${paths[0]}` : '';
    parts.push(
      `${VERBS[kind]} ${paths.length === 1 ? `1 ${noun}${one}` : `${paths.length} ${noun}`}${where && !one ? ` in ${where}` : ''}`,
    );
  }
  return parts.join(', ');
}

/** The deepest folder every path is in (`src/`), or '' when they share none. */
function commonFolder(paths: readonly string[]): string {
  const split = paths.map((p) => p.split('/').slice(0, -1));
  const first = split[0] ?? [];
  let n = first.length;
  for (const s of split) {
    let i = 0;
    while (i < n && s[i] === first[i]) i += 1;
    n = i;
  }
  return n === 0 ? '' : `${first.slice(0, n).join('/')}/`;
}
