// What a hosted shell prints in its own terminal about a line typed at its prompt while Gatehouse decides it: that it
// waits for the person (and how to cancel it there), then, in one line, how it was decided. The shell integration asks
// with `progress` and prints each `say:` line of the gate's answer as it comes (pty/shell-integration/gate.sh); a line
// allowed at once says nothing, as a terminal without Gatehouse would.
import type { GateRequest } from '../../../shared/domain.ts';
import { formatDuration } from '../../../shared/duration.ts';
import { REASONS, type Verdict } from '../broker/broker.ts';

/** A long or multi-line command is shown as its start: the card in Gatehouse has the whole of it. */
const MAX_SHOWN_CHARS = 60;

/**
 * The line that stands for the typed one while it waits (bash clears the prompt while Gatehouse is asked). It starts
 * with ‖, not ⏸: U+23F8 is missing from the usual monospace fonts (DejaVu Sans Mono, Liberation Mono) and shows as a
 * box; ‖, ✓ and ✗ are in them.
 */
export function heldNotice(request: GateRequest): string {
  const level = request.risk ? `${request.risk.level} risk: ` : '';
  return `‖ Waiting for your decision in Gatehouse — ${level}${shortCommand(request.command)}. Ctrl-C cancels.`;
}

/** How a held or denied line was decided; an allowed line then runs. */
export function decidedNotice(v: Verdict, holdTimeoutMs: number): string {
  if (v.decision === 'allow') return `✓ Allowed${allowedBy(v)}; running it.`;
  if (v.decidedBy.startsWith('human:'))
    return v.reason === REASONS.humanDeny ? '✗ Denied in Gatehouse.' : `✗ Denied in Gatehouse: ${oneLine(v.reason)}`;
  if (v.decidedBy === 'timeout') return `✗ Not run: nobody decided within ${formatDuration(holdTimeoutMs)}.`;
  return `✗ ${oneLine(v.reason)}`;
}

function allowedBy(v: Verdict): string {
  const by = v.decidedBy;
  if (by.startsWith('human:')) return ' in Gatehouse';
  if (by.startsWith('rule:')) return ` by Gatehouse rule ${by.slice('rule:'.length)}`;
  if (by === 'trust-mode') return ' by trust mode';
  if (by === 'auto-allow') return ' as low risk (auto-allow is on)';
  if (by === 'typed') return ': this shell now runs such lines when you type them';
  return ' by Gatehouse';
}

function shortCommand(command: string): string {
  const text = oneLine(command);
  return text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS - 1)}…` : text;
}

// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\x00-\x1f\x7f-\x9f]/g;

/** One terminal line: no control characters (a newline would end the notice, an escape would be obeyed). */
function oneLine(text: string): string {
  return text.replace(CONTROL, ' ').replace(/ {2,}/g, ' ').trim();
}
