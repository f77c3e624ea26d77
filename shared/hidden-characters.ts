// The tables behind shared/visible-text.ts: characters that do not show as what they are, and letters that look like
// Latin ones, each with a name a person knows. A new class is one row.

/** What kind of thing is hidden; the risk engine rates any of them high. */
export type HiddenKind =
  | 'carriage-return'
  | 'terminal-escape'
  | 'control'
  | 'line-break'
  | 'bidi'
  | 'zero-width'
  | 'invisible'
  | 'space'
  | 'invalid'
  | 'look-alike'
  | 'blank-run';

export interface HiddenClass {
  from: number;
  to: number;
  kind: HiddenKind;
  name: string;
  /** Ends the flag: "<name> (<escape>) <why>". */
  why: string;
  /** Ordinary text uses it between other characters (emoji sequences, Indic and Persian words, CJK variants). */
  joins?: 'between' | 'after';
}

const range = (
  from: number,
  to: number,
  kind: HiddenKind,
  name: string,
  why: string,
  joins?: HiddenClass['joins'],
): HiddenClass => ({ from, to, kind, name, why, joins });
const one = (cp: number, kind: HiddenKind, name: string, why: string, joins?: HiddenClass['joins']): HiddenClass =>
  range(cp, cp, kind, name, why, joins);

const INVISIBLE = 'is invisible';
const REORDERS = 'reorders how the text around it is drawn';
const NOT_A_SPACE = 'looks like a space, but the shell does not split words at it';
const BREAKS = 'breaks the line in some views and not in others';

/**
 * Characters that do not show as what they are, most specific first (the first class that holds a code point
 * names it). Tab and line feed are not here: multi-line commands show as they are.
 */
export const HIDDEN_CHARACTERS: readonly HiddenClass[] = [
  one(
    0x0d,
    'carriage-return',
    'carriage return',
    'hides what comes before it: the terminal draws what follows over it',
  ),
  one(
    0x1b,
    'terminal-escape',
    'escape character',
    'starts a terminal control sequence, which can erase, move or recolour text',
  ),
  one(0x9b, 'terminal-escape', 'control sequence introducer', 'starts a terminal control sequence on some terminals'),
  one(0x08, 'control', 'backspace', 'moves back over what comes before it'),
  one(0x85, 'line-break', 'next-line character', BREAKS),
  one(0x2028, 'line-break', 'line separator', BREAKS),
  one(0x2029, 'line-break', 'paragraph separator', BREAKS),
  range(0x00, 0x1f, 'control', 'control character', 'is not drawn, or moves the cursor'),
  one(0x7f, 'control', 'delete character', 'is not drawn'),
  range(0x80, 0x9f, 'control', 'control character', 'is not drawn, or moves the cursor'),
  one(0x202e, 'bidi', 'right-to-left override', 'reverses the text after it'),
  one(0x202d, 'bidi', 'left-to-right override', 'reverses right-to-left text after it'),
  range(0x202a, 0x202c, 'bidi', 'bidirectional embedding', REORDERS),
  range(0x2066, 0x2069, 'bidi', 'bidirectional isolate', REORDERS),
  range(0x200e, 0x200f, 'bidi', 'direction mark', REORDERS),
  one(0x061c, 'bidi', 'Arabic letter mark', REORDERS),
  one(0x200b, 'zero-width', 'zero-width space', INVISIBLE),
  one(0x200c, 'zero-width', 'zero-width non-joiner', INVISIBLE, 'between'),
  one(0x200d, 'zero-width', 'zero-width joiner', INVISIBLE, 'between'),
  one(0x2060, 'zero-width', 'word joiner', INVISIBLE),
  one(0xfeff, 'zero-width', 'zero-width no-break space', INVISIBLE),
  one(0x180e, 'zero-width', 'Mongolian vowel separator', INVISIBLE),
  one(0x00ad, 'invisible', 'soft hyphen', INVISIBLE),
  one(0x034f, 'invisible', 'combining grapheme joiner', INVISIBLE),
  range(0xfe00, 0xfe0f, 'invisible', 'variation selector', INVISIBLE, 'after'),
  range(0xe0100, 0xe01ef, 'invisible', 'variation selector', INVISIBLE, 'after'),
  range(0xe0000, 0xe0fff, 'invisible', 'tag character', INVISIBLE),
  range(0x2061, 0x206f, 'invisible', 'invisible operator or format character', INVISIBLE),
  range(0x180b, 0x180f, 'invisible', 'Mongolian variation selector', INVISIBLE),
  range(0x17b4, 0x17b5, 'invisible', 'Khmer inherent vowel', INVISIBLE),
  one(0x115f, 'invisible', 'Hangul filler', INVISIBLE),
  one(0x1160, 'invisible', 'Hangul filler', INVISIBLE),
  one(0x3164, 'invisible', 'Hangul filler', INVISIBLE),
  one(0xffa0, 'invisible', 'Hangul filler', INVISIBLE),
  one(0x2800, 'invisible', 'blank Braille pattern', 'draws as a blank'),
  range(0xfff9, 0xfffb, 'invisible', 'interlinear annotation character', INVISIBLE),
  range(0x1d173, 0x1d17a, 'invisible', 'musical format character', INVISIBLE),
  range(0x13430, 0x1343f, 'invisible', 'Egyptian hieroglyph format character', INVISIBLE),
  range(0x1bca0, 0x1bca3, 'invisible', 'shorthand format character', INVISIBLE),
  one(0x00a0, 'space', 'no-break space', NOT_A_SPACE),
  one(0x202f, 'space', 'narrow no-break space', NOT_A_SPACE),
  range(0x2000, 0x200a, 'space', 'typographic space', NOT_A_SPACE),
  one(0x205f, 'space', 'mathematical space', NOT_A_SPACE),
  one(0x1680, 'space', 'Ogham space mark', NOT_A_SPACE),
  one(0x3000, 'space', 'ideographic space', NOT_A_SPACE, 'between'),
  range(0xd800, 0xdfff, 'invalid', 'half of a character', 'is not valid text'),
];

