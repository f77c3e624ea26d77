// What every safer form starts from: a command the risk engine read whole, as one plain simple command whose words
// are all literal, and a way to write words back that the shell reads as exactly those words. Pure.
import type { RiskAssessment } from '../../../shared/domain.ts';
import type { ParsedCommand } from '../risk/index.ts';

/**
 * Words outside printable text: control characters (a newline ends a command), and the invisible and bidirectional
 * ones a card could show differently from what runs. A word holding one is never written back.
 */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

/** Findings that say the engine did not understand all of it: no rewrite is built on a partial reading. */
const NOT_UNDERSTOOD = ['unparsed', 'hidden-text', 'unknown-program'];

/**
 * The program's words when the whole command is one simple command, read fully, with nothing around it (no wrapper,
 * pipe, redirect, assignment, here-document, background or second command) and every word literal and printable;
 * null otherwise.
 */
export function plainWords(command: string, parsed: ParsedCommand, risk: RiskAssessment | null): string[] | null {
  if (!risk || !parsed.complete || parsed.truncated || parsed.segments.length !== 1) return null;
  if (risk.categories.some((c) => NOT_UNDERSTOOD.includes(c))) return null;
  if ((risk.segments ?? []).some((s) => s.categories.some((c) => NOT_UNDERSTOOD.includes(c)))) return null;
  const [seg] = parsed.segments;
  if (!seg || seg.via.length > 0 || seg.privileged || seg.remote !== null || seg.synthetic) return null;
  if (seg.redirects.length > 0 || seg.assignments.length > 0 || seg.stdin !== null || seg.pipeFrom !== null)
    return null;
  // The segment is the whole text (a trailing `;` aside): no `&`, subshell, `!`, `time` or comment around it.
  if (seg.text !== command.trim().replace(/;$/, '').trimEnd()) return null;
  if (seg.argv.length === 0 || seg.argv.some((w) => !w.known || w.text === '' || UNPRINTABLE.test(w.text))) return null;
  return seg.argv.map((w) => w.text);
}

/** Words a POSIX shell takes as they are: written bare. */
const BARE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One word as a POSIX shell reads back exactly: bare when nothing in it is special, else in single quotes. */
export function quote(word: string): string {
  if (BARE.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

export function commandOf(words: readonly string[]): string {
  return words.map(quote).join(' ');
}

/** Glob characters: a literal word holding one is read as a pattern by a person even when the shell does not. */
export const GLOB = /[*?[\]{}]/;
