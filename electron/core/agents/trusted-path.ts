// Where the hook finds its client: never through PATH, which the agent (running as the same user) can put a fake
// `curl` in front of. A program is trusted only where the user cannot replace it: the file, and every directory on
// the way to it from `/` (both as written and after symlinks are resolved), owned by root and writable by nobody
// else. Owned by root also means not owned by the user Gatehouse runs as, unless that user is root.
import fs from 'node:fs';
import path from 'node:path';

/** Where curl is installed by the system or a root-run package manager, in the order they are tried. */
export const TRUSTED_CURL_LOCATIONS: readonly string[] = [
  '/usr/bin/curl',
  '/bin/curl',
  '/usr/local/bin/curl',
  '/opt/homebrew/bin/curl',
];

export interface PathFacts {
  uid: number;
  /** The permission bits (`st_mode & 0o7777`). */
  mode: number;
  kind: 'file' | 'directory' | 'symlink' | 'other';
}

/** The file system as the check sees it, injectable so the check can be tested with any owner and mode. */
export interface PathProbe {
  /** lstat: a symlink is described, not followed; null when nothing is there. */
  lstat(p: string): PathFacts | null;
  /** The path with every symlink resolved; throws when it cannot be. */
  realpath(p: string): string;
}

export const nodePathProbe: PathProbe = {
  lstat(p) {
    const st = fs.lstatSync(p, { throwIfNoEntry: false });
    if (!st) return null;
    const kind = st.isFile() ? 'file' : st.isDirectory() ? 'directory' : st.isSymbolicLink() ? 'symlink' : 'other';
    return { uid: st.uid, mode: st.mode & 0o7777, kind };
  },
  realpath: (p) => fs.realpathSync(p),
};

const ROOT_UID = 0;
/** Group or other may write: anybody but root could replace what is inside. */
const WRITABLE_BY_OTHERS = 0o022;
const EXECUTABLE = 0o111;

/** Why `file` could be replaced by someone other than root, or null when it cannot. `file` must be absolute. */
export function replaceableBecause(file: string, probe: PathProbe = nodePathProbe): string | null {
  if (!path.isAbsolute(file)) return `${file} is not an absolute path`;
  let real: string;
  try {
    real = probe.realpath(file);
  } catch {
    return `${file} does not exist`;
  }
  const target = probe.lstat(real);
  if (!target || target.kind !== 'file') return `${real} is not a regular file`;
  if ((target.mode & EXECUTABLE) === 0) return `${real} is not executable`;
  // The path as written: a symlink on the way (/bin → usr/bin) is only as safe as the directory holding it.
  for (const p of [file, ...ancestors(file)]) {
    const why = unsafe(p, probe.lstat(p));
    if (why) return why;
  }
  for (const p of [real, ...ancestors(real)]) {
    const why = unsafe(p, probe.lstat(p));
    if (why) return why;
  }
  return null;
}

/** The first trusted curl in `TRUSTED_CURL_LOCATIONS`, or null (then the Node client is used). */
export function findTrustedCurl(
  probe: PathProbe = nodePathProbe,
  locations: readonly string[] = TRUSTED_CURL_LOCATIONS,
): string | null {
  return locations.find((p) => replaceableBecause(p, probe) === null) ?? null;
}

function unsafe(p: string, facts: PathFacts | null): string | null {
  if (!facts) return `${p} does not exist`;
  if (facts.uid !== ROOT_UID) return `${p} is owned by uid ${facts.uid}, not root`;
  // A symlink's own mode means nothing; who may replace it is decided by the directory holding it.
  if (facts.kind !== 'symlink' && (facts.mode & WRITABLE_BY_OTHERS) !== 0)
    return `${p} is writable by group or others (mode ${facts.mode.toString(8)})`;
  return null;
}

/** `/a/b/c` → `/a/b`, `/a`, `/`. */
function ancestors(p: string): string[] {
  const out: string[] = [];
  let dir = path.dirname(p);
  for (;;) {
    out.push(dir);
    const up = path.dirname(dir);
    if (up === dir) return out;
    dir = up;
  }
}
