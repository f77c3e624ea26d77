// Where a path really lands once the symbolic links along it are followed: `cfg/settings.json` with `cfg` a link to
// `~/.claude` is `~/.claude/settings.json`. Shared by the file tools' judge (file-change.ts) and the shell's write
// rules (rules/files.ts), so a link made earlier cannot carry a write into a protected place under an ordinary name.
import fs from 'node:fs';
import path from 'node:path';

/** As many links as Linux follows before ELOOP: past that the write fails anyway. */
const MAX_LINKS = 40;

/** A link's text; null for something there that is not a link; undefined for nothing there. */
export type LinkLook = (abs: string) => string | null | undefined;

/** The real disk, looked at now. */
export const lookOnDisk: LinkLook = (p) => {
  try {
    const s = fs.lstatSync(p, { throwIfNoEntry: false });
    if (!s) return undefined;
    return s.isSymbolicLink() ? fs.readlinkSync(p) : null;
  } catch {
    return undefined;
  }
};

/**
 * The path with every symbolic link along it followed, as far as the parts exist (`..` after a link climbs from where
 * the link points, as the kernel does); past the first part that is not there nothing can be a link, and the rest is
 * kept as written.
 */
export function physicalPath(raw: string, look: LinkLook = lookOnDisk): string {
  let done = '/';
  let rest = raw.split('/');
  let hops = 0;
  while (rest.length > 0) {
    const [part, ...tail] = rest;
    rest = tail;
    if (!part || part === '.') continue;
    if (part === '..') {
      done = path.dirname(done);
      continue;
    }
    const next = path.join(done, part);
    const link = hops < MAX_LINKS ? look(next) : null;
    if (link === undefined) return path.resolve(next, ...rest);
    if (link === null) {
      done = next;
      continue;
    }
    hops += 1;
    if (link.startsWith('/')) done = '/';
    rest = [...link.split('/'), ...rest];
  }
  return done;
}
