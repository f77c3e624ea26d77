// A damaged, truncated or emptied database: found at start, restored from the rolling backup of rules and the audit
// trail (the file moved aside, never deleted), or refused with what to do; never silently started empty.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core/core.ts';
import { startTestCore, type TestCore } from '../support/core.ts';
import { tempDir } from '../support/temp.ts';

const cores: TestCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.stop();
});

const PAGE = 4096;

/** A data directory whose database holds two rules and their audit entries, left by a core that stopped. */
async function usedHome(): Promise<{ home: string; database: string; auditEntries: number }> {
  const home = tempDir('gh-home-');
  const t = await startTestCore({ home });
  await t.client.api.addRule({ effect: 'allow', kind: 'prefix', pattern: 'npm test', source: 'cli' });
  await t.client.api.addRule({ effect: 'deny', kind: 'prefix', pattern: 'rm -rf', source: 'cli' });
  const auditEntries = (await t.client.api.verifyAudit()).entries;
  const database = t.core.paths.database;
  await t.stop();
  return { home, database, auditEntries };
}

/** Overwrites the middle third of the file's pages with garbage, as a bad sector or a stray write would. */
function damageMiddlePages(file: string): void {
  const pages = fs.statSync(file).size / PAGE;
  const fd = fs.openSync(file, 'r+');
  for (let p = Math.floor(pages / 3); p < Math.ceil((2 * pages) / 3); p++)
    fs.writeSync(fd, Buffer.alloc(PAGE, 0xa5), 0, PAGE, p * PAGE);
  fs.closeSync(fd);
}

async function startLogged(home: string): Promise<{ t: TestCore; log: string[] }> {
  const log: string[] = [];
  const t = await startTestCore({ home, log: (m) => log.push(m) });
  cores.push(t);
  return { t, log };
}

async function expectRestored(home: string, database: string, auditEntries: number, what: RegExp): Promise<void> {
  const { t, log } = await startLogged(home);
  const said = log.join('\n');
  expect(said).toMatch(what);
  expect(said).toMatch(
    /Gatehouse moved it to \S+\.damaged-\S+ and restored 2 rules and \d+ audit entries from the backup of /,
  );
  expect((await t.client.api.listRules()).map((r) => r.pattern).sort()).toEqual(['npm test', 'rm -rf']);
  const audit = await t.client.api.verifyAudit();
  expect(audit).toMatchObject({ ok: true, firstBroken: null });
  expect(audit.entries).toBe(auditEntries);
  // The damaged file is kept beside the new one.
  expect(fs.readdirSync(path.dirname(database)).some((f) => f.startsWith('gatehouse.db.damaged-'))).toBe(true);
}

describe('a damaged database at start', () => {
  it('finds middle pages overwritten (quick_check) and restores rules and the audit trail from the backup', async () => {
    const { home, database, auditEntries } = await usedHome();
    damageMiddlePages(database);
    await expectRestored(home, database, auditEntries, new RegExp(`${database.replace(/[.]/g, '\\.')} is damaged \\(`));
  });

  it('finds a truncated file and restores from the backup', async () => {
    const { home, database, auditEntries } = await usedHome();
    fs.truncateSync(database, Math.floor(fs.statSync(database).size / PAGE / 2) * PAGE);
    await expectRestored(home, database, auditEntries, /is damaged \(/);
  });

  it('finds a file whose header was overwritten (not a database any more) and restores from the backup', async () => {
    const { home, database, auditEntries } = await usedHome();
    const fd = fs.openSync(database, 'r+');
    fs.writeSync(fd, Buffer.alloc(PAGE, 0x5a), 0, PAGE, 0);
    fs.closeSync(fd);
    await expectRestored(home, database, auditEntries, /is damaged \(file is not a database\)/);
  });

  it('restores a zero-length file from the backup instead of starting empty', async () => {
    const { home, database, auditEntries } = await usedHome();
    fs.truncateSync(database, 0);
    await expectRestored(home, database, auditEntries, /is empty \(0 bytes\), though Gatehouse has used it before/);
  });

  it('refuses a zero-length file with no backup, and leaves it as it was', async () => {
    const { home, database } = await usedHome();
    fs.truncateSync(database, 0);
    fs.rmSync(path.join(home, 'backups'), { recursive: true });
    await expect(startCore({ home })).rejects.toThrow(
      `${database} is empty (0 bytes), though Gatehouse has used it before: its rules and audit trail were lost, and there is no backup in ${home}/backups. ` +
        'Gatehouse will not start over it with no rules and no audit trail.',
    );
    expect(fs.statSync(database).size).toBe(0);
    expect(fs.existsSync(path.join(home, 'core.lock'))).toBe(false);
  });

  it('refuses a damaged file with no backup, saying how to go on', async () => {
    const { home, database } = await usedHome();
    damageMiddlePages(database);
    fs.rmSync(path.join(home, 'backups'), { recursive: true });
    await expect(startCore({ home })).rejects.toThrow(
      /is damaged \(.*\), and there is no backup in .*Keep the file and start afresh with `mv .*gatehouse\.db .*\.damaged-.*`.*\.recover/,
    );
  });

  it('keeps a few generations of backups, and writes one only when the audit trail has grown', async () => {
    const { home } = await usedHome();
    const backups = () => fs.readdirSync(path.join(home, 'backups')).filter((f) => f.endsWith('.db'));
    const before = backups();
    // A start and a stop with nothing changed add nothing.
    await (await startTestCore({ home })).stop();
    expect(backups()).toEqual(before);
    for (let i = 0; i < 4; i++) {
      const t = await startTestCore({ home });
      await t.client.api.addRule({ effect: 'allow', kind: 'exact', pattern: `make t${i}`, source: 'cli' });
      await t.stop();
    }
    expect(backups()).toHaveLength(3);
  });
});
