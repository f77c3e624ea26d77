// What a reviewer is shown of a command, so that what they read is what runs. Characters that draw as something
// else (control characters and terminal escapes, bidi controls, zero-width and other invisible characters, spaces
// that are not spaces, letters of another script that look like Latin ones inside a Latin word) are shown escaped,
// runs of blanks long enough to push text out of view are shown as a count, and each is flagged in words.
// Ordinary text stays as it is: newlines and tabs, accents, CJK, emoji (with their joiners and selectors).
// Pure: the CLI, the cards, the notifications and the risk engine all read commands through it.

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

/** A stretch of the text as shown: the text itself (`hidden: null`) or what stands for something hidden. */
export interface ShownPart {
  text: string;
  /** Where it stands in the original text (UTF-16 offsets, `to` exclusive). */
  from: number;
  to: number;
  hidden: HiddenKind | null;
  /** What the hidden thing is, for a tooltip ("carriage return"). */
  name: string | null;
}

export interface HiddenFlag {
  kind: HiddenKind;
  /** What is hidden and how, in words: "carriage return (\r) hides what comes before it". */
  message: string;
}

export interface ShownText {
  parts: ShownPart[];
  /** Empty when the text shows as it is. */
  flags: HiddenFlag[];
}

interface HiddenClass {
  from: number;
  to: number;
  kind: HiddenKind;
  name: string;
  /** Ends the flag: "<name> (<escape>) <why>". */
  why: string;
  /** Ordinary text uses it between other characters (emoji sequences, Indic and Persian words, CJK variants). */
  joins?: 'between' | 'after';
}

const range = (from: number, to: number, kind: HiddenKind, name: string, why: string, joins?: HiddenClass['joins']): HiddenClass => ({ from, to, kind, name, why, joins });
const one = (cp: number, kind: HiddenKind, name: string, why: string, joins?: HiddenClass['joins']): HiddenClass => range(cp, cp, kind, name, why, joins);

const INVISIBLE = 'is invisible';
const REORDERS = 'reorders how the text around it is drawn';

/**
 * Characters that do not show as what they are, most specific first (the first class that holds a code point
 * names it). Tab and line feed are not here: multi-line commands show as they are.
 */
export const HIDDEN_CHARACTERS: readonly HiddenClass[] = [
  one(0x0d, 'carriage-return', 'carriage return', 'hides what comes before it: the terminal draws what follows over it'),
  one(0x1b, 'terminal-escape', 'escape character', 'starts a terminal control sequence, which can erase, move or recolour text'),
  one(0x9b, 'terminal-escape', 'control sequence introducer', 'starts a terminal control sequence on some terminals'),
  one(0x08, 'control', 'backspace', 'moves back over what comes before it'),
  one(0x85, 'line-break', 'next-line character', 'breaks the line in some views and not in others'),
  one(0x2028, 'line-break', 'line separator', 'breaks the line in some views and not in others'),
  one(0x2029, 'line-break', 'paragraph separator', 'breaks the line in some views and not in others'),
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
  one(0x00a0, 'space', 'no-break space', 'looks like a space, but the shell does not split words at it'),
  one(0x202f, 'space', 'narrow no-break space', 'looks like a space, but the shell does not split words at it'),
  range(0x2000, 0x200a, 'space', 'typographic space', 'looks like a space, but the shell does not split words at it'),
  one(0x205f, 'space', 'mathematical space', 'looks like a space, but the shell does not split words at it'),
  one(0x1680, 'space', 'Ogham space mark', 'looks like a space, but the shell does not split words at it'),
  one(0x3000, 'space', 'ideographic space', 'looks like a space, but the shell does not split words at it', 'between'),
  range(0xd800, 0xdfff, 'invalid', 'half of a character', 'is not valid text'),
];

/** Any other format or control character Unicode knows of (new ones included) is invisible too. */
const OTHER_FORMAT = /^[\p{Cf}\p{Cc}]$/u;
const OTHER_FORMAT_CLASS: HiddenClass = { from: 0, to: 0, kind: 'invisible', name: 'invisible format character', why: INVISIBLE };

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

const LOOK_ALIKES = new Map<number, string>(LOOK_ALIKE_LETTERS.flatMap(({ script, letters }) => [...letters].map((l) => [l.codePointAt(0) as number, script] as const)));

function lookAlikeScript(cp: number): string | undefined {
  return LOOK_ALIKES.get(cp) ?? LOOK_ALIKE_RANGES.find((r) => cp >= r.from && cp <= r.to)?.script;
}

