// The CLI's command table and dispatcher.
import { ApiError } from '../../../shared/api.ts';
import { DEFAULT_UI_PORT } from '../../../shared/settings.ts';
import { AGENT_IDS } from '../agents/registry.ts';
import { VERSION } from '../version.ts';
import { auditCommand } from './audit.ts';
import { CliError, type CliContext } from './context.ts';
import { daemonCommand } from './daemon.ts';
import { desktopCoreCommand } from './desktop-core.ts';
import { DESKTOP_CORE_COMMAND } from '../../../shared/desktop.ts';
import { doctorCommand } from './doctor.ts';
import { decideCommand, eventsCommand, pendingCommand, sessionsCommand } from './queries.ts';
import { statusCommand } from './status.ts';
import { exportCommand, importCommand, searchCommand } from './recordings.ts';
import { rulesCommand } from './rules.ts';
import { runCommand } from './run.ts';
import { installCommand, uninstallCommand } from './install.ts';
import { tamperCommand } from './tamper.ts';
import { trustCommand } from './trust.ts';
import { uiCommand } from './ui.ts';
import { scoreCommand } from './score.ts';
import { snapshotsCommand, undoCommand } from './undo.ts';

export const HELP = `Gatehouse ${VERSION}: every shell command your coding agent wants to run waits for your decision.

Usage:
  gatehouse daemon [--hold-timeout 10m] [--ui [--port N] [--open]]
                                               run the core in the foreground; --ui also serves
                                               the reviewer UI on 127.0.0.1 (port ${DEFAULT_UI_PORT} unless
                                               Settings say otherwise; --port 0: any free port)
  gatehouse ui [--rotate-token] [--no-open]    print the reviewer UI's URL and open it in your browser;
                                               it stays the same across restarts until --rotate-token
  gatehouse run [--agent ${AGENT_IDS.join('|')}] -- <agent> [args…]
                                               start an agent here, wired to the core
  gatehouse install <agent> [--yes]            wire the agent's own user settings to Gatehouse, so
                                               a plain \`claude\` or \`codex\` is guarded too (shows
                                               the changes and asks first; keeps a backup)
  gatehouse uninstall <agent>                  put the agent's settings back as they were
  gatehouse pending [--json]                   commands waiting for a decision
  gatehouse decide <id> allow|deny [--reason TEXT] [--remember [<kind>:<pattern>]]
                                               --remember alone keeps the rule Gatehouse suggests
  gatehouse decide <id> allow --safer          run the command's safer form instead (\`pending\` shows it)
  gatehouse rules add|list|rm|edit|test|backtest|import|export   see \`gatehouse rules help\`
  gatehouse trust 15m|off|status               let commands below high risk through for a while
  gatehouse tamper [status]                    what was done to the gate socket or hook settings
  gatehouse tamper ack [--note TEXT]           shows it, then lets rules, trust and auto-allow decide again
  gatehouse audit verify|list                  the hash-chained record of decisions and rule changes
  gatehouse undo <request> [--yes]             what undoing an allowed command would restore; --yes does it
  gatehouse snapshots [list|prune|trash|untrash <undo>]
                                               the snapshots kept for undo, and Gatehouse's trash
  gatehouse sessions [--json]                  agent sessions, newest first
  gatehouse status [--json]                    running agents: protected, gate not live, or unprotected
  gatehouse sessions rm <session>              delete an ended session and all of its recording
  gatehouse export <session> --format asciicast [--v3] [-o FILE]
                                               a recording as asciicast (stdout without -o)
  gatehouse import <file.cast>                 view an asciicast recording in Gatehouse
  gatehouse search <words…> [--session ID]     find words in every recording
  gatehouse events                             stream core events as JSON lines
  gatehouse doctor [--json] [--cwd DIR]        check agents, hooks, sockets, and the agents' settings for DIR
  gatehouse score [--json] [--cwd DIR] <command>
                                               how risky a command is, and why
  gatehouse score --jsonl                      stdin lines {"cmd","cwd"?} ⇒ stdout lines
                                               {"cmd","score","level","categories","reasons"}

GATEHOUSE_HOME selects the data directory (default: the platform's app-data folder).`;

type Command = (ctx: CliContext, argv: string[], signal: AbortSignal) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  daemon: daemonCommand,
  run: runCommand,
  install: installCommand,
  uninstall: uninstallCommand,
  pending: pendingCommand,
  decide: decideCommand,
  sessions: sessionsCommand,
  status: statusCommand,
  events: eventsCommand,
  export: exportCommand,
  import: importCommand,
  search: searchCommand,
  doctor: doctorCommand,
  rules: rulesCommand,
  trust: trustCommand,
  ui: uiCommand,
  tamper: tamperCommand,
  audit: auditCommand,
  score: scoreCommand,
  undo: undoCommand,
  snapshots: snapshotsCommand,
  [DESKTOP_CORE_COMMAND]: desktopCoreCommand,
};

export async function dispatch(ctx: CliContext, argv: string[], signal: AbortSignal): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    ctx.out(HELP);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === 'version') {
    ctx.out(VERSION);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    ctx.err(`gatehouse: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  try {
    return await command(ctx, rest, signal);
  } catch (err) {
    if (err instanceof CliError) {
      ctx.err(`gatehouse: ${err.message}`);
      return err.exitCode;
    }
    if (err instanceof ApiError) {
      ctx.err(`gatehouse: ${err.message}`);
      return 1;
    }
    // parseArgs reports unknown or malformed options with these codes.
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('ERR_PARSE_ARGS')) {
      ctx.err(`gatehouse ${name}: ${(err as Error).message}`);
      return 2;
    }
    throw err;
  }
}
