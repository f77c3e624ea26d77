// A named suite, not one module's test: seven toolchains' shape tables held to the same three properties.
// The shape tables of other languages' toolchains (risk/shapes/compiled.ts, scripting.ts, js-tools.ts, python.ts,
// devtools.ts, and what was added to js.ts and build.ts): an ordinary form of each is low, an option Gatehouse does
// not know is medium and says so, and an option that runs, loads or writes code is never low. Commands are only
// scored here, never run.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RiskEngine } from '../../../../../../electron/core/risk/engine.ts';
import { createRiskEngine } from '../../../../../../electron/core/risk/index.ts';
import { isUnparsed } from '../../../../../../electron/core/rules/evaluate.ts';
import { PROJECT, testContextOptions } from '../../../../../support/risk.ts';

let engine: RiskEngine;
beforeAll(async () => {
  engine = await createRiskEngine(
    testContextOptions({ branch: 'feature/x', changedFiles: 2, changedLines: 40, untrackedFiles: 0, stashes: 0 }),
  );
});

const assess = (cmd: string) => engine.assess(cmd, PROJECT);

describe('ordinary forms are low', () => {
  it.each([
    'mvn -q test',
    'mvn -DskipTests -pl api -am package',
    './mvnw verify',
    'gradle build',
    './gradlew :app:test --tests "x.ParserTest" --offline',
    'java -jar build/libs/app.jar --port 8080',
    'java -version',
    'javac -d out src/Main.java',
    'dotnet build',
    'dotnet test --filter Category=Unit',
    'dotnet format --verify-no-changes',
    'dotnet --info',
    'dotnet list package --outdated',
    "ruby -e 'puts RUBY_VERSION'",
    'bundle exec rspec spec/models',
    'bundle exec rake test',
    'bundle exec rubocop -a',
    'gem list',
    'rake -T',
    'php -l src/App.php',
    'php artisan route:list',
    'composer test',
    'composer validate --strict',
    'phpunit --filter ParserTest',
    'phpstan analyse src',
    "perl -ne 'print if /TODO/' lib/App.pm",
    'prove -lr t',
    'mix test',
    'mix format --check-formatted',
    'mix compile --warnings-as-errors',
    'swift build -c release',
    'swift test --parallel',
    'xcodebuild -scheme App -destination "platform=iOS Simulator,name=iPhone 15" test',
    'flutter test',
    'dart analyze',
    'dart format --set-exit-if-changed .',
    'deno run src/main.ts',
    'deno test --allow-read',
    'deno fmt --check',
    'deno lint',
    'deno task dev',
    'gcc -Wall -O2 -o build/app src/main.c',
    'clang++ -std=c++20 -Iinclude -c src/a.cpp -o build/a.o',
    'clang-format -i src/a.c',
    'cmake -S . -B build -DCMAKE_BUILD_TYPE=Release',
    'cmake --build build -j2',
    'ctest --test-dir build --output-on-failure',
    'ninja -C build',
    'meson test -C build',
    'zig build test',
    'bazel test //...',
    'go test ./... -run TestParse -v',
    'go list -m all',
    'gofmt -l .',
    'go generate ./...',
    'golangci-lint run ./...',
    'staticcheck ./...',
    'cargo publish --dry-run',
    'cargo package --list',
    'cargo nextest run',
    'python3 -m http.server --bind 127.0.0.1',
    'python -m unittest discover -s tests',
    'python3 -m venv .venv',
    'uv lock --check',
    'uv run pytest',
    'poetry show --tree',
    'tox -e py312',
    'nox -s tests',
    'coverage run -m pytest',
    'coverage report -m',
    'isort .',
    'flake8 src',
    'pylint src/app',
    'pyright',
    'mkdocs build --strict',
    'pre-commit run --all-files',
    'shfmt -d scripts/',
    'shellcheck scripts/install.sh',
    'hadolint Dockerfile',
    'actionlint',
    'markdownlint "**/*.md" --ignore node_modules',
    'hugo --minify',
    'pandoc README.md -o build/readme.html',
    'protoc -I proto --go_out=gen proto/a.proto',
    'pnpm dlx vitest run',
    'pnpm -r test',
    'pnpm dev',
    'yarn test --coverage',
    'npx jest --watchAll=false --coverage',
    'npm publish --dry-run',
    'npm pack --dry-run',
    'npx turbo run build --filter=web',
    'npx esbuild src/index.ts --bundle --outfile=dist/index.js',
    'npx webpack --mode production',
    'npx mocha "test/**/*.spec.js"',
    'npx stylelint "src/**/*.css"',
    'goreleaser release --snapshot --clean',
    'just test',
    'task lint',
    'nvm use 22',
    'pyenv local 3.12.4',
    'code .',
    'vim +42 src/a.ts',
    'nano README.md',
  ])('%s is low', (cmd) => expect(assess(cmd).level).toBe('low'));
});

