// JavaScript and TypeScript: runtimes, package managers, test runners, linters and bundlers. They run the
// project's own code, which is their job; what is marked here is what runs code from elsewhere or chosen on the
// command line: `node -e` (read by the language readers), `--require`/`--import` (code loaded first),
// `--script-shell` (the shell every script runs in), `npx -c` (a shell line). Installs and publishing are judged by
// rules/supply.ts and publish.ts; this table only says which words are known.
import type { ShapeSource } from './spec.ts';

const NODE =
  '--inspect=? --inspect-brk=? --inspect-wait=? --inspect-port= --enable-source-maps --experimental-strip-types --no-experimental-strip-types ' +
  '--experimental-transform-types --experimental-vm-modules --experimental-specifier-resolution= --experimental-default-type= --experimental-wasm-modules ' +
  '--experimental-json-modules --experimental-test-coverage --experimental-require-module --no-warnings --no-deprecation --trace-warnings --trace-deprecation ' +
  '--trace-uncaught --throw-deprecation --pending-deprecation --unhandled-rejections= --max-old-space-size=? --max-semi-space-size=? --stack-size=? --expose-gc ' +
  '--stack-trace-limit=? --test --test-name-pattern= --test-skip-pattern= --test-reporter= --test-reporter-destination= --test-only --test-concurrency= ' +
  '--test-timeout= --test-force-exit --test-update-snapshots --watch --watch-path= --watch-preserve-output --env-file= --env-file-if-exists= --conditions= -C= ' +
  '--input-type= --title= --preserve-symlinks --preserve-symlinks-main --abort-on-uncaught-exception --heapsnapshot-signal= --cpu-prof --heap-prof --prof ' +
  '--disable-warning= --no-addons --frozen-intrinsics --icu-data-dir= --tls-min-v1.2 --use-openssl-ca --dns-result-order= --run= --check -c -v --version ' +
  '-h --help -i --interactive ' +
  '-e=code --eval=code -p=code --print=code -r=load --require=load --import=load --loader=load --experimental-loader=load';
const NPM_GLOBALS =
  '-w= --workspace= --workspaces -ws --include-workspace-root --if-present --silent -s -q --quiet --loglevel= -d -dd -ddd --verbose --prefix= -C= ' +
  '--no-audit --audit --no-fund --fund --legacy-peer-deps --strict-peer-deps --yes -y --no-save --save -S --save-dev -D --save-exact -E --save-optional -O ' +
  '--save-peer --save-prod -P -B --save-bundle -g --global --registry= --omit= --include= --production --dry-run --json --parseable -p --long -l --color=? ' +
  '--no-color --ignore-scripts --foreground-scripts --progress=? --no-progress --prefer-offline --prefer-online --offline --depth= --all -a --package-lock-only ' +
  '--no-package-lock --install-links --install-strategy= --no-optional --force -f --no-update-notifier --unicode --no-unicode --timing --no-workspaces ' +
  '--script-shell=check:scriptshell';
const VITEST =
  '--run --watch -w --reporter= --reporters= --outputFile=write --coverage --coverage.*=? --ui --open --api=? --globals --dom --environment= --config= -c= ' +
  '--root= -r= --dir= -t= --testNamePattern= -u --update --pool= --poolOptions.*=? --bail= --retry= --silent=? --hideSkippedTests --passWithNoTests ' +
  '--changed=? --shard= --project= --mode= --inspect=? --inspect-brk=? --no-color --typecheck --typecheck.*=? --allowOnly --sequence.*=? --testTimeout= ' +
  '--hookTimeout= --maxWorkers= --minWorkers= --no-file-parallelism --fileParallelism --isolate --no-isolate --browser=? --browser.*=? --clearScreen ' +
  '--no-watch --logHeapUsage --expandSnapshotDiff --diff= --exclude= --include= --standalone --clearCache --merge-reports=? --no-cache --cache.*=? ' +
  '--printConsoleTrace --disableConsoleIntercept --experimental.*=? --vmThreads --threads --no-threads --single-thread --project.*=? --detectAsyncLeaks';
