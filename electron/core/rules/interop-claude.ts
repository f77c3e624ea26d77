// Claude Code's permission rules, both ways. Read: `Bash(...)` entries of `permissions.allow|ask|deny`
// in a settings file (never written). Write: a settings fragment to paste. Syntax, as Claude Code reads it:
// `Bash(ls)` exact; `Bash(npm run test:*)` prefix; `*` anywhere matches any characters, and a single
// trailing ` *` also matches no arguments (`Bash(ls *)` is the prefix `ls`); `Bash` alone is every command.
import path from 'node:path';
import type { Rule, RuleEffect, RuleScope } from '../../../shared/rules.ts';
import type { ReadResult } from './interop.ts';

const CLAUDE_LISTS: ReadonlyArray<[string, RuleEffect]> = [
  ['allow', 'allow'],
  ['ask', 'ask'],
  ['deny', 'deny'],
];
const BASH_ENTRY = /^Bash(?:\((.*)\))?$/s;

/** A project's settings (`<root>/.claude/settings*.json`) give project rules; the user's give global ones. */
export function claudeScope(file: string, home: string): RuleScope {
  const dir = path.dirname(path.resolve(file));
  const root = path.dirname(dir);
  return path.basename(dir) === '.claude' && root !== path.resolve(home)
    ? { type: 'project', dir: root }
    : { type: 'global' };
}

function lineOf(raw: string, entry: string): number | null {
  const at = raw.indexOf(JSON.stringify(entry));
  return at < 0 ? null : raw.slice(0, at).split('\n').length;
}

/** One `Bash(...)` specifier as a Gatehouse pattern. */
export function fromClaudeSpecifier(spec: string): { kind: 'exact' | 'prefix' | 'glob'; pattern: string } {
  if (spec.endsWith(':*') && !spec.slice(0, -2).includes('*')) return { kind: 'prefix', pattern: spec.slice(0, -2) };
  const stars = spec.split('*').length - 1;
  if (stars === 0) return { kind: 'exact', pattern: spec };
  if (stars === 1 && spec.endsWith(' *')) return { kind: 'prefix', pattern: spec.slice(0, -2) };
  return { kind: 'glob', pattern: spec };
}

export function readClaudeSettings(file: string, raw: string, home: string): ReadResult {
  const out: ReadResult = { drafts: [], skipped: [], errors: [] };
  let settings: unknown;
  try {
    settings = JSON.parse(raw);
  } catch (err) {
    out.errors.push({ file, line: null, entry: '', message: `not valid JSON: ${(err as Error).message}` });
    return out;
  }
  const permissions = (settings as { permissions?: unknown } | null)?.permissions;
  if (permissions === undefined) return out;
  if (!permissions || typeof permissions !== 'object') {
    out.errors.push({ file, line: null, entry: 'permissions', message: '"permissions" is not an object' });
    return out;
  }
  const scope = claudeScope(file, home);
  for (const [list, effect] of CLAUDE_LISTS) {
    const entries = (permissions as Record<string, unknown>)[list];
    if (entries === undefined) continue;
    if (!Array.isArray(entries)) {
      out.errors.push({ file, line: null, entry: `permissions.${list}`, message: `permissions.${list} is not a list` });
      continue;
    }
    for (const entry of entries) {
      const line = typeof entry === 'string' ? lineOf(raw, entry) : null;
      if (typeof entry !== 'string') {
        out.errors.push({
          file,
          line,
          entry: JSON.stringify(entry),
          message: `an entry of permissions.${list} is not a string`,
        });
        continue;
      }
      const m = BASH_ENTRY.exec(entry.trim());
      if (!m) {
        out.skipped.push({
          file,
          line,
          entry,
          message: 'not a shell command rule (Gatehouse reviews shell commands only)',
        });
        continue;
      }
      const spec = (m[1] ?? '*').trim();
      if (spec === '*' || spec === '') {
        if (effect === 'allow')
          out.skipped.push({
            file,
            line,
            entry,
            message: 'allows every command: imported, Gatehouse would stop reviewing anything',
          });
        else out.drafts.push({ effect, kind: 'glob', pattern: '*', scope, source: `claude:${file}`, line, entry });
        continue;
      }
      out.drafts.push({ effect, ...fromClaudeSpecifier(spec), scope, source: `claude:${file}`, line, entry });
    }
  }
  return out;
}

/** `Bash(...)` for a rule, or why Claude Code cannot express it. */
function toClaudeEntry(rule: Rule): string | { why: string } {
  if (rule.kind === 'exact') return `Bash(${rule.pattern})`;
  if (rule.kind === 'prefix') return `Bash(${rule.pattern}:*)`;
  if (rule.kind === 'regex') return { why: 'Claude Code has no regular expressions' };
  if (/[?\\]/.test(rule.pattern)) return { why: 'Claude Code globs have only *' };
  return `Bash(${rule.pattern})`;
}

export function exportClaude(rules: readonly Rule[]): {
  text: string;
  exported: number;
  skipped: Array<{ ruleId: string; why: string }>;
} {
  const permissions: Record<'allow' | 'ask' | 'deny', string[]> = { allow: [], ask: [], deny: [] };
  const skipped: Array<{ ruleId: string; why: string }> = [];
  for (const rule of rules) {
    const entry = toClaudeEntry(rule);
    if (typeof entry === 'string') permissions[rule.effect].push(entry);
    else skipped.push({ ruleId: rule.id, why: entry.why });
  }
  const exported = permissions.allow.length + permissions.ask.length + permissions.deny.length;
  return { text: `${JSON.stringify({ permissions }, null, 2)}\n`, exported, skipped };
}
