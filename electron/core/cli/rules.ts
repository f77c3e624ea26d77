// gatehouse rules add|list|rm|enable|disable|edit|test|backtest|suggest|import|export.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseDuration, formatDuration } from '../../../shared/duration.ts';
import {
  formatScope,
  parseRuleSpec,
  parseScope,
  type BacktestResult,
  type Explanation,
  type ExportResult,
  type ImportIssue,
  type Rule,
  type RuleEffect,
  type RuleScope,
  type RuleSpec,
} from '../../../shared/rules.ts';
import { quoteWord } from '../rules/words.ts';
import { CliError, withCore, type CliContext } from './context.ts';
import { refuseInsideSession } from './inside-session.ts';
import { commandLines, shownText } from './shown.ts';

export const RULES_HELP = `Usage:
  gatehouse rules add --allow|--deny|--ask <kind>:<pattern> [--scope global|project[:DIR]|session:ID] [--ttl 15m|2h|7d] [--note TEXT]
  gatehouse rules list [--all] [--json]         rules in force (--all: also disabled and expired ones)
  gatehouse rules rm|enable|disable <id>
  gatehouse rules edit <id> [--allow|--deny|--ask] [--pattern <kind>:<pattern>] [--scope S] [--ttl D|none] [--note TEXT]
  gatehouse rules test [--cwd DIR] [--session ID] [--json] <command>   which rule decides it and why
  gatehouse rules backtest [--allow|--deny|--ask] [--scope S] [--json] <kind>:<pattern>
  gatehouse rules suggest <request-id> [--json]  the rule Gatehouse would remember for a request
  gatehouse rules import [--claude FILE]... [--codex FILE]... [--json]   read (never write) the agents' rules
  gatehouse rules export --format claude|codex [--include-unsafe] [-o FILE]
                                                 (allow rules that would let more through outside Gatehouse stay out
                                                 unless --include-unsafe; each is named with why)

Kinds: exact (the same words), prefix (starts with these words: prefix:npm run test),
glob (* anything, ? one character: glob:git * main), regex (RE2, matched against the whole command).`;

const EFFECT_FLAGS = { allow: { type: 'boolean' }, deny: { type: 'boolean' }, ask: { type: 'boolean' } } as const;

function effectOf(
  values: { allow?: boolean; deny?: boolean; ask?: boolean },
  required: boolean,
): RuleEffect | undefined {
  const set = (['allow', 'deny', 'ask'] as const).filter((e) => values[e]);
  if (set.length > 1) throw new CliError('choose one of --allow, --deny, --ask', 2);
  if (required && set.length === 0)
    throw new CliError(`say what the rule does: --allow, --deny or --ask\n\n${RULES_HELP}`, 2);
  return set[0];
}

/** The rule as typed: one quoted argument, or several words after `kind:` (re-quoted so they stay words). */
export function specFromArgs(args: string[]): RuleSpec {
  if (args.length === 0) throw new CliError(`a rule is <kind>:<pattern>\n\n${RULES_HELP}`, 2);
  const first = parseRuleSpec(args[0] as string);
  if ('error' in first) throw new CliError(first.error, 2);
  if (args.length === 1) return first;
  const rest = first.kind === 'exact' || first.kind === 'prefix' ? args.slice(1).map(quoteWord) : args.slice(1);
  return { kind: first.kind, pattern: [first.pattern, ...rest].join(' ') };
}

function scopeFrom(text: string | undefined, cwd: string): RuleScope | 'project-of-cwd' | undefined {
  if (text === undefined) return undefined;
  const scope = parseScope(text);
  if (typeof scope === 'object' && 'error' in scope) throw new CliError(scope.error, 2);
  if (typeof scope === 'object' && scope.type === 'project')
    return { type: 'project', dir: path.resolve(cwd, scope.dir) };
  return scope;
}

function ttlFrom(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = parseDuration(text);
  if (ms === null || ms <= 0) throw new CliError(`--ttl takes a duration such as 15m, 2h or 7d, not "${text}"`, 2);
  return ms;
}

