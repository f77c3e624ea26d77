// Settings → Agents: `gatehouse install <agent>` from the window. Each call answers its result (or throws with the
// core's message); the view keeps what it shows, since nothing else in the window depends on it.
import type { CoreApi } from '../../shared/api.ts';
import type { AgentInstallStatus, InstallPlan, InstallResult, UninstallResult } from '../../shared/install.ts';

export interface InstallCommands {
  listInstalls(): Promise<AgentInstallStatus[]>;
  /** What installing would change: shown before the person confirms. */
  planInstall(agent: string): Promise<InstallPlan>;
  /** Installs exactly what the plan showed (refused if the file changed since). */
  install(plan: InstallPlan): Promise<InstallResult>;
  uninstall(agent: string): Promise<UninstallResult>;
}

export function installCommands(
  api: Pick<CoreApi, 'agentInstalls' | 'planInstall' | 'install' | 'uninstall'>,
): InstallCommands {
  return {
    listInstalls: () => api.agentInstalls({}),
    planInstall: (agent) => api.planInstall({ agent }),
    install: (plan) => api.install({ agent: plan.agent, beforeSha256: plan.beforeSha256 }),
    uninstall: (agent) => api.uninstall({ agent }),
  };
}
