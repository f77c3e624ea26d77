// Walks a bash syntax tree the way the shell would run it: lists, pipelines, compound commands,
// functions, redirections and here-docs, substitutions wherever they appear; each simple command is
// handed to the reader, which peels its wrappers. Every word of a simple command is read wherever it
// stands (before, between or after redirections); a part the walker does not know is reported.
// Redirections and here-docs are read by `redirections.ts`; the text between nodes by `tree-text.ts`.
import type { Redirect, Segment, Word } from '../model.ts';
import { MAX_NESTING, type CommandInput, type Frame, type Origin, type Reader } from './frame.ts';
import { pipedText } from './piped.ts';
import { leadingDescriptors, NO_TAIL, readTail, type After, type Tail } from './redirections.ts';
import { textOf, type SyntaxNode } from './syntax.ts';
import { isStatement, snippet, unknownPart, withGaps } from './tree-text.ts';
import { readWord, readWords, substitutionsIn, type SubstitutionSink } from './words.ts';

/** A stretch of the text being read (a node is one). */
type Stretch = Pick<SyntaxNode, 'start' | 'end'>;

/** Parts of a broken command that can still be read as its words. */
const WORDISH = new Set([
  'word',
  'string',
  'raw_string',
  'ansi_c_string',
  'concatenation',
  'simple_expansion',
  'expansion',
  'command_substitution',
  'number',
]);
/** What a run of words read out of broken syntax may start with to be taken as a command. */
const RUN_START = new Set(['word', 'concatenation', 'string', 'raw_string', '{']);
/** Parts of compound commands that hold statements: loop bodies, `case` arms, `elif`/`else` branches. */
const BODIES = new Set(['do_group', 'case_item', 'elif_clause', 'else_clause']);
/** Compound commands read by `block`: their statements run, their other parts (conditions, lists, patterns) only expand. */
const BLOCKS = new Set([
  'program',
  'compound_statement',
  'subshell',
  'if_statement',
  'while_statement',
  'for_statement',
  'c_style_for_statement',
  'case_statement',
]);

export class StatementWalker {
  private readonly src: string;
  private readonly reader: Reader;
  /** Words that turned out to be a redirection's descriptor (`cat 0< f`): not arguments. */
  private readonly descriptorWords = new Set<SyntaxNode>();
  /** Where `src`'s offsets are in the command as written; null for text that is not a stretch of it. */
  private readonly origin: Origin | null;

