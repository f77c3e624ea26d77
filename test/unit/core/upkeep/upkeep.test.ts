// Upkeep's decisions on fakes: what each pass deletes, prunes and gives back, and when it leaves things alone.
import { describe, expect, it } from 'vitest';
import type { AutoVacuum, StoreSizes } from '../../../../electron/core/store/compaction.ts';
import { AUTO_CONVERT_MAX_BYTES, Upkeep, type UpkeepDeps } from '../../../../electron/core/upkeep/upkeep.ts';

const DAY = 24 * 60 * 60 * 1000;
const MB = 1024 * 1024;
const NOW = Date.parse('2026-12-01T00:00:00Z');

function fakes(
  o: {
    doomed?: string[];
    stepsPerSession?: number;
    autoVacuum?: AutoVacuum;
    liveBytes?: number;
    freeBytes?: number;
    auditDays?: number | null;
  } = {},
) {
  const log: string[] = [];
  let auto: AutoVacuum = o.autoVacuum ?? 'incremental';
  let free = o.freeBytes ?? 0;
  const left = new Map((o.doomed ?? []).map((id) => [id, o.stepsPerSession ?? 3]));
  const sizes = (): StoreSizes => ({
    fileBytes: 10 * MB + free,
    walBytes: 0,
    freeBytes: free,
    autoVacuum: auto,
    recordingBytes: 0,
    sessions: 0,
    requests: 0,
    auditEntries: 0,
  });
  const deps: UpkeepDeps = {
    recordings: {
      retentionPlan: () => [...left.keys()],
      retentionStep: (id) => {
        const n = (left.get(id) ?? 0) - 1;
        left.set(id, n);
        log.push(`step ${id}`);
        return n > 0;
      },
      pauseSearchMerges: () => log.push('pause merges'),
      mergeSearchStep: () => (log.push('merge'), false),
      resumeSearchMerges: () => log.push('resume merges'),
    },
    audit: {
      beginPrune: (before, at) => (log.push(`prune before ${(at - before) / DAY} days`), null),
      pruneStep: () => false,
      checkpoint: () => null,
    },
    databaseFile: '/data/gatehouse.db',
    space: {
      autoVacuum: () => auto,
      liveBytes: () => o.liveBytes ?? MB,
      freePages: () => free / 4096,
      sizes,
      vacuumStep: () => {
        free = Math.max(0, free - MB);
        log.push('vacuum');
        return free > 0;
      },
      convertToIncremental: () => {
        auto = 'incremental';
        log.push('convert');
      },
      checkpoint: () => log.push('checkpoint'),
    },
    settings: () => ({ retention: { maxAgeDays: 30, maxTotalMB: 2048 }, auditRetentionDays: o.auditDays ?? null }),
    clock: { wall: () => NOW, monotonic: () => 0 },
    onError: (err) => log.push(`error ${String(err)}`),
  };
  return { deps, log };
}

describe('Upkeep', () => {
  it('deletes what retention chose with the search merges paused, then merges and resumes', async () => {
    const { deps, log } = fakes({ doomed: ['a', 'b'], stepsPerSession: 2 });
    const report = await new Upkeep(deps).run();
    expect(report.sessionsDeleted).toBe(2);
    expect(log).toEqual(['pause merges', 'step a', 'step a', 'step b', 'step b', 'merge', 'resume merges']);
  });

  it('prunes the audit only when a person set a retention, by that many days', async () => {
    const off = fakes();
    await new Upkeep(off.deps).run();
    expect(off.log.filter((l) => l.startsWith('prune'))).toEqual([]);
    const on = fakes({ auditDays: 90 });
    await new Upkeep(on.deps).run();
    expect(on.log).toContain('prune before 90 days');
  });

  it('switches a small database to incremental vacuum by itself, a large one only when asked', async () => {
    const small = fakes({ autoVacuum: 'none', liveBytes: AUTO_CONVERT_MAX_BYTES });
    expect((await new Upkeep(small.deps).run()).converted).toBe(true);
    const large = fakes({ autoVacuum: 'none', liveBytes: AUTO_CONVERT_MAX_BYTES + 1 });
    const upkeep = new Upkeep(large.deps);
    expect((await upkeep.run()).converted).toBe(false);
    expect(large.log).not.toContain('convert');
    expect(await upkeep.compactStorage()).toMatchObject({
      autoVacuum: 'incremental',
      databaseFile: '/data/gatehouse.db',
    });
  });

  it('gives free pages back past 4 MB, in steps, then checkpoints; below that it keeps them for reuse', async () => {
    const some = fakes({ freeBytes: 3 * MB });
    await new Upkeep(some.deps).run();
    expect(some.log).not.toContain('vacuum');
    const many = fakes({ freeBytes: 6 * MB });
    const upkeep = new Upkeep(many.deps);
    const report = await upkeep.run();
    expect(many.log.filter((l) => l === 'vacuum')).toHaveLength(6);
    expect(many.log.at(-1)).toBe('checkpoint');
    expect(report.bytesFreed).toBe(6 * MB);
    expect(upkeep.storageStatus().lastUpkeep).toMatchObject({ at: new Date(NOW).toISOString(), bytesFreed: 6 * MB });
  });

  it('stops a pass at its next step when the core closes', async () => {
    const { deps, log } = fakes({ doomed: ['a'], stepsPerSession: 1_000_000 });
    const upkeep = new Upkeep({ ...deps, sliceMs: 0 });
    const pass = upkeep.run();
    await upkeep.close();
    await pass;
    expect(log.filter((l) => l === 'step a').length).toBeLessThan(10);
    expect(log.at(-1)).toBe('resume merges');
  });
});