const JEST =
  '--watch=? --watchAll=? --coverage=? --collectCoverage=? --ci=? --no-ci --runInBand -i --verbose --silent -t= --testNamePattern= --testPathPattern= ' +
  '--testPathPatterns= --testPathIgnorePatterns= --config= -c= -u --updateSnapshot --bail=? -b -o --onlyChanged --passWithNoTests --detectOpenHandles ' +
  '--forceExit -w= --maxWorkers= --json --outputFile=write --colors --no-colors --clearCache --listTests --findRelatedTests --lastCommit --changedSince= ' +
  '--selectProjects= --shard= --testTimeout= --reporters= --coverageReporters= --collectCoverageFrom= --coverageDirectory= --env= --testEnvironment= ' +
  '--no-cache --cache --logHeapUsage --useStderr --showConfig --debug --errorOnDeprecated --rootDir= --roots= --no-watchman --watchman --randomize --seed= ' +
  '--showSeed --testLocationInResults --noStackTrace --notify --expand -e --onlyFailures -f --maxConcurrency= --workerIdleMemoryLimit=';
const TSC =
  '--noEmit -p= --project= -b --build --watch -w --pretty=? --listFiles --listFilesOnly --listEmittedFiles --strict --skipLibCheck --declaration -d ' +
  '--declarationMap --outDir= --outFile= --rootDir= --target= -t= --module= -m= --moduleResolution= --jsx= --emitDeclarationOnly --incremental -i ' +
  '--composite --diagnostics --extendedDiagnostics --traceResolution --explainFiles --showConfig --init --version -v --help -h --all --noUnusedLocals ' +
  '--noUnusedParameters --allowJs --checkJs --esModuleInterop --resolveJsonModule --lib= --types= --typeRoots= --sourceMap --inlineSourceMap ' +
  '--inlineSources --removeComments --isolatedModules --verbatimModuleSyntax --clean --force -f --dry --verbose --generateTrace= --noErrorTruncation ' +
  '--preserveWatchOutput --allowImportingTsExtensions --rewriteRelativeImportExtensions --baseUrl= --noImplicitAny --strictNullChecks --noEmitOnError ' +
  '--locale= --noImplicitReturns --noFallthroughCasesInSwitch --noUncheckedIndexedAccess --exactOptionalPropertyTypes --experimentalDecorators ' +
  '--emitDecoratorMetadata --useDefineForClassFields --allowSyntheticDefaultImports --forceConsistentCasingInFileNames --skipDefaultLibCheck ' +
  '--tsBuildInfoFile= --declarationDir= --newLine= --noLib --erasableSyntaxOnly --stopBuildOnErrors --excludeDirectories= --excludeFiles=';
const ESLINT =
  '--fix --fix-dry-run --fix-type= --ext= -c= --config= --no-eslintrc --no-config-lookup --max-warnings= -f= --format= -o=write --output-file=write ' +
  '--quiet --cache --cache-location= --cache-strategy= --no-ignore --ignore-pattern= --ignore-path= --debug --color --no-color ' +
  '--report-unused-disable-directives --report-unused-disable-directives-severity= --no-inline-config --print-config= --env= --global= --parser= ' +
  '--parser-options= --resolve-plugins-relative-to= --stats --no-error-on-unmatched-pattern --exit-on-fatal-error --pass-on-no-patterns ' +
  '--no-warn-ignored --flag= --concurrency= --rule= --plugin= --rulesdir= --init --inspect-config --max-warnings=';
const PRETTIER =
  '--write -w --check -c --list-different -l --config= --ignore-path= --no-config --log-level= --loglevel= --cache --cache-location= --cache-strategy= ' +
  '--plugin= --parser= --print-width= --tab-width= --use-tabs --semi --no-semi --single-quote --jsx-single-quote --trailing-comma= --bracket-spacing ' +
  '--no-bracket-spacing --arrow-parens= --prose-wrap= --end-of-line= --stdin-filepath= --ignore-unknown -u --no-error-on-unmatched-pattern ' +
  '--find-config-path= --file-info= --support-info --quote-props= --no-editorconfig --config-precedence= --embedded-language-formatting= ' +
  '--html-whitespace-sensitivity= --object-wrap= --single-attribute-per-line --bracket-same-line --experimental-cli';
