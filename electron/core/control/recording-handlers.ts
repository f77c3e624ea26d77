// The control API's recording calls: take the parsed input, call the recording service, return the result.
import type { ControlApi } from '../../../shared/api.ts';
import { MAX_PAGE_BYTES } from '../../../shared/recording.ts';
import type { Recordings } from '../recording/core/service.ts';

export type RecordingHandlers = Pick<
  ControlApi,
  | 'deleteSession'
  | 'getRecording'
  | 'screenAt'
  | 'recordingEvents'
  | 'recordingClip'
  | 'searchRecordings'
  | 'exportRecording'
  | 'importRecording'
>;

export function recordingHandlers(recordings: Recordings): RecordingHandlers {
  return {
    deleteSession: (d) => recordings.deleteSession(d.sessionId),
    getRecording: (sessionId) => recordings.info(sessionId),
    screenAt: (d) => recordings.reader.screenAt(d.sessionId, d.atMs),
    recordingEvents: (d) => recordings.reader.eventsBetween(d.sessionId, d.fromMs, d.toMs, d.maxBytes),
    recordingClip: (d) => recordings.reader.lastSeconds(d.sessionId, d.atMs, d.spanMs, MAX_PAGE_BYTES),
    searchRecordings: (d) => recordings.search(d.query, d.limit, d.sessionId),
    exportRecording: (d) => recordings.exportPage(d.sessionId, d.format, d.fromMs),
    importRecording: (d) => recordings.importCast(d.path),
  };
}
