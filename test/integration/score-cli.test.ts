// `gatehouse score`, the real CLI on the built bundle: one command, JSON, and the JSON-lines stream the
// acceptance checks drive. No core is needed for scoring.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliEnv } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';

function setup() {
  const root = tempDir('gh-score-');
  const project = path.join(root, 'project');
  fs.mkdirSync(path.join(project, '.git'), { recursive: true });
  fs.writeFileSync(path.join(project, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  return { env: cliEnv(path.join(root, 'gatehouse'), { HOME: root }), project, root };
}

describe('gatehouse score', () => {
  it('explains one command in words, and as JSON with each segment', async () => {
    const { env, project } = setup();
    const human = await cli(['score', 'cd build && rm -rf ~'], env, { cwd: project });
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^CRITICAL \d+/);
    expect(human.stdout).toContain('your home directory');
    const json = await cli(['score', '--json', 'FOO=1 rm -rf /'], env, { cwd: project });
    const parsed = JSON.parse(json.stdout) as { cmd: string; level: string; segments: Array<{ argv: string[] }> };
    expect(parsed).toMatchObject({ cmd: 'FOO=1 rm -rf /', level: 'critical' });
    expect(parsed.segments[0]?.argv).toEqual(['rm', '-rf', '/']);
  });

  it('scores a stream of JSON lines, one answer per line, in order, with the cwd each line gives', async () => {
    const { env, project, root } = setup();
    const input = [
      JSON.stringify({ cmd: 'ls -la' }),
      JSON.stringify({ cmd: 'rm -rf *', cwd: root }),
      '',
      JSON.stringify({ cmd: 'git status', cwd: project }),
    ].join('\n');
    const r = await cli(['score', '--jsonl'], env, { cwd: project, input });
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.cmd)).toEqual(['ls -la', 'rm -rf *', 'git status']);
    for (const l of lines) expect(Object.keys(l).sort()).toEqual(['categories', 'cmd', 'level', 'reasons', 'score']);
    expect(lines[0]).toMatchObject({ level: 'low' });
    expect(lines[1]).toMatchObject({ level: 'critical' });
  });

  it('answers a bad line with an error line in its place, goes on, and exits 1', async () => {
    const { env, project } = setup();
    const input = ['not json', JSON.stringify({ command: 'ls' }), JSON.stringify({ cmd: 'pwd' })].join('\n');
    const r = await cli(['score', '--jsonl'], env, { cwd: project, input });
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ line: 1, error: expect.stringContaining('not valid JSON') });
    expect(lines[1]).toMatchObject({ line: 2, error: expect.stringContaining('"cmd"') });
    expect(lines[2]).toMatchObject({ cmd: 'pwd', level: 'low' });
    expect(r.stderr).toContain('2 lines could not be read');
  });

  it('says how to use it when given nothing to score', async () => {
    const { env, project } = setup();
    const r = await cli(['score'], env, { cwd: project });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: gatehouse score');
  });
});
