import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findShells } from '../../../../electron/core/sandbox/shells.ts';
import { tempDir } from '../../../support/temp.ts';

describe('findShells', () => {
  it('finds each shell binary once, by every name it answers to on PATH, symlinks resolved', () => {
    const dir = fs.realpathSync(tempDir());
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    for (const name of ['dash', 'bash', 'mksh']) fs.writeFileSync(path.join(bin, name), '', { mode: 0o755 });
    fs.symlinkSync('dash', path.join(bin, 'sh'));
    fs.symlinkSync('bash', path.join(bin, 'rbash'));
    // Not executable: not a shell anyone can start.
    fs.writeFileSync(path.join(bin, 'zsh'), '', { mode: 0o644 });
    const mine = findShells({ PATH: bin }).filter((s) => s.real.startsWith(dir));
    expect(mine).toEqual([
      { kind: 'dash', real: path.join(bin, 'dash'), names: ['sh', 'dash'] },
      { kind: 'bash', real: path.join(bin, 'bash'), names: ['bash', 'rbash'] },
      { kind: 'dash', real: path.join(bin, 'mksh'), names: ['mksh'] },
    ]);
  });

  it('finds the system shells by their absolute paths whatever PATH says', () => {
    const dash = fs.existsSync('/usr/bin/dash') ? fs.realpathSync('/usr/bin/dash') : null;
    if (dash) expect(findShells({ PATH: '' }).map((s) => s.real)).toContain(dash);
  });
});
