// Archives: extracting writes every file the archive names into a folder (unseen, replacing what is
// there); creating one writes the archive file and carries off what it packs; listing only reads.
import path from 'node:path';
import { guardedPlace } from '../guarded.ts';
import type { Word } from '../model.ts';
import { classifyPath, isSecretPath, where } from '../paths.ts';
import { holdsSecrets } from '../reach.ts';
import { S } from '../types.ts';
import type { Finding } from '../types.ts';
import { overwrite } from './files.ts';
import { finding, hasOption, operands, optionValue, word, type Rule, type RuleInput } from './util.ts';

const HERE = word('.');

/**
 * Extraction replaces files wherever the archive says; outside the project that is a truncating write.
 * Over the project or the home (or a folder above them) an archive can plant an agent's settings
 * (`.claude/settings.json`), a git hook or a shell startup file: nobody sees what it holds, so at least high.
 * Members named on the command line (`tar -xf a.tar .claude/settings.json`) are judged where they land.
 */
function extractsInto(dir: Word, input: RuleInput, what: string, members: readonly Word[] = []): Finding[] {
  const found = overwrite(dir, input, 'truncate', `extracts ${what} over`);
  const out = [
    found.category === 'file-overwrite' && found.score <= S.lowWrite
      ? { ...found, category: 'build-test' as const }
      : found,
  ];
  const info = classifyPath(dir, input.ctx);
  if (info.abs) {
    for (const m of members) {
      if (m.text.startsWith('-')) continue;
      const at = path.join(info.abs, m.text);
      const guard = guardedPlace(at, input.ctx);
      if (guard)
        out.push(
          finding(
            guard.kind === 'agent' ? 'self-protection' : 'system-config',
            guard.kind === 'project-hooks' ? S.high : S.critical,
            `extracts ${m.text} from ${what} into ${at}: ${guard.what}`,
          ),
        );
    }
    const { projectRoot, home } = input.ctx;
    const above = (root: string | null) => root !== null && (root === info.abs || root.startsWith(`${info.abs}/`));
    if (found.score < S.high && (above(projectRoot) || above(home))) {
      out.push(
        finding(
          'self-protection',
          S.high,
          `extracts ${what} over ${above(home) ? 'your home directory' : 'the whole project'}: an archive extracted here can write .claude/ (hook settings), .git/hooks or ${above(home) ? 'your shell startup files' : '.mcp.json'} unseen`,
        ),
      );
    }
  }
  return out;
}

/**
 * Packing a folder that holds credentials (the home, ~/.ssh, ~/.config, a project's `.env`) carries them
 * off in the archive, wherever it goes next.
 */
function packs(sources: readonly Word[], input: RuleInput): Finding[] {
  for (const w of sources) {
    if (w.text.startsWith('-')) continue;
    const info = classifyPath(w, input.ctx);
    if (info.kind === 'secret' || !info.abs) continue;
    const held = holdsSecrets(info.abs, input.ctx.home, input.ctx.files, isSecretPath);
    if (held)
      return [
        finding(
          'secrets',
          S.high,
          `packs ${where(info)} into an archive, with the credentials it holds (${held.example})`,
        ),
      ];
  }
  return [];
}

/** tar's mode from `-x`, `--extract`, or the old style first word (`tar xzf`). */
function tarMode(args: readonly Word[]): 'extract' | 'create' | 'list' | 'other' {
  const first = args[0]?.text ?? '';
  const cluster = /^[a-zA-Z]+$/.test(first) ? `-${first}` : '';
  const has = (short: string, ...long: string[]) =>
    hasOption(cluster ? [{ text: cluster, known: true }] : [], short) || hasOption(args, short, ...long);
  if (has('x', '--extract', '--get')) return 'extract';
  if (has('c', '--create') || has('r', '--append') || has('u', '--update')) return 'create';
  if (has('t', '--list') || has('d', '--diff', '--compare')) return 'list';
  return 'other';
}

/** tar options that take the next word as their value. */
const TAR_VALUED = [
  '-f',
  '--file',
  '-C',
  '--directory',
  '-T',
  '--files-from',
  '-X',
  '--exclude-from',
  '--exclude',
  '-b',
  '--blocking-factor',
  '-H',
  '--format',
  '-I',
  '--use-compress-program',
  '-K',
  '--starting-file',
  '-N',
  '--newer',
  '--after-date',
  '-g',
  '--listed-incremental',
  '-V',
  '--label',
  '--owner',
  '--group',
  '--mode',
  '--transform',
  '--xform',
  '--strip-components',
];

