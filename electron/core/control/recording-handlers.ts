// The control API's recording calls: validate the input, call the recording service, return the result.
import type { ControlApi } from '../../../shared/api.ts';
import {
  DeleteSessionInputSchema,
  EventsBetweenInputSchema,
  ExportInputSchema,
  ImportInputSchema,
  MAX_PAGE_BYTES,
  RecordingClipInputSchema,
  ScreenAtInputSchema,
  SearchInputSchema,
} from '../../../shared/recording.ts';
import type { Recordings } from '../recording/core/service.ts';
import { validate } from './validate.ts';

export type RecordingHandlers = Pick<
  ControlApi,
  'deleteSession' | 'getRecording' | 'screenAt' | 'recordingEvents' | 'recordingClip' | 'searchRecordings' | 'exportRecording' | 'importRecording'
>;

export function recordingHandlers(recordings: Recordings): RecordingHandlers {
  return {
    deleteSession: (input) => recordings.deleteSession(validate(DeleteSessionInputSchema, input).sessionId),
    getRecording: (sessionId) => recordings.info(validate(DeleteSessionInputSchema, { sessionId }).sessionId),
    screenAt: (input) => {
      const d = validate(ScreenAtInputSchema, input);
      return recordings.reader.screenAt(d.sessionId, d.atMs);
    },
    recordingEvents: (input) => {
      const d = validate(EventsBetweenInputSchema, input);
      return recordings.reader.eventsBetween(d.sessionId, d.fromMs, d.toMs, d.maxBytes);
    },
    recordingClip: (input) => {
      const d = validate(RecordingClipInputSchema, input);
      return recordings.reader.lastSeconds(d.sessionId, d.atMs, d.spanMs, MAX_PAGE_BYTES);
    },
    searchRecordings: (input) => {
      const d = validate(SearchInputSchema, input);
      return recordings.search(d.query, d.limit, d.sessionId);
    },
    exportRecording: (input) => {
      const d = validate(ExportInputSchema, input);
      return recordings.exportPage(d.sessionId, d.format, d.fromMs);
    },
    importRecording: (input) => recordings.importCast(validate(ImportInputSchema, input).path),
  };
}
