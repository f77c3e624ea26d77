// gatehouse status [--json]: which running agents are protected (a live session whose gate is live), whose gate is
// not live, and which agents run unprotected (started outside Gatehouse), one line each, the worrying ones first.
import { parseArgs } from 'node:util';
import { agentCounts, STATE_LABEL, type AgentStatusReport } from '../../../shared/agent-status.ts';
import { withCore, type CliContext } from './context.ts';

/** The lines `gatehouse status` prints: a summary, then one line per running agent, then what the scan could not do. */
export function statusLines(report: AgentStatusReport): string[] {
  const lines = [`Running agents: ${agentCounts(report)}`];
  for (const a of report.agents) {
    const where = [
      a.sessionId ? `session ${a.sessionId}` : null,
      a.pid !== null ? `pid ${a.pid}` : null,
      a.cwd ? `in ${a.cwd}` : null,
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(`  ${STATE_LABEL[a.state].padEnd(14)} ${a.agent.padEnd(7)} ${where}`);
    lines.push(`  ${''.padEnd(14)} ${a.detail}`);
  }
  if (report.note) lines.push(report.note);
  return lines;
}

export async function statusCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, strict: true });
  const report = await withCore(ctx, (c) => c.api.agentStatus());
  if (values.json) ctx.out(JSON.stringify(report, null, 2));
  else ctx.out(statusLines(report).join('\n'));
  return 0;
}
