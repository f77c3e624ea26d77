// Undo, as a service of the core: a snapshot before every allowed command not proven read-only (the broker waits for
// it before the allow reaches the agent), what the command changed once its outcome is known, the preview and the
// undo itself, and the snapshots' retention. See docs/undo.md.
import fs from 'node:fs';
import path from 'node:path';
import type { GateRequest, RiskAssessment } from '../../../shared/domain.ts';
import type { SnapshotRecord, UndoPreview, UndoResult } from '../../../shared/undo.ts';
import { ApiError } from '../../../shared/api.ts';
import { newId } from '../ids.ts';
import { diffTrees, summarize } from './changes.ts';
import { commandTargets, keepPaths, putBackKept, type Target } from './keep.ts';
import { SnapshotRecords } from './records.ts';
import { applyRestore, planRestore } from './restore.ts';
import { SnapshotRefused, Snapshotter, type SnapshotPlace } from './snapshot.ts';
import { Trash } from './trash.ts';

/** What the broker hands over about a request it is about to allow (or is holding). */
export interface SnapshotSubject {
  id: string;
  sessionId: string;
  command: string;
  cwd: string;
  risk: RiskAssessment | null;
}

export interface UndoLimits {
  /** Bytes of ignored or outside paths kept beside one snapshot. */
  keepBytes: number;
  /** Bytes all kept paths may take; the oldest snapshots go first past it. */
  totalBytes: number;
  /**
   * The recordings' age limit: the trash ages with it, and so do snapshots when `sessionKept` is not given (with it, a
   * snapshot goes with its session's recording, whatever its age).
   */
  maxAgeMs: number;
}

export interface UndoServiceOptions {
  /** `<data>/undo`. */
  dir: string;
  git: string;
  limits: () => UndoLimits;
  /** Told when a record changes (what a command changed, an undo): the card, the audit and the replay follow it. */
  onChanged?: (record: SnapshotRecord) => void;
  /** Writes the undo into the audit chain. */
  audit?: (entry: { requestId: string; undoId: string; actor: string; summary: string }) => void;
  /**
   * Whether the session a snapshot was taken in still has its recording (retention has not deleted it): a snapshot
   * lives as long as the recording that shows its command, so the replay's marker can always be undone.
   */
  sessionKept?: (sessionId: string) => boolean;
  home?: string;
  now?: () => number;
  onError?: (err: unknown) => void;
}

/**
 * Read-only only when proven: every segment judged and nothing but `read-only` found. A command whose reading found
 * nothing at all (a shape table's program) is not proven read-only, so it is snapshotted.
 */
export function provenReadOnly(risk: RiskAssessment | null): boolean {
  const segments = risk?.segments ?? [];
  if (segments.length === 0) return false;
  return segments.every((s) => s.categories.length > 0 && s.categories.every((c) => c === 'read-only'));
}

export class UndoService {
  readonly snapshots: Snapshotter;
  readonly records: SnapshotRecords;
  readonly trash: Trash;
  private readonly keptDir: string;
  private readonly pending = new Map<string, Promise<SnapshotRecord | null>>();
  private readonly now: () => number;
  private readonly onError: (err: unknown) => void;

  private readonly o: UndoServiceOptions;

  constructor(o: UndoServiceOptions) {
    this.o = o;
    fs.mkdirSync(o.dir, { recursive: true, mode: 0o700 });
    this.snapshots = new Snapshotter({ git: o.git, dir: o.dir, home: o.home });
    this.records = new SnapshotRecords(path.join(o.dir, 'records'));
    this.trash = new Trash(path.join(o.dir, 'trash'));
    this.keptDir = path.join(o.dir, 'kept');
    this.now = o.now ?? Date.now;
    this.onError = o.onError ?? ((err) => console.error('gatehouse: undo:', err));
  }

  /**
   * Starts the snapshot for a request (at most once) and resolves when it is taken or has failed; never rejects. A
   * held request's snapshot starts while it waits for the person; the allow waits for it to finish.
   */
  before(s: SnapshotSubject): Promise<SnapshotRecord | null> {
    if (provenReadOnly(s.risk)) return Promise.resolve(null);
    let p = this.pending.get(s.id);
    if (!p) {
      p = this.take(s).catch((err: unknown) => {
        this.onError(err);
        return null;
      });
      this.pending.set(s.id, p);
    }
    return p;
  }

  /** A request denied (or abandoned) after its snapshot started: the snapshot is not needed. */
  discard(id: string): void {
    const p = this.pending.get(id);
    this.pending.delete(id);
    void p?.then(async (r) => {
      if (r) await this.remove(r);
    });
  }

