// The control API's install calls (`gatehouse install <agent>`, Settings → Agents): the input parsed, the install service
// asked. The environment that says where an agent's user settings are is the caller's (the CLI sends its own), else the
// core's: the desktop app and browser mode run as the person, with their HOME.
import type { ControlApi } from '../../../shared/api.ts';
import type { InstallEnvInput } from '../../../shared/install.ts';
import type { InstallService } from '../agents/install/service.ts';
import type { InstallEnv } from '../agents/plugin.ts';

export interface InstallServices {
  installs: InstallService;
  /** The core's own environment, for a caller that sends none. */
  coreEnv: InstallEnv;
}

type InstallApi = Pick<ControlApi, 'agentInstalls' | 'planInstall' | 'install' | 'uninstall'>;

export function registerInstallHandlers(s: InstallServices): InstallApi {
  const env = (given: InstallEnvInput | undefined): InstallEnv => given ?? s.coreEnv;
  return {
    agentInstalls: (d) => s.installs.status(env(d.env)),
    planInstall: (d) => s.installs.plan(d.agent, env(d.env)),
    install: (d) => s.installs.install(d.agent, env(d.env), d.beforeSha256),
    uninstall: (d) => s.installs.uninstall(d.agent, env(d.env)),
  };
}
