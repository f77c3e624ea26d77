// What a reviewer is shown of a command, so that what they read is what runs. Characters that draw as something
// else (control characters and terminal escapes, bidi controls, zero-width and other invisible characters, spaces
// that are not spaces, letters of another script that look like Latin ones inside a Latin word) are shown escaped,
// runs of blanks long enough to push text out of view are shown as a count, and each is flagged in words.
// Ordinary text stays as it is: newlines and tabs, accents, CJK, emoji (with their joiners and selectors).
// Pure: the CLI, the cards, the notifications and the risk engine all read commands through it. The tables of what
// is hidden are in hidden-characters.ts.
import { classOf, escapeCodePoint, lookAlikeScript, type HiddenClass, type HiddenKind } from './hidden-characters.ts';

export type { HiddenKind };

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

/** A look-alike letter to escape: its script, and the flag for the word it disguises. */
interface LookAlike {
  script: string;
  flag: string;
}

const charAt = (text: string, i: number): string => String.fromCodePoint(text.codePointAt(i) ?? 0);

/** The code point that ends just before `i`, and where it starts. */
function before(text: string, i: number): { cp: number; start: number } | undefined {
  if (i <= 0) return undefined;
  const low = text.charCodeAt(i - 1);
  const high = i >= 2 ? text.charCodeAt(i - 2) : 0;
  const start = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? i - 2 : i - 1;
  return { cp: text.codePointAt(start) as number, start };
}

/** What ordinary text puts a joiner or selector next to: a visible non-ASCII character that disguises nothing. */
function joinable(text: string, i: number, disguised: ReadonlyMap<number, LookAlike>): boolean {
  const cp = i < text.length ? text.codePointAt(i) : undefined;
  return cp !== undefined && cp > 0x7f && classOf(cp, charAt(text, i)) === null && !disguised.has(i);
}

/** Whether ordinary text uses this joiner or selector here, so it shows as it is. */
function joinsHere(
  text: string,
  i: number,
  size: number,
  cls: HiddenClass,
  allowed: ReadonlySet<number>,
  disguised: ReadonlyMap<number, LookAlike>,
): boolean {
  const prev = before(text, i);
  if (prev === undefined) return false;
  const prevShown = joinable(text, prev.start, disguised) || allowed.has(prev.start);
  if (cls.joins === 'after') {
    // One selector after an emoji or an ideograph (not a run of them); `1️⃣`: a keycap after a digit, `#` or `*`.
    if (prevShown && !(prev.cp >= cls.from && prev.cp <= cls.to)) return true;
    return /^[0-9#*]$/.test(String.fromCodePoint(prev.cp)) && text.codePointAt(i + size) === 0x20e3;
  }
  return prevShown && joinable(text, i + size, disguised);
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
  if (tags.length >= 2 && text.codePointAt(tags[tags.length - 1] as number) === 0xe007f)
    for (const t of tags) allowed.add(t);
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

/** Parts and flags as the text is read. */
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

  /** One flag per key; `text` is given how many times it was raised. */
  flag(key: string, kind: HiddenKind, text: (n: number) => string): void {
    const seen = this.flags.get(key);
    if (seen) seen.count += 1;
    else this.flags.set(key, { kind, text, count: 1 });
  }

  result(): ShownText {
    const flags = [...this.flags.values()].map((f) => ({ kind: f.kind, message: f.text(f.count) }));
    if (flags.length <= MAX_FLAGS) return { parts: this.parts, flags };
    const rest = flags.slice(MAX_FLAGS - 1);
    return {
      parts: this.parts,
      flags: [
        ...flags.slice(0, MAX_FLAGS - 1),
        { kind: (rest[0] as HiddenFlag).kind, message: `and ${rest.length} more hidden things` },
      ],
    };
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

/** The newline at `i` and the blank lines after it: as they are, or as a count with a flag when enough to push what follows out of view. */
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
  out.flag(
    `lines:${i}`,
    'blank-run',
    () => `${lines} blank lines push ${quote(lineFrom(text, end + next))} out of view`,
  );
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
  for (let i = 0; i < text.length;) {
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
    } else if (!cls || allowed.has(i) || (cls.joins && joinsHere(text, i, size, cls, allowed, lookAlikes))) {
      if (cls) allowed.add(i);
      out.plain(text, i, i + size);
    } else {
      const escaped = escapeCodePoint(cp);
      out.hidden(escaped, i, i + size, cls.kind, cls.name);
      // A carriage return that ends a line (CRLF, or the very end) hides nothing: shown escaped, not flagged.
      const next = text[i + 1];
      if (!(cp === 0x0d && (next === undefined || next === '\n')))
        out.flag(`char:${cp}`, cls.kind, (n) => `${cls.name} (${escaped}${times(n)}) ${cls.why}`);
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
