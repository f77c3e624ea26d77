// The redirections written with a statement (`> f`, `2>&1`, `<>`, `<<<`, `<<EOF`), read for the walker
// (`walk.ts`): the command's redirections and stdin; the words tree-sitter files under a redirection
// that are the command's arguments; a here-doc's body (its substitutions and backticks run) and the
// statements tree-sitter files under it that run after the command (`cat <<EOF | psql`).
import type { Redirect, Word } from '../model.ts';
import type { Frame, Reader } from './frame.ts';
import { backticksIn } from './shell-text.ts';
import { heredocLine, hereStringMark, readWriteMark, textOf, type SyntaxNode } from './syntax.ts';
import { hasErrorNode, snippet, unknownPart, withGaps } from './tree-text.ts';
import { firstWord, readWord, readWords, substitutionsIn, type SubstitutionSink } from './words.ts';

/** Redirections written after a statement (`… > f`, `<<EOF`) that go to the command they follow. */
export interface Tail {
  redirects: Redirect[];
  stdin: string | null;
  stdinKind: string | null;
  /**
   * Words that tree-sitter files under a redirection but that are the command's arguments: those after
   * a redirection's target (`rm -rf 2>/dev/null /`), after a here-doc's marker (`cat <<EOF -n`).
   */
  args: Word[];
}

/** What tree-sitter files under a here-doc but runs after the command: `cat <<EOF | psql`, `cat <<EOF && x`. */
export interface After {
  node: SyntaxNode;
  piped: boolean;
}

export const NO_TAIL: Tail = { redirects: [], stdin: null, stdinKind: null, args: [] };

/** Where redirections are read: the source, the reader told of problems, the frame and its substitution sink. */
export interface TailScope {
  src: string;
  reader: Reader;
  frame: Frame;
  sink: SubstitutionSink;
  /** Descriptors tree-sitter filed as a word of the command (`cat 0< f` reads `0` as an argument): the redirection each belongs to. */
  descriptors?: ReadonlyMap<SyntaxNode, number>;
}

/**
 * `cat 0< f`: tree-sitter reads the `0` written against `<` as an argument of the command. Such a word (digits, with a
 * redirection starting right where it ends) is that redirection's descriptor: it leaves the words, and the map says whose.
 */
export function leadingDescriptors(
  src: string,
  words: SyntaxNode[],
  redirects: readonly SyntaxNode[],
): Map<SyntaxNode, number> {
  const found = new Map<SyntaxNode, number>();
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i] as SyntaxNode;
    const r = redirects.find((x) => x.start === w.end && x.type === 'file_redirect');
    if (!r || !/^\d+$/.test(src.slice(w.start, w.end)) || r.children.some((c) => c.field === 'descriptor')) continue;
    found.set(r, Number(src.slice(w.start, w.end)));
    words.splice(i, 1);
  }
  return found;
}

