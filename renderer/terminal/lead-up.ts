// What a card's clip (the moments before an agent asked) shows once the noise is left out: the agent's banner and
// Gatehouse's own lines say nothing about why it asked. They are told apart by their text, read with the escape
// sequences removed, line by line across the screen and the events in order:
// - Gatehouse's own lines start with `gatehouse:` (the CLI's notes, the shell integration's "Gatehouse: <reason>");
// - a banner is a box drawn from `╭` to `╰` that names the agent (Claude Code's welcome box, Codex's `>_ OpenAI
//   Codex` box), or Codex exec's header, from `OpenAI Codex v…` to its second line of dashes.
// What is left out: everything before the first line the agent printed itself (the clip then starts from a blank
// terminal at that moment), and Gatehouse's lines printed whole in one piece of output later on. A screen that is in
// the alternate screen (a full-screen program) is never cut: its lines cannot be told apart from the program's.
// When the agent printed nothing else at all, the card says so in one line instead of showing an empty terminal.
import type { RecordingClip, Screen, TimedEvent } from '../../shared/recording.ts';

/** The clip with the noise left out, and what was left out. */
export interface LeadUp {
  start: Screen;
  events: TimedEvent[];
  /** The agent printed nothing of its own: nothing but blanks, its banner or Gatehouse's lines. */
  quiet: boolean;
  /** The clip had the agent's banner (left out where it came before anything else). */
  banner: boolean;
  /** The clip had Gatehouse's own lines (left out where they could be). */
  gatehouse: boolean;
}

/** CSI, OSC/DCS/APC strings, charset designations and other two-character escapes; then the controls but newlines. */
const ESCAPES =
  // eslint-disable-next-line no-control-regex
  /\x1b\[[0-?]*[ -/]*[@-~]|\x1b[\]PX^_][\s\S]*?(?:\x07|\x1b\\)|\x1b[()*+][\s\S]|\x1b[\s\S]|[\x00-\x09\x0b-\x1f\x7f]/g;

/** The text a piece of terminal output shows, roughly: escape sequences and controls removed, `\r\n` as a newline. */
export function plainText(data: string): string {
  return data.replace(/\r\n/g, '\n').replace(/\r/g, '\n').replace(ESCAPES, '');
}

const OWN_LINE = /^\s*gatehouse: /i;
const BANNER_NAME = /Claude Code|OpenAI Codex|>_ .*Codex/;
const CODEX_HEADER = /^\s*OpenAI Codex v\d/;
const DASHES = /^\s*-{4,}\s*$/;
// eslint-disable-next-line no-control-regex -- the escape sequence that enters the alternate screen
const ALT_SCREEN = /\x1b\[\?(1049|1047|47)h/;

type Kind = 'agent' | 'banner' | 'gatehouse' | 'blank';

/** Reads lines in order and says, once a line's kind is known, what it was. Boxes are judged when they close. */
class LineReader {
  private box: string[] | null = null;
  private boxFrom = -1;
  private codexDashes = -1;
  /** Where (-1 for the screen, else an event's index) the first line the agent printed itself was. */
  firstAgent: number | null = null;
  banner = false;
  gatehouse = false;

  line(text: string, at: number): void {
    if (this.box) {
      this.box.push(text);
      if (/^\s*╰/.test(text)) this.closeBox();
      return;
    }
    if (this.codexDashes >= 0) {
      if (DASHES.test(text) && ++this.codexDashes === 2) this.codexDashes = -1;
      return;
    }
    if (/^\s*╭/.test(text)) {
      this.box = [text];
      this.boxFrom = at;
    } else if (CODEX_HEADER.test(text)) {
      this.banner = true;
      this.codexDashes = 0;
    } else this.seen(kindOf(text), at);
  }

  /** The end of the text: a box still open is the agent's (a banner always closes). */
  end(): void {
    if (this.box) this.seen('agent', this.boxFrom);
    this.box = null;
  }

  private closeBox(): void {
    const named = (this.box ?? []).some((l) => BANNER_NAME.test(l));
    this.seen(named ? 'banner' : 'agent', this.boxFrom);
    this.box = null;
  }

  private seen(kind: Kind, at: number): void {
    if (kind === 'banner') this.banner = true;
    else if (kind === 'gatehouse') this.gatehouse = true;
    else if (kind === 'agent' && this.firstAgent === null) this.firstAgent = at;
  }
}

function kindOf(text: string): Kind {
  if (!text.trim()) return 'blank';
  if (OWN_LINE.test(text)) return 'gatehouse';
  return 'agent';
}

/**
 * Gatehouse's lines printed whole, as plain text, in one piece of output (at the start of a line, ending in a
 * newline, no escape sequence inside): removing one is as if it had never been printed.
 */
function withoutOwnLines(data: string, atLineStart: boolean): string {
  // eslint-disable-next-line no-control-regex -- a line with no escape sequence in it
  return data.replace(/(^|\n)[^\S\n]*gatehouse: [^\x1b\n]*\n/gi, (whole, before: string, offset: number) =>
    offset === 0 && before === '' && !atLineStart ? whole : before,
  );
}

export function readLeadUp(clip: RecordingClip): LeadUp {
  const reader = new LineReader();
  const feed = (text: string, at: number) => {
    for (const line of text.split('\n')) reader.line(line, at);
  };
  feed(plainText(clip.start.data), -1);
  clip.events.forEach((e, i) => {
    if (e.event.kind === 'output') feed(plainText(e.event.data), i);
  });
  reader.end();
  const quiet = reader.firstAgent === null;
  const from = reader.firstAgent ?? -1;
  // Everything before the agent's first line is noise; the screen is dropped only when it can be told apart.
  const dropScreen = from >= 0 && !ALT_SCREEN.test(clip.start.data);
  const start = dropScreen ? { ...clip.start, data: '' } : clip.start;
  let atLineStart = true;
  const events: TimedEvent[] = [];
  clip.events.forEach((e, i) => {
    if (e.event.kind !== 'output') events.push(e);
    else if (!dropScreen || i >= from) {
      const data = withoutOwnLines(e.event.data, atLineStart);
      if (!data) return;
      atLineStart = data.endsWith('\n');
      events.push(data === e.event.data ? e : { atMs: e.atMs, event: { kind: 'output', data } });
    }
  });
  return { start, events, quiet, banner: reader.banner, gatehouse: reader.gatehouse };
}
