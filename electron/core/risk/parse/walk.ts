// Walks a bash syntax tree the way the shell would run it: lists, pipelines, compound commands,
// functions, redirections and here-docs, substitutions wherever they appear; each simple command is
// handed to the reader, which peels its wrappers.
import type { Redirect, Segment, Word } from '../model.ts';
import type { CommandInput, Frame, Reader } from './frame.ts';
import { pipedText } from './piped.ts';
import { readWriteMark, STATEMENTS, textOf, type SyntaxNode } from './syntax.ts';
import { readWord, readWords, substitutionsIn, type SubstitutionSink } from './words.ts';

/** Redirections written after a statement (`… > f`, `<<EOF`) that go to the command they follow. */
interface Tail {
  redirects: Redirect[];
  stdin: string | null;
  stdinKind: string | null;
  /** Words tree-sitter files under a here-doc (`cat <<EOF -n`): they are the command's arguments. */
  args: Word[];
}

/** What tree-sitter files under a here-doc but runs after the command: `cat <<EOF | psql`, `cat <<EOF && x`. */
interface After {
  node: SyntaxNode;
  piped: boolean;
}

const NO_TAIL: Tail = { redirects: [], stdin: null, stdinKind: null, args: [] };
/** Parts of a broken command that can still be read as its words. */
const WORDISH = new Set(['word', 'string', 'raw_string', 'ansi_c_string', 'concatenation', 'simple_expansion', 'expansion', 'command_substitution', 'number']);
/** Parts of compound commands that hold statements: loop bodies, `case` arms, `elif`/`else` branches. */
const BODIES = new Set(['do_group', 'case_item', 'elif_clause', 'else_clause']);

export class StatementWalker {
  private readonly src: string;
  private readonly reader: Reader;

  constructor(src: string, reader: Reader) {
    this.src = src;
    this.reader = reader;
  }

  /** Reads a statement; returns the command whose output it gives (for the next pipeline stage). */
  walk(n: SyntaxNode, frame: Frame, tail: Tail = NO_TAIL): Segment | null {
    switch (n.type) {
      case 'command':
        return this.command(n, frame, tail);
      case 'redirected_statement':
        return this.redirected(n, frame, tail);
      case 'list':
        return this.sequence(n.children.filter(isStatement), frame, tail);
      case 'pipeline':
        return this.pipeline(n.children.filter(isStatement), frame, tail, null);
      case 'negated_command':
        return this.sequence(n.children.filter(isStatement), frame, tail);
      case 'declaration_command':
      case 'unset_command':
        return this.declaration(n, frame, tail);
      case 'variable_assignment':
      case 'variable_assignments':
        return this.assignment(n, frame, tail);
      case 'function_definition':
        return this.functionDefinition(n, frame, tail);
      case 'test_command':
        substitutionsIn(n, this.src, this.sink(frame));
        return null;
      case 'ERROR':
        return this.recover(n, frame);
      case 'comment':
        return null;
      default:
        // program, { … }, ( … ), if/while/for/case and their parts: redirections apply to everything inside.
        return this.block(n, tail === NO_TAIL ? frame : { ...frame, redirects: [...frame.redirects, ...tail.redirects], stdin: tail.stdin ?? frame.stdin, stdinKind: tail.stdin !== null ? tail.stdinKind : frame.stdinKind });
    }
  }

  private block(n: SyntaxNode, frame: Frame): Segment | null {
    let last: Segment | null = null;
    for (const c of n.children) {
      if (isStatement(c)) last = this.walk(c, frame);
      else if (BODIES.has(c.type)) last = this.block(c, frame);
      else if (c.named && c.type !== 'comment') substitutionsIn(c, this.src, this.sink(frame));
    }
    return last;
  }

  private sequence(statements: SyntaxNode[], frame: Frame, tail: Tail): Segment | null {
    let last: Segment | null = null;
    statements.forEach((s, i) => {
      last = this.walk(s, frame, i === statements.length - 1 ? tail : NO_TAIL);
    });
    return last;
  }

