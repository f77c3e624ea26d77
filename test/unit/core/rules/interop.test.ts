// Reading Claude Code settings and Codex .rules files (read only), and writing both formats back out.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../../shared/rules.ts';
import { exportClaude, fromClaudeSpecifier } from '../../../../electron/core/rules/interop-claude.ts';
import { exportCodex } from '../../../../electron/core/rules/interop-codex.ts';
import { planImport } from '../../../../electron/core/rules/interop.ts';
import { parseStarlarkCalls } from '../../../../electron/core/rules/starlark.ts';
import { rule } from '../../../support/rules.ts';
import { tempDir } from '../../../support/temp.ts';

const FIXTURES = path.resolve('test/fixtures/agent-rules');
const fixture = (name: string) => path.join(FIXTURES, name);

function plan(opts: { claude?: string[]; codex?: string[]; existing?: Rule[]; home?: string }) {
  return planImport({
    claude: opts.claude ?? [],
    codex: opts.codex ?? [],
    named: true,
    home: opts.home ?? tempDir('gh-user-'),
    existing: opts.existing ?? [],
  });
}

const summary = (p: ReturnType<typeof plan>) => p.drafts.map((d) => `${d.effect} ${d.kind}:${d.pattern}`);

describe('Claude Code settings', () => {
  it('reads Bash entries of allow, ask and deny with their kinds, and skips the rest with a reason', () => {
    const p = plan({ claude: [fixture('claude-settings.json')] });
    expect(summary(p)).toEqual([
      'allow prefix:npm run test',
      'allow exact:npm run lint',
      'allow exact:git status',
      'allow prefix:git diff',
      'allow glob:git * --dry-run',
      'allow glob:ls*',
      'ask prefix:git push',
      'deny prefix:curl',
      'deny prefix:rm -rf',
    ]);
    expect(
      p.drafts.every((d) => d.scope.type === 'global' && d.source === `claude:${fixture('claude-settings.json')}`),
    ).toBe(true);
    expect(p.skipped.map((s) => [s.entry, s.line, s.message])).toEqual([
      ['Read(~/.zshrc)', 12, 'not a shell command rule (Gatehouse reviews shell commands only)'],
      ['WebFetch(domain:docs.anthropic.com)', 13, 'not a shell command rule (Gatehouse reviews shell commands only)'],
      ['Bash', 14, 'allows every command: imported, Gatehouse would stop reviewing anything'],
      ['Read(./.env)', 22, 'not a shell command rule (Gatehouse reviews shell commands only)'],
    ]);
    expect(p.errors).toEqual([]);
  });

  it("makes a project's .claude/settings.local.json rules project rules", () => {
    const project = tempDir('gh-proj-');
    fs.mkdirSync(path.join(project, '.claude'));
    const file = path.join(project, '.claude', 'settings.local.json');
    fs.writeFileSync(file, JSON.stringify({ permissions: { allow: ['Bash(make test)'] } }));
    expect(plan({ claude: [file] }).drafts[0]?.scope).toEqual({ type: 'project', dir: project });
  });

  it('maps the specifier forms Claude Code knows', () => {
    expect(fromClaudeSpecifier('npm run test:*')).toEqual({ kind: 'prefix', pattern: 'npm run test' });
    expect(fromClaudeSpecifier('ls *')).toEqual({ kind: 'prefix', pattern: 'ls' });
    expect(fromClaudeSpecifier('git * main')).toEqual({ kind: 'glob', pattern: 'git * main' });
    expect(fromClaudeSpecifier('* install')).toEqual({ kind: 'glob', pattern: '* install' });
    expect(fromClaudeSpecifier('ls')).toEqual({ kind: 'exact', pattern: 'ls' });
  });

  it('names the file for JSON it cannot read, and a missing named file', () => {
    const bad = path.join(tempDir(), 'settings.json');
    fs.writeFileSync(bad, '{ "permissions": { "allow": [ "Bash(ls)", ] } }');
    const p = plan({ claude: [bad, '/nonexistent/settings.json'] });
    expect(p.errors.map((e) => [e.file, e.message.split(':')[0]])).toEqual([
      [bad, 'not valid JSON'],
      ['/nonexistent/settings.json', 'no such file'],
    ]);
    expect(p.drafts).toEqual([]);
  });
});

