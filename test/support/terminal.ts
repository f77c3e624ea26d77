// Hosted terminals for tests: a real core with a memory recorder, a viewer attached over the control socket,
// and waits on what the terminal prints or reports (never on time).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { StartTerminalInput } from '../../shared/api.ts';
import type {
  GateRequest,
  ShellCommandRecord,
  TerminalEvent,
  TerminalInfo,
  TerminalSnapshot,
} from '../../shared/domain.ts';
import type { Policy } from '../../electron/core/broker/broker.ts';
import type { StreamEvent } from '../../electron/core/recording/common/codec.ts';
import { startTestCore, type TestCore } from './core.ts';
import { MemoryRecordings, type RecordedSession } from './recorder.ts';
import { newTerminal, replayInto, settled } from './screen-fingerprint.ts';
import { tempDir } from './temp.ts';

/** Lines containing this word are held for a decision; every other line is allowed at once by the test policy. */
export const HOLD_WORD = 'held';

export const testPolicy: Policy = (r) =>
  r.command.includes(HOLD_WORD) ? null : { decision: 'allow', reason: 'allowed by the test policy' };

/** The shells a machine has: tests for a missing one are skipped with its name. */
export function hasShell(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

export interface TerminalWorld {
  core: TestCore;
  recordings: MemoryRecordings;
  /** An empty home: the user's real dotfiles never reach the tests. */
  home: string;
  work: string;
  /** Every request the gate saw, in order. */
  requests: GateRequest[];
  start(input: Omit<StartTerminalInput, 'cwd'> & { cwd?: string }): Promise<Viewer>;
  stop(): Promise<void>;
}

/**
 * `env`: more of the core's environment (which hosted programs start from), given the test's home directory.
 * `corePolicy`: decide with the core's own policy (rules, typing trust, auto-allow) instead of `testPolicy`.
 */
export async function terminalWorld(
  opts: { env?: (home: string) => Record<string, string>; corePolicy?: boolean } = {},
): Promise<TerminalWorld> {
  const root = fs.realpathSync(tempDir('gh-pty-'));
  const home = path.join(root, 'home');
  const work = path.join(root, 'work');
  fs.mkdirSync(home);
  fs.mkdirSync(work);
  const recordings = new MemoryRecordings();
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    SHELL: '/bin/bash',
    LANG: 'C.UTF-8',
    TERM: 'xterm-256color',
    ...opts.env?.(home),
  };
  const core = await startTestCore({
    home: path.join(root, 'gatehouse'),
    ...(opts.corePolicy ? {} : { policy: testPolicy }),
    recordings,
    env,
    log: () => {},
  });
  const requests: GateRequest[] = [];
  await core.client.events((e) => {
    if (e.type === 'request.held' || (e.type === 'request.decided' && !requests.some((r) => r.id === e.request.id)))
      requests.push(e.request);
  });
  return {
    core,
    recordings,
    home,
    work,
    requests,
    start: async (input) => {
      const info = await core.client.api.startTerminal({ cwd: work, ...input });
      return attachViewer(core, info, recordings);
    },
    stop: () => core.stop(),
  };
}

export interface Viewer {
  info: TerminalInfo;
  snapshot: TerminalSnapshot;
  /** Everything the program printed since it started (escape sequences included), as the recorder got it. */
  output(): string;
  /** What this viewer received as `terminal.output` events since attaching. */
  received(): string;
  /** The `terminal.flow` events this viewer received, in order (true: paused). */
  flowChanges(): boolean[];
  /** The `terminal.resize` events this viewer received, in order. */
  resizes(): Array<{ cols: number; rows: number; seq: number }>;
  /** Resolves once the output since `from` (an index into output()) matches. */
  waitForOutput(pattern: RegExp, from?: number): Promise<string>;
  nextCommand(): Promise<ShellCommandRecord>;
  exit: Promise<number>;
  type(text: string): Promise<void>;
  /** Waits for the shell's prompt (OSC 133 B) after `from`. */
  prompt(from?: number): Promise<void>;
  /** What the terminal shows now, row by row (trailing blanks and empty rows at the bottom left out). */
  screen(): Promise<string[]>;
}

