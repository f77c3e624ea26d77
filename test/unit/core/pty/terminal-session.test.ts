// A hosted terminal's flow-control state as its viewers see it, against a fake pty: one `terminal.flow` event when a
// pause has lasted (a viewer that does not acknowledge, or a recording that falls behind) and one when it ends, never
// one per chunk, none for a pause too short to see; the snapshot says where a late viewer starts; an exited program
// holds nothing back.
import { afterEach, describe, expect, it } from 'vitest';
import type { TerminalEvent } from '../../../../shared/domain.ts';
import { HIGH_WATER_CHARS } from '../../../../electron/core/pty/flow-control.ts';
import { OUTPUT_BATCH_MAX_CHARS } from '../../../../electron/core/pty/output-batcher.ts';
import type { PtyProcess } from '../../../../electron/core/pty/pty-process.ts';
import { TerminalSession } from '../../../../electron/core/pty/terminal-session.ts';

/** How long a pause must last before viewers hear of it, here (FLOW_NOTICE_MS in the app). */
const NOTICE_MS = 2;
/** Lets a lasting pause be announced. */
const lasted = () => new Promise((resolve) => setTimeout(resolve, NOTICE_MS + 10));
import type { SessionRecorder } from '../../../../electron/core/recording/common/types.ts';

/** A pty whose output the test writes; it notes what the session asks of it. */
function fakePty() {
  const data: Array<(bytes: Buffer) => void> = [];
  const exits: Array<(code: number) => void> = [];
  const calls: string[] = [];
  const pty: PtyProcess = {
    pid: 4242,
    onData: (l) => data.push(l),
    onExit: (l) => exits.push(l),
    write: () => {},
    resize: () => {},
    kill: () => calls.push('kill'),
    pause: () => calls.push('pause'),
    resume: () => calls.push('resume'),
  };
  return {
    pty,
    calls,
    /** One batch's worth of output: the batcher sends it to viewers at once. */
    chunk: () => data.forEach((l) => l(Buffer.from('x'.repeat(OUTPUT_BATCH_MAX_CHARS)))),
    exit: (code: number) => exits.forEach((l) => l(code)),
  };
}

/** A recorder whose backlog the test sets. */
function slowRecorder() {
  let chars = 0;
  const shrinks = new Set<() => void>();
  const recorder: SessionRecorder = {
    record: () => {},
    close: async () => {},
    backlog: {
      chars: () => chars,
      onShrink: (l) => {
        shrinks.add(l);
        return () => shrinks.delete(l);
      },
    },
  };
  return {
    recorder,
    setBacklog: (n: number) => {
      const shrank = n < chars;
      chars = n;
      if (shrank) shrinks.forEach((l) => l());
    },
  };
}

const sessions: TerminalSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.dispose();
});

function session(pty: PtyProcess, recorder: SessionRecorder | null = null): TerminalSession {
  const s = new TerminalSession({
    sessionId: 'term0001',
    agent: 'shell',
    argv: ['cat'],
    cwd: '/',
    shell: null,
    cols: 80,
    rows: 24,
    startedAtMs: Date.now(),
    pty,
    recorder,
    takeCommand: () => null,
    onExit: () => {},
    flowNoticeMs: NOTICE_MS,
  });
  sessions.push(s);
  return s;
}

/** A viewer that keeps every event; `flows()` is what it heard of pausing. */
function viewer() {
  const events: TerminalEvent[] = [];
  return {
    listen: (e: TerminalEvent) => events.push(e),
    flows: () => events.flatMap((e) => (e.type === 'terminal.flow' ? [e.paused] : [])),
    types: () => events.map((e) => e.type),
  };
}

