// Compiled languages' toolchains: the JVM (maven, gradle, java, kotlinc, sbt), .NET, Swift and Apple's tools, Flutter
// and Dart, C and C++ and their build systems (cmake, ctest, ninja, meson, zig, bazel). They build and test the
// project's own code, which is their job. What is marked, or left out so that it stays unknown:
// - code loaded first: `java -javaagent` (left out), `gradle --init-script`, compiler plugins (`-fplugin`,
//   `-mllvm`, `-Xclang`: left out), a build file or config written in code from outside the project
//   (`=check:projectcode`);
// - programs the tool runs for it: `ninja -t msvc`, `ctest -S`, `meson test --wrapper`, `bazel --run_under` (left
//   out), `mvn exec:exec` (not a known goal);
// - settings that name programs: MSBuild properties (`dotnet build -p:PostBuildEvent=…`), `xcodebuild CC=…`: left
//   out. `mvn -D`, `gradle -D`/`-P` and `cmake -D` are plain values: the pom or build script runs anyway, and may
//   already run anything its properties name.
// Installs and publishing (`dotnet add package`, `mvn deploy`) are judged by rules/supply.ts and publish.ts; this
// table only says which words are known.
import { HELP } from './common.ts';
import type { ShapeSource } from './spec.ts';

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
export const NO_ARGFILE = { match: /^[^@]/, why: 'an @file gives the program options Gatehouse has not read' };
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
const DOTNET_FORMAT =
  '--verify-no-changes --include= --exclude= --severity= --diagnostics= --exclude-diagnostics= --no-restore --report= --binarylog= -v= --verbosity= --folder --include-generated';

// Swift, Dart -------------------------------------------------------------------------------------------------

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