/** Any other format or control character Unicode knows of (new ones included) is invisible too. */
const OTHER_FORMAT = /^[\p{Cf}\p{Cc}]$/u;
const OTHER_FORMAT_CLASS: HiddenClass = {
  from: 0,
  to: 0,
  kind: 'invisible',
  name: 'invisible format character',
  why: INVISIBLE,
};

const CLASSES: readonly HiddenClass[] = [...HIDDEN_CHARACTERS, OTHER_FORMAT_CLASS];
/** The class of each code point of the basic plane once looked up (index into CLASSES; -1 none, -2 not yet). */
const BMP_CLASS = new Int16Array(0x10000).fill(-2);

function lookUp(cp: number, char: string): number {
  const known = HIDDEN_CHARACTERS.findIndex((c) => cp >= c.from && cp <= c.to);
  if (known !== -1) return known;
  return OTHER_FORMAT.test(char) ? CLASSES.length - 1 : -1;
}

/** The class of a code point (`char` is it as a string), or null when it shows as what it is. */
export function classOf(cp: number, char: string): HiddenClass | null {
  if ((cp >= 0x20 && cp < 0x7f) || cp === 0x09 || cp === 0x0a) return null;
  let index: number;
  if (cp < 0x10000) {
    index = BMP_CLASS[cp] as number;
    if (index === -2) index = BMP_CLASS[cp] = lookUp(cp, char);
  } else index = lookUp(cp, char);
  return index === -1 ? null : (CLASSES[index] as HiddenClass);
}

const NAMED_ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x00, '\\0'],
  [0x07, '\\a'],
  [0x08, '\\b'],
  [0x0b, '\\v'],
  [0x0c, '\\f'],
  [0x0d, '\\r'],
  [0x1b, '\\e'],
]);

/** `\r`, `\e`, `\x7f`, `\u{202E}`: how a hidden code point is written (as in bash's `$'…'` and JavaScript). */
export function escapeCodePoint(cp: number): string {
  const named = NAMED_ESCAPES.get(cp);
  if (named) return named;
  const hex = cp.toString(16).toUpperCase();
  return cp < 0x80 ? `\\x${hex.padStart(2, '0').toLowerCase()}` : `\\u{${hex.padStart(4, '0')}}`;
}

/** Letters that look like Latin ones, by script. Inside a word that also has Latin letters, they are a disguise. */
export const LOOK_ALIKE_LETTERS: ReadonlyArray<{ script: string; letters: string }> = [
  { script: 'Cyrillic', letters: 'аеорсухѕіјԁһӏԛԝүѵкьАВЕКМНОРСТХЅІЈԚԜҮУЬ' },
  { script: 'Greek', letters: 'αικνοργυχϲϳΑΒΕΖΗΙΚΜΝΟΡΤΥΧ' },
  { script: 'Armenian', letters: 'հոսօզցՕՍ' },
  { script: 'Latin (phonetic)', letters: 'ɑɡ' },
];
/** Whole blocks of look-alikes: fullwidth and mathematical letters and digits, Roman numerals. */
export const LOOK_ALIKE_RANGES: ReadonlyArray<{ from: number; to: number; script: string }> = [
  { from: 0xff10, to: 0xff19, script: 'fullwidth' },
  { from: 0xff21, to: 0xff3a, script: 'fullwidth' },
  { from: 0xff41, to: 0xff5a, script: 'fullwidth' },
  { from: 0x1d400, to: 0x1d7ff, script: 'mathematical' },
  { from: 0x2160, to: 0x217f, script: 'Roman numeral' },
];

const LOOK_ALIKES = new Map<number, string>(
  LOOK_ALIKE_LETTERS.flatMap(({ script, letters }) =>
    [...letters].map((l) => [l.codePointAt(0) as number, script] as const),
  ),
);

/** The script a look-alike letter comes from, or undefined for any other code point. */
export function lookAlikeScript(cp: number): string | undefined {
  return LOOK_ALIKES.get(cp) ?? LOOK_ALIKE_RANGES.find((r) => cp >= r.from && cp <= r.to)?.script;
}
