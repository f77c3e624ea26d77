// risk.*: parsing and scoring the labelled corpus on one thread, with the per-directory context cached
// (as in the core, where the same few working directories come back all day). No parse results are cached.
import { createRiskEngine } from '../../electron/core/risk/index.ts';
import { loadRiskCorpus } from '../support/risk-corpus.ts';
import { PROJECT, testContextOptions } from '../support/risk.ts';
import { percentile, round } from './stats.ts';

/** Passes over the corpus; the first warms the JIT and the context cache and is not counted. */
const PASSES = Number(process.env.BENCH_RISK_PASSES ?? 20);

export async function riskThroughput(): Promise<Record<string, number>> {
  const corpus = loadRiskCorpus();
  const engine = await createRiskEngine(
    testContextOptions({ branch: 'feature/search', changedFiles: 4, changedLines: 120, untrackedFiles: 2, stashes: 1 }),
  );
  const samples: number[] = [];
  let total = 0;
  for (let pass = 0; pass <= PASSES; pass++) {
    for (const { cmd, cwd } of corpus) {
      const started = process.hrtime.bigint();
      engine.assess(cmd, cwd ?? PROJECT);
      const ns = Number(process.hrtime.bigint() - started);
      if (pass === 0) continue;
      samples.push(ns / 1000);
      total += ns;
    }
  }
  return {
    'risk.commands_per_sec': Math.round(samples.length / (total / 1e9)),
    'risk.p50_us': round(percentile(samples, 50)),
    'risk.p99_us': round(percentile(samples, 99)),
    'risk.corpus_commands': corpus.length,
  };
}
