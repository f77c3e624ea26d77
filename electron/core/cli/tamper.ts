// gatehouse tamper [status] | tamper ack [--note TEXT]: what was tampered with, and the acknowledgement that lets
// rules, trust mode and auto-allow decide again.
import { parseArgs } from 'node:util';
import type { TamperStatus } from '../../../shared/tamper.ts';
import { CliError, withCore, type CliContext } from './context.ts';

const USAGE = 'usage: gatehouse tamper [status] [--json] | gatehouse tamper ack [--note TEXT] [--json]';

/** What happened, one paragraph per report, for a person deciding whether to go on. */
export function tamperText(s: TamperStatus): string {
  if (!s.locked)
    return 'Nothing has been tampered with since the last acknowledgement: rules, trust mode and auto-allow decide as usual.';
  const lines = [
    `Gatehouse's gate was tampered with ${s.count === 1 ? 'once' : `${s.count} times`} since ${s.since}. Until this is acknowledged, every command is held for you.`,
  ];
  if (s.count > s.reports.length) lines.push(`(the ${s.reports.length} most recent reports are shown)`);
  for (const r of s.reports) {
    lines.push('', `${r.at}  ${r.what}  ${r.path}`, `  ${r.detail}`, `  ${r.response}`);
    if (r.sessionIds.length > 0) lines.push(`  sessions running then: ${r.sessionIds.join(', ')}`);
  }
  return lines.join('\n');
}

export async function tamperCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean' }, note: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [what, ...extra] = positionals;
  if (extra.length > 0) throw new CliError(USAGE, 2);
  if (what === undefined || what === 'status') {
    if (values.note !== undefined) throw new CliError(`--note goes with ack\n${USAGE}`, 2);
    const status = await withCore(ctx, (c) => c.api.tamperStatus());
    ctx.out(values.json ? JSON.stringify(status, null, 2) : tamperText(status));
    return 0;
  }
  if (what !== 'ack') throw new CliError(USAGE, 2);
  const seen = await withCore(ctx, (c) => c.api.acknowledgeTamper({ note: values.note, via: 'cli' }));
  if (values.json) ctx.out(JSON.stringify(seen, null, 2));
  else if (!seen.locked)
    ctx.out('Nothing to acknowledge: nothing has been tampered with since the last acknowledgement.');
  else {
    ctx.out(tamperText(seen));
    ctx.out(
      '\nAcknowledged: rules, trust mode and auto-allow decide again. Check the sessions above (`gatehouse sessions`, the recordings) before you trust them.',
    );
  }
  return 0;
}
