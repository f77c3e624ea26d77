// A recording made in a real core, with a real interception through the gate, exported over the control
// API as asciicast v2 and v3, read back, played by asciinema where it is installed, and imported again.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api.ts';
import type { ExportFormat, Screen } from '../../../shared/recording.ts';
import { CastEventReader, parseCastHeader, type CastEvent } from '../../../electron/core/recording/core/asciicast.ts';
import { GATE_PATHS } from '../../support/gate-paths.ts';
import { startTestCore, type TestCore } from '../../support/core.ts';
import { capturedProgramOutput } from '../../support/terminal-streams.ts';
import { programEvents, recordAll } from '../../support/recordings.ts';
import { fingerprint, newTerminal, settled } from '../../support/screen-fingerprint.ts';
import { tempDir } from '../../support/temp.ts';
import { post } from '../../support/unix-http.ts';

const cores: TestCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.stop();
});

const asciinema = spawnSync('asciinema', ['--version'], { encoding: 'utf8' });
const hasAsciinema = asciinema.status === 0;

async function exported(core: TestCore, sessionId: string, format: ExportFormat): Promise<string> {
  let text = '';
  let fromMs: number | undefined;
  for (;;) {
    const page = await core.client.api.exportRecording({ sessionId, format, fromMs });
    text += page.text;
    if (page.nextFromMs === null) return text;
    fromMs = page.nextFromMs;
  }
}

function readBack(text: string): { header: ReturnType<typeof parseCastHeader>; events: CastEvent[] } {
  const lines = text.split('\n');
  expect(lines.at(-1)).toBe('');
  const header = parseCastHeader(lines[0] ?? '');
  const reader = new CastEventReader(header.version);
  const events = lines
    .slice(1, -1)
    .map((l, i) => reader.read(l, i + 2))
    .filter((e): e is CastEvent => e !== null);
  return { header, events };
}

/** What a screen shows, in a form that two equal screens share (see screen-fingerprint.ts). */
async function shown(screen: Screen): Promise<string> {
  const term = newTerminal(screen.cols, screen.rows);
  term.write(screen.data);
  await settled(term);
  const fp = fingerprint(term);
  term.dispose();
  return fp;
}

const outputOf = (events: readonly CastEvent[]) =>
  events.map((e) => ('event' in e && e.event.kind === 'output' ? e.event.data : '')).join('');

/** A core with one recorded session that had one interception denied through the gate. */
async function recordedSession(): Promise<{ core: TestCore; sessionId: string; raw: string; requestId: string }> {
  const core = await startTestCore();
  cores.push(core);
  const s = await core.client.api.startSession({
    agent: 'claude',
    argv: ['claude', '-p', 'tidy up'],
    cwd: '/work/p',
    pid: process.pid,
  });
  const recorder = core.core.recordings.start(s.session.id, { cols: 100, rows: 30 });
  const raw = capturedProgramOutput();
  const events = programEvents(raw, { resizes: true });
  const half = Math.floor(events.length / 2);
  recordAll(recorder, events.slice(0, half));
  const held = core.next('request.held');
  const answer = post(
    s.gateSocket,
    GATE_PATHS.claudePreToolUse,
    JSON.stringify({
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command: 'rm -rf build' },
      cwd: '/work/p',
    }),
    { authorization: `Bearer ${s.token}` },
  );
  const { request } = await held;
  await core.client.api.decide({ id: request.id, decision: 'deny', reason: 'keep the build' });
  await answer;
  recordAll(
    recorder,
    events.slice(half).map((e) => ({ ...e, atMs: e.atMs + 1 })),
  );
  recorder.record({ kind: 'input', data: 'q' });
  await recorder.close();
  await core.client.api.endSession({ sessionId: s.session.id, exitCode: 3 });
  return { core, sessionId: s.session.id, raw, requestId: request.id };
}

