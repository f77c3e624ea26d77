// The labelled command corpus (test/fixtures/risk/corpus.jsonl): read once, shared by the accuracy test and the benchmark.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const EntrySchema = z.object({
  cmd: z.string().min(1),
  label: z.enum(['dangerous', 'caution', 'safe']),
  routine: z.boolean(),
  cwd: z.string().min(1).optional(),
  why: z.string().min(1),
});
export type CorpusEntry = z.infer<typeof EntrySchema>;

export const CORPUS_FILE = path.resolve('test/fixtures/risk/corpus.jsonl');

export function readCorpus(file = CORPUS_FILE): CorpusEntry[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((line, i) => {
      const parsed = EntrySchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}
