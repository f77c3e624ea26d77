// The store's upkeep: recordings retention, audit retention, and giving freed space back to the disk. It
// starts once the sockets are open (agents are served from the first moment; a large purge before them held
// agents 9.4 s) and runs hourly, every part in slices that yield to the event loop (sliced.ts).
import type { StorageStatus } from '../../../shared/api.ts';
import type { Settings } from '../../../shared/settings.ts';
import { systemClock, type Clock } from '../clock.ts';
import type { AuditRepository } from '../store/audit.ts';
import type { StoreSpace } from '../store/compaction.ts';
import { addStats, emptyStats, runSliced, type SliceStats } from './sliced.ts';

/** Recordings grow by megabytes an hour, not gigabytes: hourly is often enough. */
export const UPKEEP_INTERVAL_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const MB = 1024 * 1024;
/**
 * A database still without incremental auto-vacuum is switched by itself (one VACUUM, ~7 ms per live MB on a
 * 2-vCPU VM) only while its live data is under this: at most ~60 ms of the core's thread, once. A larger one is
 * switched when a person asks (`compactStorage`), since the VACUUM holds the core for its whole length.
 */
export const AUTO_CONVERT_MAX_BYTES = 8 * MB;
/** Free pages worth handing back: below this the file keeps them for reuse (SQLite fills free pages first). */
export const VACUUM_MIN_FREE_BYTES = 4 * MB;

export interface UpkeepDeps {
  recordings: {
    retentionPlan(retention: Settings['retention']): string[];
    retentionStep(sessionId: string): boolean;
    pauseSearchMerges(): void;
    mergeSearchStep(): boolean;
    resumeSearchMerges(): void;
  };
  audit: Pick<AuditRepository, 'beginPrune' | 'pruneStep' | 'checkpoint'>;
  databaseFile: string;
  space: Pick<
    StoreSpace,
    'autoVacuum' | 'liveBytes' | 'freePages' | 'sizes' | 'vacuumStep' | 'convertToIncremental' | 'checkpoint'
  >;
  /** The settings as they are now (they change through the API). */
  settings: () => Pick<Settings, 'retention' | 'auditRetentionDays'>;
  clock?: Clock;
  sliceMs?: number;
  onError: (err: unknown) => void;
}

export interface UpkeepReport {
  sessionsDeleted: number;
  auditPruned: number;
  /** Bytes handed back to the file system (free pages vacuumed). */
  bytesFreed: number;
  /** The file was switched to incremental auto-vacuum in this run. */
  converted: boolean;
  slices: SliceStats;
  ms: number;
}

export class Upkeep {
  private readonly deps: UpkeepDeps;
  private readonly clock: Clock;
  private timer: NodeJS.Timeout | null = null;
  private first: NodeJS.Immediate | null = null;
  private running: Promise<UpkeepReport> | null = null;
  private last: { at: string; report: UpkeepReport } | null = null;
  private stopped = false;

  constructor(deps: UpkeepDeps) {
    this.deps = deps;
    this.clock = deps.clock ?? systemClock;
  }

  /** Runs now (in slices, after the caller's current turn) and every UPKEEP_INTERVAL_MS until `close`. */
  start(): void {
    const kick = () => {
      this.run().catch((err: unknown) => this.deps.onError(err));
    };
    this.first = setImmediate(kick);
    this.timer = setInterval(kick, UPKEEP_INTERVAL_MS);
    this.timer.unref();
  }

