// gatehouse doctor's store section: can decisions be recorded (room on the disk, nobody else holding the write lock),
// and if the database were damaged, what would bring its rules and audit trail back.
import fs from 'node:fs';
import path from 'node:path';
import { listBackups } from '../store/backup.ts';
import { diskFullMessage, freeBytes, lockedMessage, STORE_MIN_FREE_BYTES, writeLockHolder } from '../store/failures.ts';
import { RESERVE_BYTES, SpaceReserve } from '../store/space.ts';

export interface StoreCheck {
  name: string;
  ok: boolean;
  detail: string;
}

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** `corePid`: the running core's pid (its own short writes are not "another process"), or null. */
export function storeChecks(home: string, database: string, corePid: number | null): StoreCheck[] {
  const checks: StoreCheck[] = [];
  let size: number;
  try {
    size = fs.statSync(database).size;
  } catch {
    return checks;
  }
  const free = freeBytes(database);
  const reserve = new SpaceReserve(home).present
    ? `; ${mb(RESERVE_BYTES)} kept aside for deleting sessions on a full disk`
    : '';
  checks.push(
    free !== null && free < STORE_MIN_FREE_BYTES
      ? { name: 'disk space', ok: false, detail: diskFullMessage(database) }
      : {
          name: 'disk space',
          ok: true,
          detail: `${free === null ? 'unknown' : mb(free)} free beside ${database} (${mb(size)})${reserve}`,
        },
  );
  const holder = writeLockHolder(database);
  if (holder !== null && holder !== corePid)
    checks.push({ name: 'database lock', ok: false, detail: lockedMessage(database, holder) });
  const backupDir = path.join(home, 'backups');
  const backups = listBackups(backupDir);
  const newest = backups[0];
  const recovery =
    'If gatehouse.db is ever damaged or emptied, Gatehouse moves it aside at start and restores rules and the audit trail from the newest backup';
  checks.push(
    newest
      ? {
          name: 'backup',
          ok: true,
          detail: `${backups.length} of rules and audit in ${backupDir}, newest ${newest.takenAt.toISOString()} (audit up to #${newest.auditSeq}). ${recovery}.`,
        }
      : size === 0
        ? {
            name: 'backup',
            ok: false,
            detail: `${database} is empty and there is no backup in ${backupDir}: the core will refuse to start over it; move it aside to start afresh.`,
          }
        : {
            name: 'backup',
            ok: false,
            detail: `no backup of rules and audit in ${backupDir} yet (one is written at every start and stop, and every 6 hours). ${recovery}.`,
          },
  );
  return checks;
}
