/**
 * A minimal OpenAI Responses API mock for driving the real Codex CLI offline
 * (a `model_providers` entry with `wire_api = "responses"` whose `base_url`
 * points here).
 *
 * - Main conversation (a request offering a shell tool: `exec_command`,
 *   `shell_command`, `shell` or `local_shell` in `tools`, or code mode's
 *   JavaScript `exec` tool in an `additional_tools` input item): the first
 *   turn answers with a call of that tool running `opts.command`; once the
 *   request carries the matching `function_call_output` /
 *   `custom_tool_call_output`, it answers with a short final assistant message.
 * - Any other `POST …/responses` (side calls): a short assistant message.
 * - `GET …/models`: an empty model list.
 * Responses are always streamed as SSE, which is what Codex asks for.
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
  type JsonObject,
  type MockModelServer,
  type RecordedRequest,
} from './mock-model.ts';

export const MOCK_FINAL_TEXT = 'Done: the mock model saw the function output.';

/** Shell tools Codex may expose, in order of preference, and how to call them. */
type ShellTool =
  | { kind: 'function'; name: 'exec_command' | 'shell_command' | 'shell' }
  | { kind: 'local_shell' }
  /** "Code mode" (Codex's default for its newest models): a freeform `exec`
   * tool that runs JavaScript, with `exec_command` reachable as
   * `tools.exec_command(...)`. Its tools arrive in an `additional_tools` input
   * item rather than in `tools`. */
  | { kind: 'code_mode'; namespace: string | undefined };