/** A run of spaces and tabs inside a line this wide (tabs count 8) pushes what follows out of most views. */
export const SPACE_RUN_COLUMNS = 64;
/** Indentation this deep (30 levels of 4) is no code layout; it pushes the line out of view. */
export const INDENT_COLUMNS = 120;
/** This many blank lines (a screen) push what follows out of view. */
export const BLANK_LINES = 24;
/** How much of the text pushed out of view a flag quotes. */
const QUOTED_CHARS = 40;

/** Flags past this many are summed up in one: a card lists what is hidden, not every instance. */
const MAX_FLAGS = 10;

/** Text with none of these shows as it is (printable ASCII, tabs, newlines, no long runs): most commands. */
const NOT_PLAIN = /[^\x20-\x7e\t\n]/;
const MAYBE_LONG_BLANKS = new RegExp(`[ \\t]{${SPACE_RUN_COLUMNS / 8},}`);
const MAYBE_BLANK_LINES = new RegExp(`\\n(?:[ \\t]*\\n){${BLANK_LINES}}`);

const NAMED_ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x00, '\\0'],
  [0x07, '\\a'],
  [0x08, '\\b'],
  [0x0b, '\\v'],
  [0x0c, '\\f'],
  [0x0d, '\\r'],
  [0x1b, '\\e'],
]);

/** `\r`, `\e`, `\x7f`, `\u{202E}`: how a hidden code point is written. */
export function escapeCodePoint(cp: number): string {
  const named = NAMED_ESCAPES.get(cp);
  if (named) return named;
  const hex = cp.toString(16).toUpperCase();
  return cp < 0x80 ? `\\x${hex.padStart(2, '0').toLowerCase()}` : `\\u{${hex.padStart(4, '0')}}`;
}

const CLASSES: readonly HiddenClass[] = [...HIDDEN_CHARACTERS, OTHER_FORMAT_CLASS];
/** The class of each code point of the basic plane once looked up (index into CLASSES; -1 none, -2 not yet). */
const BMP_CLASS = new Int8Array(0x10000).fill(-2);

function lookUp(cp: number, char: string): number {
  const known = HIDDEN_CHARACTERS.findIndex((c) => cp >= c.from && cp <= c.to);
  if (known !== -1) return known;
  return OTHER_FORMAT.test(char) ? CLASSES.length - 1 : -1;
}

function classOf(cp: number, char: string): HiddenClass | null {
  if ((cp >= 0x20 && cp < 0x7f) || cp === 0x09 || cp === 0x0a) return null;
  let index: number;
  if (cp < 0x10000) {
    index = BMP_CLASS[cp] as number;
    if (index === -2) index = BMP_CLASS[cp] = lookUp(cp, char);
  } else index = lookUp(cp, char);
  return index === -1 ? null : (CLASSES[index] as HiddenClass);
}

/** A code point ordinary text puts a joiner or selector next to: a visible non-ASCII character. */
function isVisibleNonAscii(cp: number | undefined, char: string): boolean {
  return cp !== undefined && cp > 0x7f && classOf(cp, char) === null;
}