  private async take(s: SnapshotSubject): Promise<SnapshotRecord | null> {
    const base = {
      requestId: s.id,
      sessionId: s.sessionId,
      command: s.command,
      kept: [],
      notKept: [],
      changes: null,
      undoneBy: null,
      bytes: 0,
    };
    let snap;
    try {
      snap = await this.snapshots.take(s.cwd, `snapshots/${s.id}`);
    } catch (err) {
      if (!(err instanceof SnapshotRefused)) this.onError(err);
      return null;
    }
    const record: SnapshotRecord = {
      ...base,
      root: snap.root,
      gitDir: snap.gitDir,
      privateRepo: snap.privateRepo,
      ref: snap.ref,
      commit: snap.commit,
      takenAt: new Date(this.now()).toISOString(),
      ms: snap.ms,
      problem: snap.unreadable ? 'some files could not be read, so they are not in the snapshot' : null,
    };
    const targets = await this.uncovered(snap, commandTargets(s.risk, s.cwd, this.o.home));
    if (targets.length > 0) {
      const kept = keepPaths(targets, path.join(this.keptDir, s.id), this.o.limits().keepBytes);
      Object.assign(record, { kept: kept.kept, notKept: kept.notKept, bytes: kept.bytes });
    }
    this.records.put(record);
    // The held card says what will not come back before the person decides.
    if (record.notKept.length > 0 || record.problem) this.o.onChanged?.(record);
    return record;
  }

  /** Of the command's targets, what the snapshot does not cover: outside the project, or ignored inside it. */
  private async uncovered(place: SnapshotPlace, targets: Target[]): Promise<Target[]> {
    const out: Target[] = [];
    const inside: Target[] = [];
    for (const t of targets) {
      const rel = path.relative(place.root, t.path);
      if (rel.startsWith('..') || path.isAbsolute(rel)) out.push(t);
      else inside.push(t);
    }
    if (inside.length === 0) return out;
    const git = this.snapshots.gitFor(place);
    const listed = await git.run(
      [
        'ls-files',
        '-z',
        '--others',
        '--ignored',
        '--exclude-standard',
        '--directory',
        '--',
        ...inside.map((t) => path.relative(place.root, t.path) || '.'),
      ],
      {},
    );
    for (const rel of listed.split('\0').filter(Boolean)) {
      const abs = path.join(place.root, rel);
      const from = inside.find((t) => abs === t.path || abs.startsWith(`${t.path}/`) || t.path.startsWith(`${abs}`));
      out.push({ path: abs.replace(/\/$/, ''), pureDelete: from?.pureDelete ?? false });
    }
    return out;
  }

  /** The command ran (or failed): what it changed against its snapshot. */
  async afterRun(request: GateRequest): Promise<SnapshotRecord | null> {
    const taken = await this.pending.get(request.id);
    this.pending.delete(request.id);
    const record = taken ?? this.records.get(request.id);
    if (!record || request.outcome?.state === 'not-run') return record ?? null;
    try {
      const place = placeOf(record);
      const now = await this.snapshots.tree(place);
      const files = await diffTrees(this.snapshots.gitFor(place), record.commit, now);
      const gone = record.kept.filter((k) => !fs.existsSync(k.path)).length;
      const extra = gone > 0 ? `; removed ${gone} ignored or outside ${gone === 1 ? 'path' : 'paths'} (kept)` : '';
      const changes = { summary: `${summarize(files)}${extra}`, files, at: new Date(this.now()).toISOString() };
      const next = this.records.update(request.id, (r) => ({ ...r, changes }));
      if (next) this.o.onChanged?.(next);
      return next;
    } catch (err) {
      this.onError(err);
      return record;
    }
  }

  get(id: string): SnapshotRecord | null {
    return this.records.get(id);
  }

  /** What undoing `id` would do. Throws `not_found` when it has no snapshot. */
  async preview(id: string): Promise<UndoPreview> {
    const record = this.mustGet(id);
    const place = placeOf(record);
    const git = this.snapshots.gitFor(place);
    const now = await this.snapshots.tree(place);
    const plan = await planRestore(git, record.commit, now);
    const touched = new Set([...plan.restore, ...plan.overwrite, ...plan.trash]);
    const later = this.records
      .list()
      .filter((r) => r.root === record.root && r.takenAt > record.takenAt && r.requestId !== id && r.changes);
    const changedLater: UndoPreview['changedLater'] = [];
    for (const file of touched) {
      const by = later.filter((r) => r.changes?.files.some((f) => f.path === file)).map((r) => r.requestId);
      if (by.length > 0) changedLater.push({ path: file, by });
    }
    return {
      requestId: id,
      root: record.root,
      ...plan,
      changedLater,
      keptBack: record.kept.filter((k) => !fs.existsSync(k.path)).map((k) => k.path),
      notKept: record.notKept,
    };
  }