/** Finds the code-mode `exec` tool, possibly nested in `namespace` tools. */
function findCodeModeExec(tools: unknown[], namespace: string | undefined): ShellTool | undefined {
  for (const tool of tools) {
    if (!isObject(tool)) continue;
    if (tool['type'] === 'custom' && tool['name'] === 'exec') return { kind: 'code_mode', namespace };
    if (tool['type'] === 'namespace') {
      const found = findCodeModeExec(asArray(tool['tools']), asString(tool['name']));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function findShellToolInRequest(body: JsonObject): ShellTool | undefined {
  const direct = findShellTool(asArray(body['tools']));
  if (direct !== undefined) return direct;
  const extra: unknown[] = [...asArray(body['tools'])];
  for (const item of asArray(body['input'])) {
    if (isObject(item) && item['type'] === 'additional_tools') extra.push(...asArray(item['tools']));
  }
  return findCodeModeExec(extra, undefined);
}

function findShellTool(tools: unknown[]): ShellTool | undefined {
  const names = new Set<string>();
  let localShell = false;
  for (const tool of tools) {
    if (!isObject(tool)) continue;
    if (tool['type'] === 'local_shell') localShell = true;
    const name = asString(tool['name']);
    if (name !== undefined) names.add(name);
  }
  for (const name of ['exec_command', 'shell_command', 'shell'] as const) {
    if (names.has(name)) return { kind: 'function', name };
  }
  return localShell ? { kind: 'local_shell' } : undefined;
}

function shellCallItem(
  tool: ShellTool,
  command: string,
  callId: string,
  extra: Record<string, unknown> | undefined,
): JsonObject {
  const argv = ['bash', '-lc', command];
  if (tool.kind === 'code_mode') {
    const args = JSON.stringify({ cmd: command, ...extra });
    const source = [
      `const r = await tools.exec_command(${args});`,
      `text(typeof r === 'string' ? r : (r.output ?? JSON.stringify(r)));`,
    ].join('\n');
    return {
      type: 'custom_tool_call',
      id: mockId('ctc_mock'),
      call_id: callId,
      name: 'exec',
      ...(tool.namespace !== undefined ? { namespace: tool.namespace } : {}),
      input: source,
      status: 'completed',
    };
  }
  if (tool.kind === 'local_shell') {
    return {
      type: 'local_shell_call',
      id: mockId('lsh_mock'),
      call_id: callId,
      status: 'completed',
      action: { type: 'exec', command: argv, env: {} },
    };
  }
  const args =
    tool.name === 'exec_command' ? { cmd: command } : tool.name === 'shell_command' ? { command } : { command: argv };
  return {
    type: 'function_call',
    id: mockId('fc_mock'),
    call_id: callId,
    name: tool.name,
    arguments: JSON.stringify({ ...args, ...extra }),
    status: 'completed',
  };
}

function messageItem(text: string): JsonObject {
  return {
    type: 'message',
    id: mockId('msg_mock'),
    role: 'assistant',
    status: 'completed',
    content: [{ type: 'output_text', text, annotations: [] }],
  };
}

function outputText(output: unknown): string {
  if (typeof output === 'string') return output;
  if (isObject(output)) {
    // Older shape: { content: string, success?: boolean }
    const content = asString(output['content']);
    if (content !== undefined) return content;
  }
  return asArray(output)
    .map((part) => (isObject(part) ? (asString(part['text']) ?? '') : ''))
    .filter((s) => s.length > 0)
    .join('\n');
}

function sendResponse(res: ServerResponse, item: JsonObject): void {
  const id = mockId('resp_mock');
  const base = { id, object: 'response', created_at: Math.floor(Date.now() / 1000), model: 'mock' };
  const events: Array<readonly [string, unknown]> = [
    ['response.created', { type: 'response.created', response: { ...base, status: 'in_progress', output: [] } }],
    ['response.output_item.added', { type: 'response.output_item.added', output_index: 0, item }],
  ];
  if (item['type'] === 'message') {
    const content = asArray(item['content'])[0];
    const text = isObject(content) ? (asString(content['text']) ?? '') : '';
    events.push([
      'response.output_text.delta',
      { type: 'response.output_text.delta', item_id: item['id'], output_index: 0, content_index: 0, delta: text },
    ]);
  }
  events.push(
    ['response.output_item.done', { type: 'response.output_item.done', output_index: 0, item }],
    [
      'response.completed',
      {
        type: 'response.completed',
        response: {
          ...base,
          status: 'completed',
          output: [item],
          usage: {
            input_tokens: 12,
            input_tokens_details: { cached_tokens: 0 },
            output_tokens: 8,
            output_tokens_details: { reasoning_tokens: 0 },
            total_tokens: 20,
          },
        },
      },
    ],
  );
  sendSse(res, events);
}

/**
 * A tool call other than the shell: a `function_call` (`exec_command` with `tty: true`, `write_stdin`) or a freeform
 * `custom_tool_call` (`apply_patch`). A function of the outputs so far can build it from what came back (the
 * session id `exec_command` printed, which `write_stdin` needs).
 */
export type MockToolCall =
  | { function: string; arguments: Record<string, unknown> }
  | { custom: string; input: string }
  | ((
      toolResults: readonly string[],
    ) => { function: string; arguments: Record<string, unknown> } | { custom: string; input: string });

function toolCallItem(call: MockToolCall, callId: string, toolResults: readonly string[]): JsonObject {
  const c = typeof call === 'function' ? call(toolResults) : call;
  if ('custom' in c) {
    return {
      type: 'custom_tool_call',
      id: mockId('ctc_mock'),
      call_id: callId,
      name: c.custom,
      input: c.input,
      status: 'completed',
    };
  }
  return {
    type: 'function_call',
    id: mockId('fc_mock'),
    call_id: callId,
    name: c.function,
    arguments: JSON.stringify(c.arguments),
    status: 'completed',
  };
}

export interface MockResponsesOptions {
  /** The shell command the mock model asks Codex to run (or another tool call to make first). */
  command: string | MockToolCall;
  /** Further commands or other tool calls, one a turn after the first (each once the previous output came back). */
  then?: ReadonlyArray<string | MockToolCall>;
  /**
   * Extra arguments merged into the function call, e.g.
   * `{ sandbox_permissions: 'require_escalated', justification: '…' }` for
   * `exec_command`, to make Codex ask for approval (PermissionRequest).
   */
  toolArguments?: Record<string, unknown>;
  /** Awaited before the tool call is sent, so a test can change the world (stop the core) first. */
  beforeToolCall?: () => Promise<void>;
}

export async function startMockResponses(opts: MockResponsesOptions): Promise<MockModelServer> {
  const issuedCallIds = new Set<string>();
  const recordedCallIds = new Set<string>();

  const handle = async (req: RecordedRequest, res: ServerResponse, toolResults: string[]): Promise<void> => {
    const path = pathname(req.path);
    if (req.method === 'GET' && path.endsWith('/models')) {
      sendJson(res, 200, { object: 'list', data: [], models: [] });
      return;
    }
    if (req.method !== 'POST' || !path.endsWith('/responses') || !isObject(req.body)) {
      sendJson(res, 404, { error: { type: 'not_found', message: `mock: no route ${req.method} ${path}` } });
      return;
    }
    const body = req.body;
    let sawOutput = false;
    for (const item of asArray(body['input'])) {
      if (!isObject(item)) continue;
      const type = item['type'];
      if (type !== 'function_call_output' && type !== 'custom_tool_call_output') continue;
      const callId = asString(item['call_id']) ?? '';
      if (!issuedCallIds.has(callId)) continue;
      sawOutput = true;
      if (!recordedCallIds.has(callId)) {
        recordedCallIds.add(callId);
        toolResults.push(outputText(item['output']));
      }
    }
    const shell = findShellToolInRequest(body);
    const commands = [opts.command, ...(opts.then ?? [])];
    const next = sawOutput ? recordedCallIds.size : 0;
    if (shell !== undefined && next < commands.length) {
      if (next === 0) await opts.beforeToolCall?.();
      const callId = mockId('call_mock');
      issuedCallIds.add(callId);
      const call = commands[next] as string | MockToolCall;
      sendResponse(
        res,
        typeof call === 'string'
          ? shellCallItem(shell, call, callId, opts.toolArguments)
          : toolCallItem(call, callId, toolResults),
      );
    } else {
      sendResponse(res, messageItem(shell !== undefined ? MOCK_FINAL_TEXT : 'Mock title'));
    }
  };

  return startMockServer(handle);
}
