// Commands as the CLI prints them for people: what would draw as something else is escaped (a raw carriage return
// or escape sequence printed to a terminal would redraw the line), and what it hid is said under the command.
// JSON output keeps the raw command; this is for human output only.
import { showText, shownText } from '../../../shared/visible-text.ts';

export { shownText };

/** `$ <command>` escaped, then a warning and one line per hidden thing, each line indented by `indent`. */
export function commandLines(command: string, indent: string, prompt = '$ '): string {
  const { parts, flags } = showText(command);
  const lines = [`${indent}${prompt}${parts.map((p) => p.text).join('')}`];
  if (flags.length > 0) {
    lines.push(`${indent}! It shows differently from what runs; hidden characters are shown escaped:`);
    for (const f of flags) lines.push(`${indent}!   ${f.message}`);
  }
  return lines.join('\n');
}

/** The JSON fields that say how a command is shown: `display` (escaped) and `hidden` (what it would hide). */
export function displayFields(command: string): { display: string; hidden: string[] } {
  const { parts, flags } = showText(command);
  return { display: parts.map((p) => p.text).join(''), hidden: flags.map((f) => f.message) };
}
