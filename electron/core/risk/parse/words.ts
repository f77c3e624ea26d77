// Words as the shell would pass them: quote removal and escapes as bash does them, expansions kept as
// written, and `known: false` whenever the value depends on something only known at run time. The
// rules bash applies to plain text (braces, escapes, backtick bodies) are in `shell-text.ts`.
import type { Word } from '../model.ts';
import { backticksIn, decodeAnsiC, expandBraces, unescapeBackticks, unescapeDoubleQuoted } from './shell-text.ts';
import type { SyntaxNode } from './syntax.ts';

/** Told of each `$(…)`, backtick or `<(…)`/`>(…)` met inside a word: their commands run too. */
export interface SubstitutionSink {
  /** A substitution tree-sitter parsed: its statements run (label: `$(…)`, `<(…)`, `>(…)`). */
  run(node: SyntaxNode, label: string): void;
  /**
   * Shell text tree-sitter left unparsed that bash will still read: the body of backticks once their
   * escapes are removed (`commands`), or a word inside `${x:-…}` whose substitutions run (`word`).
   */
  reread(text: string, mode: 'commands' | 'word'): void;
}

/** A sink for words whose substitutions are not run (the string env splits). */
export const IGNORE_SUBSTITUTIONS: SubstitutionSink = { run: () => undefined, reread: () => undefined };

