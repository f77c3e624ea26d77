// The gate's endpoints by name, for tests that post to the gate as an agent's hook would: the gate's own and each
// agent plug-in's, in one object.
import { CLAUDE_PATHS } from '../../electron/core/agents/claude/protocol.ts';
import { CODEX_PATHS } from '../../electron/core/agents/codex/protocol.ts';
import { GATE_PATHS as CORE_PATHS } from '../../electron/core/gate/server.ts';

export const GATE_PATHS = {
  ...CORE_PATHS,
  claudePreToolUse: CLAUDE_PATHS.preToolUse,
  claudePreToolUseUnreported: CLAUDE_PATHS.preToolUseUnreported,
  claudePostToolUse: CLAUDE_PATHS.postToolUse,
  claudeEvent: CLAUDE_PATHS.event,
  claudeConfigChange: CLAUDE_PATHS.configChange,
  codexPreToolUse: CODEX_PATHS.preToolUse,
  codexPermissionRequest: CODEX_PATHS.permissionRequest,
  codexPostToolUse: CODEX_PATHS.postToolUse,
  codexStop: CODEX_PATHS.stop,
} as const;
