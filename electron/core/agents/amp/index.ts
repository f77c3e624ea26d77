// Amp as a plug-in. Amp has no hooks; its permission rules can `delegate` a decision to a program. Gatehouse puts
// `delegate` rules for the shell and file tools first in a copy of the person's settings (`--settings-file`, this run
// only), naming a script that asks the gate. The delegate protocol is measured against the real binary with
// `amp permissions test`; a whole Amp thread cannot run here (it needs ampcode.com). `gatehouse install amp` puts the
// same rules in the person's own settings (install.ts).
import type { AgentPlugin } from '../plugin.ts';
import { AMP_HOOKS } from './hooks.ts';
import { ampInstaller } from './install.ts';
import { checkAmp } from './launch-checks.ts';
import { ampFailMode, ampProtections } from './status.ts';
import { wireAmp } from './wiring.ts';

export const ampAgent: AgentPlugin<'amp'> = {
  id: 'amp',
  name: 'Amp',
  program: { name: 'amp', failMode: async (probe) => ampFailMode(probe.version) },
  gatedBy: 'hooks',
  hooks: AMP_HOOKS,
  checkLaunch: async (_exe, args, site) => checkAmp(site, args),
  wire: wireAmp,
  protections: ampProtections,
  installer: ampInstaller,
};
