// gatehouse doctor: is everything in place for commands to be held, and will they fail closed?
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeFinding, type LaunchFinding } from '../agents/launch-checks.ts';
import type { AgentPlugin, AgentProgram } from '../agents/plugin.ts';
import { AGENTS } from '../agents/registry.ts';
import { readAdminToken } from '../admin-token.ts';
import { connectControl } from '../control/client.ts';
import { GATE_PATHS } from '../gate/server.ts';
import { readLock, isAlive } from '../lock.ts';
import { findSs } from '../peer/unix-peer.ts';
import { CliError, pathsFor, type CliContext } from './context.ts';
import { findExecutable } from '../agents/which.ts';
import { replaceableBecause, TRUSTED_CURL_LOCATIONS } from '../agents/trusted-path.ts';
import { chooseTransport } from '../agents/wire.ts';
import { storeChecks } from './doctor-store.ts';
import { InstallService } from '../agents/install/service.ts';
import { installEnv } from './install.ts';
import type { DescriptorUse } from '../../../shared/api.ts';
import { agentCounts, STATE_LABEL, type AgentStatusReport } from '../../../shared/agent-status.ts';
import { WARN_AT } from '../descriptors.ts';
import { probeSandbox, sandboxWanted } from '../sandbox/index.ts';

/** `--version` of an agent is quick; one that takes longer is hung, and doctor must still finish. */
const VERSION_TIMEOUT_MS = 15_000;

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface AgentReport {
  /** The plug-in's id. */
  agent: string;
  path: string | null;
  version: string | null;
  failsClosed: boolean;
  detail: string;
  /** Settings that would switch Gatehouse off for this agent started in the report's `cwd` (`gatehouse run` refuses then). */
  settings: LaunchFinding[];
}

export interface DoctorReport {
  ok: boolean;
  checks: Check[];
  agents: AgentReport[];
  /** The directory the agents' settings were read for. */
  cwd: string;
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(file, args, { env, timeout: VERSION_TIMEOUT_MS }, (err, stdout) => resolve(err ? null : stdout.trim()));
  });
}

function mode(file: string): string | null {
  try {
    return (fs.statSync(file).mode & 0o777).toString(8).padStart(4, '0');
  } catch {
    return null;
  }
}

function gateHealth(socketPath: string): Promise<{ ok: boolean; ms: number; detail: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.get({ socketPath, path: GATE_PATHS.health, timeout: 3000 }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ ok: res.statusCode === 200, ms: performance.now() - started, detail: `HTTP ${res.statusCode}` }),
      );
    });
    req.on('timeout', () => req.destroy(new Error('no answer in 3 s')));
    req.on('error', (err) => resolve({ ok: false, ms: performance.now() - started, detail: err.message }));
  });
}

/**
 * `cwd`: the directory whose project settings the launch checks read (as `gatehouse run` would there). `plugins`: the
 * agents to look for, every registered one with a program of its own unless a test says otherwise.
 */
