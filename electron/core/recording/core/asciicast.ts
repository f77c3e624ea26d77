// asciicast v2 and v3 (https://docs.asciinema.org/manual/asciicast/v2/, …/v3/): writing recordings out,
// with a marker event ("m") for each interception, and reading .cast files in.
import { z } from 'zod';
import type { Session } from '../../../../shared/domain.ts';
import type { ExportFormat, RecordingInfo, TimedEvent } from '../../../../shared/recording.ts';

/** What an exported recording says its terminal was; Gatehouse's terminals are xterm-compatible. */
const TERM_TYPE = 'xterm-256color';

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

export function castHeader(format: ExportFormat, info: RecordingInfo, session: Session | null): string {
  const timestamp = Math.floor(Date.parse(info.startedAt) / 1000);
  const title = `Gatehouse session ${info.sessionId}${session ? ` (${session.agent} in ${session.cwd})` : ''}`;
  const command = session ? session.argv.join(' ') : undefined;
  const header =
    format === 'asciicast-v2'
      ? {
          version: 2,
          width: info.cols,
          height: info.rows,
          timestamp,
          duration: info.durationMs / 1000,
          command,
          title,
          env: { TERM: TERM_TYPE },
        }
      : {
          version: 3,
          term: { cols: info.cols, rows: info.rows, type: TERM_TYPE },
          timestamp,
          command,
          title,
          env: { TERM: TERM_TYPE },
        };
  return `${JSON.stringify(header)}\n`;
}

/** Event lines. v2 times are since the start; v3 times are since the previous event (`previousMs`). */
export function castEvents(
  format: ExportFormat,
  events: readonly TimedEvent[],
  previousMs: number,
): { text: string; lastMs: number } {
  let text = '';
  let prev = previousMs;
  for (const { atMs, event } of events) {
    const time = format === 'asciicast-v2' ? seconds(atMs) : seconds(Math.max(0, atMs - prev));
    prev = atMs;
    let code: string;
    let data: string;
    switch (event.kind) {
      case 'output':
        [code, data] = ['o', event.data];
        break;
      case 'input':
        [code, data] = ['i', event.data];
        break;
      case 'resize':
        [code, data] = ['r', `${event.cols}x${event.rows}`];
        break;
      case 'marker':
      case 'gap':
        [code, data] = ['m', event.label];
        break;
    }
    text += `[${time}, ${JSON.stringify(code)}, ${JSON.stringify(data)}]\n`;
  }
  return { text, lastMs: prev };
}

/** v3's last event: the exit status of the session's program. */
export function castExit(exitCode: number, atMs: number, previousMs: number): string {
  return `[${seconds(Math.max(0, atMs - previousMs))}, "x", ${JSON.stringify(String(exitCode))}]\n`;
}

// Reading .cast files.

/** Terminal sizes beyond this are not terminals. */
const MAX_DIMENSION = 10_000;
const Dimension = z.number().int().min(1).max(MAX_DIMENSION);
const Env = z.record(z.string(), z.string()).optional();

const V2HeaderSchema = z.object({
  version: z.literal(2),
  width: Dimension,
  height: Dimension,
  timestamp: z.number().optional(),
  duration: z.number().nonnegative().optional(),
  command: z.string().optional(),
  title: z.string().optional(),
  env: Env,
});

const V3HeaderSchema = z.object({
  version: z.literal(3),
  term: z.object({ cols: Dimension, rows: Dimension, type: z.string().optional() }),
  timestamp: z.number().optional(),
  command: z.string().optional(),
  title: z.string().optional(),
  env: Env,
});

const EventLineSchema = z.tuple([z.number().nonnegative().finite(), z.string().min(1), z.unknown()]);
const RESIZE = /^(\d{1,5})x(\d{1,5})$/;

export interface CastHeader {
  version: 2 | 3;
  cols: number;
  rows: number;
  /** Epoch milliseconds, when the file says. */
  startedAtMs: number | null;
  durationMs: number | null;
  command: string | null;
  title: string | null;
}

