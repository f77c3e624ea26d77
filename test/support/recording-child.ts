// A process that records a busy session until it is killed: `node recording-child.ts <db file>`.
// Prints `stored <events>` each time a chunk is on disk, so the parent knows what must survive a kill -9.
import { StoreSink } from '../../electron/core/recording/chunk-sink.ts';
import { Recorder } from '../../electron/core/recording/recorder.ts';
import { Redactor } from '../../electron/core/recording/redaction.ts';
import { openDatabase } from '../../electron/core/store/database.ts';
import { RecordingRepository } from '../../electron/core/store/recordings.ts';
import { SessionRepository } from '../../electron/core/store/sessions.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: recording-child.ts <db file>');
const db = openDatabase(file);
const startedAt = Date.now();
new SessionRepository(db).insert({ id: 'crash', agent: 'claude', argv: ['claude'], cwd: '/w', pid: process.pid, tokenHash: 'h-crash', startedAt });
const store = new RecordingRepository(db);
store.create({ sessionId: 'crash', source: 'live', cols: 80, rows: 24, startedAt });
const recorder = new Recorder({
  sessionId: 'crash',
  startedAtMs: startedAt,
  sink: new StoreSink(store),
  redactor: new Redactor(),
  onStored: (s) => process.stdout.write(`stored ${s.events}\n`),
  onError: (err) => process.stderr.write(`${String(err)}\n`),
});
let line = 0;
// Runs until killed; the parent sends SIGKILL, so nothing here ever gets to clean up.
setInterval(() => {
  for (let k = 0; k < 20; k++) recorder.record({ kind: 'output', data: `\x1b[32mline ${line++}\x1b[0m ${'.'.repeat(line % 70)}\r\n` });
}, 2);
