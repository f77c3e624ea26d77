// Codex as a plug-in. Its hooks arrive as `-c` config overrides, a layer Gatehouse controls for this run only (no file
// of the user's is touched): PreToolUse for shell commands and `apply_patch`, PermissionRequest for its own prompt,
// PostToolUse and Stop for what then ran.
import type { AgentPlugin } from '../plugin.ts';
import { CODEX_HOOKS } from './hooks.ts';
import { codexInstaller } from './install.ts';
import { checkCodex } from './launch-checks.ts';
import { codexFailMode, codexProtections } from './status.ts';
import { wireCodex } from './wiring.ts';

export const codexAgent: AgentPlugin<'codex'> = {
  id: 'codex',
  name: 'Codex',
  program: { name: 'codex', failMode: async (probe) => codexFailMode(await probe.run(['--help'])) },
  gatedBy: 'hooks',
  hooks: CODEX_HOOKS,
  checkLaunch: (exe, args, site) => checkCodex(site, exe, args),
  wire: wireCodex,
  protections: codexProtections,
  installer: codexInstaller,
  // PreToolUse takes an allow only with `updatedInput` (0.169; protocol.ts); PermissionRequest takes none.
  takesRewrite: (call) => call.kind === 'pre-tool-use' && call.tool === 'Bash',
};
