// Reads the settings file through `conf`, the library electron-store wraps, with the schema from shared/.
import Conf from 'conf';
import { SettingsSchema, type Settings } from '../../shared/settings.ts';
import { patternCostProblem } from './recording/pattern-guard.ts';

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

/**
 * Reads `<home>/settings.json`. A missing file means defaults; an invalid one is an error, never silently reset.
 * Redaction patterns must also be fast: one that backtracks catastrophically is refused here, by name.
 */
export function loadSettings(home: string): Settings {
  let raw: unknown;
  try {
    raw = new Conf({ cwd: home, configName: 'settings', projectName: 'gatehouse', clearInvalidConfig: false }).store;
  } catch (err) {
    throw new SettingsError(`cannot read ${home}/settings.json: ${(err as Error).message}. Fix the file or move it aside.`);
  }
  const parsed = SettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new SettingsError(`${home}/settings.json is not valid (${issues}). Fix the file or move it aside.`);
  }
  parsed.data.redactionPatterns.forEach((pattern, i) => {
    const problem = patternCostProblem(pattern);
    if (problem) throw new SettingsError(`${home}/settings.json is not valid (redactionPatterns.${i}: ${problem}). Fix the file or move it aside.`);
  });
  return parsed.data;
}
