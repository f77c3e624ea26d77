// Other languages' toolchains: JVM, .NET, Ruby, PHP, Perl, Elixir, Swift, Dart, Deno, C and C++ and their build
// systems, task runners, linters and formatters, site generators, version managers and editors. They build and
// test the project's own code, which is their job. What is marked, or left out so that it stays unknown:
// - code given on the command line: `ruby -e`, `perl -e`, `php -r` (read by the language readers) are `=code`;
//   languages Gatehouse has no reader for (`lua -e`, `julia -e`, `Rscript -e`, `elixir -e`, `erl -eval`,
//   `mix run -e`, `rake -e`) are left out, so they are never low;
// - code loaded first: `ruby -r`, `perl -M`, `java -javaagent` (left out), `gradle --init-script`, compiler
//   plugins (`-fplugin`, `-mllvm`, `-Xclang`: left out), a build file or config written in code from outside the
//   project (`=check:projectcode`);
// - programs the tool runs for it: `vim -c` and `+cmd` (left out), `ninja -t msvc`, `ctest -S`, `meson test
//   --wrapper`, `bazel --run_under` (left out), `mvn exec:exec` (not a known goal);
// - settings that name programs: MSBuild properties (`dotnet build -p:PostBuildEvent=…`), `make`/`rake`/`just`
//   `VAR=value` operands, `xcodebuild CC=…`: left out. `mvn -D`, `gradle -D`/`-P` and `cmake -D` are plain
//   values: the pom or build script runs anyway, and may already run anything its properties name.
// Installs and publishing (`gem install`, `dotnet add package`, `composer require`, `mvn deploy`) are judged by
// rules/supply.ts and publish.ts; this table only says which words are known.
import type { ShapeSource } from './spec.ts';

const HELP = '-h --help';

// JVM ---------------------------------------------------------------------------------------------------------

const MVN =
  '-q --quiet -B --batch-mode -e --errors -X --debug -U --update-snapshots -o --offline -T= --threads= -P= --activate-profiles= -pl= --projects= ' +
  '-am --also-make -amd --also-make-dependents -rf= --resume-from= -N --non-recursive -ntp --no-transfer-progress -fae --fail-at-end -ff --fail-fast ' +
  '-fn --fail-never -C --strict-checksums -c --lax-checksums -nsu --no-snapshot-updates -V --show-version -v --version -D= --define= -l=write --log-file=write ' +
  `--color= -llr -npu -cpu -up --legacy-local-repository ${HELP} ` +
  // Another pom is another build: the plugins it names run.
  '-f=check:projectcode --file=check:projectcode';
/** Phases and the plugin goals that only build, test, check or report. `exec:*` (runs a program named by `-D`) is not here. */
const MVN_GOALS = new RegExp(
  '^(clean|validate|initialize|generate-(test-)?(sources|resources)|process-(test-)?(sources|resources|classes)|compile|test-compile|test|prepare-package|package|' +
    'pre-integration-test|integration-test|post-integration-test|verify|install|site|' +
    'dependency:(tree|list|analyze|analyze-report|resolve|resolve-plugins|sources|go-offline|build-classpath|display-ancestors)|' +
    'help:(effective-pom|effective-settings|describe|active-profiles|evaluate|all-profiles|system)|versions:display-[\\w-]+|' +
    '(spotless|fmt|formatter):(check|apply|format|validate)|checkstyle:(check|checkstyle)|spotbugs:(check|spotbugs)|pmd:(check|pmd|cpd-check)|' +
    '(surefire|failsafe)(-report)?:[\\w-]+|jacoco:(report|check|prepare-agent)|javadoc:(javadoc|jar|test-javadoc)|source:(jar|test-jar)|' +
    'compiler:(compile|testCompile)|enforcer:enforce|license:[\\w-]+|spring-boot:(run|build-image|repackage|start|stop)|quarkus:(dev|build|test)|' +
    'jar:(jar|test-jar)|war:war|assembly:single|shade:shade|resources:(resources|testResources)|clover:[\\w-]+)$',
);
const GRADLE =
  '-q --quiet -i --info -d --debug -w --warn -s --stacktrace -S --full-stacktrace --offline --refresh-dependencies --rerun-tasks --rerun ' +
  '--continue --no-daemon --daemon --foreground --stop --status --parallel --no-parallel --build-cache --no-build-cache --configuration-cache ' +
  '--no-configuration-cache --configure-on-demand --no-configure-on-demand --console= --warning-mode= -m --dry-run -x= --exclude-task= ' +
  '--max-workers= --priority= --profile --no-scan --continuous -t --watch-fs --no-watch-fs -D= --system-prop= -P= --project-prop= -p= --project-dir= ' +
  `--tests= -v --version --write-locks --update-locks= --dependency-verification= --export-keys --no-rebuild -a -F= ${HELP} ` +
  // Code run before or instead of the project's build: init scripts, another home (its init.d runs), other builds.
  '-I=load --init-script=load -g=load --gradle-user-home=load --include-build=load -b=check:projectcode --build-file=check:projectcode ' +
  '-c=check:projectcode --settings-file=check:projectcode';
const GRADLE_TASKS = { match: /^[\w:.-]+$/, why: 'a gradle task is named by letters, digits, `:`, `.` and `-`' };
/** `java @argfile` reads more options from a file nobody has read. */
const NO_ARGFILE = { match: /^[^@]/, why: 'an @file gives the program options Gatehouse has not read' };
const JAVA =
  '-cp= -classpath= --class-path= -p= --module-path= --upgrade-module-path= --add-modules= --add-opens= --add-exports= --add-reads= ' +
  '--enable-native-access= --enable-preview --source= -jar -ea -enableassertions -da -disableassertions -esa -dsa -server -client -version ' +
  '--version -showversion --show-version -verbose -verbose:*=? --dry-run --list-modules --describe-module= -d= -XshowSettings*=? -Xmx*=? -Xms*=? ' +
  `-Xss*=? -Xint -Xshare:*=? -XX:+UseG1GC -XX:+UseZGC -XX:+UseSerialGC -XX:+UseParallelGC -XX:+ShowCodeDetailsInExceptionMessages -XX:MaxRAMPercentage= ` +
  `-XX:ActiveProcessorCount= -D*=? -splash:*=? --illegal-access= -m= --module= -? -help ${HELP}`;
const JAVAC =
  '-d= -s= -h= -cp= -classpath= --class-path= -sourcepath= --source-path= -p= --module-path= --module-source-path= --release= -source= ' +
  '--source= -target= --target= -encoding= -g -g:*=? -nowarn -Werror -Xlint -Xlint:*=? -Xdoclint -Xdoclint:*=? -Xmaxerrs= -Xmaxwarns= ' +
  '-deprecation -verbose -parameters -proc:none -proc:only -proc:full -implicit:*=? --enable-preview --add-modules= --add-exports= ' +
  `--add-reads= --limit-modules= -version --version -Xdiags:*=? -help --help`;

// .NET --------------------------------------------------------------------------------------------------------

const DOTNET_BUILD =
  '-c= --configuration= -f= --framework= -r= --runtime= -o= --output= --no-restore --no-dependencies --no-incremental --force --interactive=? ' +
  '-a= --arch= --os= --sc --self-contained=? --no-self-contained --version-suffix= --source= -s= --ucr --use-current-runtime -tl=? --tl=? ' +
  '-v= --verbosity= --nologo --disable-build-servers --artifacts-path= -bl --binaryLogger=? -m --maxcpucount=? -warnaserror --no-build --project=';
const DOTNET_TEST =
  `${DOTNET_BUILD} --filter= --logger= -l= --collect= --blame --blame-crash --blame-hang --blame-hang-timeout= --results-directory= ` +
  '--list-tests -t --diag= -d= --no-ansi --minimum-expected-tests= --report-trx --coverage --coverage-output= --coverage-output-format= ' +
  // A runsettings file names data collectors and test adapters: code loaded into the test run.
  '--settings=check:projectcode';
const DOTNET_FORMAT = '--verify-no-changes --include= --exclude= --severity= --diagnostics= --exclude-diagnostics= --no-restore --report= --binarylog= -v= --verbosity= --folder --include-generated';

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
const GEM_QUERY = '-l --local -r --remote -b --both -a --all -d --details --no-details --versions --no-versions -e --exact -i --installed -I --prerelease --pre -v= --version= --platform= -q --quiet --verbose --norc --no-verbose -V';
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

// Elixir, Erlang, Swift, Dart ---------------------------------------------------------------------------------

const MIX_TEST =
  '--cover --export-coverage= --failed --stale --trace --only= --exclude= --include= --seed= --max-failures= --warnings-as-errors --formatter= ' +
  '--slowest= --slowest-modules= --color --no-color --partitions= --raise --timeout= --max-cases= --repeat-until-failure= --no-compile --no-deps-check ' +
  '--force --preload-modules --breakpoints --all-warnings --exit-status= --listen-on-stdin';
const SWIFT_BUILD =
  '-c= --configuration= -v --verbose --very-verbose -vv -q --quiet -j= --jobs= --product= --target= --scratch-path= --build-path= --package-path= ' +
  '--cache-path= --skip-update --disable-sandbox --enable-code-coverage --show-bin-path --build-tests --static-swift-stdlib --arch= --triple= ' +
  '--sdk= --swift-sdk= --disable-automatic-resolution --force-resolved-versions --only-use-versions-from-resolved-file --enable-testable-imports ' +
  `--disable-testable-imports --explicit-target-dependency-import-check= --replace-scm-with-registry --disable-index-store ${HELP}`;
const SWIFT_TEST = `${SWIFT_BUILD} --filter= --skip= --parallel --num-workers= --list-tests -l --xunit-output=write --skip-build --enable-swift-testing --disable-swift-testing --enable-xctest --disable-xctest --attachments-path= --experimental-event-stream-output=write`;
const FLUTTER_GLOBALS = `-v --verbose -d= --device-id= --version --suppress-analytics --no-version-check --machine --no-color --color ${HELP}`;
const FLUTTER_BUILD =
  '--debug --profile --release --flavor= -t= --target= --dart-define= --dart-define-from-file= --no-pub --pub --build-name= --build-number= ' +
  '--split-debug-info= --obfuscate --tree-shake-icons --no-tree-shake-icons --target-platform= --split-per-abi --no-codesign --analyze-size ' +
  '--base-href= --web-renderer= --wasm --no-wasm --source-maps --config-only --export-method= -o= --output=';

// C and C++ ---------------------------------------------------------------------------------------------------

/**
 * gcc, clang and their kin. Left out: `-fplugin`, `-B` (where the driver finds the programs it runs), `-wrapper`,
 * `-specs`, `-Xclang`/`-Xlinker`/`-mllvm` (options to the layers beneath, where plugins are loaded), `-fuse-ld` (a
 * linker by path), `@file`. `-Wl,`/`-Wa,`/`-Wp,` pass options below and are marked as loading.
 */
