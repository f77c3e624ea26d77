// undo.*: what a snapshot before a command costs the gate, and what an undo takes, on a generated repository of
// 5,000 files (4,500 committed in 30 folders, 500 untracked). `undo.snapshot_first_ms`: the first snapshot of the
// project (its private index seeded from the project's own); `undo.snapshot_ms_p50`: the next ones, nothing changed
// since (what most allowed commands cost); `undo.restore_ms`: undoing an `rm -rf` of three folders (the undo's own
// snapshot, the moves and the writes), checked byte for byte. Everything lives in a temporary directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RiskAssessment } from '../../shared/domain.ts';
import { findGit } from '../../electron/core/undo/git.ts';
import { UndoService } from '../../electron/core/undo/service.ts';
import { hashTree, makeRepo } from '../support/git-repo.ts';
import { percentile, round } from './stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const FOLDERS = 30;
const COMMITTED = 4500;
const UNTRACKED = 500;

function files(count: number, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    out[`f${i % FOLDERS}/${prefix}${i}.ts`] = `export const v${i} = ${i}; // ${'x'.repeat(i % 400)}\n`;
  }
  return out;
}

const RISK: RiskAssessment = { score: 60, level: 'high', categories: ['file-deletion'], reasons: [], segments: [] };

export async function undoBench(): Promise<Record<string, number>> {
  const git = findGit();
  if (!git) throw new Error('undo bench: no git at a system path');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-bench-undo-'));
  try {
    const project = makeRepo(fs.mkdtempSync(path.join(tmp, 'p-')), files(COMMITTED, 'c'), files(UNTRACKED, 'u'));
    const undo = new UndoService({
      dir: path.join(tmp, 'data'),
      git,
      home: tmp,
      limits: () => ({ keepBytes: 1 << 30, totalBytes: 1 << 30, maxAgeMs: 86_400_000 }),
    });
    const subject = (id: string) => ({ id, sessionId: 's', command: 'rm -rf f1 f2 f3', cwd: project, risk: RISK });
    let t = performance.now();
    await undo.before(subject('first'));
    const first = performance.now() - t;
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      t = performance.now();
      await undo.before(subject(`r${i}`));
      samples.push(performance.now() - t);
    }
    const before = hashTree(project);
    await undo.before(subject('rm'));
    for (const f of ['f1', 'f2', 'f3']) fs.rmSync(path.join(project, f), { recursive: true });
    t = performance.now();
    await undo.undo('rm', 'bench');
    const restore = performance.now() - t;
    const after = hashTree(project);
    if (JSON.stringify(after) !== JSON.stringify(before))
      throw new Error('undo bench: the restore is not byte for byte');
    return {
      'undo.snapshot_first_ms': round(first),
      'undo.snapshot_ms_p50': round(percentile(samples, 50)),
      'undo.snapshot_ms_p95': round(percentile(samples, 95)),
      'undo.restore_ms': round(restore),
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
