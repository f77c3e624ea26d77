// Words and numbers as the views show them.
import type { DecidedBy, RequestStatus } from '../../../shared/domain.ts';

export { AGENT_NAMES } from '../../../shared/notification-text.ts';

const DECIDERS: Readonly<Record<string, string>> = {
  'human:window': 'A person, in the window',
  'human:notification': 'A person, from a notification',
  'human:tray': 'A person, from the tray',
  'human:cli': 'A person, with the CLI',
  timeout: 'Timeout (nobody decided)',
  policy: 'Policy',
  'trust-mode': 'Trust mode',
  'auto-allow': 'Auto-allow (low risk)',
  typed: 'You, typing in a hosted shell',
  shutdown: 'Gatehouse shut down',
  'agent-gone': 'Agent stopped waiting',
  'core-restart': 'Gatehouse restarted',
};

export function describeDecider(by: DecidedBy | string): string {
  if (by.startsWith('rule:')) return `Rule ${by.slice('rule:'.length)}`;
  return DECIDERS[by] ?? by;
}

export const STATUS_WORDS: Readonly<Record<RequestStatus, string>> = {
  pending: 'Waiting',
  allowed: 'Allowed',
  denied: 'Denied',
  abandoned: 'Abandoned',
};

/** `4:05` for a countdown; hours when there are any. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** "4 minutes 5 seconds", for screen readers. */
export function spokenDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const parts: string[] = [];
  const units: Array<[number, string]> = [
    [3600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ];
  let rest = total;
  for (const [size, name] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${n} ${name}${n === 1 ? '' : 's'}`);
  }
  return parts.length ? parts.join(' ') : '0 seconds';
}

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

export const shortId = (id: string): string => id.slice(0, 8);

/** "just now", "2 min ago", "3 h ago", then the date: how long ago, in the words a glance needs (the full time goes in a tooltip). */
export function relativeTime(iso: string, now: number): string {
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 45) return 'just now';
  const min = Math.max(1, Math.round(s / 60));
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h ago`;
  return new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
}
