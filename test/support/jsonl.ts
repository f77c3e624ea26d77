// JSON Lines data files (corpora, traces): every line validated, and the first bad one named.
import type { z } from 'zod';

/** One value per line (a trailing newline is fine, a blank line is not); throws `source:line: why`. */
export function parseJsonl<T>(text: string, source: string, schema: z.ZodType<T>): T[] {
  const lines = text.replace(/\n$/, '').split('\n');
  return lines.map((line, index) => {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new Error(`${source}:${index + 1}: not JSON (${(error as Error).message})`, { cause: error });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'entry'}: ${issue.message}`);
      throw new Error(`${source}:${index + 1}: ${problems.join('; ')}`);
    }
    return parsed.data;
  });
}
