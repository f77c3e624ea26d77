// gatehouse export | import | search | sessions rm: recordings from a terminal, through the control API.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError } from '../../../shared/api.ts';
import type { ExportFormat, SearchHit } from '../../../shared/recording.ts';
import { formatDuration } from '../../../shared/duration.ts';
import { CliError, withCore, type CliContext } from './context.ts';
import { refuseInsideSession } from './inside-session.ts';
import { shownText } from './shown.ts';

/** Turns the core's refusals (unknown session, bad file, running session) into one-line CLI errors. */
async function asCliErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ApiError && err.code !== 'internal') throw new CliError(err.message);
    throw err;
  }
}

const offset = (ms: number): string => {
  const s = Math.max(0, ms) / 1000;
  return `+${Math.floor(s / 60)}:${(s % 60).toFixed(3).padStart(6, '0')}`;
};

export async function exportCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      format: { type: 'string', default: 'asciicast' },
      v3: { type: 'boolean' },
      output: { type: 'string', short: 'o' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [sessionId, ...extra] = positionals;
  if (!sessionId || extra.length > 0)
    throw new CliError('usage: gatehouse export <session> --format asciicast [--v3] [-o FILE]', 2);
  if (values.format !== 'asciicast')
    throw new CliError(`--format ${values.format} is not supported; use --format asciicast`, 2);
  const format: ExportFormat = values.v3 ? 'asciicast-v3' : 'asciicast-v2';
  const target = values.output === undefined ? null : path.resolve(ctx.cwd, values.output);
  // Written beside the target and renamed at the end: a failed export never leaves half a file behind.
  const temp = target ? `${target}.${process.pid}.partial` : null;
  const fd = temp ? openForWriting(temp, values.output ?? temp) : null;
  try {
    await asCliErrors(() =>
      withCore(ctx, async (c) => {
        let fromMs: number | undefined;
        for (;;) {
          const page = await c.api.exportRecording({ sessionId, format, fromMs });
          if (fd !== null) fs.writeSync(fd, page.text);
          else if (page.text) ctx.out(page.text.slice(0, -1));
          if (page.nextFromMs === null) break;
          fromMs = page.nextFromMs;
        }
      }),
    );
    if (fd !== null && temp && target) {
      fs.closeSync(fd);
      fs.renameSync(temp, target);
      ctx.err(
        `Exported session ${sessionId} to ${target} (asciicast ${format === 'asciicast-v3' ? 'v3' : 'v2'}; play it with \`asciinema play ${values.output}\`).`,
      );
    }
    return 0;
  } catch (err) {
    if (fd !== null && temp) {
      fs.closeSync(fd);
      fs.rmSync(temp, { force: true });
    }
    throw err;
  }
}

function openForWriting(file: string, shown: string): number {
  try {
    return fs.openSync(file, 'w', 0o600);
  } catch (err) {
    throw new CliError(`cannot write ${shown}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

export async function importCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new CliError('usage: gatehouse import <file.cast> [--json]', 2);
  const imported = await asCliErrors(() =>
    withCore(ctx, (c) => c.api.importRecording({ path: path.resolve(ctx.cwd, file) })),
  );
  if (values.json) ctx.out(JSON.stringify(imported, null, 2));
  else
    ctx.out(
      `Imported ${file} as session ${imported.session.id} (${formatDuration(imported.recording.durationMs)}, ${imported.recording.eventCount} events, ${imported.recording.markers.length} markers).`,
    );
  return 0;
}

export async function searchCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { session: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const query = positionals.join(' ').trim();
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (!query || (limit !== undefined && !Number.isInteger(limit)))
    throw new CliError('usage: gatehouse search <words…> [--session ID] [--limit N] [--json]', 2);
  const hits = await asCliErrors(() =>
    withCore(ctx, (c) => c.api.searchRecordings({ query, sessionId: values.session, limit })),
  );
  if (values.json) ctx.out(JSON.stringify(hits, null, 2));
  else if (hits.length === 0) ctx.out(`Nothing recorded matches "${query}".`);
  else for (const h of hits) ctx.out(`${h.sessionId}  ${offset(h.atMs)}  ${bracketed(h)}`);
  return 0;
}

/** A hit's snippet as a line of plain text: the match between [ and ], each part escaped (cli/shown.ts). */
function bracketed(hit: SearchHit): string {
  const { start, length } = hit.match;
  const part = (from: number, to?: number) => shownText(hit.snippet.slice(from, to));
  return `${part(0, start)}[${part(start, start + length)}]${part(start + length)}`;
}

/** `gatehouse sessions rm <id>`: deletes an ended session and everything recorded for it. */
export async function removeSessionCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true });
  const [sessionId, ...extra] = positionals;
  if (!sessionId || extra.length > 0) throw new CliError('usage: gatehouse sessions rm <session>', 2);
  refuseInsideSession(ctx, 'delete a session and its record');
  const deleted = await asCliErrors(() => withCore(ctx, (c) => c.api.deleteSession({ sessionId })));
  ctx.out(
    `Deleted session ${deleted.sessionId} and everything recorded for it (${(deleted.freedBytes / 2 ** 20).toFixed(1)} MB of recording).`,
  );
  return 0;
}
