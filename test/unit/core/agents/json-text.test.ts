// Editing a person's JSON settings as text: comments and strings are read past, members are found at their own
// depth, and what is added goes first without touching a byte of the rest.
import { describe, expect, it } from 'vitest';
import {
  addFirstElements,
  addFirstMember,
  jsonTokens,
  memberValue,
  tokenText,
} from '../../../../electron/core/agents/json-text.ts';

describe('JSON settings as text', () => {
  it('skips comments and reads strings with escapes and brackets as one token', () => {
    const text = '{ // a "comment" with { braces\n "k": "v\\"[}", /* b */ "n": 1 }';
    expect(jsonTokens(text).map((t) => tokenText(text, t))).toEqual([
      '{',
      '"k"',
      ':',
      '"v\\"[}"',
      ',',
      '"n"',
      ':',
      '1',
      '}',
    ]);
  });

  it('finds a member of this object, not of a nested one', () => {
    const text = '{"a": {"k": 1}, "k": [2]}';
    const toks = jsonTokens(text);
    expect(tokenText(text, toks[memberValue(text, toks, 0, 'k')])).toBe('[');
    expect(memberValue(text, toks, 0, 'missing')).toBe(-1);
    expect(tokenText(text, toks[memberValue(text, toks, memberValue(text, toks, 0, 'a'), 'k')])).toBe('1');
  });

  it('adds a member first, into an empty object or before the others', () => {
    const empty = '{}';
    expect(addFirstMember(empty, jsonTokens(empty), 0, '"x": 1')).toBe('{\n  "x": 1\n}');
    const full = '{\n  // keep\n  "y": 2\n}';
    expect(addFirstMember(full, jsonTokens(full), 0, '"x": 1')).toBe('{\n  "x": 1,\n  // keep\n  "y": 2\n}');
  });

  it('adds elements first in an array, empty or not', () => {
    const text = '{"l": [], "m": [3]}';
    let toks = jsonTokens(text);
    const once = addFirstElements(text, toks, memberValue(text, toks, 0, 'l'), ['1', '2']);
    expect(JSON.parse(once)).toEqual({ l: [1, 2], m: [3] });
    toks = jsonTokens(once);
    expect(JSON.parse(addFirstElements(once, toks, memberValue(once, toks, 0, 'm'), ['0']))).toEqual({
      l: [1, 2],
      m: [0, 3],
    });
  });
});
