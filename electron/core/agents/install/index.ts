// The install service as the core builds it: its backups in the data directory, the hooks pointed at this core's gate
// socket through a trusted curl (or the bundled Node client), their timeouts and `whenCoreDown` read from the settings
// at each install, and every install and uninstall in the audit trail.
import path from 'node:path';
import type { CorePaths } from '../../paths.ts';
import type { SettingsService } from '../../settings/service.ts';
import type { AuditRepository } from '../../store/audit.ts';
import { hookTimeouts } from '../hook-command.ts';
import { AGENTS } from '../registry.ts';
import { chooseTransport } from '../wire.ts';
import { installedHooks } from './hook.ts';
import { InstallService } from './service.ts';

export function installService(o: {
  paths: CorePaths;
  settings: Pick<SettingsService, 'current'>;
  audit: Pick<AuditRepository, 'record'>;
  env: NodeJS.ProcessEnv;
  hookClientPath: string | undefined;
}): InstallService {
  return new InstallService({
    dir: path.join(o.paths.home, 'installs'),
    agents: AGENTS,
    hooks: () => {
      const now = o.settings.current();
      const transport = chooseTransport({ env: o.env, cwd: o.paths.home, hookClientPath: o.hookClientPath ?? '' });
      return installedHooks({
        transport,
        socket: o.paths.gateSocket,
        ...hookTimeouts(now.holdTimeoutMs),
        whenCoreDown: now.whenCoreDown,
      });
    },
    // Only a person can get here: install and uninstall are refused from inside an agent (control/agent-guard.ts).
    audit: (kind, subject, data) => o.audit.record({ at: Date.now(), kind, actor: 'person', subject, data }),
    now: () => Date.now(),
  });
}
