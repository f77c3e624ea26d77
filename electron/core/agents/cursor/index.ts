// Cursor's CLI (`cursor-agent`) as a plug-in, from Cursor's documentation only: its CLI is not on npm, so nothing here
// ran against the real program. Cursor reads hooks only from its hooks.json files, so `gatehouse run` adds nothing
// for one launch: it checks that Gatehouse's hook is installed (`gatehouse install cursor`, `install.ts`) and starts
// Cursor as given, with the session's variables the installed hook posts with.
import type { AgentPlugin } from '../plugin.ts';
import { CURSOR_HOOKS } from './hooks.ts';
import { cursorInstaller } from './install.ts';
import { cursorInstallState } from './launch-checks.ts';
import { cursorFailMode, cursorProtections } from './status.ts';

export const cursorAgent: AgentPlugin<'cursor'> = {
  id: 'cursor',
  name: 'Cursor',
  program: { name: 'cursor-agent', failMode: async () => cursorFailMode() },
  gatedBy: 'hooks',
  hooks: CURSOR_HOOKS,
  checkLaunch: async (_exe, _args, site) => cursorInstallState(site).findings,
  wire: async (launch) => ({
    argv: [...launch.command],
    env: {},
    // The hooks are the person's installed file, not one written for this launch.
    hookFiles: [],
    hooksFailClosed: cursorInstallState({ cwd: launch.cwd, env: launch.env, platform: launch.platform }).failClosed,
  }),
  protections: cursorProtections,
  installer: cursorInstaller,
};
