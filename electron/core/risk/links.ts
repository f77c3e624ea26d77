// Where a path really lands once the symbolic links along it are followed: `cfg/settings.json` with `cfg` a link to
// `~/.claude` is `~/.claude/settings.json`. Shared by the file tools' judge (file-change.ts) and the shell's write
// rules (rules/files.ts), so a link made earlier cannot carry a write into a protected place under an ordinary name.
import fs from 'node:fs';
import path from 'node:path';

/** As many links as Linux follows before ELOOP: past that the write fails anyway. */
const MAX_LINKS = 40;

/** The path with every symbolic link along it followed, as far as the parts exist; parts not there are kept as written. */
export function physicalPath(raw: string): string {
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
    const link = hops < MAX_LINKS ? readLink(next) : null;
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

/** The link's text, or null when `p` is not a symbolic link (or is not there: the tool creates it). */
function readLink(p: string): string | null {
  try {
    return fs.lstatSync(p).isSymbolicLink() ? fs.readlinkSync(p) : null;
  } catch {
    return null;
  }
}
