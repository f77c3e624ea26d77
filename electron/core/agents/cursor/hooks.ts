// Cursor's endpoints at the gate: beforeShellExecution becomes a held command answered with `permission`;
// afterShellExecution says what ran (by its command text: Cursor's documented payload has no call id). Cursor's file
// edits reach no blocking hook in its documented events (afterFileEdit comes after), so they are not held.
import { HookPayloadError, parseHookPayload, SILENT, type HookAnswer } from '../../gate/protocols.ts';
import type { GateHook, HookCall } from '../plugin.ts';
import {
  CURSOR_PATHS,
  cursorAnswer,
  CursorAfterShellSchema,
  CursorBeforeShellSchema,
  cursorReport,
} from './protocol.ts';

async function beforeShell(call: HookCall): Promise<HookAnswer> {
  const p = parseHookPayload(CursorBeforeShellSchema, call.body);
  // `cwd` can be empty for a command in the workspace's root: the first root is where it runs.
  const cwd = p.cwd || p.workspace_roots?.[0];
  if (!cwd) throw new HookPayloadError('beforeShellExecution without cwd or workspace_roots');
  return cursorAnswer(
    await call.decide({
      kind: 'pre-tool-use',
      tool: 'shell',
      command: p.command,
      cwd,
      callId: null,
      expectsOutcome: false,
    }),
  );
}

/** Observation only: always silence. */
async function afterShell(call: HookCall): Promise<HookAnswer> {
  call.reportOutcome(cursorReport(parseHookPayload(CursorAfterShellSchema, call.body)));
  return SILENT;
}

export const CURSOR_HOOKS: readonly GateHook[] = [
  { path: CURSOR_PATHS.beforeShellExecution, handle: beforeShell },
  { path: CURSOR_PATHS.afterShellExecution, handle: afterShell },
];
