// The words of a held-request notification, the same in the desktop app (native) and the browser (Web Notifications).
import type { Agent, GateRequest } from './domain.ts';
import { showText, shownLine, shownText } from './visible-text.ts';

export const AGENT_NAMES: Readonly<Record<Agent, string>> = {
  claude: 'Claude Code',
  codex: 'Codex',
  gemini: 'Gemini CLI',
  copilot: 'GitHub Copilot CLI',
  generic: 'An agent',
  shell: 'A shell',
  opencode: 'OpenCode',
  amp: 'Amp',
  cursor: 'Cursor',
};

/**
 * What a person's decision tells the agent when they gave no reason. The card leaves it out (its outcome line already
 * says a person decided); the agent reads it.
 */
export const HUMAN_DECISION_REASONS = {
  allow: 'Approved by the user in Gatehouse.',
  deny: 'Denied by the user in Gatehouse.',
} as const;

/** Notification bodies are cut by every platform; past this the command is shortened with an ellipsis. */
const MAX_COMMAND_CHARS = 120;

/**
 * "Claude Code wants to run `rm -rf build`" / "HIGH: deletes 1,204 files inside the project". The command is on one
 * line with hidden characters escaped; one that hides something says so first.
 */
export function heldNotificationText(r: GateRequest): { title: string; body: string } {
  const title = `${AGENT_NAMES[r.agent]} wants to run \`${shownLine(r.command, MAX_COMMAND_CHARS)}\``;
  const hidden = showText(r.command).flags[0];
  const warning = hidden ? `it shows differently from what runs (${hidden.message})` : null;
  if (!r.risk) return { title, body: warning ? `Not scored: ${warning}` : `Not scored · in ${shownText(r.cwd)}` };
  const why = warning ?? (r.risk.reasons[0] === undefined ? undefined : shownText(r.risk.reasons[0]));
  return { title, body: `${r.risk.level.toUpperCase()}${why ? `: ${why}` : ` (score ${r.risk.score})`}` };
}
