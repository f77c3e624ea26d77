// Archives: extracting writes every file the archive names into a folder (unseen, replacing what is
// there); creating one writes the archive file; listing only reads.
import type { Word } from '../model.ts';
import { S } from '../types.ts';
import type { Finding } from '../types.ts';
import { overwrite } from './files.ts';
import { finding, hasOption, operands, optionValue, word, type Rule, type RuleInput } from './util.ts';

const HERE = word('.');

/** Extraction replaces files wherever the archive says; outside the project that is a truncating write. */
function extractsInto(dir: Word, input: RuleInput, what: string): Finding {
  const found = overwrite(dir, input, 'truncate', `extracts ${what} over`);
  return found.category === 'file-overwrite' && found.score <= S.lowWrite ? { ...found, category: 'build-test' } : found;
}

/** tar's mode from `-x`, `--extract`, or the old style first word (`tar xzf`). */
function tarMode(args: readonly Word[]): 'extract' | 'create' | 'list' | 'other' {
  const first = args[0]?.text ?? '';
  const cluster = /^[a-zA-Z]+$/.test(first) ? `-${first}` : '';
  const has = (short: string, ...long: string[]) => hasOption(cluster ? [{ text: cluster, known: true }] : [], short) || hasOption(args, short, ...long);
  if (has('x', '--extract', '--get')) return 'extract';
  if (has('c', '--create') || has('r', '--append') || has('u', '--update')) return 'create';
  if (has('t', '--list') || has('d', '--diff', '--compare')) return 'list';
  return 'other';
}

const tar: Rule = (input) => {
  const { args } = input;
  const mode = tarMode(args);
  const file = optionValue(args, 'f', '--file') ?? (/^[a-zA-Z]*f[a-zA-Z]*$/.test(args[0]?.text ?? '') && !args[0]?.text.startsWith('-') ? args[1]?.text ?? null : null);
  const from = input.seg.pipeFrom ? 'a piped archive' : (file ?? 'an archive');
  if (mode === 'extract') return [extractsInto(word(optionValue(args, 'C', '--directory') ?? '.'), input, from)];
  if (mode === 'create' && file && file !== '-') return [overwrite(word(file), input, 'copy', 'writes the archive')];
  return [finding('read-only', S.readOnly, `tar ${mode === 'list' ? 'lists an archive' : args.map((w) => w.text).join(' ')}`)];
};

const unzip: Rule = (input) => {
  const { args } = input;
  if (hasOption(args, 'l') || hasOption(args, 't') || hasOption(args, 'Z') || hasOption(args, 'v') || hasOption(args, 'p')) return [finding('read-only', S.readOnly, 'lists or tests an archive')];
  const dir = optionValue(args, 'd', '--directory');
  const archive = operands(args, ['-d', '-x'])[0]?.text ?? 'an archive';
  return [extractsInto(dir ? word(dir) : HERE, input, archive)];
};

/** `7z x a.7z -o/dest`, `7z a out.7z files`. */
const sevenZip: Rule = (input) => {
  const ops = operands(input.args);
  const cmd = ops[0]?.text ?? '';
  const out = input.args.find((w) => w.text.startsWith('-o'))?.text.slice(2);
  if (cmd === 'x' || cmd === 'e') return [extractsInto(out ? word(out) : HERE, input, ops[1]?.text ?? 'an archive')];
  if ((cmd === 'a' || cmd === 'u' || cmd === 'd') && ops[1]) return [overwrite(ops[1], input, 'copy', 'writes the archive')];
  return [finding('read-only', S.readOnly, `7z ${cmd}`)];
};

/** `zip -r out.zip dir`: writes the archive named first. */
const zip: Rule = (input) => {
  const archive = operands(input.args, ['-b', '-n', '-t', '-tt', '-x', '-i', '-P', '--password'])[0];
  return archive ? [overwrite(archive, input, 'copy', 'writes the archive')] : [];
};

/** gzip, xz, bzip2, zstd compress or expand files in place (the original is replaced) unless writing to stdout. */
const compressor: Rule = (input) => {
  const { args } = input;
  if (hasOption(args, 'c', '--stdout', '--to-stdout') || hasOption(args, 'l', '--list') || hasOption(args, 't', '--test') || input.seg.pipeFrom) return [finding('read-only', S.readOnly, `${input.prog} to the terminal or a pipe`)];
  return operands(args, ['-S', '--suffix', '-o', '--output']).map((w) => overwrite(w, input, 'copy', 'replaces in place'));
};

export const ARCHIVE_RULES: Record<string, Rule> = {
  tar,
  gtar: tar,
  bsdtar: tar,
  unzip,
  ditto: (input) => (hasOption(input.args, 'x') ? [extractsInto(operands(input.args).at(-1) ?? HERE, input, operands(input.args)[0]?.text ?? 'an archive')] : []),
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