  /**
   * Undoes `id`: snapshots the project first (under the undo's own id, so the undo can be undone), moves files created
   * since to the trash, writes the snapshot's files back and puts kept paths back where nothing stands now.
   */
  async undo(id: string, actor: string): Promise<UndoResult> {
    const record = this.mustGet(id);
    if (record.undoneBy)
      throw new ApiError('conflict', `${id} was already undone by ${record.undoneBy}; undo that to take it back`);
    const undoId = newId();
    const place = placeOf(record);
    const pre = await this.snapshots.take(place.root, `snapshots/${undoId}`);
    const git = this.snapshots.gitFor(place);
    const plan = await planRestore(git, record.commit, pre.commit);
    const done = await applyRestore(git, record.root, record.commit, plan, this.trash, undoId);
    let keptBack = 0;
    for (const k of record.kept) if (putBackKept(k, path.join(this.keptDir, id))) keptBack += 1;
    const files = await diffTrees(git, pre.commit, await this.snapshots.tree(place));
    const summary = `${summarize(files)}${keptBack > 0 ? `; put back ${keptBack} kept ${keptBack === 1 ? 'path' : 'paths'}` : ''}${done.trashDir ? `; ${done.trashed} moved to Gatehouse's trash` : ''}`;
    const at = new Date(this.now()).toISOString();
    const own: SnapshotRecord = {
      requestId: undoId,
      sessionId: record.sessionId,
      command: `gatehouse undo ${id}`,
      root: record.root,
      gitDir: record.gitDir,
      privateRepo: record.privateRepo,
      ref: pre.ref,
      commit: pre.commit,
      takenAt: at,
      ms: pre.ms,
      kept: [],
      notKept: [],
      problem: null,
      changes: { summary, files, at },
      undoneBy: null,
      undoOf: id,
      bytes: 0,
    };
    this.records.put(own);
    const undone = this.records.update(id, (r) => ({ ...r, undoneBy: undoId }));
    this.o.audit?.({ requestId: id, undoId, actor, summary });
    if (undone) this.o.onChanged?.(undone);
    return { undoId, restored: done.restored + keptBack, trashed: done.trashed, trashDir: done.trashDir, summary };
  }

  /** Every snapshot kept, oldest first. */
  list(): SnapshotRecord[] {
    return this.records.list();
  }

  /**
   * Removes snapshots past retention (those whose session's recording retention has deleted, or, without
   * `sessionKept`, older than the recordings' age; then the oldest while the kept paths pass the size cap), or every one
   * taken before `before` when given. Returns how many went.
   */
  async prune(before?: number): Promise<number> {
    const limits = this.o.limits();
    const cutoff = before ?? this.now() - limits.maxAgeMs;
    const all = this.records.list();
    const kept = before === undefined ? this.o.sessionKept : undefined;
    const expired = (r: SnapshotRecord) => (kept ? !kept(r.sessionId) : Date.parse(r.takenAt) < cutoff);
    const gone = new Set(all.filter(expired));
    let total = all.filter((r) => !gone.has(r)).reduce((n, r) => n + r.bytes, 0);
    for (const r of all) {
      if (total <= limits.totalBytes) break;
      if (gone.has(r)) continue;
      gone.add(r);
      total -= r.bytes;
    }
    for (const r of gone) await this.remove(r);
    // The trash ages with retention only: `gatehouse snapshots prune` never empties it.
    if (before === undefined) this.trash.prune(cutoff);
    return gone.size;
  }

  private async remove(r: SnapshotRecord): Promise<void> {
    try {
      await this.snapshots.gitFor(placeOf(r)).run(['update-ref', '-d', r.ref]);
    } catch (err) {
      this.onError(err);
    }
    fs.rmSync(path.join(this.keptDir, r.requestId), { recursive: true, force: true });
    this.records.remove(r.requestId);
  }

  private mustGet(id: string): SnapshotRecord {
    const record = this.records.get(id);
    if (!record)
      throw new ApiError(
        'not_found',
        `Gatehouse has no snapshot for ${id}: it was read-only, not allowed, or its snapshot has expired`,
      );
    return record;
  }
}

function placeOf(r: SnapshotRecord): SnapshotPlace {
  return { root: r.root, gitDir: r.gitDir, privateRepo: r.privateRepo };
}
