// npm run bench [-- --json]: runs every benchmark; the last stdout line is one JSON object of results.
import { fatigue } from './fatigue.ts';
import { gateOverhead } from './gate-overhead.ts';
import { rulesMatch } from './rules-match.ts';
import { riskThroughput } from './risk.ts';
import { uiCardVisible } from './ui-card.ts';
import { ptyThroughput } from './pty-throughput.ts';
import { recordingBench } from './recording.ts';

const json = process.argv.includes('--json');
const results: Record<string, number> = {};
const benches: Array<[string, () => Promise<Record<string, number>>]> = [
  ['gate overhead', gateOverhead],
  ['rules match', rulesMatch],
  ['approval fatigue', fatigue],
  ['risk engine', riskThroughput],
  ['ui card visible', uiCardVisible],
  ['pty throughput', ptyThroughput],
  ['recording', recordingBench],
];

for (const [name, bench] of benches) {
  if (!json) process.stderr.write(`running ${name}…\n`);
  Object.assign(results, await bench());
}
if (!json) {
  for (const [k, v] of Object.entries(results)) process.stderr.write(`  ${k.padEnd(28)} ${v}\n`);
}
process.stdout.write(`${JSON.stringify(results)}\n`);
process.exit(0);
