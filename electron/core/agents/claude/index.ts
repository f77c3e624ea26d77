// Claude Code as a plug-in. Its hooks arrive through `--settings <file>`, a layer over the user's own settings (which
// stay untouched): PreToolUse for the shell and file tools is held at the gate, PostToolUse and PostToolUseFailure
// report what ran, Notification and Stop are forwarded, ConfigChange re-checks a settings file changed mid-session,
// PermissionRequest writes Claude's own rules for a command the person approved with them.
import type { AgentPlugin } from '../plugin.ts';
import { CLAUDE_HOOKS } from './hooks.ts';
import { claudeInstaller } from './install.ts';
import { checkClaude } from './launch-checks.ts';
import { claudeNativeRules } from './native-rules.ts';
import { claudeExitNote } from './resume-hint.ts';
import { claudeFailMode, claudeProtections } from './status.ts';
import { splitUserSettings, wireClaude } from './wiring.ts';

export const claudeAgent: AgentPlugin<'claude'> = {
  id: 'claude',
  name: 'Claude Code',
  program: { name: 'claude', failMode: async (probe) => claudeFailMode(probe.version) },
  gatedBy: 'hooks',
  hooks: CLAUDE_HOOKS,
  checkLaunch: async (_exe, args, site) => {
    // The user's own --settings are layers Claude Code reads: checked like its settings files.
    const { settings, rest } = splitUserSettings(args);
    return checkClaude(site, rest, settings);
  },
  wire: wireClaude,
  protections: claudeProtections,
  exitNote: claudeExitNote,
  installer: claudeInstaller,
  // PreToolUse's allow takes `updatedInput` (protocol.ts); the rewrites are POSIX shell, so Bash only.
  takesRewrite: (call) => call.kind === 'pre-tool-use' && call.tool === 'Bash',
  nativeRules: claudeNativeRules,
};
