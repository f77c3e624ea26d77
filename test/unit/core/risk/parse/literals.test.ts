// Literals in one-liners decoded on the spot (base64, hex, rot13, reversed strings, character codes, joins): what
// they decode to is read as the command it is; binary is a value only known at run time.
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

describe('literals decoded on the spot', () => {
  it.each([
    [`python3 -c 'import base64, os; os.system(base64.b64decode("cm0gLXJmIH4=").decode())'`, ['rm -rf ~']],
    [
      `python3 -c 'import base64; exec(base64.b64decode("aW1wb3J0IG9zOyBvcy5zeXN0ZW0oJ3JtIC1yZiB+Jyk="))'`,
      ['rm -rf ~'],
    ],
    [`python3 -c 'import os; os.system(bytes.fromhex("726d202d7266207e").decode())'`, ['rm -rf ~']],
    [`python3 -c 'import codecs, os; os.system(codecs.decode("ez -es ~", "rot13"))'`, ['rm -rf ~']],
    [`python3 -c 'import os; os.system("~ fr- mr"[::-1])'`, ['rm -rf ~']],
    [`python3 -c 'import os; os.system(chr(114)+chr(109)+" -rf ~")'`, ['rm -rf ~']],
    [`python3 -c 'import os; os.system("".join(["r", "m", " -rf ~"]))'`, ['rm -rf ~']],
    [`node -e 'require("child_process").execSync(Buffer.from("cm0gLXJmIH4=", "base64").toString())'`, ['rm -rf ~']],
    [`node -e 'require("child_process").execSync(atob("cm0gLXJmIH4="))'`, ['rm -rf ~']],
    [
      `node -e 'require("child_process").execSync(String.fromCharCode(114, 109, 32, 45, 114, 102, 32, 126))'`,
      ['rm -rf ~'],
    ],
    [`node -e 'require("child_process").execSync(["rm", "-rf", "~"].join(" "))'`, ['rm -rf ~']],
    [`ruby -e 'system(Base64.decode64("cm0gLXJmIH4="))'`, ['rm -rf ~']],
    [`ruby -e 'system("cm0gLXJmIH4=".unpack1("m"))'`, ['rm -rf ~']],
    [`perl -MMIME::Base64 -e 'system(decode_base64("cm0gLXJmIH4="))'`, ['rm -rf ~']],
    [`php -r 'system(base64_decode("cm0gLXJmIH4="));'`, ['rm -rf ~']],
    [`php -r 'system(str_rot13("ez -es ~"));'`, ['rm -rf ~']],
  ])('%s', (cmd, expected) => expect(calls(cmd)).toEqual(expected));

  it('leaves binary a value only known at run time', () => {
    expect(calls(`python3 -c 'import os, base64; os.system(base64.b64decode("/wD+AQ=="))'`)).toEqual(['?$DECODED']);
  });
});