/** Longer than anything a test waits for. */
const SEARCH_OVERLAP_CHARS = 4096;
/** OSC 133;B, as the shell integration prints it after each prompt. */
const PROMPT_MARK = '\x1b]133;B\x07';

export async function attachViewer(core: TestCore, info: TerminalInfo, recordings: MemoryRecordings): Promise<Viewer> {
  let received = '';
  const waiters = new Set<() => void>();
  const out = () => recordings.output(info.sessionId);
  recordings.onRecord((sessionId) => {
    if (sessionId === info.sessionId) waiters.forEach((w) => w());
  });
  const commands: ShellCommandRecord[] = [];
  let exitCode: number | null = null;
  const flowChanges: boolean[] = [];
  const resizes: Array<{ cols: number; rows: number; seq: number }> = [];
  const listen = (e: TerminalEvent) => {
    if (e.sessionId !== info.sessionId) return;
    if (e.type === 'terminal.output') received += e.data;
    else if (e.type === 'terminal.command') commands.push(e.command);
    else if (e.type === 'terminal.flow') flowChanges.push(e.paused);
    else if (e.type === 'terminal.resize') resizes.push({ cols: e.cols, rows: e.rows, seq: e.seq });
    else exitCode = e.exitCode;
    waiters.forEach((w) => w());
  };
  core.client.onTerminalEvent(listen);
  const snapshot = await core.client.api.attachTerminal(info.sessionId);
  exitCode ??= snapshot.exitCode;
  const until = <T>(check: () => T | undefined): Promise<T> =>
    new Promise((resolve) => {
      const w = () => {
        const v = check();
        if (v !== undefined) {
          waiters.delete(w);
          resolve(v);
        }
      };
      waiters.add(w);
      w();
    });
  let commandsTaken = 0;
  return {
    info,
    snapshot,
    output: out,
    received: () => received,
    flowChanges: () => [...flowChanges],
    resizes: () => [...resizes],
    waitForOutput: (pattern, from = 0) => {
      // Only new text (and a little before it, for a match cut in two) is searched each time: streams get large.
      let scanned = from;
      return until(() => {
        const text = out();
        const found = pattern.exec(text.slice(Math.max(from, scanned - SEARCH_OVERLAP_CHARS)))?.[0];
        scanned = text.length;
        return found;
      });
    },
    nextCommand: () => until(() => (commands.length > commandsTaken ? commands[commandsTaken++] : undefined)),
    exit: until(() => exitCode ?? undefined),
    type: async (text) => {
      await core.client.api.writeTerminal({ sessionId: info.sessionId, data: text });
    },
    prompt: async (from = 0) => {
      await until(() => (out().includes(PROMPT_MARK, from) ? true : undefined));
    },
    screen: () => screenOf(recordings.sessions.get(info.sessionId)),
  };
}

/** The screen a recording leaves, drawn by a headless xterm.js from its output and resizes. */
async function screenOf(rec: RecordedSession | undefined): Promise<string[]> {
  if (!rec) return [];
  const term = newTerminal(rec.size.cols, rec.size.rows);
  const events = rec.events.map(({ event }) => event);
  replayInto(
    term,
    events.filter((e): e is StreamEvent => e.kind === 'output' || e.kind === 'resize'),
  );
  await settled(term);
  const buffer = term.buffer.active;
  const rows = Array.from(
    { length: term.rows },
    (_, y) => buffer.getLine(buffer.baseY + y)?.translateToString(true) ?? '',
  );
  while (rows.length > 0 && rows.at(-1) === '') rows.pop();
  term.dispose();
  return rows;
}
