// The source text around a bash syntax tree, as the walker (`walk.ts`) and its redirection reader
// (`redirections.ts`) see it: the words tree-sitter left out of the tree, blanks and line continuations
// between nodes, broken parts, and the short snippets problems quote.
import type { Reader } from './frame.ts';
import { STATEMENTS, textOf, type SyntaxNode } from './syntax.ts';

/** Text tree-sitter leaves out of the tree that is still a plain word bash passes on (`python3 - <<EOF` loses its `-`). */
const PLAIN_WORD = /^[\w\-./=:,+@%~^]+$/;
const SNIPPET = 24;

export function isStatement(n: SyntaxNode): boolean {
  return STATEMENTS.has(n.type);
}

/**
 * A node's children, plus the words tree-sitter left out of the tree between them (it drops the `-`
 * of `python3 - <<'EOF'`), as word nodes of their own so they are read like any other argument.
 * Only children before `end` are looked at (a here-doc's body is text, not words).
 */
export function withGaps(src: string, reader: Reader, n: SyntaxNode, end = n.end): SyntaxNode[] {
  let out: SyntaxNode[] | null = null;
  let at = n.start;
  for (let i = 0; i < n.children.length; i++) {
    const c = n.children[i] as SyntaxNode;
    if (c.start >= end) {
      out?.push(...n.children.slice(i));
      break;
    }
    if (c.start > at && !blank(src, at, c.start)) {
      out ??= n.children.slice(0, i);
      out.push(...gapWords(src, reader, at, c.start));
    }
    out?.push(c);
    at = Math.max(at, c.end);
  }
  if (end === n.end && n.end > at && n.children.length > 0 && !blank(src, at, n.end)) {
    out ??= [...n.children];
    out.push(...gapWords(src, reader, at, n.end));
  }
  return out ?? n.children;
}

function gapWords(src: string, reader: Reader, start: number, end: number): SyntaxNode[] {
  const words: SyntaxNode[] = [];
  const re = /\S+/g;
  const text = src.slice(start, end);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!PLAIN_WORD.test(m[0])) reader.problem(`text Gatehouse could not place in the command (\`${snippet(m[0])}\`)`);
    const s = start + m.index;
    words.push({
      type: 'word',
      named: true,
      field: 'argument',
      start: s,
      end: s + m[0].length,
      missing: false,
      children: [],
    });
  }
  return words;
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

export function hasErrorNode(n: SyntaxNode): boolean {
  return n.type === 'ERROR' || n.missing || n.children.some(hasErrorNode);
}

/** A part of the command the walker has no reading for: the command is not fully read, and says where. */
export function unknownPart(src: string, reader: Reader, n: SyntaxNode): void {
  reader.problem(`a part Gatehouse does not know how to read (\`${snippet(textOf(src, n))}\`)`);
}

export function snippet(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > SNIPPET ? `${line.slice(0, SNIPPET)}…` : line;
}
