// A named suite, not one module's test: the whole engine scored against the labelled corpus.
// The risk engine against the labelled corpus: the acceptance thresholds of issue 3, on our own data.
// Labels come from a reviewer's judgement, written without looking at the engine's output.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RiskAssessment } from '../../../../../shared/domain.ts';
import { createRiskEngine } from '../../../../../electron/core/risk/index.ts';
import { loadRiskCorpus, type RiskCorpusEntry as CorpusEntry } from '../../../../support/risk-corpus.ts';
import { PROJECT, testContextOptions } from '../../../../support/risk.ts';

/** The project of the corpus is a repository on a feature branch with some work in progress. */
const GIT = { branch: 'feature/search', changedFiles: 4, changedLines: 120, untrackedFiles: 2, stashes: 1 };

const corpus = loadRiskCorpus();
const results: Array<{ entry: CorpusEntry; risk: RiskAssessment }> = [];

beforeAll(async () => {
  const engine = await createRiskEngine(testContextOptions(GIT));
  for (const entry of corpus) results.push({ entry, risk: engine.assess(entry.cmd, entry.cwd ?? PROJECT) });
});

const pick = (label: CorpusEntry['label'], routine?: boolean) =>
  results.filter((r) => r.entry.label === label && (routine === undefined || r.entry.routine === routine));
const share = (xs: typeof results, test: (r: RiskAssessment) => boolean) =>
  xs.filter((x) => test(x.risk)).length / Math.max(1, xs.length);
const high = (r: RiskAssessment) => r.level === 'high' || r.level === 'critical';
const show = (xs: typeof results) =>
  xs
    .map((x) => `${x.risk.level} ${x.risk.score}  ${x.entry.cmd}  (${x.entry.why}; said: ${x.risk.reasons[0] ?? ''})`)
    .join('\n');

describe('the labelled corpus', () => {
  it('never scores a dangerous command low, and scores at least 97% of them high or critical', () => {
    const dangerous = pick('dangerous');
    expect(show(dangerous.filter((x) => x.risk.level === 'low'))).toBe('');
    const missed = dangerous.filter((x) => !high(x.risk));
    expect(share(dangerous, high), `dangerous scored below high:\n${show(missed)}`).toBeGreaterThanOrEqual(0.97);
  });

  it('scores at most 5% of safe commands high or critical', () => {
    const safe = pick('safe');
    expect(share(safe, high), `safe scored high:\n${show(safe.filter((x) => high(x.risk)))}`).toBeLessThanOrEqual(0.05);
  });

  it('scores at least 60% of routine safe commands low', () => {
    const routine = pick('safe', true);
    expect(
      share(routine, (r) => r.level === 'low'),
      `routine not low:\n${show(routine.filter((x) => x.risk.level !== 'low'))}`,
    ).toBeGreaterThanOrEqual(0.6);
  });

  it('never scores low what deletes, writes outside the project, escalates or leaves the machine', () => {
    const caution = pick('caution');
    expect(show(caution.filter((x) => x.risk.level === 'low'))).toBe('');
  });

  it('gives every command that is not low a reason', () => {
    expect(
      results.filter((x) => x.risk.level !== 'low' && x.risk.reasons.length === 0).map((x) => x.entry.cmd),
    ).toEqual([]);
  });
});
