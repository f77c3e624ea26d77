// JavaScript tools beyond js.ts: monorepo runners, bundlers, compilers, dev servers and frameworks' CLIs, mocha, and
// Deno. They build, test and serve the project's own code, which is their job. What is marked, or left out so that
// it stays unknown:
// - code loaded first: plugins, presets and modules required first (`=load`), a config written in code from
//   outside the project (`=check:projectcode`);
// - programs the tool runs for it: `tsup --onSuccess` and `nodemon --exec` are shell commands; `concurrently`
//   (each operand a shell line, which a table cannot keep apart) is left out;
// - what installs, publishes or listens beyond this machine (`nx add`, `ng deploy`, `expo --tunnel`, `--host`) is
//   left out.
import type { ShapeSource } from './spec.ts';

const DENO_PERMS =
  '-A --allow-all --allow-read=? --allow-write=? --allow-net=? --allow-env=? --allow-run=? --allow-ffi=? --allow-sys=? --allow-hrtime --allow-import=? ' +
  '-R=? -W=? -N=? -E=? -S=? -I=? --deny-read=? --deny-write=? --deny-net=? --deny-env=? --deny-run=? --deny-ffi=? --deny-sys=? --deny-import=? ' +
  '--no-prompt -P=? --permission-set=?';
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
const DEV_SERVER =
  '--port= -p= --open -o --no-open --strictPort --mode= --config=check:projectcode --root= --base= --force --debug --silent --verbose --logLevel= --clearScreen --outDir= --watch -w';