export function ruleLine(r: Rule, now = Date.now()): string {
  const state: string[] = [];
  if (!r.enabled) state.push('disabled');
  if (r.expiresAt) {
    const left = Date.parse(r.expiresAt) - now;
    state.push(left > 0 ? `expires in ${formatDuration(left)}` : 'expired');
  }
  const hits = `${r.hits} hit${r.hits === 1 ? '' : 's'}${r.lastHitAt ? `, last ${r.lastHitAt}` : ''}`;
  return `${r.id}  ${r.effect.padEnd(5)}  ${r.kind}:${shownText(r.pattern)}\n    ${shownText(formatScope(r.scope))}  ${hits}${state.length ? `  (${state.join(', ')})` : ''}  from ${r.source}${r.note ? `\n    ${shownText(r.note)}` : ''}`;
}

// Commands, patterns and the reasons and verdicts that quote them are printed escaped (cli/shown.ts).
function explanationText(e: Explanation): string {
  const lines = [
    `${e.decision === 'hold' ? 'held for you' : e.decision === 'allow' ? 'allowed' : 'denied'} (${e.by}): ${shownText(e.reason)}`,
    `risk: ${e.risk.level} (${e.risk.score})${e.risk.reasons.length ? ` — ${shownText(e.risk.reasons.join('; '))}` : ''}`,
  ];
  for (const s of e.segments) lines.push(`  $ ${shownText(s.text)}  [${s.level}]\n      ${shownText(s.verdict)}`);
  return lines.join('\n');
}

function backtestText(b: BacktestResult): string {
  const lines = [
    `${b.rule.effect} ${b.rule.kind}:${shownText(b.rule.pattern)} (${shownText(formatScope(b.rule.scope))}) against ${b.examined} recorded requests: changes ${b.changedTotal}${b.riskyTotal ? `, ${b.riskyTotal} of them rated high or critical` : ''}`,
  ];
  for (const m of b.changed)
    lines.push(
      `  ${m.risky ? '!' : ' '} ${m.requestId}  ${m.before} → ${m.after}  [${m.level ?? 'unscored'}]  ${shownText(m.cwd)}\n${commandLines(m.command, '      ')}`,
    );
  if (b.changed.length < b.changedTotal) lines.push(`  … and ${b.changedTotal - b.changed.length} more`);
  for (const w of b.warnings) lines.push(`warning: ${shownText(w)}`);
  return lines.join('\n');
}

const issueLine = (i: ImportIssue) =>
  `  ${i.file}${i.line ? `:${i.line}` : ''}: ${shownText(`${i.entry ? `${i.entry}: ` : ''}${i.message}`)}`;

/** Files the agents read their own settings from: Gatehouse reads them, and never writes them. */
function isAgentSettings(file: string): boolean {
  const parts = path.resolve(file).split(path.sep);
  const base = parts.at(-1) ?? '';
  return (
    (parts.at(-2) === '.claude' && /^settings(\.local)?\.json$/.test(base)) ||
    parts.includes('.codex') ||
    base === '.claude.json'
  );
}

type Sub = (ctx: CliContext, argv: string[]) => Promise<number>;

