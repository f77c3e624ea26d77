// The risk engine: reads a command as the shell will run it, judges each simple command it would
// execute, and says precisely why. The whole command is as risky as its worst segment.
import type { RiskAssessment, RiskSegment } from '../../../shared/domain.ts';
import { showText } from '../../../shared/visible-text.ts';
import { ContextProvider, type RiskContext } from './context.ts';
import type { ParsedCommand, Segment, Word } from './model.ts';
import { classifyPath } from './paths.ts';
import { judge } from './rules/index.ts';
import { bareAssignments, resolveProgram } from './rules/runtime.ts';
import { runsDownloaded } from './rules/code.ts';
import { writtenThenRun } from './rules/written-then-run.ts';
import { endlessSpawningLoop, forkBomb } from './rules/processes.ts';
import { finding, mentionsProduction, programName, type RuleInput } from './rules/util.ts';
import { levelOf, S, type Category, type Finding } from './types.ts';

export type SegmentAssessment = RiskSegment;

export interface CommandAssessment extends RiskAssessment {
  segments: SegmentAssessment[];
}

/** Reasons below this score are noise next to a real concern, unless nothing else is said. */
const REASON_FLOOR = 25;
/** Enough reasons to act on; the rest are in the segments. */
const MAX_REASONS = 4;
/** Secret findings at or above this are reads of the secret itself (below it: metadata, logins, config). */
const SECRET_READ_FLOOR = 50;

export interface RiskEngineOptions {
  /** Reads a command into segments (the shell parser; see risk/index.ts). */
  parse: (command: string) => ParsedCommand;
  context?: ContextProvider;
}

export class RiskEngine {
  private readonly context: ContextProvider;
  private readonly parse: (command: string) => ParsedCommand;

  constructor(opts: RiskEngineOptions) {
    this.context = opts.context ?? new ContextProvider();
    this.parse = opts.parse;
  }

  /** `depth`: how many scripts deep this text is (rules/scripts.ts reads a script a command runs as one more command). */
  assess(command: string, cwd: string, depth = 0): CommandAssessment {
    const parsed = this.parse(command);
    let ctx = this.context.forCwd(cwd);
    const segments: SegmentAssessment[] = [];
    const values = bareAssignments(command);
    const script =
      depth < MAX_SCRIPT_DEPTH ? (text: string, dir: string) => this.assess(text, dir, depth + 1) : undefined;
    for (const seg of parsed.segments) {
      segments.push(assessSegment(seg, ctx, values, this.parse, script));
      // `cd x && rm -rf *`: later commands run where cd went.
      if (seg.via.length === 0 && programName(seg.argv[0]) === 'cd' && seg.argv[1]?.known) {
        const dest = classifyPath(seg.argv[1], ctx).abs;
        if (dest) ctx = this.context.forCwd(dest, cwd);
      } else if (seg.via.length === 0 && programName(seg.argv[0]) === 'cd' && seg.argv.length === 1) {
        ctx = this.context.forCwd(ctx.home, cwd);
      }
    }
    return combine(command, parsed, segments);
  }
}

function assessSegment(
  written: Segment,
  ctx: RiskContext,
  values: ReadonlyMap<string, string>,
  parse: Parse,
  script?: RuleInput['script'],
): SegmentAssessment {
  const { seg, found, runtime } = resolveProgram(written, values);
  const score = judgeSegment(seg, ctx, found, { depth: 0, parse, script }, runtime);
  return summarise(score, found, {
    text: written.text,
    argv: written.argv.map((w) => w.text),
    ...(written.assignments.length
      ? { env: written.assignments.map((a) => /^([A-Za-z_][A-Za-z0-9_]*)/.exec(a)?.[1] ?? a) }
      : {}),
    synthetic: written.synthetic,
    via: written.via,
    ...(written.span ? { span: written.span } : {}),
  });
}

/** Commands judged inside commands (`npx x`, `cmd /c "…"`, `gsudo x`): deep enough for real use, bounded against nesting games. */
const MAX_NESTED_JUDGING = 4;
/** Scripts read inside scripts (a `.sh` that runs another, an npm script that runs `npm run x`): two deep. */
const MAX_SCRIPT_DEPTH = 2;

type Parse = (command: string) => ParsedCommand;

const tooDeep = (label: string): Finding[] => [
  finding('unparsed', S.medium, `${label} runs commands nested too deep to judge`),
];

