// The packages of a JavaScript workspace, as npm, yarn and pnpm find them: the `workspaces` of the root package.json
// (a list, or `{ "packages": [...] }`) and the `packages` of pnpm-workspace.yaml, each a folder or a glob. Read so that
// `pnpm -r test`, `npm run build -ws` and `yarn workspace a build` have their scripts read like `npm test`'s. More
// than Gatehouse will read (a glob it does not follow, too many packages) answers null, and the caller holds.
import path from 'node:path';
import type { DirEntry, FileView } from '../disk.ts';

/** Packages read at most; a bigger workspace is not read. */
const MAX_PACKAGES = 64;
/** Folders `**` walks at most. */
const MAX_WALKED = 2000;
const MANIFEST_BYTES = 256 * 1024;

/** The `packages:` list of a pnpm-workspace.yaml (the plain block form pnpm writes), or null when it has none. */
export function pnpmWorkspaceGlobs(yaml: string): string[] | null {
  const lines = yaml.split(/\r?\n/);
  const start = lines.findIndex((l) => /^packages\s*:\s*$/.test(l));
  if (start < 0) return null;
  const globs: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    // Items indented or not (`- packages/*` at the key's column is the same list).
    const m = /^\s*-\s+(['"]?)(.+?)\1\s*(#.*)?$/.exec(line);
    if (!m) break;
    globs.push(m[2] as string);
  }
  return globs;
}

function readJson(file: string, files: FileView): unknown {
  const got = files.read(file, MANIFEST_BYTES);
  if (!('text' in got)) return undefined;
  try {
    return JSON.parse(got.text) as unknown;
  } catch {
    return undefined;
  }
}

/** The globs naming a workspace's packages, [] for a folder that is no workspace root, null when they cannot be read. */
function workspaceGlobs(root: string, files: FileView): string[] | null {
  const yaml = path.join(root, 'pnpm-workspace.yaml');
  if (files.stat(yaml)?.file) {
    const got = files.read(yaml, MANIFEST_BYTES);
    return 'text' in got ? pnpmWorkspaceGlobs(got.text) : null;
  }
  const manifest = path.join(root, 'package.json');
  if (!files.stat(manifest)?.file) return [];
  const pkg = readJson(manifest, files) as { workspaces?: unknown } | undefined;
  if (pkg === undefined) return null;
  const ws = Array.isArray(pkg.workspaces)
    ? pkg.workspaces
    : ((pkg.workspaces as { packages?: unknown } | undefined)?.packages ?? []);
  if (!Array.isArray(ws) || !ws.every((g) => typeof g === 'string')) return null;
  return ws as string[];
}

/** One path segment of a glob as a regex (`*`, `?`, and `{a,b}`), or null for one Gatehouse does not follow. */
function segmentPattern(segment: string): RegExp | null {
  if (/[[\]!+@()]/.test(segment)) return null;
  const body = segment
    .replace(/[.^$|\\]/g, (c) => `\\${c}`)
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]')
    .replace(/\{([^{}]*)\}/g, (_m, alts: string) => `(?:${alts.split(',').join('|')})`);
  return new RegExp(`^${body}$`);
}

/** A folder, or a link to one (a package linked into the workspace). */
const isFolder = (d: string, e: DirEntry, files: FileView) =>
  e.dir || (e.link && files.stat(path.join(d, e.name))?.dir === true);

/** The folders a glob names under `root` (at most `limit`), or null when Gatehouse does not follow it. */
function expand(root: string, glob: string, files: FileView, limit: number): string[] | null {
  const segments = glob.replace(/^\.\//, '').replace(/\/+$/, '').split('/');
  if (segments.some((s) => s === '..') || path.isAbsolute(glob)) return null;
  let dirs = [root];
  for (const segment of segments) {
    const next: string[] = [];
    if (segment === '**') {
      // Every folder below, to the last: more than Gatehouse walks, and it cannot tell every package, so it reads
      // none (the caller holds) rather than some.
      let level = dirs;
      while (level.length > 0) {
        next.push(...level);
        if (next.length > MAX_WALKED) return null;
        level = level.flatMap((d) =>
          (files.list(d) ?? [])
            .filter((e) => e.dir && e.name !== 'node_modules' && !e.name.startsWith('.'))
            .map((e) => path.join(d, e.name)),
        );
      }
    } else if (!/[*?{}[\]!+@()]/.test(segment)) {
      for (const d of dirs) if (files.stat(path.join(d, segment))?.dir) next.push(path.join(d, segment));
    } else {
      const re = segmentPattern(segment);
      if (!re) return null;
      for (const d of dirs)
        for (const e of files.list(d) ?? [])
          if (isFolder(d, e, files) && e.name !== 'node_modules' && re.test(e.name)) next.push(path.join(d, e.name));
    }
    if (next.length > limit * 4) return null;
    dirs = next;
  }
  return dirs;
}

/** The nearest folder at or above `dir` that is a workspace root (pnpm-workspace.yaml, or a package.json with workspaces). */
export function findWorkspaceRoot(dir: string, files: FileView): string | null {
  for (let d = dir, i = 0; i < 32; d = path.dirname(d), i++) {
    if (files.stat(path.join(d, 'pnpm-workspace.yaml'))?.file) return d;
    const pkg = path.join(d, 'package.json');
    if (files.stat(pkg)?.file && (readJson(pkg, files) as { workspaces?: unknown } | undefined)?.workspaces) return d;
    if (path.dirname(d) === d) return null;
  }
  return null;
}

/**
 * The folders of a workspace's packages (each with a package.json), root not included; [] when `root` is no workspace
 * root; null when Gatehouse cannot tell them all (a glob it does not follow, an unreadable file, too many packages).
 * Exclusions (`!pattern`) are ignored: reading more packages than run only ever finds more.
 */
export function workspacePackages(root: string, files: FileView): string[] | null {
  const globs = workspaceGlobs(root, files);
  if (globs === null) return null;
  const found = new Set<string>();
  for (const glob of globs) {
    if (glob.startsWith('!')) continue;
    const dirs = expand(root, glob, files, MAX_PACKAGES);
    if (dirs === null) return null;
    for (const d of dirs) if (d !== root && files.stat(path.join(d, 'package.json'))?.file) found.add(d);
    if (found.size > MAX_PACKAGES) return null;
  }
  return [...found].sort();
}