const CC =
  '-Wl,*=load -Wa,*=load -Wp,*=load -W=? -o=write -c -S -E -g=? -O=? -w -v -I= -L= -l= -D= -U= -x= -M -MM -MD -MMD -MP -MG -MF= -MT= -MQ= ' +
  '-std=? -ansi -pedantic -pedantic-errors -pthread -shared -static -static-libgcc -static-libstdc++ -pipe -rdynamic -nostdlib -nostdinc ' +
  '-isystem= -iquote= -idirafter= -include= -imacros= -isysroot= --sysroot=? -march=? -mtune=? -mcpu=? -m32 -m64 -mavx -mavx2 -msse4.2 -mfpu=? ' +
  '-mfloat-abi=? -mmacosx-version-min=? -mios-version-min=? -arch= -target= --target=? -fPIC -fpic -fPIE -fpie -fno-exceptions -fexceptions ' +
  '-fno-rtti -frtti -fsanitize=? -fno-sanitize=? -fno-sanitize-recover=? -fsanitize-recover=? -fno-omit-frame-pointer -fstack-protector ' +
  '-fstack-protector-strong -fstack-protector-all -fno-stack-protector -fcolor-diagnostics -fno-color-diagnostics -fdiagnostics-color=? ' +
  '-fopenmp -fvisibility=? -fsyntax-only -fmodules -fcoverage-mapping -fprofile-instr-generate -fprofile-arcs -ftest-coverage --coverage ' +
  '-fno-common -ffast-math -fno-strict-aliasing -fdata-sections -ffunction-sections -flto=? -fno-lto -fno-builtin -ffreestanding -fshort-enums ' +
  '-fno-inline -fwrapv -fmessage-length=? -fdiagnostics-show-option -ftrapv -fno-plt -fcf-protection=? -fno-exceptions -fchar8_t -fconcepts ' +
  '-fcoroutines -fno-math-errno -funroll-loops -fsigned-char -funsigned-char -fno-threadsafe-statics -fstrict-aliasing -ftime-trace ' +
  '-save-temps=? -dumpversion -dumpfullversion -dumpmachine -dumpspecs -print-search-dirs -print-prog-name= -print-file-name= ' +
  '-print-libgcc-file-name -print-multiarch -print-sysroot -print-targets -print-resource-dir -### --version --help -Xclang=load -Xlinker=load ' +
  '-mllvm=load -Xpreprocessor=load -Xassembler=load -undefined= -framework= -stdlib=? -nostartfiles -s -Q -P -C -H -trigraphs -traditional ' +
  '--analyze -emit-llvm -gdwarf-4 -gdwarf-5 -gline-tables-only -Og -Oz -Os -Ofast -fno-omit-frame-pointer -fno-pie -no-pie -pie -z= -e=';
const COMPILER: ShapeSource = { opts: CC, operands: NO_ARGFILE };
const CMAKE =
  '-S= -B= -G= -T= -A= -D= -U= -C=check:projectcode --toolchain=check:projectcode --preset=? --list-presets=? --fresh -Wdev -Wno-dev ' +
  '-Werror=? -Wno-error=? -Wdeprecated -Wno-deprecated --log-level= --log-context --debug-output --debug-find --trace --trace-expand ' +
  '--warn-uninitialized --warn-unused-vars --no-warn-unused-cli --check-system-vars --compile-no-warning-as-error --install-prefix= -L -LA -LH ' +
  `-LAH -N --graphviz=write --system-information --version ${HELP} ` +
  // `cmake --build DIR` and what it takes; `--install` and `-E` (a command mode that deletes, copies, runs) are left out.
  '--build= -j=? --parallel=? -t= --target= --config= --clean-first -v --verbose --resolve-package-references= --use-stderr ' +
  '--workflow -P=check:projectcode';
const CTEST =
  '--test-dir= --output-on-failure -V --verbose -VV --extra-verbose -R= --tests-regex= -E= --exclude-regex= -L= --label-regex= -LE= --label-exclude= ' +
  '-j=? --parallel=? -C= --build-config= --timeout= --stop-timeout= --stop-on-failure --rerun-failed -N --show-only=? --repeat= ' +
  '--repeat-until-fail= --schedule-random -Q --quiet -O=write --output-log=write --output-junit=write --no-tests= --progress --print-labels ' +
  `-I= --tests-information= -U --union --max-width= --test-output-size-passed= --test-output-size-failed= --test-load= --preset=? --list-presets --version ${HELP} ` +
  '--debug --timeout= --no-compress-output --force-new-ctest-process --exclude-fixture= -FA= -FS= -FC= -F';

// Go tools, linters and formatters ------------------------------------------------------------------------------

const GOLANGCI_RUN =
  '-c= --config= --no-config --default= -E= --enable= -D= --disable= --enable-only= --fast --fast-only -p= --presets= --timeout= --tests=? ' +
  '--build-tags= --modules-download-mode= --issues-exit-code= --out-format= --output.*=? --print-issued-lines=? --print-linter-name=? ' +
  '--sort-results --new --new-from-rev= --new-from-patch= --new-from-merge-base= --whole-files --fix --max-issues-per-linter= --max-same-issues= ' +
  '--uniq-by-line=? --show-stats=? -j= --concurrency= --allow-parallel-runners --allow-serial-runners --path-prefix= --path-mode= -v --verbose ' +
  `--color= --skip-dirs= --skip-files= --exclude= --exclude-use-default=? --exclude-dirs= --exclude-files= --go= ${HELP}`;

const DENO_PERMS =
  '-A --allow-all --allow-read=? --allow-write=? --allow-net=? --allow-env=? --allow-run=? --allow-ffi=? --allow-sys=? --allow-hrtime --allow-import=? ' +
  '-R=? -W=? -N=? -E=? -S=? -I=? --deny-read=? --deny-write=? --deny-net=? --deny-env=? --deny-run=? --deny-ffi=? --deny-sys=? --deny-import=? ' +
  '--no-prompt -P=? --permission-set=?';

// JavaScript tools beyond js.ts: monorepo runners, bundlers, compilers, dev servers and frameworks' CLIs. `concurrently`
// (each operand a shell line, which a table cannot keep apart) is left out.
const WEBPACK =
  '--mode= --config=check:projectcode -c=check:projectcode --config-name= --env=? --watch -w --no-watch --progress=? --stats=? --devtool= -d= ' +
  '--entry= --output-path= -o= --analyze --json=? -j=? --profile --merge -m --name= --target= -t= --color --no-color --node-env= ' +
  '--define-process-env-node-env= --bail --cache-type= --fail-on-warnings --disable-interpret --no-devtool --output-filename= --output-clean -v --version -h --help';
const TURBO_RUN =
  '--filter= -F= --parallel --continue=? --concurrency= --cache-dir= --force=? --no-cache --dry=? --dry-run=? --graph=? --output-logs= --log-order= ' +
  '--summarize=? --env-mode= --affected --only --framework-inference= --ui= --no-daemon --daemon --cache= --log-prefix= --remote-only=? --no-update-notifier ' +
  '--profile= --anon-profile= --cache-workers= --pkg-inference-root= --single-package --verbosity= -v -vv --color --no-color --cwd= --experimental-*=?';
const NX =
  '--skip-nx-cache --skipNxCache --parallel=? --configuration= -c= --verbose --output-style= --outputStyle= --exclude= --base= --head= --files= --uncommitted ' +
  '--untracked --all -t= --targets= --target= -p= --projects= --nxBail --nx-bail --runner= --graph=? --dry-run -d --watch --prod --excludeTaskDependencies ' +
  '--exclude-task-dependencies --tui=? --batch --json --type= --affected --no-cloud --skip-sync --help -h --version';
const DEV_SERVER = '--port= -p= --open -o --no-open --strictPort --mode= --config=check:projectcode --root= --base= --force --debug --silent --verbose --logLevel= --clearScreen --outDir= --watch -w';

