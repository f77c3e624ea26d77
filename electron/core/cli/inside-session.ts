// The CLI's own check, a second layer behind the core's (control/agent-guard.ts): a command that decides or loosens
// policy refuses to run when this process is inside an agent session, told by the session's variables in its own
// environment or in a parent's. The core checks again with what it sees of the socket's peer, which an agent cannot
// talk its way around by editing this process's environment; this layer also covers platforms where the core has no
// way to see its peer.
import { ENV } from '../agents/hook-command.ts';
import { DECIDE_ELSEWHERE } from '../control/agent-guard.ts';
import { ancestry, linuxProc, type ProcReader } from '../peer/proc.ts';
import { CliError, type CliContext } from './context.ts';

const SESSION_VARIABLES = [ENV.session, ENV.token, ENV.socket] as const;

/** Why a process with this environment and parent is inside an agent session, or null. `proc` null: the platform has no /proc. */
export function insideSessionWhy(env: NodeJS.ProcessEnv, parentPid: number, proc: ProcReader | null): string | null {
  const own = SESSION_VARIABLES.find((name) => env[name]);
  if (own) return `${own} is set in its environment`;
  if (!proc) return null;
  for (const link of ancestry(proc, parentPid)) {
    const parentEnv = proc.environ(link.pid);
    const inherited = SESSION_VARIABLES.find((name) => parentEnv?.get(name));
    if (inherited) return `its parent process ${link.pid} has ${inherited} set`;
  }
  return null;
}

/** Throws, before anything reaches the core, when this CLI process runs inside an agent session. */
export function refuseInsideSession(
  ctx: CliContext,
  what: string,
  proc: ProcReader | null = process.platform === 'linux' ? linuxProc : null,
): void {
  const why = insideSessionWhy(ctx.env, process.ppid, proc);
  if (why)
    throw new CliError(
      `refusing to ${what} from inside an agent session (${why}): an agent cannot decide for itself. ${DECIDE_ELSEWHERE}`,
    );
}
