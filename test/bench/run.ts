// npm run bench [-- --json]: runs every benchmark; the last stdout line is one JSON object of results.
import { gateOverhead } from './gate-overhead.ts';
import { recordingBench } from './recording.ts';

const json = process.argv.includes('--json');
const results: Record<string, number> = {};
const benches: Array<[string, () => Promise<Record<string, number>>]> = [
  ['gate overhead', gateOverhead],
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
