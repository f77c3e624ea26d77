// A change an agent's file tool is about to make (Claude Code's Write, Edit, MultiEdit, NotebookEdit; Codex's
// apply_patch): where each file lands, resolved as the tool resolves it, judged by the same protected-place judgement
// the shell rules use (`protectedWrite`). Only a protected place is worth a person's attention: anything else is the
// agent's ordinary work and says nothing (null), so the file tools add no card.
import path from 'node:path';
import type { RiskAssessment } from '../../../shared/domain.ts';
import type { ContextProvider, RiskContext } from './context.ts';
import { physicalPath } from './links.ts';
import { classifyPath } from './paths.ts';
import { protectedWrite } from './rules/files.ts';
import { word } from './rules/util.ts';
import { levelOf, type Finding } from './types.ts';

export interface FileChange {
  /** The agent's tool (`Write`, `apply_patch`), named in the reasons. */
  tool: string;
  /** The files it changes, as the agent wrote them (absolute, relative to `cwd`, or starting with `~`). */
  paths: readonly string[];
  cwd: string;
}

/** Reasons kept, as the engine keeps them. */
const MAX_REASONS = 4;

/**
 * Where writing `written` lands, as the tool will resolve it: relative to `cwd`, `~` as the home, then every symbolic
 * link on the way followed (a dangling one too: writing through it creates its target; `..` after a link climbs from
 * where the link points, as the kernel does). Both the path as named and where it really lands are returned: an
 * agent's settings file reached through a link is read through that link as well.
 */
export function landingPlaces(written: string, cwd: string, home: string): string[] {
  const tilde = written === '~' || written.startsWith('~/');
  const raw = tilde ? home + written.slice(1) : path.isAbsolute(written) ? written : `${cwd}/${written}`;
  return [...new Set([path.resolve(raw), physicalPath(raw)])];
}

/** How a tool changes a file, in the reasons: "Write writes …". */
const VERBS: Readonly<Record<string, string>> = {
  Write: 'writes',
  Edit: 'edits',
  MultiEdit: 'edits',
  NotebookEdit: 'edits',
  apply_patch: 'patches',
};

/** What the change does to protected places, worst first; null when it touches none of them. */
export function judgeFileChange(change: FileChange, ctx: RiskContext): RiskAssessment | null {
  const action = `${change.tool} ${VERBS[change.tool] ?? 'changes'}`;
  const found: Finding[] = [];
  for (const written of change.paths) {
    const [named, real] = landingPlaces(written, ctx.cwd, ctx.home);
    for (const at of [named, real]) {
      if (at === undefined) continue;
      const f = protectedWrite(classifyPath(word(at), ctx), ctx, action);
      if (f)
        found.push(at === named ? f : { ...f, reason: `${f.reason} (${written} is a symbolic link that leads there)` });
    }
  }
  if (found.length === 0) return null;
  found.sort((a, b) => b.score - a.score);
  const score = found[0]?.score ?? 0;
  return {
    score,
    level: levelOf(score),
    categories: [...new Set(found.map((f) => f.category))],
    reasons: [...new Set(found.map((f) => f.reason))].slice(0, MAX_REASONS),
  };
}

/** The judge the gate is given: contexts cached per cwd, as the engine's are. */
export function fileChangeJudge(contexts: ContextProvider): (change: FileChange) => RiskAssessment | null {
  return (change) => judgeFileChange(change, contexts.forCwd(change.cwd));
}
