// A hosted shell's typing trust in words, the same in the window and the daemon's log: each choice as the person picks
// it (`label`) and what it does (`effect`).
import type { TypingTrust } from './domain.ts';

export const TYPING_TRUST_WORDS: Readonly<Record<TypingTrust, { label: string; effect: string }>> = {
  all: { label: 'Run what I type', effect: 'every line typed at the prompt runs without asking' },
  low: {
    label: 'Ask only for medium risk and above',
    effect: 'low-risk lines typed at the prompt run at once; the rest wait for a decision',
  },
  none: { label: 'Ask for everything', effect: 'every line typed at the prompt waits for a decision' },
};