describe('Codex .rules', () => {
  it('reads prefix_rule calls, expanding alternatives and mapping decisions', () => {
    const p = plan({ codex: [fixture('default.rules')] });
    expect(summary(p)).toEqual([
      'allow prefix:git status',
      'allow prefix:git diff',
      'allow prefix:git log',
      'deny prefix:git reset --hard',
      'ask prefix:npm publish',
      'allow prefix:cargo test',
    ]);
    expect(p.drafts[3]).toMatchObject({
      note: 'Use `git stash` instead.',
      source: `codex:${fixture('default.rules')}:10`,
    });
    expect(p.skipped).toEqual([
      expect.objectContaining({ line: 21, message: 'host_executable(...) is not a command rule' }),
    ]);
  });

  it('names file:line for what it cannot read, and keeps what it can', () => {
    const p = plan({ codex: [fixture('broken.rules'), fixture('unreadable.rules')] });
    expect(summary(p)).toEqual(['allow prefix:ls']);
    expect(p.errors.map((e) => `${path.basename(e.file)}:${e.line}: ${e.message}`)).toEqual([
      'broken.rules:5: decision must be "allow", "prompt" or "forbidden", not "maybe"',
      'broken.rules:8: each pattern element must be a word or a list of alternative words',
      'unreadable.rules:2: unexpected character "+"',
    ]);
  });

  it('parses strings the Starlark way', () => {
    const [call] = parseStarlarkCalls(
      `prefix_rule(pattern = ['a b', "c\\"d", """e\nf""" ], justification = "x" "y", n = 3, ok = True)`,
    );
    expect(call?.args).toEqual({ pattern: ['a b', 'c"d', 'e\nf'], justification: 'xy', n: 3, ok: true });
  });
});

describe('importing twice', () => {
  it('skips rules already present', () => {
    const first = plan({ codex: [fixture('default.rules')] });
    const existing = first.drafts.map((d, i) => rule(d.effect, d.kind, d.pattern, { id: `x${i}`, scope: d.scope }));
    const again = plan({ codex: [fixture('default.rules')], existing });
    expect(again.drafts).toEqual([]);
    expect(again.skipped.filter((s) => s.message === 'already a Gatehouse rule')).toHaveLength(6);
  });
});

describe('export', () => {
  const rules = [
    rule('allow', 'prefix', 'npm run test', { id: 'a' }),
    rule('deny', 'exact', 'git push --force', { id: 'b', note: 'never' }),
    rule('ask', 'glob', 'git * main', { id: 'c' }),
    rule('allow', 'regex', 'make (a|b)', { id: 'd' }),
  ];

  it('writes Claude Code permissions that read back as the same rules', () => {
    const out = exportClaude(rules);
    expect(JSON.parse(out.text)).toEqual({
      permissions: { allow: ['Bash(npm run test:*)'], ask: ['Bash(git * main)'], deny: ['Bash(git push --force)'] },
    });
    expect(out.skipped).toEqual([{ ruleId: 'd', why: 'Claude Code has no regular expressions' }]);
    const file = path.join(tempDir(), 'settings.json');
    fs.writeFileSync(file, out.text);
    expect(summary(plan({ claude: [file] }))).toEqual([
      'allow prefix:npm run test',
      'ask glob:git * main',
      'deny exact:git push --force',
    ]);
  });

  it('writes Codex prefix rules that read back, and says why the rest cannot go', () => {
    const out = exportCodex(rules);
    expect(out.exported).toBe(1);
    expect(out.skipped.map((s) => s.ruleId)).toEqual(['b', 'c', 'd']);
    const file = path.join(tempDir(), 'gatehouse.rules');
    fs.writeFileSync(file, out.text);
    expect(summary(plan({ codex: [file] }))).toEqual(['allow prefix:npm run test']);
  });
});
