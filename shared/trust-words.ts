// The one question before trust mode starts, in the words the window's dialog and the tray's both use: what it lets
// through, from where, until when, and what still waits. `until` is the end as the person's clock shows it.
import { QUICK_TRUST_MS } from './rules.ts';

export interface TrustQuestion {
  title: string;
  detail: string;
  confirm: string;
  cancel: string;
}

export function trustQuestion(until: string): TrustQuestion {
  return {
    title: `Turn on trust mode for ${QUICK_TRUST_MS / 60_000} minutes?`,
    detail:
      `Until ${until}, commands rated low or medium risk run without asking you, from every agent session. ` +
      `High and critical commands still wait for you. It ends by itself at ${until}, or when you turn it off.`,
    confirm: `Trust until ${until}`,
    cancel: 'Cancel',
  };
}
