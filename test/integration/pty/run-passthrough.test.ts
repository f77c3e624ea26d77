// `gatehouse run` runs the agent in its own pty: bytes reach this terminal unchanged, and the session's terminal
// is streamed to the core's recording.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { BIN } from '../../support/cli.ts';
import { startTestCore, type TestCore } from '../../support/core.ts';
import { MemoryRecordings } from '../../support/recorder.ts';
import { testPolicy } from '../../support/terminal.ts';
import { tempDir } from '../../support/temp.ts';

const cores: TestCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.stop();
});

function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => out.push(d));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end();
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr })));
}

it("passes the agent's bytes through unchanged, returns its exit code, and records the session", async () => {
  const recordings = new MemoryRecordings();
  const core = await startTestCore({ policy: testPolicy, recordings, log: () => {} });
  cores.push(core);
  const work = fs.realpathSync(tempDir('gh-run-'));
  // Colours, a multi-byte character, a byte that is not UTF-8, and enough output for many reads.
  const script =
    'printf \'a\\033[31mred\\033[0m \\303\\251 \\377\\n\'; i=0; while [ $i -lt 2000 ]; do echo "line $i of the stream"; i=$((i+1)); done; exit 7';
  // A temp dir of its own: other tests' `gatehouse run`s may have theirs open in the shared one meanwhile.
  const runTmp = tempDir('gh-run-tmp-');
  const r = await runCli(
    ['run', '--agent', 'shell', '--', 'bash', '-c', script],
    { ...process.env, GATEHOUSE_HOME: core.core.paths.home, TMPDIR: runTmp },
    work,
  );
  // What guards the session, layer by layer, not one fixed sentence; the same is stored with the session.
  expect(r.stderr).toMatch(/gatehouse: session \w+: the agent, guarded by Gatehouse as follows/);
  // The gate first: the shells' own gate command answered the launcher's canary before the agent started.
  expect(r.stderr).toMatch(/gatehouse: {3}on +gate +live: a test request through the agent's own hook command/);
  for (const layer of ['hooks', 'hook-client', 'file-tools', 'shells', 'sandbox', 'tamper-watch'])
    expect(r.stderr).toMatch(new RegExp(`gatehouse: {3}(on|partly|off) +${layer} +\\S`));
  expect(r.code).toBe(7);

  // What a pty does to the bytes (LF becomes CRLF) and nothing else.
  const lines = Array.from({ length: 2000 }, (_, i) => `line ${i} of the stream\r\n`).join('');
  const expected = Buffer.concat([
    Buffer.from('a\x1b[31mred\x1b[0m \xc3\xa9 ', 'latin1'),
    Buffer.from([0xff]),
    Buffer.from(`\r\n${lines}`),
  ]);
  expect(r.stdout.toString('latin1').slice(0, 80)).toBe(expected.toString('latin1').slice(0, 80));
  expect(r.stdout.length).toBe(expected.length);
  expect(r.stdout.equals(expected)).toBe(true);

  const [session] = await core.client.api.listSessions();
  expect(session).toMatchObject({ agent: 'shell', argv: ['bash', '-c', script], cwd: work, exitCode: 7 });
  expect(session?.protections?.map((p) => p.layer)).toEqual([
    'gate',
    'hooks',
    'hook-client',
    'file-tools',
    'shells',
    'sandbox',
    'tamper-watch',
  ]);
  expect(session?.protections?.find((p) => p.layer === 'hooks')).toMatchObject({ state: 'off' });
  const rec = await recordings.closed(session?.id as string);
  expect(rec.size).toEqual({ cols: 80, rows: 24 });
  expect(rec.startedAtMs).toBe(Date.parse(session?.startedAt as string));
  // The recording holds the same stream as text (the byte that is not UTF-8 becomes U+FFFD).
  expect(rec.output).toBe(expected.toString('utf8'));
  const atMs = rec.events.map((e) => e.atMs ?? -1);
  expect(
    atMs.every(
      (t, i) => (t >= 0 && (i === 0 || t >= (atMs[i - 1] as number))) || rec.events[i]?.event.kind === 'marker',
    ),
  ).toBe(true);
  // The core marked the interception of the agent's `bash -c` (allowed by the test policy).
  expect(rec.events.filter((e) => e.event.kind === 'marker').map((e) => e.event)).toEqual([
    { kind: 'marker', label: expect.stringContaining(script), requestId: expect.any(String), decision: 'allow' },
  ]);
  expect(fs.readdirSync(runTmp).some((f) => f.startsWith('gatehouse-run-'))).toBe(false);
});

it("stores the stream in the core's own recordings by default, interception marked, searchable", async () => {
  const core = await startTestCore({ policy: testPolicy, log: () => {} });
  cores.push(core);
  const r = await runCli(
    ['run', '-q', '--agent', 'shell', '--', 'bash', '-c', 'echo recorded-by-default'],
    { ...process.env, GATEHOUSE_HOME: core.core.paths.home },
    tempDir('gh-run-'),
  );
  expect(r.code).toBe(0);
  const [session] = await core.client.api.listSessions();
  const info = await core.client.api.getRecording(session?.id as string);
  expect(info.outputBytes).toBeGreaterThan(0);
  expect(info.markers.map((m) => m.decision)).toEqual(['allow']);
  const page = await core.client.api.recordingEvents({
    sessionId: session?.id as string,
    fromMs: -1,
    toMs: info.durationMs + 1,
  });
  expect(page.events.map((e) => (e.event.kind === 'output' ? e.event.data : '')).join('')).toContain(
    'recorded-by-default',
  );
});

it('accepts and drops a recording stream when the core is told not to record', async () => {
  const logged: string[] = [];
  const core = await startTestCore({ policy: testPolicy, recordings: null, log: (m) => logged.push(m) });
  cores.push(core);
  const r = await runCli(
    ['run', '-q', '--agent', 'shell', '--', 'sh', '-c', 'echo hello'],
    { ...process.env, GATEHOUSE_HOME: core.core.paths.home },
    tempDir('gh-run-'),
  );
  expect(r.code).toBe(0);
  expect(r.stdout.toString()).toBe('hello\r\n');
  expect(r.stderr).toBe('');
  expect(logged).toEqual([
    'gatehouse: this core has no recording service; terminal streams are accepted and not stored.',
  ]);
});
