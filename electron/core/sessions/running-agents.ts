// Agents' processes running on this machine, found in /proc (Linux): a process whose program is a registered agent's
// (`AgentPlugin.program`), started directly or as a script of a JavaScript runtime (`node …/bin/codex.js`), and, for
// each, whether a Gatehouse session owns it (it is a session's root process or below one). Pure over a `ProcTable`,
// so it is tested with a fake /proc. How the real packages start (read in node_modules): Claude Code 2.1.330 is a
// native program (`bin/claude.exe`, reached through the `claude` link; `cli-wrapper.cjs` under node where the native
// one is missing); Codex 0.169 is `node …/@openai/codex/bin/codex.js`, which starts its native `codex` as a child.
import path from 'node:path';
import type { SessionRootProcess } from '../peer/agent-origin.ts';
import { ancestry, type ProcTable } from '../peer/proc.ts';

/** Programs that run an agent's script: the agent is the first word after their options. */
const RUNTIMES = new Set(['node', 'nodejs', 'bun', 'deno']);
/** Packages whose scripts are an agent even under another file name (`cli-wrapper.cjs`). */
const PACKAGES: ReadonlyArray<{ dir: string; program: string }> = [
  { dir: '/node_modules/@anthropic-ai/claude-code/', program: 'claude' },
  { dir: '/node_modules/@openai/codex/', program: 'codex' },
];

export interface AgentProcess {
  pid: number;
  startTime: number;
  /** The agent's id. */
  agent: string;
  cwd: string | null;
  /** The session that owns it, or null: an unprotected agent. */
  sessionId: string | null;
}

function programName(file: string): string {
  return path
    .basename(file)
    .toLowerCase()
    .replace(/\.(exe|cmd|bat|js|mjs|cjs)$/, '');
}

/** The agent an argv starts, from `programs` (program name → agent id), or null. */
export function agentOfArgv(argv: readonly string[], programs: ReadonlyMap<string, string>): string | null {
  const [first, ...rest] = argv;
  if (!first) return null;
  const direct = programs.get(programName(first));
  if (direct) return direct;
  if (!RUNTIMES.has(programName(first))) return null;
  // `node --no-warnings /…/codex.js exec …`: the script is the first word that is not an option.
  const script = rest.find((a) => !a.startsWith('-'));
  if (!script) return null;
  const byName = programs.get(programName(script));
  if (byName) return byName;
  const pkg = PACKAGES.find((p) => script.includes(p.dir));
  return pkg ? (programs.get(pkg.program) ?? null) : null;
}

/**
 * Every agent process, the topmost of each tree (Codex's native child under its node launcher is one agent), with the
 * session owning it when it is a session's root process or below one (matched on pid and start time).
 */
export function findAgentProcesses(
  table: ProcTable,
  programs: ReadonlyMap<string, string>,
  roots: Iterable<SessionRootProcess>,
  self: number = process.pid,
): AgentProcess[] {
  const rootKey = new Map<string, string>();
  for (const r of roots) rootKey.set(`${r.pid}:${r.startTime}`, r.sessionId);
  const found = new Map<number, string>();
  for (const pid of table.pids()) {
    if (pid === self) continue;
    const argv = table.cmdline(pid);
    const agent = argv ? agentOfArgv(argv, programs) : null;
    if (agent) found.set(pid, agent);
  }
  const out: AgentProcess[] = [];
  for (const [pid, agent] of found) {
    const chain = ancestry(table, pid);
    const own = chain[0];
    if (!own) continue;
    // Below another process of the same agent: that one is listed.
    if (chain.slice(1).some((p) => found.get(p.pid) === agent)) continue;
    const owner = chain.map((p) => rootKey.get(`${p.pid}:${p.stat.startTime}`)).find((s) => s !== undefined);
    out.push({ pid, startTime: own.stat.startTime, agent, cwd: table.cwd(pid), sessionId: owner ?? null });
  }
  return out.sort((a, b) => a.pid - b.pid);
}
