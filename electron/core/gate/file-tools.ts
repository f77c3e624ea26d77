// The agents' file tools as the gate sees them: which files a call changes, and the text a person reviews on the
// card. Each agent's plug-in reads its own tools' calls (`agents/<agent>/file-tools.ts`) into this shape.

export interface FileToolCall {
  tool: string;
  /** The files it changes, as written in the call. */
  paths: string[];
  /** What the card shows: the tool, the file, and what it would write (capped). */
  summary: string;
}

/** Enough of a change for a person to see what it does; the rest is counted, not shown. */
export const MAX_SHOWN_CHARS = 8000;

/** `text` up to `MAX_SHOWN_CHARS`, then how much more there was. */
export function cappedSummary(text: string): string {
  if (text.length <= MAX_SHOWN_CHARS) return text;
  return `${text.slice(0, MAX_SHOWN_CHARS)}\n… (${text.length - MAX_SHOWN_CHARS} more characters not shown)`;
}
