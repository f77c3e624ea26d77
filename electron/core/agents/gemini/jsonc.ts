// Gemini CLI's settings files are JSON with comments (it strips `//` and `/* */` before parsing). Reading them, and
// finding where a value sits in the text so an edit can insert beside it and keep every other byte. Pure.

/** The text with every comment outside a string replaced by blanks: same length, same offsets, plain JSON. */
export function blankComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (c === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i);
      const end = nl < 0 ? text.length : nl;
      out += ' '.repeat(end - i);
      i = end;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? text.length : close + 2;
      out += text.slice(i, end).replace(/[^\n]/g, ' ');
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The offset just past the string that opens at `start` (a `"`). */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

/** Parsed as Gemini CLI parses it; throws for a file that is not JSON once its comments are gone. */
export function parseJsonc(text: string): unknown {
  return JSON.parse(blankComments(text)) as unknown;
}

function skipBlank(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i] as string)) i++;
  return i;
}

/** The offset just past the value that starts at `i` (blanks before it skipped), in comment-free text. */
function valueEnd(text: string, i: number): number {
  i = skipBlank(text, i);
  const c = text[i];
  if (c === '"') return stringEnd(text, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text[j];
      if (d === '"') j = stringEnd(text, j) - 1;
      else if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return text.length;
  }
  let j = i;
  while (j < text.length && !/[\s,}\]]/.test(text[j] as string)) j++;
  return j;
}

/** A container in the text: where it opens (`{` or `[`), where it closes, and whether it holds anything. */
export interface Span {
  open: number;
  close: number;
  empty: boolean;
}

function span(text: string, open: number): Span {
  const close = valueEnd(text, open) - 1;
  return { open, close, empty: skipBlank(text, open + 1) === close };
}

/** The whole document's top-level object, in comment-free text; null when it is not an object. */
export function rootObject(clean: string): Span | null {
  const open = skipBlank(clean, 0);
  return clean[open] === '{' ? span(clean, open) : null;
}

/** The value of `key` in the object `obj` (comment-free text), as a span when it is an object or array. */
export function memberSpan(clean: string, obj: Span, key: string): Span | null {
  let i = skipBlank(clean, obj.open + 1);
  while (i < obj.close) {
    const keyEnd = stringEnd(clean, i);
    const name = JSON.parse(clean.slice(i, keyEnd)) as string;
    const valueStart = skipBlank(clean, skipBlank(clean, keyEnd) + 1);
    const end = valueEnd(clean, valueStart);
    if (name === key) return clean[valueStart] === '{' || clean[valueStart] === '[' ? span(clean, valueStart) : null;
    i = skipBlank(clean, end);
    if (clean[i] === ',') i = skipBlank(clean, i + 1);
  }
  return null;
}

/** One entry of a container, in comment-free text: where it starts (a member's key, an element's value) and ends. */
export interface Entry {
  start: number;
  end: number;
  /** The member's name; undefined for an array's element. */
  key?: string;
  /** Where the member's value (or the element) starts. */
  value: number;
}

/** The entries of the object or array `c`, in comment-free text, in order. */
export function containerEntries(clean: string, c: Span): Entry[] {
  const out: Entry[] = [];
  const isObject = clean[c.open] === '{';
  let i = skipBlank(clean, c.open + 1);
  while (i < c.close) {
    let key: string | undefined;
    let value = i;
    if (isObject) {
      const keyEnd = stringEnd(clean, i);
      key = JSON.parse(clean.slice(i, keyEnd)) as string;
      value = skipBlank(clean, skipBlank(clean, keyEnd) + 1);
    }
    const end = valueEnd(clean, value);
    out.push({ start: i, end, key, value });
    i = skipBlank(clean, end);
    if (clean[i] === ',') i = skipBlank(clean, i + 1);
  }
  return out;
}

/** The span of a container value that starts at `value` (its `{` or `[`). */
export function spanAt(clean: string, value: number): Span {
  return span(clean, value);
}

/**
 * `text` without entry `i` of the container `c` (whose entries are `entries`): from the end of the entry before it
 * (its comma and the line break go too), or up to the next one for the first; the only entry leaves `{}` or `[]`.
 */
export function removeEntry(text: string, c: Span, entries: readonly Entry[], i: number): string {
  const e = entries[i] as Entry;
  if (entries.length === 1) return `${text.slice(0, c.open + 1)}${text.slice(c.close)}`;
  if (i > 0) return `${text.slice(0, (entries[i - 1] as Entry).end)}${text.slice(e.end)}`;
  return `${text.slice(0, e.start)}${text.slice((entries[1] as Entry).start)}`;
}

/** The indentation of the line `offset` is on. */
export function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
}

/**
 * `text` with `items` (already formatted JSON, one per entry) added at the end of the container `c`: after its last
 * entry with a comma, or as its only entries. `indent` is one level of the file's indentation.
 */
export function appendToContainer(text: string, c: Span, items: readonly string[], indent: string): string {
  const outer = lineIndent(text, c.close);
  const inner = c.empty ? `${lineIndent(text, c.open)}${indent}` : null;
  if (c.empty) {
    const body = items.map((it) => `${inner}${reindent(it, inner as string)}`).join(',\n');
    return `${text.slice(0, c.open + 1)}\n${body}\n${lineIndent(text, c.open)}${text.slice(c.close)}`;
  }
  // After the last entry's end (comments after it stay where they are, before the closing bracket).
  const clean = blankComments(text);
  let last = c.close - 1;
  while (last > c.open && /\s/.test(clean[last] as string)) last--;
  const entryIndent = lineIndent(text, last) || `${outer}${indent}`;
  const body = items.map((it) => `,\n${entryIndent}${reindent(it, entryIndent)}`).join('');
  return `${text.slice(0, last + 1)}${body}${text.slice(last + 1)}`;
}

/** A multi-line JSON value's later lines, moved right by `by`. */
function reindent(json: string, by: string): string {
  return json.replace(/\n/g, `\n${by}`);
}

/** The file's unit of indentation (its first indented line's), two blanks when it has none. */
export function indentUnit(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}
