// The commands of the Sessions view's live terminals: list, start, kill, a shell's typing trust, and show one on a
// surface. The bytes go through `LiveTerminals`, never through the stores.
import type { CoreApi, StartTerminalInput } from '../../shared/api.ts';
import type { TypingTrust } from '../../shared/domain.ts';
import { useTerminals } from '../stores/terminals.ts';
import type { LiveTerminals } from '../terminal/live-terminals.ts';
import type { TerminalSurface } from '../terminal/surface.ts';
import { messageOf } from './messages.ts';

export interface TerminalCommands {
  loadTerminals(): Promise<void>;
  startTerminal(input: StartTerminalInput): Promise<void>;
  /** Ends the program (SIGHUP, SIGTERM, SIGKILL in turn) and reports how (`useTerminals().kills`). */
  killTerminal(sessionId: string): Promise<void>;
  /** Which lines typed at a hosted shell's prompt run without asking. */
  setTypingTrust(sessionId: string, typingTrust: TypingTrust): Promise<void>;
  /** Shows a live terminal on `surface`; the returned function stops (and detaches). */
  attachTerminal(sessionId: string, surface: TerminalSurface): () => void;
  /** Fits the terminal to its element and resizes the pty to match. */
  fitTerminal(sessionId: string): void;
}

type TerminalApi = Pick<CoreApi, 'listTerminals' | 'startTerminal' | 'killTerminal' | 'setTypingTrust'>;

export function terminalCommands(api: TerminalApi, live: LiveTerminals): TerminalCommands {
  return {
    loadTerminals: async () => {
      try {
        useTerminals.getState().terminalsLoaded(await api.listTerminals());
      } catch (err) {
        useTerminals.getState().terminalsFailed(messageOf(err));
      }
    },
    startTerminal: async (input) => {
      useTerminals.getState().startRequested();
      try {
        useTerminals.getState().terminalStarted(await api.startTerminal(input));
      } catch (err) {
        useTerminals.getState().startFailed(messageOf(err));
      }
    },
    killTerminal: async (sessionId) => {
      useTerminals.getState().killStarted(sessionId);
      try {
        // SIGHUP, SIGTERM, SIGKILL until it ends: a few seconds at most, then what happened.
        useTerminals.getState().killEnded(sessionId, await api.killTerminal({ sessionId }));
      } catch (err) {
        useTerminals.getState().killFailed(sessionId, messageOf(err));
      }
    },
    setTypingTrust: async (sessionId, typingTrust) => {
      try {
        const info = await api.setTypingTrust({ sessionId, typingTrust });
        useTerminals.getState().typingTrustChanged(sessionId, info.typingTrust ?? typingTrust);
      } catch (err) {
        useTerminals.getState().attachFailed(sessionId, messageOf(err));
      }
    },
    attachTerminal: (sessionId, surface) => live.attach(sessionId, surface),
    fitTerminal: (sessionId) => live.fit(sessionId),
  };
}