  /** One pass; a pass already running is joined rather than doubled. */
  run(): Promise<UpkeepReport> {
    this.running ??= this.pass()
      .then((report) => {
        this.last = { at: new Date(this.clock.wall()).toISOString(), report };
        return report;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** The control API's `storageStatus`. */
  storageStatus(): StorageStatus {
    const last = this.last;
    return {
      databaseFile: this.deps.databaseFile,
      ...this.deps.space.sizes(),
      auditCheckpoint: this.deps.audit.checkpoint(),
      lastUpkeep: last && {
        at: last.at,
        sessionsDeleted: last.report.sessionsDeleted,
        auditPruned: last.report.auditPruned,
        bytesFreed: last.report.bytesFreed,
        ms: Math.round(last.report.ms),
        longestSliceMs: Math.round(last.report.slices.longestSliceMs),
      },
    };
  }

  /** The control API's `compactStorage`. */
  async compactStorage(): Promise<StorageStatus> {
    await this.compact();
    return this.storageStatus();
  }

  /** Stops the timer and waits for a running pass to stop at its next step. */
  async close(): Promise<void> {
    this.stopped = true;
    if (this.first) clearImmediate(this.first);
    if (this.timer) clearInterval(this.timer);
    this.first = null;
    this.timer = null;
    await this.running?.catch(() => {});
  }

  /**
   * Switches a database of any size to incremental auto-vacuum, or hands back every free page: what a
   * person asks for from Settings, accepting that a switch holds the core for the VACUUM's length.
   */
  async compact(): Promise<UpkeepReport> {
    await this.running?.catch(() => {});
    const started = this.clock.monotonic();
    const report: UpkeepReport = {
      sessionsDeleted: 0,
      auditPruned: 0,
      bytesFreed: 0,
      converted: false,
      slices: emptyStats(),
      ms: 0,
    };
    await this.reclaim(report, true);
    report.ms = this.clock.monotonic() - started;
    return report;
  }

  private async pass(): Promise<UpkeepReport> {
    const started = this.clock.monotonic();
    const report: UpkeepReport = {
      sessionsDeleted: 0,
      auditPruned: 0,
      bytesFreed: 0,
      converted: false,
      slices: emptyStats(),
      ms: 0,
    };
    const settings = this.deps.settings();
    const sliced = (step: () => boolean) =>
      runSliced(step, { sliceMs: this.deps.sliceMs, monotonic: this.clock.monotonic, stopped: () => this.stopped });

    const { recordings } = this.deps;
    const doomed = this.stopped ? [] : recordings.retentionPlan(settings.retention);
    if (doomed.length > 0) {
      recordings.pauseSearchMerges();
      try {
        for (const id of doomed) {
          if (this.stopped) break;
          addStats(report.slices, await sliced(() => recordings.retentionStep(id)));
          report.sessionsDeleted += 1;
        }
        addStats(report.slices, await sliced(() => recordings.mergeSearchStep()));
      } finally {
        recordings.resumeSearchMerges();
      }
    }

    if (settings.auditRetentionDays !== null && !this.stopped) {
      const now = this.clock.wall();
      report.auditPruned = this.deps.audit.beginPrune(now - settings.auditRetentionDays * DAY_MS, now)?.entries ?? 0;
    }
    // Also finishes a prune an earlier core began and did not end.
    if (!this.stopped) addStats(report.slices, await sliced(() => this.deps.audit.pruneStep()));

    if (!this.stopped) await this.reclaim(report, false);
    report.ms = this.clock.monotonic() - started;
    return report;
  }

  private async reclaim(report: UpkeepReport, asked: boolean): Promise<void> {
    const { space } = this.deps;
    if (space.autoVacuum() === 'none') {
      if (!asked && space.liveBytes() > AUTO_CONVERT_MAX_BYTES) return;
      const before = space.sizes().fileBytes;
      const started = this.clock.monotonic();
      space.convertToIncremental();
      // One piece that cannot be cut: counted as a slice, so the report says how long the core was held.
      addStats(report.slices, { steps: 1, slices: 1, longestSliceMs: this.clock.monotonic() - started });
      report.converted = true;
      report.bytesFreed += Math.max(0, before - space.sizes().fileBytes);
      return;
    }
    const sizes = space.sizes();
    if (sizes.autoVacuum !== 'incremental' || (!asked && sizes.freeBytes < VACUUM_MIN_FREE_BYTES)) return;
    addStats(
      report.slices,
      await runSliced(() => space.vacuumStep(), {
        sliceMs: this.deps.sliceMs,
        monotonic: this.clock.monotonic,
        stopped: () => this.stopped,
      }),
    );
    space.checkpoint();
    report.bytesFreed += Math.max(0, sizes.freeBytes - space.sizes().freeBytes);
  }
}
