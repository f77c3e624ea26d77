// Names built at run time from literals (`__import__("o"+"s")`, `require("child_"+"process")`, `send(:system)`,
// `"sys"."tem"`, `_G["os"]`): read as the call they name, so the command inside is seen.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ShellParse } from '../../../../../electron/core/risk/parse/index.ts';
import { line, shellParser } from '../../../../support/shell-parse.ts';

let parse: ShellParse;
beforeAll(async () => {
  parse = await shellParser();
});

/** The synthetic segments read out of a command's code, as lines. */
const calls = (cmd: string): string[] =>
  parse(cmd)
    .segments.filter((s) => s.synthetic)
    .map(line);

describe('names built from literals', () => {
  it.each([
    [`python3 -c 'getattr(__import__("o"+"s"), "sys"+"tem")("rm -rf ~")'`, ['rm -rf ~']],
    [`python3 -c 'import importlib; importlib.import_module("o"+"s").system("rm -rf ~")'`, ['rm -rf ~']],
    [`python3 -c 'import os; getattr(os, "system")("rm -rf ~")'`, ['rm -rf ~']],
    [`python3 -c '__builtins__.__dict__["ex"+"ec"]("import shutil; shutil.rmtree(chr(47))")'`, ['rm -rf /']],
    [`node -e 'require("child_"+"process").execSync("rm -rf ~")'`, ['rm -rf ~']],
    [`node -e 'require("child_process")["exec"+"Sync"]("rm -rf ~")'`, ['rm -rf ~']],
    [`ruby -e 'Kernel.send(:system, "rm -rf ~")'`, ['rm -rf ~']],
    [`ruby -e 'Kernel.public_send("sys" + "tem", "rm -rf ~")'`, ['rm -rf ~']],
    [`ruby -e 'Object.const_get("File").delete("/etc/hosts")'`, ['rm /etc/hosts']],
    [`ruby -e '("Fi"+"le").constantize.delete("/etc/hosts")'`, ['rm /etc/hosts']],
    [`php -r 'call_user_func("sys"."tem", "rm -rf ~");'`, ['rm -rf ~']],
    [`php -r '("sys"."tem")("rm -rf ~");'`, ['rm -rf ~']],
    [`perl -e '&{"sys"."tem"}("rm -rf ~")'`, ['rm -rf ~']],
    [`lua -e '_G["os"].execute("rm -rf ~")'`, ['rm -rf ~']],
  ])('%s', (cmd, expected) => expect(calls(cmd)).toEqual(expected));
});
