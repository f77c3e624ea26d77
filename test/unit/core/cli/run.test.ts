// `gatehouse run`'s arguments: the options, the agent command, and which agent it is.
import { describe, expect, it } from 'vitest';
import { detectAgent } from '../../../../electron/core/agents/registry.ts';
import { parseRunArgs } from '../../../../electron/core/cli/run.ts';

describe('gatehouse run arguments', () => {
  it('takes everything after -- as the agent command, options included', () => {
    expect(parseRunArgs(['--', 'claude', '-p', 'hi', '--settings', 'x', '--no-sandbox'])).toEqual({
      agent: null,
      quiet: false,
      noSandbox: false,
      command: ['claude', '-p', 'hi', '--settings', 'x', '--no-sandbox'],
    });
  });

  it('takes the first word that is not an option as the start of the command', () => {
    expect(parseRunArgs(['--agent', 'codex', '-q', 'my-codex', 'exec', '--json'])).toEqual({
      agent: 'codex',
      quiet: true,
      noSandbox: false,
      command: ['my-codex', 'exec', '--json'],
    });
    expect(parseRunArgs(['--no-sandbox', '--agent', 'shell', 'aider'])).toEqual({
      agent: 'shell',
      quiet: false,
      noSandbox: true,
      command: ['aider'],
    });
    expect(parseRunArgs(['--agent=claude', 'c'])).toMatchObject({ agent: 'claude' });
  });

  it.each([[[]], [['--']], [['--agent', 'aider', '--', 'x']], [['--bogus', 'claude']]])(
    'rejects %j with a usage error',
    (argv) => {
      expect(() => parseRunArgs(argv)).toThrow(expect.objectContaining({ exitCode: 2 }));
    },
  );

  it.each([
    ['claude', 'claude'],
    ['/usr/local/bin/claude', 'claude'],
    ['C:\\tools\\codex.cmd', 'codex'],
    ['node_modules/.bin/codex', 'codex'],
    ['aider', null],
  ])('recognises %s as %s', (command, agent) => expect(detectAgent(command.replace(/\\/g, '/'))).toBe(agent));
});
