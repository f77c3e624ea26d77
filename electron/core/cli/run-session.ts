// A `gatehouse run` session as the core sees it: started on the core, its terminal streamed to the recording, and
// carried over a restart of the core (reconnect, `resumeSession`, what the core lacks sent again), then ended with the
// agent's exit code, waiting a while for a core that is away.
import type { StartedSession, StartSessionInput, TerminalSize } from '../../../shared/api.ts';
import type { RecordEvent } from '../recording/common/types.ts';
import { connect, type CliContext } from './context.ts';
import { CoreLink } from './core-link.ts';
import { RecordStream } from './record-stream.ts';

/**
 * How long the end of a session waits for a core that is away before saying so (the next core start ends it). A restart
 * takes about a second on an idle machine and took over 10 s on a loaded one; a person can Ctrl-C the wait.
 */
export const END_WAIT_MS = 30_000;

export interface RunSessionOptions {
  /** The terminal's size now (a resumed recording continues at it). */
  size: () => TerminalSize;
  /** Asks the agent's pty to hold (true) or go on (false) while the core catches up. */
  backpressure: (hold: boolean) => void;
  endWaitMs?: number;
}

export class RunSession {
  readonly started: StartedSession;
  private readonly ctx: CliContext;
  private readonly link: CoreLink;
  private readonly recording: RecordStream;
  private readonly endWaitMs: number;

  private constructor(ctx: CliContext, link: CoreLink, started: StartedSession, o: RunSessionOptions) {
    this.ctx = ctx;
    this.link = link;
    this.started = started;
    this.endWaitMs = o.endWaitMs ?? END_WAIT_MS;
    this.recording = new RecordStream({
      sessionId: started.session.id,
      startedAtMs: Date.parse(started.session.startedAt),
      send: (input) => this.link.api.recordEvents(input),
      backpressure: o.backpressure,
      warn: (message) => ctx.err(message),
    });
  }

  /** Starts the session on the running core (no core: CliError, and the agent is not started). */
  static async start(
    ctx: CliContext,
    input: Omit<StartSessionInput, 'size'>,
    o: RunSessionOptions,
  ): Promise<RunSession> {
    let session: RunSession | null = null;
    const link = await CoreLink.open({
      connect: () => connect(ctx),
      onReconnect: async (client) => {
        if (!session) return;
        const s = session.started;
        const resumed = await client.api.resumeSession({ sessionId: s.session.id, token: s.token, size: o.size() });
        session.recording.resumed(resumed);
      },
      say: (line) => ctx.err(line),
      gaveUp: (err) => {
        ctx.err(`gatehouse: the Gatehouse core did not take this session back: ${err.message}`);
        session?.recording.abandon();
      },
    });
    try {
      const started = await link.api.startSession({ ...input, size: o.size() });
      session = new RunSession(ctx, link, started, o);
      return session;
    } catch (err) {
      link.close();
      throw err;
    }
  }

  /** The control API now, for calls at launch (throws CoreUnreachableError while the core is away). */
  get api(): CoreLink['api'] {
    return this.link.api;
  }

  record(event: RecordEvent): void {
    this.recording.record(event);
  }

  /** Sends the rest of the recording and ends the session with the agent's exit code; waits a while for a core that is away. */
  async end(exitCode: number | null): Promise<void> {
    const id = this.started.session.id;
    const deadline = Date.now() + this.endWaitMs;
    try {
      if (!this.link.connected)
        this.ctx.err(
          `gatehouse: the agent has exited; waiting up to ${Math.round(this.endWaitMs / 1000)} s for the Gatehouse core to record the end of session ${id}…`,
        );
      await this.recording.close(deadline);
      await this.link.call((api) => api.endSession({ sessionId: id, exitCode }), deadline);
    } catch (err) {
      const why = this.link.connected
        ? (err as Error).message
        : 'the Gatehouse core is not back; it will end the session when it next starts';
      this.ctx.err(`gatehouse: could not record the end of session ${id}: ${why}`);
    } finally {
      this.link.close();
    }
  }
}
