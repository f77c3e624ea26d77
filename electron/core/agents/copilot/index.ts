// GitHub Copilot CLI as a plug-in. Its hooks arrive as a plugin of the launch's own (`--plugin-dir`): preToolUse for
// the shell and file tools is held at the gate, postToolUse / postToolUseFailure report what ran, agentStop ends the
// turn. `gatehouse install copilot` puts the same hooks in a file of Gatehouse's own in `~/.copilot/hooks/`.
import type { AgentPlugin } from '../plugin.ts';
import { COPILOT_HOOKS } from './hooks.ts';
import { copilotInstaller } from './install.ts';
import { checkCopilot } from './launch-checks.ts';
import { copilotFailMode, copilotProtections } from './status.ts';
import { wireCopilot } from './wiring.ts';

export const copilotAgent: AgentPlugin<'copilot'> = {
  id: 'copilot',
  name: 'GitHub Copilot CLI',
  program: { name: 'copilot', failMode: async (probe) => copilotFailMode(probe.version) },
  gatedBy: 'hooks',
  hooks: COPILOT_HOOKS,
  checkLaunch: async (_exe, _args, site) => checkCopilot(site),
  wire: wireCopilot,
  protections: copilotProtections,
  installer: copilotInstaller,
};