const at = (text: string, i: number): number | undefined => (i >= 0 && i < text.length ? text.codePointAt(i) : undefined);
const charAt = (text: string, i: number): string => String.fromCodePoint(text.codePointAt(i) ?? 0);
/** The code point that ends just before `i`. */
function before(text: string, i: number): { cp: number; start: number } | undefined {
  if (i <= 0) return undefined;
  const low = text.charCodeAt(i - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && i >= 2 && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff ? i - 2 : i - 1;
  return { cp: text.codePointAt(start) as number, start };
}

/** Whether ordinary text uses this joiner or selector here, so it shows as it is. */
function joinsHere(text: string, i: number, size: number, cls: HiddenClass, allowed: ReadonlySet<number>): boolean {
  const prev = before(text, i);
  const prevShown = prev !== undefined && (isVisibleNonAscii(prev.cp, charAt(text, prev.start)) || allowed.has(prev.start));
  if (cls.joins === 'after') {
    // One selector after an emoji or an ideograph; `1️⃣`: a keycap after a digit, `#` or `*`.
    if (prevShown && !(prev && prev.cp >= cls.from && prev.cp <= cls.to)) return true;
    return prev !== undefined && /^[0-9#*]$/.test(String.fromCodePoint(prev.cp)) && text.codePointAt(i + size) === 0x20e3;
  }
  const next = at(text, i + size);
  return prevShown && isVisibleNonAscii(next, next === undefined ? '' : charAt(text, i + size));
}

/** `🏴` followed by tag letters and a cancel tag is a subdivision flag (England, Scotland, Wales): it shows as a flag. */
function flagTags(text: string, i: number, allowed: Set<number>): void {
  const tags: number[] = [];
  for (let j = i; j < text.length; j += 2) {
    const cp = text.codePointAt(j) as number;
    if (cp < 0xe0020 || cp > 0xe007f) return;
    tags.push(j);
    if (cp === 0xe007f) break;
  }
  if (tags.length >= 2 && text.codePointAt(tags[tags.length - 1] as number) === 0xe007f) for (const t of tags) allowed.add(t);
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const ASCII_LETTER = /[A-Za-z]/;
/** What may stand just before a program name (after blanks): a separator or an opening. */
const BEFORE_COMMAND = new Set(['|', ';', '&', '(', '`', '{', '\n', '!']);

function atCommandStart(text: string, i: number): boolean {
  let j = i;
  while (j > 0 && (text[j - 1] === ' ' || text[j - 1] === '\t')) j -= 1;
  return j === 0 || BEFORE_COMMAND.has(text[j - 1] as string);
}

/** A look-alike letter to escape: its script, and the flag for the word it disguises. */
interface LookAlike {
  script: string;
  flag: string;
}

/** Look-alike letters to escape, by offset. */
function lookAlikesIn(text: string): Map<number, LookAlike> {
  const found = new Map<number, LookAlike>();
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const hits: Array<{ at: number; letter: string; script: string }> = [];
    let other = false;
    let shown = '';
    let at = m.index;
    for (const letter of word) {
      const cp = letter.codePointAt(0) as number;
      const script = lookAlikeScript(cp);
      if (script) hits.push({ at, letter, script });
      else if (cp > 0x7f) other = true;
      shown += script ? escapeCodePoint(cp) : letter;
      at += letter.length;
    }
    if (hits.length === 0) continue;
    // Mixed into a Latin word (`gіthub`), or a whole program name of look-alikes (`сurl` is caught either way; `ѕһ`).
    if (!ASCII_LETTER.test(word) && (other || !atCommandStart(text, m.index))) continue;
    const letters = [...new Set(hits.map((h) => `‘${h.letter}’`))];
    const scripts = [...new Set(hits.map((h) => h.script))].join(', ');
    const flag = `look-alike letter${letters.length > 1 ? 's' : ''} ${letters.join(', ')} (${scripts}) in ${quote(shown)}`;
    for (const h of hits) found.set(h.at, { script: h.script, flag });
  }
  return found;
}

/** A flag's quote of text: cut short, hidden characters escaped, on one line. */
function quote(text: string): string {
  const cut = text.length > QUOTED_CHARS ? `${text.slice(0, QUOTED_CHARS)}…` : text;
  let out = '';
  for (const ch of cut) {
    const cp = ch.codePointAt(0) as number;
    out += cp === 0x0a ? '\\n' : classOf(cp, ch) ? escapeCodePoint(cp) : ch;
  }
  return `“${out}”`;
}

class Shown {
  readonly parts: ShownPart[] = [];
  private readonly flags = new Map<string, { kind: HiddenKind; text: (n: number) => string; count: number }>();

  plain(text: string, from: number, to: number): void {
    const last = this.parts.at(-1);
    if (last && last.hidden === null && last.to === from) {
      last.text += text.slice(from, to);
      last.to = to;
    } else this.parts.push({ text: text.slice(from, to), from, to, hidden: null, name: null });
  }

  hidden(shown: string, from: number, to: number, kind: HiddenKind, name: string): void {
    this.parts.push({ text: shown, from, to, hidden: kind, name });
  }

  flag(key: string, kind: HiddenKind, text: (n: number) => string): void {
    const seen = this.flags.get(key);
    if (seen) seen.count += 1;
    else this.flags.set(key, { kind, text, count: 1 });
  }

  result(): ShownText {
    const flags = [...this.flags.values()].map((f) => ({ kind: f.kind, message: f.text(f.count) }));
    if (flags.length <= MAX_FLAGS) return { parts: this.parts, flags };
    const rest = flags.slice(MAX_FLAGS - 1);
    return { parts: this.parts, flags: [...flags.slice(0, MAX_FLAGS - 1), { kind: (rest[0] as HiddenFlag).kind, message: `and ${rest.length} more hidden things` }] };
  }
}

const times = (n: number) => (n > 1 ? `, ${n} times` : '');
/** The line that starts at `from`, cut to what a flag quotes. */
const lineFrom = (text: string, from: number) => text.slice(from, from + QUOTED_CHARS + 1).split('\n')[0] as string;

/** A run of blanks from `i`: shown as it is, or as a count with a flag when it pushes text on its line out of view. */
function blanks(text: string, i: number, out: Shown): number {
  let end = i;
  let columns = 0;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) columns += text[end++] === '\t' ? 8 : 1;
  const limit = i === 0 || text[i - 1] === '\n' ? INDENT_COLUMNS : SPACE_RUN_COLUMNS;
  // Blanks that end the line or the text push nothing anywhere.
  if (columns < limit || end === text.length || text[end] === '\n') {
    out.plain(text, i, end);
    return end;
  }
  const run = text.slice(i, end);
  const what = !run.includes('\t') ? 'spaces' : !run.includes(' ') ? 'tabs' : 'spaces and tabs';
  out.hidden(`⟨${run.length} ${what}⟩`, i, end, 'blank-run', `${run.length} ${what}`);
  out.flag(`run:${i}`, 'blank-run', () => `${run.length} ${what} push ${quote(lineFrom(text, end))} out of view`);
  return end;
}

const BLANK_LINE_RUN = /\n(?:[ \t]*\n)+/y;

/** The newline at `i` and the blank lines after it: shown as they are, or as a count with a flag when enough to push what follows out of view. */
function blankLines(text: string, i: number, out: Shown): number {
  BLANK_LINE_RUN.lastIndex = i;
  const run = BLANK_LINE_RUN.exec(text)?.[0] ?? '\n';
  const end = i + run.length;
  const lines = run.split('\n').length - 2;
  const next = lines < BLANK_LINES ? -1 : text.slice(end).search(/\S/);
  if (next === -1) {
    out.plain(text, i, end);
    return end;
  }
  out.hidden(`\n⟨${lines} blank lines⟩\n`, i, end, 'blank-run', `${lines} blank lines`);
  out.flag(`lines:${i}`, 'blank-run', () => `${lines} blank lines push ${quote(lineFrom(text, end + next))} out of view`);
  return end;
}

/** The text as a reviewer should see it, and what in it would otherwise be hidden. */
export function showText(text: string): ShownText {
  if (!NOT_PLAIN.test(text) && !MAYBE_LONG_BLANKS.test(text) && !MAYBE_BLANK_LINES.test(text)) {
    return { parts: text ? [{ text, from: 0, to: text.length, hidden: null, name: null }] : [], flags: [] };
  }
  const out = new Shown();
  const lookAlikes = /[\u0080-\uffff]/.test(text) ? lookAlikesIn(text) : new Map<number, LookAlike>();
  const allowed = new Set<number>();
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) as number;
    const size = cp > 0xffff ? 2 : 1;
    if (cp === 0x20 || cp === 0x09) {
      i = blanks(text, i, out);
      continue;
    }
    if (cp === 0x0a) {
      i = blankLines(text, i, out);
      continue;
    }
    if (cp > 0x20 && cp < 0x7f) {
      out.plain(text, i, i + 1);
      i += 1;
      continue;
    }
    if (cp === 0x1f3f4) flagTags(text, i + size, allowed);
    const look = lookAlikes.get(i);
    const char = text.slice(i, i + size);
    const cls = look ? null : classOf(cp, char);
    if (look) {
      out.hidden(escapeCodePoint(cp), i, i + size, 'look-alike', `look-alike ${look.script} letter ‘${char}’`);
      out.flag(`look:${look.flag}`, 'look-alike', () => look.flag);
    } else if (!cls || allowed.has(i) || (cls.joins && joinsHere(text, i, size, cls, allowed))) {
      if (cls) allowed.add(i);
      out.plain(text, i, i + size);
    } else {
      const escaped = escapeCodePoint(cp);
      out.hidden(escaped, i, i + size, cls.kind, cls.name);
      // A carriage return that ends a line (CRLF, or the very end) hides nothing: shown escaped, not flagged.
      const next = text[i + 1];
      if (!(cp === 0x0d && (next === undefined || next === '\n'))) out.flag(`char:${cp}`, cls.kind, (n) => `${cls.name} (${escaped}${times(n)}) ${cls.why}`);
    }
    i += size;
  }
  return out.result();
}

/** The shown text as one string (hidden things escaped). */
export function shownText(text: string): string {
  return showText(text)
    .parts.map((p) => p.text)
    .join('');
}

/** The shown text on one line (every run of whitespace one space), cut to `max` characters with an ellipsis. */
export function shownLine(text: string, max = Infinity): string {
  const line = shownText(text).replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The parts that show `text.slice(from, to)`; a hidden part belongs to the slice it starts in, plain parts are cut. */
export function partsBetween(parts: readonly ShownPart[], from: number, to: number): ShownPart[] {
  const out: ShownPart[] = [];
  for (const p of parts) {
    if (p.to <= from || p.from >= to) continue;
    if (p.hidden !== null) {
      if (p.from >= from) out.push(p);
      continue;
    }
    const a = Math.max(p.from, from);
    const b = Math.min(p.to, to);
    out.push({ ...p, text: p.text.slice(a - p.from, b - p.from), from: a, to: b });
  }
  return out;
}