const JS_TOOL_SHAPES: Record<string, ShapeSource | string> = {
  turbo: { globals: '--cwd= --color --no-color --no-update-notifier --help -h --version', subs: { run: { opts: TURBO_RUN, note: 'tasks are turbo.json\'s own' }, 'build|test|lint|dev|typecheck|check-types|type-check|format|start|clean|e2e|check': TURBO_RUN, 'ls|query|info|daemon': '--filter= -F= --output= --affected', prune: '--docker --out-dir= --scope= --use-gitignore' }, note: 'login, link and unlink (remote cache credentials) are left out' },
  nx: { subs: { 'run|run-many|affected|build|test|lint|serve|e2e|dev|typecheck|format:check|show|graph|reset|report|list|daemon|sync:check': NX }, note: '`nx g` (generators), `nx migrate`, `nx add` and `nx release` are left out' },
  lerna: { globals: '--loglevel= --concurrency= --no-progress --no-sort --reject-cycles --help -h --version', subs: { run: '--scope= --ignore= --stream --parallel --no-bail --since=? --include-dependencies --include-dependents --no-prefix --profile --skip-nx-cache', 'ls|list|la|ll|changed|diff|info': '--json --all -a --long -l --parseable -p --toposort --graph --ndjson --since=? --scope= --ignore= --include-merged-tags --conventional-graduate' }, note: '`lerna exec` (a command in every package) and `lerna publish` are left out' },
  changeset: { subOptional: true, maxOperands: 0, opts: '--empty --since= --verbose --output=write --help --version', subs: { 'add': '--empty --open', status: '--verbose --output=write --since=', version: '--snapshot=? --ignore= --no-git-tag', init: '', pre: { subs: { 'enter|exit': '' } } }, note: '`changeset publish` is judged by the publishing rules' },
  webpack: { subOptional: true, opts: WEBPACK, subs: { 'build|bundle|b|watch|w': WEBPACK, 'serve|server|s': `${WEBPACK} --port= --hot=? --no-hot --live-reload --no-live-reload --open=? --no-open --history-api-fallback --compress --static=`, 'info|i|version|v|configtest|t': '--output= --additional-package=' } },
  'webpack-cli': { subOptional: true, opts: WEBPACK, subs: { 'build|bundle|b|watch|w': WEBPACK, 'info|i|version|v|configtest|t': '--output=' } },
  rollup: '-c=check:projectcode --config=check:projectcode -i= --input= -o=write --file=write -d= --dir= -f= --format= -n= --name= -w --watch --sourcemap=? -m=? --silent --environment= -e= --external= -g= --globals= --bundleConfigAsCjs --failAfterWarnings --validate --no-treeshake --compact --minifyInternalExports --preserveModules --strict --no-strict --banner= --footer= --intro= --outro= -v --version -h --help --forceExit --perf --no-stdin --filterLogs= --logLevel= -p=load --plugin=load --configPlugin=load',
  esbuild:
    '--bundle --outfile=write --outdir= --minify --sourcemap=? --platform= --format= --target= --external:*=? --loader:*=? --define:*=? --watch=? --servedir= --splitting ' +
    '--metafile=write --analyze=? --log-level= --jsx=? --jsx-factory= --jsx-fragment= --jsx-import-source= --tsconfig= --tsconfig-raw= --main-fields= --packages= --alias:*=? ' +
    '--entry-names= --chunk-names= --asset-names= --public-path= --keep-names --legal-comments= --charset= --tree-shaking= --drop:*=? --pure:*=? --inject:*=? --banner:*=? ' +
    '--footer:*=? --out-extension:*=? --allow-overwrite --color= --version --help -h --log-limit= --conditions= --resolve-extensions= --minify-whitespace --minify-identifiers ' +
    '--minify-syntax --global-name= --line-limit= --ignore-annotations --preserve-symlinks --sources-content= --source-root= --outbase= --log-override:*=? --supported:*=? --mangle-props= --drop-labels=',
  tsup: '--format= -d= --out-dir= --dts=? --dts-resolve --dts-only --sourcemap=? --minify=? --watch=? -w --clean --target= --platform= --splitting --no-splitting --treeshake=? --external= --noExternal= --env.*=? --define.*=? --no-config --tsconfig= --entry.*=? --legacy-output --global-name= --shims --cjsInterop --silent --metafile --public-dir=? --experimental-dts --version -v --help -h --bundle --keep-names --jsxFactory= --jsxFragment= --loader= --inject= --killSignal= --config=check:projectcode --onSuccess=shell',
  babel: '-d= --out-dir= -o=write --out-file=write -w --watch -s=? --source-maps=? --extensions= -x= --ignore= --only= --copy-files --no-copy-ignored --no-babelrc --env-name= --root-mode= --relative --keep-file-extension --out-file-extension= --verbose --quiet -q --version -V --help -h --source-type= --filename= -f= --config-file=check:projectcode --presets=load --plugins=load',
  swc: '-d= --out-dir= -o=write --out-file=write -w --watch -s=? --source-maps=? --no-swcrc --extensions= --ignore= --only= --copy-files -D --include-dotfiles --strip-leading-paths --quiet -q --sync --log-watch-compilation --env-name= -V --version -h --help --out-file-extension= --config-file=check:projectcode --cli-config-file=check:projectcode',
  nodemon: { opts: '--watch= -w= --ext= -e= --ignore= -i= --delay= -d= --signal= -s= -q --quiet -V --verbose --legacy-watch -L --polling-interval= -P= --no-colors -C --on-change-only --spawn --no-stdin --no-update-notifier -I --cwd= --dump -v --version -h --help --config=check:projectcode -x=shell --exec=shell -r=load --require=load', stopAt: 'first-operand' },
  pm2: { subs: { 'list|ls|l|status|jlist|prettylist|describe|desc|info|show|logs|log|monit|env|id|pid|ping|report': '--json --lines= --raw --nostream --timestamp=? --err --out --format --highlight= --sort= --mini-list -m' }, note: 'start, stop, restart, delete and kill start or end processes: left out' },
  storybook: { subs: { dev: '-p= --port= --ci --no-open --quiet --smoke-test --no-manager-cache --debug-webpack --disable-telemetry --exact-port --initial-path= -c=check:projectcode --config-dir= --docs --loglevel= --preview-url= --no-version-updates', build: '-o= --output-dir= --quiet --docs --test --webpack-stats-json=? --stats-json=? --disable-telemetry -c= --config-dir= --loglevel= --preview-url=' }, note: 'init, add, upgrade and automigrate install packages: left out' },
  astro: { subs: { 'dev|build|preview|check|sync|info|docs': `${DEV_SERVER} --site= --watch --minify --fix` }, note: '`--host` (listening beyond this machine) and `astro add` are left out' },
  nuxt: { subs: { 'dev|build|generate|preview|typecheck|info|analyze|prepare|cleanup': '--port= -p= --open -o --dotenv= --envName= --no-fork --cwd= --log-level= --logLevel= --prerender --preset= --no-clear --clear -q --quiet' } },
  nuxi: { subs: { 'dev|build|generate|preview|typecheck|info|analyze|prepare|cleanup': '--port= -p= --open -o --dotenv= --envName= --no-fork --cwd= --log-level= --logLevel= --prerender --preset= --no-clear --clear -q --quiet' } },
  'svelte-kit': { subs: { sync: '' } },
  'svelte-check': '--workspace= --output= --watch --preserveWatchOutput --tsconfig= --no-tsconfig --threshold= --ignore= --fail-on-warnings --compiler-warnings= --diagnostic-sources= --color --no-color',
  ng: {
    globals: '--help -h',
    subs: {
      'build|b|test|t|serve|s|lint|e2e|extract-i18n|generate|g|version|v|cache|config':
        '--configuration= -c= --project= --watch=? --no-watch --prod --aot --source-map=? --output-path= --base-href= --port= --open -o --poll= --code-coverage ' +
        '--browsers= --include= --karma-config= --progress=? --verbose --stats-json --optimization=? --output-hashing= --dry-run -d --skip-tests --skip-import ' +
        '--standalone --style= --routing --inline-style --inline-template --flat --export --fix --format= --force --defaults --interactive=? --no-progress --live-reload=?',
    },
    note: '`ng new`, `ng add`, `ng update` (installs) and `ng deploy` are left out, and so is `--host`',
  },
  expo: {
    subs: {
      start: '--clear -c --dev-client --go --android -a --ios -i --web -w --offline --port= -p= --localhost --https --max-workers= --no-dev --minify --scheme=',
      export: '--platform= -p= --output-dir= --dev --clear -c --dump-sourcemap --source-maps --max-workers= --no-minify',
      'lint|doctor|customize|config': '--type= --full --json --fix',
      prebuild: '--clean --no-install --platform= -p= --skip-dependency-update= --template=',
      'run:ios|run:android': '--device=? -d=? --no-build-cache --no-install --no-bundler --configuration= --variant= --port= --scheme=',
    },
    note: '`--tunnel`/`--lan` (reachable from elsewhere), `expo install`, login and publishing are left out',
  },
  'react-native': { subs: { start: '--port= --reset-cache --verbose --max-workers= --custom-log-reporter-path= --no-interactive --client-logs', 'run-ios|run-android': '--simulator= --device=? --udid= --mode= --configuration= --scheme= --no-packager --port= --verbose --list-devices --active-arch-only --variant= --tasks= --binary-path=', 'bundle': '--entry-file= --platform= --dev= --minify= --bundle-output= --assets-dest= --sourcemap-output= --reset-cache', 'doctor|info|config': '--fix --json' } },
  mocha: { opts: '--reporter= -R= --timeout= -t= --recursive --watch -w --grep= -g= --fgrep= -f= --invert -i --bail -b --exit --spec= --extension= --ignore= --file= --parallel -p --jobs= -j= --retries= --slow= -s= --forbid-only --forbid-pending --full-trace --inline-diffs --check-leaks --colors -c --no-colors -C --package= --ui= -u= --reporter-option= -O= --sort -S --dry-run --fail-zero --list-files --list-reporters --list-interfaces --diff --no-diff --version -V --help -h --allow-uncaught --async-only -A --delay --enable-source-maps --config=check:projectcode -r=load --require=load --loader=load', note: '--node-option (options for node, such as --require) is left out' },
  goreleaser: {
    globals: '--verbose --debug -h --help -v --version',
    subs: {
      release: '--snapshot --clean --rm-dist --skip= --skip-publish --skip-validate --skip-sign --skip-announce --skip-docker --skip-before --parallelism= -p= --timeout= --release-notes= --draft --fail-fast --single-target --id= --auto-snapshot -f=check:projectcode --config=check:projectcode',
      build: '--snapshot --clean --rm-dist --single-target --id= --output=write -o=write --skip= --timeout= -p= --parallelism= --auto-snapshot -f=check:projectcode --config=check:projectcode',
      'check|healthcheck|jsonschema': '-q --quiet --deprecated -o= -f=check:projectcode --config=check:projectcode',
    },
    note: 'without --snapshot, release publishes: judged by the publishing rules',
  },
};

// Linters, formatters, generators, version managers and editors -------------------------------------------------

const TOX =
  '-e= -p=? --parallel=? -r --recreate --notest -q -v -vv -vvv -c= --conf= --root= --workdir= --colored= --skip-missing-interpreters=? -m= --labels= -f= ' +
  '--factors= --skip-pkg-install --installpkg= --develop --result-json=write --exit-and-dump-after= --hashseed= --discover= --list-dependencies --no-list-dependencies ' +
  '--version -h --help -l --listenvs -a --listenvs-all --showconfig --runner= --no-recreate-pkg --parallel-live -o --parallel-no-spinner --no-provision';
const COVERAGE_REPORT = '--show-missing -m --skip-covered --skip-empty --fail-under= --precision= --format= --include= --omit= --data-file= --rcfile= -o=write -d= --directory= --title= -i --ignore-errors --contexts= --sort= --pretty-print --keep --append -a -q --quiet --no-skip-covered';
const MKDOCS = '--strict -s --clean -c --dirty -d= --site-dir= -f= --config-file= -t= --theme= -q --quiet -v --verbose --use-directory-urls --no-directory-urls --no-strict';
const HUGO =
  '--minify --gc -D --buildDrafts -E --buildExpired -F --buildFuture -d= --destination= -s= --source= -b= --baseURL= -e= --environment= --cleanDestinationDir --config= ' +
  '--configDir= --contentDir= --themesDir= -t= --theme= --cacheDir= --logLevel= --quiet --verbose -v --debug --templateMetrics --templateMetricsHints --printI18nWarnings ' +
  '--printPathWarnings --printUnusedTemplates --panicOnWarning --renderToMemory --ignoreCache --noBuildLock --enableGitInfo --forceSyncStatic --noChmod --noTimes -w --watch ' +
  '--poll= --disableKinds= --layoutDir= -c= -M --printMemoryUsage -h --help';
const VSCODE = { opts: '-n --new-window -r --reuse-window -g --goto -d --diff -m --merge -a --add -w --wait --locale= -v --version -h --help -s --status --list-extensions --show-versions --category= --disable-extensions --disable-gpu --verbose --log= --profile=', operands: { match: /^(?!(tunnel|serve-web|chat)$)/, why: 'that is a subcommand (a tunnel, a web server, a chat) rather than a file to open' }, note: '--install-extension, --uninstall-extension, --extensions-dir and --user-data-dir are left out' } satisfies ShapeSource;
const NVM_LIST = '--no-colors --no-alias --lts=? -s --silent';

