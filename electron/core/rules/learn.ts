// Learning from an approval: the smallest rule that would have matched, per segment not yet allowed.
// Candidates go from the command's meaningful prefix (`npm run test`) to ever narrower ones, ending with
// the exact command; the first that covers nothing rated high or critical (recorded or probed) wins.
import type { GateRequest, RiskSegment } from '../../../shared/domain.ts';
import { whyNoRuleCanAllow, type RuleScope, type Suggestion } from '../../../shared/rules.ts';
import { codeCarryingIndex, plainFlagAfter, READ_ONLY, runsWhatFollows } from '../risk/index.ts';
import { dangerCovered, type BacktestDeps, type Candidate } from './backtest.ts';
import { NEVER_ALLOWED_BY_RULES } from './evaluate.ts';
import { nameOperandCandidate } from './name-operands.ts';
import { payloadCandidate } from './payload-operands.ts';
import { formOf, placeAt, type Place, type RepositoryOf, type RuleSet } from './ruleset.ts';
import { isTooBroadForProject, projectOf } from './service.ts';
import { baseProgram, canonicalText, strictWords } from './words.ts';

/**
 * How many words after the program name still say *what* is run rather than *on what*: `git log`,
 * `npm run test`, `kubectl get pods`, `docker compose up`. Programs not listed take one when it reads
 * like a subcommand; programs that only read take none (`cat x` is `cat` on x).
 */
const SUBCOMMAND_WORDS: Readonly<Record<string, number>> = {
  git: 1,
  cargo: 1,
  go: 1,
  make: 1,
  just: 1,
  rake: 1,
  mix: 1,
  pip: 1,
  pip3: 1,
  poetry: 1,
  pdm: 1,
  hatch: 1,
  bundle: 1,
  composer: 1,
  dotnet: 1,
  mvn: 1,
  gradle: 1,
  deno: 1,
  brew: 1,
  apt: 1,
  'apt-get': 1,
  systemctl: 1,
  terraform: 1,
  helm: 1,
  swift: 1,
  flutter: 1,
  npm: 1,
  pnpm: 1,
  yarn: 1,
  bun: 1,
  uv: 2,
  npx: 2,
  bunx: 2,
  docker: 2,
  podman: 2,
  kubectl: 2,
  gh: 2,
  aws: 2,
  az: 2,
  gcloud: 3,
  node: 0,
  python: 0,
  python3: 0,
  ruby: 0,
  perl: 0,
  bash: 0,
  sh: 0,
  zsh: 0,
};

/** Subcommands whose next word is a script or task name, part of what is run (`npm run test`). */
const RUNS_A_SCRIPT = new Set(['run', 'run-script', 'exec', 'x', 'dlx']);
const SUBCOMMAND_WORD = /^[a-z][a-z0-9_-]*$/;
const SCRIPT_NAME = /^[A-Za-z0-9][A-Za-z0-9:_.-]*$/;
/** Words that wrap a segment in the strict form (`sudo`, `ssh host`): they stay in every candidate. */
const WRAPPER_WORDS = /^(sudo|doas|pkexec|su|run0)$/;

/** Where the program stands, after the wrapper and the remote place (`sudo`, `ssh host`, `docker exec ctr`). */
function programIndex(words: readonly string[]): number {
  let start = 0;
  while (start < words.length && WRAPPER_WORDS.test(words[start] as string)) start++;
  if (
    words[start] === 'ssh' ||
    ((words[start] === 'docker' || words[start] === 'podman' || words[start] === 'kubectl') &&
      words[start + 1] === 'exec')
  ) {
    // `ssh host …` / `docker exec ctr …`: the remote place is part of what is run.
    start += words[start] === 'ssh' ? 2 : 3;
  }
  return start;
}

/** The number of leading words that name what is run. */
export function meaningfulLength(words: readonly string[]): number {
  const start = programIndex(words);
  const program = baseProgram(words[start] ?? '');
  let n = start + 1;
  if ((program === 'python' || program === 'python3') && words[n] === '-m' && words[n + 1]) return n + 2;
  const max = READ_ONLY.has(program) ? 0 : (SUBCOMMAND_WORDS[program] ?? 1);
  for (let taken = 0; taken < max && n < words.length; taken++) {
    if (!SUBCOMMAND_WORD.test(words[n] as string)) break;
    n++;
  }
  if (RUNS_A_SCRIPT.has(words[n - 1] ?? '') && n - 1 > start && SCRIPT_NAME.test(words[n] ?? '')) n++;
  return Math.min(n, words.length);
}

/** Words that carry nothing by themselves, to see whether anything at all may follow a prefix. */
const NEUTRAL_OPERAND = 'x';
const NEUTRAL_OPTION = '--x';

/**
 * Whether a prefix of n words may be proposed: it never ends before or inside words that carry code (the
 * matcher would not let it cover them anyway), it names more than a program that can run code (`node`,
 * `git`, `tar` alone: the words after decide what it does), and it covers more than the exact command
 * (`node -e '…'` followed by anything is code).
 */
function prefixAllowed(words: readonly string[], n: number): boolean {
  if (codeCarryingIndex(words, n) !== null) return false;
  const program = programIndex(words);
  if (n <= program + 1 && runsWhatFollows(words[program] ?? '')) return false;
  if (n < words.length) return true;
  const extended = (word: string) => codeCarryingIndex([...words, word], n) !== null;
  // A flag the program's shape table knows as plain, where it has one (`make test -k`), else any option.
  const flag =
    plainFlagAfter(
      baseProgram(words[program] ?? ''),
      words.slice(program + 1).map((text) => ({ text, known: true })),
    ) ?? NEUTRAL_OPTION;
  return !(extended(NEUTRAL_OPERAND) && extended(flag));
}

