// Search inside the open recording: words in order, ignoring case and colours; each hit is a line of the output with
// the match highlighted (the core says where it is, so nothing is marked inside the text), and seeks to its moment.
import { useState } from 'react';
import type { SearchHit } from '../../../shared/recording.ts';
import { shownText } from '../../../shared/visible-text.ts';
import { useCommands } from '../../app/context.ts';
import { useReplay } from '../../stores/replay.ts';
import { formatClock } from './time.ts';

/** The snippet in three parts, each escaped on its own (shown text can be longer than the text it shows). */
export function snippetParts(hit: Pick<SearchHit, 'snippet' | 'match'>): [string, string, string] {
  const { start, length } = hit.match;
  return [
    shownText(hit.snippet.slice(0, start)),
    shownText(hit.snippet.slice(start, start + length)),
    shownText(hit.snippet.slice(start + length)),
  ];
}

export function ReplaySearch({ sessionId, onSeek }: { sessionId: string; onSeek: (atMs: number) => void }) {
  const commands = useCommands();
  const search = useReplay((s) => s.search);
  const [query, setQuery] = useState(search.query);
  return (
    <div className="replay-search">
      <form
        role="search"
        aria-label="Search this recording"
        onSubmit={(e) => {
          e.preventDefault();
          if (query.trim()) void commands.searchRecording(sessionId, query.trim());
        }}
      >
        <label>
          Find in this recording
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <button type="submit" disabled={!query.trim()}>
          Search
        </button>
      </form>
      {search.state === 'loading' && <p role="status">Searching…</p>}
      {search.state === 'error' && (
        <p role="alert" className="send-error">
          {search.error}
        </p>
      )}
      {search.state === 'ready' &&
        (search.hits.length === 0 ? (
          <p role="status" className="hint">
            Nothing matches “{search.query}”.
          </p>
        ) : (
          <ol className="hits" aria-label="Matches">
            {search.hits.map((h, i) => {
              const [before, found, after] = snippetParts(h);
              return (
                <li key={`${h.atMs}-${i}`}>
                  <button type="button" onClick={() => onSeek(h.atMs)}>
                    <span className="clock">{formatClock(h.atMs)}</span>
                    <span className="snippet">
                      {before}
                      <mark>{found}</mark>
                      {after}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        ))}
    </div>
  );
}
