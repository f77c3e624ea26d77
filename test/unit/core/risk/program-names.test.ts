// A version suffix names the same program: it neither hides inline code nor leaves the program's own table.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RiskEngine } from '../../../../electron/core/risk/engine.ts';
import { createRiskEngine } from '../../../../electron/core/risk/index.ts';
import { canonicalProgram } from '../../../../electron/core/risk/program-names.ts';
import { PROJECT, testContextOptions } from '../../../support/risk.ts';

// The real shell parser: inline code is read from quoted words.
let engine: RiskEngine;
beforeAll(async () => {
  engine = await createRiskEngine(testContextOptions());
});
const score = (cmd: string) => engine.assess(cmd, PROJECT);

describe('canonicalProgram', () => {
  it.each([
    ['python3.11', 'python3'],
    ['python3.12', 'python3'],
    ['python2.7', 'python2'],
    ['python3', 'python3'],
    ['python', 'python'],
    ['pip3.11', 'pip3'],
    ['pypy3.10', 'pypy3'],
    ['ruby3.2', 'ruby'],
    ['perl5.36', 'perl'],
    ['php8.2', 'php'],
    ['lua5.4', 'lua'],
    ['node20', 'node'],
    ['gcc-12', 'gcc'],
    ['clang++-17', 'clang++'],
    ['go1.21.0', 'go'],
    ['sqlite3', 'sqlite3'],
    // Not a version of a known family: as it is.
    ['k3s', 'k3s'],
    ['b2', 'b2'],
    ['python3x', 'python3x'],
  ])('%s is %s', (name, canonical) => expect(canonicalProgram(name)).toBe(canonical));
});

describe('versioned interpreters are read like their family', () => {
  it.each([
    ['ruby3.2 -e \'system("rm -rf ~")\'', 'critical'],
    ['perl5.36 -e \'system("rm -rf ~")\'', 'critical'],
    ['php8.2 -r \'system("rm -rf ~");\'', 'critical'],
    ['node20 -e \'require("child_process").execSync("rm -rf ~")\'', 'critical'],
    ['python3.11 -c \'import os; os.system("rm -rf ~")\'', 'critical'],
    ['python3.11 --version', 'low'],
    ['python3.11 -m pip --version', 'low'],
  ])('%s is %s', (cmd, level) => expect(score(cmd).level).toBe(level));

  it('python3.11 -m http.server is judged as python3 -m http.server', () => {
    expect(score('python3.11 -m http.server').categories).toEqual(score('python3 -m http.server').categories);
  });
});
