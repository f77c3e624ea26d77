// What a glob or a folder reaches: `cat ~/.ssh/id_*` names the private keys it matches, `grep -r . ~/.config`
// reads every credential under ~/.config. Globs are expanded against the file system as bash would (bounded,
// never following a symbolic link down); where that cannot be done, the pattern's text is judged instead.
import path from 'node:path';
import type { FileView } from './disk.ts';

/** Entries looked at per expansion, and how deep `**` descends: a home holds far more; what matters sits near the top. */
export const MAX_GLOB_ENTRIES = 2000;
export const MAX_GLOB_DEPTH = 6;
/** Matches kept: enough to name what a glob reaches. */
const MAX_MATCHES = 200;
/** Words a `{a,b}` brace expands to. */
const MAX_BRACE_WORDS = 64;

export interface Expansion {
  /** Absolute paths that exist and match. */
  matches: string[];
  /** False when the walk stopped at a cap: more may match. */
  complete: boolean;
}

const GLOB_CHARS = /[*?[]/;

export function hasGlob(text: string): boolean {
  return GLOB_CHARS.test(text);
}

/** `a{b,c}d` → `abd`, `acd` (nested braces too); at most MAX_BRACE_WORDS words; a word without braces is itself. */
export function expandBraces(text: string): string[] {
  const out: string[] = [];
  const walk = (t: string) => {
    if (out.length >= MAX_BRACE_WORDS) return;
    const open = findBrace(t);
    if (!open) {
      out.push(t);
      return;
    }
    for (const alt of open.alternatives) walk(t.slice(0, open.start) + alt + t.slice(open.end + 1));
  };
  walk(text);
  return out;
}

/** The first `{…,…}` or `{a..b}` (letters or numbers) in the text, with its alternatives. */
function findBrace(t: string): { start: number; end: number; alternatives: string[] } | null {
  for (let i = 0; i < t.length; i++) {
    if (t[i] !== '{') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let j = i; j < t.length; j++) {
      const c = t[j];
      if (c === '{') depth += 1;
      else if (c === '}') {
        depth -= 1;
        if (depth === 0) {
          const inner = t.slice(i + 1, j);
          if (commas.length) {
            const parts: string[] = [];
            let at = i + 1;
            for (const k of commas) {
              parts.push(t.slice(at, k));
              at = k + 1;
            }
            parts.push(t.slice(at, j));
            return { start: i, end: j, alternatives: parts };
          }
          const range = /^(-?\d+|[a-zA-Z])\.\.(-?\d+|[a-zA-Z])$/.exec(inner);
          if (range) return { start: i, end: j, alternatives: rangeOf(range[1] as string, range[2] as string) };
          break;
        }
      } else if (c === ',' && depth === 1) commas.push(j);
    }
  }
  return null;
}

function rangeOf(a: string, b: string): string[] {
  const numeric = /^-?\d+$/.test(a) && /^-?\d+$/.test(b);
  const from = numeric ? Number(a) : a.charCodeAt(0);
  const to = numeric ? Number(b) : b.charCodeAt(0);
  const out: string[] = [];
  const step = from <= to ? 1 : -1;
  for (let v = from; out.length < MAX_BRACE_WORDS; v += step) {
    out.push(numeric ? String(v) : String.fromCharCode(v));
    if (v === to) break;
  }
  return out;
}

type Token = { t: 'star' } | { t: 'one' } | { t: 'set'; negate: boolean; body: string } | { t: 'char'; c: string };
/** Glob segments already read into tokens: the same few patterns come back. */
const tokenized = new Map<string, Token[]>();

function tokens(seg: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i] as string;
    if (c === '*') {
      if (out[out.length - 1]?.t !== 'star') out.push({ t: 'star' });
    } else if (c === '?') out.push({ t: 'one' });
    else if (c === '[' && seg.indexOf(']', i + 2) > 0) {
      const close = seg.indexOf(']', i + 2);
      const body = seg.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      out.push({ t: 'set', negate, body: negate ? body.slice(1) : body });
      i = close;
    } else out.push({ t: 'char', c });
  }
  return out;
}

function inSet(body: string, ch: string): boolean {
  for (let i = 0; i < body.length; i++) {
    if (body[i + 1] === '-' && i + 2 < body.length) {
      if (ch >= (body[i] as string) && ch <= (body[i + 2] as string)) return true;
      i += 2;
    } else if (body[i] === ch) return true;
  }
  return false;
}

