// Python, Rust, Go and make: interpreters given a script, test runners, package tools and build tools. Marked:
// inline code (`-c`, read by the language readers), modules run by name (`-m`, judged as their own command),
// programs a build runs for it (`go test -exec`, `-toolexec`, `make --eval`, `make SHELL=…`).
import type { ShapeSource } from './spec.ts';

const PYTHON =
  '-B -b -bb -d -E -h --help -i -I -O -OO -P -q -R -s -S -u -v -V --version -x -X= -W= --check-hash-based-pycs= -c=code -m=stops';
const PYTEST =
  '-x --exitfirst -v -vv -vvv --verbose -q -qq --quiet -s -k= -m= --maxfail= --lf --last-failed --ff --failed-first --nf --new-first --sw --stepwise ' +
  '--stepwise-skip --tb= --no-header --no-summary --co --collect-only -p= --pdb --trace --durations= --durations-min= --cov=? --cov-report= ' +
  '--cov-fail-under= --cov-branch --cov-append --cov-config= --no-cov --junitxml=write --junit-xml=write -n= --numprocesses= --dist= -r= -rA -ra ' +
  '--disable-warnings -W= --rootdir= -c= --confcutdir= --ignore= --ignore-glob= --deselect= --import-mode= --capture= --log-level= --log-cli-level= ' +
  '--timeout= --reruns= --basetemp= --runxfail --strict-markers --strict-config --color= --code-highlight= --cache-clear --doctest-modules -o= ' +
  '--override-ini= --asyncio-mode= -l --showlocals --full-trace --setup-show --setup-only --setup-plan --fixtures --fixtures-per-test --markers ' +
  '--version -h --help --benchmark-only --benchmark-skip --hypothesis-show-statistics --hypothesis-seed= --random-order --random-order-seed= --html=write ' +
  '--self-contained-html --json-report --json-report-file=write -rf -rs -rx --forked --looponfail -f --sugar --lfnf= --last-failed-no-failures=';
const PIP =
  '-q --quiet -v --verbose --disable-pip-version-check --no-cache-dir --cache-dir= --index-url= -i= --extra-index-url= --no-index --trusted-host= ' +
  '--user --upgrade -U -r= --requirement= -e= --editable= --no-deps --pre --break-system-packages --target= -t= --prefix= --root= --force-reinstall ' +
  '--no-input --proxy= --timeout= --format= --outdated -o --uptodate --not-required --python= --require-virtualenv --isolated -c= --constraint= ' +
  '--no-build-isolation --only-binary= --no-binary= --dry-run --report= -y --yes --progress-bar= --root-user-action= --exists-action= -f= --find-links= ' +
  '--upgrade-strategy= --ignore-installed -I --compile --no-compile --no-warn-script-location --system --files -l --local --path= --exclude-editable ' +
  '--all --json --strict --no-color --require-hashes --group=';
const CARGO =
  '--release -r --all-features --features= -F= --no-default-features -p= --package= --workspace --all --all-targets --lib --bin= --bins --example= ' +
  '--examples --test= --tests --bench= --benches --target= --target-dir= --manifest-path= -j= --jobs= -q --quiet -v -vv --verbose --color= --locked ' +
  '--frozen --offline --message-format= --profile= --timings=? --keep-going --no-run --no-fail-fast --doc --exclude= --future-incompat-report ' +
  '--ignore-rust-version --unit-graph -Z=';
const GO_BUILD =
  '-v -race -msan -asan -cover -covermode= -coverpkg= -a -n -x -p= -work -o= -tags= -ldflags= -gcflags= -asmflags= -trimpath -mod= -modfile= ' +
  '-buildvcs= -buildmode= -compiler= -C= -overlay= -pgo= -pkgdir= -installsuffix= -linkshared -modcacherw -json ' +
  // What the build runs for it: a program on every test binary, a program around every tool.
  '-exec=shell -toolexec=shell';
const GO_TEST =
  `${GO_BUILD} -count= -run= -bench= -benchmem -benchtime= -coverprofile= -timeout= -short -failfast -list= -skip= -fuzz= -fuzztime= -fuzzminimizetime= ` +
  '-parallel= -cpu= -shuffle= -vet= -outputdir= -blockprofile= -cpuprofile= -memprofile= -mutexprofile= -trace= -c -i -args';
