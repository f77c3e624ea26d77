// OpenCode as a plug-in. OpenCode has no hook commands; it loads JavaScript plug-ins. Gatehouse's (`plugin-source.ts`)
// arrives through `OPENCODE_CONFIG_CONTENT` for one launch (no file of the person's is touched) and hands every tool
// call from `tool.execute.before` to the gate: `bash` is held, file tools are judged by where they write, and what
// ran comes back from `tool.execute.after`. `gatehouse install opencode` puts the same plug-in in OpenCode's global
// plug-in folder (install.ts).
import type { AgentPlugin } from '../plugin.ts';
import { opencodeArgFindings, opencodeEnvFindings } from './checks.ts';
import { OPENCODE_HOOKS } from './hooks.ts';
import { opencodeInstaller } from './install.ts';
import { opencodeFailMode, opencodeProtections } from './status.ts';
import { wireOpencode } from './wiring.ts';

export const opencodeAgent: AgentPlugin<'opencode'> = {
  id: 'opencode',
  name: 'OpenCode',
  program: { name: 'opencode', failMode: async (probe) => opencodeFailMode(probe.version) },
  gatedBy: 'hooks',
  hooks: OPENCODE_HOOKS,
  checkLaunch: async (_exe, args, site) => [...opencodeArgFindings(args), ...opencodeEnvFindings(site.env)],
  wire: wireOpencode,
  protections: opencodeProtections,
  installer: opencodeInstaller,
};