export const COMPILED_SHAPES: Record<string, ShapeSource | string> = {
  // JVM
  mvn: {
    opts: MVN,
    operands: {
      match: MVN_GOALS,
      why: 'Gatehouse knows the maven phases and the goals that only build, test or report, not this one',
    },
  },
  mvnw: {
    opts: MVN,
    operands: {
      match: MVN_GOALS,
      why: 'Gatehouse knows the maven phases and the goals that only build, test or report, not this one',
    },
  },
  gradle: { opts: GRADLE, operands: GRADLE_TASKS, note: "tasks are the build script's own (its text is the project)" },
  gradlew: { opts: GRADLE, operands: GRADLE_TASKS, note: "tasks are the build script's own (its text is the project)" },
  java: {
    opts: JAVA,
    singleDash: true,
    stopAt: 'first-operand',
    operands: NO_ARGFILE,
    note: '-javaagent, -agentlib, -agentpath, -Xbootclasspath and -XX:OnError/OnOutOfMemoryError load or run code: left out',
  },
  javac: {
    opts: JAVAC,
    singleDash: true,
    operands: NO_ARGFILE,
    note: 'annotation processors (-processor, -processorpath) and -J (options to the JVM) are left out',
  },
  kotlinc: {
    opts: '-d= -cp= -classpath= -include-runtime -jvm-target= -language-version= -api-version= -no-stdlib -no-reflect -nowarn -Werror -verbose -version -help -h -progressive -java-parameters -module-name=',
    singleDash: true,
    operands: NO_ARGFILE,
  },
  sbt: {
    opts: '-v --verbose -d --debug -warn -error --client --server -batch --batch -no-colors --no-colors -Dsbt.*=? -J-Xmx*=? -mem= --mem= -java-home= --java-home= --version --numeric-version --script-version -h --help',
    singleDash: true,
    operands: {
      match:
        /^~?(clean|compile|Test\/compile|test|testOnly|testQuick|package|assembly|update|reload|projects|scalafmt\w*|scalafix\w*|dependencyTree|doc|run|version|about)( [\w.*:/-]+)*$/,
      why: 'Gatehouse knows the sbt tasks that build, test or run the project (`set`, `eval` and `console` run Scala given here)',
    },
  },

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
      restore:
        '-s= --source= --packages= --locked-mode --force-evaluate --no-cache --no-http-cache --ignore-failed-sources -r= --runtime= --interactive=? --use-lock-file --lock-file-path= --configfile= --disable-parallel --no-dependencies -v= --verbosity= --force --disable-build-servers',
      clean: '-c= --configuration= -f= --framework= -o= --output= -r= --runtime= -v= --verbosity= --nologo',
      format: { subOptional: true, opts: DOTNET_FORMAT, subs: { 'whitespace|style|analyzers': DOTNET_FORMAT } },
      watch: {
        subOptional: true,
        opts: `${DOTNET_BUILD} -q --quiet --list --no-hot-reload --non-interactive`,
        stopAt: 'first-operand',
        subs: { 'run|test|build': `${DOTNET_TEST} -q --quiet --list --no-hot-reload --non-interactive` },
      },
      new: {
        subOptional: true,
        opts: '-n= --name= -o= --output= --force --dry-run -lang= --language= -f= --framework= --no-restore --type= --use-program-main --aot',
        subs: { 'list|search': '--type= -lang= --language= --tag= --author= --columns= --columns-all' },
        note: '`dotnet new install` (template packages) is not listed',
      },
      'add|remove': {
        subs: {
          package:
            '-v= --version= --prerelease --no-restore -f= --framework= -s= --source= --package-directory= --interactive',
          reference: '-f= --framework= --interactive',
        },
      },
      list: {
        subs: {
          package:
            '--outdated --vulnerable --deprecated --include-transitive --framework= --format= --output-version= --include-prerelease --highest-minor --highest-patch --source= --config= --interactive -v= --verbosity=',
          reference: '',
        },
      },
      sln: { subs: { 'list|add|remove': '--in-root -s= --solution-folder=' } },
      tool: { subs: { list: '-g --global --local --tool-path=' } },
      nuget: { subs: { locals: { subs: { 'all|http-cache|global-packages|temp|plugins-cache': '-l --list' } } } },
      workload: { subs: { 'list|search': '--machine-readable' } },
      help: '',
    },
  },

  // Swift, Apple
  swift: {
    opts: '-h --help',
    note: '`swift` alone (or `swift --version`, which a table cannot tell apart) is a REPL that runs what its input says',
    subs: {
      build: SWIFT_BUILD,
      test: SWIFT_TEST,
      run: {
        opts: `${SWIFT_BUILD} --skip-build --build-tests --repl --debugger --disable-sandbox`,
        stopAt: 'first-operand',
      },
      package: {
        subs: {
          'resolve|update|describe|show-dependencies|dump-package|clean|reset|purge-cache|init|tools-version|compute-checksum|completion-tool|show-executables|diagnose-api-breaking-changes|edit|unedit|plugin|archive-source': `${SWIFT_BUILD} --type= --name= --format= --dry-run --list --path= --revision= --branch= -o= --output=`,
        },
      },
    },
  },
  xcodebuild: {
    singleDash: true,
    opts: '-scheme= -project= -workspace= -target= -alltargets -configuration= -sdk= -destination= -destination-timeout= -derivedDataPath= -resultBundlePath= -list -showsdks -showBuildSettings -showdestinations -showTestPlans -version -quiet -verbose -json -parallel-testing-enabled= -parallel-testing-worker-count= -only-testing:*=? -skip-testing:*=? -testPlan= -enableCodeCoverage= -allowProvisioningUpdates -skipPackagePluginValidation -skipMacroValidation -jobs= -parallelizeTargets -dry-run -n -arch= -clonedSourcePackagesDirPath= -disableAutomaticPackageResolution -onlyUsePackageVersionsFromResolvedFile -resolvePackageDependencies -archivePath= -exportArchive -exportPath= -exportOptionsPlist= -usage -help -hideShellScriptEnvironment -retry-tests-on-failure -test-iterations= -testLanguage= -testRegion= -xctestrun= -showBuildTimingSummary',
    operands: {
      match: /^(build|build-for-testing|test|test-without-building|clean|analyze|archive|docbuild|installsrc)$/,
      why: 'xcodebuild takes actions; a `SETTING=value` operand can replace the compiler or the scripts a build runs',
    },
  },
  xcrun: {
    subOptional: true,
    maxOperands: 0,
    opts: '--show-sdk-path --show-sdk-version --show-sdk-build-version --show-sdk-platform-path --show-sdk-platform-version --sdk= -sdk= --find= -f= --version -h --help -v --verbose -l --log -n --no-cache -k --kill-cache',
    subs: {
      simctl: { subs: { list: { opts: '-j --json -v', maxOperands: 2 }, help: '' } },
      xcodebuild: { singleDash: true, opts: '-version -showsdks -list' },
    },
    note: '`xcrun <tool>` runs any tool of the SDK: only the lookups and `simctl list` are listed',
  },
  flutter: {
    globals: FLUTTER_GLOBALS,
    subOptional: true,
    maxOperands: 0,
    subs: {
      test: '--coverage --coverage-path= --name= --plain-name= --tags= -t= --exclude-tags= -x= --update-goldens --concurrency= -j= --reporter= -r= --file-reporter= --no-pub --pub --platform= --test-randomize-ordering-seed= --total-shards= --shard-index= --timeout= --dart-define= --fail-fast --no-test-assets --flavor= --dart-define-from-file=',
      analyze:
        '--no-pub --pub --fatal-infos --no-fatal-infos --fatal-warnings --no-fatal-warnings --watch --write= --current-package --no-current-package',
      build: { subs: { 'apk|appbundle|ios|ipa|web|macos|linux|windows|aar|ios-framework|bundle': FLUTTER_BUILD } },
      run: `${FLUTTER_BUILD} --hot --no-hot --no-resident --web-port= --web-hostname= --machine --start-paused --trace-startup --use-application-binary=`,
      pub: {
        subs: {
          'get|upgrade|outdated|deps|add|remove|downgrade|cache':
            '--offline --no-offline --dry-run -n --precompile --no-precompile --major-versions --tighten --style= --json --no-dev --dev --show-all --mode= --enforce-lockfile --unlock-transitive --directory= -C=',
        },
      },
      'doctor|devices|emulators|clean|config|channel|gen-l10n|format|pub-get|precache':
        '-v --verbose --android-licenses --list --machine --device-timeout= --device-connection= --set-exit-if-changed -o= --output= --line-length=',
      create:
        '--org= --project-name= --platforms= -t= --template= -i= -a= --ios-language= --android-language= --description= --empty --overwrite --offline',
    },
  },
  dart: {
    globals: `-v --verbose --version --disable-analytics --enable-analytics --suppress-analytics ${HELP}`,
    subOptional: true,
    maxOperands: 0,
    subs: {
      analyze: '--fatal-infos --no-fatal-infos --fatal-warnings --no-fatal-warnings --format=',
      format:
        '-o= --output= --set-exit-if-changed -l= --line-length= --page-width= --language-version= --fix --show= --summary= --trailing-commas=',
      fix: '--dry-run -n --apply --code=',
      test: '-n= --name= -N= --plain-name= -t= --tags= -x= --exclude-tags= -p= --platform= -c= --compiler= -j= --concurrency= -r= --reporter= --file-reporter= --coverage= --timeout= --fail-fast --chain-stack-traces --no-chain-stack-traces --run-skipped --test-randomize-ordering-seed= --total-shards= --shard-index=',
      run: {
        opts: '--enable-asserts --no-enable-asserts --observe=? --pause-isolates-on-start --enable-vm-service=? -D= --define=',
        stopAt: 'first-operand',
      },
      compile: {
        subs: {
          'exe|js|aot-snapshot|jit-snapshot|kernel|wasm':
            '-o=write --output=write -D= --define= -O=? --target-os= --verbosity= --packages=',
        },
      },
      pub: {
        subs: {
          'get|upgrade|outdated|deps|add|remove|downgrade|cache':
            '--offline --no-offline --dry-run -n --precompile --no-precompile --major-versions --tighten --style= --json --no-dev --dev --show-all --mode= --enforce-lockfile --directory= -C=',
        },
      },
      info: '',
      doc: '--output= -o= --dry-run --validate-links',
    },
  },

  // C, C++ and their build systems
  gcc: COMPILER,
  'g++': COMPILER,
  cc: COMPILER,
  'c++': COMPILER,
  clang: COMPILER,
  'clang++': COMPILER,
  cmake: {
    opts: CMAKE,
    note: '`cmake --install` (writes to the prefix, /usr/local by default) and `cmake -E` (rm, copy, env …) are left out',
  },
  ctest: { opts: CTEST, note: 'dashboard modes (-D, -T, -M, -S: scripts and uploads) are left out' },
  ninja: {
    opts: '-C= -j= -k= -l= -n -v --verbose --quiet -d=? -w=? --version -h -f=check:projectcode',
    note: '`-t` (tools, one of which runs a command) is left out',
  },
  meson: {
    globals: '-h --help -v --version',
    subs: {
      setup:
        '--buildtype= -D= --prefix= --libdir= --bindir= --backend= --reconfigure --wipe --werror --warnlevel= --optimization= --debug --default-library= --unity= --fatal-meson-warnings --vsenv --genvslite= -Db_*=? --layout= --auto-features= --wrap-mode= --force-fallback-for= --pkgconfig.relocatable --native-file=check:projectcode --cross-file=check:projectcode',
      compile: '-C= -j= --jobs= -l= --load-average= -v --verbose --clean',
      test: '-C= --suite= --no-suite= --print-errorlogs --verbose -v --num-processes= --repeat= -t= --timeout-multiplier= --list --no-rebuild --benchmark --logbase= --maxfail= --setup= --quiet -q --test-args= --interactive -i',
      configure: '-D= --clearcache --no-pager',
      introspect:
        '--targets --buildoptions --tests --benchmarks --projectinfo --all -a --indent --dependencies --installed --install-plan --buildsystem-files --scan-dependencies --backend= -f --force-object-output',
      dist: '-C= --formats= --include-subprojects --no-tests --allow-dirty',
      'format|fmt':
        '-q --check-only -i --inplace -r --recursive -c= --configuration= -e --editor-config -o=write --output=write',
    },
  },
  zig: {
    subOptional: true,
    maxOperands: 0,
    subs: {
      build: {
        opts: '--summary= -D= --prefix= -p= --release=? --verbose --color= -j= --watch --debounce= --fuzz --help -h --global-cache-dir= --cache-dir= --search-prefix= --sysroot= --libc= --build-file=check:projectcode --seed= --maxrss= --skip-oom-steps --fetch --incremental -freference-trace=? --prominent-compile-errors --time-report --list-steps -l',
        operands: { match: /^[\w.-]+$/, why: 'a zig build step is a name' },
      },
      test: '-O= -target= --test-filter= -femit-bin=write -lc -I= --summary=',
      fmt: '--check --stdin --ast-check --exclude= --color=',
      'version|env|zen|targets|help': '',
      run: { opts: '-O= -target= -lc -I=', stopAt: 'first-operand' },
    },
  },
  bazel: bazelShape(),
  bazelisk: bazelShape(),
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