const BIOME =
  '--write --fix --unsafe --apply --apply-unsafe --staged --changed --since= --reporter= --max-diagnostics= --diagnostic-level= --error-on-warnings ' +
  '--config-path= --colors= --verbose --no-errors-on-unmatched --files-ignore-unknown= --formatter-enabled= --linter-enabled= --assist-enabled= ' +
  '--organize-imports-enabled= --vcs-enabled= --vcs-use-ignore-file= --vcs-root= --use-server --skip= --only= --log-level= --log-kind= --stdin-file-path= ' +
  '--indent-style= --indent-width= --line-width= --javascript-formatter-enabled= --json-formatter-enabled= --skip-parse-errors --enforce-assist=';
const PLAYWRIGHT_TEST =
  '--headed --debug --ui --ui-host= --ui-port= --project= -g= --grep= --grep-invert= -G= --reporter= --workers= -j= --retries= --timeout= ' +
  '--repeat-each= --max-failures= -x --list --update-snapshots=? -u=? --update-source-method= --config= -c= --trace= --shard= --forbid-only ' +
  '--fully-parallel --last-failed --only-changed=? --pass-with-no-tests --quiet --output= --browser= --ignore-snapshots --global-timeout= --tsconfig= ' +
  '--no-deps --fail-on-flaky-tests';
const BUN_RUN =
  '--watch --hot --no-clear-screen --bun --smol --silent --if-present --env-file= --cwd= --define= -d= --tsconfig-override= --install= -i --prefer-offline --prefer-latest --no-install --shell= --filter= -F= --elide-lines= --conditions= --main-fields= --loader= --inspect=? --inspect-brk=? --inspect-wait=? -r=load --preload=load --import=load -e=code --eval=code -p=code --print=code';

/**
 * Options a person gives a script through the package manager (`npm test --coverage`, `yarn test --watch`): yarn and
 * pnpm hand them to the script, npm keeps them as `npm_config_*` settings of no meaning to npm. Only names that are
 * no npm setting are listed (`--node-options`, `--script-shell` are settings that run code).
 */
const SCRIPT_ARGS =
  '--reporter= --headed --project= --grep= --coverage=? --watch=? --watchAll=? --ui --fix --runInBand --passWithNoTests --updateSnapshot --debug';

const BUN_INSTALL =
  '-d --dev -D --development --optional --peer -E --exact -g --global --production -p --frozen-lockfile --no-save --save --dry-run --force -f --no-cache --lockfile-only --trust --latest --verbose --backend= --linker= --filter= -F= --recursive -r --yarn -y --ignore-scripts --concurrent-scripts= --network-concurrency= --omit= --save-text-lockfile --minimum-release-age= --analyze --interactive -i';
const INSTALL_OPTS =
  '--frozen-lockfile --no-frozen-lockfile --prod --dev --no-lockfile --pure-lockfile --ignore-engines --exact --tilde --peer --optional --filter= -F= --recursive -r --workspace-root --lockfile-only --fix-lockfile --prefer-frozen-lockfile --shamefully-hoist --latest -L --interactive -i --immutable --check-cache --mode= --inline-builds --network-timeout= --no-verify-store-integrity';

const packageManager = (extra: Record<string, ShapeSource | string>): ShapeSource => ({
  globals: NPM_GLOBALS,
  // For the learner: another project (`--prefix`, `-C`) or registry decides which scripts and packages run.
  alters: '--prefix --registry',
  subs: {
    // Each package named is fetched and its install scripts run: every one carries code for the learner.
    'install|i|in|ins|inst|isnt|add|update|up|upgrade|udpate': { opts: INSTALL_OPTS, operandsCarryCode: 'all' },
    'ci|clean-install|uninstall|remove|rm|r|un|unlink': INSTALL_OPTS,
    'run|run-script|rum|urn': {
      opts: `--filter= -F= --recursive -r --parallel --stream --aggregate-output --no-bail --sequential --reporter-hide-prefix --resume-from= --report-summary --workspace-root --top-level -T ${SCRIPT_ARGS}`,
      note: "the script is the project's own (its text is judged where the script is read)",
    },
    'test|t|tst|start|stop|restart|build': `--filter= -F= --recursive -r --parallel --stream ${SCRIPT_ARGS}`,
    publish: '--tag= --access= --otp= --provenance --no-git-checks --publish-branch= --report-summary',
    pack: '--pack-destination= --out= --pack-gzip-level=',
    'list|ls|ll|la': '--depth= --prod --dev --long --only-projects --filter= -F= --recursive -r --pattern=',
    outdated: '--long --filter= -F= --recursive -r --compatible --dev --prod --no-table --format=',
    audit: {
      subOptional: true,
      opts: '--audit-level= --omit= --production --fix --force --json --level= --groups= --ignore-registry-errors --ignore= --prod --dev',
      subs: { fix: '--force --dry-run --package-lock-only', signatures: '' },
    },
    'view|info|show|v': '--json',
    'why|explain': '--json --recursive -r --filter= -F= --depth=',
    'help|-h': '',
    root: '',
    prefix: '',
    bin: '',
    config: { subs: { 'get|list|ls': '--json --long -l --location=' } },
    pkg: { subs: { get: '--json' } },
    cache: { subs: { verify: '', 'ls|list': '', dir: '' } },
    init: {
      opts: '-y --yes --scope= --init-author-name= --init-license= --init-version= --init-module= --workspace-root --bare -b --init-type= --private',
      maxOperands: 0,
      note: '`npm init <initializer>` runs a package from the registry: not listed',
    },
    ...extra,
  },
});

