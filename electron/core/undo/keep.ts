// The paths a command names that its snapshot does not cover: ignored ones inside the project (`rm -rf dist`) and
// ones outside it (`rm -rf ~/data`). They are read from the risk engine's reading of the command (each segment's
// argv) and kept beside the snapshot in Gatehouse's data: hard links when the command only deletes (cheap, and a
// delete cannot change a linked file's bytes), copies when it may write into them. All of it within the size limit
// the person set; what does not fit, or cannot be read, is named so the card can say it will not come back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RiskAssessment } from '../../../shared/domain.ts';
import type { KeptPath } from '../../../shared/undo.ts';

/** Programs that only delete what they are given. */
const DELETERS = new Set(['rm', 'rmdir', 'unlink', 'shred', 'trash', 'trash-put']);
/** Programs that write into or replace every operand (mv: the sources go, the target is replaced). */
const WRITE_ALL = new Set(['mv', 'truncate', 'tee']);
/** Programs that write into their last operand only. */
const WRITE_LAST = new Set(['cp', 'install', 'rsync', 'ln']);

export interface Target {
  /** Absolute. */
  path: string;
  pureDelete: boolean;
}

/** The existing paths the command deletes or writes, as its segments' argv name them (globs are not expanded). */
export function commandTargets(risk: RiskAssessment | null, cwd: string, home = os.homedir()): Target[] {
  const out = new Map<string, Target>();
  for (const seg of risk?.segments ?? []) {
    const prog = path.basename(seg.argv[0] ?? '');
    const operands: string[] = [];
    let ended = false;
    for (const w of seg.argv.slice(1)) {
      if (!ended && w === '--') ended = true;
      else if (ended || !w.startsWith('-')) operands.push(w);
    }
    let named: string[] = [];
    if (DELETERS.has(prog)) named = operands;
    else if (WRITE_ALL.has(prog)) named = operands;
    else if (WRITE_LAST.has(prog)) named = operands.slice(-1);
    for (const word of named) {
      if (/[*?[]/.test(word)) continue;
      const expanded = word === '~' ? home : word.startsWith('~/') ? path.join(home, word.slice(2)) : word;
      const abs = path.resolve(cwd, expanded);
      if (!fs.existsSync(abs)) continue;
      const prior = out.get(abs);
      out.set(abs, { path: abs, pureDelete: DELETERS.has(prog) && (prior?.pureDelete ?? true) });
    }
  }
  return [...out.values()];
}

export interface KeepResult {
  kept: KeptPath[];
  notKept: Array<{ path: string; why: string }>;
  bytes: number;
}

/** Keeps each target under `dest` (at its absolute path below it), within `limitBytes` for all of them together. */
export function keepPaths(targets: readonly Target[], dest: string, limitBytes: number): KeepResult {
  const result: KeepResult = { kept: [], notKept: [], bytes: 0 };
  for (const t of targets) {
    const size = sizeOf(t.path, limitBytes - result.bytes);
    if (size === null) {
      result.notKept.push({
        path: t.path,
        why: `it is larger than the ${Math.round(limitBytes / 1048576)} MB Gatehouse keeps beside a snapshot (Settings, Undo)`,
      });
      continue;
    }
    const to = path.join(dest, t.path);
    try {
      fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 });
      if (t.pureDelete) linkTree(t.path, to);
      else fs.cpSync(t.path, to, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
      result.kept.push({ path: t.path, how: t.pureDelete ? 'link' : 'copy', bytes: size });
      result.bytes += size;
    } catch (err) {
      result.notKept.push({ path: t.path, why: `it could not be read (${(err as Error).message})` });
    }
  }
  return result;
}

/** Bytes under `p` (symbolic links not followed), or null once they pass `budget`. */
function sizeOf(p: string, budget: number): number | null {
  let total = 0;
  const stack = [p];
  while (stack.length > 0) {
    const cur = stack.pop() as string;
    const st = fs.lstatSync(cur);
    if (st.isDirectory()) for (const name of fs.readdirSync(cur)) stack.push(path.join(cur, name));
    else total += st.size;
    if (total > budget) return null;
  }
  return total;
}

/** The same tree with every file hard-linked (a copy where a link cannot be made: another file system). */
function linkTree(from: string, to: string): void {
  const st = fs.lstatSync(from);
  if (st.isDirectory()) {
    fs.mkdirSync(to, { recursive: true, mode: st.mode & 0o7777 });
    for (const name of fs.readdirSync(from)) linkTree(path.join(from, name), path.join(to, name));
  } else if (st.isSymbolicLink()) {
    fs.symlinkSync(fs.readlinkSync(from), to);
  } else {
    try {
      fs.linkSync(from, to);
    } catch {
      fs.copyFileSync(from, to);
    }
  }
}

/** Puts a kept path back where it was; a path that exists there now is not touched (returned false). */
export function putBackKept(kept: KeptPath, dest: string): boolean {
  if (fs.existsSync(kept.path)) return false;
  const from = path.join(dest, kept.path);
  if (!fs.existsSync(from)) return false;
  fs.mkdirSync(path.dirname(kept.path), { recursive: true });
  fs.cpSync(from, kept.path, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
  return true;
}