/** Reads redirection nodes (and the words among them); here-docs may also carry statements that follow the command (`after`). */
export function readTail(at: TailScope, nodes: SyntaxNode[], after: After[]): Tail {
  const { src, reader, sink } = at;
  const t: Tail = { redirects: [], stdin: null, stdinKind: null, args: [] };
  // The command's words among the redirections, in the order written.
  const args: SyntaxNode[] = [];
  // Words read from text again (a here-doc line tree-sitter could not parse).
  const extra: Word[] = [];
  // tree-sitter reads the `0` of `>& /dev/tcp/h/p 0>&1` as a word of the redirection before: it is the next one's descriptor.
  let nextFd: number | null = null;
  const read = (r: SyntaxNode): void => {
    const fd = r.children.find((c) => c.field === 'descriptor');
    const given = nextFd ?? at.descriptors?.get(r) ?? null;
    nextFd = null;
    if (r.type === 'file_redirect') {
      const op = r.children.find((c) => !c.named);
      const children = withGaps(src, reader, r);
      // `2>/dev/null / x`: the target is the first word; tree-sitter files the rest under the redirection too.
      const [target, rest] = firstWord(
        children.filter((c) => c.field === 'destination'),
        src,
      );
      const last = rest[rest.length - 1];
      if (last && /^\d+$/.test(textOf(src, last)) && /[<>]/.test(src[last.end] ?? '')) {
        nextFd = Number(textOf(src, last));
        rest.pop();
      }
      args.push(...rest, ...children.filter((c) => c.field === 'argument'));
      const readWrite = r.children.some((c) => readWriteMark(src, r, c));
      if (op && target.length)
        t.redirects.push({
          op: readWrite ? '<>' : op.type,
          fd: fd ? Number(textOf(src, fd)) : given,
          target: readWord(target, src, sink),
        });
      else unknownPart(src, reader, r);
    } else if (r.type === 'herestring_redirect') {
      const [text, rest] = firstWord(
        r.children.filter((c) => c.named && c !== fd),
        src,
      );
      t.stdin = readWords(text, src, sink)
        .map((w) => w.text)
        .join(' ');
      t.stdinKind = '<<<';
      args.push(...rest);
    } else if (r.type === 'heredoc_redirect') {
      heredoc(at, r, t, args, extra, read, after);
    } else if (r.field === 'argument') {
      args.push(r);
    } else if (r.type !== 'comment') {
      unknownPart(src, reader, r);
    }
  };
  for (let i = 0; i < nodes.length; i++) {
    const r = nodes[i] as SyntaxNode;
    const next = nodes[i + 1];
    if (next && hereStringMark(src, r, next)) {
      // `2>/dev/null <<< 'cmd'`: tree-sitter's ERROR `<<` and a `<` redirection are one here-string.
      const [text, rest] = firstWord(
        next.children.filter((c) => c.field === 'destination'),
        src,
      );
      t.stdin = readWords(text, src, sink)
        .map((w) => w.text)
        .join(' ');
      t.stdinKind = '<<<';
      args.push(...rest);
      i += 1;
      continue;
    }
    read(r);
  }
  if (args.length || extra.length) t.args = [...readWords(args, src, sink), ...extra];
  return t;
}

function heredoc(
  at: TailScope,
  r: SyntaxNode,
  t: Tail,
  args: SyntaxNode[],
  extra: Word[],
  read: (r: SyntaxNode) => void,
  after: After[],
): void {
  const { src, reader, frame, sink } = at;
  const bodyNode = r.children.find((c) => c.type === 'heredoc_body');
  const strip = r.children.some((c) => c.type === '<<-');
  const text = bodyNode ? textOf(src, bodyNode) : '';
  t.stdin = strip ? text.replace(/^\t+/gm, '') : text;
  t.stdinKind = '<<EOF';
  const start = r.children.find((c) => c.type === 'heredoc_start');
  // `<<'EOF'`, `<<"EOF"`, `<<\EOF`: the body is plain text. Otherwise it expands like a double-quoted string.
  const quoted = start !== undefined && /['"\\]/.test(textOf(src, start));
  if (bodyNode && !quoted) {
    // tree-sitter parses `$(…)` in the body; the backticks it leaves as text (`git commit -F - <<EOF` …
    // `` `cmd` ``), bash runs: those are read from the body's text, once (not again inside `${…}`).
    substitutionsIn(bodyNode, src, {
      run: sink.run,
      reread: (body, mode) => (mode === 'commands' ? sink.reread(body, mode) : undefined),
    });
    for (const b of backticksIn(text)) {
      if (!b.closed) reader.problem('a backtick in a here-document that is never closed');
      sink.reread(b.body, 'commands');
    }
  }
  const firstLine = heredocLine(r, bodyNode);
  // tree-sitter cannot read words and redirections mixed after the marker (`cat <<EOF -n >x y`,
  // `cmd <<EOF a 2>&1 b`): that stretch is read again as the rest of a simple command.
  const broken = start !== undefined && r.children.some((c) => c.start < firstLine && hasErrorNode(c));
  if (broken) {
    const line = reader.readCommandLine(`: ${src.slice(start.end, firstLine)}`, frame);
    if (line) {
      extra.push(...line.argv.slice(1));
      t.redirects.push(...line.redirects);
    } else
      reader.problem(
        `words after a here-document's marker Gatehouse could not read (\`${snippet(src.slice(start.end, firstLine))}\`)`,
      );
  }
  for (const c of withGaps(src, reader, r, bodyNode?.start)) {
    if (c.type === 'pipeline' && c.field === null) after.push({ node: c, piped: true });
    else if (c.field === 'right') after.push({ node: c, piped: false });
    else if (broken) continue;
    else if (c.field === 'argument') args.push(c);
    else if (c.field === 'redirect') read(c);
  }
}