/** The words after the options: the files to pack, or the members to extract (the archive itself left out). */
function tarOperands(args: readonly Word[], file: string | null): Word[] {
  const oldStyle = /^[a-zA-Z]+$/.test(args[0]?.text ?? '') && !args[0]?.text.startsWith('-');
  const rest = oldStyle ? args.slice(/f/.test(args[0]?.text ?? '') ? 2 : 1) : args;
  const ops = operands(rest, TAR_VALUED);
  return oldStyle || file === null ? ops : ops.filter((w) => w.text !== file);
}

const tar: Rule = (input) => {
  const { args } = input;
  const mode = tarMode(args);
  const file =
    optionValue(args, 'f', '--file') ??
    (/^[a-zA-Z]*f[a-zA-Z]*$/.test(args[0]?.text ?? '') && !args[0]?.text.startsWith('-')
      ? (args[1]?.text ?? null)
      : null);
  const from = input.seg.pipeFrom ? 'a piped archive' : (file ?? 'an archive');
  if (mode === 'extract')
    return extractsInto(word(optionValue(args, 'C', '--directory') ?? '.'), input, from, tarOperands(args, file));
  if (mode === 'create') {
    const packed = packs(tarOperands(args, file), input);
    if (file && file !== '-') return [overwrite(word(file), input, 'copy', 'writes the archive'), ...packed];
    return packed.length ? packed : [finding('read-only', S.readOnly, 'tar writes an archive to its output')];
  }
  return [
    finding('read-only', S.readOnly, `tar ${mode === 'list' ? 'lists an archive' : args.map((w) => w.text).join(' ')}`),
  ];
};

const unzip: Rule = (input) => {
  const { args } = input;
  if (
    hasOption(args, 'l') ||
    hasOption(args, 't') ||
    hasOption(args, 'Z') ||
    hasOption(args, 'v') ||
    hasOption(args, 'p')
  )
    return [finding('read-only', S.readOnly, 'lists or tests an archive')];
  const dir = optionValue(args, 'd', '--directory');
  const ops = operands(args, ['-d', '-x', '-P']);
  const archive = ops[0]?.text ?? 'an archive';
  // `unzip a.zip -x f…`: what follows -x is left out, not extracted.
  const excluded = args.findIndex((w) => w.text === '-x');
  const members = ops.slice(1).filter((w) => excluded < 0 || args.indexOf(w) < excluded);
  return extractsInto(dir ? word(dir) : HERE, input, archive, members);
};

/** `7z x a.7z -o/dest`, `7z a out.7z files`. */
const sevenZip: Rule = (input) => {
  const ops = operands(input.args);
  const cmd = ops[0]?.text ?? '';
  const out = input.args.find((w) => w.text.startsWith('-o'))?.text.slice(2);
  if (cmd === 'x' || cmd === 'e')
    return extractsInto(out ? word(out) : HERE, input, ops[1]?.text ?? 'an archive', ops.slice(2));
  if ((cmd === 'a' || cmd === 'u' || cmd === 'd') && ops[1])
    return [overwrite(ops[1], input, 'copy', 'writes the archive'), ...(cmd === 'd' ? [] : packs(ops.slice(2), input))];
  return [finding('read-only', S.readOnly, `7z ${cmd}`)];
};

/** `zip -r out.zip dir`: writes the archive named first, packing the rest. */
const zip: Rule = (input) => {
  const ops = operands(input.args, ['-b', '-n', '-t', '-tt', '-x', '-i', '-P', '--password']);
  const archive = ops[0];
  return archive ? [overwrite(archive, input, 'copy', 'writes the archive'), ...packs(ops.slice(1), input)] : [];
};

/** gzip, xz, bzip2, zstd compress or expand files in place (the original is replaced) unless writing to stdout. */
const compressor: Rule = (input) => {
  const { args } = input;
  if (
    hasOption(args, 'c', '--stdout', '--to-stdout') ||
    hasOption(args, 'l', '--list') ||
    hasOption(args, 't', '--test') ||
    input.seg.pipeFrom
  )
    return [finding('read-only', S.readOnly, `${input.prog} to the terminal or a pipe`)];
  return operands(args, ['-S', '--suffix', '-o', '--output']).map((w) =>
    overwrite(w, input, 'copy', 'replaces in place'),
  );
};

export const ARCHIVE_RULES: Record<string, Rule> = {
  tar,
  gtar: tar,
  bsdtar: tar,
  unzip,
  ditto: (input) =>
    hasOption(input.args, 'x')
      ? extractsInto(operands(input.args).at(-1) ?? HERE, input, operands(input.args)[0]?.text ?? 'an archive')
      : [],
  '7z': sevenZip,
  '7za': sevenZip,
  '7zz': sevenZip,
  zip,
  gzip: compressor,
  gunzip: compressor,
  bzip2: compressor,
  bunzip2: compressor,
  xz: compressor,
  unxz: compressor,
  zstd: compressor,
  unzstd: compressor,
  lz4: compressor,
};
