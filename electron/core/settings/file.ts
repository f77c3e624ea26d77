// Reads and writes the settings file through `conf`, the library electron-store wraps, with the schema from shared/.
// The core is the only writer; conf writes atomically (a temp file renamed over settings.json).
import Conf from 'conf';
import { ApiError } from '../../../shared/api.ts';
import { SettingsPatchSchema, SettingsSchema, type Settings } from '../../../shared/settings.ts';
import { patternCostProblem } from '../redaction/pattern-guard.ts';

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

type RawSettings = Record<string, unknown>;

export class SettingsFile {
  private readonly home: string;
  private readonly conf: Conf<RawSettings>;

  /** Opening never writes: a missing file means defaults. */
  constructor(home: string) {
    this.home = home;
    try {
      this.conf = new Conf<RawSettings>({
        cwd: home,
        configName: 'settings',
        projectName: 'gatehouse',
        clearInvalidConfig: false,
      });
    } catch (err) {
      throw new SettingsError(
        `cannot read ${home}/settings.json: ${(err as Error).message}. Fix the file or move it aside.`,
      );
    }
  }

  /**
   * The file as it is now. An invalid one is an error, never silently reset. Redaction patterns must also be
   * fast: one that backtracks catastrophically is refused here, by name.
   */
  read(): Settings {
    const parsed = SettingsSchema.safeParse(this.raw());
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new SettingsError(`${this.home}/settings.json is not valid (${issues}). Fix the file or move it aside.`);
    }
    const slow = slowPattern(parsed.data);
    if (slow)
      throw new SettingsError(`${this.home}/settings.json is not valid (${slow}). Fix the file or move it aside.`);
    return parsed.data;
  }

  /**
   * Validates `patch` (known keys only, each as the schema says), then writes just those keys, so keys this
   * version does not know (written by a newer Gatehouse) survive. Throws ApiError `invalid_input` and writes nothing
   * when the patch, or the file with the patch, is not valid.
   */
  update(patch: unknown): Settings {
    const p = SettingsPatchSchema.safeParse(patch);
    if (!p.success) {
      throw new ApiError(
        'invalid_input',
        p.error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`).join('; '),
      );
    }
    const next = SettingsSchema.safeParse({ ...this.raw(), ...p.data });
    if (!next.success) {
      throw new ApiError(
        'invalid_input',
        `settings.json would not be valid: ${next.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    const slow = slowPattern(next.data);
    if (slow) throw new ApiError('invalid_input', slow);
    if (Object.keys(p.data).length > 0) this.conf.set(p.data);
    return next.data;
  }

  private raw(): RawSettings {
    try {
      return this.conf.store;
    } catch (err) {
      throw new SettingsError(
        `cannot read ${this.home}/settings.json: ${(err as Error).message}. Fix the file or move it aside.`,
      );
    }
  }
}

/** The first redaction pattern that would cost too much on every chunk of output, said as `redactionPatterns.N: why`. */
function slowPattern(settings: Settings): string | null {
  for (const [i, pattern] of settings.redactionPatterns.entries()) {
    const problem = patternCostProblem(pattern);
    if (problem) return `redactionPatterns.${i}: ${problem}`;
  }
  return null;
}
