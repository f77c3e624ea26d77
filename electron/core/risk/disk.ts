// What the risk engine may look at on disk, and only this: a directory's entries, a file's size and age, and
// the start of a file. Globs are expanded with it, scripts a command runs are read with it. Everything is
// synchronous (the engine is) and remembered briefly, so a burst of commands costs one look per path.
import fs from 'node:fs';
import { lookOnDisk } from './links.ts';

export interface FileStat {
  file: boolean;
  dir: boolean;
  size: number;
  mtimeMs: number;
}

export interface DirEntry {
  name: string;
  /** A folder (a link to one is `link`, not `dir`). */
  dir: boolean;
  /** A symbolic link (its target is not followed when walking). */
  link: boolean;
}

/** Why a file's text could not be had. */
export type Unreadable = 'missing' | 'too-large' | 'binary' | 'denied' | 'not-a-file';

export type FileText = { text: string; stat: FileStat } | { problem: Unreadable; size?: number };

/** The engine's window on the file system; tests give a temporary directory or a fake. */
export interface FileView {
  /** Follows symbolic links; null when nothing is there (or it cannot be seen). */
  stat(abs: string): FileStat | null;
  /** A directory's entries, or null when it is not a directory or cannot be listed. */
  list(abs: string): readonly DirEntry[] | null;
  /** A text file's contents up to `maxBytes`; a larger, binary or unreadable file says why instead. */
  read(abs: string, maxBytes: number): FileText;
  /** A symbolic link's text; null for something that is not a link; undefined for nothing there (`links.ts`). */
  link?(abs: string): string | null | undefined;
}

export interface NodeFileOptions {
  /** How long a look is trusted; the agent changes files as it works, so a few seconds at most. */
  ttlMs?: number;
}

/** Looks remembered per kind; beyond this the memory starts over (a flood of odd paths cannot grow it). */
const MAX_REMEMBERED = 4000;
/** A directory listing is cut here: enough to see what a folder holds, bounded for huge ones. */
const MAX_LISTED = 4000;
const DEFAULT_TTL_MS = 2000;
/** File contents remembered: a project's scripts and manifests, bounded in count and in size. */
const MAX_TEXTS = 256;
const MAX_TEXT_BYTES = 8 * 1024 * 1024;

class Remembered<T> {
  private readonly map = new Map<string, { at: number; value: T }>();
  private readonly ttlMs: number;

  constructor(ttlMs: number) {
    this.ttlMs = ttlMs;
  }

  get(key: string, now: number): T | undefined {
    const hit = this.map.get(key);
    return hit && now - hit.at < this.ttlMs ? hit.value : undefined;
  }

  set(key: string, value: T, now: number): T {
    if (this.map.size >= MAX_REMEMBERED) this.map.clear();
    this.map.set(key, { at: now, value });
    return value;
  }
}

/** The real file system, read with Node's synchronous calls, each answer kept for `ttlMs`. */
export function nodeFiles(opts: NodeFileOptions = {}): FileView {
  const ttl = opts.ttlMs ?? DEFAULT_TTL_MS;
  const stats = new Remembered<FileStat | null>(ttl);
  const lists = new Remembered<readonly DirEntry[] | null>(ttl);
  const links = new Remembered<string | null>(ttl);
  // Contents are kept by path, size and modification time: the same file read again costs a stat.
  const texts = new Map<string, { key: string; text: FileText }>();
  let textBytes = 0;

  const stat = (abs: string): FileStat | null => {
    const now = Date.now();
    const hit = stats.get(abs, now);
    if (hit !== undefined) return hit;
    let value: FileStat | null = null;
    try {
      const s = fs.statSync(abs, { throwIfNoEntry: false });
      if (s) value = { file: s.isFile(), dir: s.isDirectory(), size: s.size, mtimeMs: s.mtimeMs };
    } catch {
      value = null;
    }
    return stats.set(abs, value, now);
  };

  const list = (abs: string): readonly DirEntry[] | null => {
    const now = Date.now();
    const hit = lists.get(abs, now);
    if (hit !== undefined) return hit;
    let value: DirEntry[] | null;
    let dir: fs.Dir | null = null;
    try {
      dir = fs.opendirSync(abs);
      const entries: DirEntry[] = [];
      for (let d = dir.readSync(); d && entries.length < MAX_LISTED; d = dir.readSync()) {
        // A link's target is not looked at here (a folder of thousands of links would cost a stat each).
        entries.push({ name: d.name, dir: d.isDirectory(), link: d.isSymbolicLink() });
      }
      value = entries;
    } catch {
      value = null;
    } finally {
      try {
        dir?.closeSync();
      } catch {
        // already closed
      }
    }
    return lists.set(abs, value, now);
  };

  const read = (abs: string, maxBytes: number): FileText => {
    const s = stat(abs);
    if (!s) return { problem: 'missing' };
    if (!s.file) return { problem: 'not-a-file' };
    if (s.size > maxBytes) return { problem: 'too-large', size: s.size };
    const key = `${s.size}:${s.mtimeMs}:${maxBytes}`;
    const known = texts.get(abs);
    if (known?.key === key) return known.text;
    let text: FileText;
    let fd: number | null = null;
    try {
      // Never more than the cap, even if the file grew since it was looked at.
      fd = fs.openSync(abs, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
      const buf = Buffer.alloc(maxBytes + 1);
      const got = fs.readSync(fd, buf, 0, maxBytes + 1, 0);
      if (got > maxBytes) text = { problem: 'too-large', size: got };
      else
        text = looksBinary(buf.subarray(0, got))
          ? { problem: 'binary', size: got }
          : { text: buf.subarray(0, got).toString('utf8'), stat: s };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      text = { problem: code === 'ENOENT' ? 'missing' : code === 'EISDIR' ? 'not-a-file' : 'denied' };
    } finally {
      if (fd !== null) fs.closeSync(fd);
    }
    const bytes = 'text' in text ? text.text.length : 0;
    if (texts.size >= MAX_TEXTS || textBytes + bytes > MAX_TEXT_BYTES) {
      texts.clear();
      textBytes = 0;
    }
    texts.set(abs, { key, text });
    textBytes += bytes;
    return text;
  };

  const link = (abs: string): string | null | undefined => {
    const now = Date.now();
    const hit = links.get(abs, now);
    if (hit !== undefined) return hit === MISSING ? undefined : hit;
    const value = lookOnDisk(abs);
    links.set(abs, value === undefined ? MISSING : value, now);
    return value;
  };

  return { stat, list, read, link };
}

/** How a path that is not there is remembered (Remembered's own `undefined` means "not looked at"). */
const MISSING = '\u0000missing';

/** A NUL byte in the first 8 KB: a compiled program or an image, not text a person or a shell reads. */
export function looksBinary(buf: Uint8Array): boolean {
  const end = Math.min(buf.length, 8192);
  for (let i = 0; i < end; i++) if (buf[i] === 0) return true;
  return false;
}

/** How a person would say why a file could not be read. */
export function unreadableWhy(problem: Unreadable, size?: number): string {
  switch (problem) {
    case 'missing':
      return 'it is not there (the command may write it first)';
    case 'too-large':
      return `it is too large to read (${Math.round((size ?? 0) / 1024)} KB)`;
    case 'binary':
      return 'it is not text';
    case 'denied':
      return 'it cannot be opened';
    case 'not-a-file':
      return 'it is not a file';
  }
}