  constructor(src: string, reader: Reader, origin: Origin | null = null) {
    this.src = src;
    this.reader = reader;
    this.origin = origin;
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
        return this.block(
          n,
          tail === NO_TAIL
            ? frame
            : {
                ...frame,
                redirects: [...frame.redirects, ...tail.redirects],
                stdin: tail.stdin ?? frame.stdin,
                stdinKind: tail.stdin !== null ? tail.stdinKind : frame.stdinKind,
              },
        );
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
    const own = this.tail(redirects, frame, [], leadingDescriptors(this.src, words, redirects));
    const after = this.tail(outer, frame, []);
    return {
      argv: [...readWords(words, this.src, this.sink(frame)), ...own.args, ...after.args],
      redirects: [...own.redirects, ...after.redirects],
    };
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
      const at =
        i === 0 && !before ? frame : { ...frame, pipeFrom: prev?.argv ?? null, stdin: pipedText(prev), stdinKind: '|' };
      prev = this.walk(stage, at, i === stages.length - 1 ? tail : NO_TAIL);
    });
    return prev;
  }

  private redirected(n: SyntaxNode, frame: Frame, outer: Tail): Segment | null {
    const children = this.withGaps(n);
    const body = children.find((c) => c.field === 'body');
    const after: After[] = [];
    const redirects = children.filter((c) => c !== body);
    // `cat 0< f`: tree-sitter ends the command at `0` and hangs `< f` on the statement; `0` is the descriptor.
    const lastWord = body?.type === 'command' ? body.children.filter((c) => c.field === 'argument').pop() : undefined;
    const descriptors = lastWord ? leadingDescriptors(this.src, [lastWord], redirects) : undefined;
    if (lastWord && descriptors?.size) this.descriptorWords.add(lastWord);
    const own = this.tail(redirects, frame, after, descriptors);
    const tail: Tail = {
      redirects: [...own.redirects, ...outer.redirects],
      stdin: own.stdin ?? outer.stdin,
      stdinKind: own.stdin !== null ? own.stdinKind : outer.stdinKind,
      args: [...own.args, ...outer.args],
    };
    const before = this.reader.emitted();
    // In `a && b > f` the redirection is b's; around `{ …; }` it is every command's (see walk()).
    let out = body ? this.walk(body, frame, tail) : this.run([], [], NO_TAIL, tail, n, frame);
    // `[[ -f x ]] > f`, `((i++)) > f`, `{ x=1; } > f` run no command, yet the shell still opens (and truncates) f.
    const first = own.redirects[0];
    if (first && !this.reader.emittedSince(before).some((s) => s.redirects.includes(first))) {
      this.run([], [], NO_TAIL, { ...tail, args: [] }, n, frame);
    }
    for (const a of after) {
      if (a.piped) out = this.pipeline(a.node.children.filter(isStatement), frame, NO_TAIL, out);
      else out = this.walk(a.node, frame);
    }
    return out;
  }

  /** Reads redirection nodes (and the words among them); here-docs may also carry statements that follow the command (`after`). */
  private tail(nodes: SyntaxNode[], frame: Frame, after: After[], descriptors?: ReadonlyMap<SyntaxNode, number>): Tail {
    return readTail({ src: this.src, reader: this.reader, frame, sink: this.sink(frame), descriptors }, nodes, after);
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
      if (this.descriptorWords.has(c)) continue;
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
    const descriptors = leadingDescriptors(this.src, words, redirects);
    const argv = readWords(words, this.src, sink);
    return this.run(argv, assignments, this.tail(redirects, frame, [], descriptors), tail, n, frame);
  }

  /** `export A=$(x) B`, `local x`, `unset y`: the keyword and its words. */
  private declaration(n: SyntaxNode, frame: Frame, tail: Tail): Segment | null {
    const cut = this.newlineCut(n);
    if (cut >= 0) return this.splitLines(n, cut, frame, tail);
    const children = this.withGaps(n);
    const keyword = children.find((c) => !c.named);
    const words = readWords(
      children.filter((c) => c.named && c.type !== 'comment' && !c.type.endsWith('_redirect')),
      this.src,
      this.sink(frame),
    );
    const argv = keyword ? [{ text: textOf(this.src, keyword), known: true }, ...words] : words;
    return this.run(
      argv,
      [],
      this.tail(
        children.filter((c) => c.type.endsWith('_redirect')),
        frame,
        [],
      ),
      tail,
      n,
      frame,
    );
  }

  /**
   * Hands one simple command to the reader. `at` is where it stands in `src` (null when its words are not one
   * stretch of it); `text` is what it shows as, by default that stretch.
   */
  private run(
    argv: Word[],
    assignments: string[],
    own: Tail,
    tail: Tail,
    at: Stretch | null,
    frame: Frame,
    text = at ? this.src.slice(at.start, at.end) : '',
  ): Segment | null {
    const cmd: CommandInput = {
      argv: own.args.length || tail.args.length ? [...argv, ...own.args, ...tail.args] : argv,
      assignments,
      redirects: [...own.redirects, ...tail.redirects],
      stdin: own.stdin ?? tail.stdin,
      stdinKind: own.stdin !== null ? own.stdinKind : tail.stdinKind,
      text,
    };
    // Read from the command as written: this command's own place. Otherwise it keeps the place of what runs it.
    const span = at && this.origin ? { start: this.origin(at.start), end: this.origin(at.end) } : frame.span;
    return this.reader.runCommand(cmd, span === frame.span ? frame : { ...frame, span });
  }

  /** `X=$(rm -rf ~)` runs what its value substitutes; `X=1 > f` still truncates f. */
  private assignment(n: SyntaxNode, frame: Frame, tail: Tail): Segment | null {
    readWord(n, this.src, this.sink(frame));
    const assignments =
      n.type === 'variable_assignments'
        ? n.children.filter((c) => c.type === 'variable_assignment').map((c) => textOf(this.src, c))
        : [textOf(this.src, n)];
    // `A=1 B=2 2>>log cmd x`: tree-sitter files the command under the redirection; it runs with the assignments.
    if (tail.args.length)
      return this.run(
        tail.args,
        assignments,
        NO_TAIL,
        { ...tail, args: [] },
        // Its words stand after the redirection, apart from the assignments: no one stretch of the text.
        null,
        frame,
        `${textOf(this.src, n)} ${tail.args.map((w) => w.text).join(' ')}`,
      );
    if (tail.redirects.length === 0) return null;
    return this.run([], assignments, NO_TAIL, tail, n, frame);
  }

  private functionDefinition(n: SyntaxNode, frame: Frame, tail: Tail): Segment | null {
    const name = n.children.find((c) => c.field === 'name');
    const body = n.children.find((c) => c.field === 'body');
    const own = this.tail(
      n.children.filter((c) => c.field === 'redirect'),
      frame,
      [],
    );
    this.wordsAfterCompound(n, own);
    if (!body) return null;
    const inner: Frame = {
      ...frame,
      via: [...frame.via, `function ${name ? textOf(this.src, name) : ''}`.trim()],
      redirects: [...frame.redirects, ...own.redirects, ...tail.redirects],
    };
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
        const at = { start: first.start, end: (run[run.length - 1] as SyntaxNode).end };
        last = this.run(readWords(run, this.src, this.sink(frame)), [], NO_TAIL, NO_TAIL, at, frame);
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
    if (tail.args.length)
      this.reader.problem(`words after a redirection Gatehouse could not place (\`${snippet(textOf(this.src, n))}\`)`);
    const piped = frame.stdinKind === '|';
    const rest: Frame = {
      ...frame,
      pipeFrom: null,
      redirects: [...frame.redirects, ...tail.redirects],
      stdin: tail.stdin ?? (piped ? null : frame.stdin),
      stdinKind: tail.stdin !== null ? tail.stdinKind : piped ? null : frame.stdinKind,
    };
    // The lines after it are a stretch of this text, so they keep their places.
    const origin = this.origin;
    return this.reader.parseNested(
      this.src.slice(cut + 1, n.end),
      rest,
      origin ? (offset) => origin(cut + 1 + offset) : undefined,
    );
  }

  /** `{ a; } > f x` and `[[ … ]] > f x` are refused by bash; the words are reported rather than dropped. */
  private wordsAfterCompound(n: SyntaxNode, tail: Tail): void {
    if (tail.args.length)
      this.reader.problem(`words after the redirection of \`${snippet(textOf(this.src, n))}\`, which bash refuses`);
  }

  /** A part of the command the walker has no reading for: the command is not fully read, and says where. */
  private unknown(n: SyntaxNode): void {
    unknownPart(this.src, this.reader, n);
  }

  /** A node's children, plus the words tree-sitter left out of the tree between them (see `tree-text.ts`). */
  private withGaps(n: SyntaxNode): SyntaxNode[] {
    return withGaps(this.src, this.reader, n);
  }

  /** Commands inside `$(…)`, backticks and `<(…)`: they run first, in a subshell of their own. */
  private sink(frame: Frame): SubstitutionSink {
    return {
      run: (node, label) => {
        const inner: Frame = {
          ...frame,
          via: [...frame.via, label],
          redirects: [],
          stdin: null,
          stdinKind: null,
          pipeFrom: null,
        };
        const statements = node.children.filter(isStatement);
        const reads = node.children.filter((c) => c.type === 'file_redirect');
        // `$(< file)` is `$(cat file)`.
        if (statements.length === 0 && reads.length > 0)
          this.run([], [], this.tail(reads, inner, []), NO_TAIL, node, inner);
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
        const inner: Frame = {
          ...frame,
          via: [...frame.via, '$(…)'],
          redirects: [],
          stdin: null,
          stdinKind: null,
          pipeFrom: null,
          depth: frame.depth + 1,
        };
        this.reader.parseNested(text, inner);
      },
    };
  }
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
  return {
    ...n,
    end: Math.min(n.end, end),
    children: n.children.filter((c) => c.start < end).map((c) => (c.end > end ? truncated(c, end) : c)),
  };
}
