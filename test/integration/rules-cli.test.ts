// `gatehouse rules|trust|audit|decide --remember` as a user runs them: the real bin against a real core.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Rule } from '../../shared/rules.ts';
import { GATE_PATHS } from '../support/gate-paths.ts';
import { cli, cliEnv } from '../support/cli.ts';
import { startTestCore, type TestCore } from '../support/core.ts';
import { PROJECT, testEngine } from '../support/risk.ts';
import { tempDir } from '../support/temp.ts';
import { post } from '../support/unix-http.ts';

const FIXTURES = path.resolve('test/fixtures/agent-rules');
const engine = testEngine();
let core: TestCore | null = null;

afterEach(async () => {
  await core?.stop();
  core = null;
});

async function start(): Promise<{ core: TestCore; env: NodeJS.ProcessEnv; userHome: string }> {
  const userHome = tempDir('gh-user-');
  core = await startTestCore({ assess: (c, cwd) => engine.assess(c, cwd), userHome });
  return { core, env: cliEnv(core.core.paths.home), userHome };
}

/** Sends a command through the gate as Claude Code's hook would; resolves with the hook's answer. */
async function ask(
  t: TestCore,
  token: string,
  command: string,
  cwd = PROJECT,
): Promise<{ decision: string; reason: string }> {
  const res = await post(
    t.core.paths.gateSocket,
    GATE_PATHS.claudePreToolUse,
    JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command }, cwd }),
    { authorization: `Bearer ${token}` },
  );
  const out = JSON.parse(res.body) as {
    hookSpecificOutput: { permissionDecision: string; permissionDecisionReason: string };
  };
  return {
    decision: out.hookSpecificOutput.permissionDecision,
    reason: out.hookSpecificOutput.permissionDecisionReason,
  };
}

