// Which real agent commands Gatehouse would show escaped and flag as hiding something (each is rated high), for
// tuning shared/visible-text.ts against false alarms:
//   node --experimental-strip-types test/support/visible-report.ts [agent-traces.jsonl]
// The file defaults to $GATEHOUSE_TRACES, else ../shared/data/agent-traces.jsonl beside the repository. Its commands
// are data: they are read as text and never run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { showText } from '../../shared/visible-text.ts';

export const DEFAULT_TRACES =
  process.env.GATEHOUSE_TRACES ??
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data/agent-traces.jsonl');

/** The traces' commands, in order. */
export function readTraceCommands(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { cmd: string }).cmd);
}

/** The commands that would be flagged, with their flags. */
export function flaggedCommands(commands: readonly string[]): Array<{ cmd: string; flags: string[] }> {
  return commands
    .map((cmd) => ({ cmd, flags: showText(cmd).flags.map((f) => f.message) }))
    .filter((r) => r.flags.length > 0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const file = process.argv[2] ?? DEFAULT_TRACES;
  const commands = readTraceCommands(file);
  const flagged = flaggedCommands(commands);
  console.log(`${flagged.length} of ${commands.length} commands flagged as hiding something`);
  for (const f of flagged) console.log(`\n${JSON.stringify(f.cmd)}\n  - ${f.flags.join('\n  - ')}`);
}
