// The real shell parser for tests, loaded once per test file, and short views of what it reads.
import type { ParsedCommand, Segment } from '../../electron/core/risk/model.ts';
import { loadShellParser, type ShellParse } from '../../electron/core/risk/parse/index.ts';

let loading: Promise<ShellParse> | null = null;

export function shellParser(): Promise<ShellParse> {
  loading ??= loadShellParser();
  return loading;
}

/** A segment's argv as one line, unknown words marked with `?` (`rm -rf ?$DIR/`). */
export function line(seg: Segment): string {
  return seg.argv.map((w) => (w.known ? w.text : `?${w.text}`)).join(' ');
}

/** Every segment as a line, in the order the parser emitted them. */
export function lines(parsed: ParsedCommand): string[] {
  return parsed.segments.map(line);
}

/** The only segment whose argv[0] is `prog`; fails the test when there is not exactly one. */
export function only(parsed: ParsedCommand, prog: string): Segment {
  const found = parsed.segments.filter((s) => s.argv[0]?.text === prog);
  if (found.length !== 1)
    throw new Error(`expected one \`${prog}\` segment, got ${found.length}: ${JSON.stringify(lines(parsed))}`);
  return found[0] as Segment;
}
