// Marks the risky parts of a command for the card, at the places the risk engine gives (`RiskSegment.span`), never
// by looking for a segment's text: the `sh` of `curl …/install.sh | sh` is the last word, not the `sh` in the URL.
// A segment read out of a string (the `rm` inside `bash -c '…'`) has the place of the command that runs it, so
// several segments can cover the same words: a mark is as risky as the worst of them and names them all. Segments
// with no place (requests scored before spans existed) are listed under the command instead of guessed.
import type { RiskAssessment, RiskLevel, RiskSegment } from '../../../shared/domain.ts';

export type { RiskSegment };

/** A stretch of the command: its text, where it starts, and the risky segments that cover it (none: unmarked). */
export interface CommandPiece {
  text: string;
  from: number;
  marks: RiskSegment[];
}

/** The segments of an assessment, if it has any. */
export function segmentsOf(risk: RiskAssessment | null): RiskSegment[] {
  return risk?.segments ?? [];
}

const RANK: Readonly<Record<RiskLevel, number>> = { low: 0, medium: 1, high: 2, critical: 3 };

/** Only segments that need a second look are marked: `low` is the everyday noise the marks would drown in. */
const needsLook = (s: RiskSegment) => s.level !== 'low' && s.text.length > 0;

type Span = { start: number; end: number };

/** A segment's place, if it has one that fits this command. */
function placeIn(command: string, s: RiskSegment): Span | null {
  const span = s.span;
  return span && span.start >= 0 && span.start < span.end && span.end <= command.length ? span : null;
}

/** The worst of the segments that cover a piece: the mark's level. */
export function worstOf(marks: readonly RiskSegment[]): RiskSegment | null {
  let worst: RiskSegment | null = null;
  for (const s of marks)
    if (!worst || RANK[s.level] > RANK[worst.level] || (s.level === worst.level && s.score > worst.score)) worst = s;
  return worst;
}

/** The command cut at every edge of a risky segment's place; each piece knows which risky segments cover it. */
export function markCommand(
  command: string,
  segments: readonly RiskSegment[],
): { pieces: CommandPiece[]; unplaced: RiskSegment[] } {
  const placed: Array<{ segment: RiskSegment; span: Span }> = [];
  const unplaced: RiskSegment[] = [];
  for (const segment of segments.filter(needsLook)) {
    const span = placeIn(command, segment);
    if (span) placed.push({ segment, span });
    else unplaced.push(segment);
  }
  const edges = new Set([0, command.length]);
  for (const { span } of placed) edges.add(span.start).add(span.end);
  const cuts = [...edges].sort((a, b) => a - b);
  const pieces: CommandPiece[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i] as number;
    const to = cuts[i + 1] as number;
    const marks = placed.filter(({ span }) => span.start <= from && span.end >= to).map((p) => p.segment);
    pieces.push({ text: command.slice(from, to), from, marks });
  }
  return { pieces, unplaced };
}
