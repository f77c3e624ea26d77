import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corePaths, defaultHome, ensurePrivateDir, resolveHome } from '../../../electron/core/paths.ts';
import { tempDir } from '../../support/temp.ts';

describe('paths', () => {
  it('uses the platform app-data folder by default and GATEHOUSE_HOME when set', () => {
    expect(defaultHome({ XDG_CONFIG_HOME: '/x/config' }, 'linux')).toBe('/x/config/Gatehouse');
    expect(defaultHome({}, 'darwin')).toMatch(/Library\/Application Support\/Gatehouse$/);
    expect(defaultHome({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toMatch(/Gatehouse$/);
    expect(resolveHome({ GATEHOUSE_HOME: '/data/gh' })).toBe('/data/gh');
    expect(resolveHome({ GATEHOUSE_HOME: '  ', XDG_CONFIG_HOME: '/c' })).toBe(
      path.resolve(defaultHome({ XDG_CONFIG_HOME: '/c' })),
    );
  });

  it('keeps socket paths under the 104-byte macOS limit however deep the data directory is', () => {
    const deep = `/${'very-long-directory-name/'.repeat(12)}gatehouse`;
    const p = corePaths(deep, { XDG_RUNTIME_DIR: `/${'r'.repeat(120)}` }, 'linux');
    expect(Buffer.byteLength(p.controlSocket)).toBeLessThanOrEqual(103);
    expect(Buffer.byteLength(p.gateSocket)).toBeLessThanOrEqual(103);
    expect(p.database.startsWith(deep)).toBe(true);
  });

  it('gives different data directories different sockets', () => {
    expect(corePaths('/a', {}, 'linux').gateSocket).not.toBe(corePaths('/b', {}, 'linux').gateSocket);
    expect(corePaths('/a', {}, 'win32').gateSocket).toMatch(/^\\\\\.\\pipe\\gatehouse-[0-9a-f]{12}-gate$/);
  });

  it('tightens a private directory that is open to others', () => {
    const dir = path.join(tempDir(), 'sockets');
    fs.mkdirSync(dir, { mode: 0o777 });
    fs.chmodSync(dir, 0o777);
    ensurePrivateDir(dir);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  });
});