export const JS_TOOL_SHAPES: Record<string, ShapeSource | string> = {
  turbo: {
    globals: '--cwd= --color --no-color --no-update-notifier --help -h --version',
    subs: {
      run: { opts: TURBO_RUN, note: "tasks are turbo.json's own" },
      'build|test|lint|dev|typecheck|check-types|type-check|format|start|clean|e2e|check': TURBO_RUN,
      'ls|query|info|daemon': '--filter= -F= --output= --affected',
      prune: '--docker --out-dir= --scope= --use-gitignore',
    },
    note: 'login, link and unlink (remote cache credentials) are left out',
  },
  nx: {
    subs: {
      'run|run-many|affected|build|test|lint|serve|e2e|dev|typecheck|format:check|show|graph|reset|report|list|daemon|sync:check':
        NX,
    },
    note: '`nx g` (generators), `nx migrate`, `nx add` and `nx release` are left out',
  },
  lerna: {
    globals: '--loglevel= --concurrency= --no-progress --no-sort --reject-cycles --help -h --version',
    subs: {
      run: '--scope= --ignore= --stream --parallel --no-bail --since=? --include-dependencies --include-dependents --no-prefix --profile --skip-nx-cache',
      'ls|list|la|ll|changed|diff|info':
        '--json --all -a --long -l --parseable -p --toposort --graph --ndjson --since=? --scope= --ignore= --include-merged-tags --conventional-graduate',
    },
    note: '`lerna exec` (a command in every package) and `lerna publish` are left out',
  },
  changeset: {
    subOptional: true,
    maxOperands: 0,
    opts: '--empty --since= --verbose --output=write --help --version',
    subs: {
      add: '--empty --open',
      status: '--verbose --output=write --since=',
      version: '--snapshot=? --ignore= --no-git-tag',
      init: '',
      pre: { subs: { 'enter|exit': '' } },
    },
    note: '`changeset publish` is judged by the publishing rules',
  },
  webpack: {
    subOptional: true,
    opts: WEBPACK,
    subs: {
      'build|bundle|b|watch|w': WEBPACK,
      'serve|server|s': `${WEBPACK} --port= --hot=? --no-hot --live-reload --no-live-reload --open=? --no-open --history-api-fallback --compress --static=`,
      'info|i|version|v|configtest|t': '--output= --additional-package=',
    },
  },
  'webpack-cli': {
    subOptional: true,
    opts: WEBPACK,
    subs: { 'build|bundle|b|watch|w': WEBPACK, 'info|i|version|v|configtest|t': '--output=' },
  },
  rollup:
    '-c=check:projectcode --config=check:projectcode -i= --input= -o=write --file=write -d= --dir= -f= --format= -n= --name= -w --watch --sourcemap=? -m=? --silent --environment= -e= --external= -g= --globals= --bundleConfigAsCjs --failAfterWarnings --validate --no-treeshake --compact --minifyInternalExports --preserveModules --strict --no-strict --banner= --footer= --intro= --outro= -v --version -h --help --forceExit --perf --no-stdin --filterLogs= --logLevel= -p=load --plugin=load --configPlugin=load',
  esbuild:
    '--bundle --outfile=write --outdir= --minify --sourcemap=? --platform= --format= --target= --external:*=? --loader:*=? --define:*=? --watch=? --servedir= --splitting ' +
    '--metafile=write --analyze=? --log-level= --jsx=? --jsx-factory= --jsx-fragment= --jsx-import-source= --tsconfig= --tsconfig-raw= --main-fields= --packages= --alias:*=? ' +
    '--entry-names= --chunk-names= --asset-names= --public-path= --keep-names --legal-comments= --charset= --tree-shaking= --drop:*=? --pure:*=? --inject:*=? --banner:*=? ' +
    '--footer:*=? --out-extension:*=? --allow-overwrite --color= --version --help -h --log-limit= --conditions= --resolve-extensions= --minify-whitespace --minify-identifiers ' +
    '--minify-syntax --global-name= --line-limit= --ignore-annotations --preserve-symlinks --sources-content= --source-root= --outbase= --log-override:*=? --supported:*=? --mangle-props= --drop-labels=',
  tsup: '--format= -d= --out-dir= --dts=? --dts-resolve --dts-only --sourcemap=? --minify=? --watch=? -w --clean --target= --platform= --splitting --no-splitting --treeshake=? --external= --noExternal= --env.*=? --define.*=? --no-config --tsconfig= --entry.*=? --legacy-output --global-name= --shims --cjsInterop --silent --metafile --public-dir=? --experimental-dts --version -v --help -h --bundle --keep-names --jsxFactory= --jsxFragment= --loader= --inject= --killSignal= --config=check:projectcode --onSuccess=shell',
  babel:
    '-d= --out-dir= -o=write --out-file=write -w --watch -s=? --source-maps=? --extensions= -x= --ignore= --only= --copy-files --no-copy-ignored --no-babelrc --env-name= --root-mode= --relative --keep-file-extension --out-file-extension= --verbose --quiet -q --version -V --help -h --source-type= --filename= -f= --config-file=check:projectcode --presets=load --plugins=load',
  swc: '-d= --out-dir= -o=write --out-file=write -w --watch -s=? --source-maps=? --no-swcrc --extensions= --ignore= --only= --copy-files -D --include-dotfiles --strip-leading-paths --quiet -q --sync --log-watch-compilation --env-name= -V --version -h --help --out-file-extension= --config-file=check:projectcode --cli-config-file=check:projectcode',
  nodemon: {
    opts: '--watch= -w= --ext= -e= --ignore= -i= --delay= -d= --signal= -s= -q --quiet -V --verbose --legacy-watch -L --polling-interval= -P= --no-colors -C --on-change-only --spawn --no-stdin --no-update-notifier -I --cwd= --dump -v --version -h --help --config=check:projectcode -x=shell --exec=shell -r=load --require=load',
    stopAt: 'first-operand',
  },
  pm2: {
    subs: {
      'list|ls|l|status|jlist|prettylist|describe|desc|info|show|logs|log|monit|env|id|pid|ping|report':
        '--json --lines= --raw --nostream --timestamp=? --err --out --format --highlight= --sort= --mini-list -m',
    },
    note: 'start, stop, restart, delete and kill start or end processes: left out',
  },
  storybook: {
    subs: {
      dev: '-p= --port= --ci --no-open --quiet --smoke-test --no-manager-cache --debug-webpack --disable-telemetry --exact-port --initial-path= -c=check:projectcode --config-dir= --docs --loglevel= --preview-url= --no-version-updates',
      build:
        '-o= --output-dir= --quiet --docs --test --webpack-stats-json=? --stats-json=? --disable-telemetry -c= --config-dir= --loglevel= --preview-url=',
    },
    note: 'init, add, upgrade and automigrate install packages: left out',
  },
  astro: {
    subs: { 'dev|build|preview|check|sync|info|docs': `${DEV_SERVER} --site= --watch --minify --fix` },
    note: '`--host` (listening beyond this machine) and `astro add` are left out',
  },
  nuxt: {
    subs: {
      'dev|build|generate|preview|typecheck|info|analyze|prepare|cleanup':
        '--port= -p= --open -o --dotenv= --envName= --no-fork --cwd= --log-level= --logLevel= --prerender --preset= --no-clear --clear -q --quiet',
    },
  },
  nuxi: {
    subs: {
      'dev|build|generate|preview|typecheck|info|analyze|prepare|cleanup':
        '--port= -p= --open -o --dotenv= --envName= --no-fork --cwd= --log-level= --logLevel= --prerender --preset= --no-clear --clear -q --quiet',
    },
  },
  'svelte-kit': { subs: { sync: '' } },
  'svelte-check':
    '--workspace= --output= --watch --preserveWatchOutput --tsconfig= --no-tsconfig --threshold= --ignore= --fail-on-warnings --compiler-warnings= --diagnostic-sources= --color --no-color',
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
      start:
        '--clear -c --dev-client --go --android -a --ios -i --web -w --offline --port= -p= --localhost --https --max-workers= --no-dev --minify --scheme=',
      export:
        '--platform= -p= --output-dir= --dev --clear -c --dump-sourcemap --source-maps --max-workers= --no-minify',
      'lint|doctor|customize|config': '--type= --full --json --fix',
      prebuild: '--clean --no-install --platform= -p= --skip-dependency-update= --template=',
      'run:ios|run:android':
        '--device=? -d=? --no-build-cache --no-install --no-bundler --configuration= --variant= --port= --scheme=',
    },
    note: '`--tunnel`/`--lan` (reachable from elsewhere), `expo install`, login and publishing are left out',
  },
  'react-native': {
    subs: {
      start:
        '--port= --reset-cache --verbose --max-workers= --custom-log-reporter-path= --no-interactive --client-logs',
      'run-ios|run-android':
        '--simulator= --device=? --udid= --mode= --configuration= --scheme= --no-packager --port= --verbose --list-devices --active-arch-only --variant= --tasks= --binary-path=',
      bundle:
        '--entry-file= --platform= --dev= --minify= --bundle-output= --assets-dest= --sourcemap-output= --reset-cache',
      'doctor|info|config': '--fix --json',
    },
  },
  mocha: {
    opts: '--reporter= -R= --timeout= -t= --recursive --watch -w --grep= -g= --fgrep= -f= --invert -i --bail -b --exit --spec= --extension= --ignore= --file= --parallel -p --jobs= -j= --retries= --slow= -s= --forbid-only --forbid-pending --full-trace --inline-diffs --check-leaks --colors -c --no-colors -C --package= --ui= -u= --reporter-option= -O= --sort -S --dry-run --fail-zero --list-files --list-reporters --list-interfaces --diff --no-diff --version -V --help -h --allow-uncaught --async-only -A --delay --enable-source-maps --config=check:projectcode -r=load --require=load --loader=load',
    note: '--node-option (options for node, such as --require) is left out',
  },

  // Deno (its own rule judges code from a URL; permissions are the user's choice, as with node)
  deno: {
    globals:
      '-q --quiet --log-level= --unstable --unstable-*=? -c= --config= --no-config --import-map= --lock=? --frozen=? --no-lock --node-modules-dir=? --vendor=? -r --reload=? --cached-only --no-remote --no-npm --cert= --location= --seed= --v8-flags=? --env-file=? --no-check=? --check=? --ext= --conditions= -h --help',
    note: '`deno` alone is a REPL that runs what its input says, so a subcommand is required',
    subs: {
      run: {
        opts: `${DENO_PERMS} --watch=? --watch-exclude= --no-clear-screen --inspect=? --inspect-brk=? --inspect-wait=? --tunnel=? --coverage=?`,
        stopAt: 'first-operand',
      },
      test: `${DENO_PERMS} --filter= --coverage=? --doc --parallel --fail-fast=? --shuffle=? --reporter= --junit-path=write --trace-leaks --trace-ops --clean --hide-stacktraces --no-run --permit-no-files --watch=? --no-clear-screen --inspect=? --inspect-brk=? --ignore=`,
      bench: `${DENO_PERMS} --filter= --json --no-run --permit-no-files --watch=? --ignore=`,
      fmt: '--check --ext= --ignore= --indent-width= --line-width= --no-semicolons --prose-wrap= --single-quote --use-tabs --watch=? --no-clear-screen --permit-no-files --unstable-component --unstable-sql',
      lint: '--fix --rules --rules-tags= --rules-include= --rules-exclude= --json --compact --ignore= --watch=? --permit-no-files',
      check: '--all --doc --doc-only --remote',
      task: {
        opts: '--cwd= -f= --filter= -r --recursive --eval',
        stopAt: 'first-operand',
        note: "the project's own tasks (deno.json)",
      },
      'info|doc': '--json --html --lint --name= --output= --private --filter=',
      compile: `${DENO_PERMS} -o=write --output=write --target= --include= --exclude= --icon= --no-terminal --self-extracting`,
      coverage: '--include= --exclude= --lcov --html --detailed --output=write',
      eval: {
        opts: `${DENO_PERMS} -p --print --ext=`,
        maxOperands: 1,
        operandsCarryCode: 'all',
        note: 'the code is read by the language readers',
      },
      types: '',
      outdated: '--compatible --recursive -r --latest --filter=',
    },
  },
};
