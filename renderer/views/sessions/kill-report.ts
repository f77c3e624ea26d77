// What Kill did, in one sentence under the terminal's header (which shows the exit code itself): the signal that ended
// the program and those it ignored first, or that it still runs (a process stuck in the kernel outlives even SIGKILL
// until the kernel lets it go).
import type { KillSignal, TerminalKillResult } from '../../../shared/api.ts';

export function describeKill(r: TerminalKillResult): string {
  if (r.sent.length === 0) return 'It had already ended.';
  if (r.endedBy === null)
    return `Could not end it: process ${r.pid} still runs after ${list(r.sent)}. End it from a terminal, or restart the machine.`;
  const ignored = r.sent.slice(0, -1);
  return `Ended by ${r.endedBy}${ignored.length > 0 ? `, after it ignored ${list(ignored)}` : ''}.`;
}

function list(signals: KillSignal[]): string {
  if (signals.length <= 1) return signals.join('');
  return `${signals.slice(0, -1).join(', ')} and ${signals.at(-1)}`;
}
