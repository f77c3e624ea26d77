// The control API's tamper calls: hook files to watch for a session, what was tampered with, and the acknowledgement
// that lifts the lock.
import path from 'node:path';
import { ApiError, type ControlApi } from '../../../shared/api.ts';
import type { TamperAlarm } from '../integrity/tamper-alarm.ts';
import { nodeWatchIo, type TamperWatch } from '../integrity/tamper-watch.ts';
import type { SessionRepository } from '../store/sessions.ts';

export interface TamperServices {
  alarm: TamperAlarm;
  watch: TamperWatch;
  sessions: SessionRepository;
}

export function registerTamperHandlers(
  s: TamperServices,
): Pick<ControlApi, 'protectHookFiles' | 'tamperStatus' | 'acknowledgeTamper'> {
  return {
    protectHookFiles: (d) => {
      const session = s.sessions.get(d.sessionId);
      if (!session) throw new ApiError('not_found', `no session with id ${d.sessionId}`);
      if (session.endedAt) throw new ApiError('conflict', `session ${d.sessionId} has ended`);
      // Only what is on disk already can be protected: the core writes a file back, it never writes one first.
      for (const f of d.files) {
        if (!path.isAbsolute(f.path)) throw new ApiError('invalid_input', `files: ${f.path} is not an absolute path`);
        if (nodeWatchIo.readText(f.path) !== f.content)
          throw new ApiError('invalid_input', `files: ${f.path} does not hold the content given`);
      }
      s.watch.protectFiles(d.sessionId, d.files);
      return true;
    },
    tamperStatus: () => s.alarm.status(),
    acknowledgeTamper: (d) => s.alarm.acknowledge(`human:${d.via}`, d.note),
  };
}
