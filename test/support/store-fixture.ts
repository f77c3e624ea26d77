// A store on a fresh SQLite file with one session, and a request for it: shared by the store's unit tests.
import path from 'node:path';
import { openDatabase, type Db } from '../../electron/core/store/database.ts';
import { RequestRepository, type NewRequest } from '../../electron/core/store/requests.ts';
import { SessionRepository } from '../../electron/core/store/sessions.ts';
import { tempDir } from './temp.ts';

export function storeFixture(): { file: string; db: Db; sessions: SessionRepository; requests: RequestRepository } {
  const file = path.join(tempDir(), 'g.db');
  const db = openDatabase(file);
  const sessions = new SessionRepository(db);
  const requests = new RequestRepository(db);
  sessions.insert({ id: 's1', agent: 'claude', argv: ['claude'], cwd: '/w', pid: 1, tokenHash: 'h1', startedAt: 1000 });
  return { file, db, sessions, requests };
}

/** A request of session `s1`, held from 2000 to 5000. */
export const storedRequest = (id: string): NewRequest => ({
  id,
  sessionId: 's1',
  agent: 'claude',
  kind: 'pre-tool-use',
  tool: 'Bash',
  command: 'ls',
  cwd: '/w',
  payload: { x: 1 },
  risk: null,
  createdAt: 2000,
  expiresAt: 5000,
});
