// Walks a bash syntax tree the way the shell would run it: lists, pipelines, compound commands,
// functions, redirections and here-docs, substitutions wherever they appear; each simple command is
// handed to the reader, which peels its wrappers. Every word of a simple command is read wherever it
// stands (before, between or after redirections); a part the walker does not know is reported.
import type { Redirect, Segment, Word } from '../model.ts';
import { MAX_NESTING, type CommandInput, type Frame, type Reader } from './frame.ts';
import { pipedText } from './piped.ts';
import { heredocLine, hereStringMark, readWriteMark, STATEMENTS, textOf, type SyntaxNode } from './syntax.ts';
import { backticksIn, firstWord, readWord, readWords, substitutionsIn, type SubstitutionSink } from './words.ts';

/** Redirections written after a statement (`… > f`, `<<EOF`) that go to the command they follow. */
interface Tail {
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
interface After {
  node: SyntaxNode;
  piped: boolean;
}

const NO_TAIL: Tail = { redirects: [], stdin: null, stdinKind: null, args: [] };
/** Parts of a broken command that can still be read as its words. */
const WORDISH = new Set(['word', 'string', 'raw_string', 'ansi_c_string', 'concatenation', 'simple_expansion', 'expansion', 'command_substitution', 'number']);
/** What a run of words read out of broken syntax may start with to be taken as a command. */
const RUN_START = new Set(['word', 'concatenation', 'string', 'raw_string', '{']);
/** Parts of compound commands that hold statements: loop bodies, `case` arms, `elif`/`else` branches. */
const BODIES = new Set(['do_group', 'case_item', 'elif_clause', 'else_clause']);
/** Compound commands read by `block`: their statements run, their other parts (conditions, lists, patterns) only expand. */
const BLOCKS = new Set(['program', 'compound_statement', 'subshell', 'if_statement', 'while_statement', 'for_statement', 'c_style_for_statement', 'case_statement']);
/** Text tree-sitter leaves out of the tree that is still a plain word bash passes on (`python3 - <<EOF` loses its `-`). */
const PLAIN_WORD = /^[\w\-./=:,+@%~^]+$/;
const SNIPPET = 24;

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
        this.wordsAfterCompound(n, tail);
        substitutionsIn(n, this.src, this.sink(frame));
        return null;
      case 'ERROR':
        return this.recover(n, frame);
      case 'comment':
        return null;
      default:
        if (!BLOCKS.has(n.type)) {
          this.unknown(n);
          substitutionsIn(n, this.src, this.sink(frame));
          return null;
        }
        this.wordsAfterCompound(n, tail);
        // program, { … }, ( … ), if/while/for/case and their parts: redirections apply to everything inside.
        return this.block(n, tail === NO_TAIL ? frame : { ...frame, redirects: [...frame.redirects, ...tail.redirects], stdin: tail.stdin ?? frame.stdin, stdinKind: tail.stdin !== null ? tail.stdinKind : frame.stdinKind });
    }
  }

  /** The words and redirections of a tree that is one simple command (a here-doc's first line, read again), or null. */
  commandLine(root: SyntaxNode, frame: Frame): { argv: Word[]; redirects: Redirect[] } | null {
    const statements = root.children.filter(isStatement);
    let body: SyntaxNode | undefined = statements[0];
    let outer: SyntaxNode[] = [];
    if (statements.length !== 1 || !body) return null;
    if (body.type === 'redirected_statement') {
      const inner = body.children.find((c) => c.field === 'body');
      outer = this.withGaps(body).filter((c) => c !== inner);
      body = inner;
    }
    if (body?.type !== 'command') return null;
    const words: SyntaxNode[] = [];
    const redirects: SyntaxNode[] = [];
    for (const c of this.withGaps(body)) {
      if (c.field === 'name') words.push(...c.children);
      else if (c.field === 'argument') words.push(c);
      else if (c.type.endsWith('_redirect')) redirects.push(c);
      else return null;
    }
    const own = this.tail(redirects, frame, []);
    const after = this.tail(outer, frame, []);
    return { argv: [...readWords(words, this.src, this.sink(frame)), ...own.args, ...after.args], redirects: [...own.redirects, ...after.redirects] };
  }

  /** Runs only the substitutions in a tree (a word tree-sitter left unparsed inside `${…}`, read again). */
  substitutions(root: SyntaxNode, frame: Frame): void {
    substitutionsIn(root, this.src, this.sink(frame));
  }

  private block(n: SyntaxNode, frame: Frame): Segment | null {
    let last: Segment | null = null;
    for (const c of n.children) {
      if (isStatement(c)) last = this.walk(c, frame);
      else if (BODIES.has(c.type)) last = this.block(c, frame);
      // What tree-sitter could not parse (reported already) may still hold commands: `cat <<EOF; rm -rf ~`.
      else if (c.type === 'ERROR') last = this.recover(c, frame) ?? last;
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
    const children = this.withGaps(n);
    const body = children.find((c) => c.field === 'body');
    const after: After[] = [];
    const own = this.tail(children.filter((c) => c !== body), frame, after);
    const tail: Tail = { redirects: [...own.redirects, ...outer.redirects], stdin: own.stdin ?? outer.stdin, stdinKind: own.stdin !== null ? own.stdinKind : outer.stdinKind, args: [...own.args, ...outer.args] };
    const before = this.reader.emitted();
    // In `a && b > f` the redirection is b's; around `{ …; }` it is every command's (see walk()).
    let out = body ? this.walk(body, frame, tail) : this.run([], [], NO_TAIL, tail, textOf(this.src, n), frame);
    // `[[ -f x ]] > f`, `((i++)) > f`, `{ x=1; } > f` run no command, yet the shell still opens (and truncates) f.
    const first = own.redirects[0];
    if (first && !this.reader.emittedSince(before).some((s) => s.redirects.includes(first))) {
      this.run([], [], NO_TAIL, { ...tail, args: [] }, textOf(this.src, n), frame);
    }
    for (const a of after) {
      if (a.piped) out = this.pipeline(a.node.children.filter(isStatement), frame, NO_TAIL, out);
      else out = this.walk(a.node, frame);
    }
    return out;
  }

  /** Reads redirection nodes (and the words among them); here-docs may also carry statements that follow the command (`after`). */
  private tail(nodes: SyntaxNode[], frame: Frame, after: After[]): Tail {
    const t: Tail = { redirects: [], stdin: null, stdinKind: null, args: [] };
    const sink = this.sink(frame);
    // The command's words among the redirections, in the order written.
    const args: SyntaxNode[] = [];
    // Words read from text again (a here-doc line tree-sitter could not parse).
    const extra: Word[] = [];
    // tree-sitter reads the `0` of `>& /dev/tcp/h/p 0>&1` as a word of the redirection before: it is the next one's descriptor.
    let nextFd: number | null = null;
    const read = (r: SyntaxNode): void => {
      const fd = r.children.find((c) => c.field === 'descriptor');
      const given = nextFd;
      nextFd = null;
      if (r.type === 'file_redirect') {
        const op = r.children.find((c) => !c.named);
        const children = this.withGaps(r);
        // `2>/dev/null / x`: the target is the first word; tree-sitter files the rest under the redirection too.
        const [target, rest] = firstWord(children.filter((c) => c.field === 'destination'), this.src);
        const last = rest[rest.length - 1];
        if (last && /^\d+$/.test(textOf(this.src, last)) && /[<>]/.test(this.src[last.end] ?? '')) {
          nextFd = Number(textOf(this.src, last));
          rest.pop();
        }
        args.push(...rest, ...children.filter((c) => c.field === 'argument'));
        const readWrite = r.children.some((c) => readWriteMark(this.src, r, c));
        if (op && target.length) t.redirects.push({ op: readWrite ? '<>' : op.type, fd: fd ? Number(textOf(this.src, fd)) : given, target: readWord(target, this.src, sink) });
        else this.unknown(r);
      } else if (r.type === 'herestring_redirect') {
        const [text, rest] = firstWord(r.children.filter((c) => c.named && c !== fd), this.src);
        t.stdin = readWords(text, this.src, sink).map((w) => w.text).join(' ');
        t.stdinKind = '<<<';
        args.push(...rest);
      } else if (r.type === 'heredoc_redirect') {
        this.heredoc(r, t, args, extra, read, after, frame);
      } else if (r.field === 'argument') {
        args.push(r);
      } else if (r.type !== 'comment') {
        this.unknown(r);
      }
    };
    for (let i = 0; i < nodes.length; i++) {
      const r = nodes[i] as SyntaxNode;
      const next = nodes[i + 1];
      if (next && hereStringMark(this.src, r, next)) {
        // `2>/dev/null <<< 'cmd'`: tree-sitter's ERROR `<<` and a `<` redirection are one here-string.
        const [text, rest] = firstWord(next.children.filter((c) => c.field === 'destination'), this.src);
        t.stdin = readWords(text, this.src, sink).map((w) => w.text).join(' ');
        t.stdinKind = '<<<';
        args.push(...rest);
        i += 1;
        continue;
      }
      read(r);
    }
    if (args.length || extra.length) t.args = [...readWords(args, this.src, sink), ...extra];
    return t;
  }

  private heredoc(r: SyntaxNode, t: Tail, args: SyntaxNode[], extra: Word[], read: (r: SyntaxNode) => void, after: After[], frame: Frame): void {
    const sink = this.sink(frame);
    const bodyNode = r.children.find((c) => c.type === 'heredoc_body');
    const strip = r.children.some((c) => c.type === '<<-');
    const text = bodyNode ? textOf(this.src, bodyNode) : '';
    t.stdin = strip ? text.replace(/^\t+/gm, '') : text;
    t.stdinKind = '<<EOF';
    const start = r.children.find((c) => c.type === 'heredoc_start');
    // `<<'EOF'`, `<<"EOF"`, `<<\EOF`: the body is plain text. Otherwise it expands like a double-quoted string.
    const quoted = start !== undefined && /['"\\]/.test(textOf(this.src, start));
    if (bodyNode && !quoted) {
      // tree-sitter parses `$(…)` in the body; the backticks it leaves as text (`git commit -F - <<EOF` …
      // `` `cmd` ``), bash runs: those are read from the body's text, once (not again inside `${…}`).
      substitutionsIn(bodyNode, this.src, { run: sink.run, reread: (body, mode) => (mode === 'commands' ? sink.reread(body, mode) : undefined) });
      for (const b of backticksIn(text)) {
        if (!b.closed) this.reader.problem('a backtick in a here-document that is never closed');
        sink.reread(b.body, 'commands');
      }
    }
    const firstLine = heredocLine(r, bodyNode);
    // tree-sitter cannot read words and redirections mixed after the marker (`cat <<EOF -n >x y`,
    // `cmd <<EOF a 2>&1 b`): that stretch is read again as the rest of a simple command.
    const broken = start !== undefined && r.children.some((c) => c.start < firstLine && hasErrorNode(c));
    if (broken) {
      const line = this.reader.readCommandLine(`: ${this.src.slice(start.end, firstLine)}`, frame);
      if (line) {
        extra.push(...line.argv.slice(1));
        t.redirects.push(...line.redirects);
      } else this.reader.problem(`words after a here-document's marker Gatehouse could not read (\`${snippet(this.src.slice(start.end, firstLine))}\`)`);
    }
    for (const c of this.withGaps(r, bodyNode?.start)) {
      if (c.type === 'pipeline' && c.field === null) after.push({ node: c, piped: true });
      else if (c.field === 'right') after.push({ node: c, piped: false });
      else if (broken) continue;
      else if (c.field === 'argument') args.push(c);
      else if (c.field === 'redirect') read(c);
    }
  }

  private command(n: SyntaxNode, frame: Frame, tail: Tail): Segment | null {
    const cut = this.newlineCut(n);
    if (cut >= 0) return this.splitLines(n, cut, frame, tail);
    const sink = this.sink(frame);
    const assignments: string[] = [];
    const words: SyntaxNode[] = [];
    const redirects: SyntaxNode[] = [];
    let named = false;
    for (const c of this.withGaps(n)) {
      if (c.type === 'variable_assignment' && !named) {
        readWord(c, this.src, sink);
        assignments.push(textOf(this.src, c));
      } else if (c.field === 'name') {
        named = true;
        words.push(...c.children);
      } else if (c.field === 'argument') words.push(c);
      else if (c.type.endsWith('_redirect')) redirects.push(c);
      else if (isStatement(c)) this.walk(c, frame);
      else if (c.type !== 'comment' && c.type !== 'ERROR') {
        this.unknown(c);
        words.push(c);
      }
    }
    const argv = readWords(words, this.src, sink);
    return this.run(argv, assignments, this.tail(redirects, frame, []), tail, textOf(this.src, n), frame);
  }

  /** `export A=$(x) B`, `local x`, `unset y`: the keyword and its words. */
  private declaration(n: SyntaxNode, frame: Frame, tail: Tail): Segment | null {
    const cut = this.newlineCut(n);
    if (cut >= 0) return this.splitLines(n, cut, frame, tail);
    const children = this.withGaps(n);
    const keyword = children.find((c) => !c.named);
    const words = readWords(children.filter((c) => c.named && c.type !== 'comment' && !c.type.endsWith('_redirect')), this.src, this.sink(frame));
    const argv = keyword ? [{ text: textOf(this.src, keyword), known: true }, ...words] : words;
    return this.run(argv, [], this.tail(children.filter((c) => c.type.endsWith('_redirect')), frame, []), tail, textOf(this.src, n), frame);
  }

  private run(argv: Word[], assignments: string[], own: Tail, tail: Tail, text: string, frame: Frame): Segment | null {
    const cmd: CommandInput = {
      argv: own.args.length || tail.args.length ? [...argv, ...own.args, ...tail.args] : argv,
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
    const assignments = n.type === 'variable_assignments' ? n.children.filter((c) => c.type === 'variable_assignment').map((c) => textOf(this.src, c)) : [textOf(this.src, n)];
    // `A=1 B=2 2>>log cmd x`: tree-sitter files the command under the redirection; it runs with the assignments.
    if (tail.args.length) return this.run(tail.args, assignments, NO_TAIL, { ...tail, args: [] }, `${textOf(this.src, n)} ${tail.args.map((w) => w.text).join(' ')}`, frame);
    if (tail.redirects.length === 0) return null;
    return this.run([], assignments, NO_TAIL, tail, textOf(this.src, n), frame);
  }

  private functionDefinition(n: SyntaxNode, frame: Frame, tail: Tail): Segment | null {
    const name = n.children.find((c) => c.field === 'name');
    const body = n.children.find((c) => c.field === 'body');
    const own = this.tail(n.children.filter((c) => c.field === 'redirect'), frame, []);
    this.wordsAfterCompound(n, own);
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
      // A run starting with `{` glued to a word is a brace expansion as the program (`{rm,-rf,~}`).
      if (first && RUN_START.has(first.type)) {
        const text = this.src.slice(first.start, (run[run.length - 1] as SyntaxNode).end);
        last = this.run(readWords(run, this.src, this.sink(frame)), [], NO_TAIL, NO_TAIL, text, frame);
      }
      run = [];
    };
    n.children.forEach((c, i) => {
      if (WORDISH.has(c.type) || (c.type === '{' && n.children[i + 1]?.start === c.end)) {
        run.push(c);
        return;
      }
      if (c.type === 'command_name' || (c.field === 'argument' && c.type !== 'ERROR')) {
        run.push(...(c.type === 'command_name' ? c.children : [c]));
        return;
      }
      flush();
      if (isStatement(c)) last = this.walk(c, frame);
      else if (c.type === 'ERROR') last = this.recover(c, frame) ?? last;
    });
    flush();
    return last;
  }

  /**
   * Where tree-sitter ran two lines into one command: it joins a line that starts with a backslash to
   * the line before (`ls\n\rm -rf x` reads as `ls` with arguments), where bash ends the command at the
   * newline. The offset of the first newline that is not escaped, or -1.
   */
  private newlineCut(n: SyntaxNode): number {
    let at = n.start;
    for (const c of n.children) {
      const inGap = rawNewline(this.src, at, c.start);
      if (inGap >= 0) return inGap;
      const inWord = this.newlineInWord(c);
      if (inWord >= 0) return inWord;
      at = c.end;
    }
    return -1;
  }

  private newlineInWord(n: SyntaxNode): number {
    if (n.type === 'word') return rawNewline(this.src, n.start, n.end);
    if (n.type !== 'concatenation' && n.type !== 'command_name') return -1;
    for (const c of n.children) {
      const at = this.newlineInWord(c);
      if (at >= 0) return at;
    }
    return -1;
  }

  /** Reads the command up to the newline, then the lines after it as commands of their own (which get the redirections written after them). */
  private splitLines(n: SyntaxNode, cut: number, frame: Frame, tail: Tail): Segment | null {
    const first = truncated(n, cut);
    if (first.children.some((c) => c.field === 'name' || !c.named)) this.walk(first, frame);
    else for (const c of first.children) substitutionsIn(c, this.src, this.sink(frame));
    if (tail.args.length) this.reader.problem(`words after a redirection Gatehouse could not place (\`${snippet(textOf(this.src, n))}\`)`);
    const piped = frame.stdinKind === '|';
    const rest: Frame = {
      ...frame,
      pipeFrom: null,
      redirects: [...frame.redirects, ...tail.redirects],
      stdin: tail.stdin ?? (piped ? null : frame.stdin),
      stdinKind: tail.stdin !== null ? tail.stdinKind : piped ? null : frame.stdinKind,
    };
    return this.reader.parseNested(this.src.slice(cut + 1, n.end), rest);
  }

  /** `{ a; } > f x` and `[[ … ]] > f x` are refused by bash; the words are reported rather than dropped. */
  private wordsAfterCompound(n: SyntaxNode, tail: Tail): void {
    if (tail.args.length) this.reader.problem(`words after the redirection of \`${snippet(textOf(this.src, n))}\`, which bash refuses`);
  }

  /** A part of the command the walker has no reading for: the command is not fully read, and says where. */
  private unknown(n: SyntaxNode): void {
    this.reader.problem(`a part Gatehouse does not know how to read (\`${snippet(textOf(this.src, n))}\`)`);
  }

  /**
   * A node's children, plus the words tree-sitter left out of the tree between them (it drops the `-`
   * of `python3 - <<'EOF'`), as word nodes of their own so they are read like any other argument.
   * Only children before `end` are looked at (a here-doc's body is text, not words).
   */
  private withGaps(n: SyntaxNode, end = n.end): SyntaxNode[] {
    let out: SyntaxNode[] | null = null;
    let at = n.start;
    for (let i = 0; i < n.children.length; i++) {
      const c = n.children[i] as SyntaxNode;
      if (c.start >= end) {
        out?.push(...n.children.slice(i));
        break;
      }
      if (c.start > at && !blank(this.src, at, c.start)) {
        out ??= n.children.slice(0, i);
        out.push(...this.gapWords(at, c.start));
      }
      out?.push(c);
      at = Math.max(at, c.end);
    }
    if (end === n.end && n.end > at && n.children.length > 0 && !blank(this.src, at, n.end)) {
      out ??= [...n.children];
      out.push(...this.gapWords(at, n.end));
    }
    return out ?? n.children;
  }

  private gapWords(start: number, end: number): SyntaxNode[] {
    const words: SyntaxNode[] = [];
    const re = /\S+/g;
    const text = this.src.slice(start, end);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (!PLAIN_WORD.test(m[0])) this.reader.problem(`text Gatehouse could not place in the command (\`${snippet(m[0])}\`)`);
      const s = start + m.index;
      words.push({ type: 'word', named: true, field: 'argument', start: s, end: s + m[0].length, missing: false, children: [] });
    }
    return words;
  }

  /** Commands inside `$(…)`, backticks and `<(…)`: they run first, in a subshell of their own. */
  private sink(frame: Frame): SubstitutionSink {
    return {
      run: (node, label) => {
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
      },
      reread: (text, mode) => {
        if (frame.depth >= MAX_NESTING) {
          this.reader.problem(`substitutions nested more than ${MAX_NESTING} deep; Gatehouse stopped reading them`);
          return;
        }
        if (mode === 'word') {
          this.reader.readSubstitutions(text, { ...frame, depth: frame.depth + 1 });
          return;
        }
        const inner: Frame = { ...frame, via: [...frame.via, '$(…)'], redirects: [], stdin: null, stdinKind: null, pipeFrom: null, depth: frame.depth + 1 };
        this.reader.parseNested(text, inner);
      },
    };
  }
}