const MAKE =
  '-j=? --jobs=? -k --keep-going -S --no-keep-going --stop -s --silent --quiet -n --dry-run --just-print --recon -B --always-make -C= --directory= ' +
  '-e --environment-overrides -i --ignore-errors -w --print-directory --no-print-directory -q --question -r --no-builtin-rules -R --no-builtin-variables ' +
  '-d --debug=? -t --touch -o= --old-file= --assume-old= -W= --what-if= --new-file= --assume-new= -l=? --load-average=? -O=? --output-sync=? --trace ' +
  '-p --print-data-base -v --version -h --help -L --check-symlink-times --warn-undefined-variables ' +
  // Another makefile, or make code given on the command line, runs recipes nobody has read.
  '-f=load --file=load --makefile=load -I= --include-dir= -E=check:makeeval --eval=check:makeeval';

/** What pip installs runs (its build hooks); a requirements file, an editable path or an index decide what that is. */
const PIP_INSTALLS = {
  operandsCarryCode: 'all',
  alters: '-r --requirement -e --editable -i --index-url --extra-index-url -f --find-links -c --constraint',
} as const;
const PIP_SHAPE: ShapeSource = {
  globals: PIP,
  subs: {
    install: PIP_INSTALLS,
    'download|wheel': PIP_INSTALLS,
    uninstall: '',
    'list|show|freeze|check|inspect|debug|hash|search|index': '',
    cache: { subs: { 'dir|info|list': '' } },
    config: { subs: { 'list|get|debug': '--global --user --site' } },
  },
};
/** Options whose value is code or a program the Go toolchain runs (a linker, a vet tool, flags passed to them). */
const GO_ALTERS = '-ldflags -gcflags -asmflags -gccgoflags -modfile -overlay -vettool -toolexec -exec';
const MAKE_SHAPE: ShapeSource = {
  opts: MAKE,
  operands: {
    match: /^[^=]*$/,
    why: 'a `VAR=value` given to make replaces a variable its recipes use (even `SHELL`), so what runs is not the Makefile as written',
  },
  // Every target runs its recipe; another directory, include path or the environment decides which recipe that is.
  operandsCarryCode: 'all',
  alters: '-C --directory -I --include-dir -e --environment-overrides',
};

