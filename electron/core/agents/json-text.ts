// Editing a person's JSON settings file as text, so an install changes only what it adds: every other byte (key
// order, comments, spacing) stays. A tokenizer that skips blanks and comments (JSON with comments, as editors write
// agents' settings), and the few edits the installers need: find a member of an object, add a member first in an
// object, add elements first in an array. Pure.

export interface JsonToken {
  kind: 'string' | 'punct' | 'value';
  start: number;
  end: number;
}

/** Tokens: strings, `{}[]:,`, other values; blanks and comments skipped. */
export function jsonTokens(text: string): JsonToken[] {
  const out: JsonToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) i++;
    else if (text.startsWith('//', i)) i = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
    else if (text.startsWith('/*', i)) i = text.indexOf('*/', i) === -1 ? text.length : text.indexOf('*/', i) + 2;
    else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out.push({ kind: 'string', start: i, end: j + 1 });
      i = j + 1;
    } else if ('{}[]:,'.includes(c)) {
      out.push({ kind: 'punct', start: i, end: i + 1 });
      i++;
    } else {
      let j = i;
      while (j < text.length && !/[\s{}[\]:,"/]/.test(text[j] as string)) j++;
      out.push({ kind: 'value', start: i, end: Math.max(j, i + 1) });
      i = Math.max(j, i + 1);
    }
  }
  return out;
}

export const tokenText = (text: string, t: JsonToken | undefined): string => (t ? text.slice(t.start, t.end) : '');

/** The index of the value token of `key` in the object opened at `toks[open]`, or -1. */
export function memberValue(text: string, toks: readonly JsonToken[], open: number, key: string): number {
  let depth = 0;
  for (let k = open; k < toks.length; k++) {
    const t = toks[k] as JsonToken;
    const s = tokenText(text, t);
    if (s === '{' || s === '[') depth++;
    else if (s === '}' || s === ']') {
      depth--;
      if (depth === 0) return -1;
    } else if (depth === 1 && t.kind === 'string' && tokenText(text, toks[k + 1]) === ':') {
      try {
        if (JSON.parse(s) === key) return k + 2;
      } catch {
        // A key that does not parse is not ours.
      }
    }
  }
  return -1;
}

/** The indentation of the line `index` is on. */
export function indentAt(text: string, index: number): string {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/** `member` (`"key": value`, one line) added first in the object opened at `toks[open]`. */
export function addFirstMember(text: string, toks: readonly JsonToken[], open: number, member: string): string {
  const brace = toks[open] as JsonToken;
  const empty = tokenText(text, toks[open + 1]) === '}';
  const indent = `${indentAt(text, brace.start)}  `;
  return `${text.slice(0, brace.end)}\n${indent}${member}${empty ? `\n${indent.slice(2)}` : ','}${text.slice(brace.end)}`;
}

/** `items` (each one line of JSON) added first in the array opened at `toks[open]`. */
export function addFirstElements(text: string, toks: readonly JsonToken[], open: number, items: string[]): string {
  const bracket = toks[open] as JsonToken;
  const empty = tokenText(text, toks[open + 1]) === ']';
  const indent = `${indentAt(text, bracket.start)}  `;
  const lines = items.map((i) => `${indent}${i}`).join(',\n');
  return `${text.slice(0, bracket.end)}\n${lines}${empty ? `\n${indent.slice(2)}` : ','}${text.slice(bracket.end)}`;
}