export async function diagnose(
  ctx: CliContext,
  cwd: string = ctx.cwd,
  plugins: readonly AgentPlugin[] = AGENTS,
): Promise<DoctorReport> {
  const paths = pathsFor(ctx);
  const checks: Check[] = [];
  const homeMode = mode(paths.home);
  checks.push({
    name: 'data directory',
    ok: homeMode === '0700',
    detail: homeMode
      ? `${paths.home} (mode ${homeMode})`
      : `${paths.home} does not exist yet (created by \`gatehouse daemon\`)`,
  });

  const lock = readLock(paths.lockFile);
  const running = lock !== null && isAlive(lock.pid);
  let coreDetail = running ? `running, pid ${lock.pid}` : 'not running: start it with `gatehouse daemon`';
  let coreOk = false;
  let tamper: Check | null = null;
  let descriptors: Check | null = null;
  let runningAgents: Check | null = null;
  if (running) {
    try {
      const started = performance.now();
      const client = await connectControl(paths.controlSocket, readAdminToken(paths.adminTokenFile));
      const status = await client.api.status();
      runningAgents = agentsCheck(await client.api.agentStatus());
      client.close();
      coreOk = true;
      coreDetail += `; control API answered in ${(performance.now() - started).toFixed(1)} ms; ${status.pending} held`;
      tamper = status.tamper.locked
        ? {
            name: 'tamper',
            ok: false,
            detail: `the gate was tampered with ${status.tamper.count} time(s) since ${status.tamper.since}: every command is held; \`gatehouse tamper\` shows what happened`,
          }
        : {
            name: 'tamper',
            ok: true,
            detail: 'sockets and hook settings watched; nothing tampered with since the last acknowledgement',
          };
      descriptors = descriptorCheck(status.descriptors, status.pending);
    } catch (err) {
      coreDetail += `; control API: ${(err as Error).message}`;
    }
  }
  checks.push({ name: 'core', ok: coreOk, detail: coreDetail });
  if (tamper) checks.push(tamper);
  if (descriptors) checks.push(descriptors);
  if (runningAgents) checks.push(runningAgents);
  if (running) {
    const gate = await gateHealth(paths.gateSocket);
    const sockMode = mode(paths.gateSocket);
    checks.push({
      name: 'gate socket',
      ok: gate.ok && (sockMode === '0600' || process.platform === 'win32'),
      detail: `${paths.gateSocket} (mode ${sockMode ?? '?'}): ${gate.detail} in ${gate.ms.toFixed(1)} ms`,
    });
  }
  checks.push(...storeChecks(paths.home, paths.database, running ? (lock?.pid ?? null) : null));
  const tokenMode = mode(paths.adminTokenFile);
  if (tokenMode)
    checks.push({
      name: 'admin token',
      ok: tokenMode === '0600',
      detail: `${paths.adminTokenFile} (mode ${tokenMode})`,
    });

  // The same choice `gatehouse run` makes: curl only from a location the user cannot write, never from PATH.
  const transport = chooseTransport({ env: ctx.env, cwd: ctx.cwd, hookClientPath: ctx.hookClientPath });
  const curl = transport.kind === 'curl' ? transport.curlPath : null;
  const curlVersion = curl ? await run(curl, ['--version'], ctx.env) : null;
  const unixSockets = curlVersion ? /UnixSockets/i.test(curlVersion) : false;
  const nodeReplaceable = replaceableBecause(process.execPath);
  checks.push({
    name: 'hook transport',
    ok: true,
    detail:
      curl && unixSockets
        ? `${curlVersion?.split(' ').slice(0, 2).join(' ')} at ${curl} (owned by root, writable by nobody else) over the Unix socket`
        : `${curl ? `${curl} lacks Unix socket support` : `no curl where only root can write (${TRUSTED_CURL_LOCATIONS.join(', ')})`}: hooks use the Node client (${ctx.hookClientPath}), slower (about 130 ms a command) but also fail closed` +
          (nodeReplaceable ? `; Node itself could be replaced by your user (${nodeReplaceable})` : ''),
  });

  checks.push(agentDecisionsCheck());
  checks.push(sandboxCheck(ctx.env));
  checks.push(...installChecks(paths.home, plugins, ctx.env));

  const withProgram = plugins.flatMap((plugin) => (plugin.program ? [{ plugin, program: plugin.program }] : []));
  const agents = await Promise.all(
    withProgram.map(({ plugin, program }) => agentReport(plugin, program, ctx.env, cwd)),
  );
  return {
    ok: checks.every((c) => c.ok) && agents.every((a) => !a.path || (a.failsClosed && a.settings.length === 0)),
    checks,
    agents,
    cwd,
  };
}

/**
 * Per agent with an installer: whether `gatehouse install` wired its user settings, whether the file still holds what
 * was written, and what the installed hook answers with Gatehouse down. Read from the data directory's records, so it
 * works with the core stopped.
 */