const DEV_TOOL_SHAPES: Record<string, ShapeSource | string> = {
  // Python project tools (build.ts has python, pip, pytest, ruff, mypy, black)
  uv: {
    globals: '-q --quiet -v --verbose --color= --no-color --offline --no-cache -n --cache-dir= --python= -p= --directory= --project= --config-file= --no-config --native-tls --no-progress --frozen --locked --all-extras --extra= --no-dev --dev --group= --only-group= --all-groups --no-sync --index= --index-url= --default-index= --extra-index-url= --preview --managed-python --no-managed-python --no-python-downloads -h --help -V --version',
    subOptional: true,
    maxOperands: 0,
    subs: {
      // For the learner: each package named is fetched and built (its build hooks run).
      'sync|add|remove': { operandsCarryCode: 'all', alters: '--rev --tag --branch --editable', opts: '--upgrade -U --upgrade-package= -P= --dry-run --inexact --exact --no-install-project --no-install-workspace --all-packages --package= --optional= --rev= --tag= --branch= --editable --raw --bounds= --script= --no-editable --compile-bytecode --reinstall' },
      lock: '--check --check-exists --upgrade -U --upgrade-package= -P= --dry-run --script=',
      tree: '--depth= -d= --invert --outdated --universal --package= --prune= --no-dedupe --script= --show-sizes',
      pip: { subs: { 'install|uninstall|sync|compile': { operandsCarryCode: 'all', alters: '-r --requirement -e --editable -c --constraint', opts: '-r= --requirement= -e= --editable= -c= --constraint= --system --break-system-packages --target= --prefix= --upgrade -U --upgrade-package= -P= --no-deps --dry-run -o=write --output-file=write --universal --generate-hashes --reinstall --strict --no-header --all-extras --extra=' }, 'list|show|freeze|check|tree': '--format= --outdated --editable -e --exclude-editable --strict --files -f --system --depth= -d= --invert --show-version-specifiers' } },
      python: { subs: { 'list|find|dir': '--only-installed --only-downloads --all-versions --all-platforms --show-urls --system --bin', 'install|pin': '--reinstall -r --force -f --global --resolved --no-project' } },
      // `uv run CMD`: CMD is judged as its own command; `--with` installs packages from the registry first.
      run: { opts: '--with=load --with-requirements=load --with-editable=load --isolated --no-project --package= --all-packages --module -m --script -s --env-file= --no-env-file --exact --no-editable', command: 'argv' },
      venv: '--seed --prompt= --system-site-packages --relocatable --allow-existing --clear --no-project',
      init: '--lib --app --package --no-package --name= --vcs= --build-backend= --bare --no-readme --script --no-workspace --author-from=',
      build: '--wheel --sdist -o= --out-dir= --package= --all-packages --no-build-isolation --build-constraint= -b=',
      export: '--format= -o=write --output-file=write --no-hashes --no-header --no-emit-project --no-emit-workspace --script= --all-packages --package=',
      'version|help': '--short --output-format= --bump= --dry-run',
      cache: { subs: { dir: '' } },
      tool: { subs: { 'list|dir': '--show-paths --show-version-specifiers --show-with --bin' } },
    },
    note: '`uv run` is read by the parser as the command it runs; `uv publish` is judged by the publishing rules',
  },
  poetry: {
    globals: '-q --quiet -v -vv -vvv --verbose -n --no-interaction --ansi --no-ansi --no-plugins --no-cache -C= --directory= -P= --project= -h --help -V --version',
    subs: {
      'install|add|remove|update|lock|sync': { operandsCarryCode: 'all', opts: '--with= --without= --only= --only-root --no-root --no-directory --sync --dry-run --extras= -E= --all-extras --all-groups --compile --group= -G= --dev -D --editable -e --allow-prereleases --source= --python= --platform= --lock --markers= --optional=? --regenerate --no-update' },
      show: '--tree --latest -l --outdated -o --only= --with= --without= --top-level -T --all -a --why --no-dev',
      check: '--lock --strict',
      build: '-f= --format= -o= --output= --clean --config-settings=',
      env: { subs: { 'info|list': '-p --path -e --executable --full-path' } },
      config: { maxOperands: 1, opts: '--list --local' },
      version: '-s --short --dry-run --next-phase',
      'about|help|list': '',
      export: '-f= --format= -o=write --output=write --without-hashes --without-urls --with= --only= --without= --extras= -E= --all-extras --all-groups',
      'init|new': '--name= --description= --author= --python= --dependency= --dev-dependency= --license= -l= --src --readme= --flat',
    },
    note: '`poetry run` is read by the parser; `poetry publish` is judged by the publishing rules; `poetry shell` starts a shell',
  },
  pipenv: { globals: '--python= --site-packages --clear -q --quiet -v --verbose -h --help --version', subOptional: true, maxOperands: 0, opts: '--venv --where --py --envs --support', subs: { 'install|uninstall|lock|sync|update|upgrade|clean': { operandsCarryCode: 'all', opts: '--dev -d --categories= --deploy --system --ignore-pipfile --skip-lock --pre --extra-pip-args= --dry-run --outdated --all --all-dev -r= --requirements=' }, 'graph|check|verify|requirements|scripts|audit': '--json --json-tree --reverse --bare --hash --exclude-markers --dev --dev-only --categories= --output= --quiet --ignore= -i=' } },
  hatch: { globals: '-e= --env= -p= --project= -v --verbose -q --quiet --color --no-color --interactive --no-interactive --data-dir= --cache-dir= --version -h --help', subs: { build: '-t= --target= -c --clean --hooks-only --no-hooks --ext', version: '', status: '', env: { subs: { 'show|find': '--ascii --json --internal -i' } }, fmt: '--check --linter -l --formatter -f --sync --preview --diff', test: '--cover -c --cover-quiet --all -a --parallel -p --randomize -r --retries= --retry-delay= --python= -py= --include= -i= --exclude= -x= --show -s', clean: '-t= --target= --hooks-only --no-hooks --ext', project: { subs: { metadata: '' } }, dep: { subs: { show: { subs: { 'table|requirements': '--ascii --project-only -p --environment-only -e --features= --all' } }, hash: '' } }, config: { subs: { 'show|find': '-a --all' } }, python: { subs: { 'show|find': '--ascii -p --parent' } } } },
  pdm: { globals: '-v --verbose -q --quiet -g --global -p= --project= -h --help -V --version -I --ignore-python -c= --config=', subs: { 'install|add|remove|update|lock|sync': '-d --dev -G= --group= --prod --production --no-default --frozen-lockfile --no-lock --dry-run --no-self --no-editable --no-isolation --check --update-reuse --update-eager --update-all -u --unconstrained --pre --prerelease --save-compatible --save-wildcard --save-exact --save-minimum --clean --only-keep --fail-fast -x --skip=', 'list|show|info|outdated': '--graph --tree --json --fields= --sort= --reverse -r --csv --markdown --freeze --include= --exclude= --resolve --packages --where --python --env --version --keywords --name --summary --platform', build: '--no-sdist --no-wheel -d= --dest= --no-clean --skip=', venv: { subs: { list: '' } }, config: { maxOperands: 1, opts: '-l --local' } } },
  tox: { subOptional: true, maxOperands: 0, opts: TOX, subs: { 'run|r|run-parallel|p|list|l|config|c|depends|de': TOX }, note: '`tox exec` (a command in an environment) is left out' },
  nox: '-s= --session= --sessions= -e= -k= -t= --tags= -l --list --list-sessions -R --reuse-existing-virtualenvs -r --reuse-venv= --no-reuse-existing-virtualenvs --no-install --install-only -x --stop-on-first-error --no-stop-on-first-error --error-on-missing-interpreters --error-on-external-run -p= --python= --force-python= --envdir= --report=write --non-interactive --nocolor --forcecolor --verbose -v --version --json -h --help --default-venv-backend= -db= --download-python= -f=check:projectcode --noxfile=check:projectcode',
  coverage: { subs: { run: { opts: '--branch --source= --omit= --include= --parallel-mode -p --concurrency= --context= --data-file= --rcfile= --append -a --timid -L --pylib --debug= -m=argv --module=argv', stopAt: 'first-operand', note: '`-m`: the module runs as its own command would (judged as that)' }, 'report|html|xml|json|lcov|combine|erase|debug|annotate': COVERAGE_REPORT } },
  isort: '--check-only --check -c --diff --profile= -l= --line-length= --line-width= --skip= -s= --skip-glob= --extend-skip= --extend-skip-glob= --settings-path= --settings-file= --sp= -q --quiet -v --verbose --atomic --float-to-top --force-single-line-imports --sl --src= --src-path= --virtual-env= --conda-env= --python-version= --py= --gitignore --skip-gitignore --filter-files --color --show-files --show-config --jobs= -j= --dont-follow-links --only-modified -V --version -h --help --stdout --ca --combine-as --ff --trailing-comma --tc --multi-line= -m= --known-first-party= -o= --known-third-party= -p= --resolve-all-configs --overwrite-in-place --force-sort-within-sections --fss --lines-after-imports= --order-by-type --ensure-newline-before-comments --use-parentheses',
  flake8: '--select= --ignore= --extend-select= --extend-ignore= --max-line-length= --max-complexity= --exclude= --extend-exclude= --filename= --per-file-ignores= --count --show-source --statistics --format= --output-file=write --tee --config= --append-config= --isolated --exit-zero -j= --jobs= -q --quiet -v --verbose --version -h --help --benchmark --bug-report --color= --max-doc-length= --hang-closing --indent-size= --doctests --disable-noqa --builtins= --stdin-display-name= --require-plugins= --enable-extensions=',
  pylint: '--rcfile= --disable= -d= --enable= -e= --output-format= -f= --output=write --reports= -r= --score= -s= --fail-under= --fail-on= --errors-only -E --jobs= -j= --ignore= --ignore-patterns= --ignore-paths= --recursive= --max-line-length= --py-version= --exit-zero --verbose -v --version --help -h --generate-rcfile --generate-toml-config --list-msgs --list-msgs-enabled --list-checkers --list-extensions --list-groups --help-msg= --persistent= --clear-cache-post-run= --source-roots= --msg-template= --good-names= --ignored-modules= --limit-inference-results= --load-plugins=load',
  pyright: '--project= -p= --outputjson --pythonpath= --pythonplatform= --pythonversion= --level= --lib --skipunannotated --stats --verbose --version --watch -w --warnings --verifytypes= --ignoreexternal --createstub= --dependencies --threads=? -t= --typeshedpath= --venvpath= -v= --help -h --writebaseline',
  basedpyright: '--project= -p= --outputjson --pythonpath= --pythonplatform= --pythonversion= --level= --lib --skipunannotated --stats --verbose --version --watch -w --warnings --verifytypes= --ignoreexternal --createstub= --dependencies --threads=? -t= --typeshedpath= --venvpath= -v= --help -h --writebaseline --baselinefile=',
  flask: { globals: '--app= -A= --debug --no-debug -e= --env-file= --version --help', subs: { run: '--port= -p= --reload --no-reload --debugger --no-debugger --with-threads --without-threads --extra-files= --exclude-patterns=', routes: '--sort= -s= --all-methods' }, note: '`--host` (listening beyond this machine) and `flask shell` are left out' },
  uvicorn: { opts: '--reload --port= --workers= --log-level= --reload-dir= --factory --app-dir= --env-file= --proxy-headers --no-proxy-headers --no-access-log --access-log --root-path= --lifespan= --loop= --http= --ws= --timeout-keep-alive= --reload-include= --reload-exclude= --reload-delay= --limit-concurrency= --interface= --use-colors --no-use-colors --server-header --no-server-header --date-header --no-date-header --version --help', maxOperands: 1, note: '`--host` and `--log-config` (a config that can name classes to load) are left out' },
  gunicorn: { opts: '-w= --workers= --reload --timeout= -t= -k= --worker-class= --threads= --log-level= --access-logfile= --error-logfile= --chdir= --preload --graceful-timeout= --keep-alive= --max-requests= --max-requests-jitter= --name= -n= --capture-output --check-config --print-config -v --version -h --help -c=check:projectcode --config=check:projectcode', maxOperands: 1, note: '`-b`/`--bind` (listening beyond this machine) is left out' },
  mkdocs: { subs: { build: MKDOCS, serve: `${MKDOCS} --livereload --no-livereload --watch= -w= --watch-theme -o --open`, 'get-deps': '-f= --config-file= -p= --projects-file=', new: '' }, globals: '-V --version -h --help', note: '`mkdocs gh-deploy` pushes to GitHub: left out' },
  'sphinx-build': { opts: '-b= -M= -a -E -j= -q -Q -n -N -T -v -W --keep-going -c= -d= -t= -D= -A= -C -P --color --no-color -w=write --builder= --jobs= --fresh-env --write-all --nitpicky --fail-on-warning --show-traceback --quiet --silent --verbose --doctree-dir= --conf-dir= --isolated --tag= --define= --html-define= --no-color --warning-file=write --exception-on-warning --version -h --help' },
  jupyter: { subs: { nbconvert: '--to= --execute --output= --output-dir= --inplace --stdout --no-input --no-prompt --clear-output --template= --allow-errors --ExecutePreprocessor.timeout= --ExecutePreprocessor.kernel_name=', kernelspec: { subs: { list: '--json' } }, 'lab|notebook': '--no-browser --port= --notebook-dir= --ServerApp.root_dir=' }, opts: '--version --paths --json', subOptional: true, maxOperands: 0, note: '`--ip` (listening beyond this machine) is left out' },
  'pre-commit': { globals: '-h --help -V --version --color=', subs: { run: { opts: '--all-files -a --files= --hook-stage= --from-ref= --to-ref= -s= -o= --source= --origin= --show-diff-on-failure -v --verbose -c=check:projectcode --config=check:projectcode', operands: { match: /^[\w.-]+$/, why: 'a hook is named by its id' } }, 'validate-config|validate-manifest|sample-config|help|clean|gc': '' }, note: 'install (writes git hooks), autoupdate and try-repo (another repository\'s hooks) are left out' },
  commitlint: '--from= --to= --edit=? -e=? --last --verbose -V --cwd= -d= --color --no-color -c --print-config=? --strict --help -h --version -v --help-url= -H= --config=check:projectcode -g=check:projectcode -x=load --extends=load -p=load --parser-preset=load',
  'lint-staged': '--allow-empty --concurrent= -p= --cwd= --debug -d --diff= --diff-filter= --max-arg-length= --no-stash --no-hide-partially-staged --quiet -q --relative -r --verbose -v --version -V --help -h --fail-on-changes --continue-on-error --hide-unstaged --no-revert -c=check:projectcode --config=check:projectcode',
  // Shell, Docker, CI and docs linters
  shellcheck: '-a --check-sourced -C=? --color=? -e= --exclude= -f= --format= -i= --include= -o= --enable= -P= --source-path= -s= --shell= -S= --severity= -W= --wiki-link-count= -x --external-sources --norc --rcfile= -V --version --list-optional --extended-analysis=? -h --help',
  shfmt: '-l -w -d -s -i= -bn -ci -sr -kp -fn -ln= -p -mn -f -tojson --to-json -filename= --filename= --version -h --help --diff --list --write --simplify --indent= --binary-next-line --case-indent --space-redirects --keep-padding --func-next-line --language-dialect= --minify --find --apply-ignore',
  hadolint: '--config= -c= --format= -f= --ignore= --no-fail --no-color --strict-labels --failure-threshold= -t= --trusted-registry= --require-label= --disable-ignore-pragma -V --version -v --verbose --info= --warning= --error= --style= --file-path-in-report= -h --help',
  actionlint: { singleDash: true, opts: '-color -no-color -oneline -format= -ignore= -config-file= -init-config -verbose -debug -version -stdin-filename= -h -help', note: '-shellcheck and -pyflakes name programs to run: left out' },
  markdownlint: '--ignore= -i= --config= -c= --fix -f --json -j --output=write -o=write --dot -d --stdin -s --ignore-path= -p= --enable= --disable= --quiet -q --version -V --help -h -r=load --rules=load',
  'markdownlint-cli2': '--fix --help --no-globs --config=check:projectcode --format',
  stylelint: '--fix --config= -c= --config-basedir= --ignore-path= -i= --ignore-pattern= --ip= --custom-syntax= --formatter= -f= --quiet -q --quiet-deprecation-warnings --color --no-color --report-needless-disables --rd --report-invalid-scope-disables --risd --report-descriptionless-disables --rdd --max-warnings= --mw= --output-file=write -o=write --print-config= --cache --cache-location= --cache-strategy= --allow-empty-input --aei --version -v --help -h --stdin-filename= --ignore-disables --id --disable-default-ignores --di --custom-formatter=load',
  knip: '--production --strict --fix --fix-type= --allow-remove-files --include= --exclude= --reporter= --no-progress --no-exit-code --max-issues= --workspace= -W= --directory= --config= -c= --tsConfig= -t= --dependencies --exports --files --cache --watch --debug --performance --isolate-workspaces --include-entry-exports --include-libs --no-gitignore --treat-config-hints-as-errors --no-config-hints --version -V --help -h',
  depcheck: '--ignores= --ignore-dirs= --ignore-patterns= --skip-missing --json --oneline --detailed --specials= --version --help --quiet',
  madge: '--circular -c --extensions= --exclude= --ts-config= --webpack-config= --require-config= --json -j --summary -s --depends= -d= --orphans --leaves --warning --no-color --no-spinner --no-count --version -V --help -h --basedir= -b= --include-npm --layout= --rankdir= --dot',
  cloc: '--by-file --by-file-by-lang --exclude-dir= --exclude-ext= --exclude-lang= --include-ext= --include-lang= --json --yaml --csv --md --quiet --hide-rate --progress-rate= --match-f= --not-match-f= --match-d= --not-match-d= --fullpath --skip-uniqueness --no-autogen --git --diff --sum-reports --report-file=write --out=write --list-file= --exclude-list-file= --timeout= --processes= --follow-links --version --help --show-lang=? --show-ext=? --3 --max-file-size=',
  // Go tools (build.ts has go and gofmt)
  'golangci-lint': { subs: { run: GOLANGCI_RUN, linters: '-c= --config= --no-config -E= --enable= -D= --disable= --json', version: '--format= --debug --short', config: { subs: { 'path|verify': '-c= --config= --schema=' } }, fmt: '--diff -d --stdin -E= --enable= -c= --config= --no-config', cache: { subs: { status: '' } }, help: '' } },
  staticcheck: { singleDash: true, opts: '-checks= -f= -fail= -tags= -go= -show-ignored -tests=? -version -debug.version -explain= -matrix -merge -list-checks -h -help' },
  govulncheck: { singleDash: true, opts: '-json -format= -mode= -scan= -show= -tags= -test -C= -db= -version -h' },
  // Site generators and documents
  hugo: { subOptional: true, opts: HUGO, maxOperands: 0, subs: { 'server|serve': `${HUGO} --port= -p= --navigateToChanged --disableFastRender --disableLiveReload --liveReloadPort= --appendPort=? --openBrowser -O --renderStaticToDisk`, 'version|env|config': '', list: { subs: { 'all|drafts|expired|future|published': '' } }, new: { subOptional: true, opts: '-f= --format= -k= --kind= --force', subs: { 'site|theme|content': '-f= --format= -k= --kind= --force' } } }, note: '`--bind` (listening beyond this machine) and `hugo deploy` are left out' },
  jekyll: { subs: { 'build|b': '--config= -d= --destination= -s= --source= --future --limit_posts= --watch -w --force_polling -b= --baseurl= --lsi --drafts -D --unpublished --disable-disk-cache -q --quiet -V --verbose --trace -t --strict_front_matter --incremental -I --profile --safe', 'serve|s|server': '--config= -d= --destination= -s= --source= --future --watch -w --drafts -D --unpublished -q --quiet -V --verbose --trace -t --incremental -I --safe --port= -P= --livereload -l --open-url -o --skip-initial-build --no-watch -b= --baseurl=', 'doctor|hyde': '--config=' } },
  zola: { globals: '-r= --root= -c= --config=', subs: { build: '--base-url= -u= -o= --output-dir= --force -f --drafts --minify', serve: '--port= -p= --open -O --drafts --fast -f --no-port-append --base-url= -u= -o= --output-dir=', check: '--drafts --skip-external-links', init: '--force' } },
  pandoc: '-f= --from= -r= --read= -t= --to= -w= --write= -o=write --output=write -s --standalone --toc --table-of-contents --toc-depth= -N --number-sections --template= --css= -c= --metadata= -M= --variable= -V= --citeproc --bibliography= --csl= --highlight-style= --syntax-highlighting= --wrap= --columns= --reference-doc= --resource-path= --self-contained --embed-resources --extract-media= --shift-heading-level-by= --number-offset= --eol= --dpi= --tab-stop= --preserve-tabs --strip-comments --verbose --quiet --fail-if-warnings --list-input-formats --list-output-formats --list-extensions=? --list-highlight-styles --list-highlight-languages --version -v --help -h --mathjax=? --katex=? --html-q-tags --ascii --reference-links --markdown-headings= --top-level-division= --sandbox --no-highlight --trace',
  typst: { subs: { 'compile|c|watch|w': '--root= --font-path= --format= -f= --ppi= --pages= --input= --diagnostic-format= --make-deps=write --pdf-standard= --jobs= -j= --ignore-system-fonts --creation-timestamp= --features= --package-path= --package-cache-path=', query: '--root= --field= --one --format= --pretty --input=', fonts: '--variants --font-path= --ignore-system-fonts', init: '' }, globals: '-h --help -V --version --color=', note: '`--open` (a viewer it starts) and `typst update` are left out' },
  latexmk: { singleDash: true, opts: '-pdf -pdflua -pdfxe -xelatex -lualatex -dvi -ps -c -C -f -g -quiet -silent -interaction= -outdir= -output-directory= -auxdir= -aux-directory= -jobname= -synctex= -no-shell-escape -halt-on-error -file-line-error -bibtex -nobibtex -bibtex-cond -pv -view= -verbose -time -version -help -norc -cd -recorder', note: '-shell-escape, -e and -r (Perl code), -latex=/-pdflatex= (programs to run) are left out' },
  protoc: { opts: '-I= --proto_path= --cpp_out= --java_out= --python_out= --pyi_out= --go_out= --go-grpc_out= --go_opt= --go-grpc_opt= --js_out= --ts_out= --ts_opt= --csharp_out= --ruby_out= --php_out= --objc_out= --kotlin_out= --rust_out= --grpc_out= --dart_out= --swift_out= --descriptor_set_out=write -o=write --include_imports --include_source_info --experimental_allow_proto3_optional --version --help -h --error_format= --fatal_warnings --print_free_field_numbers --decode_raw', operands: NO_ARGFILE, note: '--plugin (a program to run) and @files are left out' },
  buf: { globals: '--debug -v --verbose --log-format= --timeout= -h --help --version', subs: { 'lint|build|generate|format|breaking|ls-files|export|convert': '--path= --exclude-path= --config= --template= -o= --output= --error-format= --against= --diff -d --write -w --exit-code --include-imports --include-wkt --exclude-imports --disable-symlinks --limit-to-input-files', dep: { subs: { 'update|prune|graph': '--only=' } }, config: { subs: { 'init|ls-lint-rules|ls-breaking-rules|migrate': '' } } }, note: '`buf push` and `buf registry` are left out' },
  sqlc: { globals: '-f= --file= --no-remote --experimental -h --help', subs: { 'generate|vet|compile|diff|version|init': '' }, note: '`sqlc push`, `sqlc verify` and `sqlc upload` send the project to a server: left out' },
  'clang-format': { singleDash: true, opts: '-i -n --dry-run -style= --style= -Werror --Werror --version -version -dump-config --dump-config -assume-filename= --assume-filename= -fallback-style= --fallback-style= -sort-includes --sort-includes -lines= --lines= -offset= --offset= -length= --length= -verbose --verbose -files= --files= -output-replacements-xml --ferror-limit= -ferror-limit= -help --help -cursor= -qualifier-alignment= -Wno-error=? -fno-color-diagnostics -fcolor-diagnostics' },
  'clang-tidy': { singleDash: true, opts: '-checks= --checks= -p= --p= -fix --fix -fix-errors --fix-errors -fix-notes -format-style= --format-style= -header-filter= --header-filter= -quiet --quiet -warnings-as-errors= --warnings-as-errors= -export-fixes=write --export-fixes=write -list-checks --list-checks -explain-config -dump-config --dump-config -config= --config= -config-file= --config-file= -extra-arg= --extra-arg= -extra-arg-before= --extra-arg-before= -system-headers -use-color -store-check-profile= -vfsoverlay= --version -version -help --help -line-filter= -exclude-header-filter= --exclude-header-filter= -allow-no-checks --allow-no-checks', note: '--load (a plugin) is left out; -extra-arg options reach the compiler (its -fplugin) and are plain only because clang-tidy does not load plugins from them' },
  // Task runners
  just: { opts: '-l --list -n --dry-run --summary --show= -s= --dump --dump-format= --evaluate --variables --fmt --check --unstable --unsorted -u --list-heading= --list-prefix= -q --quiet -v --verbose --color= --highlight --no-highlight --timestamp --yes --explain --groups --no-deps --one --version -V -h --help -d= --working-directory= -f=check:projectcode --justfile=check:projectcode', operands: { match: /^[^=]*$/, why: 'a `NAME=value` given to just replaces a variable its recipes use' }, note: '--set, --shell, --command (-c) and --choose are left out' },
  task: { opts: '-l --list -a --list-all -n --dry -f --force -p --parallel -s --silent -v --verbose -d= --dir= -w --watch -C= --concurrency= -x --exit-code --summary -o= --output= --output-group-begin= --output-group-end= --status -y --yes --version --help -h --json --sort= --interval= -I= --no-status --taskfile=check:projectcode -t=check:projectcode', operands: { match: /^[^=]*$/, why: 'a `NAME=value` given to task sets a variable its commands use' }, note: '--global (a Taskfile in the home) is left out' },
  // Version managers: listing and switching for this shell or project; installs judged by rules/supply.ts
  nvm: { subOptional: true, maxOperands: 0, opts: '--version --help', subs: { 'ls|list|current|ls-remote|list-remote|version|version-remote|which': NVM_LIST, use: '--lts=? --silent -s --delete-prefix --save', 'install|i|uninstall': '--lts=? --latest-npm --reinstall-packages-from= --default --no-progress -s --skip-default-packages -b --save', help: '' } },
  fnm: { globals: '--log-level= --arch= --version-file-strategy= --corepack-enabled --resolve-engines=? --node-dist-mirror= --fnm-dir= -h --help -V --version', subs: { 'list|ls|current|list-remote|ls-remote': '--lts=? --filter= --latest --sort=', use: '--install-if-missing --silent-if-unchanged', 'install|uninstall': '--lts --latest --progress=', env: '--shell= --use-on-cd --json', completions: '--shell=' } },
  volta: { globals: '--verbose --quiet -h --help -v --version', subs: { 'list|ls': '--format= --current -c --default -d', which: '', 'install|pin|fetch': '' } },
  pyenv: { subOptional: true, maxOperands: 0, opts: '--version', subs: { 'versions|version|which|whence|root|prefix|commands|version-name|version-file|help|latest|init': '--bare --skip-aliases --known -q --path', 'local|shell': '--unset', 'install|uninstall': '-l --list -f --force -s --skip-existing -v --verbose -k --keep -g --debug' } },
  rbenv: { subOptional: true, maxOperands: 0, opts: '--version', subs: { 'versions|version|which|whence|root|prefix|commands|version-name|version-file|help|init|rehash': '--bare --skip-aliases', 'local|shell': '--unset', 'install|uninstall': '-l --list -L --list-all -f --force -s --skip-existing -v --verbose -k --keep' } },
  asdf: { subs: { 'list|current|where|which|info|version|--version|latest|help': '--all', 'install|uninstall': '', 'local|set': '--parent -p --home -u', plugin: { subs: { 'list|ls': '--urls --refs' } } }, note: '`asdf plugin add` (code from a repository) and `asdf global` are left out' },
  mise: { globals: '-C= --cd= -E= --env= -j= --jobs= -q --quiet -v --verbose -y --yes --raw --no-config -h --help -V --version', subs: { 'ls|list|current|where|which|version|doctor|env|ls-remote|outdated|settings|config': '--current -c --installed -i --missing -m --json -J --prefix= --global -g --local -l --all --bump -s --shell= --plugin= --no-header', 'install|i|use|u|upgrade|up': '--force -f --dry-run -n --pin --fuzzy --global -g --env= -e= --path= -p= --interactive -i --bump', tasks: { subs: { 'ls|list|info|deps': '--json --hidden --no-header -x --extended --sort=' } }, 'run|r': { opts: '-n --dry-run -f --force -p --prefix -i --interleave -o= --output= -j= --jobs= -t= --tool=', stopAt: 'first-operand', note: 'the project\'s own tasks (mise.toml)' } }, note: '`mise trust` (lets a config run code) and `mise exec` (read by the parser) are left out' },
  direnv: { subs: { 'status|version|hook|export|help': '--json' }, note: '`direnv allow` trusts an .envrc, which then runs in every shell that enters the directory: left out' },
  // Editors (the rest are in system.ts)
  codium: VSCODE,
  'code-insiders': VSCODE,
};

