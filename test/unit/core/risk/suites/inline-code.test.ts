// A named suite, not one module's test: inline code is read in parse/ (one-liners, escapes, unread), judged in rules/.
// Inline code through the whole engine (createRiskEngine): code that is not fully read (run from text,
// names built at run time, decoded on the spot) is at least medium and high when it can reach processes,
// files or the network; the -e/-c forms of every common interpreter and the shell escapes of editors,
// debuggers and database shells are read; the one-liners agents write every day stay low.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RiskEngine } from '../../../../../electron/core/risk/engine.ts';
import { createRiskEngine } from '../../../../../electron/core/risk/index.ts';
import { unreadCode } from '../../../../../electron/core/risk/parse/unread.ts';
import { PROJECT, testContextOptions } from '../../../../support/risk.ts';

let engine: RiskEngine;
beforeAll(async () => {
  engine = await createRiskEngine(
    testContextOptions({ branch: 'feature/x', changedFiles: 3, changedLines: 40, untrackedFiles: 0, stashes: 0 }),
  );
});

const assess = (cmd: string) => engine.assess(cmd, PROJECT);
const HIGH = ['high', 'critical'];
const said = (cmd: string) => {
  const a = assess(cmd);
  return `${cmd}: ${a.level} ${a.reasons.join(' | ')}`;
};