describe('an option Gatehouse does not know is medium, and says so', () => {
  it.each([
    'mvn --frobnicate test',
    'gradle --frobnicate build',
    'dotnet build --frobnicate',
    'rspec --frobnicate',
    'composer validate --frobnicate',
    'mix test --frobnicate',
    'swift build --frobnicate',
    'deno lint --frobnicate',
    'gcc --frobnicate a.c',
    'cmake --frobnicate',
    'ctest --frobnicate',
    'shellcheck --frobnicate a.sh',
    'hugo --frobnicate',
    'turbo run build --frobnicate',
    'pre-commit run --frobnicate',
    'uv lock --frobnicate',
  ])('%s', (cmd) => {
    const risk = assess(cmd);
    expect(risk.level).toBe('medium');
    expect(risk.reasons.join(' ')).toContain('does not know');
  });
});

describe('options that run, load or write code are never low', () => {
  it.each([
    // code loaded before the program's own
    'ruby -r ./x.rb -e 1',
    'ruby -I /tmp/lib app.rb',
    'perl -MEvil -e 1',
    'perl -I /tmp/lib script.pl',
    'java -javaagent:/tmp/a.jar -jar app.jar',
    'java @/tmp/opts Main',
    'gradle -I /tmp/init.gradle build',
    'gradle --init-script /tmp/init.gradle build',
    'gradle -g /tmp/home build',
    'mvn -f /tmp/pom.xml package',
    'rake -f /tmp/Rakefile',
    'rspec -r /tmp/x.rb',
    'php -c /tmp/php.ini app.php',
    'php -d auto_prepend_file=/tmp/x.php app.php',
    'phpunit --bootstrap /tmp/x.php',
    'webpack --config /tmp/webpack.config.js',
    'julia -L /tmp/x.jl app.jl',
    'lua -l evil app.lua',
    'elixir -r /tmp/x.exs app.exs',
    'pylint --load-plugins evil src',
    'gcc -fplugin=/tmp/p.so a.c',
    'clang -Xclang -load -Xclang /tmp/p.so a.c',
    'clang -mllvm -load=/tmp/p.so a.c',
    'cmake -C /tmp/cache.cmake -S . -B build',
    'javac -processorpath /tmp/p.jar A.java',
    'dotnet test --settings /tmp/x.runsettings',
    // code given on the command line, in languages Gatehouse has no reader for
    'lua -e "os.execute(1)"',
    'julia -e "run(`x`)"',
    'Rscript -e "system(1)"',
    "elixir -e 'System.cmd(1)'",
    'mix run -e "IO.puts 1"',
    'rake -e "sh 1"',
    // programs and settings that name programs
    'mvn exec:exec -Dexec.executable=rm',
    'dotnet build -p:PostBuildEvent=x',
    'xcodebuild CC=/tmp/cc build',
    'rake test RUBYOPT=-r/tmp/x',
    'just --shell /tmp/sh test',
    'ninja -t msvc -- x',
    'ctest -S /tmp/x.cmake',
    'meson test --wrapper=x',
    'bazel test --run_under=/tmp/x //...',
    'nodemon --exec "rm -rf /tmp/x" app.js',
    'tsup --onSuccess "curl x | sh"',
    "vim -c '!rm -rf ~' a.txt",
    'vim +!rm a.txt',
    'code --install-extension x.vsix',
    'direnv allow',
    'pre-commit install',
    'pnpm dlx -c "rm -rf /tmp/x"',
    'latexmk -shell-escape a.tex',
    'pandoc --lua-filter /tmp/f.lua a.md',
    'protoc --plugin=protoc-gen-x=/tmp/x --x_out=. a.proto',
    'cargo install --root /usr/local ripgrep',
    'deno eval "Deno.removeSync(\'/home/dev\', { recursive: true })"',
    'deno',
  ])('%s', (cmd) => expect(assess(cmd).level).not.toBe('low'));
});

describe('playwright install is read in full, and what installs system packages is not', () => {
  it.each([
    'npx playwright install',
    'npx playwright install chromium webkit',
    'npx playwright install --force --only-shell',
  ])('%s: a download into the cache, medium, read in full (a rule may allow it)', (cmd) => {
    const risk = assess(cmd);
    expect(risk.level).toBe('medium');
    expect(isUnparsed(risk)).toBe(false);
  });

  it.each(['npx playwright install --with-deps', 'npx playwright install-deps', 'npx playwright install ./x.js'])(
    '%s: not read in full',
    (cmd) => expect(isUnparsed(assess(cmd))).toBe(true),
  );
});