  private pipeline(stages: SyntaxNode[], frame: Frame, tail: Tail, before: Segment | null): Segment | null {
    let prev = before;
    stages.forEach((stage, i) => {
      const at = i === 0 && !before ? frame : { ...frame, pipeFrom: prev?.argv ?? null, stdin: pipedText(prev), stdinKind: '|' };
      prev = this.walk(stage, at, i === stages.length - 1 ? tail : NO_TAIL);
    });
    return prev;
  }

  private redirected(n: SyntaxNode, frame: Frame, outer: Tail): Segment | null {
    const body = n.children.find((c) => c.field === 'body');
    const after: After[] = [];
    const own = this.tail(n.children.filter((c) => c !== body && c.type.endsWith('_redirect')), frame, after);
    const tail: Tail = { redirects: [...own.redirects, ...outer.redirects], stdin: own.stdin ?? outer.stdin, stdinKind: own.stdin !== null ? own.stdinKind : outer.stdinKind, args: [...own.args, ...outer.args] };
    // In `a && b > f` the redirection is b's; around `{ …; }` it is every command's (see walk()).
    let out = body ? this.walk(body, frame, tail) : this.run([], [], NO_TAIL, tail, textOf(this.src, n), frame);
    for (const a of after) {
      if (a.piped) out = this.pipeline(a.node.children.filter(isStatement), frame, NO_TAIL, out);
      else out = this.walk(a.node, frame);
    }
    return out;
  }

  /** Reads redirection nodes; here-docs may also carry statements that follow the command (`after`). */
  private tail(nodes: SyntaxNode[], frame: Frame, after: After[]): Tail {
    const t: Tail = { redirects: [], stdin: null, stdinKind: null, args: [] };
    const sink = this.sink(frame);
    for (const r of nodes) {
      const fd = r.children.find((c) => c.field === 'descriptor');
      if (r.type === 'file_redirect') {
        const op = r.children.find((c) => !c.named);
        const dest = r.children.filter((c) => c.field === 'destination');
        const readWrite = r.children.some((c) => readWriteMark(this.src, r, c));
        if (op && dest.length) t.redirects.push({ op: readWrite ? '<>' : op.type, fd: fd ? Number(textOf(this.src, fd)) : null, target: readWords(dest, this.src, sink)[0] as Word });
      } else if (r.type === 'herestring_redirect') {
        t.stdin = readWords(r.children.filter((c) => c.named && c !== fd), this.src, sink).map((w) => w.text).join(' ');
        t.stdinKind = '<<<';
      } else if (r.type === 'heredoc_redirect') {
        const bodyNode = r.children.find((c) => c.type === 'heredoc_body');
        const strip = r.children.some((c) => c.type === '<<-');
        const text = bodyNode ? textOf(this.src, bodyNode) : '';
        t.stdin = strip ? text.replace(/^\t+/gm, '') : text;
        t.stdinKind = '<<EOF';
        if (bodyNode) substitutionsIn(bodyNode, this.src, sink);
        const inner = this.tail(r.children.filter((c) => c.field === 'redirect'), frame, after);
        t.redirects.push(...inner.redirects);
        t.args.push(...readWords(r.children.filter((c) => c.field === 'argument'), this.src, sink));
        for (const c of r.children) {
          if (c.type === 'pipeline' && c.field === null) after.push({ node: c, piped: true });
          else if (c.field === 'right') after.push({ node: c, piped: false });
        }
      }
    }
    return t;
  }

  private command(n: SyntaxNode, frame: Frame, tail: Tail): Segment | null {
    const sink = this.sink(frame);
    const assignments: string[] = [];
    const words: SyntaxNode[] = [];
    const redirects: SyntaxNode[] = [];
    let named = false;
    for (const c of n.children) {
      if (c.type === 'variable_assignment' && !named) {
        readWord(c, this.src, sink);
        assignments.push(textOf(this.src, c));
      } else if (c.field === 'name') {
        named = true;
        words.push(...c.children);
      } else if (c.field === 'argument') words.push(c);
      else if (c.type.endsWith('_redirect')) redirects.push(c);
      else if (isStatement(c)) this.walk(c, frame);
    }
    const argv = readWords(words, this.src, sink);
    return this.run(argv, assignments, this.tail(redirects, frame, []), tail, textOf(this.src, n), frame);
  }

