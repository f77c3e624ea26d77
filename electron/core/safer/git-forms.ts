// Git's safer forms. A force push becomes `--force-with-lease --force-if-includes`: it still replaces the remote
// branch, but only if nobody pushed to it since this clone last looked (and, with the second, only if what is there
// was seen here). `git reset --hard` and `git clean -f` run as written, after Gatehouse has made sure the project's
// snapshot exists, so the person can take it back. Only forms whose every word is known here. Pure.
import { commandOf } from './words.ts';

/** Options of `git push` kept as they are beside the lease; anything else means no offer. */
const PUSH_KEPT = new Set(['-u', '--set-upstream', '-q', '--quiet', '-v', '--verbose']);
const NAME = /^[A-Za-z0-9._/-]+$/;

export function forceWithLease(words: readonly string[]): { command: string; explanation: string } | null {
  if (words[0] !== 'git' || words[1] !== 'push') return null;
  const kept: string[] = [];
  const positionals: string[] = [];
  let force = false;
  for (const w of words.slice(2)) {
    if (w === '-f' || w === '--force') force = true;
    else if (PUSH_KEPT.has(w)) kept.push(w);
    else if (w.startsWith('-')) return null;
    else positionals.push(w);
  }
  const [remote, ...refspecs] = positionals;
  if (remote !== undefined && (!NAME.test(remote) || remote.startsWith('.'))) return null;
  const plus = refspecs.filter((r) => r.startsWith('+'));
  // `+a b`: with a lease for every ref, `b` could be forced too where it could not before. Forced all, or none.
  if (plus.length > 0 && plus.length !== refspecs.length) return null;
  if (!force && plus.length === 0) return null;
  const refs = refspecs.map((r) => r.replace(/^\+/, ''));
  // A deletion (`:dst`) or anything but plain names (`src:dst` at most) is left alone.
  if (refs.some((r) => r.split(':').length > 2 || r.split(':').some((part) => !NAME.test(part)))) return null;
  const rest = remote === undefined ? [] : [remote, ...refs];
  return {
    command: commandOf(['git', 'push', '--force-with-lease', '--force-if-includes', ...kept, ...rest]),
    explanation:
      'Pushes with a lease: it replaces the remote branch only if nobody else pushed to it since this clone last fetched, and only if what is there now was seen here; otherwise it fails and nothing is lost.',
  };
}

/** `git clean` options that leave ignored files alone (the snapshot does not cover ignored files: no `-x`, `-X`). */
const CLEAN_FLAGS = /^-[fdq]+$/;
const RESET_FLAGS = new Set(['--hard', '-q', '--quiet']);
const COMMIT = /^[A-Za-z0-9._/~^@-]+$/;

/**
 * `git reset --hard [commit]` or `git clean -f…`: it runs as written (the command is the request's own), the safer part
 * is the snapshot made sure of first.
 */
export function withSnapshot(words: readonly string[], id: string): { explanation: string } | null {
  if (words[0] !== 'git') return null;
  const args = words.slice(2);
  if (words[1] === 'reset') {
    if (!args.includes('--hard')) return null;
    const commits = args.filter((w) => !RESET_FLAGS.has(w));
    if (commits.length > 1 || commits.some((c) => c.startsWith('-') || !COMMIT.test(c))) return null;
  } else if (words[1] === 'clean') {
    let force = false;
    let ended = false;
    for (const w of args) {
      if (!ended && w === '--') ended = true;
      else if (!ended && (w === '--force' || (CLEAN_FLAGS.test(w) && w.includes('f')))) force = true;
      else if (!ended && (w === '--quiet' || CLEAN_FLAGS.test(w))) continue;
      else if (w.startsWith('-') || !COMMIT.test(w)) return null;
    }
    if (!force) return null;
  } else return null;
  return {
    explanation: `Runs as written, once Gatehouse has a snapshot of the project: \`gatehouse undo ${id}\` brings back what it discards.`,
  };
}
