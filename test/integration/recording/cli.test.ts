// The recording commands as a user runs them: the real bin against a real daemon process.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readAdminToken } from '../../../electron/core/admin-token.ts';
import { connectControl } from '../../../electron/core/control/client.ts';
import { corePaths } from '../../../electron/core/paths.ts';
import { cli, cliEnv, startDaemon } from '../../support/cli.ts';
import { capturedProgramOutput } from '../../support/terminal-streams.ts';
import { tempDir } from '../../support/temp.ts';

const stops: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** An asciicast v2 file of real program output, with a marker and a resize. */
function castFile(dir: string): { file: string; output: string } {
  const output = capturedProgramOutput();
  const lines = [JSON.stringify({ version: 2, width: 100, height: 30, timestamp: 1_700_000_000, title: 'demo run' })];
  let t = 0;
  for (let i = 0; i < output.length; i += 2000) {
    lines.push(JSON.stringify([(t += 0.05), 'o', output.slice(i, i + 2000)]));
    if (i === 10_000)
      lines.push(JSON.stringify([(t += 0.01), 'm', 'looked here']), JSON.stringify([(t += 0.01), 'r', '120x40']));
  }
  const file = path.join(dir, 'demo.cast');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, output };
}

function outputOfCast(text: string): string {
  return text
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => JSON.parse(l) as [number, string, string])
    .filter(([, code]) => code === 'o')
    .map(([, , data]) => data)
    .join('');
}

describe('gatehouse import | export | search | sessions rm', () => {
  it('imports a cast, exports it to a file and to stdout, finds words in it, and deletes it', async () => {
    const home = tempDir('gh-home-');
    const daemon = await startDaemon(home);
    stops.push(daemon.stop);
    const env = cliEnv(home);
    const dir = tempDir();
    const { output } = castFile(dir);

    const imported = await cli(['import', 'demo.cast'], env, { cwd: dir });
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const id = /as session ([a-z2-7]{8}) /.exec(imported.stdout)?.[1];
    if (!id) throw new Error(`no session id in: ${imported.stdout}`);
    expect(imported.stdout).toMatch(/1 markers\)\.$/m);

    const toFile = await cli(['export', id, '--format', 'asciicast', '-o', 'out.cast'], env, { cwd: dir });
    expect(toFile.code).toBe(0);
    expect(toFile.stderr).toContain(`Exported session ${id} to ${path.join(dir, 'out.cast')}`);
    const written = fs.readFileSync(path.join(dir, 'out.cast'), 'utf8');
    expect(outputOfCast(written)).toBe(output);
    expect(written).toContain('"m", "looked here"]');
    expect(written).toContain('"r", "120x40"]');
    expect(fs.readdirSync(dir).sort()).toEqual(['demo.cast', 'out.cast']);

    const toStdout = await cli(['export', id, '--format', 'asciicast'], env);
    expect(toStdout.code).toBe(0);
    expect(toStdout.stdout).toBe(written);
    const v3 = await cli(['export', id, '--format', 'asciicast', '--v3'], env);
    expect(JSON.parse(v3.stdout.split('\n')[0] ?? '')).toMatchObject({ version: 3, term: { cols: 100, rows: 30 } });
    expect(outputOfCast(v3.stdout)).toBe(output);

    const word = /\b([a-z]{6,})\b/.exec(output.slice(20_000))?.[1] ?? 'total';
    const search = await cli(['search', word, '--json'], env);
    const hits = JSON.parse(search.stdout) as Array<{
      sessionId: string;
      atMs: number;
      snippet: string;
      match: { start: number; length: number };
    }>;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]).toMatchObject({ sessionId: id });
    const [first] = hits;
    expect(first?.snippet.slice(first.match.start, first.match.start + first.match.length).toLowerCase()).toBe(word);
    // As text, the match is between brackets.
    expect((await cli(['search', word], env)).stdout.toLowerCase()).toContain(`[${word}]`);
    expect((await cli(['search', 'zzqxj', 'nothing'], env)).stdout).toContain(
      'Nothing recorded matches "zzqxj nothing".',
    );

    const rm = await cli(['sessions', 'rm', id], env);
    expect(rm.code).toBe(0);
    expect(rm.stdout).toMatch(
      new RegExp(`^Deleted session ${id} and everything recorded for it \\(\\d+\\.\\d MB of recording\\)\\.`),
    );
    expect(JSON.parse((await cli(['sessions', '--json'], env)).stdout)).toEqual([]);
    const again = await cli(['sessions', 'rm', id], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`no session with id ${id}`);
    expect((await cli(['export', id, '--format', 'asciicast'], env)).stderr).toContain(
      `session ${id} has no recording`,
    );
  });

  it('refuses bad input clearly and writes nothing', async () => {
    const home = tempDir('gh-home-');
    const daemon = await startDaemon(home);
    stops.push(daemon.stop);
    const env = cliEnv(home);
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'bad.cast'),
      '{"version": 2, "width": 80, "height": 24}\n[0.1, "o", "fine"]\nnot an event\n',
    );
    const bad = await cli(['import', 'bad.cast'], env, { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('gatehouse: bad.cast is not a valid asciicast file: line 3: not JSON\n');
    expect(JSON.parse((await cli(['sessions', '--json'], env)).stdout)).toEqual([]);

    expect((await cli(['export', 'nosuch', '--format', 'asciicast'], env)).stderr).toContain(
      'session nosuch has no recording',
    );
    expect((await cli(['export', 'nosuch', '--format', 'json'], env)).code).toBe(2);
    expect((await cli(['export'], env)).code).toBe(2);
    const { file } = castFile(dir);
    const ok = await cli(['import', file, '--json'], env);
    const id = (JSON.parse(ok.stdout) as { session: { id: string } }).session.id;
    const unwritable = await cli(
      ['export', id, '--format', 'asciicast', '-o', path.join(dir, 'missing-dir', 'x.cast')],
      env,
    );
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/cannot write .*missing-dir\/x\.cast: ENOENT/);

    // A session that is still running cannot be deleted.
    const paths = corePaths(home);
    const client = await connectControl(paths.controlSocket, readAdminToken(paths.adminTokenFile));
    stops.push(async () => client.close());
    const live = await client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: dir, pid: process.pid });
    const rm = await cli(['sessions', 'rm', live.session.id], env);
    expect(rm.code).toBe(1);
    expect(rm.stderr).toContain(`session ${live.session.id} is still running; end it before deleting it`);
  });
});
