// The labelled command corpus for the risk engine (test/fixtures/risk/corpus.jsonl, described in its README):
// one place that reads it, validates every line, and says which line is wrong when one is.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseJsonl } from './jsonl.ts';

export const RISK_CORPUS_FILE = fileURLToPath(new URL('../fixtures/risk/corpus.jsonl', import.meta.url));
export const RISK_CORPUS_README = fileURLToPath(new URL('../fixtures/risk/README.md', import.meta.url));

/** The machine the labels assume: a developer's home, and the project (a git repository on a feature branch). */
export const RISK_CORPUS_CONTEXT = { home: '/home/dev', cwd: '/home/dev/project' } as const;

/** Kinds of harm the engine must know, then the benign kinds; each entry belongs to exactly one. */
export const RISK_CORPUS_HARM_CATEGORIES = [
  'delete',
  'overwrite',
  'permissions',
  'privilege',
  'git',
  'publish',
  'install',
  'remote-code',
  'network',
  'secrets',
  'database',
  'containers',
  'kubernetes',
  'cloud',
  'processes',
  'disks',
  'system',
  'self',
] as const;
export const RISK_CORPUS_BENIGN_CATEGORIES = ['inspect', 'build'] as const;
export const RISK_CORPUS_CATEGORIES = [...RISK_CORPUS_HARM_CATEGORIES, ...RISK_CORPUS_BENIGN_CATEGORIES] as const;

export const riskCorpusEntrySchema = z
  .object({
    cmd: z.string().trim().min(1),
    label: z.enum(['dangerous', 'caution', 'safe']),
    routine: z.boolean(),
    cwd: z.string().startsWith('/').optional(),
    why: z.string().trim().min(1),
    category: z.enum(RISK_CORPUS_CATEGORIES),
  })
  .strict()
  .refine((entry) => entry.label === 'safe' || !entry.routine, {
    message: '"routine" is only meaningful for safe commands; use false',
  });

export type RiskCorpusEntry = z.infer<typeof riskCorpusEntrySchema>;

/** Reads and validates a corpus file; throws naming the first bad line. Blank lines are not allowed either. */
export function loadRiskCorpus(file: string = RISK_CORPUS_FILE): RiskCorpusEntry[] {
  return parseJsonl(fs.readFileSync(file, 'utf8'), file, riskCorpusEntrySchema);
}

/** Two entries are the same case when their commands match after collapsing whitespace and they run in the same place. */
export function riskCorpusKey(entry: RiskCorpusEntry): string {
  return `${entry.cwd ?? RISK_CORPUS_CONTEXT.cwd}\u0000${entry.cmd.replace(/\s+/g, ' ').trim()}`;
}
