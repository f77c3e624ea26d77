// Which curl the hook may run: only one the user cannot replace, judged from injected stat results (the tests run as
// root, where every real file would pass).
import { describe, expect, it } from 'vitest';
import {
  findTrustedCurl,
  replaceableBecause,
  type PathFacts,
  type PathProbe,
} from '../../../../electron/core/agents/trusted-path.ts';

const USER = 1000;
const rootDir: PathFacts = { uid: 0, mode: 0o755, kind: 'directory' };
const rootFile: PathFacts = { uid: 0, mode: 0o755, kind: 'file' };

/**
 * A file system from a table: every path not listed does not exist; symlinks resolve through `links`. As lstat(2)
 * does, a symlink on the way is followed and only the last component is described as it is.
 */
function fsTable(entries: Record<string, PathFacts>, links: Record<string, string> = {}): PathProbe {
  const resolve = (p: string) => {
    let out = p;
    for (const [from, to] of Object.entries(links))
      if (out === from || out.startsWith(`${from}/`)) out = to + out.slice(from.length);
    return out;
  };
  return {
    lstat: (p) => {
      const cut = p.lastIndexOf('/');
      const parent = cut <= 0 ? '' : resolve(p.slice(0, cut));
      return entries[`${parent}${p.slice(cut)}`] ?? null;
    },
    realpath: (p) => {
      const out = resolve(p);
      if (!entries[out]) throw new Error(`ENOENT ${p}`);
      return out;
    },
  };
}

const system = (over: Record<string, PathFacts> = {}) => ({
  '/': rootDir,
  '/usr': rootDir,
  '/usr/bin': rootDir,
  '/usr/bin/curl': rootFile,
  ...over,
});

describe('replaceableBecause', () => {
  it('trusts a root-owned file in root-owned directories nobody else may write', () => {
    expect(replaceableBecause('/usr/bin/curl', fsTable(system()))).toBeNull();
  });

  it('refuses a file owned by the user (a Homebrew prefix, ~/.local/bin)', () => {
    const probe = fsTable({
      ...system(),
      '/opt': rootDir,
      '/opt/homebrew': { uid: USER, mode: 0o755, kind: 'directory' },
      '/opt/homebrew/bin': { uid: USER, mode: 0o755, kind: 'directory' },
      '/opt/homebrew/bin/curl': { uid: USER, mode: 0o755, kind: 'file' },
    });
    expect(replaceableBecause('/opt/homebrew/bin/curl', probe)).toMatch(/owned by uid 1000, not root/);
  });

  it('refuses a root-owned file that group or others may write', () => {
    expect(
      replaceableBecause('/usr/bin/curl', fsTable(system({ '/usr/bin/curl': { ...rootFile, mode: 0o775 } }))),
    ).toMatch(/writable by group or others \(mode 775\)/);
  });

  it('refuses a root-owned file in a directory the user owns or others may write (the file could be swapped)', () => {
    expect(
      replaceableBecause(
        '/usr/bin/curl',
        fsTable(system({ '/usr/bin': { uid: USER, mode: 0o755, kind: 'directory' } })),
      ),
    ).toMatch(/\/usr\/bin is owned by uid 1000/);
    expect(replaceableBecause('/usr/bin/curl', fsTable(system({ '/usr': { ...rootDir, mode: 0o1777 } })))).toMatch(
      /\/usr is writable/,
    );
  });

  it("follows symlinks and judges both the link's directories and the target's (/bin → usr/bin)", () => {
    const merged = { ...system(), '/bin': { uid: 0, mode: 0o777, kind: 'symlink' as const } };
    expect(replaceableBecause('/bin/curl', fsTable(merged, { '/bin': '/usr/bin' }))).toBeNull();
    // A root-owned link to a file the user owns is as replaceable as the file.
    const toUser = {
      ...system(),
      '/home': rootDir,
      '/home/u': { uid: USER, mode: 0o700, kind: 'directory' as const },
      '/home/u/curl': { uid: USER, mode: 0o755, kind: 'file' as const },
      '/usr/bin/curl': { uid: 0, mode: 0o777, kind: 'symlink' as const },
    };
    expect(replaceableBecause('/usr/bin/curl', fsTable(toUser, { '/usr/bin/curl': '/home/u/curl' }))).toMatch(
      /owned by uid 1000/,
    );
  });

  it('refuses what is missing, not a file, not executable, or not absolute', () => {
    expect(replaceableBecause('/usr/bin/curl', fsTable({ '/': rootDir }))).toMatch(/does not exist/);
    expect(replaceableBecause('/usr/bin/curl', fsTable(system({ '/usr/bin/curl': rootDir })))).toMatch(
      /not a regular file/,
    );
    expect(
      replaceableBecause('/usr/bin/curl', fsTable(system({ '/usr/bin/curl': { ...rootFile, mode: 0o644 } }))),
    ).toMatch(/not executable/);
    expect(replaceableBecause('curl', fsTable(system()))).toMatch(/not an absolute path/);
  });
});

describe('findTrustedCurl', () => {
  it('takes the first trusted location, skipping untrusted ones', () => {
    const probe = fsTable({
      ...system({ '/usr/bin/curl': { uid: USER, mode: 0o755, kind: 'file' } }),
      '/usr/local': rootDir,
      '/usr/local/bin': rootDir,
      '/usr/local/bin/curl': rootFile,
    });
    expect(findTrustedCurl(probe)).toBe('/usr/local/bin/curl');
  });

  it('finds none where no location is trusted (then the Node client is used)', () => {
    expect(findTrustedCurl(fsTable({ '/': rootDir }))).toBeNull();
  });

  it("trusts this machine's /usr/bin/curl (root-owned here)", () => {
    expect(findTrustedCurl()).toMatch(/^\/(usr\/)?bin\/curl$/);
  });
});