function isStatement(n: SyntaxNode): boolean {
  return STATEMENTS.has(n.type);
}

/** Whether src[start, end) is only blanks and line continuations. */
function blank(src: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const ch = src.charCodeAt(i);
    // space, tab, newline, carriage return
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13) continue;
    if (ch === 92 && src.charCodeAt(i + 1) === 10) {
      i += 1;
      continue;
    }
    return false;
  }
  return true;
}

function hasErrorNode(n: SyntaxNode): boolean {
  return n.type === 'ERROR' || n.missing || n.children.some(hasErrorNode);
}

/** The first newline in src[start, end) that ends a line (not escaped by an odd run of backslashes), or -1. */
function rawNewline(src: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    if (src.charCodeAt(i) !== 10) continue;
    let k = i - 1;
    while (k >= 0 && src.charCodeAt(k) === 92) k -= 1;
    if ((i - 1 - k) % 2 === 0) return i;
  }
  return -1;
}

/** A copy of a node that ends at `end`: the children after it dropped, the one across it cut. */
function truncated(n: SyntaxNode, end: number): SyntaxNode {
  return { ...n, end: Math.min(n.end, end), children: n.children.filter((c) => c.start < end).map((c) => (c.end > end ? truncated(c, end) : c)) };
}

function snippet(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > SNIPPET ? `${line.slice(0, SNIPPET)}…` : line;
}