/** Prefixes from the meaningful one to the whole command that carry no code past their end, then the exact command. */
export function candidatesFor(words: readonly string[], scope: RuleScope): Candidate[] {
  const out: Candidate[] = [];
  for (let n = meaningfulLength(words); n <= words.length; n++) {
    if (prefixAllowed(words, n))
      out.push({ effect: 'allow', kind: 'prefix', pattern: canonicalText(words.slice(0, n)), scope });
  }
  out.push({ effect: 'allow', kind: 'exact', pattern: canonicalText(words), scope });
  return out;
}

export interface LearnDeps extends Pick<BacktestDeps, 'riskyRequests' | 'assess'> {
  /** The rules in force, to skip segments already allowed. */
  rules: RuleSet;
  now: number;
  /** Finds the project of a directory (default: its git top level, else itself). */
  projectOf?: (cwd: string) => string;
  /** Names the repository a directory is a checkout of (RuleServiceOptions.repositoryOf). */
  repositoryOf?: RepositoryOf;
}

/** The default scope of a learned rule: the project (git top level) of the cwd, or the session outside any project. */
export function learnedScope(
  request: Pick<GateRequest, 'cwd' | 'sessionId'>,
  findProject: (cwd: string) => string = projectOf,
): RuleScope {
  const dir = findProject(request.cwd);
  return isTooBroadForProject(dir) ? { type: 'session', sessionId: request.sessionId } : { type: 'project', dir };
}

function none(request: GateRequest, note: string): Suggestion {
  return { requestId: request.id, rules: [], notes: [note] };
}

export function suggestRules(
  request: GateRequest,
  deps: LearnDeps,
  scope: RuleScope = learnedScope(request, deps.projectOf),
): Suggestion {
  // Never scored, not fully read, high or critical: the card says the same sentence instead of offering "Always allow…".
  const never = whyNoRuleCanAllow(request.risk);
  if (never) return none(request, never);
  const place = placeAt(request.cwd, request.sessionId, deps.now, deps.repositoryOf);
  const notes: string[] = [];
  const rules: Suggestion['rules'] = [];
  for (const seg of request.risk?.segments ?? []) {
    const words = strictWords(seg);
    if (deps.rules.match([formOf(words)], 'allow', place).length > 0) continue;
    const chosen = chooseCandidate(seg, words, scope, deps, request.cwd, notes);
    if (!chosen)
      return {
        requestId: request.id,
        rules: [],
        notes: [...notes, `no rule for \`${canonicalText(words)}\` is safe to remember`],
      };
    const where = widenedScope(seg, chosen, scope, deps, place, notes);
    if (!rules.some((r) => r.kind === chosen.kind && r.pattern === chosen.pattern))
      rules.push({ effect: 'allow', kind: chosen.kind, pattern: chosen.pattern, scope: where });
  }
  if (rules.length === 0) notes.push('allow rules already cover every part of this command');
  return { requestId: request.id, rules, notes };
}

/** Approved in this many other projects already, a low-risk rule is proposed for every project. */
const PROJECTS_BEFORE_GLOBAL = 2;

/**
 * A low-risk rule the person has already approved in other projects is proposed globally: asking again in
 * each new project teaches nothing. Medium ones stay in the project (deleting `*.bak` here is not there).
 */
function widenedScope(
  seg: RiskSegment,
  chosen: Candidate,
  scope: RuleScope,
  deps: Pick<LearnDeps, 'rules' | 'repositoryOf'>,
  place: Place,
  notes: string[],
): RuleScope {
  if (seg.level !== 'low' || scope.type !== 'project') return scope;
  // A project is a repository: its other checkouts are this project, and two checkouts of another are one project.
  const others = new Set(
    deps.rules
      .sameAllowElsewhere(chosen.kind, chosen.pattern, scope.dir)
      .filter((dir) => !(place.sameRepository?.(dir) ?? false))
      .map((dir) => deps.repositoryOf?.(dir) ?? dir),
  );
  if (others.size < PROJECTS_BEFORE_GLOBAL) return scope;
  notes.push(
    `${chosen.kind}:${chosen.pattern} is already allowed in ${others.size} other projects, so it is proposed for all of them`,
  );
  return { type: 'global' };
}

function chooseCandidate(
  seg: RiskSegment,
  words: readonly string[],
  scope: RuleScope,
  deps: LearnDeps,
  cwd: string,
  notes: string[],
): Candidate | null {
  if (NEVER_ALLOWED_BY_RULES.includes(seg.level)) return null;
  for (const candidate of candidatesFor(words, scope)) {
    // Before the exact command: the same command with any name where only a name changes (name-operands.ts), or any
    // literal JSON body where only the body of a request changes (payload-operands.ts). Each form admits nothing but
    // that word there, and what a name makes high (main) is held whatever the rules say.
    const named =
      candidate.kind === 'exact' ? (nameOperandCandidate(words, scope) ?? payloadCandidate(words, scope)) : null;
    if (named) {
      notes.push(named.note);
      return named.candidate;
    }
    // One reason is enough to move on to a narrower candidate.
    const warnings = dangerCovered(candidate, deps, cwd, 1);
    if (warnings.length === 0) return candidate;
    notes.push(`${candidate.kind}:${candidate.pattern} is too broad: ${warnings[0]}`);
  }
  return null;
}