describe('asciicast export and import', () => {
  it('exports v2 that reads back byte-exact, with a marker for the interception and its decision', async () => {
    const { core, sessionId, raw, requestId } = await recordedSession();
    const text = await exported(core, sessionId, 'asciicast-v2');
    const { header, events } = readBack(text);
    expect(header).toMatchObject({ version: 2, cols: 100, rows: 30 });
    expect(JSON.parse(text.split('\n')[0] ?? '')).toMatchObject({
      version: 2,
      width: 100,
      height: 30,
      env: { TERM: 'xterm-256color' },
      command: 'claude -p tidy up',
    });
    expect(outputOf(events)).toBe(raw);
    const markers = events.flatMap((e) => ('event' in e && e.event.kind === 'marker' ? [e.event.label] : []));
    expect(markers).toEqual([`${requestId} held: rm -rf build`, `${requestId} denied by human:cli: rm -rf build`]);
    expect(events.some((e) => 'event' in e && e.event.kind === 'resize')).toBe(true);
    expect(events.at(-1)).toMatchObject({ event: { kind: 'input', data: 'q' } });
    const times = text
      .split('\n')
      .slice(1, -1)
      .map((l) => JSON.parse(l)[0] as number);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it.skipIf(!hasAsciinema)(
    'plays in asciinema: `asciinema cat` and `asciinema play` print exactly the recorded output',
    async () => {
      const { core, sessionId, raw } = await recordedSession();
      const file = path.join(tempDir(), 'session.cast');
      fs.writeFileSync(file, await exported(core, sessionId, 'asciicast-v2'));
      // asciinema wants a terminal: `script` gives it a pty, with output processing off so bytes pass unchanged.
      for (const command of [`asciinema cat '${file}'`, `asciinema play -i 0.001 -s 1000 '${file}'`]) {
        const run = spawnSync('script', ['-qec', `stty -opost; ${command}`, '/dev/null'], {
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        });
        expect(run.status, run.stderr).toBe(0);
        expect(run.stdout, command).toBe(raw);
      }
    },
  );

  it('exports v3 with intervals, markers and the exit status last', async () => {
    const { core, sessionId, raw } = await recordedSession();
    const text = await exported(core, sessionId, 'asciicast-v3');
    expect(JSON.parse(text.split('\n')[0] ?? '')).toMatchObject({
      version: 3,
      term: { cols: 100, rows: 30, type: 'xterm-256color' },
    });
    const { events } = readBack(text);
    expect(outputOf(events)).toBe(raw);
    expect(events.at(-1)).toMatchObject({ exit: 3 });
    const v2 = readBack(await exported(core, sessionId, 'asciicast-v2')).events;
    // The same moments: v3's running sum of intervals is v2's time since the start.
    expect(events.slice(0, -1).map((e) => e.atMs)).toEqual(v2.map((e) => e.atMs));
  });

  it('imports a cast as a read-only session that exports back the same', async () => {
    const { core, sessionId, raw } = await recordedSession();
    for (const format of ['asciicast-v2', 'asciicast-v3'] as const) {
      const file = path.join(tempDir(), `s.${format}.cast`);
      fs.writeFileSync(file, await exported(core, sessionId, format));
      const imported = await core.client.api.importRecording({ path: file });
      expect(imported.recording).toMatchObject({ source: 'import', cols: 100, rows: 30, recording: false });
      expect(imported.session).toMatchObject({ agent: 'generic', exitCode: format === 'asciicast-v3' ? 3 : null });
      expect(imported.session.endedAt).not.toBeNull();
      const again = readBack(await exported(core, imported.session.id, format)).events;
      expect(outputOf(again)).toBe(raw);
      expect(again.filter((e) => 'event' in e && e.event.kind === 'marker')).toHaveLength(2);
      const end = imported.recording.durationMs;
      const screen = await core.client.api.screenAt({ sessionId: imported.session.id, atMs: end });
      expect(await shown(screen)).toBe(await shown(await core.client.api.screenAt({ sessionId, atMs: end })));
      expect(() => core.core.recordings.start(imported.session.id, { cols: 80, rows: 24 })).toThrow(
        /imported recording/,
      );
    }
  });

  it('refuses a bad file with the line at fault, and imports nothing', async () => {
    const core = await startTestCore();
    cores.push(core);
    const dir = tempDir();
    const cases: Array<[string, RegExp]> = [
      ['not json at all', /line 1: the header is not JSON/],
      ['{"version": 1, "width": 80, "height": 24}', /asciicast version 1 is not supported/],
      ['{"version": 2, "width": 0, "height": 24}', /line 1: not a valid asciicast v2 header \(width/],
      ['{"version": 2, "width": 80, "height": 24}\n[0.5, "o", "hello"]\n[oops]', /line 3: not JSON/],
      ['{"version": 2, "width": 80, "height": 24}\n[0.5, "o", 42]', /line 2: the data of a "o" event must be a string/],
      ['{"version": 3, "term": {"cols": 80, "rows": 24}}\n[0.5, "r", "wide"]', /line 2: a resize must be "COLSxROWS"/],
      ['{"version": 3, "term": {"cols": 80, "rows": 24}}\n[-1, "o", "x"]', /line 2: not an event/],
      ['', /the file is empty/],
    ];
    for (const [content, message] of cases) {
      const file = path.join(dir, 'bad.cast');
      fs.writeFileSync(file, content);
      const err = await core.client.api.importRecording({ path: file }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).code).toBe('invalid_input');
      expect((err as ApiError).message).toMatch(message);
    }
    await expect(core.client.api.importRecording({ path: path.join(dir, 'missing.cast') })).rejects.toThrow(
      /cannot read .*missing\.cast: ENOENT/,
    );
    await expect(core.client.api.importRecording({ path: 'relative.cast' })).rejects.toThrow(
      /must be an absolute path/,
    );
    expect(await core.client.api.listSessions()).toEqual([]);
  });

  it('accepts comments, blank lines and unknown event codes, as the spec asks', async () => {
    const core = await startTestCore();
    cores.push(core);
    const file = path.join(tempDir(), 'ok.cast');
    fs.writeFileSync(
      file,
      [
        '{"version": 3, "term": {"cols": 20, "rows": 5}, "title": "demo"}',
        '# a comment',
        '[0.1, "o", "hi"]',
        '',
        '[0.2, "z", {"future": true}]',
        '[0.3, "m", ""]',
        '[0.4, "x", "0"]',
        '',
      ].join('\n'),
    );
    const imported = await core.client.api.importRecording({ path: file });
    expect(imported.session.argv).toEqual(['demo']);
    expect(imported.recording.durationMs).toBe(1000);
    const page = await core.client.api.recordingEvents({ sessionId: imported.session.id, fromMs: -1, toMs: 10_000 });
    expect(page.events).toEqual([
      { atMs: 100, event: { kind: 'output', data: 'hi' } },
      { atMs: 600, event: { kind: 'marker', label: '', requestId: null, decision: null } },
    ]);
  });
});
