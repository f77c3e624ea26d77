// `rm` of project files, as a move into a staging folder of Gatehouse's trash inside the project (`.gatehouse-trash/
// <request>/`), at the files' own paths below it; the core moves what arrives there into its trash once the command
// has run (undo/trash.ts). The move stays inside the project: a sandboxed agent cannot reach Gatehouse's data, and a
// move there would be rated riskier than the delete. Only plain forms: literal paths inside the project, no symlink
// on the way, nothing the person could read two ways. Pure: the file system is asked through `PathFacts`.
import path from 'node:path';
import { commandOf, GLOB } from './words.ts';

/** The staging folder at the project's root; `collect` empties and removes it. */
export const STAGING = '.gatehouse-trash';

export interface PathFacts {
  /** What stands at `abs` (symbolic links not followed), or null for nothing. */
  kind(abs: string): 'file' | 'dir' | 'symlink' | 'other' | null;
  /** `abs` with every symbolic link resolved, or null when it cannot be. */
  real(abs: string): string | null;
}

export interface TrashMove {
  command: string;
  explanation: string;
  /** The staging folder (absolute) and the moved paths relative to the project's root, for the trash's entry. */
  stage: string;
  files: string[];
}

const SHORT = /^-[rRfv]+$/;
const LONG = new Set(['--recursive', '--force', '--verbose']);

/**
 * `words`: the command's words (`rm` first); `cwd` and `root` real paths (the project: its git root, or the cwd);
 * `id` the request's. Null when any part is not a plain delete of existing project paths.
 */
export function trashMove(words: readonly string[], cwd: string, root: string, id: string, fs: PathFacts) {
  if (words[0] !== 'rm') return null;
  let recursive = false;
  let ended = false;
  const operands: string[] = [];
  for (const w of words.slice(1)) {
    if (!ended && w === '--') ended = true;
    else if (!ended && w.startsWith('-') && w !== '-') {
      if (!SHORT.test(w) && !LONG.has(w)) return null;
      if (/[rR]/.test(w) && !w.startsWith('--')) recursive = true;
      if (w === '--recursive') recursive = true;
    } else operands.push(w);
  }
  if (operands.length === 0) return null;
  const targets: Array<{ written: string; abs: string; rel: string }> = [];
  for (const written of operands) {
    const abs = projectPath(written, cwd, root);
    if (!abs) return null;
    const kind = fs.kind(abs);
    // rm without -r refuses a folder; a move would not. Links, devices and sockets: not worth the doubt.
    if (kind === null || kind === 'symlink' || kind === 'other' || (kind === 'dir' && !recursive)) return null;
    // No symbolic link on the way from the project's root: the path is where it reads.
    if (fs.real(path.dirname(abs)) !== path.dirname(abs)) return null;
    targets.push({ written: written.replace(/(?<=.)\/+$/, ''), abs, rel: path.relative(root, abs) });
  }
  // Named twice, or inside another target: the outer move takes it (rm would delete it with the outer one).
  const kept = targets.filter(
    (t, i) => targets.findIndex((o) => o.abs === t.abs) === i && !targets.some((o) => t.abs.startsWith(`${o.abs}/`)),
  );
  const stage = path.join(root, STAGING, id);
  const stagingRoot = fs.kind(path.join(root, STAGING));
  if ((stagingRoot !== null && stagingRoot !== 'dir') || fs.kind(stage) !== null) return null;
  if (stagingRoot === 'dir' && fs.real(path.join(root, STAGING)) !== path.join(root, STAGING)) return null;
  // One mkdir and one mv per folder the targets are in, each target landing at its own path below the stage.
  const byParent = new Map<string, string[]>();
  for (const t of kept) {
    const parent = path.dirname(t.rel);
    byParent.set(parent, [...(byParent.get(parent) ?? []), t.written]);
  }
  const shown = (abs: string) => {
    const rel = path.relative(cwd, abs);
    return rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
  };
  const steps = [...byParent].map(([parent, written]) => {
    const dest = shown(path.join(stage, parent));
    return `${commandOf(['mkdir', '-p', '--', dest])} && ${commandOf(['mv', '--', ...written, `${dest}/`])}`;
  });
  const files = kept.map((t) => t.rel);
  const named = files.length === 1 ? files[0] : `these ${files.length} paths`;
  return {
    command: steps.join(' && '),
    explanation: `Moves ${named} into Gatehouse's trash instead of deleting ${files.length === 1 ? 'it' : 'them'}: \`gatehouse snapshots untrash ${id}\` puts ${files.length === 1 ? 'it' : 'them'} back.`,
    stage,
    files,
  } satisfies TrashMove;
}

/**
 * The absolute path a literal operand names, when it is plainly inside the project and not its root, its `.git` or
 * the trash's staging folder; null otherwise. `~`, globs, `.` and `..` steps and a leading dash are refused: each can
 * be read two ways, or names more than it seems to.
 */
function projectPath(word: string, cwd: string, root: string): string | null {
  if (word.startsWith('~') || word.startsWith('-') || GLOB.test(word)) return null;
  const steps = word.replace(/\/+$/, '').split('/');
  if (steps.some((s, i) => s === '..' || (s === '.' && i > 0) || (s === '' && i > 0))) return null;
  const abs = path.resolve(cwd, word);
  const rel = path.relative(root, abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const first = rel.split(path.sep)[0];
  if (first === '.git' || first === STAGING) return null;
  return abs;
}