describe('a hosted terminal telling its viewers about flow control', () => {
  it('sends paused once when a viewer falls behind and resumed once it has acknowledged, whatever comes between', async () => {
    const f = fakePty();
    const s = session(f.pty);
    const slow = viewer();
    const first = await s.attach('slow', slow.listen);
    expect(first.paused).toBe(false);

    // Two batches put the viewer past the high-water mark: the pty is paused at once, and once that has lasted the
    // viewer hears of it, after the output that did it.
    f.chunk();
    expect(slow.flows()).toEqual([]);
    f.chunk();
    expect(2 * OUTPUT_BATCH_MAX_CHARS).toBeGreaterThan(HIGH_WATER_CHARS);
    expect(f.calls).toEqual(['pause']);
    expect(slow.flows()).toEqual([]);
    await lasted();
    expect(slow.types()).toEqual(['terminal.output', 'terminal.output', 'terminal.flow']);
    expect(slow.flows()).toEqual([true]);
    expect(f.calls).toEqual(['pause']);
    expect(s.info().paused).toBe(true);

    // Output already on its way while paused, and acknowledgements that leave it behind, change nothing.
    f.chunk();
    s.ack('slow', HIGH_WATER_CHARS);
    expect(slow.flows()).toEqual([true]);

    // A viewer attaching now starts from the snapshot's state, and hears the resume with the first.
    const late = viewer();
    expect((await s.attach('late', late.listen)).paused).toBe(true);
    s.ack('slow', 3 * OUTPUT_BATCH_MAX_CHARS);
    expect(slow.flows()).toEqual([true, false]);
    expect(late.flows()).toEqual([false]);
    expect(f.calls).toEqual(['pause', 'resume']);
    expect(s.info().paused).toBe(false);
  });

  it('resumes for the others when the viewer that held it back detaches', async () => {
    const f = fakePty();
    const s = session(f.pty);
    const stuck = viewer();
    const other = viewer();
    await s.attach('stuck', stuck.listen);
    await s.attach('other', other.listen);
    f.chunk();
    f.chunk();
    s.ack('other', 2 * OUTPUT_BATCH_MAX_CHARS);
    await lasted();
    expect(other.flows()).toEqual([true]);
    s.detach('stuck');
    expect(other.flows()).toEqual([true, false]);
    expect(stuck.flows()).toEqual([true]);
  });

  it('tells viewers when the recording holds the pty, and when it has caught up', async () => {
    const f = fakePty();
    const r = slowRecorder();
    const s = session(f.pty, r.recorder);
    const v = viewer();
    await s.attach('v', v.listen);
    r.setBacklog(3 * 1024 * 1024);
    f.chunk();
    s.ack('v', OUTPUT_BATCH_MAX_CHARS);
    await lasted();
    expect(v.flows()).toEqual([true]);
    r.setBacklog(1024 * 1024);
    expect(v.flows()).toEqual([true]);
    r.setBacklog(0);
    expect(v.flows()).toEqual([true, false]);
  });

  it('reports an exited program as not paused, though a viewer never acknowledged its output', async () => {
    const f = fakePty();
    const s = session(f.pty);
    const v = viewer();
    await s.attach('v', v.listen);
    f.chunk();
    f.chunk();
    await lasted();
    expect(s.info().paused).toBe(true);
    s.kill('SIGTERM');
    f.exit(143);
    expect(s.info()).toMatchObject({ exitCode: 143, paused: false });
    expect(await s.snapshot()).toMatchObject({ exitCode: 143, paused: false });
    expect(v.types().at(-1)).toBe('terminal.exit');
  });

  it('keeps quiet about pauses too short to see: a watched program printing flat out', async () => {
    const f = fakePty();
    const s = session(f.pty);
    const v = viewer();
    await s.attach('v', v.listen);
    // The viewer keeps up, a little behind: the pty pauses and resumes at every other batch. (Under 1 MB in all, so the
    // headless screen, parsing in the background, never holds the resume: its low mark is 1 MB.)
    for (let i = 0; i < 12; i++) {
      f.chunk();
      if (i % 2 === 1) s.ack('v', 2 * OUTPUT_BATCH_MAX_CHARS);
    }
    s.ack('v', 4 * OUTPUT_BATCH_MAX_CHARS);
    const pauses = f.calls.filter((c) => c === 'pause').length;
    expect(pauses).toBeGreaterThanOrEqual(4);
    expect(f.calls.filter((c) => c === 'resume').length).toBe(pauses);
    await lasted();
    expect(v.flows()).toEqual([]);
    expect(s.info().paused).toBe(false);
    expect((await s.snapshot()).paused).toBe(false);
  });
});
