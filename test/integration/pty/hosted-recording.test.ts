// A hosted program printing fast with nobody watching, recorded by the real recorder: nothing is lost (the pty waits
// for the recording instead), and a viewer who attaches afterwards gets exactly the screen the program left.
import fs from 'node:fs';
import path from 'node:path';
import headless from '@xterm/headless';
import type { Terminal } from '@xterm/headless';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnPty, type PtyProcess } from '../../../electron/core/pty/pty-process.ts';
import { SCREEN_SCROLLBACK_LINES } from '../../../electron/core/pty/screen.ts';
import { TerminalSession } from '../../../electron/core/pty/terminal-session.ts';
import { StoreSink, type ChunkSink } from '../../../electron/core/recording/thread/chunk-sink.ts';
import { MAX_BACKLOG_BYTES } from '../../../electron/core/recording/common/backlog.ts';
import { Recorder } from '../../../electron/core/recording/thread/recorder.ts';
import { Redactor } from '../../../electron/core/redaction/redaction.ts';
import { RecordingRepository } from '../../../electron/core/store/recordings.ts';
import type { RecordingReader } from '../../../electron/core/recording/core/reader.ts';
import { startTestCore, type TestCore } from '../../support/core.ts';
import { openRecordings } from '../../support/recordings.ts';
import { settled } from '../../support/screen-fingerprint.ts';
import { tempDir } from '../../support/temp.ts';
import { capturedProgramOutput } from '../../support/terminal-streams.ts';

const cores: TestCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.stop();
});

/** About `bytes` of real program output as a program writes it ('\n'), in a file for `cat`. */
function outputFile(bytes: number): { file: string; shown: string } {
  const raw = capturedProgramOutput().replaceAll('\r\n', '\n');
  const text = raw.repeat(Math.ceil(bytes / raw.length));
  const file = path.join(tempDir('gh-hosted-'), 'output.txt');
  fs.writeFileSync(file, text);
  // The pty turns each '\n' into '\r\n' on the way to the terminal.
  return { file, shown: text.replaceAll('\n', '\r\n') };
}

/** Every output byte a recording holds, read back page by page. */
function recordedOutput(reader: RecordingReader, sessionId: string): string {
  let out = '';
  for (let from: number | null = -1; from !== null;) {
    const page = reader.eventsBetween(sessionId, from, Number.MAX_SAFE_INTEGER);
    for (const { event } of page.events) if (event.kind === 'output') out += event.data;
    from = page.nextFromMs;
  }
  return out;
}

function lines(term: Terminal): string[] {
  const b = term.buffer.active;
  const out = [`cursor ${b.cursorX},${b.cursorY}`];
  for (let y = 0; y < b.length; y++)
    out.push(`${y > 0 && b.getLine(y)?.isWrapped ? '↩' : ''}${b.getLine(y)?.translateToString(true) ?? ''}`);
  return out;
}

async function drawnFrom(data: string, cols: number, rows: number): Promise<string[]> {
  const term = new headless.Terminal({ cols, rows, scrollback: SCREEN_SCROLLBACK_LINES, allowProposedApi: true });
  term.write(data);
  await settled(term);
  const out = lines(term);
  term.dispose();
  return out;
}

describe('a hosted program printing fast with nobody watching', () => {
  it('is recorded byte for byte, and a late viewer gets the screen it left, scrollback included', async () => {
    const core = await startTestCore({ log: () => {} });
    cores.push(core);
    // More than a screen nobody watches is kept for (4 MB): the screen is rebuilt from the recording.
    const { file, shown } = outputFile(6 * 1024 * 1024);
    const size = { cols: 100, rows: 30 };
    const info = await core.client.api.startTerminal({
      agent: 'shell',
      argv: ['cat', file],
      cwd: path.dirname(file),
      size,
    });
    await core.next('session.ended', (e) => e.session.id === info.sessionId);

    const recordings = core.core.recordings;
    expect(recordings.info(info.sessionId).markers.filter((m) => m.kind === 'gap')).toEqual([]);
    expect(recordedOutput(recordings.reader, info.sessionId) === shown).toBe(true);

    const snapshot = await core.client.api.attachTerminal(info.sessionId);
    expect(snapshot.exitCode).toBe(0);
    expect(await drawnFrom(snapshot.data, snapshot.cols, snapshot.rows)).toEqual(
      await drawnFrom(shown, size.cols, size.rows),
    );
  });
});

/** A sink that holds every write until `open` is called. */
function gatedSink(inner: ChunkSink): { sink: ChunkSink; open: () => void } {
  let open = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  return {
    open: () => open(),
    sink: {
      write: async (w) => {
        await gate;
        return inner.write(w);
      },
      close: (...args) => inner.close(...args),
      screen: (...args) => inner.screen(...args),
    },
  };
}

describe('a recording that cannot keep up', () => {
  it('pauses the program instead of dropping its output', async () => {
    const t = openRecordings();
    t.addSession('slow');
    const store = new RecordingRepository(t.db);
    store.create({ sessionId: 'slow', source: 'live', cols: 100, rows: 30, startedAt: Date.now() });
    const gated = gatedSink(new StoreSink(store));
    const errors: unknown[] = [];
    const recorder = new Recorder({
      sessionId: 'slow',
      startedAtMs: Date.now(),
      sink: gated.sink,
      redactor: new Redactor(),
      onError: (err) => errors.push(err),
    });
    const { file, shown } = outputFile(3 * MAX_BACKLOG_BYTES);

    const pty = spawnPty({ file: 'cat', args: [file], cwd: path.dirname(file), env: process.env, cols: 100, rows: 30 });
    let paused: () => void = () => {};
    const pausedOnce = new Promise<void>((resolve) => (paused = resolve));
    const watched: PtyProcess = { ...pty, pause: () => (pty.pause(), paused()) };
    const session = new TerminalSession({
      sessionId: 'slow',
      agent: 'shell',
      argv: ['cat', file],
      cwd: path.dirname(file),
      shell: null,
      cols: 100,
      rows: 30,
      startedAtMs: Date.now(),
      pty: watched,
      recorder,
      takeCommand: () => null,
      onExit: () => {},
      flowNoticeMs: 1,
    });
    await pausedOnce;
    // The pause lasts (the recording's writes are held): once past its notice time the session says so.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(session.info().paused).toBe(true);
    // Held well before the recorder would start dropping output.
    expect(recorder.backlogBytes).toBeLessThan(MAX_BACKLOG_BYTES);
    gated.open();
    expect(await session.exited).toBe(0);
    await recorder.close();
    session.dispose();

    expect(errors).toEqual([]);
    expect(store.markers('slow').filter((m) => m.kind === 'gap')).toEqual([]);
    const reader = t.recordings.reader;
    expect(recordedOutput(reader, 'slow') === shown).toBe(true);
  });
});