// Interpreters Gatehouse has no reader for: their inline code (`-e`) is left out.
const OTHER_INTERPRETERS: Record<string, ShapeSource | string> = {
  lua: { opts: '-v -E -W -l=load -e=code', stopAt: 'first-operand', note: '-e is read by the language readers (parse/one-liners.ts); -i (interactive) is left out' },
  luajit: { opts: '-v -E -l=load -e=code -O=? -j=', stopAt: 'first-operand', note: '-b (bytecode output) and -i are left out' },
  raku: { opts: '-e=code -c -v --version -h --help -I=load -M=load', stopAt: 'first-operand' },
  perl6: { opts: '-e=code -c -v --version -h --help -I=load -M=load', stopAt: 'first-operand' },
  // Rules know programs by their lower-cased names (`Rscript` is `rscript`).
  rscript: { opts: '--vanilla --no-save --no-restore --no-environ --no-site-file --no-init-file --version --verbose --default-packages= -e=code', stopAt: 'first-operand' },
  julia: { opts: '--project=? -t= --threads= --startup-file= -O= --optimize=? --version -v -q --quiet --color= --compile= --check-bounds= --depwarn= --banner= --history-file= --heap-size-hint= -g=? --code-coverage=? --track-allocation=? --sysimage=load -J=load -L=load --load=load -e=code --eval=code -E=code --print=code', stopAt: 'first-operand', note: '-p/--procs (workers) is left out' },
};

