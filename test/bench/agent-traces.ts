// Real agent command traces (../shared/data/agent-traces.jsonl, described in its README): read as data,
// never run. Each line is `{"trace": "<owner>/<repo>/<session file>", "seq": n, "cmd": "..."}`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseJsonl } from '../support/jsonl.ts';
import { HOME, rootOf, type ReviewStep } from './reviewer.ts';

/** Set to read the traces from another file (a worktree has no `../shared` beside it). */
export const TRACES_ENV = 'GATEHOUSE_AGENT_TRACES';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function agentTracesPath(env: NodeJS.ProcessEnv = process.env, repoRoot: string = REPO_ROOT): string {
  return env[TRACES_ENV] || path.resolve(repoRoot, '..', 'shared', 'data', 'agent-traces.jsonl');
}

const traceLineSchema = z.object({
  trace: z.string().regex(/^[^/]+\/[^/]+\/./, 'must be "<owner>/<repo>/<session file>"'),
  seq: z.number().int().positive(),
  cmd: z.string().min(1),
});

export type TraceLine = z.infer<typeof traceLineSchema>;

/** Validates every line; throws naming the first bad one (`file:line: why`). A trailing newline is fine. */
export function parseAgentTraces(text: string, source: string): TraceLine[] {
  return parseJsonl(text, source, traceLineSchema);
}

/** The traces, or null when the file is not there (a checkout without the shared data). */
export function loadAgentTraces(file: string = agentTracesPath()): TraceLine[] | null {
  if (!fs.existsSync(file)) return null;
  return parseAgentTraces(fs.readFileSync(file, 'utf8'), file);
}

/** `edobry/minsky/.specstory/…` → `edobry/minsky`. */
export function repositoryOf(trace: string): string {
  return trace.split('/', 2).join('/');
}

/** The simulated machine: a project directory `~/<repo name>` per repository, one session per trace. */
export interface TraceProjects {
  /** Each line's project directory, in order. */
  projectOfLine: string[];
  steps: ReviewStep[];
  projectOf: (dir: string) => string | null;
  /**
   * The repository a directory's checkout belongs to. A repository's checkouts (`~/Documents/github/chef-chopsky` and
   * the same repository under Google Drive; minsky's session clones under `~/.local/state/minsky`) share its origin
   * remote, which is how Gatehouse names a repository on a real machine (rules/checkouts.ts).
   */
  repositoryOf: (dir: string) => string | null;
}

/** `cd /abs/path` at the start of a command or after `&&`, `;` or a newline; `\ ` unescaped. Read as text, never run. */
const CD_TARGET = /(?:^|&&|;|\n)\s*cd\s+(\/(?:\\ |[^\s;&|'"])+)/g;

/**
 * Where a repository's checkouts were on the recording machine: the directories agents `cd` into whose path names
 * the repository (`…/github/chef-chopsky/frontend` → `…/github/chef-chopsky`; minsky's session checkouts under
 * `~/.local/state/minsky/…`), cut at the last segment that names it. Without them every absolute `cd` would leave
 * the simulated project, and ordinary work there would look like writes outside it.
 */
export function checkoutRoots(lines: readonly TraceLine[]): string[] {
  const found = new Set<string>();
  for (const l of lines) {
    const name = path.basename(repositoryOf(l.trace));
    for (const m of l.cmd.matchAll(CD_TARGET)) {
      const segments = (m[1] as string).replace(/\\ /g, ' ').replace(/\/+$/, '').split('/');
      const at = segments.lastIndexOf(name);
      if (at > 1) found.add(segments.slice(0, at + 1).join('/'));
    }
  }
  const all = [...found].sort();
  return all.filter((r) => !all.some((o) => o !== r && r.startsWith(`${o}/`)));
}

/**
 * Traces have no cwd. A session starts in the checkout it first `cd`s into (agents `cd` to their own project's
 * absolute path all the time), else in the checkout its repository's sessions use most, else in `~/<repo name>`;
 * its own `cd`s move it on from there. `projectOfLine` names the repository, for counting each one's warm-up.
 */
export function traceSteps(lines: readonly TraceLine[]): TraceProjects {
  const projectOfLine = lines.map((l) => path.join(HOME, path.basename(repositoryOf(l.trace))));
  const checkouts = checkoutRoots(lines);
  const roots = [...new Set(projectOfLine), ...checkouts];
  const firstCheckout = new Map<string, string>();
  const uses = new Map<string, Map<string, number>>();
  const repoOfRoot = new Map<string, string>(lines.map((l, i) => [projectOfLine[i] as string, repositoryOf(l.trace)]));
  for (const l of lines) {
    for (const m of l.cmd.matchAll(CD_TARGET)) {
      const root = rootOf(checkouts, (m[1] as string).replace(/\\ /g, ' ').replace(/\/+$/, ''));
      if (!root) continue;
      if (!firstCheckout.has(l.trace)) firstCheckout.set(l.trace, root);
      const repo = repositoryOf(l.trace);
      repoOfRoot.set(root, repo);
      const counts = uses.get(repo) ?? new Map<string, number>();
      counts.set(root, (counts.get(root) ?? 0) + 1);
      uses.set(repo, counts);
    }
  }
  const mostUsed = (repo: string): string | undefined =>
    [...(uses.get(repo) ?? [])].sort((x, y) => y[1] - x[1])[0]?.[0];
  const startOf = (l: TraceLine, i: number): string =>
    firstCheckout.get(l.trace) ?? mostUsed(repositoryOf(l.trace)) ?? (projectOfLine[i] as string);
  return {
    projectOfLine,
    steps: lines.map((l, i) => ({ command: l.cmd, cwd: startOf(l, i), sessionId: l.trace })),
    projectOf: (dir) => rootOf(roots, dir),
    repositoryOf: (dir) => {
      const root = rootOf(roots, dir);
      return root === null ? null : (repoOfRoot.get(root) ?? null);
    },
  };
}
