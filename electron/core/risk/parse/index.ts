// The shell parser of the risk engine: reads a command with tree-sitter-bash into the segments the
// rules judge (model.ts). Loading is async (WASM); parsing is synchronous and never throws.
import type { ParsedCommand, Redirect, Segment, Word } from '../model.ts';
import { rootFrame, type CommandInput, type Frame, type Origin, type Reader } from './frame.ts';
import {
  describeErrors,
  loadGrammar,
  parseSyntax,
  STATEMENTS,
  type Grammar,
  type SyntaxNode,
  type SyntaxTree,
} from './syntax.ts';
import { runCommand } from './unwrap.ts';
import { StatementWalker } from './walk.ts';
import { IGNORE_SUBSTITUTIONS, readWords } from './words.ts';

/**
 * Longer than any command a person would review; here-docs that write whole files fit. Past it the
 * rest is not read and the command says so (at least `medium`), rather than let one request stall scoring.
 */
export const MAX_COMMAND_CHARS = 256 * 1024;
/** Segments kept per command: far above any real one; a flood of commands is cut and reported. */
const MAX_SEGMENTS = 2000;
/** Strings read again as commands (`bash -c`, `eval`, `ssh`), per command: bounded so repetition cannot multiply work. */
const MAX_NESTED_PARSES = 256;

export type ShellParse = (command: string) => ParsedCommand;

/** Loads tree-sitter-bash once; the function it returns reads commands synchronously. */
export async function loadShellParser(): Promise<ShellParse> {
  const grammar = await loadGrammar();
  return (command: string) => new CommandReading(grammar).read(command);
}

/** One command being read: collects segments and problems, and parses nested shell text. */
class CommandReading implements Reader {
  private readonly segments: Segment[] = [];
  private readonly problems = new Set<string>();
  /** Part of the command was never read (a cap or a failure), as opposed to read with syntax Gatehouse could not follow. */
  private truncated = false;
  private nestedParses = 0;
  /** Process substitutions met so far (as written), with the command whose output each gives. */
  private readonly outputs = new Map<string, Segment>();
  private readonly grammar: Grammar;

  constructor(grammar: Grammar) {
    this.grammar = grammar;
  }

  read(command: string): ParsedCommand {
    try {
      let text = command;
      if (text.length > MAX_COMMAND_CHARS) {
        this.problem(`the command is longer than ${MAX_COMMAND_CHARS / 1024} KB; Gatehouse read only the start of it`);
        this.truncated = true;
        text = text.slice(0, MAX_COMMAND_CHARS);
      }
      // The text as written: every command read straight from it knows where it stands (`Segment.span`).
      this.parseInto(text, rootFrame(), (offset) => offset);
    } catch (err) {
      this.grammar.parser.reset();
      this.problem(`Gatehouse failed while reading it (${err instanceof Error ? err.message : String(err)})`);
      this.truncated = true;
    }
    return {
      segments: this.segments,
      complete: this.problems.size === 0,
      problems: [...this.problems],
      ...(this.truncated ? { truncated: true } : {}),
    };
  }

  parseNested(text: string, frame: Frame, origin?: Origin): Segment | null {
    if (!this.mayParseAgain()) return null;
    return this.parseInto(text, frame, origin);
  }

  readSubstitutions(text: string, frame: Frame): void {
    if (!this.mayParseAgain()) return;
    const { tree, src } = this.parseChecked(text);
    new StatementWalker(src, this).substitutions(tree.root, frame);
  }

  splitWords(raw: string): Word[] | null {
    const text = lineStartBackslashes(raw);
    const tree = parseSyntax(this.grammar, text);
    const statements = tree.root.children.filter((c) => STATEMENTS.has(c.type));
    const only = statements[0];
    if (tree.hasError || tree.cut || statements.length !== 1 || only?.type !== 'command') return null;
    // Only the words: substitutions in a string that env splits are not run by env.
    const words = only.children.flatMap((c): SyntaxNode[] =>
      c.field === 'name' ? c.children : c.field === 'argument' ? [c] : [],
    );
    if (only.children.some((c) => c.type.endsWith('_redirect') || c.type === 'variable_assignment')) return null;
    return readWords(words, text, IGNORE_SUBSTITUTIONS);
  }

  runCommand(cmd: CommandInput, frame: Frame): Segment | null {
    return runCommand(cmd, frame, this);
  }

  emit(seg: Segment): void {
    if (this.segments.length >= MAX_SEGMENTS) {
      this.problem(`more than ${MAX_SEGMENTS} commands; Gatehouse stopped reading there`);
      this.truncated = true;
      return;
    }
    this.segments.push(seg);
  }

  emitted(): number {
    return this.segments.length;
  }

  emittedSince(mark: number): readonly Segment[] {
    return this.segments.slice(mark);
  }

  problem(message: string): void {
    this.problems.add(message);
  }

  remember(substitution: string, output: Segment): void {
    this.outputs.set(substitution, output);
  }

  outputOf(word: Word): Segment | null {
    return word.text.startsWith('<(') ? (this.outputs.get(word.text) ?? null) : null;
  }

  readCommandLine(text: string, frame: Frame): { argv: Word[]; redirects: Redirect[] } | null {
    if (!this.mayParseAgain()) return null;
    const { tree, src } = this.parseChecked(text);
    return new StatementWalker(src, this).commandLine(tree.root, frame);
  }

  private mayParseAgain(): boolean {
    this.nestedParses += 1;
    if (this.nestedParses <= MAX_NESTED_PARSES) return true;
    this.problem(`more than ${MAX_NESTED_PARSES} nested commands; Gatehouse stopped reading them`);
    this.truncated = true;
    return false;
  }

  /** Parses shell text (as fixed for tree-sitter, `src`) and reports what it could not read. */
  private parseChecked(text: string): { tree: SyntaxTree; src: string } {
    const src = lineStartBackslashes(text);
    const tree = parseSyntax(this.grammar, src);
    if (tree.cut) {
      this.problem('the command is too large or too deeply nested to read fully');
      this.truncated = true;
    }
    if (tree.hasError) for (const p of describeErrors(src, tree.root)) this.problem(p);
    return { tree, src };
  }

  private parseInto(text: string, frame: Frame, origin?: Origin): Segment | null {
    const { tree, src } = this.parseChecked(text);
    const toOrigin = origin ? throughBlanks(text, src, origin) : null;
    return new StatementWalker(src, this, toOrigin).walk(tree.root, frame);
  }
}

/**
 * `origin` for the text as given, made to take offsets in `src` (the text with `lineStartBackslashes`' blanks):
 * an offset past an added blank is one further in `src` than in the text.
 */
function throughBlanks(text: string, src: string, origin: Origin): Origin {
  if (src === text) return origin;
  const added: number[] = [];
  for (let at = text.indexOf('\n\\'); at !== -1; at = text.indexOf('\n\\', at + 2)) added.push(at + 1 + added.length);
  return (offset) => origin(offset - added.filter((b) => b < offset).length);
}

/**
 * tree-sitter-bash reads a line that starts with `\` as part of the last word before the newline:
 * `ls\n\rm -rf x` comes out as `ls` with arguments, `echo a > f\n\rm -rf ~` hides the rm among the
 * redirection's words, and the first line of a here-doc's body becomes arguments. bash ends the
 * command at the newline. A blank before the backslash makes tree-sitter read it as bash does, and
 * changes nothing bash runs (only a here-doc's text, by one space).
 */
export function lineStartBackslashes(text: string): string {
  return text.includes('\n\\') ? text.replace(/\n\\/g, '\n \\') : text;
}