export const LANG_SHAPES: Record<string, ShapeSource | string> = {
  ...OTHER_INTERPRETERS,
  // JVM
  mvn: { opts: MVN, operands: { match: MVN_GOALS, why: 'Gatehouse knows the maven phases and the goals that only build, test or report, not this one' } },
  mvnw: { opts: MVN, operands: { match: MVN_GOALS, why: 'Gatehouse knows the maven phases and the goals that only build, test or report, not this one' } },
  gradle: { opts: GRADLE, operands: GRADLE_TASKS, note: 'tasks are the build script\'s own (its text is the project)' },
  gradlew: { opts: GRADLE, operands: GRADLE_TASKS, note: 'tasks are the build script\'s own (its text is the project)' },
  java: { opts: JAVA, singleDash: true, stopAt: 'first-operand', operands: NO_ARGFILE, note: '-javaagent, -agentlib, -agentpath, -Xbootclasspath and -XX:OnError/OnOutOfMemoryError load or run code: left out' },
  javac: { opts: JAVAC, singleDash: true, operands: NO_ARGFILE, note: 'annotation processors (-processor, -processorpath) and -J (options to the JVM) are left out' },
  kotlinc: { opts: '-d= -cp= -classpath= -include-runtime -jvm-target= -language-version= -api-version= -no-stdlib -no-reflect -nowarn -Werror -verbose -version -help -h -progressive -java-parameters -module-name=', singleDash: true, operands: NO_ARGFILE },
  sbt: { opts: '-v --verbose -d --debug -warn -error --client --server -batch --batch -no-colors --no-colors -Dsbt.*=? -J-Xmx*=? -mem= --mem= -java-home= --java-home= --version --numeric-version --script-version -h --help', singleDash: true, operands: { match: /^~?(clean|compile|Test\/compile|test|testOnly|testQuick|package|assembly|update|reload|projects|scalafmt\w*|scalafix\w*|dependencyTree|doc|run|version|about)( [\w.*:/-]+)*$/, why: 'Gatehouse knows the sbt tasks that build, test or run the project (`set`, `eval` and `console` run Scala given here)' } },

  // .NET
  dotnet: {
    subOptional: true,
    maxOperands: 0,
    opts: '--info --version --list-sdks --list-runtimes -h --help',
    subs: {
      'build|msbuild': DOTNET_BUILD,
      test: DOTNET_TEST,
      run: { opts: `${DOTNET_BUILD} -lp= --launch-profile= --no-launch-profile --file=`, stopAt: 'first-operand' },
      'publish|pack': `${DOTNET_BUILD} --include-symbols --include-source --serviceable`,
      restore: '-s= --source= --packages= --locked-mode --force-evaluate --no-cache --no-http-cache --ignore-failed-sources -r= --runtime= --interactive=? --use-lock-file --lock-file-path= --configfile= --disable-parallel --no-dependencies -v= --verbosity= --force --disable-build-servers',
      clean: '-c= --configuration= -f= --framework= -o= --output= -r= --runtime= -v= --verbosity= --nologo',
      format: { subOptional: true, opts: DOTNET_FORMAT, subs: { 'whitespace|style|analyzers': DOTNET_FORMAT } },
      watch: { subOptional: true, opts: `${DOTNET_BUILD} -q --quiet --list --no-hot-reload --non-interactive`, stopAt: 'first-operand', subs: { 'run|test|build': `${DOTNET_TEST} -q --quiet --list --no-hot-reload --non-interactive` } },
      new: { subOptional: true, opts: '-n= --name= -o= --output= --force --dry-run -lang= --language= -f= --framework= --no-restore --type= --use-program-main --aot', subs: { 'list|search': '--type= -lang= --language= --tag= --author= --columns= --columns-all' }, note: '`dotnet new install` (template packages) is not listed' },
      'add|remove': { subs: { package: '-v= --version= --prerelease --no-restore -f= --framework= -s= --source= --package-directory= --interactive', reference: '-f= --framework= --interactive' } },
      list: { subs: { package: '--outdated --vulnerable --deprecated --include-transitive --framework= --format= --output-version= --include-prerelease --highest-minor --highest-patch --source= --config= --interactive -v= --verbosity=', reference: '' } },
      sln: { subs: { 'list|add|remove': '--in-root -s= --solution-folder=' } },
      tool: { subs: { list: '-g --global --local --tool-path=' } },
      'nuget': { subs: { locals: { subs: { 'all|http-cache|global-packages|temp|plugins-cache': '-l --list' } } } },
      'workload': { subs: { 'list|search': '--machine-readable' } },
      'help': '',
    },
  },

  // Ruby
  ruby: { opts: RUBY, stopAt: 'first-operand' },
  rspec: { opts: RSPEC },
  rake: { opts: RAKE, operands: { match: /^[^=]*$/, why: 'a `VAR=value` given to rake sets the environment its tasks (and the programs they start) run with' } },
  rubocop: { opts: RUBOCOP },
  bundle: {
    globals: '--gemfile= --no-color -V --verbose -r= --retry= --version -v -h --help',
    note: '`bundle` alone installs, like `bundle install`; `bundle exec` is read by the parser as the command it runs',
    subs: {
      'install|update|add|remove|lock|cache|package': '--jobs= -j= --deployment --frozen --local --prefer-local --path= --without= --with= --quiet --standalone=? --binstubs=? --full-index --conservative --all --group= -g= --version= --source= --require= --skip-install --strict --patch --minor --major --update=? --print --lockfile= --add-platform= --remove-platform= --normalize-platforms --no-install --all-platforms',
      'check|list|show|outdated|info|platform|version|env|licenses|doctor|viz': '--dry-run --path= --paths --name-only --strict --parseable --only-explicit --groups= --group= --filter-major --filter-minor --filter-patch --filter-strict --pre --local --ruby --without-group= --only-group= --update-strict --quiet --major --minor --patch',
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
      'install|i|uninstall|update|cleanup': '--user-install --no-user-install --no-document -N --document= --version= -v= --pre --prerelease --conservative --force -f -i= --install-dir= -n= --bindir= --minimal-deps --default --development --no-development -x --executables -a --all -I --ignore-dependencies --both -l --local -r --remote --source= --clear-sources --platform= --dryrun -d --dry-run --system',
    },
  },

  // PHP
  php: { opts: PHP, stopAt: 'first-operand', note: '`php artisan …`, `php vendor/bin/x …`: the script is the project\'s; -d (ini settings such as auto_prepend_file), -S (a server), -B/-R/-F/-E (code per line) are left out' },
  composer: {
    globals: COMPOSER_GLOBALS,
    subOptional: true,
    maxOperands: 0,
    subs: {
      'install|i|update|u|upgrade|require|r|remove|rm|reinstall|dump-autoload|dumpautoload|bump': '--dev --no-dev --prefer-dist --prefer-source --prefer-install= --dry-run --no-autoloader --no-progress -o --optimize-autoloader --optimize -a --classmap-authoritative --apcu-autoloader --ignore-platform-reqs --ignore-platform-req= --with-dependencies -w --with-all-dependencies -W --lock --no-install --no-update --no-audit --audit --sort-packages --prefer-stable --prefer-lowest --minimal-changes -m --interactive -i --root-reqs --strict-psr --dev-only --no-dev-only --update-with-dependencies --update-with-all-dependencies --audit-format=',
      'test|lint|check|analyse|analyze|format|cs|cs-fix|phpstan|psalm|run-script|run': { opts: '--dev --no-dev --list -l --timeout=', stopAt: 'first-operand', note: 'the project\'s own scripts (composer.json)' },
      'validate|show|info|outdated|licenses|license|depends|why|why-not|prohibits|diagnose|check-platform-reqs|audit|about|fund|search|suggests|status|browse|home|list|help': '--all -a --installed -i --locked --platform -p --self -s --name-only -N --path -P --tree -t --latest -l --outdated -o --direct -D --minor-only -m --patch-only --major-only --format= -f= --strict --no-check-all --no-check-lock --no-check-publish --no-check-version --with-dependencies --recursive -r --ignore= --abandoned= --locked --no-dev --only-name -O --show',
      config: { maxOperands: 1, opts: '--list -l --global -g --source --absolute --json', note: 'with a key, prints it; setting one (two operands) is not listed' },
    },
  },
  phpunit: { opts: PHPUNIT },
  phpstan: { subOptional: true, opts: PHPSTAN, subs: { 'analyse|analyze': PHPSTAN, 'clear-result-cache': '-c= --configuration= --memory-limit= -q', list: '', help: '' } },
  'php-cs-fixer': { subs: { 'fix|check': '--dry-run --diff --rules= --using-cache= --cache-file= --allow-risky= --stop-on-violation --show-progress= --format= --path-mode= -v -vv -vvv --sequential --allow-unsupported-php-version=? --config=check:projectcode', 'list-files|describe|list-sets|help|list': '--config=check:projectcode' } },
  pint: '--test --dirty --diff= --config=check:projectcode --preset= -v --format= --output-to-file=write --output-format= --parallel --bail --repair --no-config',
  psalm: `--no-cache --clear-cache --threads= --show-info= --output-format= --report=write --stats --no-progress --long-progress --shepherd=? --taint-analysis --init --diff --alter --issues= --dry-run --php-version= -c=check:projectcode --config=check:projectcode --no-diff --find-dead-code=? --root= ${HELP} --version`,

  // Perl
  perl: { opts: PERL, stopAt: 'first-operand', note: '-d (a debugger module), -S (a script from PATH) and -x (code after a #! in a file) are left out' },
  prove: '-v --verbose -l --lib -b --blib -r --recurse -j= --jobs= -s --shuffle --timer --color --nocolor --state= --norc --formatter= --merge -Q -q --quiet --directives --count --nocount --dry -D --ext= --failures -f --comments -o --trap --normalize -h --help -H --man -V --version -I=load -M=load -P=load',

  // Elixir and Erlang
  mix: {
    subs: {
      test: MIX_TEST,
      'format': '--check-formatted --dry-run --dot-formatter= --stdin-filename= --migrate --no-exit --force',
      'compile': '--force --warnings-as-errors --all-warnings --no-deps-check --no-archives-check --no-compile --no-protocol-consolidation --return-errors --long-compilation-threshold= --profile= --verbose',
      'deps|deps.tree|deps.unlock|xref|hex.info|hex.outdated|help|clean|docs|dialyzer|credo|sobelow|coveralls|coveralls.html|phx.routes|hex.audit|deps.audit': '--all --only= --target= --check-unused --unused --format= --exclude= --label= --source= --sink= --include-siblings --strict -a --format= --ignore-exit-status --deps --min-priority= --long --skip --config= --verbose',
      'deps.get|deps.update|deps.compile|deps.clean|archive.install|local.hex|local.rebar': '--all --only= --unlock --no-archives-check --force --if-missing --unused --build --dry-run',
      'phx.server|run': { opts: '--no-halt --no-compile --no-deps-check --no-start --no-elixir-version-check --preload-modules', stopAt: 'first-operand', note: 'runs the project (`-e`, code given on the command line, is left out)' },
      'release|escript.build|assets.deploy|assets.build': '--overwrite --quiet --path= --version= --force',
    },
  },
  elixir: { opts: '-v --version -h --help --no-halt --werl --hidden --sname= --name= --cookie= --boot= --logger-otp-reports= --logger-sasl-reports= -r=load --require=load -pa=load -pz=load -e=code --eval=code', stopAt: 'first-operand', note: '-S (a script from PATH) and --erl (options to the VM) are left out' },

  // Swift, Apple
  swift: {
    opts: '-h --help',
    note: '`swift` alone (or `swift --version`, which a table cannot tell apart) is a REPL that runs what its input says',
    subs: {
      build: SWIFT_BUILD,
      test: SWIFT_TEST,
      run: { opts: `${SWIFT_BUILD} --skip-build --build-tests --repl --debugger --disable-sandbox`, stopAt: 'first-operand' },
      package: { subs: { 'resolve|update|describe|show-dependencies|dump-package|clean|reset|purge-cache|init|tools-version|compute-checksum|completion-tool|show-executables|diagnose-api-breaking-changes|edit|unedit|plugin|archive-source': `${SWIFT_BUILD} --type= --name= --format= --dry-run --list --path= --revision= --branch= -o= --output=` } },
    },
  },
  xcodebuild: {
    singleDash: true,
    opts: '-scheme= -project= -workspace= -target= -alltargets -configuration= -sdk= -destination= -destination-timeout= -derivedDataPath= -resultBundlePath= -list -showsdks -showBuildSettings -showdestinations -showTestPlans -version -quiet -verbose -json -parallel-testing-enabled= -parallel-testing-worker-count= -only-testing:*=? -skip-testing:*=? -testPlan= -enableCodeCoverage= -allowProvisioningUpdates -skipPackagePluginValidation -skipMacroValidation -jobs= -parallelizeTargets -dry-run -n -arch= -clonedSourcePackagesDirPath= -disableAutomaticPackageResolution -onlyUsePackageVersionsFromResolvedFile -resolvePackageDependencies -archivePath= -exportArchive -exportPath= -exportOptionsPlist= -usage -help -hideShellScriptEnvironment -retry-tests-on-failure -test-iterations= -testLanguage= -testRegion= -xctestrun= -showBuildTimingSummary',
    operands: { match: /^(build|build-for-testing|test|test-without-building|clean|analyze|archive|docbuild|installsrc)$/, why: 'xcodebuild takes actions; a `SETTING=value` operand can replace the compiler or the scripts a build runs' },
  },
  xcrun: { subOptional: true, maxOperands: 0, opts: '--show-sdk-path --show-sdk-version --show-sdk-build-version --show-sdk-platform-path --show-sdk-platform-version --sdk= -sdk= --find= -f= --version -h --help -v --verbose -l --log -n --no-cache -k --kill-cache', subs: { simctl: { subs: { list: { opts: '-j --json -v', maxOperands: 2 }, help: '' } }, 'xcodebuild': { singleDash: true, opts: '-version -showsdks -list' } }, note: '`xcrun <tool>` runs any tool of the SDK: only the lookups and `simctl list` are listed' },
  flutter: {
    globals: FLUTTER_GLOBALS,
    subOptional: true,
    maxOperands: 0,
    subs: {
      test: '--coverage --coverage-path= --name= --plain-name= --tags= -t= --exclude-tags= -x= --update-goldens --concurrency= -j= --reporter= -r= --file-reporter= --no-pub --pub --platform= --test-randomize-ordering-seed= --total-shards= --shard-index= --timeout= --dart-define= --fail-fast --no-test-assets --flavor= --dart-define-from-file=',
      analyze: '--no-pub --pub --fatal-infos --no-fatal-infos --fatal-warnings --no-fatal-warnings --watch --write= --current-package --no-current-package',
      build: { subs: { 'apk|appbundle|ios|ipa|web|macos|linux|windows|aar|ios-framework|bundle': FLUTTER_BUILD } },
      run: `${FLUTTER_BUILD} --hot --no-hot --no-resident --web-port= --web-hostname= --machine --start-paused --trace-startup --use-application-binary=`,
      'pub': { subs: { 'get|upgrade|outdated|deps|add|remove|downgrade|cache': '--offline --no-offline --dry-run -n --precompile --no-precompile --major-versions --tighten --style= --json --no-dev --dev --show-all --mode= --enforce-lockfile --unlock-transitive --directory= -C=' } },
      'doctor|devices|emulators|clean|config|channel|gen-l10n|format|pub-get|precache': '-v --verbose --android-licenses --list --machine --device-timeout= --device-connection= --set-exit-if-changed -o= --output= --line-length=',
      create: '--org= --project-name= --platforms= -t= --template= -i= -a= --ios-language= --android-language= --description= --empty --overwrite --offline',
    },
  },
  dart: {
    globals: `-v --verbose --version --disable-analytics --enable-analytics --suppress-analytics ${HELP}`,
    subOptional: true,
    maxOperands: 0,
    subs: {
      analyze: '--fatal-infos --no-fatal-infos --fatal-warnings --no-fatal-warnings --format=',
      'format': '-o= --output= --set-exit-if-changed -l= --line-length= --page-width= --language-version= --fix --show= --summary= --trailing-commas=',
      fix: '--dry-run -n --apply --code=',
      test: '-n= --name= -N= --plain-name= -t= --tags= -x= --exclude-tags= -p= --platform= -c= --compiler= -j= --concurrency= -r= --reporter= --file-reporter= --coverage= --timeout= --fail-fast --chain-stack-traces --no-chain-stack-traces --run-skipped --test-randomize-ordering-seed= --total-shards= --shard-index=',
      run: { opts: '--enable-asserts --no-enable-asserts --observe=? --pause-isolates-on-start --enable-vm-service=? -D= --define=', stopAt: 'first-operand' },
      'compile': { subs: { 'exe|js|aot-snapshot|jit-snapshot|kernel|wasm': '-o=write --output=write -D= --define= -O=? --target-os= --verbosity= --packages=' } },
      pub: { subs: { 'get|upgrade|outdated|deps|add|remove|downgrade|cache': '--offline --no-offline --dry-run -n --precompile --no-precompile --major-versions --tighten --style= --json --no-dev --dev --show-all --mode= --enforce-lockfile --directory= -C=' } },
      info: '',
      doc: '--output= -o= --dry-run --validate-links',
    },
  },

  // Deno (its own rule judges code from a URL; permissions are the user's choice, as with node)
  deno: {
    globals: '-q --quiet --log-level= --unstable --unstable-*=? -c= --config= --no-config --import-map= --lock=? --frozen=? --no-lock --node-modules-dir=? --vendor=? -r --reload=? --cached-only --no-remote --no-npm --cert= --location= --seed= --v8-flags=? --env-file=? --no-check=? --check=? --ext= --conditions= -h --help',
    note: '`deno` alone is a REPL that runs what its input says, so a subcommand is required',
    subs: {
      run: { opts: `${DENO_PERMS} --watch=? --watch-exclude= --no-clear-screen --inspect=? --inspect-brk=? --inspect-wait=? --tunnel=? --coverage=?`, stopAt: 'first-operand' },
      test: `${DENO_PERMS} --filter= --coverage=? --doc --parallel --fail-fast=? --shuffle=? --reporter= --junit-path=write --trace-leaks --trace-ops --clean --hide-stacktraces --no-run --permit-no-files --watch=? --no-clear-screen --inspect=? --inspect-brk=? --ignore=`,
      bench: `${DENO_PERMS} --filter= --json --no-run --permit-no-files --watch=? --ignore=`,
      fmt: '--check --ext= --ignore= --indent-width= --line-width= --no-semicolons --prose-wrap= --single-quote --use-tabs --watch=? --no-clear-screen --permit-no-files --unstable-component --unstable-sql',
      lint: '--fix --rules --rules-tags= --rules-include= --rules-exclude= --json --compact --ignore= --watch=? --permit-no-files',
      check: '--all --doc --doc-only --remote',
      task: { opts: '--cwd= -f= --filter= -r --recursive --eval', stopAt: 'first-operand', note: 'the project\'s own tasks (deno.json)' },
      'info|doc': '--json --html --lint --name= --output= --private --filter=',
      'compile': `${DENO_PERMS} -o=write --output=write --target= --include= --exclude= --icon= --no-terminal --self-extracting`,
      'coverage': '--include= --exclude= --lcov --html --detailed --output=write',
      eval: { opts: `${DENO_PERMS} -p --print --ext=`, maxOperands: 1, operandsCarryCode: 'all', note: 'the code is read by the language readers' },
      types: '',
      outdated: '--compatible --recursive -r --latest --filter=',
    },
  },

  // C, C++ and their build systems
  gcc: COMPILER,
  'g++': COMPILER,
  cc: COMPILER,
  'c++': COMPILER,
  clang: COMPILER,
  'clang++': COMPILER,
  cmake: { opts: CMAKE, note: '`cmake --install` (writes to the prefix, /usr/local by default) and `cmake -E` (rm, copy, env …) are left out' },
  ctest: { opts: CTEST, note: 'dashboard modes (-D, -T, -M, -S: scripts and uploads) are left out' },
  ninja: { opts: '-C= -j= -k= -l= -n -v --verbose --quiet -d=? -w=? --version -h -f=check:projectcode', note: '`-t` (tools, one of which runs a command) is left out' },
  meson: {
    globals: '-h --help -v --version',
    subs: {
      setup: '--buildtype= -D= --prefix= --libdir= --bindir= --backend= --reconfigure --wipe --werror --warnlevel= --optimization= --debug --default-library= --unity= --fatal-meson-warnings --vsenv --genvslite= -Db_*=? --layout= --auto-features= --wrap-mode= --force-fallback-for= --pkgconfig.relocatable --native-file=check:projectcode --cross-file=check:projectcode',
      'compile': '-C= -j= --jobs= -l= --load-average= -v --verbose --clean',
      test: '-C= --suite= --no-suite= --print-errorlogs --verbose -v --num-processes= --repeat= -t= --timeout-multiplier= --list --no-rebuild --benchmark --logbase= --maxfail= --setup= --quiet -q --test-args= --interactive -i',
      configure: '-D= --clearcache --no-pager',
      introspect: '--targets --buildoptions --tests --benchmarks --projectinfo --all -a --indent --dependencies --installed --install-plan --buildsystem-files --scan-dependencies --backend= -f --force-object-output',
      dist: '-C= --formats= --include-subprojects --no-tests --allow-dirty',
      'format|fmt': '-q --check-only -i --inplace -r --recursive -c= --configuration= -e --editor-config -o=write --output=write',
    },
  },
  zig: {
    subOptional: true,
    maxOperands: 0,
    subs: {
      build: { opts: '--summary= -D= --prefix= -p= --release=? --verbose --color= -j= --watch --debounce= --fuzz --help -h --global-cache-dir= --cache-dir= --search-prefix= --sysroot= --libc= --build-file=check:projectcode --seed= --maxrss= --skip-oom-steps --fetch --incremental -freference-trace=? --prominent-compile-errors --time-report --list-steps -l', operands: { match: /^[\w.-]+$/, why: 'a zig build step is a name' } },
      test: '-O= -target= --test-filter= -femit-bin=write -lc -I= --summary=',
      fmt: '--check --stdin --ast-check --exclude= --color=',
      'version|env|zen|targets|help': '',
      run: { opts: '-O= -target= -lc -I=', stopAt: 'first-operand' },
    },
  },
  bazel: bazelShape(),
  bazelisk: bazelShape(),
  ...JS_TOOL_SHAPES,
  ...DEV_TOOL_SHAPES,
};

