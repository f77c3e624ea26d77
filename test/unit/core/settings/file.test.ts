import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_DAYS, DEFAULT_RETENTION_MB } from '../../../../shared/settings.ts';
import { patternCostProblem } from '../../../../electron/core/redaction/pattern-guard.ts';
import { SettingsError, SettingsFile } from '../../../../electron/core/settings/file.ts';
import { tempDir } from '../../../support/temp.ts';

const loadSettings = (home: string) => new SettingsFile(home).read();

function homeWith(settings: unknown): string {
  const home = tempDir();
  fs.writeFileSync(path.join(home, 'settings.json'), JSON.stringify(settings));
  return home;
}

describe('settings: retention and redaction patterns', () => {
  it('defaults retention to 30 days and 2 GB, and no extra patterns', () => {
    const s = loadSettings(tempDir());
    expect(s.retention).toEqual({ maxAgeDays: DEFAULT_RETENTION_DAYS, maxTotalMB: DEFAULT_RETENTION_MB });
    expect(s.redactionPatterns).toEqual([]);
  });

  it('reads patterns and retention from the file', () => {
    const s = loadSettings(
      homeWith({
        redactionPatterns: ['ACME-[0-9]{6}', '(?i)internal-[a-z]+'],
        retention: { maxAgeDays: 7, maxTotalMB: 100 },
      }),
    );
    expect(s.redactionPatterns).toEqual(['ACME-[0-9]{6}', '(?i)internal-[a-z]+']);
    expect(s.retention).toEqual({ maxAgeDays: 7, maxTotalMB: 100 });
  });

  it('names the pattern that does not compile', () => {
    expect(() => loadSettings(homeWith({ redactionPatterns: ['fine', '(unclosed'] }))).toThrow(SettingsError);
    expect(() => loadSettings(homeWith({ redactionPatterns: ['fine', '(unclosed'] }))).toThrow(
      /redactionPatterns\.1: "\(unclosed" is not a valid regular expression/,
    );
  });

  it('refuses a pattern that matches empty text', () => {
    expect(() => loadSettings(homeWith({ redactionPatterns: ['x*'] }))).toThrow(
      /redactionPatterns\.0: "x\*" matches empty text/,
    );
  });

  it('refuses, by name, a pattern that backtracks catastrophically', () => {
    expect(() => loadSettings(homeWith({ redactionPatterns: ['ok-[0-9]+', '(a+)+$'] }))).toThrow(
      /redactionPatterns\.1: "\(a\+\)\+\$" backtracks catastrophically/,
    );
    expect(patternCostProblem('(x+x+)+y')).toMatch(/backtracks catastrophically/);
    expect(patternCostProblem('ACME-[0-9]{6}')).toBeNull();
    expect(patternCostProblem('(?i)password\\s*=\\s*\\S+')).toBeNull();
  });

  it('refuses retention values that make no sense', () => {
    expect(() => loadSettings(homeWith({ retention: { maxAgeDays: 0, maxTotalMB: 100 } }))).toThrow(
      /retention\.maxAgeDays/,
    );
  });

  it('keeps the audit trail forever unless auditRetentionDays says otherwise (a week at least)', () => {
    expect(loadSettings(homeWith({})).auditRetentionDays).toBeNull();
    expect(loadSettings(homeWith({ auditRetentionDays: 90 })).auditRetentionDays).toBe(90);
    expect(loadSettings(homeWith({ auditRetentionDays: null })).auditRetentionDays).toBeNull();
    expect(() => loadSettings(homeWith({ auditRetentionDays: 3 }))).toThrow(/auditRetentionDays/);
  });

  it('keeps up to 512 MB of outside paths per undo snapshot and 4 GB in all unless told otherwise (0 keeps none)', () => {
    const d = loadSettings(homeWith({}));
    expect([d.undoKeepMB, d.undoMaxTotalMB]).toEqual([512, 4096]);
    expect(loadSettings(homeWith({ undoKeepMB: 0 })).undoKeepMB).toBe(0);
    expect(() => loadSettings(homeWith({ undoKeepMB: -1 }))).toThrow(/undoKeepMB/);
    expect(() => loadSettings(homeWith({ undoMaxTotalMB: 0 }))).toThrow(/undoMaxTotalMB/);
  });

  it('draws terminals at 14 px unless terminalFontSize says otherwise, between 10 and 28 whole pixels', () => {
    expect(loadSettings(homeWith({})).terminalFontSize).toBe(14);
    expect(loadSettings(homeWith({ terminalFontSize: 18 })).terminalFontSize).toBe(18);
    for (const bad of [9, 29, 14.5, '16'])
      expect(() => loadSettings(homeWith({ terminalFontSize: bad })), String(bad)).toThrow(/terminalFontSize/);
  });
});
