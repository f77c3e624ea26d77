// A full disk, on a small tmpfs this test mounts (root only; skipped otherwise, and never the real disk): agents are
// told the disk is full, doctor says the same, deleting a session still works and lets decisions be recorded again, and
// a start on a full disk says so in words, leaving no empty lock file.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { storeChecks } from '../../electron/core/cli/doctor-store.ts';
import { startCore } from '../../electron/core/core.ts';
import { GATE_PATHS } from '../support/gate-paths.ts';
import { freeBytes } from '../../electron/core/store/failures.ts';
import { cli, cliEnv } from '../support/cli.ts';
import { startTestCore, type TestCore } from '../support/core.ts';
import { tempDir } from '../support/temp.ts';
import { post } from '../support/unix-http.ts';

const SIZE = '32m';
const mounts: string[] = [];
const cores: TestCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.stop();
  for (const m of mounts.splice(0)) execFileSync('umount', [m]);
});

function mountSmallDisk(): string | null {
  if (process.getuid?.() !== 0) return null;
  const dir = tempDir('gh-tmpfs-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${SIZE},mode=0700`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  mounts.push(dir);
  return dir;
}
/** Whether this run may mount a tmpfs (root, and mount allowed here): tried once, unmounted at once. */
function probeMount(): boolean {
  const dir = mountSmallDisk();
  if (dir === null) return false;
  execFileSync('umount', [dir]);
  mounts.splice(mounts.indexOf(dir), 1);
  return true;
}
const canMount = probeMount();

/** Writes a filler file until the disk refuses. */
function fillDisk(dir: string, name = 'filler'): void {
  const fd = fs.openSync(path.join(dir, name), 'a');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, block);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    fs.closeSync(fd);
  }
  // What is left is less than a block: fill it byte by byte.
  const rest = fs.openSync(path.join(dir, `${name}-rest`), 'a');
  try {
    for (;;) fs.writeSync(rest, Buffer.alloc(1024, 1));
  } catch {
    // ENOSPC
  } finally {
    fs.closeSync(rest);
  }
}

/** A cast file of ~3 MB of output that does not compress away, outside the small disk. */
function castFile(): string {
  const file = path.join(tempDir('gh-cast-'), 'big.cast');
  const lines = [JSON.stringify({ version: 2, width: 80, height: 24 })];
  for (let i = 0; i < 3000; i++)
    lines.push(JSON.stringify([i * 0.01, 'o', `${randomBytes(750).toString('base64')}\r\n`]));
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const payload = JSON.stringify({
  hook_event_name: 'PreToolUse',
  tool_name: 'Bash',
  tool_input: { command: 'npm test' },
  cwd: '/w',
});

describe.skipIf(!canMount)('a full disk', () => {
  it('tells agents the disk is full, doctor says so, and sessions rm frees room for decisions again', async () => {
    const disk = mountSmallDisk() as string;
    const home = path.join(disk, 'home');
    const t = await startTestCore({ home, policy: () => ({ decision: 'allow', reason: 'test' }) });
    cores.push(t);
    const database = t.core.paths.database;
    const imported = await t.client.api.importRecording({ path: castFile() });
    const s = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: '/w', pid: null });
    const gate = async () =>
      JSON.parse(
        (await post(s.gateSocket, GATE_PATHS.claudePreToolUse, payload, { authorization: `Bearer ${s.token}` })).body,
      ).hookSpecificOutput;
    expect((await gate()).permissionDecision).toBe('allow');

    // The write-ahead log emptied, then the disk filled: the next decision has nowhere to go.
    const side = new Database(database);
    side.pragma('wal_checkpoint(TRUNCATE)');
    side.close();
    fillDisk(disk);
    const denied = await gate();
    expect(denied.permissionDecision).toBe('deny');
    expect(denied.permissionDecisionReason).toMatch(
      new RegExp(
        `^Gatehouse cannot record decisions: the disk holding ${database.replace(/[.]/g, '\\.')} is full \\(0\\.\\d MB free; Gatehouse needs at least 8\\.0 MB\\)\\. Free some space there`,
      ),
    );
    expect(storeChecks(home, database, process.pid).find((c) => c.name === 'disk space')).toMatchObject({
      ok: false,
      detail: expect.stringContaining(`the disk holding ${database} is full`),
    });
    // The reviewer is told too: the status (and the UI's banner from it) says why commands are denied.
    expect((await t.client.api.status()).store).toMatch(
      /^Gatehouse cannot record decisions: the disk holding .* is full/,
    );

    // Deleting needs no room: the reserve is given back for it, and the pages it frees take the next decisions.
    const freeBefore = freeBytes(database) ?? 0;
    const rm = await cli(['sessions', 'rm', imported.session.id], cliEnv(home));
    expect(rm.stderr).toBe('');
    expect(rm.stdout).toMatch(
      new RegExp(
        `^Deleted session ${imported.session.id} and everything recorded for it \\([1-9]\\d*\\.\\d MB of recording\\)`,
      ),
    );
    expect(rm.code).toBe(0);
    expect(freeBytes(database)).toBeGreaterThan(freeBefore);
    for (let i = 0; i < 20; i++) expect((await gate()).permissionDecision).toBe('allow');
  }, 60_000);

  // Without the reserve, the deletion has the room its write-ahead log already holds (emptied into the file and cut if
  // it must grow); with an empty log and not a byte free it would fail, saying the disk is full.
  it('deletes a session on a full disk with no room kept aside while the write-ahead log has room', async () => {
    const disk = mountSmallDisk() as string;
    const home = path.join(disk, 'home');
    const t = await startTestCore({ home });
    cores.push(t);
    const imported = await t.client.api.importRecording({ path: castFile() });
    fs.rmSync(path.join(home, 'space.reserve'));
    fillDisk(disk);
    const deleted = await t.client.api.deleteSession({ sessionId: imported.session.id });
    expect(deleted.freedBytes).toBeGreaterThan(1024 * 1024);
    expect(await t.client.api.listSessions()).toEqual([]);
  }, 60_000);

  it('a start on a full disk with no room kept aside says so, and leaves no empty lock file', async () => {
    const disk = mountSmallDisk() as string;
    const home = path.join(disk, 'home');
    await (await startTestCore({ home })).stop();
    fs.rmSync(path.join(home, 'space.reserve'), { force: true });
    fillDisk(disk);
    await expect(startCore({ home })).rejects.toThrow(
      new RegExp(`^Gatehouse cannot start: the disk holding ${home}/core\\.lock is full`),
    );
    expect(fs.existsSync(path.join(home, 'core.lock'))).toBe(false);
  }, 30_000);

  it('a start on a full disk uses the room kept aside for its lock file', async () => {
    const disk = mountSmallDisk() as string;
    const home = path.join(disk, 'home');
    await (await startTestCore({ home })).stop();
    expect(fs.existsSync(path.join(home, 'space.reserve'))).toBe(true);
    fillDisk(disk);
    const t = await startTestCore({ home });
    cores.push(t);
    expect((await t.client.api.status()).pid).toBe(process.pid);
  }, 30_000);
});