function bazelShape(): ShapeSource {
  const common =
    '-c= --compilation_mode= --config= --test_output= --test_filter= --test_arg= --test_tag_filters= --build_tag_filters= --build_tests_only ' +
    '--keep_going -k --jobs= -j= --verbose_failures --sandbox_debug --subcommands=? -s --nocache_test_results --cache_test_results=? ' +
    '--runs_per_test= --flaky_test_attempts= --test_timeout= --test_size_filters= --test_lang_filters= --output= --platforms= --cpu= ' +
    '--define= --color= --curses= --show_timestamps --noshow_progress --show_progress_rate_limit= --announce_rc --disk_cache= --notest_keep_going ' +
    '--test_env= --test_sharding_strategy= --check_up_to_date --nobuild --noshow_loading_progress --show_result= --build_event_json_file=write ' +
    '--profile=write --experimental_ui_max_stdouterr_bytes= --target_pattern_file= --order_output= --keep_going --noorder_results --universe_scope= ' +
    '--infer_universe_scope --notool_deps --noimplicit_deps --nohost_deps --output_base=? --enable_bzlmod=? --noenable_bzlmod --lockfile_mode= --combined_report= --instrumentation_filter= --instrument_test_targets';
  return {
    subs: {
      'build|test|coverage|query|cquery|aquery|fetch|clean|info|version|help': `${common} --expunge --async`,
      run: { opts: common, stopAt: 'first-operand' },
      mod: { subs: { 'graph|deps|all_paths|path|explain|show_repo|show_extension|tidy': `${common} --charset=` } },
    },
    note: '--run_under (a program around every test), --copt/--linkopt (compiler and linker options), --remote_* (uploads) and startup options are left out',
  };
}
