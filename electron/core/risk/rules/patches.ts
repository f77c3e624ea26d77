// Patches: `git apply`, `git am`, `patch` and Codex's `apply_patch` write every file the patch names. The
// patch is read (a file that is there, a here-document, `cat x.patch |`), size-capped, and each file it
// writes is judged where it lands: a patch that adds `.claude/settings.json` or a git hook is as bad as
// writing them directly.
import path from 'node:path';
import { unreadableWhy } from '../disk.ts';
import { classifyPath } from '../paths.ts';
import { S } from '../types.ts';
import type { Finding } from '../types.ts';
import { overwrite } from './files.ts';
import { finding, hasOption, operands, optionValue, programName, subcommand, word, type RuleInput } from './util.ts';

/** Larger patches are not read (and say so). */
export const MAX_PATCH_BYTES = 512 * 1024;
/** Files judged per patch: the worst is what matters. A patch that names more is not fully read (and says so). */
export const MAX_TARGETS = 200;

/** The files a patch writes, as written in it (`a/`/`b/` prefixes kept; the caller strips); one past the cap says there are more. */
export function patchTargets(text: string): string[] {
  const out = new Set<string>();
  const add = (p: string | undefined) => {
    const t = p
      ?.trim()
      .replace(/^"(.*)"$/, '$1')
      .replace(/\t.*$/, '');
    if (t && t !== '/dev/null' && out.size <= MAX_TARGETS) out.add(t);
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    let m: RegExpExecArray | null;
    if ((m = /^diff --git (\S+) (\S+)\s*$/.exec(line))) {
      add(m[1]);
      add(m[2]);
    } else if ((m = /^--- (\S+)/.exec(line)) && /^\+\+\+ \S/.test(lines[i + 1] ?? '')) {
      // A file header is a `---` line followed by a `+++` line; either alone is a changed line of text.
      add(m[1]);
      add(/^\+\+\+ (\S+)/.exec(lines[i + 1] ?? '')?.[1]);
      i += 1;
    } else if ((m = /^(?:rename|copy) (?:from|to) (.+)$/.exec(line))) add(`b/${m[1]}`);
    // Codex's patch format.
    else if ((m = /^\*\*\* (?:Add|Update|Delete) File: (.+)$/.exec(line))) add(m[1]);
    else if ((m = /^\*\*\* Move to: (.+)$/.exec(line))) add(m[1]);
  }
  return [...out];
}

interface Source {
  text: string | null;
  /** Where the patch came from, as a person would name it. */
  label: string;
  /** Why it could not be read, when it could not. */
  problem?: string;
}

/** The patch text: a file operand, `-i file`, `< file`, a here-document, or `cat file |`; null when none is given. */
function patchSource(input: RuleInput, file: string | null): Source | null {
  const { seg, ctx } = input;
  const fromFile = (name: string): Source | null => {
    const abs = classifyPath(word(name), ctx).abs;
    if (!abs) return null;
    const got = ctx.files.read(abs, MAX_PATCH_BYTES);
    if ('text' in got) return { text: got.text, label: name };
    // A patch that is not there applies nothing, unless the command writes it first (its folder is there); one that
    // is there but cannot be read is not read.
    return got.problem === 'missing' && !ctx.files.stat(path.dirname(abs))?.dir
      ? null
      : { text: null, label: name, problem: unreadableWhy(got.problem, got.size) };
  };
  if (file !== null && file !== '-') return fromFile(file);
  const redirected = seg.redirects.find((r) => r.op === '<' && (r.fd === null || r.fd === 0));
  if (redirected?.target.known) return fromFile(redirected.target.text);
  if (seg.stdin !== null) return { text: seg.stdin, label: 'the patch it is given' };
  const from = seg.pipeFrom;
  if (from && programName(from[0]) === 'cat' && from.length === 2 && from[1]?.known) return fromFile(from[1].text);
  return null;
}

/** Drops `n` leading folders, as `-p n` does. */
function strip(p: string, n: number): string | null {
  const parts = p.split('/').filter(Boolean);
  if (p.startsWith('/') && n === 0) return p;
  return parts.length > n ? parts.slice(n).join('/') : null;
}

