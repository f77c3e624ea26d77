// gatehouse daemon: the core in the foreground, logging what it holds and decides; with --ui, browser mode on its
// steady URL (and with --open, a browser on it).
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CoreEvent } from '../../../shared/domain.ts';
import { formatDuration, parseDuration } from '../../../shared/duration.ts';
import { outcomePhrase } from '../../../shared/outcome.ts';
import { MAX_HOLD_TIMEOUT_MS, MIN_HOLD_TIMEOUT_MS } from '../../../shared/settings.ts';
import { TYPING_TRUST_WORDS } from '../../../shared/typing-trust.ts';
import { shellQuote } from '../agents/hook-command.ts';
import { findExecutable } from '../agents/which.ts';
import { startCore, type RunningCore } from '../core.ts';
import { keepServing } from '../last-resort.ts';
import { CoreAlreadyRunningError } from '../lock.ts';
import { resolveHome } from '../paths.ts';
import { SettingsError } from '../settings/file.ts';
import { StoreUnavailableError } from '../store/failures.ts';
import { CliError, type CliContext } from './context.ts';
import { openBrowser } from './open-browser.ts';
import { commandLines } from './shown.ts';

function describe(e: CoreEvent): string {
  switch (e.type) {
    case 'request.held':
      return `held     ${e.request.id}  [${e.request.agent}] ${commandLines(e.request.command, '', '')}`;
    case 'request.decided':
      return `${e.request.status.padEnd(9)}${e.request.id}  by ${e.request.decision?.decidedBy ?? '?'}${e.request.decision?.reason ? `: ${e.request.decision.reason}` : ''}`;
    case 'request.outcome':
      return `outcome  ${e.request.id}  ${e.request.outcome ? outcomePhrase(e.request.outcome) : '?'}`;
    case 'request.changes':
      return `changes  ${e.snapshot.requestId}  ${e.snapshot.undoneBy ? `undone by ${e.snapshot.undoneBy}` : (e.snapshot.changes?.summary ?? '')}`;
    case 'session.started':
      return `session  ${e.session.id} started: ${e.session.agent} in ${e.session.cwd}`;
    case 'store.health':
      return e.problem ? `store    ${e.problem}` : 'store    records decisions again';
    case 'session.protections':
      return `session  ${e.session.id} guarded by: ${(e.session.protections ?? []).map((p) => `${p.layer} ${p.state}`).join(', ')}`;
    case 'session.ended':
      return `session  ${e.session.id} ended (exit ${e.session.exitCode ?? '?'})`;
    case 'agent.notification':
      return `notice   ${e.sessionId} ${e.event}${e.message ? `: ${e.message}` : ''}`;
    case 'rules.changed':
      return `rules    ${e.change}: ${e.ruleIds.join(', ')}`;
    case 'trust.started':
      return `trust    on until ${e.endsAt}: commands below high risk are let through`;
    case 'trust.ended':
      return `trust    off (${e.why})`;
    case 'settings.changed':
      return `settings changed: hold timeout ${formatDuration(e.settings.holdTimeoutMs)}, auto-allow low risk ${e.settings.autoAllowLowRisk ? 'on' : 'off'}, theme ${e.settings.theme}`;
    case 'gate.tampered':
      return `TAMPER   ${e.report.detail} ${e.report.response} Every command is held until \`gatehouse tamper ack\`.`;
    case 'gate.tamper-acknowledged':
      return 'tamper   acknowledged: rules, trust mode and auto-allow decide again';
    case 'terminal.typing':
      return `terminal ${e.sessionId}: ${TYPING_TRUST_WORDS[e.typingTrust].effect}`;
  }
}

/** 0 asks for any free port (tests, scripts): the URL then changes at every start. */
function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 0 && port <= 65535))
    throw new CliError(`--port takes a port number between 1 and 65535 (or 0 for any free one), not "${text}"`, 2);
  return port;
}

/** Said when the UI's port is taken: which port, and the two ways to choose another. */
function portInUse(port: number | undefined, home: string): string {
  const which = port === undefined ? 'the browser UI port' : `port ${port}`;
  return (
    `${which} is in use on 127.0.0.1 (by another program, or another Gatehouse core). ` +
    `Choose another for this start with \`gatehouse daemon --ui --port N\`, or for every start with "uiPort": N in ` +
    `${home}/settings.json (or Settings → Browser mode).`
  );
}

/** A page that reconnects by itself (it retries every second or two) is given this long before a browser is opened. */
const OPEN_AFTER_MS = 2500;

