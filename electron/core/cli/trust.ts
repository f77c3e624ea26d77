// gatehouse trust 15m|off|status: a time-boxed window that lets commands below `high` through.
import { parseArgs } from 'node:util';
import { formatDuration, parseDuration } from '../../../shared/duration.ts';
import { MAX_TRUST_MS, type TrustStatus } from '../../../shared/rules.ts';
import { CliError, withCore, type CliContext } from './context.ts';
import { refuseInsideSession } from './inside-session.ts';

const USAGE = 'usage: gatehouse trust <duration>|off|status [--json]   (for example: gatehouse trust 15m)';

function statusText(s: TrustStatus): string {
  if (!s.active || !s.endsAt) return 'Trust mode is off: every command not decided by a rule waits for you.';
  return `Trust mode is on for ${formatDuration(s.remainingMs)} more (until ${s.endsAt}): commands below high risk run without asking; ${s.floor.join(' and ')} still wait for you. \`gatehouse trust off\` ends it.`;
}

export async function trustCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const [what, ...extra] = positionals;
  if (extra.length > 0) throw new CliError(USAGE, 2);
  let status: TrustStatus;
  if (what === undefined || what === 'status') status = (await withCore(ctx, (c) => c.api.status())).trust;
  else if (what === 'off' || what === 'stop') status = await withCore(ctx, (c) => c.api.stopTrust());
  else {
    const ms = parseDuration(what);
    if (ms === null || ms < 1000 || ms > MAX_TRUST_MS)
      throw new CliError(
        `trust takes a duration from 1s to ${formatDuration(MAX_TRUST_MS)} (for example 15m), not "${what}"`,
        2,
      );
    refuseInsideSession(ctx, 'start trust mode');
    status = await withCore(ctx, (c) => c.api.startTrust({ durationMs: ms }));
  }
  ctx.out(values.json ? JSON.stringify(status, null, 2) : statusText(status));
  return 0;
}