/** What patching these files does, worst first; only what is not an ordinary write inside the project. */
function judgeTargets(
  targets: readonly string[],
  base: string,
  stripCount: number | null,
  input: RuleInput,
  label: string,
): Finding[] {
  const found: Finding[] = [];
  const seen = new Set<string>();
  // Past the cap a protected file could hide behind ordinary ones: not fully read, so never allowed by a rule.
  if (targets.length > MAX_TARGETS)
    found.push(
      finding(
        'unparsed',
        S.medium,
        `the patch (from ${label}) names more than ${MAX_TARGETS} files; Gatehouse judged the first ${MAX_TARGETS}`,
      ),
    );
  for (const raw of targets.slice(0, MAX_TARGETS)) {
    // Without `-p`, git-style `a/` and `b/` prefixes are dropped; any path may also be meant as written.
    const candidates =
      stripCount !== null ? [strip(raw, stripCount)] : [raw, /^[ab]\//.test(raw) ? raw.slice(2) : null];
    for (const c of candidates) {
      if (c === null) continue;
      const abs = path.resolve(base, c);
      if (seen.has(abs)) continue;
      seen.add(abs);
      const f = overwrite(word(abs), input, 'truncate', `patches (from ${label})`);
      if (f.score >= S.medium) found.push(f);
    }
  }
  return found.sort((a, b) => b.score - a.score).slice(0, 3);
}

function unreadable(source: Source, prog: string): Finding[] {
  return [
    finding(
      'unparsed',
      S.medium,
      `Gatehouse could not read ${source.label}, the patch ${prog} applies: ${source.problem ?? 'unknown'}`,
    ),
  ];
}

/** `git apply [-pN] [--directory=d] [files]`, `git am [files]`: paths are the repository's. */
function gitPatch(input: RuleInput): Finding[] {
  const { sub, rest } = subcommand(input.args, ['-C', '-c', '--git-dir', '--work-tree']);
  if (sub !== 'apply' && sub !== 'am') return [];
  if (
    sub === 'apply' &&
    hasOption(rest, null, '--check', '--stat', '--numstat', '--summary') &&
    !hasOption(rest, null, '--apply')
  )
    return [];
  if (
    sub === 'am' &&
    hasOption(rest, null, '--abort', '--skip', '--quit', '--show-current-patch', '--continue', '--resolved')
  )
    return [];
  const files = operands(rest, [
    '--exclude',
    '--include',
    '--directory',
    '-C',
    '--whitespace',
    '--patch-format',
    '--resolvemsg',
  ]);
  const p = /^-p(\d+)$/.exec(rest.find((w) => /^-p\d+$/.test(w.text))?.text ?? '')?.[1];
  const root = input.ctx.projectRoot ?? input.ctx.cwd;
  const base = path.resolve(root, optionValue(rest, null, '--directory') ?? '.');
  const sources = files.length ? files.map((f) => patchSource(input, f.text)) : [patchSource(input, null)];
  const found: Finding[] = [];
  for (const s of sources) {
    if (!s) continue;
    if (s.text === null) found.push(...unreadable(s, `git ${sub}`));
    else found.push(...judgeTargets(patchTargets(s.text), base, p !== undefined ? Number(p) : 1, input, s.label));
  }
  return found;
}

/** `patch [-pN] [-d dir] [-i file | < file] [original [patchfile]]`; `-o out` writes only out. */
function gnuPatch(input: RuleInput): Finding[] {
  const { args, ctx } = input;
  if (hasOption(args, null, '--dry-run')) return [];
  const valued = [
    '-p',
    '--strip',
    '-d',
    '--directory',
    '-i',
    '--input',
    '-o',
    '--output',
    '-F',
    '--fuzz',
    '-B',
    '--prefix',
    '-z',
    '--suffix',
    '-r',
    '--reject-file',
    '-D',
    '--ifdef',
    '-V',
    '--version-control',
  ];
  const ops = operands(args, valued);
  const out = optionValue(args, 'o', '--output');
  const file = optionValue(args, 'i', '--input') ?? ops[1]?.text ?? null;
  const source = patchSource(input, file);
  if (!source) return [];
  if (source.text === null) return unreadable(source, 'patch');
  const dir = path.resolve(ctx.cwd, optionValue(args, 'd', '--directory') ?? '.');
  if (out)
    return [overwrite(word(path.resolve(dir, out)), input, 'truncate', 'writes the patched file to')].filter(
      (f) => f.score >= S.medium,
    );
  const p = optionValue(args, 'p', '--strip');
  const named = ops[0] ? [ops[0].text] : patchTargets(source.text);
  return judgeTargets(named, dir, p !== null && /^\d+$/.test(p) ? Number(p) : null, input, source.label);
}

/** Codex's `apply_patch`, given its patch on stdin: `*** Add File: path`, `*** Update File: path`. */
function codexPatch(input: RuleInput): Finding[] {
  const source = patchSource(input, null);
  if (!source?.text) return [];
  return judgeTargets(patchTargets(source.text), input.ctx.cwd, 0, input, 'the patch it is given');
}

/** Every segment: whatever writes a patch's files is judged by them (the program's own rules judge the rest). */
export function patchWrites(input: RuleInput): Finding[] {
  switch (input.prog) {
    case 'git':
      return gitPatch(input);
    case 'patch':
    case 'gpatch':
      return gnuPatch(input);
    case 'apply_patch':
    case 'applypatch':
      return codexPatch(input);
    default:
      return [];
  }
}
