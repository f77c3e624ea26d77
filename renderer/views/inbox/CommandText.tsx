// The command, risky segments marked by level, each mark naming its level and reasons for sighted and screen-reader
// users alike. Shown as it runs: hidden characters escaped, and a warning under it saying what they would hide.
import { useMemo } from 'react';
import type { RiskAssessment } from '../../../shared/domain.ts';
import { partsBetween, showText, shownText } from '../../../shared/visible-text.ts';
import { HiddenWarning, ShownCode, ShownParts } from '../common/ShownText.tsx';
import { markCommand, segmentsOf } from './segments.ts';

export function CommandText({ command, risk }: { command: string; risk: RiskAssessment | null }) {
  const shown = useMemo(() => showText(command), [command]);
  const { pieces, unplaced } = markCommand(command, segmentsOf(risk));
  const partsOf = (p: { from: number; text: string }) => (
    <ShownParts parts={partsBetween(shown.parts, p.from, p.from + p.text.length)} />
  );
  return (
    <>
      <pre className="command" aria-label="Command">
        <code>
          {pieces.map((p, i) =>
            p.segment ? (
              <mark
                key={i}
                className={`seg seg-${p.segment.level}`}
                title={`${p.segment.level.toUpperCase()} (${p.segment.score}): ${shownText(p.segment.reasons.join('; '))}`}
              >
                {partsOf(p)}
                <span className="visually-hidden"> [{p.segment.level} risk]</span>
              </mark>
            ) : (
              <span key={i}>{partsOf(p)}</span>
            ),
          )}
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
