// The risk engine's vocabulary: categories, findings, levels.
import type { RiskLevel } from '../../../shared/domain.ts';

export const CATEGORIES = [
  'file-deletion',
  'file-overwrite',
  'permissions',
  'privilege',
  'git-history',
  'publishing',
  'package-install',
  'remote-code',
  'network-upload',
  'secrets',
  'database',
  'containers',
  'kubernetes',
  'cloud',
  'process',
  'disk',
  'system-config',
  'self-protection',
  'remote-exec',
  'unparsed',
  /** The command shows differently from what runs (control characters, bidi, invisible or look-alike characters). */
  'hidden-text',
  'unknown-program',
  'read-only',
  'build-test',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** One thing a rule noticed about a segment: how bad, and why in words a person can act on. */
export interface Finding {
  category: Category;
  score: number;
  reason: string;
}

/** Score bands. A band's floor is the lowest score with that level. */
export const LEVEL_FLOORS: ReadonlyArray<[RiskLevel, number]> = [
  ['critical', 75],
  ['high', 50],
  ['medium', 25],
  ['low', 0],
];

export function levelOf(score: number): RiskLevel {
  for (const [level, floor] of LEVEL_FLOORS) if (score >= floor) return level;
  return 'low';
}

/** Scores used across rules, named so their ordering is visible in one place. */
export const S = {
  none: 0,
  readOnly: 2,
  build: 8,
  lowWrite: 12,
  /** The floor of `medium`: anything that deletes, escalates, writes outside the project or leaves the machine. */
  medium: 30,
  /** A program Gatehouse has no rule for: fail closed, a person looks (medium), but it is no alarm. */
  unknownProgram: 30,
  notable: 40,
  /** Run with more rights than the agent's (sudo, RunAs, administrator privileges): always high, even for a read. */
  elevated: 55,
  high: 60,
  severe: 70,
  critical: 85,
  catastrophic: 95,
} as const;
