// Exporting a recording as asciicast, a page at a time, and importing a .cast file as a read-only session.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { ApiError } from '../../../../shared/api.ts';
import type { Session } from '../../../../shared/domain.ts';
import type { ExportFormat, ExportPage, RecordingInfo } from '../../../../shared/recording.ts';
import { newId } from '../../ids.ts';
import type { RecordingRepository } from '../../store/recordings.ts';
import type { SessionRepository } from '../../store/sessions.ts';
import {
  castEvents,
  castExit,
  castHeader,
  CastEventReader,
  CastFormatError,
  parseCastHeader,
  type CastHeader,
} from './asciicast.ts';
import type { RecordingReader } from './reader.ts';
import type { ThreadRecorder } from './thread-recorder.ts';

/** A page of an export: a few MB of text per control API call. */
export const EXPORT_PAGE_BYTES = 4 * 1024 * 1024;
/** Larger files are refused rather than read: a recording this big is not a terminal session. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024 * 1024;

export function exportPage(
  reader: RecordingReader,
  info: RecordingInfo,
  session: Session | null,
  format: ExportFormat,
  fromMs: number | undefined,
): ExportPage {
  const header = fromMs === undefined ? castHeader(format, info, session) : '';
  const start = fromMs ?? -1;
  const page = reader.eventsBetween(info.sessionId, start, Number.MAX_SAFE_INTEGER, EXPORT_PAGE_BYTES);
  const { text, lastMs } = castEvents(format, page.events, Math.max(0, start));
  const exit =
    format === 'asciicast-v3' && page.nextFromMs === null && session?.exitCode != null && session.endedAt !== null
      ? castExit(session.exitCode, Math.max(lastMs, info.durationMs), lastMs)
      : '';
  return { text: header + text + exit, nextFromMs: page.nextFromMs };
}

async function* lines(file: string): AsyncGenerator<string> {
  const input = fs.createReadStream(file, { encoding: 'utf8' });
  try {
    yield* readline.createInterface({ input, crlfDelay: Infinity });
  } finally {
    input.destroy();
  }
}

interface Scanned {
  header: CastHeader;
  lastMs: number;
  exit: number | null;
}

/** Reads the whole file once, checking every line, before anything is stored. */
async function scan(file: string): Promise<Scanned> {
  let header: CastHeader | null = null;
  let events: CastEventReader | null = null;
  let lastMs = 0;
  let exit: number | null = null;
  let n = 0;
  for await (const line of lines(file)) {
    n++;
    if (!header || !events) {
      header = parseCastHeader(line);
      events = new CastEventReader(header.version);
      continue;
    }
    const e = events.read(line, n);
    if (!e) continue;
    lastMs = e.atMs;
    if ('exit' in e) exit = e.exit;
  }
  if (!header) throw new CastFormatError('the file is empty');
  return { header, lastMs, exit };
}

export interface ImportDeps {
  sessions: SessionRepository;
  store: RecordingRepository;
  startRecorder: (
    sessionId: string,
    startedAtMs: number,
  ) => Pick<ThreadRecorder, 'record' | 'backlogBytes' | 'ready' | 'finish'>;
  deleteSession: (sessionId: string) => void;
}

/** Imports a .cast file as an ended session. A bad file is refused with the line at fault, and nothing is stored. */
export async function importCast(deps: ImportDeps, file: string): Promise<Session> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    throw new ApiError(
      'invalid_input',
      `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  if (!stat.isFile()) throw new ApiError('invalid_input', `${file} is not a file`);
  if (stat.size > MAX_IMPORT_BYTES)
    throw new ApiError(
      'invalid_input',
      `${file} is ${Math.round(stat.size / 2 ** 20)} MB; Gatehouse imports casts up to ${MAX_IMPORT_BYTES / 2 ** 30} GB`,
    );
  let scanned: Scanned;
  try {
    scanned = await scan(file);
  } catch (err) {
    if (err instanceof CastFormatError)
      throw new ApiError('invalid_input', `${path.basename(file)} is not a valid asciicast file: ${err.message}`);
    throw err;
  }
  const { header } = scanned;
  const id = newId();
  const startedAt = header.startedAtMs ?? stat.mtimeMs - (header.durationMs ?? scanned.lastMs);
  const durationMs = Math.max(scanned.lastMs, header.durationMs ?? 0);
  deps.sessions.insert({
    id,
    agent: 'generic',
    argv: [header.title ?? header.command ?? path.basename(file)],
    cwd: path.dirname(file),
    pid: null,
    // Never a SHA-256 of a token, so no hook can ever present this session's token.
    tokenHash: `imported:${id}`,
    startedAt: Math.round(startedAt),
  });
  try {
    deps.store.create({
      sessionId: id,
      source: 'import',
      cols: header.cols,
      rows: header.rows,
      startedAt: Math.round(startedAt),
    });
    const recorder = deps.startRecorder(id, startedAt);
    const reader = new CastEventReader(header.version);
    let n = 0;
    for await (const line of lines(file)) {
      if (n++ === 0) continue;
      const e = reader.read(line, n);
      if (!e || 'exit' in e) continue;
      recorder.record(
        e.event.kind === 'gap' ? { kind: 'marker', label: e.event.label, requestId: null, decision: null } : e.event,
        e.atMs,
      );
      if (recorder.backlogBytes > 0) await recorder.ready();
    }
    await recorder.finish(durationMs);
    deps.sessions.end(id, scanned.exit, Math.round(startedAt + durationMs));
    return deps.sessions.get(id) as Session;
  } catch (err) {
    deps.deleteSession(id);
    throw err;
  }
}