/** Node types whose value is only known at run time. */
const EXPANSIONS = new Set([
  'simple_expansion',
  'expansion',
  'command_substitution',
  'process_substitution',
  'arithmetic_expansion',
]);
/** Leaves that never hold a substitution of their own, or are read for them elsewhere. */
const PLAIN_TEXT = new Set(['heredoc_body', 'heredoc_content', 'raw_string', 'comment', 'ansi_c_string']);
/** `[ab]`, `[!.]`, `[0-9]`, unquoted: a glob that matches one character. */
const BRACKET_GLOB = /\[[^\]]+\]/;
const LINE_CONTINUATIONS = /^(\\\n)+$/;
/** `$IFS`, `${IFS}`, and the parts of it that are still blanks: `${IFS%?}`, `${IFS::1}`, `${IFS#?}`. */
const IFS_EXPANSION = /^\$(IFS|\{IFS(%%?[^}]*|##?[^}]*|:\d*(:\d+)?)?\})$/;
/** What follows a lone `$` when tree-sitter cut `$IFS` in two (`rm$IFS-rf$IFS~` ends in `$`, `IFS~`). */
const IFS_NAME = /^IFS(?!\w)/;

class WordBuilder {
  text = '';
  known = true;
  /** The word with quoted and escaped characters masked, to find unquoted globs and braces. */
  unquoted = '';
  /** One flag per character of `text`: `u` unquoted, `q` quoted or escaped, `$` part of an expansion. */
  private flags = '';
  /** Words already ended by an unquoted $IFS. */
  private readonly fields: Word[] = [];
  private inDoubleQuotes = false;
  private readonly src: string;
  private readonly sink: SubstitutionSink;

  constructor(src: string, sink: SubstitutionSink) {
    this.src = src;
    this.sink = sink;
  }

  add(n: SyntaxNode): void {
    switch (n.type) {
      case 'raw_string':
        this.quoted(this.src.slice(n.start + 1, closes(this.src, n, "'") ? n.end - 1 : n.end));
        return;
      case 'ansi_c_string':
        this.quoted(decodeAnsiC(this.src.slice(n.start + 2, closes(this.src, n, "'") ? n.end - 1 : n.end)));
        return;
      case 'string':
        this.doubleQuoted(n);
        return;
      case 'translated_string':
        // `$"…"`: the `$` only asks for a translation; the value is the string.
        for (const c of n.children) if (c.type !== '$') this.add(c);
        return;
      case 'concatenation':
        for (const c of n.children) this.add(c);
        return;
      case 'command_substitution':
        this.expansion(n);
        runSubstitution(n, this.src, this.sink, this.inDoubleQuotes);
        return;
      case 'process_substitution':
        this.expansion(n);
        runSubstitution(n, this.src, this.sink, false);
        return;
      case 'simple_expansion':
      case 'expansion':
        // `rm${IFS}-rf${IFS}/`: unquoted, $IFS splits the word where it stands (IFS is rarely changed).
        if (!this.inDoubleQuotes && IFS_EXPANSION.test(this.src.slice(n.start, n.end))) {
          this.split();
          return;
        }
        this.expansion(n);
        substitutionsIn(n, this.src, this.sink);
        return;
      case 'arithmetic_expansion':
      case 'brace_expression':
        this.expansion(n);
        substitutionsIn(n, this.src, this.sink);
        return;
      default:
        if (n.children.length > 0 && n.named) {
          // A node with parts (`number` holding an expansion, an assignment in `export A=…`): read each part.
          let at = n.start;
          for (const c of n.children) {
            if (c.start > at) this.unquotedText(this.src.slice(at, c.start));
            this.add(c);
            at = c.end;
          }
          if (n.end > at) this.unquotedText(this.src.slice(at, n.end));
        } else {
          this.unquotedText(this.src.slice(n.start, n.end));
        }
    }
  }

  /** The words read so far: one, unless an unquoted $IFS split it. */
  words(): Word[] {
    this.split();
    return this.fields.length ? this.fields : [{ text: '', known: true }];
  }

  /** Unquoted source text between nodes (the rest of a word tree-sitter cut in two). */
  addSource(start: number, end: number): void {
    this.unquotedText(this.src.slice(start, end));
  }

  /** Ends the current field; like bash, an empty unquoted one is dropped. */
  split(): void {
    if (this.text !== '' || this.unquoted !== '') {
      // `{rm,-rf,~}`, `~/{.ssh,.aws}`: bash expands braces first, into words of their own.
      const braces = this.known && this.unquoted.includes('{') ? expandBraces(this.text, this.flags) : [this.text];
      if (braces === null) this.known = false;
      // Checked on the whole word: tree-sitter splits `[ab]c` into `[`, `ab`, `]`, `c`.
      if (this.known && this.unquoted.includes('[') && BRACKET_GLOB.test(this.unquoted)) this.known = false;
      if (braces && braces.length > 1) for (const text of braces) this.fields.push({ text, known: this.known });
      else this.fields.push({ text: this.text, known: this.known });
    }
    this.text = '';
    this.known = true;
    this.unquoted = '';
    this.flags = '';
  }

  private quoted(value: string): void {
    this.text += value;
    this.flags += 'q'.repeat(value.length);
    // Even an empty `''` marks the word as written: a quoted empty word is still a word.
    this.unquoted += 'Q';
  }

  private expansion(n: SyntaxNode): void {
    this.text += this.src.slice(n.start, n.end);
    this.flags += '$'.repeat(n.end - n.start);
    this.unquoted += '$';
    this.known = false;
  }

  /** `"…"`: `\` escapes only `$`, `` ` ``, `"`, `\` and newline; expansions inside stay as written. */
  private doubleQuoted(n: SyntaxNode): void {
    const open = this.src.startsWith('$"', n.start) ? 2 : 1;
    const end = closes(this.src, n, '"') ? n.end - 1 : n.end;
    let at = n.start + open;
    const outer = this.inDoubleQuotes;
    this.inDoubleQuotes = true;
    for (const c of n.children) {
      if (!EXPANSIONS.has(c.type)) continue;
      if (c.start > at) this.quoted(unescapeDoubleQuoted(this.src.slice(at, c.start)));
      this.add(c);
      at = c.end;
    }
    this.inDoubleQuotes = outer;
    if (end > at) this.quoted(unescapeDoubleQuoted(this.src.slice(at, end)));
    else if (at === n.start + open) this.unquoted += 'Q';
  }

  /** Unquoted text: `\x` is `x`, `\<newline>` disappears, and an unescaped glob makes the value unknown. */
  private unquotedText(raw: string): void {
    for (let i = 0; i < raw.length; i++) {
      const ch = raw[i] as string;
      if (ch === '\\' && i + 1 < raw.length) {
        i += 1;
        if (raw[i] === '\n') continue;
        this.text += raw[i];
        this.flags += 'q';
        this.unquoted += 'E';
        continue;
      }
      if (ch === '*' || ch === '?') this.known = false;
      this.text += ch;
      this.flags += 'u';
      this.unquoted += ch;
    }
  }
}

/** Whether a quoted node really ends with its closing quote (an unterminated one runs to the end). */
function closes(src: string, n: SyntaxNode, quote: string): boolean {
  const last = n.children[n.children.length - 1];
  if (last?.missing) return false;
  return n.end - n.start >= 2 && src[n.end - 1] === quote;
}

/** Reads a word made of one node or of several adjacent ones (no space between them is one word). */
export function readWord(nodes: SyntaxNode | readonly SyntaxNode[], src: string, sink: SubstitutionSink): Word {
  const words = fieldsOf(Array.isArray(nodes) ? nodes : [nodes], src, sink);
  return words.length === 1
    ? (words[0] as Word)
    : { text: words.map((w) => w.text).join(' '), known: words.every((w) => w.known) };
}

/** The words adjacent nodes make: one, or several where an unquoted $IFS splits them. */
function fieldsOf(nodes: readonly SyntaxNode[], src: string, sink: SubstitutionSink): Word[] {
  const b = new WordBuilder(src, sink);
  // A concatenation is only its parts side by side: flat, a `$` that ends one node and the `IFS` that
  // starts the next are seen together (`timeout${IFS}30${IFS}rm$IFS-rf` is cut between name and argument).
  const list = nodes.some((n) => n.type === 'concatenation')
    ? nodes.flatMap((n) => (n.type === 'concatenation' ? n.children : [n]))
    : nodes;
  for (let i = 0; i < list.length; i++) {
    const n = list[i] as SyntaxNode;
    const next = list[i + 1];
    const touching = next !== undefined && next.start === n.end;
    // tree-sitter reads `$"…"` (a translated string) as a lone `$` then a string: the `$` is not text.
    if (n.type === '$' && !n.named && touching && next.type === 'string') continue;
    const head =
      touching && next.type === 'word' && IFS_NAME.test(src.slice(next.start, next.end))
        ? withoutTrailingDollar(n)
        : null;
    // `head` is only set when `next` is the touching `IFS` word; checking `next` again tells the type checker so.
    if (head && next) {
      for (const c of head) b.add(c);
      b.split();
      b.addSource(next.start + 'IFS'.length, next.end);
      i += 1;
      continue;
    }
    b.add(n);
  }
  return b.words();
}

/** A node that ends with an unquoted lone `$`, without it; null when it does not end so. */
function withoutTrailingDollar(n: SyntaxNode): SyntaxNode[] | null {
  const isDollar = (c: SyntaxNode | undefined) => c?.type === '$' && !c.named;
  if (isDollar(n)) return [];
  if (n.type === 'concatenation' && isDollar(n.children[n.children.length - 1])) return n.children.slice(0, -1);
  return null;
}

/** Whether two neighbouring nodes are parts of one shell word. */
function sameWord(prev: SyntaxNode, n: SyntaxNode, src: string): boolean {
  // `a\<newline>b` is one word: bash removes line continuations before it splits words.
  return prev.end === n.start || LINE_CONTINUATIONS.test(src.slice(prev.end, n.start));
}

/** The nodes of the first word, and the rest: a redirection's target and the arguments written after it. */
export function firstWord(nodes: readonly SyntaxNode[], src: string): [SyntaxNode[], SyntaxNode[]] {
  let k = 1;
  while (k < nodes.length && sameWord(nodes[k - 1] as SyntaxNode, nodes[k] as SyntaxNode, src)) k += 1;
  return [nodes.slice(0, Math.min(k, nodes.length)), nodes.slice(k)];
}

/**
 * Reads argument nodes into words. tree-sitter sometimes splits one shell word into neighbours
 * (`$"…"`, `a$`), so nodes that touch are joined, as the shell would.
 */
export function readWords(nodes: readonly SyntaxNode[], src: string, sink: SubstitutionSink): Word[] {
  const words: Word[] = [];
  let group: SyntaxNode[] = [];
  for (const n of nodes) {
    const prev = group[group.length - 1];
    if (prev && !sameWord(prev, n, src)) {
      words.push(...fieldsOf(group, src, sink));
      group = [];
    }
    group.push(n);
  }
  if (group.length) words.push(...fieldsOf(group, src, sink));
  return words;
}

/**
 * Runs every substitution inside a node whose value is not itself read here: the parts of `${x:-…}`
 * and `$((…))`, a `[[ … ]]` test, an arithmetic for, a case pattern, a here-document's body.
 */
export function substitutionsIn(n: SyntaxNode, src: string, sink: SubstitutionSink): void {
  if (n.type === 'command_substitution' || n.type === 'process_substitution') {
    runSubstitution(n, src, sink, false);
    return;
  }
  if (n.children.length === 0) {
    // tree-sitter leaves some text inside `${…}` as a plain word (`${x:-`rm -rf ~`}`, `${x/`cmd`/y}`),
    // which bash still expands: read it again as a word, for the substitutions it holds.
    // A here-document's text is read for backticks by the walker (it expands like a double-quoted string, not a word).
    if (n.named && !PLAIN_TEXT.has(n.type) && mayHideSubstitution(src, n.start, n.end))
      sink.reread(src.slice(n.start, n.end), 'word');
    return;
  }
  for (const c of n.children) substitutionsIn(c, src, sink);
}

/** Whether text may hold a command or process substitution (cheap test before reading it again). */
function mayHideSubstitution(src: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const ch = src.charCodeAt(i);
    // '`', or '$(' / '<(' / '>('
    if (ch === 96) return true;
    if ((ch === 36 || ch === 60 || ch === 62) && src.charCodeAt(i + 1) === 40 && i + 1 < end) return true;
  }
  return false;
}

/**
 * Hands a substitution to the sink. Inside backticks bash removes the backslash of `\$`, `` \` `` and
 * `\\` (and of `\"` within double quotes) before it reads the commands, so `` `echo \`rm -rf ~\`` ``
 * runs `rm -rf ~`: such a body is read again as text rather than as tree-sitter parsed it.
 */
function runSubstitution(n: SyntaxNode, src: string, sink: SubstitutionSink, inDoubleQuotes: boolean): void {
  if (n.type === 'command_substitution' && src.charCodeAt(n.start) === 96) {
    const closed =
      n.end - n.start >= 2 && src.charCodeAt(n.end - 1) === 96 && !n.children[n.children.length - 1]?.missing;
    const body = src.slice(n.start + 1, closed ? n.end - 1 : n.end);
    // tree-sitter reads `` `a` `b` `` as one substitution whose body is "a` `b": a backtick inside that is not escaped ends it.
    if (closed && backticksIn(body).length > 0) {
      for (const b of backticksIn(src.slice(n.start, n.end))) sink.reread(b.body, 'commands');
      return;
    }
    if (body.includes('\\')) {
      sink.reread(unescapeBackticks(body, inDoubleQuotes), 'commands');
      return;
    }
  }
  sink.run(n, n.type === 'command_substitution' ? '$(…)' : src.startsWith('>(', n.start) ? '>(…)' : '<(…)');
}
