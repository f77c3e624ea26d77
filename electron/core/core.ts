// The core's composition root: builds the services and wires them to their carriers.
// Runs under plain Node (`gatehouse daemon`) and, later, as the desktop app's utilityProcess.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CoreStatus } from '../../shared/api.ts';
import type { CoreEvent } from '../../shared/domain.ts';
import { ensureAdminToken } from './admin-token.ts';
import { SteadyClock } from './clock.ts';
import { DescriptorWatch } from './descriptors.ts';
import { StoreHealth } from './broker/store-health.ts';
import { guardOf } from './store/guard.ts';
import { Broker, type Assess, type Policy } from './broker/broker.ts';
import { OutcomeService } from './broker/outcomes.ts';
import { AgentGuard, sessionKnowledge } from './control/agent-guard.ts';
import { registerConnectionHandlers, registerControlHandlers } from './control/handlers.ts';
import { ControlServer } from './control/server.ts';
import { serveControl, type ConnectionFactory, type TextChannel } from './control/serve.ts';
import { EventBus, type Subscribable } from './events/bus.ts';
import { GateServer, type FileChangeJudge } from './gate/server.ts';
import { TamperAlarm } from './integrity/tamper-alarm.ts';
import { TamperWatch } from './integrity/tamper-watch.ts';
import { acquireLock } from './lock.ts';
import { corePaths, ensurePrivateDir, type CorePaths } from './paths.ts';
import { GateLiveness } from './gate/liveness.ts';
import { NativeRuleGrants } from './agents/native-rules.ts';
import { ancestry, linuxProc, linuxProcTable } from './peer/proc.ts';
import { AgentStatus } from './sessions/agent-status.ts';
import { lookupTcpPeer } from './peer/tcp-peer.ts';
import { lookupPeer } from './peer/unix-peer.ts';
import { PtyHost } from './pty/pty-host.ts';
import { Redactor } from './redaction/redaction.ts';
import { Recordings } from './recording/core/service.ts';
import { markInterceptions, type RecordingService } from './recording/common/types.ts';
import {
  agentDirsFrom,
  createFileChangeJudge,
  createRiskEngine,
  loadShellParser,
  GitBranches,
  type ContextOptions,
} from './risk/index.ts';
import { Checkouts } from './rules/checkouts.ts';
import { GatePolicy } from './rules/policy.ts';
import { RuleService } from './rules/service.ts';
import { TrustMode } from './rules/trust.ts';
import { SessionRoots } from './sessions/session-roots.ts';
import { installService } from './agents/install/index.ts';
import { agentPlugin, isAgentId } from './agents/registry.ts';
import { SaferService } from './safer/service.ts';
import { InstalledSessions } from './sessions/installed-sessions.ts';
import { SessionService } from './sessions/session-service.ts';
import { SettingsFile } from './settings/file.ts';
import { SettingsService } from './settings/service.ts';
import { AuditRepository } from './store/audit.ts';
import { SpaceReserve } from './store/space.ts';
import { openStoreForCore } from './store/startup.ts';
import { StoreSpace } from './store/compaction.ts';
import { Upkeep } from './upkeep/upkeep.ts';
import { RequestRepository } from './store/requests.ts';
import { RuleRepository } from './store/rules.ts';
import { SessionRepository } from './store/sessions.ts';
import { startUndo } from './undo/wiring.ts';
import { VERSION } from './version.ts';
import { RendererAssets } from './web/assets.ts';
import { BrowserUi } from './web/browser-ui.ts';

export interface CoreOptions {
  home: string;
  /** Overrides the settings file's hold timeout (tests, `gatehouse daemon --hold-timeout`). */
  holdTimeoutMs?: number;
  /** Replaces the rules (benchmarks that need every request decided at once). */
  policy?: Policy;
  /** Scores each request before it is held or decided; default: the risk engine, guarding this core's own files. */
  assess?: Assess;
  /** Judges a file tool's change by where it lands; default: the risk engine's protected places, with this core's files. */
  judgeFileChange?: FileChangeJudge;
  /** Where the agents' settings are read from on `rules import` (tests); default: the user's home. */
  userHome?: string;
  /** Browser mode: serve the built renderer and the API over a WebSocket on 127.0.0.1. */
  ui?: { rendererDir: string; port?: number; token?: string };
  /** Replaces the recorder (tests); `null` accepts terminal streams and drops them (logged once). Default: SQLite. */
  recordings?: RecordingService | null;
  /** The bundled Node hook client, for hosted sessions where curl is missing. */
  hookClientPath?: string;
  /** The environment hosted terminals start from; the core's own by default. */
  env?: NodeJS.ProcessEnv;
  onError?: (err: unknown) => void;
  /** How long the start waits for another process's write lock on the database before refusing (default 5 s). */
  storeLockWaitMs?: number;
  /** Where the core says things a person should know (one line each). */
  log?: (message: string) => void;
}

