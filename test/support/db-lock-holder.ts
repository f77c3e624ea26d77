// Another process holding a database's write lock, as a sqlite3 shell or a backup tool might:
// `node --experimental-strip-types db-lock-holder.ts FILE MS` takes the lock (BEGIN IMMEDIATE), prints "locked",
// and lets go after MS milliseconds or when its stdin closes, whichever comes first.
import Database from 'better-sqlite3';

const [file, ms] = process.argv.slice(2);
if (!file) throw new Error('usage: db-lock-holder.ts FILE [MS]');
const db = new Database(file, { timeout: 10_000 });
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\n');
const release = (): void => {
  db.exec('ROLLBACK');
  db.close();
  process.exit(0);
};
setTimeout(release, Number(ms ?? 60_000));
process.stdin.on('end', release);
process.stdin.resume();
