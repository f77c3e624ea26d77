// Exporting rules to an agent's own settings (Claude Code's permissions, Codex's .rules): which rules go, which the
// format cannot express or do not apply here, and which would let more through there than they do in Gatehouse.
// Two things do not travel: a project's scope (the agent applies an entry wherever the file it is pasted into
// applies) and Gatehouse's floor (rules never allow a command rated high or critical here; the agent has no such
// floor, so `prefix:cat` becomes `Bash(cat:*)`, which lets `cat .env` through). Such allow rules stay out unless asked.
import type { ExportResult, Rule } from '../../../shared/rules.ts';
import { exportClaude } from './interop-claude.ts';
import { exportCodex } from './interop-codex.ts';
import { scopeApplies, type Place } from './ruleset.ts';

const EXPORT_FORMAT_NAMES = { claude: 'Claude Code', codex: 'Codex' } as const;
type ExportFormatName = keyof typeof EXPORT_FORMAT_NAMES;

export interface ExportOptions {
  format: ExportFormatName;
  /** Where the export is made: project rules that do not cover it are not exported. */
  here: Place;
  includeUnsafe: boolean;
  /**
   * What an allow rule covers that is rated high or critical, for whatever reason (backtest's `dangerCovered` with
   * `outsideGatehouse`: `cat .env` counts, though Gatehouse holds it by its argument alone); empty when nothing.
   */
  danger: (rule: Rule) => string[];
}

const name = (r: Rule) => `${r.kind}:${r.pattern}`;

/** Why an allow rule would be wider in the agent's settings than in Gatehouse, or null when it would not. */
function unsafeWhy(rule: Rule, opts: ExportOptions): string | null {
  if (rule.effect !== 'allow') return null;
  const agent = EXPORT_FORMAT_NAMES[opts.format];
  const danger = opts.danger(rule)[0];
  if (danger)
    return `\`${name(rule)}\`: Gatehouse always holds commands rated high or critical for a person, ${agent} would run them: ${danger}`;
  if (rule.scope.type === 'project')
    return `\`${name(rule)}\` applies only under ${rule.scope.dir} here; in ${agent}'s settings it applies wherever that file does`;
  return null;
}

export function exportRules(rules: readonly Rule[], opts: ExportOptions): ExportResult {
  const skipped: ExportResult['skipped'] = [];
  const unsafe: ExportResult['unsafe'] = [];
  const chosen: Rule[] = [];
  for (const r of rules) {
    if (r.scope.type === 'session') skipped.push({ ruleId: r.id, why: 'a session rule ends with its session' });
    else if (!scopeApplies(r.scope, opts.here))
      skipped.push({ ruleId: r.id, why: `it applies only under ${r.scope.type === 'project' ? r.scope.dir : ''}` });
    else {
      const why = unsafeWhy(r, opts);
      if (why) unsafe.push({ ruleId: r.id, why });
      if (!why || opts.includeUnsafe) chosen.push(r);
    }
  }
  const result = opts.format === 'claude' ? exportClaude(chosen) : exportCodex(chosen);
  return { ...result, skipped: [...result.skipped, ...skipped], unsafe };
}
