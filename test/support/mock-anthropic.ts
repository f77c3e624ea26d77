/**
 * A minimal Anthropic Messages API mock for driving the real Claude Code CLI
 * offline (`ANTHROPIC_BASE_URL=<url>`), and OpenCode through a provider on `@ai-sdk/anthropic` whose `baseURL` is
 * here (its shell tool is `bash`: `shellTool`).
 *
 * - Main conversation (a request whose `tools` include `Bash`): the first turn
 *   answers with a `tool_use` of `Bash` with `{ command }`; once the request
 *   carries a `tool_result`, it answers with a short final text (`end_turn`).
 * - Side calls (no `Bash` tool: titles, topic detection, …): a short text.
 * - `POST /v1/messages/count_tokens`: a fixed token count.
 * Both streaming (SSE) and non-streaming responses are supported.
 */
import type { ServerResponse } from 'node:http';
import {
  asArray,
  asString,
  isObject,
  mockId,
  pathname,
  sendJson,
  sendSse,
  startMockServer,
  type MockModelServer,
  type RecordedRequest,
} from './mock-model.ts';

export const MOCK_FINAL_TEXT = 'Done: the mock model saw the tool result.';

type ContentBlock =
  { type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

function toolResultText(block: Record<string, unknown>): string {
  const content = block['content'];
  if (typeof content === 'string') return content;
  return asArray(content)
    .map((part) => (isObject(part) && part['type'] === 'text' ? (asString(part['text']) ?? '') : ''))
    .filter((s) => s.length > 0)
    .join('\n');
}

function usage(output: number): Record<string, number> {
  return { input_tokens: 12, output_tokens: output, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
}

function sendMessage(res: ServerResponse, model: string, stream: boolean, block: ContentBlock): void {
  const id = mockId('msg_mock');
  const stopReason = block.type === 'tool_use' ? 'tool_use' : 'end_turn';
  if (!stream) {
    sendJson(res, 200, {
      id,
      type: 'message',
      role: 'assistant',
      model,
      content: [block],
      stop_reason: stopReason,
      stop_sequence: null,
      usage: usage(8),
    });
    return;
  }
  const start =
    block.type === 'tool_use'
      ? { type: 'tool_use', id: block.id, name: block.name, input: {} }
      : { type: 'text', text: '' };
  const delta =
    block.type === 'tool_use'
      ? { type: 'input_json_delta', partial_json: JSON.stringify(block.input) }
      : { type: 'text_delta', text: block.text };
  sendSse(res, [
    [
      'message_start',
      {
        type: 'message_start',
        message: {
          id,
          type: 'message',
          role: 'assistant',
          model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: usage(1),
        },
      },
    ],
    ['content_block_start', { type: 'content_block_start', index: 0, content_block: start }],
    ['ping', { type: 'ping' }],
    ['content_block_delta', { type: 'content_block_delta', index: 0, delta }],
    ['content_block_stop', { type: 'content_block_stop', index: 0 }],
    [
      'message_delta',
      { type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: 8 } },
    ],
    ['message_stop', { type: 'message_stop' }],
  ]);
}

/** A tool call other than Bash: `{ tool: 'Write', input: { file_path, content } }`. */
export interface MockToolUse {
  tool: string;
  input: Record<string, unknown>;
}

export async function startMockAnthropic(opts: {
  /** The first tool call: a Bash command, or another tool's call. */
  command: string | MockToolUse;
  /** Further calls, one a turn after the first (each once the previous result came back). */
  then?: ReadonlyArray<string | MockToolUse>;
  /** Awaited before the tool call is sent, so a test can change the world (stop the core) first. */
  beforeToolCall?: () => Promise<void>;
  /** Awaited before each later tool call (index 1, 2, …), so a test can wait for the last one's effects. */
  beforeLaterToolCall?: (index: number) => Promise<void>;
  /**
   * The name of the agent's shell tool, which marks the main conversation and runs a string `command`: Claude Code's
   * `Bash` (the default), OpenCode's and GitHub Copilot CLI's `bash` (they take `{ command, description }`).
   */
  shellTool?: string;
}): Promise<MockModelServer> {
  const shellTool = opts.shellTool ?? 'Bash';
  const seenToolUseIds = new Set<string>();
  const handle = async (req: RecordedRequest, res: ServerResponse, toolResults: string[]): Promise<void> => {
    const path = pathname(req.path);
    if (req.method === 'POST' && path.endsWith('/messages/count_tokens')) {
      sendJson(res, 200, { input_tokens: 42 });
      return;
    }
    if (req.method !== 'POST' || !path.endsWith('/v1/messages') || !isObject(req.body)) {
      sendJson(res, 404, {
        type: 'error',
        error: { type: 'not_found_error', message: `mock: no route ${req.method} ${path}` },
      });
      return;
    }
    const body = req.body;
    const model = asString(body['model']) ?? 'claude-mock';
    const stream = body['stream'] === true;
    const hasBash = asArray(body['tools']).some((t) => isObject(t) && t['name'] === shellTool);

    let sawToolResult = false;
    for (const message of asArray(body['messages'])) {
      if (!isObject(message) || message['role'] !== 'user') continue;
      for (const block of asArray(message['content'])) {
        if (!isObject(block) || block['type'] !== 'tool_result') continue;
        sawToolResult = true;
        const id = asString(block['tool_use_id']) ?? '';
        if (!seenToolUseIds.has(id)) {
          seenToolUseIds.add(id);
          toolResults.push(toolResultText(block));
        }
      }
    }

    const commands = [opts.command, ...(opts.then ?? [])];
    const next = sawToolResult ? seenToolUseIds.size : 0;
    if (hasBash && next < commands.length) {
      if (next === 0) await opts.beforeToolCall?.();
      else await opts.beforeLaterToolCall?.(next);
      const call = commands[next] as string | MockToolUse;
      sendMessage(res, model, stream, {
        type: 'tool_use',
        id: mockId('toolu_mock'),
        ...(typeof call === 'string'
          ? { name: shellTool, input: { command: call, description: 'Run the command under test' } }
          : { name: call.tool, input: call.input }),
      });
    } else if (hasBash) {
      sendMessage(res, model, stream, { type: 'text', text: MOCK_FINAL_TEXT });
    } else {
      // Side call (title generation, topic detection, …).
      sendMessage(res, model, stream, { type: 'text', text: 'Mock title' });
    }
  };

  return startMockServer(handle);
}
