// OpenCode's side of the gate: what Gatehouse's plug-in (`plugin-source.ts`) posts from OpenCode's
// `tool.execute.before` and `tool.execute.after`, and the answer it reads back. OpenCode itself has no hook protocol
// with the outside: a plug-in is JavaScript it loads, so the payload and the answer are Gatehouse's own words, and the
// plug-in turns a deny into a throw, which OpenCode reads as "the tool failed" and hands its message to the model
// (measured on opencode-ai 1.18.33, test/e2e/opencode-protocol.test.ts). Pure.
import { z } from 'zod';
import type { Verdict } from '../../broker/broker.ts';
import type { AgentReport } from '../../broker/outcomes.ts';
import { agentReason, jsonAnswer, type HookAnswer } from '../../gate/protocols.ts';

/** Where the plug-in posts: before every tool call (held or passed), and after one that succeeded (what ran). */
export const OPENCODE_PATHS = {
  toolBefore: '/v1/gate/opencode/tool-before',
  toolAfter: '/v1/gate/opencode/tool-after',
} as const;

/** OpenCode's shell tool: `{ command, description, workdir?, timeout? }` (1.18.33). */
export const OPENCODE_SHELL_TOOLS: readonly string[] = ['bash'];

/**
 * `tool.execute.before` as the plug-in forwards it: OpenCode's `input` (`tool`, `sessionID`, `callID`), the call's
 * `args` (OpenCode's `output.args`), and the plug-in's `directory` (where OpenCode was started: a tool's relative
 * paths and the shell's default working directory).
 */
export const OpencodeToolBeforeSchema = z.looseObject({
  tool: z.string().min(1),
  sessionID: z.string().optional(),
  callID: z.string().min(1).optional(),
  args: z.looseObject({}),
  directory: z.string().min(1),
});

/** The shell tool's arguments; `workdir` is relative to `directory` when not absolute. */
export const OpencodeBashArgsSchema = z.looseObject({
  command: z.string().min(1),
  workdir: z.string().min(1).optional(),
});

/**
 * `tool.execute.after`: OpenCode calls it only for a tool that returned (a tool that throws gets none: opencode issue
 * 27900), with `{ title, output, metadata }`; the shell tool's metadata carries `exit` (1.18.33).
 */
export const OpencodeToolAfterSchema = z.looseObject({
  tool: z.string().min(1),
  callID: z.string().min(1).optional(),
  args: z.looseObject({}).optional(),
  result: z
    .looseObject({
      output: z.unknown().optional(),
      metadata: z.looseObject({ exit: z.number().int().nullable().optional() }).optional(),
    })
    .optional(),
});
type OpencodeToolAfter = z.infer<typeof OpencodeToolAfterSchema>;

/** What `tool.execute.after` says ran; `command` names the call when no id came. */
export function opencodeReport(p: OpencodeToolAfter, command: string | null): AgentReport {
  const exit = p.result?.metadata?.exit;
  const output = p.result?.output;
  return {
    callId: p.callID ?? null,
    command,
    state: typeof exit === 'number' && exit !== 0 ? 'failed' : 'ran',
    exitCode: typeof exit === 'number' ? exit : null,
    durationMs: null,
    output: typeof output === 'string' && output ? output : null,
  };
}

/**
 * The plug-in's answer: it lets the call go on only on `decision: "allow"`; anything else (deny, an empty or unreadable
 * body) makes it throw `reason`, which the model reads as the tool's error.
 */
export function opencodeAnswer(v: Verdict): HookAnswer {
  return jsonAnswer({ decision: v.decision, reason: v.decision === 'allow' ? v.reason : agentReason(v) });
}

/** A tool Gatehouse does not hold (reading, searching, a file change outside protected places): go on. */
export const OPENCODE_PASS: HookAnswer = jsonAnswer({ decision: 'allow', reason: 'not held by Gatehouse' });
