// Which programs (and subcommands) the low-rated segments of a command list run, for people writing the
// read-only shape tables (risk/shapes/): `node test/support/low-programs-report.ts [file.jsonl]` (lines with
// a `cmd`; default: the labelled corpus and ../shared/data/agent-traces.jsonl). It only scores; nothing runs.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRiskEngine } from '../../electron/core/risk/index.ts';
import { loadRiskCorpus } from './risk-corpus.ts';
import { PROJECT, testContextOptions } from './risk.ts';

const engine = await createRiskEngine(
  testContextOptions({ branch: 'feature/x', changedFiles: 4, changedLines: 120, untrackedFiles: 2, stashes: 1 }),
);
const traces = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'agent-traces.jsonl');
const file = process.argv[2] ?? (existsSync(traces) ? traces : null);
const commands = file
  ? readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { cmd: string }).cmd)
  : loadRiskCorpus().map((e) => e.cmd);
const counts = new Map<string, number>();
const unproven = new Map<string, number>();
let low = 0;
for (const cmd of commands) {
  const risk = engine.assess(cmd, PROJECT);
  if (risk.level === 'low') low++;
  for (const seg of risk.segments) {
    const [prog = '', sub = ''] = seg.argv;
    const key = `${path.basename(prog)} ${/^[a-z][\w:-]*$/.test(sub) ? sub : ''}`.trim();
    if (seg.level === 'low') counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const r of seg.reasons) {
      const m = /does not know (?:what )?`([^`]+)`/.exec(r);
      if (m) unproven.set(`${path.basename(prog)} ${m[1]}`, (unproven.get(`${path.basename(prog)} ${m[1]}`) ?? 0) + 1);
    }
  }
}
console.log(`${low}/${commands.length} low (${((100 * low) / commands.length).toFixed(1)}%)`);
console.log('## low segments by program');
for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 120)) console.log(`${n}\t${k}`);
console.log('## not proven (program, word)');
for (const [k, n] of [...unproven].sort((a, b) => b[1] - a[1]).slice(0, 150)) console.log(`${n}\t${k}`);
