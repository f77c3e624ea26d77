// Runs the real `gatehouse` command (bin/gatehouse.mjs on the built bundle) as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const BIN = path.resolve('bin/gatehouse.mjs');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cliEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, GATEHOUSE_HOME: home, ...extra };
}

/** Starts `gatehouse …args` and returns the child plus a promise of its result. */
/** `input: null` leaves stdin closed (`codex exec` reads a piped stdin into its prompt). */
export function startCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  opts: { cwd?: string; input?: string | null } = {},
): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [BIN, ...args], {
    env,
    cwd: opts.cwd,
    stdio: [opts.input === null ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  if (opts.input !== null) child.stdin?.end(opts.input ?? '');
  const done = new Promise<CliResult>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

export function cli(
  args: string[],
  env: NodeJS.ProcessEnv,
  opts: { cwd?: string; input?: string } = {},
): Promise<CliResult> {
  return startCli(args, env, opts).done;
}

/** Starts `gatehouse daemon` and resolves once it says it is running. */
/** `env`: more variables for the daemon (`HOME`, so the agent's home is the one the core protects). */
export async function startDaemon(
  home: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<{ child: ChildProcess; stop: () => Promise<CliResult>; output: () => string }> {
  // Tests run side by side (and beside a person's own Gatehouse): browser mode takes any free port unless one is named.
  const ui = args.includes('--ui') && !args.includes('--port') ? ['--port', '0'] : [];
  const { child, done } = startCli(['daemon', ...args, ...ui], cliEnv(home, env));
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ctrl-C stops the core')) resolve();
    });
    void done.then((r) => reject(new Error(`daemon exited early (${r.code}): ${r.stderr}`)));
  });
  return {
    child,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return done;
    },
  };
}
