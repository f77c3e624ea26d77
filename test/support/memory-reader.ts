// Settings files for the launch checks without a disk: an in-memory tree.
import path from 'node:path';
import type { SettingsReader } from '../../electron/core/agents/launch-checks.ts';

/** A reader over an in-memory tree; a value of `Error` makes that file unreadable. */
export function memoryReader(files: Record<string, string | Error>): SettingsReader {
  return {
    read(file) {
      const v = files[file];
      if (v instanceof Error) throw v;
      return v ?? null;
    },
    list(dir) {
      const names = Object.keys(files)
        .filter((f) => path.dirname(f) === dir)
        .map((f) => path.basename(f));
      return names.length > 0 ? names : null;
    },
  };
}