export const BUILD_SHAPES: Record<string, ShapeSource | string> = {
  python: { opts: PYTHON, stopAt: 'first-operand' },
  python3: { opts: PYTHON, stopAt: 'first-operand' },
  python2: { opts: PYTHON, stopAt: 'first-operand' },
  pytest: { opts: PYTEST },
  // Modules of the standard library run with `python -m`, judged as programs of their own (rules/supply.ts).
  'http.server': {
    opts: '-b= --bind= -d= --directory= -p= --protocol= -h --help',
    maxOperands: 1,
    note: 'where it listens is judged by rules/network.ts; --cgi (runs scripts it serves) is left out',
  },
  unittest: {
    opts: '-v --verbose -q --quiet -f --failfast -c --catch -b --buffer -k= --locals --durations= -h --help',
    subOptional: true,
    subs: {
      discover:
        '-v --verbose -q --quiet -f --failfast -c --catch -b --buffer -k= --locals --durations= -s= --start-directory= -p= --pattern= -t= --top-level-directory=',
    },
  },
  venv: {
    opts: '--clear --upgrade --without-pip --system-site-packages --prompt= --copies --symlinks --upgrade-deps --without-scm-ignore-files -h --help',
  },
  'json.tool': {
    opts: '--sort-keys --indent= --compact --no-ensure-ascii --json-lines --tab --no-indent -h --help',
    maxOperands: 2,
  },
  'py.test': { opts: PYTEST },
  pip: PIP_SHAPE,
  pip3: PIP_SHAPE,
  ruff: {
    subs: {
      'check|format':
        '--fix --no-fix --unsafe-fixes --show-fixes --diff --check --watch --select= --ignore= --extend-select= --extend-ignore= --exclude= --extend-exclude= --line-length= --target-version= --config= --no-cache --cache-dir= --output-format= -o=write --output-file=write --statistics --exit-zero --exit-non-zero-on-fix -q --quiet -v --verbose -s --silent --preview --respect-gitignore --force-exclude -n --no-cache',
      version: '',
      rule: '--all --output-format=',
      clean: '',
    },
  },
  mypy: '--strict --ignore-missing-imports --config-file= --python-version= --follow-imports= --no-implicit-optional --show-error-codes --pretty --no-error-summary --install-types --non-interactive --cache-dir= --no-incremental -p= --package= -m= --module= --explicit-package-bases --namespace-packages --exclude= --disallow-untyped-defs --check-untyped-defs --warn-unused-ignores --show-column-numbers -v --version -h --help',
  black:
    '--check --diff --color --no-color -l= --line-length= -t= --target-version= --fast --safe -q --quiet -v --verbose --include= --exclude= --extend-exclude= --force-exclude= --config= -S --skip-string-normalization --preview --version -h --help',
  cargo: {
    globals: '-q --quiet -v -vv --verbose --color= --locked --frozen --offline -C=',
    // `cargo +nightly test`: the toolchain rustup runs it with. `--config` may name a runner, linker or wrapper.
    opts: '+* --config=check:cargoconfig',
    // Unstable flags (`-Zx`) change what cargo and rustc do, some of them what they run.
    alters: '-Z',
    subs: {
      'build|b|check|c|test|t|bench|doc|d|rustc|clean': `${CARGO} --open --no-deps --document-private-items --doc`,
      // The operands are the built program's arguments: the project's own program runs either way.
      'run|r': { opts: CARGO, stopAt: 'first-operand', operandsCarryCode: 'none' },
      clippy: `${CARGO} --fix --allow-dirty --allow-staged --allow-no-vcs --no-deps`,
      fmt: '--all --check -p= --package= --manifest-path= --message-format= -v -q',
      'tree|metadata':
        '--all-features --features= --no-default-features -p= --package= --workspace --target= --manifest-path= -e= --edges= -i= --invert= --depth= --prefix= --no-dedupe -d --duplicates --charset= -f= --format= --format-version= --no-deps --filter-platform=',
      'update|fetch|generate-lockfile':
        '-p= --package= --aggressive --precise= --dry-run -w --workspace --manifest-path= --recursive --breaking',
      'add|remove|rm':
        '--dev --build --target= --features= -F= --no-default-features --default-features --optional --no-optional --rename= --path= --git= --branch= --tag= --rev= --registry= -p= --package= --dry-run --manifest-path=',
      'new|init': '--bin --lib --name= --vcs= --edition= --registry=',
      'version|help|search': '--limit= --registry= --index=',
      // Publishing and installing are judged by rules/publish.ts and supply.ts (`--dry-run` publishes nothing).
      publish: `${CARGO} --dry-run -n --allow-dirty --no-verify --registry= --index=`,
      package: `${CARGO} --list -l --allow-dirty --no-verify --no-metadata --exclude-lockfile --registry= --index=`,
      install: {
        opts: `${CARGO} --path= --git= --branch= --tag= --rev= --version= --force -f --bin= --list --no-track --debug --registry= --index=`,
        operandsCarryCode: 'all',
        alters: '--path --git --index --registry',
      },
      nextest: {
        subs: {
          'run|r|list': `${CARGO} --no-capture --nocapture --test-threads= --retries= --fail-fast --no-fail-fast -E= --filterset= --filter-expr= --profile= -P= --status-level= --final-status-level= --hide-progress-bar --run-ignored= --partition= --message-format= --no-tests= --cargo-profile=`,
        },
      },
      audit: '--json -D= --deny= --ignore= -q --quiet --no-fetch --stale -f= --file= -n --db=',
    },
  },
  go: {
    subs: {
      'build|vet|install|get|list|clean': {
        opts: `${GO_BUILD} -u -t -d -m -f= -e -deps -export -find -test -compiled -retracted -versions -reuse= -i -r -cache -testcache -modcache -fuzzcache -insecure`,
        singleDash: true,
        alters: GO_ALTERS,
      },
      test: { opts: GO_TEST, singleDash: true, alters: GO_ALTERS },
      run: { opts: GO_BUILD, singleDash: true, stopAt: 'first-operand', alters: GO_ALTERS },
      fmt: { opts: '-n -x -mod=', singleDash: true },
      generate: {
        opts: '-run= -skip= -n -v -x -tags=',
        singleDash: true,
        note: "runs the //go:generate lines of the project's own files",
      },
      mod: {
        subs: {
          'tidy|download|verify|graph|why|init|vendor': {
            opts: '-v -e -x -json -go= -compat= -m -vendor -o= -diff',
            singleDash: true,
          },
        },
      },
      // `go env -w GOFLAGS=…` (and `-u`) changes the settings every later go command runs with.
      'version|env|doc|help': { opts: '-json -m -u -w -all -c -cmd -short -src -u', singleDash: true, alters: '-w -u' },
    },
  },
  gofmt: { opts: '-l -d -s -e -w -r= -cpuprofile=', singleDash: true },
  make: MAKE_SHAPE,
  gmake: MAKE_SHAPE,
};
