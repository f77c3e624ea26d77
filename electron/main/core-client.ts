// The main process's own connection to the core (for the tray and notifications), over a MessagePortMain.
import { createBirpc } from 'birpc';
import type { ControlClientApi, CoreApi } from '../../shared/api.ts';
import { portChannel, type PortLike } from '../../shared/carrier.ts';
import type { CoreEvent } from '../../shared/domain.ts';
import { decodeMessage, encodeMessage } from '../../shared/rpc-codec.ts';

/** The calls the shell makes (of the one client type derived from the contract). */
export type ShellApi = Pick<
  CoreApi,
  | 'listPending'
  | 'decide'
  | 'getSettings'
  | 'updateSettings'
  | 'subscribe'
  | 'status'
  | 'startTrust'
  | 'stopTrust'
  | 'agentStatus'
>;

export interface CoreClient {
  api: ShellApi;
  onEvent(listener: (event: CoreEvent) => void): () => void;
  close(): void;
}

export function coreClient(port: PortLike): CoreClient {
  const listeners = new Set<(event: CoreEvent) => void>();
  const rpc = createBirpc<CoreApi, ControlClientApi>(
    // The shell never attaches to a terminal, so no terminal events come to it.
    { onEvent: (event) => listeners.forEach((l) => l(event)), onTerminalEvent: () => {} },
    { ...portChannel(port), serialize: encodeMessage, deserialize: (d: string) => decodeMessage(d) },
  );
  return {
    api: rpc,
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => {
      rpc.$close();
      port.close();
    },
  };
}
