// npm run bench [-- --json] [--only NAME,NAME]: runs every benchmark, or those named (e.g. `--only record,pty`);
// the last stdout line is one JSON object of results.
import { parseArgs } from 'node:util';
import { agentScan } from './agent-scan.ts';
import { fatigue } from './fatigue.ts';
import { fatigueTraces } from './fatigue-traces.ts';
import { gateOverhead } from './gate-overhead.ts';
import { heldCapacity } from './held-capacity.ts';
import { peerLookup } from './peer-lookup.ts';
import { rulesMatch } from './rules-match.ts';
import { riskThroughput } from './risk.ts';
import { uiCardVisible } from './ui-card.ts';
import { ptyThroughput } from './pty-throughput.ts';
import { recordingBench } from './recording.ts';
import { recordBench } from './record.ts';
import { storeLockStall } from './store-lock.ts';
import { undoBench } from './undo.ts';

const { values: args } = parseArgs({
  options: { json: { type: 'boolean', default: false }, only: { type: 'string' } },
});
const json = args.json;
const results: Record<string, number> = {};
const benches: Array<[string, () => Promise<Record<string, number>>]> = [
  ['gate', gateOverhead],
  ['rules', rulesMatch],
  ['fatigue', fatigue],
  // The same reviewer on real agent traces (fatigue.traces_*); skipped with a message when the file is absent.
  ['fatigue-traces', fatigueTraces],
  ['risk', riskThroughput],
  ['ui', uiCardVisible],
  ['pty', ptyThroughput],
  ['recording', recordingBench],
  // A hosted session through the pty host and the recorder (record.*).
  ['record', recordBench],
  // Who is at the other end of a control connection (peer.*): once per connection.
  ['peer', peerLookup],
  // Listing running agents from /proc, with 400 more processes (agents.*): when the status is asked.
  ['agents', agentScan],
  // Another process holding the database's write lock for 8 s under traffic (store.lock_*).
  ['store', storeLockStall],
  // Requests held at once under the default open-files limit, the core still answering (gate.held_capacity).
  ['held', heldCapacity],
  // A snapshot before a command and an undo on a 5,000-file repository (undo.*).
  ['undo', undoBench],
];

const wanted = args.only?.split(',') ?? benches.map(([name]) => name);
const unknown = wanted.filter((w) => !benches.some(([name]) => name === w));
if (unknown.length > 0)
  throw new Error(`no benchmark named ${unknown.join(', ')}; there are: ${benches.map(([n]) => n).join(', ')}`);
const chosen = benches.filter(([name]) => wanted.includes(name));
for (const [name, bench] of chosen) {
  if (!json) process.stderr.write(`running ${name}…\n`);
  Object.assign(results, await bench());
}
if (!json) {
  for (const [k, v] of Object.entries(results)) process.stderr.write(`  ${k.padEnd(28)} ${v}\n`);
}
process.stdout.write(`${JSON.stringify(results)}\n`);
process.exit(0);