export function installChecks(home: string, plugins: readonly AgentPlugin[], env: NodeJS.ProcessEnv): Check[] {
  const service = new InstallService({
    dir: path.join(home, 'installs'),
    agents: plugins,
    hooks: () => {
      throw new Error('doctor only reads');
    },
    audit: () => {},
    now: Date.now,
  });
  return service.status(installEnv(env)).map((s): Check => {
    const name = `install ${s.agent}`;
    if (s.problem) return { name, ok: false, detail: `${s.file ?? s.name}: ${s.problem}` };
    if (!s.installed && s.installedAt)
      return {
        name,
        ok: false,
        detail: `Gatehouse's hooks are gone from ${s.file} (installed ${s.installedAt}): a plain \`${s.agent}\` is not guarded; \`gatehouse install ${s.agent}\` puts them back`,
      };
    if (!s.installed)
      return {
        name,
        ok: true,
        detail: `not installed: only \`gatehouse run ${s.agent}\` is guarded (\`gatehouse install ${s.agent}\` guards every launch)`,
      };
    const said = s.whenCoreDown
      ? plugins.find((p) => p.id === s.agent)?.installer?.coreDownSaid?.(s.whenCoreDown)
      : null;
    const down = said
      ? said
      : s.whenCoreDown === 'deny'
        ? 'with Gatehouse down its commands are denied'
        : `with Gatehouse down ${s.name} asks you itself (headless runs are denied)`;
    const matches =
      s.matchesWritten === false
        ? 'the file changed since the install (kept; uninstall then takes out only our hooks)'
        : s.matchesWritten
          ? 'the file is as Gatehouse wrote it'
          : 'hooks found, with no install record here';
    return { name, ok: true, detail: `installed in ${s.file}: ${matches}; ${down}` };
  });
}