describe('gatehouse rules', () => {
  it('adds, lists, tests and removes rules', async () => {
    const { env } = await start();
    const added = await cli(
      [
        'rules',
        'add',
        '--allow',
        'prefix:npm',
        'run',
        'test',
        '--scope',
        `project:${PROJECT}`,
        '--ttl',
        '2h',
        '--json',
      ],
      env,
    );
    expect(added.code).toBe(0);
    const rule = JSON.parse(added.stdout) as Rule;
    expect(rule).toMatchObject({
      effect: 'allow',
      kind: 'prefix',
      pattern: 'npm run test',
      scope: { type: 'project', dir: PROJECT },
      source: 'cli',
      hits: 0,
    });
    expect(Date.parse(rule.expiresAt ?? '') - Date.parse(rule.createdAt)).toBe(2 * 3_600_000);

    const listed = JSON.parse((await cli(['rules', 'list', '--json'], env)).stdout) as Rule[];
    expect(listed.map((r) => r.id)).toEqual([rule.id]);

    const yes = await cli(['rules', 'test', '--cwd', PROJECT, 'npm run test -- --grep foo'], env);
    expect(yes.stdout).toContain(
      `allowed (rule:${rule.id}): Allowed by Gatehouse rule ${rule.id} (allow prefix:npm run test).`,
    );
    const elsewhere = await cli(['rules', 'test', '--cwd', '/tmp', 'npm run test'], env);
    expect(elsewhere.stdout).toContain('held for you (human)');

    await cli(['rules', 'add', '--allow', 'prefix:cd'], env);
    const compound = JSON.parse(
      (await cli(['rules', 'test', '--json', '--cwd', PROJECT, 'cd x | rm -rf ~'], env)).stdout,
    ) as { decision: string; segments: Array<{ text: string; verdict: string }> };
    expect(compound.decision).toBe('hold');
    expect(compound.segments.map((s) => [s.text, s.verdict.split(' (')[0]])).toEqual([
      ['cd x', expect.stringMatching(/^allowed by rule \w+$/)],
      ['rm -rf ~', 'no allow rule covers it'],
    ]);

    const removed = await cli(['rules', 'rm', rule.id], env);
    expect(removed.stdout).toBe(`removed ${rule.id} (allow prefix:npm run test)\n`);
    expect((await cli(['rules', 'rm', rule.id], env)).stderr).toContain(`no rule with id ${rule.id}`);
  });

  it('refuses a bad rule with a clear error and adds nothing', async () => {
    const { env } = await start();
    const noKind = await cli(['rules', 'add', '--allow', 'npm test'], env);
    expect(noKind.code).toBe(2);
    expect(noKind.stderr).toContain('"npm test" is not a rule: write <kind>:<pattern>');
    const badRegex = await cli(['rules', 'add', '--deny', 'regex:(a)\\1'], env);
    expect(badRegex.code).toBe(1);
    expect(badRegex.stderr).toContain('is not a valid RE2 regular expression');
    expect(JSON.parse((await cli(['rules', 'list', '--all', '--json'], env)).stdout)).toEqual([]);
  });

  it('a held request that a newly added rule covers is decided by it', async () => {
    const { core: t, env } = await start();
    const s = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: PROJECT, pid: null });
    const held = t.next('request.held');
    const answer = ask(t, s.token, 'npm run lint');
    await held;
    const added = await cli(
      ['rules', 'add', '--allow', 'exact:npm run lint', '--scope', 'project', '--json'],
      { ...env },
      { cwd: tempDir('gh-cwd-') },
    );
    const rule = JSON.parse(added.stdout) as Rule;
    expect(rule.scope.type).toBe('project');
    // `project` alone is the project of the cwd: a temp dir here, so the held request (in PROJECT) stays held.
    expect((await t.client.api.listPending()).length).toBe(1);
    const global = JSON.parse(
      (await cli(['rules', 'add', '--allow', 'exact:npm run lint', '--json'], env)).stdout,
    ) as Rule;
    await expect(answer).resolves.toEqual({
      decision: 'allow',
      reason: `Allowed by Gatehouse rule ${global.id} (allow exact:npm run lint).`,
    });
    expect((await t.client.api.listRules()).find((r) => r.id === global.id)?.hits).toBe(1);
  });

  it('decide --remember keeps the suggested rule, which then decides the next command', async () => {
    const { core: t, env } = await start();
    const s = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: PROJECT, pid: null });
    const held = t.next('request.held');
    const first = ask(t, s.token, 'npm run test -- --grep foo');
    const { request } = await held;
    const suggestion = await cli(['rules', 'suggest', request.id], env);
    expect(suggestion.stdout).toBe(`allow prefix:npm run test  (project:${PROJECT})\n`);
    const decided = await cli(['decide', request.id, 'allow', '--remember'], env);
    expect(decided.code).toBe(0);
    expect(decided.stdout).toMatch(new RegExp(`remembered (\\w+): allow prefix:npm run test \\(project:${PROJECT}\\)`));
    expect((await first).decision).toBe('allow');
    const next = await ask(t, s.token, 'npm run test -- --grep bar');
    expect(next.decision).toBe('allow');
    expect(next.reason).toMatch(/^Allowed by Gatehouse rule \w+ \(allow prefix:npm run test\)\.$/);

    const held2 = t.next('request.held');
    const third = ask(t, s.token, 'make check');
    const second = await held2;
    const explicit = await cli(['decide', second.request.id, 'allow', '--remember', 'prefix:make', 'check'], env);
    expect(explicit.stdout).toContain('allow prefix:make check');
    expect((await third).decision).toBe('allow');
  });

  it('adding a rule already in force says so and keeps one', async () => {
    const { env } = await start();
    const first = await cli(['rules', 'add', '--allow', 'prefix:npm test', '--scope', `project:${PROJECT}`], env);
    expect(first.stdout).toMatch(/^added \w+/);
    const again = await cli(
      ['rules', 'add', '--allow', 'prefix:npm', 'test', '--scope', `project:${PROJECT}`, '--ttl', '1h'],
      env,
    );
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^already a rule, nothing added: \w+ {2}allow {2}prefix:npm test/);
    expect(again.stdout).toContain('It keeps its own expiry and note; change them with: gatehouse rules edit');
    const json = JSON.parse(
      (await cli(['rules', 'add', '--allow', 'prefix:npm test', '--scope', `project:${PROJECT}`, '--json'], env))
        .stdout,
    ) as Rule & { duplicate?: boolean };
    expect(json.duplicate).toBe(true);
    const listed = JSON.parse((await cli(['rules', 'list', '--all', '--json'], env)).stdout) as Rule[];
    expect(listed).toHaveLength(1);
  });

  it('export leaves out allow rules that would let more through in the agent, says why, and includes them when asked', async () => {
    const { env } = await start();
    const project = tempDir('gh-project-');
    await cli(['rules', 'add', '--allow', 'prefix:cat', '--scope', `project:${project}`], env);
    await cli(['rules', 'add', '--allow', 'exact:npm test'], env);
    const safe = await cli(['rules', 'export', '--format', 'claude'], env, { cwd: project });
    expect(JSON.parse(safe.stdout).permissions.allow).toEqual(['Bash(npm test)']);
    expect(safe.stderr).toContain(
      'warning: left out 1 allow rule that would let more through outside Gatehouse (export them anyway with --include-unsafe):',
    );
    expect(safe.stderr).toMatch(/`prefix:cat`: Gatehouse always holds commands rated high or critical for a person/);
    const all = await cli(['rules', 'export', '--format', 'claude', '--include-unsafe'], env, { cwd: project });
    expect(JSON.parse(all.stdout).permissions.allow).toEqual(['Bash(cat:*)', 'Bash(npm test)']);
    expect(all.stderr).toContain('warning: exported 1 allow rule that let more through outside Gatehouse');
  });

  it('imports a Claude Code settings file and a Codex .rules file, read only, and exports both formats', async () => {
    const { env, userHome } = await start();
    const claudeFile = path.join(userHome, '.claude', 'settings.json');
    fs.mkdirSync(path.dirname(claudeFile), { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, 'claude-settings.json'), claudeFile);
    const codexFile = path.join(userHome, '.codex', 'rules', 'default.rules');
    fs.mkdirSync(path.dirname(codexFile), { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, 'default.rules'), codexFile);
    const before = [fs.readFileSync(claudeFile, 'utf8'), fs.readFileSync(codexFile, 'utf8')];

    const imported = await cli(['rules', 'import', '--json'], env, { cwd: tempDir('gh-cwd-') });
    expect(imported.code).toBe(0);
    const result = JSON.parse(imported.stdout) as { files: string[]; added: Rule[]; errors: unknown[] };
    expect(result.files).toEqual([claudeFile, codexFile]);
    // Codex's `git diff` prefix is Claude's `Bash(git diff *)`: one rule.
    expect(result.added).toHaveLength(14);
    expect(result.added.find((r) => r.pattern === 'git reset --hard')).toMatchObject({
      effect: 'deny',
      source: `codex:${codexFile}:10`,
    });
    expect([fs.readFileSync(claudeFile, 'utf8'), fs.readFileSync(codexFile, 'utf8')]).toEqual(before);
    const again = JSON.parse((await cli(['rules', 'import', '--json'], env)).stdout) as { added: Rule[] };
    expect(again.added).toEqual([]);

    const broken = await cli(['rules', 'import', '--codex', path.join(FIXTURES, 'broken.rules')], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`${path.join(FIXTURES, 'broken.rules')}:5: `);

    const claude = await cli(['rules', 'export', '--format', 'claude'], env);
    expect(JSON.parse(claude.stdout).permissions.deny).toEqual([
      'Bash(curl:*)',
      'Bash(rm -rf:*)',
      'Bash(git reset --hard:*)',
    ]);
    const out = path.join(tempDir(), 'gatehouse.rules');
    const codex = await cli(['rules', 'export', '--format', 'codex', '-o', out], env);
    expect(codex.stderr).toMatch(/^exported \d+ rules to /);
    expect(fs.readFileSync(out, 'utf8')).toContain(
      'pattern = ["git", "reset", "--hard"],\n    decision = "forbidden",',
    );
    const refused = await cli(['rules', 'export', '--format', 'claude', '-o', claudeFile], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("is an agent's own settings: Gatehouse never writes those");
    expect(fs.readFileSync(claudeFile, 'utf8')).toBe(before[0]);
  });

  it('backtests a rule against recorded requests and flags what it would cover that is risky', async () => {
    const { core: t, env } = await start();
    const s = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: PROJECT, pid: null });
    for (const command of ['rm notes.txt', 'rm -rf ~']) {
      const held = t.next('request.held');
      const answer = ask(t, s.token, command);
      const { request } = await held;
      await t.client.api.decide({ id: request.id, decision: 'deny' });
      await answer;
    }
    const b = JSON.parse((await cli(['rules', 'backtest', '--json', 'prefix:rm'], env)).stdout) as {
      examined: number;
      changedTotal: number;
      changed: Array<{ command: string; after: string }>;
      warnings: string[];
    };
    expect(b).toMatchObject({ examined: 2, changedTotal: 1 });
    expect(b.changed.map((c) => [c.command, c.after])).toEqual([['rm notes.txt', 'allow']]);
    expect(b.warnings).toContain('it would also cover `rm -rf /`, rated critical');
    expect(b.warnings.some((w) => w.startsWith('it covers the recorded command `rm -rf ~`'))).toBe(true);
  });
});

describe('gatehouse trust and audit', () => {
  it('starts and stops trust mode, and keeps every change in a verifiable audit trail', async () => {
    const { env } = await start();
    const on = JSON.parse((await cli(['trust', '15m', '--json'], env)).stdout) as {
      active: boolean;
      remainingMs: number;
    };
    expect(on.active).toBe(true);
    expect(on.remainingMs).toBeLessThanOrEqual(15 * 60_000);
    expect((await cli(['trust'], env)).stdout).toMatch(
      /^Trust mode is on for .* more .*high and critical still wait for you/,
    );
    expect((await cli(['trust', 'off'], env)).stdout).toContain('Trust mode is off');
    expect((await cli(['trust', '9h'], env)).code).toBe(2);
    await cli(['rules', 'add', '--deny', 'prefix:git push'], env);
    const verified = await cli(['audit', 'verify'], env);
    expect(verified).toMatchObject({ code: 0, stdout: 'The audit trail is whole: 3 entries, every link holds.\n' });
    const entries = JSON.parse((await cli(['audit', 'list', '--json'], env)).stdout) as Array<{ kind: string }>;
    expect(entries.map((e) => e.kind)).toEqual(['trust.started', 'trust.ended', 'rule.added']);
  });
});
