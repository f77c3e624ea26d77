// The settings the shell needs (notifications, start at login), read from the same settings.json as the core, with
// the same schema. electron-store reads it at startup, before the core answers; the core's `settings.changed`
// events keep it current. The shell never writes the file: the core is its only writer.
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../shared/settings.ts';

export interface SettingsFileReader {
  /** The raw file contents (electron-store's `store`). */
  read(): unknown;
}

export class AppSettings {
  private current: Settings;

  constructor(file: SettingsFileReader, onInvalid: (message: string) => void) {
    let raw: unknown;
    try {
      raw = file.read();
    } catch (err) {
      raw = undefined;
      onInvalid(`cannot read settings.json: ${(err as Error).message}`);
    }
    const parsed = SettingsSchema.safeParse(raw ?? {});
    if (!parsed.success) onInvalid(`settings.json is not valid; the core will say which field`);
    // Until the file is fixed the core refuses to start; defaults only steer the shell meanwhile.
    this.current = parsed.success ? parsed.data : DEFAULT_SETTINGS;
  }

  get(): Settings {
    return this.current;
  }

  changed(next: Settings): void {
    this.current = next;
  }
}
