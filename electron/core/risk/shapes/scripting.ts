// Interpreted languages' toolchains: Ruby, PHP, Perl, Elixir and Erlang (their interpreters, test runners,
// linters and package managers), and other interpreters (lua, luajit, raku, Rscript, julia).
// They build and test the project's own code, which is their job. What is marked, or left out so that it stays
// unknown:
// - code given on the command line: `ruby -e`, `perl -e`, `php -r`, `lua -e`, `julia -e`, `Rscript -e`, `elixir -e`,
//   `raku -e` are `=code`, read by the language readers (parse/one-liners.ts); `erl -eval`, `mix run -e` and `rake -e`
//   are left out, so they are never low;
// - code loaded first: `ruby -r`, `perl -M`, a build file or config written in code from outside the project
//   (`=check:projectcode`);
// - settings that name programs: `rake` `VAR=value` operands, `php -d`: left out.
// Installs and publishing (`gem install`, `composer require`) are judged by rules/supply.ts and publish.ts; this
// table only says which words are known.
import { HELP } from './common.ts';
import type { ShapeSource } from './spec.ts';

// Ruby, PHP, Perl ---------------------------------------------------------------------------------------------

const RUBY =
  '-w -W=? -v --version -c -n -p -a -l -F=? -i=? -0=? -s -E= --encoding= --external-encoding= --internal-encoding= -C= -d --debug ' +
  `--disable-gems --disable= --enable= --disable-*=? --enable-*=? --jit --yjit --yjit-*=? --verbose -y --yydebug -U -K=? --backtrace-limit= ${HELP} ` +
  '-e=code -r=load --require=load -I=load';
const RSPEC =
  '-f= --format= -o=write --out=write -t= --tag= -e= --example= --example-matches= --fail-fast=? --only-failures --next-failure -n --order= ' +
  '--seed= --profile=? -p=? --color --no-color --force-color -c --backtrace -b --dry-run --pattern= -P= --exclude-pattern= --default-path= ' +
  `--warnings -w --bisect=? --init -v --version --failure-exit-code= --error-exit-code= -X --drb --no-drb --deprecation-out=write ${HELP} ` +
  '-r=load --require=load -I=load';
const RAKE =
  '-T --tasks=? -D --describe=? -A --all -P --prereqs -W --where=? -n --dry-run -t --trace=? -v --verbose -q --quiet -s --silent -j=? --jobs=? ' +
  `-m --multitask -N --no-search --nosearch -G --no-system --nosystem -V --version -B --build-all -X --no-deprecation-warnings --backtrace=? --comments ${HELP} -H ` +
  '-f=check:projectcode --rakefile=check:projectcode -R=load --rakelibdir=load --rakelib=load -I=load --libdir=load -r=load --require=load';
const RUBOCOP =
  '-a --autocorrect -A --autocorrect-all --auto-correct --auto-correct-all -x --fix-layout --only= --except= -f= --format= -o=write --out=write ' +
  '-c= --config= --force-exclusion --force-default-config --parallel --no-parallel -P -D --display-cop-names --no-display-cop-names -E ' +
  '--extra-details -S --display-style-guide --fail-level= -F --fail-fast -l --lint --cache= --cache-root= --color --no-color -L --list-target-files ' +
  '--show-cops=? --show-docs-url=? --only-guide-cops --safe --safe-correct --disable-uncorrectable --ignore-parent-exclusion --ignore-unrecognized-cops ' +
  `--server --no-server --start-server --stop-server --restart-server --server-status --stderr -v --version -V --verbose-version ${HELP} ` +
  '--auto-gen-config --exclude-limit= --no-offense-counts --no-auto-gen-timestamp --regenerate-todo --display-only-failed --display-only-fail-level-offenses ' +
  '--display-only-correctable --display-only-safe-correctable --editor-mode --raise-cop-error -d --debug --profile --memory -r=load --require=load --plugin=load';
const GEM_QUERY =
  '-l --local -r --remote -b --both -a --all -d --details --no-details --versions --no-versions -e --exact -i --installed -I --prerelease --pre -v= --version= --platform= -q --quiet --verbose --norc --no-verbose -V';
