// Just enough Starlark to read Codex `.rules` files: top-level calls with keyword arguments whose values
// are strings, lists (nested), numbers, True/False/None. Anything else is an error naming its line.

export type StarValue = string | number | boolean | null | StarValue[];

export interface StarCall {
  name: string;
  line: number;
  args: Record<string, StarValue>;
  /** Where each argument's value starts, for errors about it. */
  argLines: Record<string, number>;
}

export class StarlarkError extends Error {
  override readonly name = 'StarlarkError';
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.line = line;
  }
}

type Token = { type: 'name' | 'string' | 'number' | 'punct'; value: string; line: number };

const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '0': '\0',
};

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '\n') {
      line++;
      i++;
    } else if (/\s/.test(c)) i++;
    else if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i)) as RegExpExecArray;
      tokens.push({ type: 'name', value: m[0], line });
      i += m[0].length;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+/.exec(src.slice(i)) as RegExpExecArray;
      tokens.push({ type: 'number', value: m[0], line });
      i += m[0].length;
    } else if (c === '"' || c === "'") {
      const start = line;
      const triple = src.startsWith(c.repeat(3), i);
      const close = triple ? c.repeat(3) : c;
      let j = i + close.length;
      let value = '';
      for (;;) {
        if (j >= src.length) throw new StarlarkError(start, 'an unterminated string');
        if (src.startsWith(close, j)) break;
        const d = src[j] as string;
        if (d === '\n') {
          if (!triple) throw new StarlarkError(start, 'an unterminated string');
          line++;
        }
        if (d === '\\') {
          const e = src[j + 1] ?? '';
          value += ESCAPES[e] ?? `\\${e}`;
          j += 2;
          continue;
        }
        value += d;
        j++;
      }
      tokens.push({ type: 'string', value, line: start });
      i = j + close.length;
    } else if ('()[],='.includes(c)) {
      tokens.push({ type: 'punct', value: c, line });
      i++;
    } else {
      throw new StarlarkError(line, `unexpected character "${c}"`);
    }
  }
  return tokens;
}

/** Parses the top-level calls of a `.rules` file. Throws StarlarkError with the line of the problem. */
export function parseStarlarkCalls(src: string): StarCall[] {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = () => tokens[pos];
  const lastLine = () => tokens.at(-1)?.line ?? 1;
  const expect = (value: string): Token => {
    const t = tokens[pos];
    if (!t || t.value !== value)
      throw new StarlarkError(
        t?.line ?? lastLine(),
        `expected "${value}"${t ? ` but found "${t.value}"` : ' before the end of the file'}`,
      );
    pos++;
    return t;
  };

  const value = (): StarValue => {
    const t = tokens[pos];
    if (!t) throw new StarlarkError(lastLine(), 'a value is missing before the end of the file');
    pos++;
    if (t.type === 'string') {
      let s = t.value;
      // Adjacent string literals concatenate, as in Python.
      while (peek()?.type === 'string') s += (tokens[pos++] as Token).value;
      return s;
    }
    if (t.type === 'number') return Number(t.value);
    if (t.type === 'name' && t.value === 'True') return true;
    if (t.type === 'name' && t.value === 'False') return false;
    if (t.type === 'name' && t.value === 'None') return null;
    if (t.type === 'punct' && t.value === '[') {
      const items: StarValue[] = [];
      while (peek()?.value !== ']') {
        items.push(value());
        if (peek()?.value === ',') pos++;
        else break;
      }
      expect(']');
      return items;
    }
    throw new StarlarkError(
      t.line,
      `Gatehouse reads only strings, lists, numbers and True/False/None here, not "${t.value}"`,
    );
  };

  const calls: StarCall[] = [];
  while (pos < tokens.length) {
    const name = tokens[pos] as Token;
    if (name.type !== 'name')
      throw new StarlarkError(name.line, `expected a call such as prefix_rule(...), found "${name.value}"`);
    pos++;
    expect('(');
    const call: StarCall = { name: name.value, line: name.line, args: {}, argLines: {} };
    while (peek()?.value !== ')') {
      const key = tokens[pos];
      if (!key || key.type !== 'name' || tokens[pos + 1]?.value !== '=')
        throw new StarlarkError(key?.line ?? lastLine(), `${name.value}(...) takes keyword arguments (name = value)`);
      pos += 2;
      call.argLines[key.value] = tokens[pos]?.line ?? key.line;
      call.args[key.value] = value();
      if (peek()?.value === ',') pos++;
      else break;
    }
    expect(')');
    calls.push(call);
  }
  return calls;
}