/** An event read from a cast: a terminal event, a marker, or the program's exit status (v3). */
export type CastEvent = { atMs: number; event: TimedEvent['event'] } | { atMs: number; exit: number };

export class CastFormatError extends Error {
  override readonly name = 'CastFormatError';
}

function issues(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
}

export function parseCastHeader(line: string): CastHeader {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new CastFormatError('line 1: the header is not JSON; is this an asciicast (.cast) file?');
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (version === 2) {
    const h = V2HeaderSchema.safeParse(json);
    if (!h.success) throw new CastFormatError(`line 1: not a valid asciicast v2 header (${issues(h.error)})`);
    return {
      version: 2,
      cols: h.data.width,
      rows: h.data.height,
      startedAtMs: h.data.timestamp === undefined ? null : h.data.timestamp * 1000,
      durationMs: h.data.duration === undefined ? null : h.data.duration * 1000,
      command: h.data.command ?? null,
      title: h.data.title ?? null,
    };
  }
  if (version === 3) {
    const h = V3HeaderSchema.safeParse(json);
    if (!h.success) throw new CastFormatError(`line 1: not a valid asciicast v3 header (${issues(h.error)})`);
    return {
      version: 3,
      cols: h.data.term.cols,
      rows: h.data.term.rows,
      startedAtMs: h.data.timestamp === undefined ? null : h.data.timestamp * 1000,
      durationMs: null,
      command: h.data.command ?? null,
      title: h.data.title ?? null,
    };
  }
  throw new CastFormatError(
    `line 1: asciicast version ${JSON.stringify(version ?? null)} is not supported (Gatehouse reads versions 2 and 3)`,
  );
}

/** Reads the event lines after the header, one at a time, keeping track of time. Unknown event codes are skipped, as the spec asks. */
export class CastEventReader {
  private readonly version: 2 | 3;
  private clockMs = 0;

  constructor(version: 2 | 3) {
    this.version = version;
  }

  /** `lineNumber` is 1-based, for error messages. Returns null for blank lines, comments and unknown codes. */
  read(line: string, lineNumber: number): CastEvent | null {
    if (line.trim() === '' || line.startsWith('#')) return null;
    const fail = (what: string): never => {
      throw new CastFormatError(`line ${lineNumber}: ${what}`);
    };
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return fail('not JSON');
    }
    const parsed = EventLineSchema.safeParse(json);
    if (!parsed.success) return fail(`not an event [time, code, data] (${issues(parsed.error)})`);
    const [time, code, data] = parsed.data;
    // v2 counts from the start (a file whose clock goes back is kept in order); v3 counts from the previous event.
    const atMs =
      this.version === 2 ? Math.max(this.clockMs, Math.round(time * 1000)) : this.clockMs + Math.round(time * 1000);
    this.clockMs = atMs;
    const text = (): string =>
      typeof data === 'string' ? data : fail(`the data of a "${code}" event must be a string`);
    switch (code) {
      case 'o':
        return { atMs, event: { kind: 'output', data: text() } };
      case 'i':
        return { atMs, event: { kind: 'input', data: text() } };
      case 'm':
        return { atMs, event: { kind: 'marker', label: text(), requestId: null, decision: null } };
      case 'r': {
        const m = RESIZE.exec(text());
        const cols = Number(m?.[1]);
        const rows = Number(m?.[2]);
        if (!m || cols < 1 || rows < 1 || cols > MAX_DIMENSION || rows > MAX_DIMENSION)
          return fail(`a resize must be "COLSxROWS", not ${JSON.stringify(data)}`);
        return { atMs, event: { kind: 'resize', cols, rows } };
      }
      case 'x': {
        const status = Number(text());
        if (!Number.isInteger(status)) return fail(`an exit status must be a number, not ${JSON.stringify(data)}`);
        return { atMs, exit: status };
      }
      default:
        return null;
    }
  }
}