  /** `export A=$(x) B`, `local x`, `unset y`: the keyword and its words. */
  private declaration(n: SyntaxNode, frame: Frame, tail: Tail): Segment | null {
    const keyword = n.children.find((c) => !c.named);
    const words = readWords(n.children.filter((c) => c.named && !c.type.endsWith('_redirect')), this.src, this.sink(frame));
    const argv = keyword ? [{ text: textOf(this.src, keyword), known: true }, ...words] : words;
    return this.run(argv, [], this.tail(n.children.filter((c) => c.type.endsWith('_redirect')), frame, []), tail, textOf(this.src, n), frame);
  }

  private run(argv: Word[], assignments: string[], own: Tail, tail: Tail, text: string, frame: Frame): Segment | null {
    const cmd: CommandInput = {
      argv: [...argv, ...tail.args],
      assignments,
      redirects: [...own.redirects, ...tail.redirects],
      stdin: own.stdin ?? tail.stdin,
      stdinKind: own.stdin !== null ? own.stdinKind : tail.stdinKind,
      text,
    };
    return this.reader.runCommand(cmd, frame);
  }

  /** `X=$(rm -rf ~)` runs what its value substitutes; `X=1 > f` still truncates f. */
  private assignment(n: SyntaxNode, frame: Frame, tail: Tail): Segment | null {
    readWord(n, this.src, this.sink(frame));
    if (tail.redirects.length === 0) return null;
    return this.run([], [textOf(this.src, n)], NO_TAIL, tail, textOf(this.src, n), frame);
  }

  private functionDefinition(n: SyntaxNode, frame: Frame, tail: Tail): Segment | null {
    const name = n.children.find((c) => c.field === 'name');
    const body = n.children.find((c) => c.field === 'body');
    const own = this.tail(n.children.filter((c) => c.field === 'redirect'), frame, []);
    if (!body) return null;
    const inner: Frame = { ...frame, via: [...frame.via, `function ${name ? textOf(this.src, name) : ''}`.trim()], redirects: [...frame.redirects, ...own.redirects, ...tail.redirects] };
    this.walk(body, inner);
    return null;
  }

  /** What tree-sitter could not parse: read the statements inside, and runs of words as commands. */
  private recover(n: SyntaxNode, frame: Frame): Segment | null {
    let last: Segment | null = null;
    let run: SyntaxNode[] = [];
    const flush = () => {
      const first = run[0];
      if (first && first.type === 'word') {
        const text = this.src.slice(first.start, (run[run.length - 1] as SyntaxNode).end);
        last = this.run(readWords(run, this.src, this.sink(frame)), [], NO_TAIL, NO_TAIL, text, frame);
      }
      run = [];
    };
    for (const c of n.children) {
      if (WORDISH.has(c.type)) {
        run.push(c);
        continue;
      }
      flush();
      if (isStatement(c)) last = this.walk(c, frame);
      else if (c.type === 'ERROR') last = this.recover(c, frame) ?? last;
    }
    flush();
    return last;
  }

  /** Commands inside `$(…)`, backticks and `<(…)`: they run first, in a subshell of their own. */
  private sink(frame: Frame): SubstitutionSink {
    return (node, label) => {
      const inner: Frame = { ...frame, via: [...frame.via, label], redirects: [], stdin: null, stdinKind: null, pipeFrom: null };
      const statements = node.children.filter(isStatement);
      const reads = node.children.filter((c) => c.type === 'file_redirect');
      // `$(< file)` is `$(cat file)`.
      if (statements.length === 0 && reads.length > 0) this.run([], [], this.tail(reads, inner, []), NO_TAIL, textOf(this.src, node), inner);
      let last: Segment | null = null;
      for (const s of node.children) {
        if (isStatement(s)) last = this.walk(s, inner);
        else if (s.type === 'ERROR') this.recover(s, inner);
      }
      // What `<(cmd)` gives is cmd's output: `bash <(curl …)` runs it (see piped.ts).
      if (label === '<(…)' && last) this.reader.remember(textOf(this.src, node), last);
    };
  }
}

function isStatement(n: SyntaxNode): boolean {
  return STATEMENTS.has(n.type);
}


