// Marks the risky parts of a command for the card, from the risk engine's segments (`risk.segments`; requests
// scored before segments existed have none). A segment whose text is not found verbatim is listed under the
// command instead of guessed (a wrapped one, like the `rm` inside `bash -c '…'`, often is not).
import type { RiskAssessment, RiskSegment } from '../../../shared/domain.ts';

export type { RiskSegment };

/** A stretch of the command: its text, where it starts in the command, and the segment it is, if marked. */
export type CommandPiece = { text: string; from: number; segment: RiskSegment | null };

/** The segments of an assessment, if it has any. */
export function segmentsOf(risk: RiskAssessment | null): RiskSegment[] {
  return risk?.segments ?? [];
}

/** Only segments that need a second look are marked: `low` is the everyday noise the marks would drown in. */
const marked = (s: RiskSegment) => s.level !== 'low' && s.text.length > 0;

/** The command cut into pieces, risky segments as their own pieces (in order, each at its first place after the last). */
export function markCommand(
  command: string,
  segments: readonly RiskSegment[],
): { pieces: CommandPiece[]; unplaced: RiskSegment[] } {
  const pieces: CommandPiece[] = [];
  const unplaced: RiskSegment[] = [];
  let at = 0;
  for (const segment of segments.filter(marked)) {
    const found = command.indexOf(segment.text, at);
    if (found === -1) {
      unplaced.push(segment);
      continue;
    }
    if (found > at) pieces.push({ text: command.slice(at, found), from: at, segment: null });
    pieces.push({ text: segment.text, from: found, segment });
    at = found + segment.text.length;
  }
  if (at < command.length) pieces.push({ text: command.slice(at), from: at, segment: null });
  return { pieces, unplaced };
}
