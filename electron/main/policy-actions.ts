// The tray's policy items: trust mode on and off, and auto-allow of low risk (the `autoAllowLowRisk` setting, written by
// the core like every setting). Trust mode lets medium-risk commands through in every session, so it starts only once
// the person has answered its question (`confirmTrust`: a native dialog with `trustQuestion`'s words); turning it off
// never asks. The tray redraws from the core's answering events, not from the click.
import { QUICK_TRUST_MS } from '../../shared/rules.ts';
import type { ShellApi } from './core-client.ts';
import type { TrayActions } from './tray.ts';

export type PolicyActions = Pick<TrayActions, 'startTrust' | 'stopTrust' | 'setAutoAllow'>;

export function policyActions(
  api: Pick<ShellApi, 'startTrust' | 'stopTrust' | 'updateSettings'>,
  onError: (err: unknown) => void,
  confirmTrust: () => Promise<boolean>,
): PolicyActions {
  return {
    startTrust: () =>
      void confirmTrust()
        .then((yes) => (yes ? api.startTrust({ durationMs: QUICK_TRUST_MS }) : null))
        .catch(onError),
    stopTrust: () => void api.stopTrust().catch(onError),
    setAutoAllow: (on) => void api.updateSettings({ autoAllowLowRisk: on }).catch(onError),
  };
}
