// Importing the rules people already wrote for their agents, read only: Claude Code settings files
// and Codex `.rules` files, from where the agents keep them or from files named by the user.
import fs from 'node:fs';
import path from 'node:path';
import type { ImportIssue, Rule } from '../../../shared/rules.ts';
import { readClaudeSettings } from './interop-claude.ts';
import { readCodexRules } from './interop-codex.ts';
import { normalizePattern, PatternError } from './matcher.ts';
import { normalizeScope, projectOf, sameRule, type RuleDraft } from './service.ts';

export interface ReadResult {
  drafts: Array<RuleDraft & { line: number | null; entry: string }>;
  skipped: ImportIssue[];
  errors: ImportIssue[];
}

/** A settings file this large is not a settings file. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Where Claude Code keeps permission rules: the user's files, then the project's. */
export function claudeFiles(home: string, cwd: string): string[] {
  const project = projectOf(cwd);
  // Run from the home directory, the project's files are the user's: read them once.
  return [
    ...new Set(
      [home, project].flatMap((dir) => [
        path.join(dir, '.claude', 'settings.json'),
        path.join(dir, '.claude', 'settings.local.json'),
      ]),
    ),
  ];
}

/** Where Codex keeps exec-policy rules: `~/.codex/rules/*.rules` and the project's `.codex/rules/*.rules`. */
export function codexFiles(home: string, cwd: string): string[] {
  const dirs = [path.join(home, '.codex', 'rules'), path.join(projectOf(cwd), '.codex', 'rules')];
  return [...new Set(dirs)].flatMap((dir) => {
    try {
      return fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.rules'))
        .sort()
        .map((f) => path.join(dir, f));
    } catch {
      return [];
    }
  });
}

export interface ImportPlan {
  files: string[];
  drafts: RuleDraft[];
  skipped: ImportIssue[];
  errors: ImportIssue[];
}

/**
 * Reads the files (missing default files are not an error; a missing named file is) and returns the
 * rules to add: checked, normalised, and without those already present.
 */
export function planImport(opts: {
  claude: string[];
  codex: string[];
  named: boolean;
  home: string;
  existing: readonly Rule[];
}): ImportPlan {
  const plan: ImportPlan = { files: [], drafts: [], skipped: [], errors: [] };
  const sources: Array<[string, typeof readClaudeSettings]> = [
    ...opts.claude.map((f) => [f, readClaudeSettings] as [string, typeof readClaudeSettings]),
    ...opts.codex.map((f) => [f, readCodexRules] as [string, typeof readClaudeSettings]),
  ];
  const taken: Array<Pick<Rule, 'effect' | 'kind' | 'pattern' | 'scope'>> = [...opts.existing];
  for (const [file, read] of sources) {
    let raw: string;
    try {
      if (fs.statSync(file).size > MAX_FILE_BYTES) throw new Error(`larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
      raw = fs.readFileSync(file, 'utf8');
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      if (!missing || opts.named)
        plan.errors.push({
          file,
          line: null,
          entry: '',
          message: missing ? 'no such file' : `cannot read it: ${(err as Error).message}`,
        });
      continue;
    }
    plan.files.push(file);
    const result = read(file, raw, opts.home);
    plan.skipped.push(...result.skipped);
    plan.errors.push(...result.errors);
    for (const d of result.drafts) {
      let draft: RuleDraft;
      try {
        draft = { ...d, pattern: normalizePattern(d.kind, d.pattern), scope: normalizeScope(d.scope) };
      } catch (err) {
        if (!(err instanceof PatternError)) throw err;
        plan.errors.push({ file, line: d.line, entry: d.entry, message: err.message });
        continue;
      }
      if (taken.some((t) => sameRule(t, draft))) {
        plan.skipped.push({ file, line: d.line, entry: d.entry, message: 'already a Gatehouse rule' });
        continue;
      }
      taken.push(draft);
      plan.drafts.push({
        effect: draft.effect,
        kind: draft.kind,
        pattern: draft.pattern,
        scope: draft.scope,
        source: draft.source,
        note: draft.note ?? null,
      });
    }
  }
  return plan;
}
