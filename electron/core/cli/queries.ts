// gatehouse pending | decide | sessions | events: the control API from a terminal.
import { parseArgs } from 'node:util';
import { ApiError } from '../../../shared/api.ts';
import { DecisionSchema, type GateRequest, type Session } from '../../../shared/domain.ts';
import { formatScope } from '../../../shared/rules.ts';
import { CliError, connect, withCore, type CliContext } from './context.ts';
import { refuseInsideSession } from './inside-session.ts';
import { removeSessionCommand } from './recordings.ts';
import { specFromArgs } from './rules.ts';
import { commandLines, displayFields, shownText } from './shown.ts';

/**
 * The JSON shape `gatehouse pending --json` promises (README, "CLI"): `command` exactly as it runs, `display` as a
 * person should see it, `hidden` what it would hide (empty for almost every command).
 */
function pendingJson(r: GateRequest) {
  return {
    id: r.id,
    sessionId: r.sessionId,
    agent: r.agent,
    command: r.command,
    ...displayFields(r.command),
    cwd: r.cwd,
    risk: r.risk,
    safer: r.safer ?? null,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
  };
}

export async function pendingCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, strict: true });
  const pending = await withCore(ctx, (c) => c.api.listPending());
  if (values.json) {
    ctx.out(JSON.stringify(pending.map(pendingJson), null, 2));
    return 0;
  }
  if (pending.length === 0) {
    ctx.out('Nothing is waiting for a decision.');
    return 0;
  }
  for (const r of pending) {
    const left = r.expiresAt ? Math.max(0, Math.round((Date.parse(r.expiresAt) - Date.now()) / 1000)) : null;
    ctx.out(
      `${r.id}  ${r.agent}  ${shownText(r.cwd)}${left === null ? '' : `  (denied in ${left}s unless decided)`}\n${commandLines(r.command, '    ')}`,
    );
    if (r.safer)
      ctx.out(
        `  run it safer (gatehouse decide ${r.id} allow --safer):\n${commandLines(r.safer.command, '    ')}\n    ${shownText(r.safer.explanation)}`,
      );
  }
  ctx.out(`\nDecide with: gatehouse decide <id> allow|deny [--reason TEXT] [--safer]`);
  return 0;
}

/** `--remember` takes an optional value: alone (or before another option) it means the suggested rule. */
function optionalRemember(argv: string[]): string[] {
  return argv.map((a, i) =>
    a === '--remember' && (i === argv.length - 1 || argv[i + 1]?.startsWith('-')) ? '--remember=' : a,
  );
}

const DECIDE_USAGE =
  'usage: gatehouse decide <id> allow|deny [--reason TEXT] [--remember [<kind>:<pattern>]] | <id> allow --safer';

export async function decideCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: optionalRemember(argv),
    options: {
      reason: { type: 'string' },
      remember: { type: 'string' },
      json: { type: 'boolean' },
      safer: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [id, verb, ...extra] = positionals;
  const decision = DecisionSchema.safeParse(verb);
  if (!id || !decision.success) throw new CliError(DECIDE_USAGE, 2);
  // `--remember prefix:npm run test` leaves the pattern's other words as positionals.
  const remember =
    values.remember === undefined
      ? undefined
      : values.remember === ''
        ? true
        : specFromArgs([values.remember, ...extra]);
  if (extra.length > 0 && (remember === undefined || remember === true)) throw new CliError(DECIDE_USAGE, 2);
  refuseInsideSession(ctx, 'decide a held command');
  try {
    const r = await withCore(ctx, (c) =>
      c.api.decide({ id, decision: decision.data, reason: values.reason, via: 'cli', remember, safer: values.safer }),
    );
    if (values.json) ctx.out(JSON.stringify(r, null, 2));
    else {
      ctx.out(`${r.id}: ${r.status}${r.decision?.reason ? ` — ${r.decision.reason}` : ''}`);
      if (r.decision?.updatedCommand) ctx.out(`ran instead:\n${commandLines(r.decision.updatedCommand, '    ')}`);
      for (const rule of r.remembered ?? [])
        ctx.out(`remembered ${rule.id}: allow ${rule.kind}:${rule.pattern} (${formatScope(rule.scope)})`);
      if (remember && !r.remembered?.length)
        ctx.out(`nothing remembered${r.rememberNotes?.length ? `: ${r.rememberNotes.join('; ')}` : ''}`);
    }
    return 0;
  } catch (err) {
    if (err instanceof ApiError && err.code !== 'internal') throw new CliError(err.message);
    throw err;
  }
}

function sessionLine(s: Session): string {
  const state = s.endedAt ? `ended ${s.endedAt} (exit ${s.exitCode ?? '?'})` : 'running';
  return `${s.id}  ${s.agent}  ${s.startedAt}  ${state}\n    ${shownText(s.cwd)}  $ ${shownText(s.argv.join(' '))}`;
}

export async function sessionsCommand(ctx: CliContext, argv: string[]): Promise<number> {
  if (argv[0] === 'rm') return removeSessionCommand(ctx, argv.slice(1));
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, strict: true });
  const sessions = await withCore(ctx, (c) => c.api.listSessions());
  if (values.json) ctx.out(JSON.stringify(sessions, null, 2));
  else
    ctx.out(
      sessions.length
        ? sessions.map(sessionLine).join('\n')
        : 'No sessions yet. Start one with `gatehouse run -- claude`.',
    );
  return 0;
}

/** Streams core events as JSON lines until the core goes away or the user stops it. */
export async function eventsCommand(ctx: CliContext, argv: string[]): Promise<number> {
  parseArgs({ args: argv, options: { json: { type: 'boolean' } }, strict: true });
  const client = await connect(ctx);
  await client.events((event) => ctx.out(JSON.stringify(event)));
  await client.closed;
  throw new CliError('the Gatehouse core stopped');
}
