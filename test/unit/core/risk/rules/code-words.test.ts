// Which words of a command carry code or run another program, as the rules read them off the shape tables.
// Shown as the command with those words in brackets.
import { describe, expect, it } from 'vitest';
import {
  codeCarryingIndex,
  codeCarryingWords,
  lastCodeCarryingIndex,
  runsWhatFollows,
  shapeForWord,
} from '../../../../../electron/core/risk/rules/code-words.ts';
import { shapeOf } from '../../../../../electron/core/risk/shapes/index.ts';
import { splitWords } from '../../../../../electron/core/rules/words.ts';

function marked(command: string): string {
  const words = splitWords(command) ?? [];
  const code = codeCarryingWords(words);
  return words.map((w, i) => (code[i] ? `[${w}]` : w)).join(' ');
}

describe('code-carrying words', () => {
  it.each([
    // Interpreters: the script or the inline code; what follows a script is its own.
    ['node -e "console.log(1)"', 'node [-e] [console.log(1)]'],
    ['node tools/build.js --require evil', 'node [tools/build.js] --require evil'],
    ['node --require ./x.js tools/build.js', 'node [--require] [./x.js] [tools/build.js]'],
    ['node --experimental-strip-types src/a.ts', 'node --experimental-strip-types [src/a.ts]'],
    ['node --version', 'node --version'],
    ['node --unknown-flag a.js', 'node [--unknown-flag] [a.js]'],
    ['python3 src/a.py --flag', 'python3 [src/a.py] --flag'],
    ['python3 -c "import os"', 'python3 [-c] [import os]'],
    ['python3 -Bc "import os"', 'python3 [-Bc] [import os]'],
    ['python3 -m pytest tests -k login', 'python3 [-m] [pytest] tests -k login'],
    ['python3 -W ignore x.py', 'python3 -W ignore [x.py]'],
    ['python3.11 -u x.py', 'python3.11 -u [x.py]'],
    ['/usr/bin/python3 x.py', '/usr/bin/python3 [x.py]'],
    ['bash -euo pipefail deploy.sh', 'bash -euo pipefail [deploy.sh]'],
    ['sh -c "rm -rf /"', 'sh [-c] [rm -rf /]'],
    ['bash -lc "x"', 'bash [-lc] [x]'],
    ['perl -pi.bak -e s/a/b/ f', 'perl -pi.bak [-e] [s/a/b/] [f]'],
    ['ruby -e "system(1)"', 'ruby [-e] [system(1)]'],
    ['deno run -A main.ts --port 1', 'deno run -A [main.ts] --port 1'],
    ['deno eval "Deno.exit()"', 'deno eval [Deno.exit()]'],
    ['bun run src/cli.ts git', 'bun run [src/cli.ts] git'],
    ['bun src/cli.ts git', 'bun [src/cli.ts] git'],
    ['bun test src/a.test.ts', 'bun test src/a.test.ts'],
    ['bun -e "x"', 'bun [-e] [x]'],
    ['tsx watch src/a.ts', 'tsx watch [src/a.ts]'],
    // Runners: the package, and what its program makes of the rest.
    ['npx tsx script.ts', 'npx [tsx] [script.ts]'],
    ['npx -y create-next-app@latest .', 'npx -y [create-next-app@latest] .'],
    ['npx playwright test --ui', 'npx [playwright] test --ui'],
    ['npm exec -- tsx -e x', 'npm exec -- [tsx] [-e] [x]'],
    ['npm run test -- --grep foo', 'npm run test -- --grep foo'],
    ['npm test --script-shell=/tmp/x', 'npm test [--script-shell=/tmp/x]'],
    ['npm install lodash --save-dev', 'npm install [lodash] --save-dev'],
    ['npm --prefix web run build', 'npm [--prefix] [web] [run] [build]'],
    ['npm --global ls', 'npm --global ls'],
    ['pnpm --config.script-shell=/x test', 'pnpm [--config.script-shell=/x] [test]'],
    ['uv run python x.py', 'uv run [python] [x.py]'],
    ['uv run --with evil python', 'uv run [--with] [evil] [python]'],
    ['uv add requests', 'uv add [requests]'],
    ['uv pip install -r req.txt', 'uv pip install [-r] [req.txt]'],
    ['poetry add requests', 'poetry add [requests]'],
    ['pip install requests', 'pip install [requests]'],
    ['xargs -0 -n1 node', 'xargs -0 -n1 [node]'],
    ['xargs -I {} sh -c "echo {}"', 'xargs -I {} [sh] [-c] [echo {}]'],
    ['sudo node x.js', 'sudo [node] [x.js]'],
    ['sudo -u app python3 -c x', 'sudo -u app [python3] [-c] [x]'],
    // Build tools: every target and override; options that read other makefiles or code.
    ['make test', 'make [test]'],
    ['make test -j4', 'make [test] -j4'],
    ['make test --eval=x', 'make [test] [--eval=x]'],
    ['make -f other.mk test', 'make [-f] [other.mk] [test]'],
    ['make test SHELL=/tmp/x', 'make [test] [SHELL=/tmp/x]'],
    ['go test ./...', 'go test ./...'],
    ['go test -exec /tmp/x ./...', 'go test [-exec] [/tmp/x] [./...]'],
    ['go test --toolexec=x ./...', 'go test [--toolexec=x] [./...]'],
    ['go test -race -count=1 ./...', 'go test -race -count=1 ./...'],
    ['go run ./cmd/tool -v', 'go run [./cmd/tool] -v'],
    ['go env -w GOFLAGS=-toolexec=x', 'go env [-w] [GOFLAGS=-toolexec=x]'],
    ['cargo run --bin x -- args', 'cargo run --bin x -- args'],
    ['cargo --config "target.x.runner=\'y\'" run', "cargo [--config] [target.x.runner='y'] [run]"],
    ['cargo +nightly test -Zx', 'cargo +nightly test [-Zx]'],
    // git: -c and friends, config writes, code-running subcommands and options.
    ['git status', 'git status'],
    ['git -c core.fsmonitor=x status', 'git [-c] [core.fsmonitor=x] [status]'],
    ['git -C ../x log --oneline', 'git -C ../x log --oneline'],
    ['git --no-pager log', 'git --no-pager log'],
    ['git --unknown log', 'git [--unknown] [log]'],
    ['git config user.name X', 'git config [user.name] [X]'],
    ['git config --global user.name X', 'git config --global [user.name] [X]'],
    ['git config --get user.name', 'git config [--get] user.name'],
    // Changed: git's table has no `config get` subcommand, so `get` is read as a key to set (more conservative).
    ['git config get user.name', 'git config [get] [user.name]'],
    ['git config --list', 'git config [--list]'],
    ['git config --unset core.pager', 'git config [--unset] [core.pager]'],
    ['git rebase main', 'git rebase main'],
    ['git rebase -x "make test" main', 'git rebase [-x] [make test] [main]'],
    ['git rebase --exe=x main', 'git rebase [--exe=x] [main]'],
    ['git bisect run ./t.sh', 'git bisect run [./t.sh]'],
    ['git submodule foreach --recursive "git pull"', 'git submodule foreach --recursive [git pull]'],
    ['git fetch --upload-pack=x origin', 'git fetch [--upload-pack=x] [origin]'],
    ['git log --ext-diff', 'git log [--ext-diff]'],
    ['git commit -m "fix it"', 'git commit -m fix it'],
    ['git push -u origin main', 'git push -u origin main'],
    ['git difftool -x x', 'git difftool [-x] [x]'],
    // Readers and archivers with options that run programs or write where their arguments say.
    ['sed -n 1p f', 'sed -n [1p] f'],
    ['sed -ne "1e id" f', 'sed [-ne] [1e id] [f]'],
    ['sed 1p f -e "1e id"', 'sed [1p] f [-e] [1e id]'],
    ["sed -i '' s/a/b/ f", 'sed -i [] [s/a/b/] f'],
    ['sed -i s/a/b/ f', 'sed -i [s/a/b/] [f]'],
    ['sed -i.bak s/a/b/ f', 'sed -i.bak [s/a/b/] f'],
    ['sed --line-len 5 "e id" f', 'sed [--line-len] [5] [e id] [f]'],
    ['awk "{print}" f', 'awk [{print}] f'],
    ['awk -F: "{print $1}" f', 'awk -F: [{print $1}] f'],
    ['tar -tf x.tar', 'tar -tf x.tar'],
    ['tar xzf x.tgz', 'tar xzf x.tgz'],
    ['tar xIf zstd x.tar', 'tar [xIf] [zstd] [x.tar]'],
    ['tar -xf x.tar --to-command=sh', 'tar -xf x.tar [--to-command=sh]'],
    ['tar --checkpoint-action=exec=sh -cf a.tar .', 'tar [--checkpoint-action=exec=sh] [-cf] [a.tar] [.]'],
    ['find . -name "*.ts"', 'find . -name *.ts'],
    ['find . -name x -exec rm {} ;', 'find . -name x [-exec] [rm] [{}] [;]'],
    ['find . -fprint0 /etc/x', 'find . [-fprint0] [/etc/x]'],
    ['rg --pre ./x foo', 'rg [--pre] [./x] [foo]'],
    ['rg --pre-glob "*.gz" foo', 'rg --pre-glob *.gz foo'],
    ['zip -qTT "sh -c x" a.zip f', 'zip [-qTT] [sh -c x] [a.zip] [f]'],
    ['rsync -avze ssh a b:', 'rsync [-avze] [ssh] [a] [b:]'],
    ['ssh host', 'ssh host'],
    ['ssh host uptime', 'ssh host [uptime]'],
    ['ssh -oProxyCommand=x host', 'ssh [-oProxyCommand=x] [host]'],
    ['vim +"!id" f', 'vim [+!id] [f]'],
    ['cat README.md', 'cat README.md'],
  ])('%s', (command, expected) => {
    expect(marked(command)).toBe(expected);
  });

  it('gives the first code word at or after a position, and the last one', () => {
    const words = ['node', 'tools/build.js', '--flag'];
    expect(codeCarryingIndex(words)).toBe(1);
    expect(codeCarryingIndex(words, 2)).toBeNull();
    expect(lastCodeCarryingIndex(words)).toBe(1);
    expect(lastCodeCarryingIndex(['cat', 'x'])).toBe(-1);
  });

  it('finds a program by the name it is called by', () => {
    expect(shapeForWord('/usr/local/bin/node22')?.shape).toBe(shapeOf('node'));
    expect(shapeForWord('python3.12')?.shape).toBe(shapeOf('python3'));
    expect(shapeForWord('NPX.exe')?.shape).toBe(shapeOf('npx'));
    expect(shapeForWord('nvim')?.shape).toBe(shapeOf('nvim'));
    expect(shapeForWord('frobnicate')).toBeNull();
    expect(shapeForWord('constructor')).toBeNull();
  });

  it('never learns a rule for a program whose next words say what it does', () => {
    for (const word of ['node', 'npx', 'git', 'tar', 'python3', 'sudo', 'sed', 'xargs'])
      expect(runsWhatFollows(word), word).toBe(true);
    for (const word of ['cat', 'make', 'frobnicate']) expect(runsWhatFollows(word), word).toBe(false);
  });

  // Moved here from the shape tables' tests (the learner's view of a segment is read here now).
  it('tells the rule learner where code starts in a segment', () => {
    expect(codeCarryingIndex(['git', '-c', 'core.pager=x', 'log'])).toBe(1);
    expect(codeCarryingIndex(['git', 'log', '--oneline'])).toBeNull();
    expect(codeCarryingIndex(['node', '-e', 'console.log(1)'])).toBe(1);
    // Changed: a script is what runs, so it carries code (the old shape-only view left it to code-args.ts).
    expect(codeCarryingIndex(['node', 'tools/build.js', '--watch'])).toBe(1);
    expect(codeCarryingIndex(['node', 'tools/build.js', '--watch'], 2)).toBeNull();
    expect(codeCarryingIndex(['make', 'test', '--eval=x'])).toBe(1);
    expect(codeCarryingIndex(['make', 'test', '--eval=x'], 2)).toBe(2);
    expect(codeCarryingIndex(['frobnicate', '-x'])).toBeNull();
  });
});
