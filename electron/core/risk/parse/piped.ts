// What one command hands the next as input, when the command itself says: `echo "…" | sh`,
// `printf '%s\n' … | bash`, `cat <<EOF | psql`, and `sh < <(echo …)` or `bash <(echo …)`.
import type { Segment, Word } from '../model.ts';
import { baseName, type Frame, type Reader } from './frame.ts';

/** What a pipe carries into the next stage, when the command before it says: `cat <<EOF |`, `echo "…" |`. */
export function pipedText(prev: Segment | null): string | null {
  if (!prev) return null;
  const prog = baseName(prev.argv[0]);
  const args = prev.argv.slice(1);
  if (prog === 'cat' && prev.stdin !== null && args.every((w) => w.text.startsWith('-'))) return prev.stdin;
  if (prog === 'echo') {
    let i = 0;
    while (i < args.length && /^-[neE]+$/.test((args[i] as Word).text)) i += 1;
    return args
      .slice(i)
      .map((w) => w.text)
      .join(' ');
  }
  // `printf -v NAME …` prints nothing; `--` ends its options.
  if (prog === 'printf') return args[0]?.text === '-v' ? '' : printfText(args[0]?.text === '--' ? args.slice(1) : args);
  return null;
}

/** Escapes printf decodes in its format (and `%b` in its arguments). */
const PRINTF_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  '"': '"',
  "'": "'",
  a: '\x07',
  v: '\v',
  f: '\f',
};
/** Directives whose argument is printed as it is: enough to read `printf '%s\n' 'cmd' | sh`. */
const PRINTF_DIRECTIVE = /%(%|[-+ #0]*\d*(?:\.\d+)?[sbdiqc])/g;
/** Rounds of a format before giving up (printf reuses it until the arguments run out). */
const MAX_PRINTF_ROUNDS = 64;

/** What `printf FORMAT ARGS…` prints, for the directives that copy their argument; anything else joins the words. */
function printfText(args: readonly Word[]): string {
  const [format, ...values] = args;
  if (!format) return '';
  // `\xHH` and `\NNN` (octal) too: `printf '\x72\x6d …' | sh` spells its command in escapes.
  const unescape = (s: string) =>
    s.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/gs, (m, c: string) =>
      c.length > 1 || /[0-7]/.test(c)
        ? String.fromCharCode(parseInt(c.startsWith('x') ? c.slice(1) : c, c.startsWith('x') ? 16 : 8))
        : (PRINTF_ESCAPES[c] ?? m),
    );
  if (/%(?!%|[-+ #0]*\d*(?:\.\d+)?[sbdiqc])/.test(format.text)) return args.map((w) => w.text).join(' ');
  const fmt = unescape(format.text);
  let out = '';
  let next = 0;
  for (let round = 0; round < MAX_PRINTF_ROUNDS; round++) {
    let used = false;
    out += fmt.replace(PRINTF_DIRECTIVE, (_m, d: string) => {
      if (d === '%') return '%';
      used = true;
      const v = values[next++]?.text ?? '';
      return d.endsWith('b') ? unescape(v) : v;
    });
    if (!used || next >= values.length) break;
  }
  return out;
}

/**
 * A word that is a whole `<(cmd)` reads cmd's output: `bash <(curl …)` and `sh < <(curl …)` run what
 * curl prints, as `curl … | sh` would. The frame a command sees when fed so, or null.
 */
export function fedBy(word: Word | undefined, frame: Frame, reader: Reader): Frame | null {
  const source = word ? reader.outputOf(word) : null;
  if (!source) return null;
  return { ...frame, pipeFrom: source.argv, stdin: pipedText(source), stdinKind: '<(…)' };
}
