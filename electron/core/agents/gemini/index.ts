// Gemini CLI as a plug-in. Its hooks arrive as an extension in a home folder of the launch's own (`GEMINI_CLI_HOME`),
// whose `.gemini` links back to the person's: BeforeTool for the shell and file tools is held at the gate, AfterTool
// reports what ran, AfterAgent ends the turn.
import type { AgentPlugin } from '../plugin.ts';
import { GEMINI_HOOKS } from './hooks.ts';
import { geminiInstaller } from './install.ts';
import { checkGemini } from './launch-checks.ts';
import { geminiFailMode, geminiProtections } from './status.ts';
import { wireGemini } from './wiring.ts';

export const geminiAgent: AgentPlugin<'gemini'> = {
  id: 'gemini',
  name: 'Gemini CLI',
  program: { name: 'gemini', failMode: async (probe) => geminiFailMode(probe.version) },
  gatedBy: 'hooks',
  hooks: GEMINI_HOOKS,
  checkLaunch: async (_exe, args, site) => checkGemini(site, args),
  wire: wireGemini,
  protections: geminiProtections,
  installer: geminiInstaller,
};
