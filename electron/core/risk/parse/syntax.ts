// The tree-sitter side of the shell parser: loads the bash grammar (WASM) once, parses, and copies each
// tree into plain objects in one cursor walk, so the rest of the parser never crosses into WASM again.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Language, Parser, type Tree } from 'web-tree-sitter';

/** One node of a bash syntax tree, as plain data. Offsets index the parsed string (UTF-16 units). */
export interface SyntaxNode {
  /** The grammar's type: `command`, `word`, `&&`, `ERROR`. */
  type: string;
  named: boolean;
  /** The field this node fills in its parent (`name`, `argument`, `redirect`, `body`), if any. */
  field: string | null;
  start: number;
  end: number;
  /** Inserted by the parser to recover from an error (a missing `"`, `)` or `fi`). */
  missing: boolean;
  children: SyntaxNode[];
}

export interface SyntaxTree {
  root: SyntaxNode;
  /** Some of the tree was left out because it was too large or too deeply nested. */
  cut: boolean;
  /** The tree holds ERROR or missing nodes somewhere. */
  hasError: boolean;
}

/**
 * A command this size is already an odd thing for an agent to run; beyond it we stop copying the tree
 * (and say so) rather than let one request hold the engine. Large here-docs are single nodes and fit.
 */
export const MAX_NODES = 20_000;
/** Deeper than any command a person writes; deep enough that adversarial nesting cannot overflow the walk. */
export const MAX_DEPTH = 200;

/** tree-sitter's id for ERROR nodes (`(TSSymbol)-1`), which `Language.types` does not list. */
const ERROR_TYPE = 'ERROR';

export interface Grammar {
  parser: Parser;
  types: string[];
  named: boolean[];
  fields: (string | null)[];
}

let loading: Promise<Grammar> | null = null;

/** Loads web-tree-sitter and the bash grammar once per process; later calls share the same parser. */
export function loadGrammar(): Promise<Grammar> {
  loading ??= (async () => {
    // Resolved from this file, so it works from source (vitest) and from the bundle in dist/core/
    // where node_modules stays external.
    const resolve = createRequire(import.meta.url).resolve;
    const runtimeWasm = resolve('web-tree-sitter/web-tree-sitter.wasm');
    await Parser.init({ locateFile: () => runtimeWasm });
    const lang = await Language.load(
      new Uint8Array(fs.readFileSync(resolve('tree-sitter-bash/tree-sitter-bash.wasm'))),
    );
    const parser = new Parser();
    parser.setLanguage(lang);
    const named: boolean[] = [];
    for (let id = 0; id < lang.types.length; id++) named.push(lang.nodeTypeIsNamed(id));
    return { parser, types: lang.types, named, fields: lang.fields };
  })();
  return loading;
}

/** Parses `source` and copies the tree. The WASM tree is freed before this returns. */
export function parseSyntax(grammar: Grammar, source: string): SyntaxTree {
  const tree = grammar.parser.parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    return copyTree(grammar, tree);
  } finally {
    tree.delete();
  }
}

function copyTree(g: Grammar, tree: Tree): SyntaxTree {
  const cursor = tree.walk();
  try {
    // Seen while copying, rather than asked of the root (one fewer round of WASM calls per command).
    let hasError = false;
    const node = (): SyntaxNode => {
      const id = cursor.nodeTypeId;
      const start = cursor.startIndex;
      const end = cursor.endIndex;
      const name = g.types[id] ?? ERROR_TYPE;
      const type = name === '' ? ERROR_TYPE : name;
      // Only zero-width nodes can be missing ones: ask WASM only then.
      const missing = start === end && cursor.nodeIsMissing;
      if (missing || type === ERROR_TYPE) hasError = true;
      return {
        type,
        named: g.named[id] ?? true,
        field: g.fields[cursor.currentFieldId] ?? null,
        start,
        end,
        missing,
        children: [],
      };
    };
    const root = node();
    let cut = false;
    let count = 1;
    // Ancestors of the cursor's node; the last one is its parent.
    const stack: SyntaxNode[] = [root];
    let more = cursor.gotoFirstChild();
    while (more) {
      const current = node();
      (stack[stack.length - 1] as SyntaxNode).children.push(current);
      count += 1;
      if (count >= MAX_NODES) {
        cut = true;
        break;
      }
      if (cursor.gotoFirstChild()) {
        if (stack.length < MAX_DEPTH) {
          stack.push(current);
          continue;
        }
        cut = true;
        cursor.gotoParent();
      }
      while (!cursor.gotoNextSibling()) {
        stack.pop();
        if (stack.length === 0 || !cursor.gotoParent()) {
          more = false;
          break;
        }
      }
    }
    return { root, cut, hasError };
  } finally {
    cursor.delete();
  }
}

/** The text a node covers. */
export const textOf = (src: string, n: SyntaxNode): string => src.slice(n.start, n.end);

