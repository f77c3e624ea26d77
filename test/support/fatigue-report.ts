// What still reaches the person on the real agent traces after each project's warm-up, grouped by level and by
// the first reason: the worklist for the read-only tables and the suggestions. A developer's report, not a test:
// `node test/support/fatigue-report.ts [--all]`. Reads the traces as data; never runs them.
import { loadAgentTraces, traceSteps } from '../bench/agent-traces.ts';
import { TRACE_WARM_UP } from '../bench/fatigue-traces.ts';
import { benchEngine, review } from '../bench/reviewer.ts';

const lines = loadAgentTraces();
if (!lines) {
  process.stderr.write('fatigue-report: the traces are not there\n');
  process.exit(1);
}
const { steps, projectOf, projectOfLine, repositoryOf } = traceSteps(lines);
const engine = await benchEngine(projectOf);
const denies = (_i: number, risk: { level: string }) => risk.level === 'high' || risk.level === 'critical';
const { outcomes, learned } = review(engine, steps, { autoAllowLowRisk: true, projectOf, repositoryOf, denies });
const seen = new Map<string, number>();
const groups = new Map<string, string[]>();
let after = 0;
let held = 0;
for (const [i, o] of outcomes.entries()) {
  const project = projectOfLine[i] as string;
  const nth = (seen.get(project) ?? 0) + 1;
  seen.set(project, nth);
  if (nth <= TRACE_WARM_UP) continue;
  after += 1;
  if (!o.reachedPerson) continue;
  held += 1;
  const step = steps[i]!;
  const risk = engine.assess(step.command, step.cwd);
  const key = `${risk.level} · ${risk.reasons[0] ?? '(no reason)'}`;
  const list = groups.get(key) ?? [];
  list.push(
    `${step.command.replace(/\s+/g, ' ').slice(0, 140)}\n          => ${(o.suggested ?? ['(denied)']).join(' | ').slice(0, 240)}${process.argv.includes('--notes') && o.notes?.length ? `\n          notes: ${o.notes.join(' / ').slice(0, 400)}` : ''}`,
  );
  groups.set(key, list);
}
process.stdout.write(`held after warm-up: ${held} of ${after} (${(held / after).toFixed(3)})\n\n`);
const all = process.argv.includes('--all');
if (process.argv.includes('--rules'))
  for (const r of learned)
    process.stdout.write(`rule ${r.kind}:${r.pattern} @ ${r.scope.type === 'project' ? r.scope.dir : r.scope.type}\n`);
for (const [key, list] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
  process.stdout.write(`${list.length}  ${key}\n`);
  for (const c of all ? list : list.slice(0, 4)) process.stdout.write(`      ${c}\n`);
}
