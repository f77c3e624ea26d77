// Codex exec-policy rules, both ways. Read: `prefix_rule(pattern=[...], decision=...)` calls in `.rules`
// files (never written). A pattern word may be a list of alternatives; each combination becomes one
// prefix rule. Decisions: allow → allow, prompt → ask, forbidden → deny (the default is allow).
import path from 'node:path';
import type { Rule, RuleEffect, RuleScope } from '../../../shared/rules.ts';
import type { ReadResult } from './interop.ts';
import { parseStarlarkCalls, StarlarkError, type StarValue } from './starlark.ts';
import { canonicalText, splitWords } from './words.ts';

const DECISIONS: Readonly<Record<string, RuleEffect>> = { allow: 'allow', prompt: 'ask', forbidden: 'deny' };
/** Alternatives multiply; past this a pattern is a mistake, not a policy. */
const MAX_COMBINATIONS = 256;

/** `<root>/.codex/rules/x.rules` gives project rules; the user's `~/.codex/rules` global ones. */
export function codexScope(file: string, home: string): RuleScope {
  const rulesDir = path.dirname(path.resolve(file));
  const codexDir = path.dirname(rulesDir);
  const root = path.dirname(codexDir);
  const inProject =
    path.basename(rulesDir) === 'rules' && path.basename(codexDir) === '.codex' && root !== path.resolve(home);
  return inProject ? { type: 'project', dir: root } : { type: 'global' };
}

/** Every word sequence a pattern stands for, or an error sentence. */
function expand(pattern: StarValue): string[][] | string {
  if (!Array.isArray(pattern) || pattern.length === 0) return 'pattern must be a non-empty list of words';
  let combos: string[][] = [[]];
  for (const part of pattern) {
    const options =
      typeof part === 'string'
        ? [part]
        : Array.isArray(part) && part.length > 0 && part.every((p) => typeof p === 'string')
          ? (part as string[])
          : null;
    if (!options) return 'each pattern element must be a word or a list of alternative words';
    combos = combos.flatMap((c) => options.map((o) => [...c, o]));
    if (combos.length > MAX_COMBINATIONS) return `the alternatives make more than ${MAX_COMBINATIONS} rules`;
  }
  return combos;
}

export function readCodexRules(file: string, raw: string, home: string): ReadResult {
  const out: ReadResult = { drafts: [], skipped: [], errors: [] };
  let calls;
  try {
    calls = parseStarlarkCalls(raw);
  } catch (err) {
    if (!(err instanceof StarlarkError)) throw err;
    out.errors.push({ file, line: err.line, entry: '', message: err.message });
    return out;
  }
  const scope = codexScope(file, home);
  const lines = raw.split('\n');
  for (const call of calls) {
    const entry = (lines[call.line - 1] ?? call.name).trim();
    if (call.name !== 'prefix_rule') {
      out.skipped.push({ file, line: call.line, entry, message: `${call.name}(...) is not a command rule` });
      continue;
    }
    const decision = call.args.decision ?? 'allow';
    const effect = typeof decision === 'string' ? DECISIONS[decision] : undefined;
    if (!effect) {
      out.errors.push({
        file,
        line: call.argLines.decision ?? call.line,
        entry,
        message: `decision must be "allow", "prompt" or "forbidden", not ${JSON.stringify(decision)}`,
      });
      continue;
    }
    const combos = expand(call.args.pattern ?? null);
    if (typeof combos === 'string') {
      out.errors.push({ file, line: call.argLines.pattern ?? call.line, entry, message: combos });
      continue;
    }
    const justification = call.args.justification;
    const note = typeof justification === 'string' ? justification : null;
    for (const words of combos) {
      out.drafts.push({
        effect,
        kind: 'prefix',
        pattern: canonicalText(words),
        scope,
        source: `codex:${file}:${call.line}`,
        note,
        line: call.line,
        entry,
      });
    }
  }
  return out;
}

function starString(s: string): string {
  return JSON.stringify(s);
}

/** `prefix_rule(...)` calls for the rules Codex can express: prefix rules, plain words. */
export function exportCodex(rules: readonly Rule[]): {
  text: string;
  exported: number;
  skipped: Array<{ ruleId: string; why: string }>;
} {
  const blocks: string[] = [
    '# Exported from Gatehouse. Codex reads prefix rules only; see the skipped list for the rest.',
  ];
  const skipped: Array<{ ruleId: string; why: string }> = [];
  for (const rule of rules) {
    if (rule.kind !== 'prefix') {
      skipped.push({
        ruleId: rule.id,
        why:
          rule.kind === 'exact'
            ? 'Codex has prefix rules only; an exact rule would become broader'
            : `Codex has no ${rule.kind} rules`,
      });
      continue;
    }
    const words = splitWords(rule.pattern) ?? [];
    const decision = rule.effect === 'allow' ? 'allow' : rule.effect === 'ask' ? 'prompt' : 'forbidden';
    const fields = [`    pattern = [${words.map(starString).join(', ')}],`, `    decision = ${starString(decision)},`];
    if (rule.note) fields.push(`    justification = ${starString(rule.note)},`);
    blocks.push(`prefix_rule(\n${fields.join('\n')}\n)`);
  }
  return { text: `${blocks.join('\n\n')}\n`, exported: blocks.length - 1, skipped };
}
