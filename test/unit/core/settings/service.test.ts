// SettingsService (electron/core/settings/service.ts): the one owner of the settings in the core. What it answers,
// what it saves, who it tells and in which order, and how a value given at start (`--hold-timeout`) stands.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/api.ts';
import type { CoreEvent } from '../../../../shared/domain.ts';
import { DEFAULT_SETTINGS } from '../../../../shared/settings.ts';
import { SettingsFile } from '../../../../electron/core/settings/file.ts';
import {
  SettingsService,
  type SettingsChange,
  type SettingsOverrides,
} from '../../../../electron/core/settings/service.ts';
import { tempDir } from '../../../support/temp.ts';

function serviceIn(home: string, overrides?: SettingsOverrides) {
  const told: string[] = [];
  const changes: SettingsChange[] = [];
  const published: CoreEvent[] = [];
  const errors: unknown[] = [];
  const settings = new SettingsService({
    file: new SettingsFile(home),
    overrides,
    events: { publish: (e) => (published.push(e), told.push(`bus:${e.type}`)) },
    onError: (err) => errors.push(err),
  });
  settings.subscribe((c) => (changes.push(c), told.push('subscriber')));
  return { settings, told, changes, published, errors };
}

function homeWith(settings: unknown): string {
  const home = tempDir();
  fs.writeFileSync(path.join(home, 'settings.json'), JSON.stringify(settings));
  return home;
}

describe('SettingsService', () => {
  it('answers the file as read at start, with defaults for what it leaves out', () => {
    const { settings } = serviceIn(homeWith({ autoAllowLowRisk: true }));
    expect(settings.saved()).toEqual({ ...DEFAULT_SETTINGS, autoAllowLowRisk: true });
    expect(settings.current()).toEqual(settings.saved());
  });

  it('saves a patch, tells its subscribers what changed, then publishes settings.changed for the clients', () => {
    const home = tempDir();
    const { settings, told, changes, published } = serviceIn(home);
    const saved = settings.update({ redactionPatterns: ['acme-[0-9]{4}'], theme: 'dark' });
    expect(saved).toEqual({ ...DEFAULT_SETTINGS, redactionPatterns: ['acme-[0-9]{4}'], theme: 'dark' });
    expect(new SettingsFile(home).read()).toEqual(saved);
    expect(told).toEqual(['subscriber', 'bus:settings.changed']);
    expect(changes).toEqual([{ settings: saved, previous: DEFAULT_SETTINGS, patched: ['redactionPatterns', 'theme'] }]);
    expect(published).toEqual([{ type: 'settings.changed', settings: saved }]);
    expect(settings.current()).toEqual(saved);
  });

  it('refuses an invalid patch with invalid_input, and then nothing changes and nobody is told', () => {
    const { settings, told } = serviceIn(tempDir());
    for (const patch of [
      { holdTimeoutMs: 10 },
      { redactionPatterns: ['(a+)+$'] },
      { unknownKey: 1 },
      'not an object',
    ]) {
      expect(() => settings.update(patch)).toThrow(ApiError);
    }
    expect(told).toEqual([]);
    expect(settings.current()).toEqual(DEFAULT_SETTINGS);
  });

  it('reports a subscriber that throws; the others, and the clients, still hear of the change', () => {
    const { settings, told, errors } = serviceIn(tempDir());
    settings.subscribe(() => {
      throw new Error('broken subscriber');
    });
    const later: boolean[] = [];
    settings.subscribe((c) => later.push(c.settings.autoAllowLowRisk));
    expect(settings.update({ autoAllowLowRisk: true }).autoAllowLowRisk).toBe(true);
    expect(later).toEqual([true]);
    expect(told).toEqual(['subscriber', 'bus:settings.changed']);
    expect(errors.map((e) => (e as Error).message)).toEqual(['broken subscriber']);
  });

  it('keeps a hold timeout given at start in force over the file, until a hold timeout is saved', () => {
    const { settings, changes } = serviceIn(homeWith({ holdTimeoutMs: 300_000 }), { holdTimeoutMs: 90_000 });
    expect(settings.current().holdTimeoutMs).toBe(90_000);
    // What the API shows and saves is the file's.
    expect(settings.saved().holdTimeoutMs).toBe(300_000);
    settings.update({ theme: 'light' });
    expect(settings.current().holdTimeoutMs).toBe(90_000);
    // Saved through the API, even the file's own value: the person's latest word wins.
    settings.update({ holdTimeoutMs: 300_000 });
    expect(settings.current().holdTimeoutMs).toBe(300_000);
    expect(changes.map((c) => [c.previous.holdTimeoutMs, c.settings.holdTimeoutMs])).toEqual([
      [90_000, 90_000],
      [90_000, 300_000],
    ]);
  });

  it('takes an override left undefined as none', () => {
    const { settings } = serviceIn(homeWith({ holdTimeoutMs: 300_000 }), { holdTimeoutMs: undefined });
    expect(settings.current().holdTimeoutMs).toBe(300_000);
  });
});
