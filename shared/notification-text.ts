// The words of a held-request notification, the same in the desktop app (native) and the browser (Web Notifications).
import type { Agent, GateRequest } from './domain.ts';

export const AGENT_NAMES: Readonly<Record<Agent, string>> = { claude: 'Claude Code', codex: 'Codex', generic: 'An agent', shell: 'A shell' };

/** Notification bodies are cut by every platform; past this the command is shortened with an ellipsis. */
const MAX_COMMAND_CHARS = 120;

function shorten(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** "Claude Code wants to run `rm -rf build`" / "HIGH: deletes 1,204 files inside the project". */
export function heldNotificationText(r: GateRequest): { title: string; body: string } {
  const title = `${AGENT_NAMES[r.agent]} wants to run \`${shorten(r.command, MAX_COMMAND_CHARS)}\``;
  if (!r.risk) return { title, body: `Not scored · in ${r.cwd}` };
  const why = r.risk.reasons[0];
  return { title, body: `${r.risk.level.toUpperCase()}${why ? `: ${why}` : ` (score ${r.risk.score})`}` };
}
