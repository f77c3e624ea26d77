// What a card's clip keeps: the agent's own output. Its banner (a box naming it, or Codex exec's header) and
// Gatehouse's own `gatehouse:` lines are told apart by their text and left out where that cannot change what the rest
// draws; a clip with nothing else is quiet.
import { describe, expect, it } from 'vitest';
import type { RecordingClip, TimedEvent } from '../../../../shared/recording.ts';
import { plainText, readLeadUp } from '../../../../renderer/terminal/lead-up.ts';

const clip = (screen: string, outputs: string[] = []): RecordingClip => ({
  start: { sessionId: 's', atMs: 0, cols: 80, rows: 10, data: screen },
  events: outputs.map((data, i): TimedEvent => ({ atMs: 100 * (i + 1), event: { kind: 'output', data } })),
});
const outputs = (events: TimedEvent[]) => events.map((e) => (e.event.kind === 'output' ? e.event.data : e.event.kind));

const CODEX_BOX =
  '╭───────────────────────────╮\r\n│ >_ OpenAI Codex (v0.169.0) │\r\n╰───────────────────────────╯\r\n';
const CODEX_EXEC = 'OpenAI Codex v0.169.0 (research preview)\n--------\nworkdir: /w\nmodel: m\n--------\n';

describe('lead-up', () => {
  it('reads the text a terminal shows: escape sequences and controls out', () => {
    expect(plainText('\x1b[1;32mok\x1b[0m\r\n\x1b]0;title\x07done\x1b(B')).toBe('ok\ndone');
  });

  it('is quiet when nothing but blanks, a banner or Gatehouse lines were printed', () => {
    expect(readLeadUp(clip('\x1b[H\x1b[2J\r\n   \r\n'))).toMatchObject({
      quiet: true,
      banner: false,
      gatehouse: false,
    });
    expect(readLeadUp(clip(CODEX_BOX))).toMatchObject({ quiet: true, banner: true });
    expect(readLeadUp(clip('', [CODEX_EXEC]))).toMatchObject({ quiet: true, banner: true });
    expect(readLeadUp(clip('', ['gatehouse: session 1: Codex, guarded\r\n', 'Gatehouse: denied\r\n']))).toMatchObject({
      quiet: true,
      gatehouse: true,
    });
  });

  it('counts a box that does not name the agent, and any other line, as the agent’s own', () => {
    expect(readLeadUp(clip('╭───╮\r\n│ > │\r\n╰───╯\r\n')).quiet).toBe(false);
    expect(readLeadUp(clip(CODEX_BOX, ['user\r\nrun the tests\r\n'])).quiet).toBe(false);
  });

  it('starts from a blank terminal at the agent’s first line when only a banner came before it', () => {
    const lead = readLeadUp(clip(CODEX_BOX, ['gatehouse: note\r\n', 'Running\r\n', 'done\r\n']));
    expect(lead.start.data).toBe('');
    expect(outputs(lead.events)).toEqual(['Running\r\n', 'done\r\n']);
  });

  it('keeps sizes and markers, and a screen in the alternate screen whole', () => {
    const c = clip(CODEX_BOX, ['hello\r\n']);
    c.events.unshift({ atMs: 50, event: { kind: 'resize', cols: 100, rows: 30 } });
    expect(outputs(readLeadUp(c).events)).toEqual(['resize', 'hello\r\n']);
    const full = clip(`\x1b[?1049h\x1b[H${CODEX_BOX}`, ['hello\r\n']);
    expect(readLeadUp(full).start.data).toBe(full.start.data);
  });

  it('removes Gatehouse lines printed whole, and only those', () => {
    const lead = readLeadUp(
      clip('$ make\r\n', ['compiling\r\ngatehouse: held for a decision\r\n', 'GATEHOUSE: x\r\nlinked\r\n', 'a ']),
    );
    expect(outputs(lead.events)).toEqual(['compiling\r\n', 'linked\r\n', 'a ']);
    // In the middle of a line, or with escape sequences inside, it is not a line of Gatehouse's.
    const kept = readLeadUp(clip('$ x\r\n', ['echo ', 'gatehouse: x\r\n', '\x1b[1mgatehouse: \x1b[0my\r\n']));
    expect(outputs(kept.events)).toEqual(['echo ', 'gatehouse: x\r\n', '\x1b[1mgatehouse: \x1b[0my\r\n']);
  });
});