const add: Sub = async (ctx, argv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      ...EFFECT_FLAGS,
      scope: { type: 'string' },
      ttl: { type: 'string' },
      note: { type: 'string' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  const effect = effectOf(values, true) as RuleEffect;
  const spec = specFromArgs(positionals);
  const rule = await withCore(ctx, (c) =>
    c.api.addRule({
      ...spec,
      effect,
      scope: scopeFrom(values.scope, ctx.cwd),
      cwd: ctx.cwd,
      ttlMs: ttlFrom(values.ttl),
      note: values.note,
      source: 'cli',
    }),
  );
  if (values.json) ctx.out(JSON.stringify(rule, null, 2));
  else if (rule.duplicate)
    ctx.out(
      `already a rule, nothing added: ${ruleLine(rule)}${values.ttl !== undefined || values.note !== undefined ? `\nIt keeps its own expiry and note; change them with: gatehouse rules edit ${rule.id} --ttl D|none --note TEXT` : ''}`,
    );
  else
    ctx.out(
      `added ${ruleLine(rule)}\nSee what else it would have decided: gatehouse rules backtest --${rule.effect} --scope ${shownText(formatScope(rule.scope))} '${rule.kind}:${shownText(rule.pattern)}'`,
    );
  return 0;
};

const list: Sub = async (ctx, argv) => {
  const { values } = parseArgs({
    args: argv,
    options: { all: { type: 'boolean' }, json: { type: 'boolean' } },
    strict: true,
  });
  const rules = await withCore(ctx, (c) => c.api.listRules({ all: values.all ?? false }));
  if (values.json) ctx.out(JSON.stringify(rules, null, 2));
  else
    ctx.out(
      rules.length
        ? rules.map((r) => ruleLine(r)).join('\n')
        : 'No rules. Add one with `gatehouse rules add --allow prefix:npm test`, or approve with `gatehouse decide <id> allow --remember`.',
    );
  return 0;
};

function oneId(argv: string[], verb: string): string {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new CliError(`usage: gatehouse rules ${verb} <id>`, 2);
  return positionals[0] as string;
}

const remove: Sub = async (ctx, argv) => {
  const rule = await withCore(ctx, (c) => c.api.removeRule(oneId(argv, 'rm')));
  ctx.out(`removed ${rule.id} (${rule.effect} ${rule.kind}:${shownText(rule.pattern)})`);
  return 0;
};

const toggle =
  (enabled: boolean): Sub =>
  async (ctx, argv) => {
    const rule = await withCore(ctx, (c) =>
      c.api.updateRule({ id: oneId(argv, enabled ? 'enable' : 'disable'), enabled }),
    );
    ctx.out(`${enabled ? 'enabled' : 'disabled'} ${ruleLine(rule)}`);
    return 0;
  };

const edit: Sub = async (ctx, argv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      ...EFFECT_FLAGS,
      pattern: { type: 'string' },
      scope: { type: 'string' },
      ttl: { type: 'string' },
      note: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1)
    throw new CliError(
      'usage: gatehouse rules edit <id> [--allow|--deny|--ask] [--pattern K:P] [--scope S] [--ttl D|none] [--note TEXT]',
      2,
    );
  const spec = values.pattern === undefined ? undefined : specFromArgs([values.pattern]);
  const scope = scopeFrom(values.scope, ctx.cwd);
  if (scope === 'project-of-cwd') throw new CliError('give the project directory: --scope project:DIR', 2);
  const rule = await withCore(ctx, (c) =>
    c.api.updateRule({
      id: positionals[0] as string,
      effect: effectOf(values, false),
      ...spec,
      scope,
      ttlMs: values.ttl === 'none' ? null : ttlFrom(values.ttl),
      note: values.note,
    }),
  );
  ctx.out(`edited ${ruleLine(rule)}`);
  return 0;
};

const test: Sub = async (ctx, argv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { cwd: { type: 'string' }, session: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0) throw new CliError('usage: gatehouse rules test [--cwd DIR] <command>', 2);
  const command = positionals.join(' ');
  const e = await withCore(ctx, (c) =>
    c.api.explain({ command, cwd: path.resolve(ctx.cwd, values.cwd ?? '.'), sessionId: values.session }),
  );
  ctx.out(values.json ? JSON.stringify(e, null, 2) : explanationText(e));
  return 0;
};

const backtestCommand: Sub = async (ctx, argv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...EFFECT_FLAGS, scope: { type: 'string' }, replaces: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const spec = specFromArgs(positionals);
  const b = await withCore(ctx, (c) =>
    c.api.backtestRule({
      ...spec,
      effect: effectOf(values, false) ?? 'allow',
      scope: scopeFrom(values.scope, ctx.cwd),
      cwd: ctx.cwd,
      replaces: values.replaces,
    }),
  );
  ctx.out(values.json ? JSON.stringify(b, null, 2) : backtestText(b));
  return 0;
};

const suggest: Sub = async (ctx, argv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new CliError('usage: gatehouse rules suggest <request-id>', 2);
  const s = await withCore(ctx, (c) => c.api.suggestRules(positionals[0] as string));
  if (values.json) ctx.out(JSON.stringify(s, null, 2));
  else
    ctx.out(
      [
        ...s.rules.map((r) => `allow ${r.kind}:${shownText(r.pattern)}  (${shownText(formatScope(r.scope))})`),
        ...s.notes.map((n) => `note: ${shownText(n)}`),
      ].join('\n') || 'nothing to suggest',
    );
  return 0;
};