const PHP =
  `-v --version -m -i --info -l --syntax-check -n --no-php-ini -w --strip -H --hide-args -s --syntax-highlight --ini -e ${HELP} -f= --file= ` +
  // A php.ini names files to prepend to every script (auto_prepend_file): code loaded first. `-d` sets the same keys: left out.
  '-r=code -c=load --php-ini=load';
const PHPUNIT =
  '--filter= --testsuite= --exclude-testsuite= --group= --exclude-group= --covers= --uses= --test-suffix= --coverage-text=? --coverage-html= ' +
  '--coverage-clover=write --coverage-cobertura=write --coverage-crap4j=write --coverage-php=write --coverage-xml= --log-junit=write ' +
  '--log-teamcity=write --testdox-html=write --testdox-text=write --testdox-xml=write --log-events-text=write -c= --configuration= --no-configuration ' +
  '--stop-on-failure --stop-on-error --stop-on-defect --stop-on-warning --stop-on-risky --stop-on-skipped --stop-on-incomplete --stop-on-deprecation ' +
  '--stop-on-notice --testdox --colors=? --no-coverage --path-coverage --display-deprecations --display-warnings --display-notices --display-errors ' +
  '--display-incomplete --display-skipped --display-phpunit-deprecations --display-all-issues --fail-on-warning --fail-on-risky --fail-on-deprecation ' +
  '--fail-on-notice --fail-on-skipped --fail-on-incomplete --fail-on-empty-test-suite --order-by= --random-order --random-order-seed= --reverse-order ' +
  '--list-tests --list-suites --list-groups --list-tests-xml=write --version --debug --cache-result --do-not-cache-result --cache-directory= ' +
  '--teamcity --strict-coverage --disallow-test-output --enforce-time-limit --default-time-limit= --dont-report-useless-tests --process-isolation ' +
  `--no-logging --no-extensions --no-output --no-progress --no-results --migrate-configuration --check-version --warm-coverage-cache ${HELP} ` +
  '--bootstrap=check:projectcode';
const PHPSTAN =
  '-l= --level= -c= --configuration= --error-format= --memory-limit= --no-progress --debug --xdebug --generate-baseline=? -b=? --allow-empty-baseline ' +
  `--ansi --no-ansi -v -vv -vvv -q --quiet -n --no-interaction -V --version ${HELP} --fix --watch --pro ` +
  '-a=check:projectcode --autoload-file=check:projectcode';
const COMPOSER_GLOBALS = `-n --no-interaction -q --quiet -v -vv -vvv --verbose --ansi --no-ansi -d= --working-dir= --no-plugins --no-scripts --no-cache --profile ${HELP} -V --version`;
const PERL =
  '-w -W -X -c -n -p -a -s -t -T -U -u -v -V -V:*=? -l -0=? -i=? -F=? -C=? -E=code -e=code ' +
  // A module loaded first, or a library directory that shadows the modules the script uses.
  '-M=load -m=load -I=load';

// Elixir, Erlang ----------------------------------------------------------------------------------------------

const MIX_TEST =
  '--cover --export-coverage= --failed --stale --trace --only= --exclude= --include= --seed= --max-failures= --warnings-as-errors --formatter= ' +
  '--slowest= --slowest-modules= --color --no-color --partitions= --raise --timeout= --max-cases= --repeat-until-failure= --no-compile --no-deps-check ' +
  '--force --preload-modules --breakpoints --all-warnings --exit-status= --listen-on-stdin';

// Interpreters Gatehouse has no reader for: their inline code (`-e`) is left out.
const OTHER_INTERPRETERS: Record<string, ShapeSource | string> = {
  lua: {
    opts: '-v -E -W -l=load -e=code',
    stopAt: 'first-operand',
    note: '-e is read by the language readers (parse/one-liners.ts); -i (interactive) is left out',
  },
  luajit: {
    opts: '-v -E -l=load -e=code -O=? -j=',
    stopAt: 'first-operand',
    note: '-b (bytecode output) and -i are left out',
  },
  raku: { opts: '-e=code -c -v --version -h --help -I=load -M=load', stopAt: 'first-operand' },
  perl6: { opts: '-e=code -c -v --version -h --help -I=load -M=load', stopAt: 'first-operand' },
  // Rules know programs by their lower-cased names (`Rscript` is `rscript`).
  rscript: {
    opts: '--vanilla --no-save --no-restore --no-environ --no-site-file --no-init-file --version --verbose --default-packages= -e=code',
    stopAt: 'first-operand',
  },
  julia: {
    opts: '--project=? -t= --threads= --startup-file= -O= --optimize=? --version -v -q --quiet --color= --compile= --check-bounds= --depwarn= --banner= --history-file= --heap-size-hint= -g=? --code-coverage=? --track-allocation=? --sysimage=load -J=load -L=load --load=load -e=code --eval=code -E=code --print=code',
    stopAt: 'first-operand',
    note: '-p/--procs (workers) is left out',
  },
};

