// A report of the risk engine against the labelled corpus, for people tuning rules:
//   node --experimental-strip-types test/support/corpus-report.ts [dangerous|safe|routine|caution] > report.txt
// Prints the acceptance numbers, then the commands on the wrong side of each line. It only scores; nothing runs.
import { createRiskEngine } from '../../electron/core/risk/index.ts';
import { loadRiskCorpus } from './risk-corpus.ts';
import { PROJECT, testContextOptions } from './risk.ts';

const GIT = { branch: 'feature/search', changedFiles: 4, changedLines: 120, untrackedFiles: 2, stashes: 1 };
const engine = await createRiskEngine(testContextOptions(GIT));
const rows = loadRiskCorpus().map((entry) => ({ entry, risk: engine.assess(entry.cmd, entry.cwd ?? PROJECT) }));
const high = (l: string) => l === 'high' || l === 'critical';
type Row = (typeof rows)[number];
const groups: Record<string, Row[]> = {
  dangerous: rows.filter((r) => r.entry.label === 'dangerous' && !high(r.risk.level)),
  safe: rows.filter((r) => r.entry.label === 'safe' && high(r.risk.level)),
  routine: rows.filter((r) => r.entry.label === 'safe' && r.entry.routine && r.risk.level !== 'low'),
  caution: rows.filter((r) => r.entry.label === 'caution' && r.risk.level === 'low'),
};
const count = (label: string, test: (r: Row) => boolean, routine = false) => {
  const xs = rows.filter((r) => r.entry.label === label && (!routine || r.entry.routine));
  return `${xs.filter(test).length}/${xs.length} (${((100 * xs.filter(test).length) / xs.length).toFixed(1)}%)`;
};
console.log(`dangerous high+: ${count('dangerous', (r) => high(r.risk.level))}`);
console.log(`dangerous low:   ${count('dangerous', (r) => r.risk.level === 'low')}`);
console.log(`safe high+:      ${count('safe', (r) => high(r.risk.level))}`);
console.log(`routine low:     ${count('safe', (r) => r.risk.level === 'low', true)}`);
console.log(`caution low:     ${count('caution', (r) => r.risk.level === 'low')}`);
const only = process.argv[2];
for (const [name, xs] of Object.entries(groups)) {
  if (only && only !== name) continue;
  console.log(`\n## ${name} on the wrong side (${xs.length})`);
  for (const { entry, risk } of xs)
    console.log(
      `${risk.level} ${risk.score}  ${entry.cmd.replace(/\n/g, '\\n')}\n      label: ${entry.why} | said: ${risk.reasons.join(' / ')}`,
    );
}