export interface RunningCore {
  paths: CorePaths;
  broker: Broker;
  /** What happens in the core, as control clients hear it (`gatehouse daemon` logs it). */
  events: Subscribable;
  rules: RuleService;
  trust: TrustMode;
  /** The browser UI's address, token included, when started with `ui`. */
  uiUrl: string | null;
  /** Browser mode: its URL, the pages connected, its token. */
  browserUi: BrowserUi;
  terminals: PtyHost;
  /** Hand this to whatever produces terminal streams (the pty host, `gatehouse run`). */
  recordings: Recordings;
  /** Retention, audit retention and vacuum, hourly from when the sockets open (`run()` joins a running pass). */
  upkeep: Upkeep;
  status(): CoreStatus;
  /** Serves the control API on one more connection (a desktop window's MessagePort); returns its disposer. */
  serve(channel: TextChannel): () => void;
  close(): Promise<void>;
}

export async function startCore(opts: CoreOptions): Promise<RunningCore> {
  const paths = corePaths(opts.home);
  ensurePrivateDir(paths.home);
  const onError = opts.onError ?? ((err: unknown) => console.error('gatehouse:', err));
  // Services publish what happened here; subscribers are wired below. A subscriber that throws is reported.
  const events = new EventBus<CoreEvent>({
    onError: (err, e) => onError(new Error(`a subscriber to ${e.type} failed: ${String(err)}`, { cause: err })),
  });
  // The one owner of the settings: read here (a file that is not valid stops the start), told of every update.
  const settings = new SettingsService({
    file: new SettingsFile(paths.home),
    overrides: { holdTimeoutMs: opts.holdTimeoutMs },
    events,
    onError,
  });
  // Made before the lock: on a full disk, giving its room back is what lets the lock file be written.
  const reserve = new SpaceReserve(paths.home);
  const usedBefore = fs.existsSync(paths.adminTokenFile);
  const lock = acquireLock(paths.lockFile, paths.home, () => reserve.release());
  const cleanup: Array<() => void | Promise<void>> = [() => lock.release()];
  const undo = async () => {
    for (const fn of cleanup.reverse()) await fn();
  };
  try {
    if (process.platform !== 'win32') ensurePrivateDir(paths.runtimeDir);
    const store = openStoreForCore(paths.database, reserve, {
      backupDir: path.join(paths.home, 'backups'),
      usedBefore,
      lockWaitMs: opts.storeLockWaitMs,
      log: opts.log ?? ((m) => console.error(m)),
    });
    const db = store.db;
    cleanup.push(() => store.close());
    const sessions = new SessionRepository(db);
    const redactor = new Redactor(settings.current().redactionPatterns);
    const requests = new RequestRepository(db, redactor);
    const audit = new AuditRepository(db);
    const recordings = new Recordings({
      db,
      dbFile: paths.database,
      sessions,
      redactor,
      retention: () => settings.current().retention,
      onError,
    });
    // Closed before the database: recorders flush what they hold.
    cleanup.push(() => recordings.close());
    const assess = opts.assess ?? (await defaultAssess(paths, opts.env ?? process.env));
    // A snapshot before each allowed command not proven read-only, what it changed, undo (undo/).
    const undoing = startUndo({
      home: paths.home,
      settings: () => settings.current(),
      events,
      audit,
      sessionKept: (id) => sessions.get(id) !== null,
      mark: (sessionId, label, requestId) => streams?.mark(sessionId, label, requestId, 'allow'),
      onError,
    });
    if (undoing) cleanup.push(() => undoing.stop());
    // "Run it safer": the safer form a held command is shown with, and the person's choice of it (safer/).
    const safer = new SaferService({
      read: await loadShellParser(),
      assess,
      takesRewrite: (r) => isAgentId(r.agent) && agentPlugin(r.agent).takesRewrite?.(r) === true,
      undo: undoing?.service ?? null,
    });
    // The broker asks the policy only once requests arrive, after everything below exists.
    const branches = new GitBranches();
    const broker = new Broker({
      requests,
      events,
      holdTimeoutMs: settings.current().holdTimeoutMs,
      policy: opts.policy ?? ((r) => policy.decide(r)),
      assess,
      branchOf: (cwd) => branches.branchOf(cwd),
      onError: opts.onError,
      onStoreTrouble: (message) => storeHealth.failed(message),
      snapshots: undoing?.service,
      saferOf: (r) => safer.offer(r),
    });
    // Whether decisions can be recorded, for the reviewer (a banner) and `status`: a lock as long as it lasts, a failed
    // write for 30 s after it.
    const storeHealth = new StoreHealth({
      lasting: () => guardOf(db)?.problem?.message ?? null,
      changed: (problem) => events.publish({ type: 'store.health', problem }),
    });
    broker.abandonOrphans();
    // What acts on a setting without asking for it each time is told of every change.
    settings.subscribe(({ settings: now, previous }) => {
      broker.setHoldTimeout(now.holdTimeoutMs);
      // A redaction pattern saved in Settings applies at once, to what is recorded (the recording thread too, running
      // recordings included) and stored from now on.
      if (JSON.stringify(now.redactionPatterns) !== JSON.stringify(previous.redactionPatterns))
        recordings.setRedactionPatterns(now.redactionPatterns);
    });
    // Expiries and trust count in one steady time: the wall clock, never going back within this process.
    const steady = new SteadyClock();
    const rules = new RuleService({
      repository: new RuleRepository(db),
      clock: steady,
      events,
      onError: opts.onError,
      // A project rule holds in every checkout of its repository (decision 0062).
      repositoryOf: new Checkouts({ home: opts.userHome ?? os.homedir() }).repositoryOf,
    });
    cleanup.push(() => rules.dispose());
    const trust = new TrustMode({ clock: steady, audit, events });
    const log = opts.log ?? ((m: string) => console.error(m));
    const { alarm, watch } = tamperDetection(
      audit,
      events,
      broker,
      (id) => sessions.get(id)?.endedAt === null,
      log,
      onError,
    );
    // The policy asks the settings at each decision (auto-allow), and the rule set as it is (rules/service.ts).
    const policy = new GatePolicy({
      rules,
      trust,
      autoAllowLowRisk: () => settings.current().autoAllowLowRisk,
      tamperedSince: alarm.tamperedSince,
      // Asked only once requests arrive, after the pty host below exists.
      typingTrust: (sessionId) => terminals.typingTrust(sessionId),
    });
    reconsiderWhenPolicyChanges(events, broker);

    // Where terminal streams and interception markers go: the core's recordings unless a test brings its own.
    const streams = opts.recordings === undefined ? recordings : opts.recordings;
    if (streams) cleanup.push(markInterceptions(events, streams));
    // Where /proc exists (Linux), the processes sessions run under are kept, and decisions from below them refused.
    const proc = process.platform === 'linux' ? linuxProc : null;
    const roots = new SessionRoots(proc, proc ? ancestry(proc, process.pid).map((p) => p.pid) : []);
    // Which sessions' hooks have reached the gate (the gate notes it; the agent-status list reads it).
    const liveness = new GateLiveness();
    const sessionService = new SessionService({
      sessions,
      events,
      holdTimeoutMs: () => settings.current().holdTimeoutMs,
      gateSocket: () => paths.gateSocket,
      recordings: streams,
      log,
      onError,
      roots,
    });
    // Sessions an earlier core left running whose client is gone; the others wait for their client (`resumeSession`).
    sessionService.endOrphans();
    // What happened after each allow: the agents' post-tool hooks and the hosted shells' marks report it; a command
    // never reported is called not run when its turn or its session ends, or after OUTCOME_WAIT_MS (swept each minute).
    const outcomes = new OutcomeService({
      requests,
      events,
      sessionRunning: (id) => sessions.get(id)?.endedAt === null,
      onError,
    });
    // Rules for an agent's own settings a person approved with a command, on their way through its hooks.
    const nativeRules = new NativeRuleGrants();
    events.subscribe((e) => {
      if (e.type === 'session.ended') {
        outcomes.sessionEnded(e.session.id);
        nativeRules.sessionEnded(e.session.id);
      }
    });
    outcomes.start();
    cleanup.push(() => outcomes.stop());
    // Runs after the pty host has ended its sessions: their recordings are flushed last.
    cleanup.push(() => sessionService.close());
    const terminals = new PtyHost({
      sessions: sessionService,
      events,
      env: opts.env ?? process.env,
      hookClientPath: opts.hookClientPath ?? '',
      protectHookFiles: (sessionId, files) => watch.protectFiles(sessionId, files),
      commandEnded: (c, output) => outcomes.shellCommand(c, output),
      onError,
    });
    cleanup.push(() => terminals.close());

    const startedAt = new Date().toISOString();
    // Each held request keeps its hook's connection: running out of descriptors is said before it bites.
    const descriptors = new DescriptorWatch({ held: () => broker.heldCount(), log });
    const baseStatus = () => ({
      version: VERSION,
      pid: process.pid,
      home: paths.home,
      gateSocket: paths.gateSocket,
      controlSocket: paths.controlSocket,
      startedAt,
    });
    // Retention, audit retention and vacuum: started once the sockets are open, in slices (upkeep/).
    const upkeep = new Upkeep({
      recordings,
      audit,
      space: new StoreSpace(db, paths.database),
      databaseFile: paths.database,
      // Asked at each pass: the next pass uses a retention saved since.
      settings: () => settings.current(),
      onError,
    });
    const browserUi = new BrowserUi(paths.uiTokenFile);
    const handlers = registerControlHandlers({
      storage: upkeep,
      broker,
      sessions,
      requests,
      settings,
      events,
      sessionService,
      terminals,
      recordings,
      status: baseStatus,
      descriptors: () => descriptors.check(),
      storeHealth: () => storeHealth.current(),
      rules,
      policy,
      trust,
      audit,
      alarm,
      watch,
      userHome: opts.userHome ?? os.homedir(),
      now: () => steady.now(),
      browserUi,
      installs: installService({
        paths,
        settings,
        audit,
        env: opts.env ?? process.env,
        hookClientPath: opts.hookClientPath,
      }),
      coreEnv: opts.env ?? process.env,
      undo: undoing?.service,
      safer,
      nativeRules,
      agents: new AgentStatus({
        sessions,
        roots,
        liveness,
        proc: proc ? linuxProcTable : null,
        platform: process.platform,
      }),
    });
    const connect: ConnectionFactory = (client, id) => registerConnectionHandlers({ events, terminals }, client, id);

    // We hold the lock, so a socket file still there belongs to a core that died.
    removeStaleSocket(paths.gateSocket);
    removeStaleSocket(paths.controlSocket);
    const judgeFileChange = opts.judgeFileChange ?? createFileChangeJudge(riskOptions(paths, opts.env ?? process.env));
    const installed = new InstalledSessions({
      proc,
      lookupPeer: (socket) => lookupPeer(socket),
      refused: new Set([0, 1, ...(proc ? ancestry(proc, process.pid).map((p) => p.pid) : [])]),
      knowledge: sessionKnowledge(sessions, roots),
      sessions,
      service: sessionService,
      installedFile: (agent) => handlers.agentInstalls({}).find((s) => s.agent === agent && s.installed)?.file ?? null,
      onError,
    });
    installed.start();
    cleanup.push(() => installed.stop());
    const gate = new GateServer({
      broker,
      outcomes,
      reportsShellOutcomes: (id) => terminals.hostsShell(id),
      events,
      sessions,
      judgeFileChange,
      typedLine: (sessionId, key) => terminals.typedLine(sessionId, key),
      installed,
      liveness,
      nativeRules,
      onError: opts.onError,
    });
    await gate.listen(paths.gateSocket);
    cleanup.push(() => gate.close());
    const guardDeps = proc
      ? {
          proc,
          sessions: sessionKnowledge(sessions, roots),
          coreNamespace: proc.pidNamespace('self'),
          setRootProcesses: (id: string, pids: readonly number[]) => sessionService.setRootProcesses(id, pids),
          audit,
          now: Date.now,
        }
      : null;
    const guard = guardDeps ? new AgentGuard({ ...guardDeps, lookup: (socket) => lookupPeer(socket) }) : null;
    // Browser mode's token is a file an unsandboxed agent can read: its WebSocket is judged by its peer too.
    const pageGuard = guardDeps ? new AgentGuard({ ...guardDeps, lookup: (socket) => lookupTcpPeer(socket) }) : null;
    const control = new ControlServer(handlers, connect, ensureAdminToken(paths.adminTokenFile), guard);
    await control.listen(paths.controlSocket);
    cleanup.push(() => control.close());
    if (process.platform !== 'win32') {
      // The runtime directory may have gone with the socket: it is made again, private, before listening there.
      const retake = (server: { retake(p: string): Promise<void> }, socketPath: string) => async () => {
        ensurePrivateDir(paths.runtimeDir);
        await server.retake(socketPath);
      };
      watch.guardSocket({ what: 'gate-socket', path: paths.gateSocket, retake: retake(gate, paths.gateSocket) });
      watch.guardSocket({
        what: 'control-socket',
        path: paths.controlSocket,
        retake: retake(control, paths.controlSocket),
      });
      watch.start();
    }
    // Runs before the sockets close: the core closing its own sockets is no tampering.
    cleanup.push(() => watch.dispose());
    if (opts.ui) {
      // The port and token stay the same from one start to the next (settings' uiPort, ui.token), so a URL keeps working.
      await browserUi.start({
        assets: new RendererAssets(opts.ui.rendererDir),
        port: opts.ui.port ?? settings.current().uiPort,
        token: opts.ui.token,
        // A page starts no `gatehouse run` session, so its peer never becomes a session's root process.
        serve: (channel, socket) => {
          if (!pageGuard) return serveControl(handlers, connect, channel);
          const guarded = pageGuard.forConnection(handlers, socket);
          return serveControl(
            { ...guarded.handlers, startSession: handlers.startSession },
            connect,
            channel,
            guarded.admit,
          );
        },
      });
      cleanup.push(() => browserUi.close());
    }
    // Runs first on close: every held agent is answered (denied, with the reason) before the sockets go. Then nobody is
    // told any more of what closing does (sessions ending with their terminals).
    cleanup.push(() => {
      broker.close();
      events.close();
    });
    // Trust mode never outlives the core; its end is in the audit trail.
    cleanup.push(() => trust.dispose());
    lock.publish({ gateSocket: paths.gateSocket, controlSocket: paths.controlSocket });
    descriptors.start();
    cleanup.push(() => descriptors.stop());
    storeHealth.start();
    cleanup.push(() => storeHealth.stop());
    // Stopped before the database closes (cleanup runs last-in first): a pass ends at its next step.
    cleanup.push(() => upkeep.close());
    upkeep.start();

    let closing: Promise<void> | null = null;
    return {
      paths,
      broker,
      events,
      rules,
      trust,
      uiUrl: browserUi.url,
      browserUi,
      terminals,
      recordings,
      upkeep,
      status: () => handlers.status(),
      serve: (channel) => serveControl(handlers, connect, channel),
      close: () => (closing ??= undo()),
    };
  } catch (err) {
    await undo();
    throw err;
  }
}

