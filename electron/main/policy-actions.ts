// The tray's policy items: "Trust for 15 minutes" (and Stop) and "Pause auto-allow" (the `autoAllowLowRisk` setting,
// written by the core like every setting). The tray redraws from the core's answering events, not from the click.
import { QUICK_TRUST_MS } from '../../shared/rules.ts';
import type { ShellApi } from './core-client.ts';
import type { TrayActions } from './tray.ts';

export type PolicyActions = Pick<TrayActions, 'startTrust' | 'stopTrust' | 'setAutoAllow'>;

export function policyActions(
  api: Pick<ShellApi, 'startTrust' | 'stopTrust' | 'updateSettings'>,
  onError: (err: unknown) => void,
): PolicyActions {
  return {
    startTrust: () => void api.startTrust({ durationMs: QUICK_TRUST_MS }).catch(onError),
    stopTrust: () => void api.stopTrust().catch(onError),
    setAutoAllow: (on) => void api.updateSettings({ autoAllowLowRisk: on }).catch(onError),
  };
}