/** Is the agent's program on PATH, which version, does it fail closed, and would its settings for `cwd` switch Gatehouse off? */
async function agentReport(
  plugin: AgentPlugin,
  program: AgentProgram,
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<AgentReport> {
  const agent = plugin.id;
  const file = findExecutable(program.name, env);
  if (!file) return { agent, path: null, version: null, failsClosed: false, detail: 'not found on PATH', settings: [] };
  // The first line only: GitHub Copilot CLI adds "Run 'copilot update' to check for updates." below its version.
  const version = (await run(file, ['--version'], env))?.split('\n')[0]?.trim() ?? null;
  const failMode = await program.failMode({ version, run: (args) => run(file, [...args], env) });
  const settings = await plugin.checkLaunch(file, [], { cwd, env, platform: process.platform });
  return { agent, path: file, version, ...failMode, settings };
}

/** How close the core is to its open-files limit: every held request keeps a descriptor, and past the limit hooks cannot connect. */
/** Running agents: not ok while one runs unprotected or a session's gate is not live; each named with why. */
function agentsCheck(report: AgentStatusReport): Check {
  const worrying = report.agents.filter((a) => a.state !== 'protected');
  const each = worrying.map(
    (a) => `${STATE_LABEL[a.state]}: ${a.sessionId ? `session ${a.sessionId}, ` : ''}${a.detail}`,
  );
  return { name: 'running agents', ok: worrying.length === 0, detail: [agentCounts(report), ...each].join('; ') };
}

function descriptorCheck(use: DescriptorUse | null, held: number): Check | null {
  if (!use) return null;
  if (use.limit === null)
    return {
      name: 'descriptors',
      ok: true,
      detail: `${use.open} open (the limit cannot be read on this platform); ${held} held`,
    };
  const ok = use.open < use.limit * WARN_AT;
  const detail =
    `${use.open} of ${use.limit} open; ${held} held` +
    (ok
      ? ''
      : ': near the limit, past it new hooks cannot connect and their commands are blocked (decide what is held, or start the core with a higher `ulimit -n`)');
  return { name: 'descriptors', ok, detail };
}

/** Whether `gatehouse run` would start agents in a sandbox here, and what it would say if it cannot. */
function sandboxCheck(env: NodeJS.ProcessEnv): Check {
  const name = 'sandbox';
  if (!sandboxWanted(false, env))
    return {
      name,
      ok: true,
      detail: "off: GATEHOUSE_SANDBOX=off is set, so agents can change Gatehouse's files and their own settings",
    };
  try {
    const kind = probeSandbox(process.platform, env);
    return kind
      ? {
          name,
          ok: true,
          detail: `${kind}: \`gatehouse run\` starts agents with Gatehouse's files hidden and the agents' settings read-only`,
        }
      : {
          name,
          ok: true,
          detail: `none on ${process.platform}: agents run unsandboxed, their hooks still gate what they run`,
        };
  } catch (err) {
    return { name, ok: false, detail: (err as Error).message };
  }
}

/** Whether the core can tell a decision sent from inside an agent session (see control/agent-guard.ts). */
function agentDecisionsCheck(): Check {
  const name = 'agent decisions';
  if (process.platform !== 'linux') {
    return {
      name,
      ok: true,
      detail:
        'this platform has no peer lookup yet: only the CLI itself refuses decisions from inside an agent session',
    };
  }
  const ss = findSs();
  return ss
    ? {
        name,
        ok: true,
        detail: `decisions sent from inside an agent session are refused (the sender is found with ${ss})`,
      }
    : {
        name,
        ok: false,
        detail:
          '`ss` (iproute2) is not installed: the core cannot tell who sends a decision over the control socket, so it refuses them all; install iproute2, or decide in the window or the tray',
      };
}

/** What the checks above add up to, in plain words (README.md, "What Gatehouse protects against", says more). */
export const THREAT_MODEL: readonly string[] = [
  'What this protects against. The agent runs as you and may have been told what to do by a file it read:',
  '- stopped with or without the sandbox: every shell command waits for a decision unless a rule, trust or auto-allow',
  '  covers it (never for high or critical, never for what Gatehouse could not read); settings that switch the hooks',
  '  off stop the launch; file-tool writes to protected places wait for you; a replaced socket or hook file is taken',
  "  back and holds everything; a decision from inside the agent's session is refused; no answer means no run.",
  "- needs the sandbox: keeping the agent away from Gatehouse's files, the admin token and the agents' settings, and",
  '  gating every shell of an agent without hooks by any path.',
  '- not stopped: what an allowed command does once it runs; text typed into a shell Codex started (starting one is',
  '  held as high); code an agent without hooks runs without a shell; services already running as you outside the',
  '  session (tmux, systemd --user, cron).',
];

/** The report for a person: one line a check, three or more an agent, then the threat model. */
export function reportLines(report: DoctorReport): string[] {
  const lines: string[] = [];
  for (const c of report.checks) lines.push(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name.padEnd(15)} ${c.detail}`);
  for (const a of report.agents) {
    if (!a.path) {
      lines.push(`--    ${a.agent.padEnd(15)} not found on PATH`);
      continue;
    }
    lines.push(
      `${a.failsClosed ? 'ok  ' : 'WARN'}  ${a.agent.padEnd(15)} ${a.version ?? 'version unknown'} at ${a.path}`,
    );
    lines.push(`      ${''.padEnd(15)} ${a.failsClosed ? 'fails closed' : 'CANNOT BE GATED'}: ${a.detail}`);
    if (a.settings.length === 0)
      lines.push(
        `ok    ${`${a.agent} settings`.padEnd(15)} nothing in its settings for ${report.cwd} switches Gatehouse's hooks off`,
      );
    for (const f of a.settings)
      lines.push(
        `FAIL  ${`${a.agent} settings`.padEnd(15)} ${describeFinding(f)} (\`gatehouse run\` refuses to start ${a.agent} in ${report.cwd})`,
      );
  }
  return [...lines, '', ...THREAT_MODEL];
}

export async function doctorCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean' }, cwd: { type: 'string' } },
    strict: true,
  });
  const cwd = path.resolve(ctx.cwd, values.cwd ?? '.');
  if (!fs.existsSync(cwd) || !fs.statSync(cwd).isDirectory()) throw new CliError(`--cwd: ${cwd} is not a directory`, 2);
  const report = await diagnose(ctx, cwd);
  if (values.json) {
    ctx.out(JSON.stringify(report, null, 2));
    return report.ok ? 0 : 1;
  }
  for (const line of reportLines(report)) ctx.out(line);
  return report.ok ? 0 : 1;
}
