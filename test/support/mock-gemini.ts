/**
 * A minimal Gemini API (generativelanguage, v1beta) mock for driving the real
 * Gemini CLI offline (`GOOGLE_GEMINI_BASE_URL=<url>` with a dummy
 * `GEMINI_API_KEY`).
 *
 * - Main conversation (a request whose `tools` declare `run_shell_command`):
 *   the first turn answers with a `functionCall` of `run_shell_command` with
 *   `{ command }`; once the request carries the matching `functionResponse`,
 *   it answers with a short final text.
 * - Side calls (no shell tool: routing, next-speaker checks, titles, …): a
 *   short text.
 * - `…:countTokens`: a fixed count.
 * Both `:streamGenerateContent?alt=sse` and `:generateContent` are answered.
 */
import type { ServerResponse } from 'node:http';
import {
  asArray,
  asString,
  isObject,
  mockId,
  pathname,
  sendJson,
  startMockServer,
  type JsonObject,
  type MockModelServer,
  type RecordedRequest,
} from './mock-model.ts';

export const MOCK_FINAL_TEXT = 'Done: the mock model saw the function response.';

/** Gemini CLI's shell tool (0.61.0). */
export const GEMINI_SHELL_TOOL = 'run_shell_command';

/** A tool call other than the shell: `{ tool: 'write_file', args: { file_path, content } }`. */
export interface MockFunctionCall {
  tool: string;
  args: Record<string, unknown>;
}

function declaresShell(body: JsonObject): boolean {
  return asArray(body['tools']).some(
    (t) =>
      isObject(t) && asArray(t['functionDeclarations']).some((d) => isObject(d) && d['name'] === GEMINI_SHELL_TOOL),
  );
}

function candidate(parts: JsonObject[]): JsonObject {
  return {
    candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP', index: 0 }],
    usageMetadata: { promptTokenCount: 12, candidatesTokenCount: 8, totalTokenCount: 20 },
    modelVersion: 'gemini-mock',
  };
}

function send(res: ServerResponse, stream: boolean, body: JsonObject): void {
  if (!stream) {
    sendJson(res, 200, body);
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  res.write(`data: ${JSON.stringify(body)}\r\n\r\n`);
  res.end();
}

export async function startMockGemini(opts: {
  /** The first tool call: a shell command, or another tool's call. */
  command: string | MockFunctionCall;
  /** Further calls, one a turn after the first (each once the previous response came back). */
  then?: ReadonlyArray<string | MockFunctionCall>;
  /** Awaited before the tool call is sent, so a test can change the world (stop the core) first. */
  beforeToolCall?: () => Promise<void>;
}): Promise<MockModelServer> {
  const issued = new Set<string>();
  const recorded = new Set<string>();
  const handle = async (req: RecordedRequest, res: ServerResponse, toolResults: string[]): Promise<void> => {
    const path = pathname(req.path);
    if (req.method === 'POST' && path.endsWith(':countTokens')) {
      sendJson(res, 200, { totalTokens: 42 });
      return;
    }
    const stream = path.endsWith(':streamGenerateContent');
    if (req.method !== 'POST' || (!stream && !path.endsWith(':generateContent')) || !isObject(req.body)) {
      sendJson(res, 404, {
        error: { code: 404, message: `mock: no route ${req.method} ${path}`, status: 'NOT_FOUND' },
      });
      return;
    }
    const body = req.body;
    let sawResponse = false;
    for (const content of asArray(body['contents'])) {
      if (!isObject(content)) continue;
      for (const part of asArray(content['parts'])) {
        const response = isObject(part) ? part['functionResponse'] : undefined;
        if (!isObject(response)) continue;
        const id = asString(response['id']) ?? '';
        if (!issued.has(id)) continue;
        sawResponse = true;
        if (!recorded.has(id)) {
          recorded.add(id);
          toolResults.push(JSON.stringify(response['response'] ?? null));
        }
      }
    }
    const calls = [opts.command, ...(opts.then ?? [])];
    const next = sawResponse ? recorded.size : 0;
    if (declaresShell(body) && next < calls.length) {
      if (next === 0) await opts.beforeToolCall?.();
      const id = mockId('call_mock');
      issued.add(id);
      const call = calls[next] as string | MockFunctionCall;
      const functionCall =
        typeof call === 'string'
          ? { id, name: GEMINI_SHELL_TOOL, args: { command: call, description: 'Run the command under test' } }
          : { id, name: call.tool, args: call.args };
      send(res, stream, candidate([{ functionCall }]));
    } else {
      send(res, stream, candidate([{ text: declaresShell(body) ? MOCK_FINAL_TEXT : 'Mock title' }]));
    }
  };
  return startMockServer(handle);
}
