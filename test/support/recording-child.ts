// A core's recording service recording a busy session until it is killed: `node recording-child.ts <db file>`.
// Its recorder runs on the recording thread, as in the core. Prints `stored <events>` each time the database holds
// more of the session's events (read back over this process's own connection), so the parent knows what must survive
// a kill -9.
import { Recordings } from '../../electron/core/recording/core/service.ts';
import { Redactor } from '../../electron/core/redaction/redaction.ts';
import { openDatabase } from '../../electron/core/store/database.ts';
import { RecordingRepository } from '../../electron/core/store/recordings.ts';
import { SessionRepository } from '../../electron/core/store/sessions.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: recording-child.ts <db file>');
const db = openDatabase(file);
const startedAt = Date.now();
const sessions = new SessionRepository(db);
sessions.insert({
  id: 'crash',
  agent: 'claude',
  argv: ['claude'],
  cwd: '/w',
  pid: process.pid,
  tokenHash: 'h-crash',
  startedAt,
});
const recordings = new Recordings({
  db,
  dbFile: file,
  sessions,
  redactor: new Redactor(),
  retention: { maxAgeDays: 30, maxTotalMB: 2048 },
  onError: (err) => process.stderr.write(`${String(err)}\n`),
});
const recorder = recordings.start('crash', { cols: 80, rows: 24 }, startedAt);
const store = new RecordingRepository(db);
let line = 0;
let reported = 0;
// Runs until killed; the parent sends SIGKILL, so nothing here ever gets to clean up.
setInterval(() => {
  for (let k = 0; k < 20; k++)
    recorder.record({ kind: 'output', data: `\x1b[32mline ${line++}\x1b[0m ${'.'.repeat(line % 70)}\r\n` });
  const events = store.get('crash')?.event_count ?? 0;
  if (events > reported) {
    reported = events;
    process.stdout.write(`stored ${events}\n`);
  }
}, 2);