/** Statement types of the bash grammar (its `_statement` supertype). */
export const STATEMENTS = new Set([
  'c_style_for_statement',
  'case_statement',
  'command',
  'compound_statement',
  'declaration_command',
  'for_statement',
  'function_definition',
  'if_statement',
  'list',
  'negated_command',
  'pipeline',
  'redirected_statement',
  'subshell',
  'test_command',
  'unset_command',
  'variable_assignment',
  'variable_assignments',
  'while_statement',
]);

const SNIPPET = 24;
/** The word that ends each compound command, for telling a person which one is left open. */
const CLOSING_KEYWORD: Readonly<Record<string, string>> = {
  if: 'fi',
  while: 'done',
  until: 'done',
  for: 'done',
  select: 'done',
  case: 'esac',
};

/** What a person should be told about the parts tree-sitter could not read. */
export function describeErrors(src: string, root: SyntaxNode): string[] {
  const problems = new Set<string>();
  // The last token before the one being looked at, in reading order.
  let lastToken: SyntaxNode | null = null;
  const visit = (n: SyntaxNode): void => {
    if (n.missing) {
      problems.add(describeMissing(n.type, lastToken, src));
      return;
    }
    if (n.type === ERROR_TYPE) {
      const text = textOf(src, n).trimStart();
      const opener = n.children[0]?.type ?? '';
      if (/^['"`]/.test(text) || n.children.some((c) => c.type === ERROR_TYPE && /^['"`]/.test(textOf(src, c))))
        problems.add('an unterminated quote');
      else if (Object.hasOwn(CLOSING_KEYWORD, opener) && !n.children[0]?.named && n.end >= src.trimEnd().length)
        problems.add(`an \`${opener}\` that never reaches \`${CLOSING_KEYWORD[opener]}\``);
      else problems.add(`syntax Gatehouse could not read near \`${snippet(text)}\``);
    }
    if (n.children.length === 0) lastToken = n;
    // The words after a here-doc's marker are read again as a command line by the walker, which reports what it cannot read.
    const line =
      n.type === 'heredoc_redirect'
        ? heredocLine(
            n,
            n.children.find((c) => c.type === 'heredoc_body'),
          )
        : -1;
    n.children.forEach((c, i) => {
      if (c.start < line && (c.type === ERROR_TYPE || c.field === 'argument' || c.field === 'redirect')) return;
      if (!readWriteMark(src, n, c) && !hereStringMark(src, c, n.children[i + 1])) visit(c);
    });
  };
  visit(root);
  return [...problems];
}

/**
 * tree-sitter-bash does not know `<>` (open read-write): it reads `<` and an ERROR holding `>`.
 * True for that ERROR, so the redirection reads as `<>` and is not reported as broken.
 */
export function readWriteMark(src: string, redirect: SyntaxNode, child: SyntaxNode): boolean {
  if (redirect.type !== 'file_redirect' || child.type !== ERROR_TYPE || textOf(src, child) !== '>') return false;
  return src[child.start - 1] === '<' && redirect.children.some((c) => c.type === '<' && c.end === child.start);
}

/** Where the words of a here-doc's first line end: at a pipe or list that follows it, or at its body. */
export function heredocLine(r: SyntaxNode, body: SyntaxNode | undefined): number {
  let end = body?.start ?? r.end;
  for (const c of r.children)
    if ((c.type === 'pipeline' && c.field === null) || c.field === 'operator' || c.field === 'right')
      end = Math.min(end, c.start);
  return end;
}

/**
 * After another redirection tree-sitter-bash reads `<<<` (a here-string) as an ERROR holding `<<` and
 * then a `<` redirection (`bash 2>/dev/null <<< 'cmd'`). True for that ERROR, given the node after it:
 * the two read as the here-string, and are not reported as broken.
 */
export function hereStringMark(src: string, child: SyntaxNode, next: SyntaxNode | undefined): boolean {
  if (
    child.type !== ERROR_TYPE ||
    textOf(src, child) !== '<<' ||
    next?.type !== 'file_redirect' ||
    next.start !== child.end
  )
    return false;
  return next.children[0]?.type === '<' && next.children[0].start === next.start;
}

function describeMissing(type: string, before: SyntaxNode | null, src: string): string {
  if (type === '"' || type === "'" || type === '`') return 'an unterminated quote';
  if (type === ')' || type === '}' || type === ']]' || type === ']' || type === '))')
    return `a \`${opener(type)}\` that is never closed`;
  if (/^(fi|done|esac|then|do|in)$/.test(type)) return `a compound command that never reaches \`${type}\``;
  if (before && !before.named) return `the command ends right after \`${textOf(src, before)}\``;
  return `the command ends where Gatehouse expected more (\`${type}\`)`;
}

function opener(closer: string): string {
  return ({ ')': '(', '}': '{', ']]': '[[', ']': '[', '))': '((' } as Record<string, string>)[closer] ?? closer;
}

function snippet(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > SNIPPET ? `${line.slice(0, SNIPPET)}…` : line;
}
