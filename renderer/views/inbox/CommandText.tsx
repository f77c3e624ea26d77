// The command, risky segments marked by level, each mark naming its level and reasons for sighted and screen-reader users alike.
import type { RiskAssessment } from '../../../shared/domain.ts';
import { markCommand, segmentsOf } from './segments.ts';

export function CommandText({ command, risk }: { command: string; risk: RiskAssessment | null }) {
  const { pieces, unplaced } = markCommand(command, segmentsOf(risk));
  return (
    <>
      <pre className="command" aria-label="Command">
        <code>
          {pieces.map((p, i) =>
            p.segment ? (
              <mark key={i} className={`seg seg-${p.segment.level}`} title={`${p.segment.level.toUpperCase()} (${p.segment.score}): ${p.segment.reasons.join('; ')}`}>
                {p.text}
                <span className="visually-hidden"> [{p.segment.level} risk]</span>
              </mark>
            ) : (
              <span key={i}>{p.text}</span>
            ),
          )}
        </code>
      </pre>
      {unplaced.length > 0 && (
        <ul className="unplaced" aria-label="Risky parts">
          {unplaced.map((s, i) => (
            <li key={i}>
              <span className={`level level-${s.level}`}>{s.level}</span> <code>{s.text}</code>
              {s.via.length ? ` (via ${s.via.join(' › ')})` : ''}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