function matchesOne(tok: Token, ch: string): boolean {
  if (tok.t === 'one') return true;
  if (tok.t === 'char') return tok.c === ch;
  if (tok.t === 'set') return inSet(tok.body, ch) !== tok.negate;
  return false;
}

/**
 * Whether a glob segment matches a name, as bash would (`.*` matches dotfiles, `*` and `?` do not match a
 * leading dot). The classic wildcard walk with one remembered star: time linear in name × pattern, never a
 * regular expression built from text an agent wrote.
 */
export function segmentMatches(seg: string, name: string): boolean {
  if (name.startsWith('.') && !seg.startsWith('.')) return false;
  let toks = tokenized.get(seg);
  if (!toks) {
    toks = tokens(seg);
    if (tokenized.size >= 512) tokenized.clear();
    tokenized.set(seg, toks);
  }
  let p = 0;
  let n = 0;
  let starAt = -1;
  let starName = 0;
  while (n < name.length) {
    const tok = toks[p];
    if (tok && tok.t !== 'star' && matchesOne(tok, name[n] as string)) {
      p += 1;
      n += 1;
    } else if (tok?.t === 'star') {
      starAt = p;
      starName = n;
      p += 1;
    } else if (starAt >= 0) {
      p = starAt + 1;
      starName += 1;
      n = starName;
    } else return false;
  }
  while (toks[p]?.t === 'star') p += 1;
  return p === toks.length;
}

/**
 * Expands an absolute glob against the file system: every existing path it matches, bounded in entries
 * looked at and in depth. `**` matches any depth (hidden folders too, as `find` walks them); symbolic links
 * are never followed down. Null when the folder the glob starts from is not there (nothing to expand).
 */
export function expandGlob(pattern: string, files: FileView): Expansion | null {
  const parts = pattern.split('/').filter((p, i) => p !== '' || i === 0);
  const first = parts.findIndex((p) => hasGlob(p));
  if (first < 0) return files.stat(pattern) ? { matches: [pattern], complete: true } : { matches: [], complete: true };
  const base = parts.slice(0, first).join('/') || '/';
  if (!files.stat(base)?.dir) return null;
  const matches: string[] = [];
  let visited = 0;
  let complete = true;

  // Breadth first: what sits near the top (`~/.ssh`) is found before the walk runs out of entries.
  const queue: Array<{ dir: string; at: number; depth: number }> = [{ dir: base, at: first, depth: 0 }];
  while (queue.length > 0) {
    const { dir, at, depth } = queue.shift() as { dir: string; at: number; depth: number };
    if (at >= parts.length) {
      if (matches.length < MAX_MATCHES) matches.push(dir);
      continue;
    }
    const seg = parts[at] as string;
    if (!hasGlob(seg)) {
      const next = path.join(dir, seg);
      if (files.stat(next)) queue.push({ dir: next, at: at + 1, depth });
      continue;
    }
    const entries = files.list(dir);
    if (!entries) continue;
    for (const e of entries) {
      if (++visited > MAX_GLOB_ENTRIES) {
        complete = false;
        break;
      }
      const full = path.join(dir, e.name);
      if (seg === '**') {
        // `**` is zero or more folders: this entry may match what follows, or be a folder to walk into.
        if (e.dir && !e.link && depth < MAX_GLOB_DEPTH) queue.push({ dir: full, at, depth: depth + 1 });
        else if (e.dir && !e.link) complete = false;
        continue;
      }
      if (!segmentMatches(seg, e.name)) continue;
      // A named link in the middle (`~/.ssh/*/x` through a linked folder) is followed; `**` never walks into one.
      if (at === parts.length - 1 || e.dir || (e.link && files.stat(full)?.dir))
        queue.push({ dir: full, at: at + 1, depth });
    }
    if (seg === '**') queue.push({ dir, at: at + 1, depth });
    if (!complete) break;
  }
  return { matches, complete };
}

