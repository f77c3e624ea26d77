// Full-text search over recordings. The index (SQLite FTS5, contentless, words without positions) holds
// the words of each chunk's output with escape sequences removed and secrets redacted. It finds chunks that
// have every word; reading a chunk back checks that the words are there as a phrase and turns the match
// into a time and a snippet.
import type { SearchHit } from '../../../../shared/recording.ts';
import { stripAnsi } from '../common/ansi.ts';
import { decodeEvents } from '../common/codec.ts';
import type { SearchRow } from '../../store/recordings.ts';

/** Characters of context on each side of a match in a snippet. */
const SNIPPET_CONTEXT = 40;

/** Words as FTS5's unicode61 tokenizer sees them: runs of letters and digits. */
export function queryWords(query: string): string[] {
  return query.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Every word of `query`, the last one as a prefix ("npm te" finds "npm test"); null when there are no words. */
export function wordsQuery(query: string): string | null {
  const words = queryWords(query);
  return words.length === 0 ? null : `${words.map((w) => `"${w}"`).join(' ')}*`;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where the phrase is in a chunk's text: the time of the output that holds it, and the line around it; null when the words are there but not as a phrase. */
export function locateHit(row: SearchRow, words: readonly string[]): SearchHit | null {
  const events = decodeEvents(row.payload, row.start_ms);
  let raw = '';
  const starts: Array<{ offset: number; atMs: number }> = [];
  for (const e of events) {
    if (e.kind !== 'output') continue;
    starts.push({ offset: raw.length, atMs: e.atMs });
    raw += e.data;
  }
  const { text, rawIndex } = stripAnsi(raw);
  const match = new RegExp(words.map(escapeRegExp).join('[^\\p{L}\\p{N}]+'), 'iu').exec(text);
  if (!match) return null;
  const at = rawIndex(match.index);
  let atMs = row.start_ms;
  for (const s of starts) {
    if (s.offset > at) break;
    atMs = s.atMs;
  }
  const lineStart = Math.max(text.lastIndexOf('\n', match.index) + 1, match.index - SNIPPET_CONTEXT);
  const end = match.index + match[0].length;
  const nextBreak = text.indexOf('\n', end);
  const lineEnd = Math.min(nextBreak < 0 ? text.length : nextBreak, end + SNIPPET_CONTEXT);
  // Each part's blanks folded on its own, so the match's place in the snippet is known without marking it in the text.
  const fold = (s: string) => s.replace(/\s+/g, ' ');
  const before = fold(text.slice(lineStart, match.index)).trimStart();
  const found = fold(match[0]);
  const after = fold(text.slice(end, lineEnd)).trimEnd();
  return {
    sessionId: row.session_id,
    atMs,
    snippet: before + found + after,
    match: { start: before.length, length: found.length },
  };
}
