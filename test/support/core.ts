// Starts a real core in this process on a temporary data directory, with a connected control client.
import type { CoreEvent } from '../../shared/domain.ts';
import { readAdminToken } from '../../electron/core/admin-token.ts';
import { connectControl, type ControlClient } from '../../electron/core/control/client.ts';
import { startCore, type CoreOptions, type RunningCore } from '../../electron/core/core.ts';
import { tempDir } from './temp.ts';

export interface TestCore {
  core: RunningCore;
  client: ControlClient;
  /** Resolves with the first event matching `match` from now on. */
  next<T extends CoreEvent['type']>(
    type: T,
    match?: (e: Extract<CoreEvent, { type: T }>) => boolean,
  ): Promise<Extract<CoreEvent, { type: T }>>;
  stop(): Promise<void>;
}

export async function startTestCore(opts: Partial<CoreOptions> = {}): Promise<TestCore> {
  const core = await startCore({ home: opts.home ?? tempDir('gh-home-'), holdTimeoutMs: 60_000, ...opts });
  const client = await connectControl(core.paths.controlSocket, readAdminToken(core.paths.adminTokenFile));
  const waiters = new Set<(e: CoreEvent) => void>();
  await client.events((e) => waiters.forEach((w) => w(e)));
  return {
    core,
    client,
    next: (type, match) =>
      new Promise((resolve) => {
        const w = (e: CoreEvent) => {
          if (e.type === type && (!match || match(e as never))) {
            waiters.delete(w);
            resolve(e as never);
          }
        };
        waiters.add(w);
      }),
    async stop() {
      client.close();
      await core.close();
    },
  };
}
