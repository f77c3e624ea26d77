// The last resort of a running core: an error nobody caught is logged and the core goes on. A guard that goes down
// blocks every agent until someone restarts it; what it holds is decided in transactions and what fails there is
// denied, so staying up after a stray error cannot let anything through that was not allowed.
import type { EventEmitter } from 'node:events';

/** `process`, as far as this needs it (an EventEmitter in tests). */
type ProcessLike = Pick<EventEmitter, 'on' | 'off'>;

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/** Installs the handlers for the life of a core; the returned function removes them. */
export function keepServing(proc: ProcessLike, log: (message: string) => void): () => void {
  const onException = (error: unknown) =>
    log(`gatehouse: an error nobody caught; the core keeps running: ${describe(error)}`);
  const onRejection = (reason: unknown) =>
    log(`gatehouse: a promise failed and nobody caught it; the core keeps running: ${describe(reason)}`);
  proc.on('uncaughtException', onException);
  proc.on('unhandledRejection', onRejection);
  return () => {
    proc.off('uncaughtException', onException);
    proc.off('unhandledRejection', onRejection);
  };
}
