// Starting an interactive shell or REPL is high (rules/interactive.ts): what an agent types into it later (Codex's
// write_stdin) reaches no hook, so it is never checked. A shell or interpreter given something to run (a script, -c,
// -e, a here-doc, a pipe) is judged by what it runs, as before.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RiskEngine } from '../../../../../electron/core/risk/engine.ts';
import { createRiskEngine } from '../../../../../electron/core/risk/index.ts';
import { PROJECT, testContextOptions } from '../../../../support/risk.ts';

let engine: RiskEngine;
beforeAll(async () => {
  engine = await createRiskEngine(testContextOptions());
});

const assess = (cmd: string) => engine.assess(cmd, PROJECT);
const INTERACTIVE = /^starts an interactive (shell|REPL|interpreter) \(.+\) whose later input Gatehouse cannot see/;

describe('interactive sessions', () => {
  it.each([
    'bash',
    'bash -i',
    'bash -l',
    'bash --login',
    'bash --norc',
    'bash -o pipefail',
    'bash -s',
    'bash -s arg1 arg2',
    'sh',
    'dash',
    'zsh',
    'zsh -f',
    'fish',
    'ksh',
    'tcsh',
    'pwsh',
    'pwsh -NoExit -Command Get-Date',
    'python',
    'python3',
    'python3.12',
    'python3 -i',
    'python3 -q',
    'python3 -i script.py',
    'python3 -ic "import os"',
    'python3 -',
    'pypy3',
    'node',
    'node -i',
    'node -r ts-node/register',
    'node --interactive',
    'irb',
    'pry',
    'ipython',
    'ruby',
    'perl',
    'php -a',
    'lua',
    'julia',
    'R --vanilla',
    'jshell',
    'ghci',
    'deno',
    'deno repl',
    'bun repl',
    'tmux',
    'tmux new -s work',
    'tmux new-session',
    'screen',
    // What the parser peels still starts a bare shell.
    'exec bash',
    'env bash',
    'nohup python3',
    'cd src && bash',
  ])('%s is high', (cmd) => {
    const a = assess(cmd);
    expect(a.level, a.reasons.join(' | ')).toBe('high');
    expect(
      a.reasons.some((r) => INTERACTIVE.test(r)),
      a.reasons.join(' | '),
    ).toBe(true);
    expect(a.categories).toContain('unparsed');
  });

  it.each([
    'bash -c "ls"',
    'bash -lc "npm test"',
    'bash -ic "ls"',
    "bash <<'EOF'\nls\nEOF",
    "bash <<< 'ls'",
    'echo ls | bash',
    'bash < setup.sh',
    'bash --version',
    'sh -c "echo hi"',
    'fish -c "ls"',
    'python3 -c "print(1)"',
    'python3 -m pytest',
    'python3 -V',
    'python3 --version',
    "python3 - <<'EOF'\nprint(1)\nEOF",
    'node -e "1"',
    'node -p "1+1"',
    'node --test',
    'node -v',
    'ruby -e "puts 1"',
    'perl -e "print 1"',
    'php -r "echo 1;"',
    'lua -e "print(1)"',
    'deno run main.ts',
    'deno --version',
    'bun run build',
    'tmux ls',
    'tmux attach -t x',
    'screen -r',
    'R CMD build .',
    'pwsh -Command Get-Date',
  ])('%s does not start an interactive session', (cmd) => {
    expect(assess(cmd).reasons.filter((r) => INTERACTIVE.test(r))).toEqual([]);
  });

  it('names the program and what follows it', () => {
    expect(assess('python3 -q').reasons).toContain(
      'starts an interactive REPL (python3 -q) whose later input Gatehouse cannot see: what an agent types into it is never checked',
    );
    expect(assess('bash').reasons).toContain(
      'starts an interactive shell (bash) whose later input Gatehouse cannot see: what an agent types into it is never checked',
    );
  });

  it('leaves a shell started from language code to the reverse-shell check', () => {
    const a = assess(`python3 -c 'import os; os.system("bash -i")'`);
    expect(a.reasons.filter((r) => INTERACTIVE.test(r))).toEqual([]);
    expect(a.level).not.toBe('low');
  });
});