export const JS_SHAPES: Record<string, ShapeSource | string> = {
  node: { opts: NODE, stopAt: 'first-operand' },
  nodejs: { opts: NODE, stopAt: 'first-operand' },
  npm: packageManager({
    'exec|x': {
      opts: '-c=shell --call=shell --package= -y --yes --no',
      stopAt: 'first-operand',
      operandsCarryCode: 'program',
    },
    version: '',
    doctor: '',
    ping: '',
    whoami: '',
    fund: '',
    query: '',
    search: '--json --long --parseable',
  }),
  pnpm: {
    ...packageManager({
      exec: {
        opts: '-c --shell-mode --filter= -F= --recursive -r --parallel --workspace-root',
        stopAt: 'first-operand',
        operandsCarryCode: 'program',
      },
      dlx: {
        opts: '--package= --silent -s',
        stopAt: 'first-operand',
        operandsCarryCode: 'program',
        note: 'what it runs is judged as a command of its own (rules/supply.ts); `-c` (a shell line) is left out',
      },
      store: { subs: { path: '', status: '' } },
      // `pnpm <script>` runs a package.json script: the names scripts are usually given. (An unknown name that is no
      // script runs a program of that name, so the names are listed rather than any operand allowed.)
      'dev|lint|format|typecheck|type-check|check-types|check|preview|serve|e2e|storybook|generate|codegen|coverage|watch|prepare': `--filter= -F= --recursive -r --parallel --stream ${SCRIPT_ARGS}`,
    }),
    globals: `${NPM_GLOBALS} -r --recursive --filter= -F= --parallel --stream --aggregate-output --workspace-root --reporter= --no-bail --sequential --fail-if-no-match`,
    subOptional: false,
  },
  // For the learner: `yarn <name>` runs a script or, with no such script, a program of that name (`yarn dlx x`,
  // `yarn node x.js`), and `yarn workspace <ws> <command…>` runs a yarn command there: every operand carries code.
  yarn: {
    operandsCarryCode: 'all',
    ...packageManager({
      workspace: { stopAt: 'first-operand', operandsCarryCode: 'remote' },
      workspaces: { subs: { list: '--json -v --verbose', info: '--json' } },
    }),
    subOptional: true,
    note: '`yarn <script>` runs a package.json script',
  },
  npx: {
    opts: '-y --yes --no --no-install --ignore-existing -q --quiet --prefer-offline -p= --package= -w= --workspace= -c=shell --call=shell',
    stopAt: 'first-operand',
    operandsCarryCode: 'program',
    note: 'what it runs is judged as a command of its own (rules/supply.ts)',
  },
  bun: {
    globals: '--cwd= --silent --env-file= --bun --smol -c= --config= --no-install --prefer-offline -h --help',
    subOptional: true,
    opts: BUN_RUN,
    stopAt: 'first-operand',
    subs: {
      run: { opts: BUN_RUN, stopAt: 'first-operand' },
      test: '--watch --timeout= -t= --test-name-pattern= --coverage --coverage-reporter= --coverage-dir= --bail=? --rerun-each= --update-snapshots -u --only --todo --reporter= --reporter-outfile= --preload=load -r=load --only-failures --concurrent --randomize --seed= --max-concurrency= --pass-with-no-tests',
      build:
        '--outdir= --outfile=write --target= --minify --minify-syntax --minify-whitespace --minify-identifiers --sourcemap=? --splitting --external= -e= --format= --compile --watch --define= --entry-naming= --chunk-naming= --asset-naming= --root= --public-path= --no-bundle --packages= --env= --production --bytecode --conditions= --loader= --banner= --footer= --drop= --css-chunking --jsx-factory= --jsx-fragment= --jsx-import-source= --jsx-runtime= --emit-dce-annotations --tsconfig-override=',
      'install|i|add|a|update': { operandsCarryCode: 'all', opts: BUN_INSTALL },
      'remove|rm|link|unlink|outdated': BUN_INSTALL,
      // For the learner: `bun exec` runs a shell line, `bun create` a template package's program.
      exec: { command: 'shell' },
      'create|c': { stopAt: 'first-operand', operandsCarryCode: 'program' },
      pm: { subs: { 'ls|bin|hash|hash-string|hash-print|cache|whoami|version|view|why': '--all -g --json' } },
      init: '-y --yes -m --minimal -r --react=?',
      x: { opts: '--bun -p= --package= --no-install', stopAt: 'first-operand', operandsCarryCode: 'program' },
      upgrade: '--canary --stable',
      why: '--top --depth=',
      info: '--json',
      repl: '',
    },
  },
  tsc: TSC,
  tsx: {
    opts: `${NODE} --tsconfig= --no-cache --clear-screen=?`,
    stopAt: 'first-operand',
    subOptional: true,
    subs: {
      watch: { opts: `${NODE} --tsconfig= --no-cache --clear-screen=? --include= --exclude=`, stopAt: 'first-operand' },
    },
  },
  'ts-node': {
    opts: '--esm --transpile-only -T --typeCheck --swc -P= --project= --skipProject --cwdMode -O= --compilerOptions= -D= --ignoreDiagnostics= --files --pretty -H --compilerHost -v --version -h --help -e=code --eval=code -p=code --print=code -r=load --require=load',
    stopAt: 'first-operand',
  },
  vitest: { opts: VITEST, subOptional: true, subs: { 'run|watch|dev|related|bench|list': VITEST, init: '' } },
  jest: { opts: JEST },
  eslint: { opts: ESLINT },
  prettier: { opts: PRETTIER },
  biome: {
    globals: BIOME,
    subs: { 'check|lint|format|ci|search|explain|version|rage|migrate|clean': BIOME, init: '--jsonc' },
  },
  playwright: {
    subs: {
      test: PLAYWRIGHT_TEST,
      'show-report': '--host= --port=',
      'show-trace': '--host= --port= -b= --browser=',
      'merge-reports': '--reporter= --config= -c=',
      'clear-cache': '',
      '--version': '',
      // Browsers into Playwright's cache (the risk engine's supply rule rates the download). `install-deps` installs
      // system packages with sudo, and so does `install --with-deps`: left out.
      install: {
        opts: '--force --dry-run --only-shell --no-shell --list',
        operands: {
          match:
            /^(chromium|chromium-headless-shell|firefox|webkit|chrome|chrome-beta|msedge|msedge-beta|msedge-dev|ffmpeg)$/,
          why: 'a browser Playwright installs',
        },
      },
      uninstall: '--all',
    },
  },
  next: {
    subs: {
      'dev|build|start|lint|info|typegen':
        '-p= --port= -H= --hostname= --turbo --turbopack --webpack --experimental-https --debug --profile --no-lint --no-mangling --experimental-build-mode= -d= --dir= --keepAliveTimeout= --strict --fix --file= --max-warnings= --quiet --no-cache --debug-prerender --verbose',
    },
  },
  vite: {
    subOptional: true,
    globals:
      '--host=? --port= --open=? --strictPort --mode= -m= --config= -c= --base= --logLevel= -l= --clearScreen --force --debug=? -d=? --filter= -f= --cors --profile',
    subs: {
      'build|preview|optimize|dev|serve':
        '--outDir= --emptyOutDir --sourcemap=? --minify=? --watch -w --ssr=? --manifest=? --target= --assetsDir= --assetsInlineLimit= --app',
    },
  },
};