const importCommand: Sub = async (ctx, argv) => {
  const { values } = parseArgs({
    args: argv,
    options: {
      claude: { type: 'string', multiple: true },
      codex: { type: 'string', multiple: true },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  const abs = (files: string[] | undefined) => files?.map((f) => path.resolve(ctx.cwd, f));
  const r = await withCore(ctx, (c) =>
    c.api.importRules({ claude: abs(values.claude), codex: abs(values.codex), cwd: ctx.cwd }),
  );
  if (values.json) {
    ctx.out(JSON.stringify(r, null, 2));
  } else {
    ctx.out(
      r.files.length ? `read ${r.files.join(', ')}` : 'found no Claude Code settings or Codex .rules files to read',
    );
    ctx.out(
      `added ${r.added.length} rule${r.added.length === 1 ? '' : 's'}${r.added.length ? `:\n${r.added.map((x) => ruleLine(x)).join('\n')}` : ''}`,
    );
    if (r.skipped.length) ctx.out(`skipped ${r.skipped.length}:\n${r.skipped.map(issueLine).join('\n')}`);
    if (r.errors.length) ctx.err(`could not read ${r.errors.length}:\n${r.errors.map(issueLine).join('\n')}`);
  }
  return r.errors.length ? 1 : 0;
};

const exportCommand: Sub = async (ctx, argv) => {
  const { values } = parseArgs({
    args: argv,
    options: {
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'include-unsafe': { type: 'boolean' },
    },
    strict: true,
  });
  if (values.format !== 'claude' && values.format !== 'codex')
    throw new CliError('usage: gatehouse rules export --format claude|codex [--include-unsafe] [-o FILE]', 2);
  const target = values.output === undefined ? null : path.resolve(ctx.cwd, values.output);
  if (target && isAgentSettings(target))
    throw new CliError(
      `${target} is an agent's own settings: Gatehouse never writes those. Export to another file (or stdout) and merge it yourself.`,
    );
  const format = values.format;
  const includeUnsafe = values['include-unsafe'] ?? false;
  const r = await withCore(ctx, (c) => c.api.exportRules({ format, cwd: ctx.cwd, includeUnsafe }));
  if (target) fs.writeFileSync(target, r.text, { mode: 0o600 });
  else ctx.out(r.text.trimEnd());
  const list = (items: ExportResult['skipped']) => items.map((s) => `  ${s.ruleId}: ${shownText(s.why)}`).join('\n');
  const lines = [`exported ${r.exported} rule${r.exported === 1 ? '' : 's'}${target ? ` to ${target}` : ''}`];
  if (r.unsafe.length)
    lines.push(
      includeUnsafe
        ? `warning: exported ${r.unsafe.length} allow rule${r.unsafe.length === 1 ? '' : 's'} that let more through outside Gatehouse (--include-unsafe):\n${list(r.unsafe)}`
        : `warning: left out ${r.unsafe.length} allow rule${r.unsafe.length === 1 ? '' : 's'} that would let more through outside Gatehouse (export them anyway with --include-unsafe):\n${list(r.unsafe)}`,
    );
  if (r.skipped.length) lines.push(`not exported:\n${list(r.skipped)}`);
  ctx.err(lines.join('\n'));
  return 0;
};

const SUBCOMMANDS: Readonly<Record<string, Sub>> = {
  add,
  list,
  ls: list,
  rm: remove,
  enable: toggle(true),
  disable: toggle(false),
  edit,
  test,
  backtest: backtestCommand,
  suggest,
  import: importCommand,
  export: exportCommand,
};

/** The subcommands that change what is allowed: refused from inside an agent session. */
const CHANGING: ReadonlySet<string> = new Set(['add', 'rm', 'enable', 'disable', 'edit', 'import']);

export async function rulesCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const run = sub ? SUBCOMMANDS[sub] : undefined;
  if (!run) {
    ctx.out(RULES_HELP);
    return sub === undefined || sub === 'help' || sub === '--help' ? 0 : 2;
  }
  if (sub && CHANGING.has(sub)) refuseInsideSession(ctx, `change rules (\`rules ${sub}\`)`);
  return run(ctx, rest);
}