export const SCRIPTING_SHAPES: Record<string, ShapeSource | string> = {
  ...OTHER_INTERPRETERS,
  // Ruby
  ruby: { opts: RUBY, stopAt: 'first-operand' },
  rspec: { opts: RSPEC },
  rake: {
    opts: RAKE,
    operands: {
      match: /^[^=]*$/,
      why: 'a `VAR=value` given to rake sets the environment its tasks (and the programs they start) run with',
    },
  },
  rubocop: { opts: RUBOCOP },
  bundle: {
    globals: '--gemfile= --no-color -V --verbose -r= --retry= --version -v -h --help',
    note: '`bundle` alone installs, like `bundle install`; `bundle exec` is read by the parser as the command it runs',
    subs: {
      'install|update|add|remove|lock|cache|package':
        '--jobs= -j= --deployment --frozen --local --prefer-local --path= --without= --with= --quiet --standalone=? --binstubs=? --full-index --conservative --all --group= -g= --version= --source= --require= --skip-install --strict --patch --minor --major --update=? --print --lockfile= --add-platform= --remove-platform= --normalize-platforms --no-install --all-platforms',
      'check|list|show|outdated|info|platform|version|env|licenses|doctor|viz':
        '--dry-run --path= --paths --name-only --strict --parseable --only-explicit --groups= --group= --filter-major --filter-minor --filter-patch --filter-strict --pre --local --ruby --without-group= --only-group= --update-strict --quiet --major --minor --patch',
      config: { subs: { 'list|get': '--local --global --parseable' } },
      help: '',
    },
  },
  gem: {
    globals: '--config-file= --backtrace --debug -q --quiet --verbose --no-verbose -V -h --help --norc',
    subOptional: true,
    maxOperands: 0,
    opts: '-v --version',
    subs: {
      'list|search|query|info|specification|spec|contents|dependency|outdated|which|environment|env|help|sources|owner|stale|check|lock|build': `${GEM_QUERY} --all -a -g --gems-first --prefix --no-prefix -s --silent --lib-only --spec-dir= --show-install-dir --ruby --yaml --marshal --field=`,
      'install|i|uninstall|update|cleanup':
        '--user-install --no-user-install --no-document -N --document= --version= -v= --pre --prerelease --conservative --force -f -i= --install-dir= -n= --bindir= --minimal-deps --default --development --no-development -x --executables -a --all -I --ignore-dependencies --both -l --local -r --remote --source= --clear-sources --platform= --dryrun -d --dry-run --system',
    },
  },

  // PHP
  php: {
    opts: PHP,
    stopAt: 'first-operand',
    note: "`php artisan …`, `php vendor/bin/x …`: the script is the project's; -d (ini settings such as auto_prepend_file), -S (a server), -B/-R/-F/-E (code per line) are left out",
  },
  composer: {
    globals: COMPOSER_GLOBALS,
    subOptional: true,
    maxOperands: 0,
    subs: {
      'install|i|update|u|upgrade|require|r|remove|rm|reinstall|dump-autoload|dumpautoload|bump':
        '--dev --no-dev --prefer-dist --prefer-source --prefer-install= --dry-run --no-autoloader --no-progress -o --optimize-autoloader --optimize -a --classmap-authoritative --apcu-autoloader --ignore-platform-reqs --ignore-platform-req= --with-dependencies -w --with-all-dependencies -W --lock --no-install --no-update --no-audit --audit --sort-packages --prefer-stable --prefer-lowest --minimal-changes -m --interactive -i --root-reqs --strict-psr --dev-only --no-dev-only --update-with-dependencies --update-with-all-dependencies --audit-format=',
      'test|lint|check|analyse|analyze|format|cs|cs-fix|phpstan|psalm|run-script|run': {
        opts: '--dev --no-dev --list -l --timeout=',
        stopAt: 'first-operand',
        note: "the project's own scripts (composer.json)",
      },
      'validate|show|info|outdated|licenses|license|depends|why|why-not|prohibits|diagnose|check-platform-reqs|audit|about|fund|search|suggests|status|browse|home|list|help':
        '--all -a --installed -i --locked --platform -p --self -s --name-only -N --path -P --tree -t --latest -l --outdated -o --direct -D --minor-only -m --patch-only --major-only --format= -f= --strict --no-check-all --no-check-lock --no-check-publish --no-check-version --with-dependencies --recursive -r --ignore= --abandoned= --locked --no-dev --only-name -O --show',
      config: {
        maxOperands: 1,
        opts: '--list -l --global -g --source --absolute --json',
        note: 'with a key, prints it; setting one (two operands) is not listed',
      },
    },
  },
  phpunit: { opts: PHPUNIT },
  phpstan: {
    subOptional: true,
    opts: PHPSTAN,
    subs: {
      'analyse|analyze': PHPSTAN,
      'clear-result-cache': '-c= --configuration= --memory-limit= -q',
      list: '',
      help: '',
    },
  },
  'php-cs-fixer': {
    subs: {
      'fix|check':
        '--dry-run --diff --rules= --using-cache= --cache-file= --allow-risky= --stop-on-violation --show-progress= --format= --path-mode= -v -vv -vvv --sequential --allow-unsupported-php-version=? --config=check:projectcode',
      'list-files|describe|list-sets|help|list': '--config=check:projectcode',
    },
  },
  pint: '--test --dirty --diff= --config=check:projectcode --preset= -v --format= --output-to-file=write --output-format= --parallel --bail --repair --no-config',
  psalm: `--no-cache --clear-cache --threads= --show-info= --output-format= --report=write --stats --no-progress --long-progress --shepherd=? --taint-analysis --init --diff --alter --issues= --dry-run --php-version= -c=check:projectcode --config=check:projectcode --no-diff --find-dead-code=? --root= ${HELP} --version`,

  // Perl
  perl: {
    opts: PERL,
    stopAt: 'first-operand',
    note: '-d (a debugger module), -S (a script from PATH) and -x (code after a #! in a file) are left out',
  },
  prove:
    '-v --verbose -l --lib -b --blib -r --recurse -j= --jobs= -s --shuffle --timer --color --nocolor --state= --norc --formatter= --merge -Q -q --quiet --directives --count --nocount --dry -D --ext= --failures -f --comments -o --trap --normalize -h --help -H --man -V --version -I=load -M=load -P=load',

  // Elixir and Erlang
  mix: {
    subs: {
      test: MIX_TEST,
      format: '--check-formatted --dry-run --dot-formatter= --stdin-filename= --migrate --no-exit --force',
      compile:
        '--force --warnings-as-errors --all-warnings --no-deps-check --no-archives-check --no-compile --no-protocol-consolidation --return-errors --long-compilation-threshold= --profile= --verbose',
      'deps|deps.tree|deps.unlock|xref|hex.info|hex.outdated|help|clean|docs|dialyzer|credo|sobelow|coveralls|coveralls.html|phx.routes|hex.audit|deps.audit':
        '--all --only= --target= --check-unused --unused --format= --exclude= --label= --source= --sink= --include-siblings --strict -a --format= --ignore-exit-status --deps --min-priority= --long --skip --config= --verbose',
      'deps.get|deps.update|deps.compile|deps.clean|archive.install|local.hex|local.rebar':
        '--all --only= --unlock --no-archives-check --force --if-missing --unused --build --dry-run',
      'phx.server|run': {
        opts: '--no-halt --no-compile --no-deps-check --no-start --no-elixir-version-check --preload-modules',
        stopAt: 'first-operand',
        note: 'runs the project (`-e`, code given on the command line, is left out)',
      },
      'release|escript.build|assets.deploy|assets.build': '--overwrite --quiet --path= --version= --force',
    },
  },
  elixir: {
    opts: '-v --version -h --help --no-halt --werl --hidden --sname= --name= --cookie= --boot= --logger-otp-reports= --logger-sasl-reports= -r=load --require=load -pa=load -pz=load -e=code --eval=code',
    stopAt: 'first-operand',
    note: '-S (a script from PATH) and --erl (options to the VM) are left out',
  },
};