async function defaultAssess(paths: CorePaths, env: NodeJS.ProcessEnv): Promise<Assess> {
  const engine = await createRiskEngine(riskOptions(paths, env));
  return (command, cwd) => engine.assess(command, cwd);
}

/**
 * What the risk engine and the file tools' judge protect beyond the agents' usual places: this core's own files (its
 * data directory, with database, tokens and settings, and its socket directory), and the agents' configuration
 * directories where the environment moves them (`CLAUDE_CONFIG_DIR`, `CODEX_HOME`).
 */
function riskOptions(paths: CorePaths, env: NodeJS.ProcessEnv): ContextOptions {
  return { protectedPaths: [paths.home, paths.runtimeDir], agentDirs: agentDirsFrom(env) };
}

/**
 * Held requests are asked again whenever what the policy reads may now allow more: a rule added or changed (one
 * learned from an approval decides the other requests it covers), trust mode started, settings saved (auto-allow of
 * low risk), a hosted shell's typing trust changed. The bus delivers the decisions this makes after the event that
 * caused them. (The tamper alarm asks itself once acknowledged.)
 */
function reconsiderWhenPolicyChanges(events: Subscribable, broker: Broker): void {
  const changes = new Set<CoreEvent['type']>(['rules.changed', 'trust.started', 'settings.changed', 'terminal.typing']);
  events.subscribe((e) => {
    if (changes.has(e.type)) broker.reconsider();
  });
}

function removeStaleSocket(socketPath: string): void {
  if (process.platform !== 'win32') fs.rmSync(socketPath, { force: true });
}

/**
 * The alarm (audit entry, event, lock) and the watch that raises it. The sessions running when it is raised are the
 * ones this core started and has not seen end.
 */
function tamperDetection(
  audit: AuditRepository,
  events: EventBus<CoreEvent>,
  broker: Broker,
  sessionRunning: (sessionId: string) => boolean,
  log: (message: string) => void,
  onError: (err: unknown) => void,
): { alarm: TamperAlarm; watch: TamperWatch } {
  const running = new Set<string>();
  const alarm = new TamperAlarm({
    audit,
    emit: (e) => events.publish(e),
    runningSessions: () => [...running],
    reconsider: () => broker.reconsider(),
    log,
  });
  const watch = new TamperWatch({ raise: (r) => alarm.raise(r), sessionRunning, onError });
  events.subscribe((e) => {
    if (e.type === 'session.started') running.add(e.session.id);
    if (e.type === 'session.ended') {
      running.delete(e.session.id);
      watch.forgetSession(e.session.id);
    }
  });
  return { alarm, watch };
}
