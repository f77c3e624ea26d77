// gatehouse undo <request> [--yes]: what undoing an allowed command would do, then (with --yes) the undo itself.
// gatehouse snapshots [list|prune|trash|untrash]: the snapshots kept for undo, and Gatehouse's trash.
import { parseArgs } from 'node:util';
import { formatDuration, parseDuration } from '../../../shared/duration.ts';
import type { SnapshotRecord, UndoPreview } from '../../../shared/undo.ts';
import { CliError, withCore, type CliContext } from './context.ts';
import { refuseInsideSession } from './inside-session.ts';

const UNDO_USAGE = 'usage: gatehouse undo <request> [--yes] [--json]';
const SNAPSHOTS_USAGE =
  'usage: gatehouse snapshots [list] [--json] | prune [--all | --older-than 7d] | trash | untrash <undo>';
/** Files named per list in a preview; the rest are counted. */
const SHOWN = 20;

function listed(title: string, paths: readonly string[]): string[] {
  if (paths.length === 0) return [];
  const more = paths.length > SHOWN ? [`    … and ${paths.length - SHOWN} more`] : [];
  return [`  ${title} (${paths.length}):`, ...paths.slice(0, SHOWN).map((p) => `    ${p}`), ...more];
}

export function previewText(p: UndoPreview): string {
  const lines = [`Undoing ${p.requestId} in ${p.root}:`];
  lines.push(...listed('comes back', p.restore));
  lines.push(...listed('put back as it was (what is there now is snapshotted first)', p.overwrite));
  lines.push(...listed("created since: moved to Gatehouse's trash, not deleted", p.trash));
  lines.push(...listed('kept outside the snapshot, put back', p.keptBack));
  if (p.changedLater.length > 0) {
    lines.push(
      `  changed again after this command (by ${[...new Set(p.changedLater.flatMap((c) => c.by))].join(', ')}):`,
    );
    lines.push(...p.changedLater.slice(0, SHOWN).map((c) => `    ${c.path}`));
  }
  for (const n of p.notKept) lines.push(`  cannot come back: ${n.path}, because ${n.why}`);
  if (p.restore.length + p.overwrite.length + p.trash.length + p.keptBack.length === 0)
    lines.push('  Nothing differs from the snapshot: there is nothing to undo.');
  return lines.join('\n');
}

export async function undoCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { yes: { type: 'boolean', short: 'y' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const [id, ...extra] = positionals;
  if (!id || extra.length > 0) throw new CliError(UNDO_USAGE, 2);
  if (!values.yes) {
    const preview = await withCore(ctx, (c) => c.api.previewUndo(id));
    ctx.out(
      values.json ? JSON.stringify(preview, null, 2) : `${previewText(preview)}\nTo do it: gatehouse undo ${id} --yes`,
    );
    return 0;
  }
  refuseInsideSession(ctx, 'undo a command');
  const { preview, result } = await withCore(ctx, async (c) => ({
    preview: await c.api.previewUndo(id),
    result: await c.api.undoRequest({ id, via: 'cli' }),
  }));
  if (values.json) ctx.out(JSON.stringify(result, null, 2));
  else
    ctx.out(
      `${previewText(preview)}\nDone: ${result.summary}.${result.trashDir ? ` Moved files are in ${result.trashDir}.` : ''} To take this undo back: gatehouse undo ${result.undoId} --yes`,
    );
  return 0;
}

function snapshotLine(s: SnapshotRecord): string {
  const state = s.undoneBy ? `undone by ${s.undoneBy}` : (s.changes?.summary ?? 'not run yet');
  const kept = s.kept.length > 0 ? ` · kept ${s.kept.length} outside path(s)` : '';
  return `${s.requestId}  ${s.takenAt}  ${s.root}  ${state}${kept}\n    ${s.command.split('\n')[0]?.slice(0, 100) ?? ''}`;
}

export async function snapshotsCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean' }, all: { type: 'boolean' }, 'older-than': { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [what = 'list', ...rest] = positionals;
  if (what === 'list') {
    const all = await withCore(ctx, (c) => c.api.listSnapshots());
    if (values.json) ctx.out(JSON.stringify(all, null, 2));
    else ctx.out(all.length === 0 ? 'No snapshots are kept.' : all.map(snapshotLine).join('\n'));
    return 0;
  }
  if (what === 'prune') {
    const older = values['older-than'];
    const ms = older === undefined ? undefined : parseDuration(older);
    if (ms === null) throw new CliError(`--older-than takes a duration (for example 7d), not "${older}"`, 2);
    refuseInsideSession(ctx, 'remove snapshots');
    const n = await withCore(ctx, (c) =>
      c.api.pruneSnapshots({ all: values.all, olderThanDays: ms === undefined ? undefined : ms / 86_400_000 }),
    );
    const which = values.all ? '' : ms !== undefined ? ` older than ${formatDuration(ms)}` : ' past retention';
    ctx.out(`Removed ${n} snapshot${n === 1 ? '' : 's'}${which}.`);
    return 0;
  }
  if (what === 'trash') {
    const entries = await withCore(ctx, (c) => c.api.listTrash());
    if (values.json) ctx.out(JSON.stringify(entries, null, 2));
    else
      ctx.out(
        entries.length === 0
          ? "Gatehouse's trash is empty."
          : entries.map((e) => `${e.id}  ${e.at}  ${e.files.length} file(s) from ${e.root}\n    ${e.dir}`).join('\n'),
      );
    return 0;
  }
  if (what === 'untrash' && rest.length === 1 && rest[0]) {
    const id = rest[0];
    refuseInsideSession(ctx, "put files back from Gatehouse's trash");
    const r = await withCore(ctx, (c) => c.api.restoreTrash(id));
    ctx.out(
      `Put back ${r.restored.length} file(s).${r.skipped.length > 0 ? ` Left in the trash, because a file stands there now: ${r.skipped.join(', ')}.` : ''}`,
    );
    return 0;
  }
  throw new CliError(SNAPSHOTS_USAGE, 2);
}
