// A command that writes a file and then runs it, or runs a tool that reads it as code: `echo '{"scripts":…}' >
// package.json && npm run x`, `printf 'all:\n\trm …' > Makefile && make`, `echo 'rm -rf ~' > build.sh && bash build.sh`.
// The rules read package.json, the Makefile or the script as it is on disk when the command is judged, which is not
// what will run: what runs is unread. From a download it is remote code (critical); otherwise the command is not
// fully read (medium, and no rule may allow it). Judged across the command's segments, in order.
import path from 'node:path';
import type { Segment, Word } from '../model.ts';
import { S, type Finding } from '../types.ts';
import { SCRIPT_RUNNERS } from './benign.ts';
import { INTERPRETERS, runsTheFolder, savedAs, SHELLS } from './code.ts';
import { finding, operands, programName } from './util.ts';

/**
 * Files that a folder's build, test and run tools read as code or as what to run: package scripts and the package
 * managers' settings (`.npmrc`'s `script-shell`), Makefiles and the other task files, build scripts, test configs.
 */
const FOLDER_CODE =
  /^(package\.json|\.npmrc|\.yarnrc(\.yml)?|bunfig\.toml|GNUmakefile|[Mm]akefile|[Jj]ustfile|\.justfile|Rakefile|Gemfile|Cargo\.toml|build\.rs|go\.mod|pyproject\.toml|setup\.py|setup\.cfg|tox\.ini|noxfile\.py|conftest\.py|pytest\.ini|deno\.jsonc?|Taskfile\.ya?ml|build\.gradle(\.kts)?|settings\.gradle(\.kts)?|pom\.xml|CMakeLists\.txt|meson\.build|[\w.-]+\.config\.[cm]?[jt]s)$/;

/** Programs that copy or move a file to a destination (the last operand). */
const COPIERS = new Set(['cp', 'mv', 'install', 'ln', 'rsync']);
/** Programs that write the files they are given as operands. */
const WRITES_OPERANDS = new Set(['tee', 'sed', 'gsed', 'perl', 'truncate']);

const plain = (p: string) => p.replace(/^\.\//, '').replace(/\/+$/, '');

/** The files a segment writes, as written in it (a copy into a folder also as folder/name), and whether it downloaded. */
function writes(seg: Segment): { files: string[]; downloaded: boolean } {
  const saved = savedAs(seg);
  if (saved) return { files: [plain(saved)], downloaded: true };
  const files: string[] = [];
  for (const r of seg.redirects)
    if (/^(>|>>|>\||&>|&>>)$/.test(r.op) && r.target.known && !/^\/dev\//.test(r.target.text))
      files.push(plain(r.target.text));
  const prog = programName(seg.argv[0]);
  const ops = operands(seg.argv.slice(1)).filter((w: Word) => w.known);
  if (COPIERS.has(prog) && ops.length >= 2) {
    const dest = plain((ops.at(-1) as Word).text);
    files.push(dest, ...ops.slice(0, -1).map((w) => `${dest}/${path.basename(w.text)}`));
  } else if (WRITES_OPERANDS.has(prog)) files.push(...ops.map((w) => plain(w.text)));
  else if (prog === 'dd') {
    const of = seg.argv.find((w) => w.text.startsWith('of='));
    if (of) files.push(plain(of.text.slice(3)));
  }
  return { files, downloaded: false };
}

/** The script a segment runs by its path (`./x.sh`, `bash x.sh`, `python3 x.py`), as written, or null. */
function scriptRun(seg: Segment): string | null {
  const prog = programName(seg.argv[0]);
  const direct = seg.argv[0]?.text ?? '';
  if (direct.includes('/')) return plain(direct);
  if (!SHELLS.has(prog) && !INTERPRETERS.has(prog)) return null;
  const script = operands(seg.argv.slice(1), ['-c', '-e', '-m'])[0]?.text;
  return script ? plain(script) : null;
}

/** The patch files a segment applies (`patch < x.diff`, `patch -i x.diff`, `git apply x.diff`, `git am x.mbox`). */
function patchesApplied(seg: Segment): string[] {
  const prog = programName(seg.argv[0]);
  const args = seg.argv.slice(1);
  const fromStdin = seg.redirects.filter((r) => r.op === '<' && r.target.known).map((r) => plain(r.target.text));
  if (prog === 'patch') {
    const i = args.findIndex((w) => w.text === '-i' || w.text === '--input');
    return [...fromStdin, ...(i >= 0 && args[i + 1] ? [plain((args[i + 1] as Word).text)] : [])];
  }
  if (prog !== 'git') return [];
  const ops = operands(args, ['-C', '-c']).map((w) => w.text);
  return ops[0] === 'apply' || ops[0] === 'am' ? [...fromStdin, ...ops.slice(1).map(plain)] : [];
}

export function writtenThenRun(segments: readonly Segment[]): Finding | null {
  const written = new Map<string, boolean>();
  for (const seg of segments) {
    // Nothing written yet: nothing this segment runs can be what was written (the common case, kept cheap).
    if (written.size > 0) {
      const found = runsWritten(seg, written);
      if (found) return found;
    }
    const w = writes(seg);
    for (const f of w.files) written.set(f, w.downloaded || (written.get(f) ?? false));
  }
  return null;
}

/** What a segment runs, applies or has a tool read that an earlier one wrote, as a finding; null for none. */
function runsWritten(seg: Segment, written: ReadonlyMap<string, boolean>): Finding | null {
  const prog = programName(seg.argv[0]);
  const patch = patchesApplied(seg).find((f) => written.has(f));
  if (patch !== undefined)
    return finding(
      written.get(patch) ? 'remote-code' : 'unparsed',
      written.get(patch) ? S.critical : S.medium,
      `applies ${patch}, which the same command ${written.get(patch) ? 'just downloaded, unread' : 'writes first: Gatehouse read it as it is now, not as it will be applied'}`,
    );
  const script = scriptRun(seg);
  // A script downloaded and run is code.ts's `savedThenRun`; a shell reads no Makefile.
  const code =
    script !== null && written.get(script) === false
      ? script
      : runsTheFolder(prog) && !SCRIPT_RUNNERS.has(prog)
        ? [...written.keys()].find((f) => FOLDER_CODE.test(path.basename(f)))
        : undefined;
  if (code !== undefined) {
    const what = script === code ? code : `${prog}, which reads ${code}`;
    return written.get(code)
      ? finding('remote-code', S.critical, `runs ${what}, which the same command just downloaded, unread`)
      : finding(
          'unparsed',
          S.medium,
          `runs ${what}, which the same command writes first: Gatehouse read it as it is now, not as it will run`,
        );
  }
  return null;
}