/** Names credentials are kept under; a glob that could match one may reach them. */
const SECRET_NAMES = [
  '.env',
  '.env.local',
  '.env.production',
  '.env.development',
  'id_rsa',
  'id_ed25519',
  'id_ecdsa',
  'id_dsa',
  'credentials',
  'credentials.json',
  '.credentials.json',
  '.npmrc',
  '.pypirc',
  '.netrc',
  '.git-credentials',
  '.pgpass',
  '.my.cnf',
  'secrets.yaml',
  'secrets.yml',
  'secrets.json',
  'server.key',
  'private.key',
  'key.pem',
  'auth.json',
  'hosts.yml',
  '.vault-token',
  'shadow',
  'environ',
  'config.json',
  'config',
  'token',
];

/**
 * A credential file a glob's last segment could name in `dir` (`.en?`, `.e*`, `id_*`, `cred*`; `conf*` in
 * ~/.kube), judged on the text alone; null when none. A segment of nothing but wildcards (`*`, `*.*`) names
 * everything and so says nothing (`.*` does: it names the dotfiles, `.env` among them).
 */
export function secretNamed(dir: string, lastSegment: string, isSecret: (p: string) => boolean): string | null {
  const literal = lastSegment.replace(/\[[^\]]*\]|[*?]/g, '');
  if (!lastSegment.startsWith('.') && literal.replace(/\./g, '') === '') return null;
  // `*.json`, `*.yml`: any file of a kind, which says nothing (`*.pem` is judged by its own text elsewhere).
  if (/^\*+\.[\w.]+$/.test(lastSegment)) return null;
  const name = SECRET_NAMES.find((n) => segmentMatches(lastSegment, n) && isSecret(path.join(dir, n)));
  return name === undefined ? null : path.join(dir, name);
}

/** Places under the home whose contents are credentials; a folder above any of them holds credentials. */
const HOME_SECRETS = [
  '.ssh',
  '.aws',
  '.gnupg',
  '.kube/config',
  '.docker/config.json',
  '.config/gcloud',
  '.config/gh/hosts.yml',
  '.azure',
  '.password-store',
  '.netrc',
  '.npmrc',
  '.pypirc',
  '.git-credentials',
  '.pgpass',
  '.claude/.credentials.json',
  '.codex/auth.json',
  '.terraform.d/credentials.tfrc.json',
  '.vault-token',
];
/** A macOS home (`/Users/…`) also keeps its keychains, which are not hidden. */
const MAC_HOME_SECRETS = ['Library/Keychains'];
/** The same outside the home. */
const SYSTEM_SECRETS = [
  '/etc/shadow',
  '/etc/gshadow',
  '/etc/sudoers',
  '/etc/ssh',
  '/root/.ssh',
  '/run/secrets',
  '/var/run/secrets',
  '/proc/self/environ',
];

export interface Holds {
  /** An example of what it holds, as a person would name it (`~/.ssh`, `.env`). */
  example: string;
  /** Known from the folder's place (its home's `.ssh`), rather than from what is on disk now. */
  byPlace: boolean;
}

/**
 * Whether a folder holds credentials: by where it is (the home and its `.ssh`, `.aws`, `.config/gcloud`…; `/etc`)
 * or, on disk, by a credential file among its entries (`.env` in a project). `hidden: false` for readers that
 * skip hidden files (ripgrep, ag without `--hidden`): then only what is not hidden counts.
 */
export function holdsSecrets(
  abs: string,
  home: string,
  files: FileView,
  isSecret: (p: string) => boolean,
  hidden = true,
): Holds | null {
  const dir = abs.replace(/\/+$/, '') || '/';
  const under = (p: string) => dir === '/' || p === dir || p.startsWith(`${dir}/`);
  const visible = (p: string) =>
    hidden ||
    !path
      .relative(dir, p)
      .split('/')
      .some((s) => s.startsWith('.'));
  for (const rel of home.startsWith('/Users/') ? [...HOME_SECRETS, ...MAC_HOME_SECRETS] : HOME_SECRETS) {
    const p = path.join(home, rel);
    if (under(p) && p !== dir && visible(p)) return { example: `~/${rel}`, byPlace: true };
  }
  for (const p of SYSTEM_SECRETS) if (under(p) && p !== dir && visible(p)) return { example: p, byPlace: true };
  const entries = files.list(dir);
  if (!entries) return null;
  const secret = entries.find((e) => (hidden || !e.name.startsWith('.')) && !e.dir && isSecret(`${dir}/${e.name}`));
  return secret ? { example: path.join(dir, secret.name), byPlace: false } : null;
}
