// The chapter list beside the player: each interception in order, with what was asked, its risk, what became of it
// and who decided, and how long it waited. Choosing one seeks to when it was held; the one the play head is in is
// marked, so the list follows the playback.
import { useEffect, useRef } from 'react';
import { shownText } from '../../../shared/visible-text.ts';
import { revealWithin } from '../common/reveal.ts';
import { describeDecider, spokenDuration, STATUS_WORDS } from '../common/format.ts';
import { ShownCode } from '../common/ShownText.tsx';
import type { Chapter } from './chapters.ts';
import { OUTCOME_SIGNS } from './SeekBar.tsx';
import { formatClock } from './time.ts';

export function ReplayChapters({
  chapters,
  currentId,
  onSeek,
}: {
  chapters: readonly Chapter[];
  currentId: string | null;
  onSeek: (atMs: number) => void;
}) {
  const list = useRef<HTMLElement>(null);
  // The list follows the playback within itself; the page stays where the person put it.
  useEffect(() => {
    if (currentId) revealWithin(list.current, list.current?.querySelector<HTMLElement>('[aria-current]') ?? null);
  }, [currentId]);
  return (
    <nav ref={list} className="chapters" aria-labelledby="chapters-title">
      <h3 id="chapters-title">
        Interceptions <span className="hint">({chapters.length})</span>
      </h3>
      {chapters.length === 0 ? (
        <p className="hint">Nothing was held or decided while this was recorded.</p>
      ) : (
        <ol>
          {chapters.map((c) => (
            <li key={c.requestId} data-request-id={c.requestId}>
              <button
                type="button"
                aria-current={c.requestId === currentId ? 'step' : undefined}
                onClick={() => onSeek(c.atMs)}
              >
                <span className="chapter-head">
                  <span className="chapter-number">{c.number}</span>
                  <span className="clock">{formatClock(c.atMs)}</span>
                  {c.risk && <span className={`level level-${c.risk}`}>{c.risk}</span>}
                </span>
                <span className="chapter-command">
                  <ShownCode text={c.command} />
                </span>
                <span className="chapter-outcome">
                  <span className={`outcome-tag outcome-${c.status}`}>
                    <span aria-hidden="true">{OUTCOME_SIGNS[c.status]} </span>
                    {STATUS_WORDS[c.status]}
                  </span>
                  {c.decidedBy && ` · ${describeDecider(c.decidedBy)}`}
                  {c.decidedAtMs !== null && ` · after ${spokenDuration(c.decidedAtMs - c.atMs)}`}
                </span>
                {c.reason && <span className="chapter-reason">{shownText(c.reason)}</span>}
              </button>
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}