/** Adds every finding about one segment to `found` (privilege and where it runs included) and returns its score. */
function judgeSegment(
  seg: Segment,
  ctx: RiskContext,
  found: Finding[],
  at: { depth: number; parse: Parse; script?: RuleInput['script'] | undefined },
  runtime = false,
): number {
  const { depth, parse, script } = at;
  const nested = (
    argv: Word[],
    label: string,
    opts: { privileged?: boolean; pipeFrom?: Word[] | null } = {},
  ): Finding[] => {
    if (depth >= MAX_NESTED_JUDGING || argv.length === 0) return tooDeep(label);
    const inner: Finding[] = [];
    const text = argv.map((w) => (/\s/.test(w.text) ? `"${w.text}"` : w.text)).join(' ');
    const pipeFrom = opts.pipeFrom === undefined ? seg.pipeFrom : opts.pipeFrom;
    const innerSeg: Segment = {
      ...seg,
      argv,
      via: [...seg.via, label],
      privileged: opts.privileged === true,
      remote: null,
      redirects: [],
      pipeFrom,
      text,
    };
    // Privilege found inside is its own finding, so the inner findings say everything.
    judgeSegment(innerSeg, ctx, inner, { depth: depth + 1, parse, script });
    return inner;
  };
  const shell = (commandLine: string, label: string): Finding[] => {
    if (depth >= MAX_NESTED_JUDGING) return tooDeep(label);
    const read = parse(commandLine);
    const inner: Finding[] = read.complete
      ? []
      : [
          finding(
            'unparsed',
            S.medium,
            `${label} runs a command Gatehouse could not read all of: ${read.problems.join('; ')}`,
          ),
        ];
    for (const s of read.segments) {
      const innerSeg: Segment = {
        ...s,
        via: [...seg.via, label, ...s.via],
        privileged: seg.privileged || s.privileged,
        remote: seg.remote ?? s.remote,
      };
      judgeSegment(innerSeg, ctx, inner, { depth: depth + 1, parse, script });
    }
    return inner.length ? inner : [finding('read-only', S.none, `${label} runs nothing`)];
  };
  // A program only named at run time has no name to look rules up by; resolveProgram said what there is to say.
  found.push(
    ...judge({
      seg,
      prog: runtime ? '' : programName(seg.argv[0]),
      args: seg.argv.slice(1),
      ctx,
      nested,
      shell,
      script,
    }),
  );
  let score = Math.max(...found.map((f) => f.score));
  if (seg.privileged) {
    score = Math.max(score + 10, S.elevated);
    found.push(
      finding(
        'privilege',
        score,
        `runs with elevated rights (${seg.via.find((v) => /sudo|doas|su\b|pkexec|run0|runas|elevat|admin/i.test(v)) ?? 'sudo'})`,
      ),
    );
  }
  if (seg.remote) {
    const prod = mentionsProduction(seg);
    score = Math.max(prod ? score + 15 : score, 35);
    found.push(finding('remote-exec', score, `runs on ${seg.remote}${prod ? ', which looks like production' : ''}`));
  }
  return Math.min(100, score);
}

function summarise<T extends object>(score: number, found: Finding[], extra: T): RiskAssessment & T {
  const sorted = [...found].sort((a, b) => b.score - a.score);
  const categories = unique(sorted.filter((f) => f.score >= REASON_FLOOR || f === sorted[0]).map((f) => f.category));
  const loud = sorted.filter((f) => f.score >= REASON_FLOOR);
  const reasons = unique((loud.length ? loud : sorted.slice(0, 1)).map((f) => f.reason)).slice(0, MAX_REASONS);
  return { score, level: levelOf(score), categories, reasons, ...extra };
}

function combine(command: string, parsed: ParsedCommand, segments: SegmentAssessment[]): CommandAssessment {
  const found: Finding[] = segments.flatMap((s) =>
    s.reasons.map((reason, i) => ({
      category: (s.categories[i] ?? s.categories[0] ?? 'unknown-program') as Category,
      score: s.score,
      reason,
    })),
  );
  const has = (c: Category, floor = REASON_FLOOR) => segments.some((s) => s.categories.includes(c) && s.score >= floor);
  // A real read of credentials (high), not a look at a file's name or a stored login, beside anything that sends.
  if (has('secrets', SECRET_READ_FLOOR) && (has('network-upload') || has('remote-exec') || has('publishing'))) {
    found.push(
      finding('secrets', S.catastrophic, 'reads credentials and sends data off the machine in the same command'),
    );
  }
  const downloadedAndRun = runsDownloaded(parsed.segments);
  if (downloadedAndRun) found.push(downloadedAndRun);
  const wroteAndRan = writtenThenRun(parsed.segments);
  if (wroteAndRan) found.push(wroteAndRan);
  if (forkBomb(segments))
    found.push(finding('process', S.catastrophic, 'a fork bomb: it multiplies until the machine stops responding'));
  if (endlessSpawningLoop(command, segments))
    found.push(
      finding(
        'process',
        S.critical,
        'starts a background job on every pass of a loop that never ends, until the machine runs out of processes',
      ),
    );
  const hidden = hiddenText(command);
  if (hidden) found.push(hidden);
  if (!parsed.complete) {
    // Syntax it could not follow leaves the rest judged (medium); a part never read at all could be anything (high).
    found.push(
      finding(
        'unparsed',
        parsed.truncated ? S.high : S.medium,
        `Gatehouse could not read all of it: ${parsed.problems.join('; ') || 'unknown syntax'}`,
      ),
    );
  }
  if (segments.length === 0 && parsed.complete) found.push(finding('read-only', S.none, 'runs nothing'));
  const score = Math.min(100, Math.max(0, ...found.map((f) => f.score)));
  return { ...summarise(score, found, { segments }), segments };
}

/** How many of the hidden things a reason names; the card and the CLI list them all. */
const HIDDEN_NAMED = 3;

/**
 * A command that shows differently from what runs (`curl x|sh #\r    npm test` shows as `npm test`) is an attack on
 * the person reviewing it, whatever it runs: at least high, so no rule, trust mode or auto-allow lets it through.
 */
function hiddenText(command: string): Finding | null {
  const { flags } = showText(command);
  if (flags.length === 0) return null;
  const named = flags.slice(0, HIDDEN_NAMED).map((f) => f.message);
  const more = flags.length > HIDDEN_NAMED ? `; and ${flags.length - HIDDEN_NAMED} more` : '';
  return finding(
    'hidden-text',
    S.high,
    `it shows differently from what runs (shown escaped): ${named.join('; ')}${more}`,
  );
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