/**
 * How to type this CLI in another terminal: `gatehouse` once it is on PATH (`npm link`), else this very program by its
 * path (`npm run daemon` runs it from the Gatehouse folder, where nothing puts `gatehouse` on PATH).
 */
function cliAsTyped(env: NodeJS.ProcessEnv): string {
  const bin = process.argv[1];
  if (findExecutable('gatehouse', env) || !bin || !/gatehouse(\.mjs)?$/.test(bin)) return 'gatehouse';
  const file = path.resolve(bin);
  return /^[\w@%+=:,./-]+$/.test(file) ? file : shellQuote(file);
}

/** `--open`: the browser on the UI, unless a page left open from the last start has come back by itself. */
async function openUnlessReconnected(ctx: CliContext, core: RunningCore): Promise<void> {
  const url = core.uiUrl;
  if (!url || core.browserUi.connections > 0) return;
  const notOpened = await openBrowser(url, ctx.env);
  if (notOpened) ctx.err(`gatehouse: not opening a browser (${notOpened}); open the ui: URL above yourself.`);
}

export async function daemonCommand(ctx: CliContext, argv: string[], signal: AbortSignal): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'hold-timeout': { type: 'string' },
      ui: { type: 'boolean' },
      port: { type: 'string' },
      open: { type: 'boolean' },
    },
    strict: true,
  });
  let holdTimeoutMs: number | undefined;
  if (values['hold-timeout'] !== undefined) {
    const ms = parseDuration(values['hold-timeout']);
    if (ms === null || ms < MIN_HOLD_TIMEOUT_MS || ms > MAX_HOLD_TIMEOUT_MS) {
      throw new CliError(
        `--hold-timeout takes a duration between 1s and 24h (for example 90s, 10m), not "${values['hold-timeout']}"`,
        2,
      );
    }
    holdTimeoutMs = ms;
  }
  // Left out: the settings' uiPort, the same at every start.
  const port = values.port === undefined ? undefined : parsePort(values.port);
  if (values.port !== undefined && !values.ui)
    throw new CliError("--port is the browser UI's port: use it with --ui", 2);
  if (values.open && !values.ui) throw new CliError('--open opens the browser UI: use it with --ui', 2);
  const home = resolveHome(ctx.env);
  const ui = values.ui ? { rendererDir: ctx.rendererDir, port } : undefined;
  let core;
  try {
    core = await startCore({
      home,
      holdTimeoutMs,
      ui,
      hookClientPath: ctx.hookClientPath,
      env: ctx.env,
      onError: (err) => ctx.err(`gatehouse: ${String(err)}`),
      log: ctx.err,
    });
  } catch (err) {
    if (err instanceof CoreAlreadyRunningError || err instanceof SettingsError || err instanceof StoreUnavailableError)
      throw new CliError(err.message);
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new CliError(portInUse(port ?? (err as { port?: number }).port, home));
    if (err instanceof Error && err.message.startsWith('the UI is not built')) throw new CliError(err.message);
    throw err;
  }
  const stopGuard = keepServing(process, ctx.err);
  const status = core.status();
  ctx.out(`Gatehouse ${status.version} core running (pid ${status.pid})`);
  ctx.out(`  data:         ${status.home}`);
  ctx.out(`  gate socket:  ${status.gateSocket}`);
  ctx.out(`  control:      ${status.controlSocket}`);
  ctx.out(`  hold timeout: ${formatDuration(status.holdTimeoutMs)}`);
  if (core.uiUrl) {
    ctx.out(`  ui:           ${core.uiUrl}`);
    if (port !== 0)
      ctx.out('                (the same at every start: bookmark it; `gatehouse ui` prints and opens it)');
  }
  const cli = cliAsTyped(ctx.env);
  ctx.out(
    `Start an agent in another terminal with \`${cli} run -- claude\` (or codex)${cli === 'gatehouse' ? '' : '; `npm link` in the Gatehouse folder makes that `gatehouse`'}. Ctrl-C stops the core; held commands are denied.`,
  );
  const stop = core.events.subscribe((e) => ctx.out(`${new Date().toISOString()}  ${describe(e)}`));
  const opening =
    values.open && core.uiUrl ? setTimeout(() => void openUnlessReconnected(ctx, core), OPEN_AFTER_MS) : null;
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
  if (opening) clearTimeout(opening);
  stop();
  await core.close();
  stopGuard();
  ctx.out('Gatehouse core stopped.');
  return 0;
}
