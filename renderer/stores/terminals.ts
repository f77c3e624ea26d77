// Hosted terminal sessions: which exist, which one is on screen, and the state of starting a new one. Metadata only:
// what the terminals print goes from the API client straight into xterm.js (`terminal/live-terminals.ts`).
import { create } from 'zustand';
import type { TerminalKillResult } from '../../shared/api.ts';
import type { TerminalInfo, TypingTrust } from '../../shared/domain.ts';
import type { LoadState } from './inbox.ts';

export interface TerminalsState {
  load: LoadState;
  loadError: string | null;
  /** Newest first. */
  terminals: TerminalInfo[];
  /** The terminal shown in the Sessions view. */
  openId: string | null;
  starting: boolean;
  startError: string | null;
  /** Why attaching to a terminal failed, per session. */
  attachErrors: Record<string, string>;
  /** Kill, per session: under way, or what happened (`TerminalKillResult`), or why it could not be asked. */
  kills: Record<string, KillState>;

  terminalsLoaded(terminals: TerminalInfo[]): void;
  terminalsFailed(message: string): void;
  startRequested(): void;
  terminalStarted(terminal: TerminalInfo): void;
  startFailed(message: string): void;
  terminalOpened(sessionId: string | null): void;
  terminalExited(sessionId: string, exitCode: number): void;
  terminalResized(sessionId: string, cols: number, rows: number): void;
  /** The core paused the terminal's pty or read it again (`terminal.flow`, or an attach snapshot). */
  terminalFlowChanged(sessionId: string, paused: boolean): void;
  /** A hosted shell's typing trust, as set here or anywhere else (`terminal.typing`). */
  typingTrustChanged(sessionId: string, typingTrust: TypingTrust): void;
  attachFailed(sessionId: string, message: string): void;
  killStarted(sessionId: string): void;
  killEnded(sessionId: string, result: TerminalKillResult): void;
  killFailed(sessionId: string, message: string): void;
}

export type KillState =
  { state: 'ending' } | { state: 'done'; result: TerminalKillResult } | { state: 'failed'; message: string };

/** One terminal's info changed; the others keep their objects, so only views of that one render again. */
function patchTerminal(
  sessionId: string,
  patch: Partial<TerminalInfo>,
): (s: TerminalsState) => Pick<TerminalsState, 'terminals'> {
  return (s) => ({ terminals: s.terminals.map((t) => (t.sessionId === sessionId ? { ...t, ...patch } : t)) });
}

export const useTerminals = create<TerminalsState>()((set) => ({
  load: 'loading',
  loadError: null,
  terminals: [],
  openId: null,
  starting: false,
  startError: null,
  attachErrors: {},
  kills: {},

  terminalsLoaded: (terminals) =>
    set((s) => ({
      load: 'ready',
      loadError: null,
      terminals: [...terminals].sort((a, b) => b.startedAt.localeCompare(a.startedAt)),
      openId: s.openId ?? terminals.find((t) => t.exitCode === null)?.sessionId ?? null,
    })),
  terminalsFailed: (message) => set({ load: 'error', loadError: message }),
  startRequested: () => set({ starting: true, startError: null }),
  terminalStarted: (terminal) =>
    set((s) => ({
      starting: false,
      terminals: [terminal, ...s.terminals.filter((t) => t.sessionId !== terminal.sessionId)],
      openId: terminal.sessionId,
    })),
  startFailed: (message) => set({ starting: false, startError: message }),
  terminalOpened: (sessionId) => set({ openId: sessionId }),
  // An exited program holds nothing back, whatever its last flow event said.
  terminalExited: (sessionId, exitCode) => set(patchTerminal(sessionId, { exitCode, paused: false })),
  terminalResized: (sessionId, cols, rows) => set(patchTerminal(sessionId, { cols, rows })),
  terminalFlowChanged: (sessionId, paused) => set(patchTerminal(sessionId, { paused })),
  typingTrustChanged: (sessionId, typingTrust) => set(patchTerminal(sessionId, { typingTrust })),
  attachFailed: (sessionId, message) => set((s) => ({ attachErrors: { ...s.attachErrors, [sessionId]: message } })),
  killStarted: (sessionId) => set((s) => ({ kills: { ...s.kills, [sessionId]: { state: 'ending' } } })),
  killEnded: (sessionId, result) =>
    set((s) => ({
      kills: { ...s.kills, [sessionId]: { state: 'done', result } },
      // The exit event says the same; the answer may come first.
      ...(result.exitCode !== null ? patchTerminal(sessionId, { exitCode: result.exitCode, paused: false })(s) : {}),
    })),
  killFailed: (sessionId, message) =>
    set((s) => ({ kills: { ...s.kills, [sessionId]: { state: 'failed', message } } })),
}));

export const TERMINALS_INITIAL = useTerminals.getState();