describe('code that is not fully read', () => {
  // One per class: each reaches processes, files or the network, so each is high.
  it.each([
    // Python
    [`python3 -c 'getattr(__import__("o"+"s"), "sys"+"tem")("id")'`, /imports a module named at run time/],
    [`python3 -c 'import base64; exec(base64.b64decode("aW1wb3J0IG9z"))'`, /runs code built at run time/],
    [`python3 -c 'import os; exec(open("x.py").read())'`, /runs code built at run time/],
    [`python3 -c 'import sys; compile(sys.argv[1], "x", "exec")'`, /compiles code built at run time/],
    [`python3 -c 'import importlib, sys; importlib.import_module(sys.argv[1])'`, /imports a module named at run time/],
    [`python3 -c 'import os, sys; getattr(os, sys.argv[1])("x")'`, /attribute named at run time/],
    [`python3 -c 'globals()["ex"+"ec"]("import os")'`, /name built at run time/],
    [`python3 -c '[c for c in ().__class__.__base__.__subclasses__()]'`, /internals/],
    [`python3 -c 'import ctypes; ctypes.CDLL(None).system(b"id")'`, /native code/],
    [`python3 -c 'import codecs, os; os.system(codecs.decode("vq", "rot13"))'`, /decodes text/],
    [`python3 -c 'import zlib, os; os.system(zlib.decompress(open("p", "rb").read()))'`, /decompresses/],
    [`python3 -c 'import os; os.system("".join(map(chr, [105, 100])))'`, /chr\(\)/],
    [`python3 -c 'import os; os.system("di"[::-1])'`, /reverses a string/],
    [`python3 -c 'import os; getattr(os, "\\x73\\x79\\x73\\x74\\x65\\x6d")("id")'`, /escapes/],
    // JavaScript
    [`node -e 'require("child_"+"process").execSync("x")'`, /module named at run time/],
    [`node -e 'require(require("path").join("child_"+"process")).execSync("x")'`, /module named at run time/],
    [`node -e 'eval(Buffer.from("Y29uc29sZS5sb2coMSk=", "base64").toString())'`, /runs code built at run time/],
    [`node -e 'new Function(process.argv[1])()'`, /function from text/],
    [`node -e 'require("vm").runInNewContext(process.argv[2])'`, /vm/],
    [`node -e 'setTimeout("process.exit(" + 1 + ")")'`, /setTimeout/],
    [`node -e 'import(process.argv[1])'`, /imports a module named at run time/],
    [`node -e 'process.binding("spawn_sync")'`, /native bindings/],
    [`node -e 'process.dlopen(module, "./x.node")'`, /native bindings/],
    [`node -e 'globalThis["ev"+"al"](process.argv[1])'`, /name built at run time|from pieces/],
    [`node -e 'require("child_process").execSync(atob(process.argv[1]))'`, /atob/],
    [`node -e 'require("child_process").execSync(String.fromCharCode(105, 100))'`, /character codes/],
    [`bun -e 'require(process.env.MOD)'`, /module named at run time/],
    // A function that runs or deletes passed as a value, or files changed through an object: what is not read.
    [`python3 -c 'import os; list(map(os.system, ["rm -rf ~"]))'`, /passes a function .* as a value/],
    [`python3 -c 'import os as o; list(map(o.system, ["x"]))'`, /passes a function .* as a value/],
    [`python3 -c 'import pathlib; [p.unlink() for p in pathlib.Path.home().rglob("*")]'`, /through an object/],
    [`node -e '["rm -rf ~"].forEach(require("child_process").execSync)'`, /passes a function .* as a value/],
    [`node -e 'const {execSync: x}=require("child_process"); ["id"].forEach(x)'`, /passes a function .* as a value/],
    [`php -r 'array_map("system", ["rm -rf ~"]);'`, /names a function .* in a string/],
    // Forking the interpreter: in a loop, a fork bomb.
    [`perl -e 'fork while 1'`, /fork bomb/],
    [`python3 -c 'import os; [os.fork() for _ in iter(int, 1)]'`, /fork bomb/],
    [`ruby -e 'loop { fork }'`, /fork bomb/],
    // Ruby, Perl, PHP
    [`ruby -e 'send(ARGV[0], ARGV[1])'`, /method named at run time \(send\)/],
    [`ruby -e 'Object.const_get(ARGV[0]).new'`, /class named at run time/],
    [`ruby -e 'ARGV[0].constantize.delete("x")'`, /constantize/],
    [`ruby -e 'eval(Base64.decode64("cHV0cyAx"))'`, /runs code built at run time/],
    [`ruby -e 'Object.instance_eval(ARGV[0])'`, /instance_eval/],
    [`ruby -e 'system([105, 100].pack("U*"))'`, /pack/],
    [`perl -e 'eval decode_base64("cHJpbnQgMQ==")'`, /runs code built at run time/],
    [`perl -e '$_="x"; s/x/system("id")/ee'`, /s\/\/\/ee/],
    [`perl -e '&{"main::".$ARGV[0]}("id")'`, /sub named at run time/],
    [`perl -e 'system(pack("H*", "6964"))'`, /pack/],
    [`php -r 'eval(base64_decode("ZWNobyAxOw=="));'`, /runs code built at run time/],
    [`php -r '$f = $argv[1]; $f("id");'`, /function named by a variable/],
    [`php -r 'call_user_func($argv[1], "id");'`, /call_user_func/],
    [`php -r 'system(hex2bin("6964"));'`, /decodes hex/],
    [`php -r '$x = create_function("", $argv[1]);'`, /create_function/],
    // Other interpreters
    [`lua -e 'load(io.read("*a"))()'`, /runs code built at run time/],
    [`lua -e 'require(arg[1])'`, /module named at run time/],
    [`julia -e 'eval(Meta.parse(ARGS[1]))'`, /runs code built at run time/],
    [`elixir -e 'Code.eval_string(System.get_env("X"))'`, /Code.eval_string/],
    [`elixir -e 'apply(String.to_atom(hd(System.argv())), :run, [])'`, /run time/],
    [`erl -noshell -eval '{ok, T, _} = erl_scan:string(os:getenv("X")).'`, /erl_eval/],
    [`groovy -e 'Eval.me(System.getenv("X"))'`, /runs code built at run time/],
    [`kotlin -e 'Class.forName(args[0]).getMethod("run").invoke(null)'`, /reflection/],
    [`raku -e 'EVAL @*ARGS[0]'`, /EVAL/],
    [`Rscript -e 'eval(parse(text=Sys.getenv("X")))'`, /eval\(parse/],
    [`expect -c 'spawn ssh prod; send "rm -rf /\\r"'`, /types text into a program/],
    [`osascript -e 'do shell script x'`, /do shell script/],
  ])('%s is high', (cmd, reason) => {
    const a = assess(cmd);
    expect(HIGH, said(cmd)).toContain(a.level);
    expect(a.reasons.join(' | '), said(cmd)).toMatch(reason);
    expect(a.reasons.join(' | ')).toMatch(/not fully read/);
  });

  it.each([
    `python3 -c 'import base64; print(base64.b64decode("aGk="))'`,
    `node -e 'console.log(Buffer.from("aGk=", "base64").toString())'`,
    `node -e 'console.log(String.fromCharCode(104, 105))'`,
    `ruby -e 'puts "ih".reverse'`,
  ])('%s is medium: decoded, but it reaches nothing', (cmd) => {
    expect(assess(cmd).level, said(cmd)).toBe('medium');
  });

  it('is medium when the shell fills in part of the code, high when it gives all of it', () => {
    expect(assess(`python3 -c "print('$HOME')"`).level).toBe('medium');
    expect(HIGH).toContain(assess(`python3 -c "$CODE"`).level);
    expect(HIGH).toContain(assess(`node -e "$(cat payload.js)"`).level);
    expect(HIGH).toContain(assess(`python3 <<< "$CODE"`).level);
    expect(assess(`node -e "$(cat payload.js)"`).reasons.join(' ')).toMatch(/only known at run time/);
  });

  it('is critical when what the hidden code runs is read and is critical', () => {
    for (const cmd of [
      `python3 -c 'getattr(__import__("o"+"s"), "sys"+"tem")("rm -rf ~")'`,
      `python3 -c 'import base64; exec(base64.b64decode("aW1wb3J0IG9zOyBvcy5zeXN0ZW0oJ3JtIC1yZiB+Jyk="))'`,
      `node -e 'require("child_"+"process").execSync("rm -rf ~")'`,
      `ruby -e 'Kernel.send(:system, "rm -rf ~")'`,
      `php -r '("sys"."tem")("rm -rf ~");'`,
      `perl -MMIME::Base64 -e 'system(decode_base64("cm0gLXJmIH4="))'`,
    ]) {
      expect(assess(cmd).level, said(cmd)).toBe('critical');
    }
  });

  it('names what it found and what the code can reach', () => {
    const u = unreadCode('getattr(__import__("o"+"s"), "sys"+"tem")("id")', 'python');
    expect(u.what).toEqual([
      'imports a module named at run time (__import__)',
      'looks up an attribute named at run time (getattr)',
    ]);
    expect(u.reaches).toBe('processes');
    expect(unreadCode('exec(urllib.request.urlopen(u).read())', 'python').reaches).toBe('processes and the network');
    expect(unreadCode('print(1)', 'python')).toEqual({ what: [], reaches: null, anything: false });
  });
});

describe('the -e and -c forms of every common interpreter', () => {
  it.each([
    `lua -e 'os.execute("rm -rf ~")'`,
    `luajit -e 'os.execute("rm -rf ~")'`,
    `julia -e 'run(\`rm -rf /home/dev\`)'`,
    `julia --eval 'rm("/home/dev"; recursive=true)'`,
    `elixir -e 'File.rm_rf!("/home/dev")'`,
    `elixir --eval 'System.cmd("rm", ["-rf", "/home/dev"])'`,
    `erl -noshell -eval 'os:cmd("rm -rf ~"), init:stop().'`,
    `groovy -e '"rm -rf /home/dev".execute()'`,
    `scala -e 'import sys.process._; "rm -rf /home/dev".!'`,
    `kotlinc -e 'Runtime.getRuntime().exec("rm -rf /home/dev")'`,
    `raku -e 'shell "rm -rf ~"'`,
    `perl6 -e 'run "rm", "-rf", "/home/dev"'`,
    `echo 'exec rm -rf ~' | tclsh`,
    `Rscript -e 'system("rm -rf ~")'`,
    `R -e 'unlink("/home/dev", recursive=TRUE)'`,
    `osascript -l JavaScript -e 'Application.currentApplication().doShellScript("rm -rf ~")'`,
    `php -B 'system("rm -rf ~");'`,
    `deno repl --eval 'Deno.removeSync("/", {recursive: true})'`,
  ])('%s is critical', (cmd) => {
    expect(assess(cmd).level, said(cmd)).toBe('critical');
  });
});

describe('commands that editors, debuggers and database shells run', () => {
  it.each([
    `sed -n '1e rm -rf ~' f`,
    `sed 's/a/b/w /etc/passwd' f`,
    `dc -e '!rm -rf ~'`,
    `vim -c '!rm -rf ~' f`,
    `vim +':silent !rm -rf ~' f`,
    `nvim --headless -c 'call system("rm -rf ~")' -c qa`,
    `vim -c 'py3 import shutil; shutil.rmtree("/home/dev")' -c q`,
    `gdb -batch -ex 'shell rm -rf ~'`,
    `gdb -batch -ex 'python import os; os.system("rm -rf ~")'`,
    `lldb -o 'platform shell rm -rf ~'`,
    `emacs --batch --eval '(shell-command "rm -rf ~")'`,
    `sqlite3 db '.shell rm -rf ~'`,
    `psql -c '\\! rm -rf ~'`,
    `mysql -e 'system rm -rf ~'`,
  ])('%s is critical', (cmd) => {
    expect(assess(cmd).level, said(cmd)).toBe('critical');
  });

  it.each([
    [`sed 's/.*/&/e' f`, /runs the text it edits/],
    [`vim -c 'exe g:cmd' f`, /:execute/],
    [`gdb -batch -ex 'eval "shell %s", $x'`, /eval/],
    [`emacs --batch --eval '(eval (read (getenv "X")))'`, /eval/],
    [`sqlite3 db '.load ./evil'`, /native extension/],
    [`psql -c '\\o |sh'`, /prints as sh code/],
    [`mysql -e 'pager sh'`, /prints as sh code/],
  ])('%s, which cannot be read, is high', (cmd, reason) => {
    const a = assess(cmd);
    expect(HIGH, said(cmd)).toContain(a.level);
    expect(a.reasons.join(' | ')).toMatch(reason);
  });
});

describe('bounds', () => {
  it('says when code makes more calls than it reads, and is at least medium', () => {
    const cmd = `python3 -c 'import os, shutil; ${"os.remove('a'); ".repeat(130)}shutil.rmtree("/")'`.replace(
      /'a'/g,
      '"a"',
    );
    const a = assess(cmd);
    expect(['medium', 'high', 'critical']).toContain(a.level);
    expect(a.reasons.join(' ')).toMatch(/makes more calls than Gatehouse reads/);
  });

  it('counts call sites past the ones it looks at as not read', () => {
    expect(['high', 'critical']).toContain(assess(`python3 -c '${'exec("a"); '.repeat(40)}exec(x)'`).level);
  });

  it('reads 200 KB of unbalanced calls, decodings and names in bounded time', () => {
    for (const code of ['exec("a" '.repeat(20_000), `x${'.decode()'.repeat(20_000)}`, 'getattr(os, '.repeat(16_000)]) {
      const started = performance.now();
      expect(['medium', 'high', 'critical']).toContain(assess(`python3 -c 'import os; os.system(${code})'`).level);
      expect(performance.now() - started).toBeLessThan(10_000);
    }
    const started = performance.now();
    assess(`node -e '${'require(x '.repeat(20_000)}'`);
    assess(`emacs --batch --eval '${'(shell-command ('.repeat(13_000)}'`);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('one-liners agents write every day stay low', () => {
  it.each([
    `python3 -c 'import json,sys; print(json.load(sys.stdin)["a"])'`,
    `python3 -c "import json; print(json.load(open('package.json'))['version'])"`,
    `python3 -c "import os; print(os.listdir('.'))"`,
    `python3 -c 'print(eval("1+2"))'`,
    `python3 -c "import sys; print(sys.version)"`,
    `python3 -c "import yaml, sys; yaml.safe_load(open('ci.yml'))"`,
    `node -e 'console.log(1+1)'`,
    `node -e "console.log(require('./package.json').version)"`,
    `node -e "const { getTimeoutConfig } = require('./lib/timeouts.ts'); try { console.log('Base config:', getTimeoutConfig()); } catch(e) { console.error('Error:', e.message); }"`,
    `node -e "(async () => { const { config } = await import('./dist/src/config/index.js'); console.log(config.nodeEnv); })()"`,
    `node -e "console.log(JSON.stringify(require('./tsconfig.json').compilerOptions, null, 2))"`,
    `node -p "process.versions.node"`,
    `ruby -e 'puts RUBY_VERSION'`,
    `perl -pi -e 's/foo/bar/g' file.txt`,
    `perl -ne 'print if /TODO/' src/a.c`,
    `php -r 'echo PHP_VERSION;'`,
    `elixir -e "IO.puts System.version()"`,
    `julia -e 'println(1+1)'`,
    `lua -e 'print(_VERSION)'`,
    `deno eval 'console.log(Deno.version)'`,
    `awk '{print $1}' data.txt`,
    `sed -n '1,80p' src/server.ts`,
    `sed -i '' 's/\\x27/"/g' src/domain/session.ts`,
    `vim -c 'wq' notes.md`,
    `psql -c "SELECT count(*) FROM users"`,
    `sqlite3 app.db ".schema users"`,
    `mysql -e "SHOW TABLES" shop`,
    `echo 'print(1)' | python3`,
    `cat <<'EOF' | python3\nimport json\nprint(json.dumps({"a": 1}))\nEOF`,
    `python3 - <<'EOF'\nimport json, pathlib\nfor p in pathlib.Path('src').glob('*.json'):\n    json.loads(p.read_text())\nEOF`,
    `python3 - <<'EOF'\nclass C:\n    def get(self, k):\n        return getattr(self, k, self.__dict__[k])\nprint(C().get('x'))\nEOF`,
    `node <<'EOF'\nclass A { get(k) { return this[k]; } }\nexports[name] = new A();\nconsole.log(require(require('path').join(__dirname, 'package.json')).name)\nEOF`,
  ])('%s is low', (cmd) => {
    expect(assess(cmd).level, said(cmd)).toBe('low');
  });
});
