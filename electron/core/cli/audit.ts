// gatehouse audit verify|list: the hash-chained record of every decision and rule change.
import { parseArgs } from 'node:util';
import type { AuditEntry } from '../../../shared/audit.ts';
import { CliError, withCore, type CliContext } from './context.ts';
import { shownText } from './shown.ts';

const USAGE = 'usage: gatehouse audit verify [--json] | gatehouse audit list [--after SEQ] [--limit N] [--json]';

/** One entry a line; commands in its subject or data are escaped like any command the CLI prints (cli/shown.ts). */
function entryLine(e: AuditEntry): string {
  return shownText(
    `${String(e.seq).padStart(6)}  ${e.at}  ${e.kind.padEnd(13)}  ${e.actor}  ${e.subject}  ${JSON.stringify(e.data)}`,
  );
}

export async function auditCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'verify') {
    const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' } }, strict: true });
    const v = await withCore(ctx, (c) => c.api.verifyAudit());
    if (values.json) ctx.out(JSON.stringify(v, null, 2));
    else if (v.ok && v.checkpoint) {
      const cp = v.checkpoint;
      ctx.out(
        `The audit trail is whole from the checkpoint at entry ${cp.throughSeq} (entries up to it, older than ${cp.before}, were removed by audit retention on ${cp.at}): ${v.entries} entries, every link holds.`,
      );
    } else if (v.ok) ctx.out(`The audit trail is whole: ${v.entries} entries, every link holds.`);
    else
      ctx.out(
        `The audit trail is broken at entry ${v.firstBroken?.seq}: ${v.firstBroken?.reason}. Entries before it are intact.`,
      );
    return v.ok ? 0 : 1;
  }
  if (sub === 'list') {
    const { values } = parseArgs({
      args: rest,
      options: { after: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
    });
    const afterSeq = values.after === undefined ? 0 : Number(values.after);
    const limit = values.limit === undefined ? 200 : Number(values.limit);
    if (!Number.isInteger(afterSeq) || afterSeq < 0 || !Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw new CliError(`${USAGE}\n(--after is a sequence number, --limit 1 to 1000)`, 2);
    const entries = await withCore(ctx, (c) => c.api.listAudit({ afterSeq, limit }));
    ctx.out(
      values.json ? JSON.stringify(entries, null, 2) : entries.map(entryLine).join('\n') || 'The audit trail is empty.',
    );
    return 0;
  }
  throw new CliError(USAGE, 2);
}
