// gatehouse score: the risk engine from a terminal, for one command or a stream of them. No core needed.
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { RiskAssessment } from '../../../shared/domain.ts';
import { corePaths, resolveHome } from '../paths.ts';
import { agentDirsFrom, createRiskEngine, type RiskEngine } from '../risk/index.ts';
import { CliError, type CliContext } from './context.ts';
import { commandLines, shownText } from './shown.ts';

const USAGE = 'usage: gatehouse score [--json] [--cwd DIR] <command>   or   gatehouse score --jsonl < lines';

/** One line of `--jsonl` input. */
const LineSchema = z.object({ cmd: z.string(), cwd: z.string().min(1).optional() });

/** Gatehouse's own data and sockets are protected paths wherever the command runs. */
async function engineFor(ctx: CliContext): Promise<RiskEngine> {
  const home = resolveHome(ctx.env);
  return createRiskEngine({
    protectedPaths: [home, corePaths(home, ctx.env).runtimeDir],
    agentDirs: agentDirsFrom(ctx.env),
  });
}

/** The `--jsonl` output shape (README.md, "Use"). */
function lineJson(cmd: string, r: RiskAssessment) {
  return { cmd, score: r.score, level: r.level, categories: r.categories, reasons: r.reasons };
}

function describe(cmd: string, r: RiskAssessment): string {
  const lines = [`${r.level.toUpperCase()} ${r.score}  ${r.categories.join(', ')}`, commandLines(cmd, '')];
  // Reasons and segments quote the command's words: escaped like the command.
  for (const reason of r.reasons) lines.push(`  - ${shownText(reason)}`);
  const segments = r.segments ?? [];
  if (segments.length > 1 || segments.some((s) => s.via.length > 0)) {
    lines.push('each command it runs:');
    for (const s of segments) {
      const via = s.via.length ? `  (via ${shownText(s.via.join(' > '))})` : '';
      lines.push(`  ${String(s.score).padStart(3)} ${s.level.padEnd(8)} ${shownText(s.text)}${via}`);
    }
  }
  return lines.join('\n');
}

export async function scoreCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean' }, jsonl: { type: 'boolean' }, cwd: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.jsonl) {
    if (positionals.length > 0 || values.json) throw new CliError(USAGE, 2);
    return scoreLines(ctx, await engineFor(ctx), values.cwd ? path.resolve(ctx.cwd, values.cwd) : ctx.cwd);
  }
  const command = positionals.join(' ');
  if (!command.trim()) throw new CliError(USAGE, 2);
  const engine = await engineFor(ctx);
  const cwd = values.cwd ? path.resolve(ctx.cwd, values.cwd) : ctx.cwd;
  const result = engine.assess(command, cwd);
  ctx.out(values.json ? JSON.stringify({ cmd: command, ...result }, null, 2) : describe(command, result));
  return 0;
}

/**
 * One output line per input line, in order. A line that is not valid input gets an `error` line
 * (so outputs still pair with inputs) and the exit code becomes 1; blank lines are skipped.
 */
async function scoreLines(ctx: CliContext, engine: RiskEngine, defaultCwd: string): Promise<number> {
  let failed = 0;
  let lineNo = 0;
  for await (const raw of readline.createInterface({ input: ctx.stdin, crlfDelay: Infinity })) {
    lineNo += 1;
    if (!raw.trim()) continue;
    let input: z.infer<typeof LineSchema>;
    try {
      input = LineSchema.parse(JSON.parse(raw));
    } catch (err) {
      failed += 1;
      const why = err instanceof z.ZodError ? 'expected {"cmd": string, "cwd"?: string}' : 'not valid JSON';
      ctx.out(JSON.stringify({ line: lineNo, error: `line ${lineNo}: ${why}` }));
      continue;
    }
    const cwd = input.cwd ? path.resolve(defaultCwd, input.cwd) : defaultCwd;
    ctx.out(JSON.stringify(lineJson(input.cmd, engine.assess(input.cmd, cwd))));
  }
  if (failed) ctx.err(`gatehouse score: ${failed} line${failed === 1 ? '' : 's'} could not be read`);
  return failed ? 1 : 0;
}
