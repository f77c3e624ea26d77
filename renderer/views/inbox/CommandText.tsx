// The command, risky segments marked by level where the risk engine placed them, each mark naming its level and
// reasons for sighted and screen-reader users alike. Shown as it runs: hidden characters escaped, and a warning under
// it saying what they would hide.
import { useMemo } from 'react';
import type { RiskAssessment } from '../../../shared/domain.ts';
import { partsBetween, showText, shownText } from '../../../shared/visible-text.ts';
import { HiddenWarning, ShownCode, ShownParts } from '../common/ShownText.tsx';
import { markCommand, segmentsOf, worstOf, type RiskSegment } from './segments.ts';

/** What a mark says on hover: each segment under it, its level, score and reasons (and what it runs inside). */
function markTitle(marks: readonly RiskSegment[]): string {
  return marks
    .map((s) => {
      const inner = s.via.length ? ` \`${s.text}\` (via ${s.via.join(' › ')})` : '';
      return `${s.level.toUpperCase()} (${s.score})${inner}: ${s.reasons.join('; ')}`;
    })
    .map(shownText)
    .join('\n');
}

export function CommandText({ command, risk }: { command: string; risk: RiskAssessment | null }) {
  const shown = useMemo(() => showText(command), [command]);
  const { pieces, unplaced } = useMemo(() => markCommand(command, segmentsOf(risk)), [command, risk]);
  const partsOf = (p: { from: number; text: string }) => (
    <ShownParts parts={partsBetween(shown.parts, p.from, p.from + p.text.length)} />
  );
  return (
    <>
      <pre className="command" aria-label="Command">
        <code>
          {pieces.map((p) => {
            const worst = worstOf(p.marks);
            return worst ? (
              <mark key={p.from} className={`seg seg-${worst.level}`} title={markTitle(p.marks)}>
                {partsOf(p)}
                <span className="visually-hidden"> [{worst.level} risk]</span>
              </mark>
            ) : (
              <span key={p.from}>{partsOf(p)}</span>
            );
          })}
        </code>
      </pre>
      <HiddenWarning flags={shown.flags} />
      {unplaced.length > 0 && (
        <ul className="unplaced" aria-label="Risky parts">
          {unplaced.map((s, i) => (
            <li key={i}>
              <span className={`level level-${s.level}`}>{s.level}</span> <ShownCode text={s.text} />
              {s.via.length ? ` (via ${shownText(s.via.join(' › '))})` : ''}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
