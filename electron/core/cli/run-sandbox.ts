// `gatehouse run`'s one call into the sandbox: the core's paths for this session, the shell kit for an agent without
// hooks, and the opt-out (`--no-sandbox`, GATEHOUSE_SANDBOX=off).
import path from 'node:path';
import type { StartedSession } from '../../../shared/api.ts';
import { ENV } from '../agents/hook-command.ts';
import { findExecutable } from '../agents/which.ts';
import { contain, sandboxWanted, type Contained } from '../sandbox/index.ts';
import { CliError, pathsFor, type CliContext } from './context.ts';

/** The agent's program as an absolute path, found on the agent's PATH before any wrapper goes first on it. */
export function resolveProgram(command: string[], env: NodeJS.ProcessEnv): string[] {
  const [exe, ...args] = command as [string, ...string[]];
  const file = findExecutable(exe, env);
  if (!file) throw new CliError(`\`${exe}\` was not found on PATH`);
  return [file, ...args];
}

export function containRun(o: {
  ctx: CliContext;
  started: StartedSession;
  tmpDir: string;
  command: string[];
  env: NodeJS.ProcessEnv;
  /** The hook command, for an agent without hooks: its shells are gated. */
  gateShells: string | null;
  sandbox: boolean;
}): Contained {
  const paths = pathsFor(o.ctx);
  return contain({
    gateShells:
      o.gateShells === null
        ? null
        : { hook: o.gateShells, socket: o.started.gateSocket, token: o.started.token, sessionId: o.started.session.id },
    argv: o.command,
    env: o.env,
    cwd: o.ctx.cwd,
    runDir: o.tmpDir,
    dataDir: paths.home,
    runtimeDirs: [path.dirname(paths.controlSocket), path.dirname(o.started.gateSocket)],
    gateSocket: o.env[ENV.socket] ?? o.started.gateSocket,
    sandbox: sandboxWanted(!o.sandbox, o.ctx.env),
  });
}
