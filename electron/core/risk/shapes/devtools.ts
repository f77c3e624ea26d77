// Tools around a project's code, whatever its language: linters and formatters (shell, Docker, CI, docs, styles,
// unused code and dependencies, clang-format and clang-tidy), Go tools and goreleaser, site generators and document
// tools, code generators (protoc, buf, sqlc), task runners, version managers and editors. What is marked, or left
// out so that it stays unknown:
// - code loaded first: plugins, rules and parser presets (`=load`), a config or task file written in code from
//   outside the project (`=check:projectcode`);
// - programs the tool runs for it: `actionlint -shellcheck`, `protoc --plugin`, `latexmk -e`, `clang-tidy --load`:
//   left out;
// - settings that name programs: `just`/`task` `NAME=value` operands: left out;
// - what trusts or installs code from elsewhere (`direnv allow`, `mise trust`, `asdf plugin add`, `code
//   --install-extension`): left out; installs are judged by rules/supply.ts.
import { HELP } from './common.ts';
import { NO_ARGFILE } from './compiled.ts';
import type { ShapeSource } from './spec.ts';

const GOLANGCI_RUN =
  '-c= --config= --no-config --default= -E= --enable= -D= --disable= --enable-only= --fast --fast-only -p= --presets= --timeout= --tests=? ' +
  '--build-tags= --modules-download-mode= --issues-exit-code= --out-format= --output.*=? --print-issued-lines=? --print-linter-name=? ' +
  '--sort-results --new --new-from-rev= --new-from-patch= --new-from-merge-base= --whole-files --fix --max-issues-per-linter= --max-same-issues= ' +
  '--uniq-by-line=? --show-stats=? -j= --concurrency= --allow-parallel-runners --allow-serial-runners --path-prefix= --path-mode= -v --verbose ' +
  `--color= --skip-dirs= --skip-files= --exclude= --exclude-use-default=? --exclude-dirs= --exclude-files= --go= ${HELP}`;
const HUGO =
  '--minify --gc -D --buildDrafts -E --buildExpired -F --buildFuture -d= --destination= -s= --source= -b= --baseURL= -e= --environment= --cleanDestinationDir --config= ' +
  '--configDir= --contentDir= --themesDir= -t= --theme= --cacheDir= --logLevel= --quiet --verbose -v --debug --templateMetrics --templateMetricsHints --printI18nWarnings ' +
  '--printPathWarnings --printUnusedTemplates --panicOnWarning --renderToMemory --ignoreCache --noBuildLock --enableGitInfo --forceSyncStatic --noChmod --noTimes -w --watch ' +
  '--poll= --disableKinds= --layoutDir= -c= -M --printMemoryUsage -h --help';
const VSCODE = {
  opts: '-n --new-window -r --reuse-window -g --goto -d --diff -m --merge -a --add -w --wait --locale= -v --version -h --help -s --status --list-extensions --show-versions --category= --disable-extensions --disable-gpu --verbose --log= --profile=',
  operands: {
    match: /^(?!(tunnel|serve-web|chat)$)/,
    why: 'that is a subcommand (a tunnel, a web server, a chat) rather than a file to open',
  },
  note: '--install-extension, --uninstall-extension, --extensions-dir and --user-data-dir are left out',
} satisfies ShapeSource;
const NVM_LIST = '--no-colors --no-alias --lts=? -s --silent';

export const DEV_TOOL_SHAPES: Record<string, ShapeSource | string> = {
  // Hooks and commit checks
  'pre-commit': {
    globals: '-h --help -V --version --color=',
    subs: {
      run: {
        opts: '--all-files -a --files= --hook-stage= --from-ref= --to-ref= -s= -o= --source= --origin= --show-diff-on-failure -v --verbose -c=check:projectcode --config=check:projectcode',
        operands: { match: /^[\w.-]+$/, why: 'a hook is named by its id' },
      },
      'validate-config|validate-manifest|sample-config|help|clean|gc': '',
    },
    note: "install (writes git hooks), autoupdate and try-repo (another repository's hooks) are left out",
  },
  commitlint:
    '--from= --to= --edit=? -e=? --last --verbose -V --cwd= -d= --color --no-color -c --print-config=? --strict --help -h --version -v --help-url= -H= --config=check:projectcode -g=check:projectcode -x=load --extends=load -p=load --parser-preset=load',
  'lint-staged':
    '--allow-empty --concurrent= -p= --cwd= --debug -d --diff= --diff-filter= --max-arg-length= --no-stash --no-hide-partially-staged --quiet -q --relative -r --verbose -v --version -V --help -h --fail-on-changes --continue-on-error --hide-unstaged --no-revert -c=check:projectcode --config=check:projectcode',
  // Shell, Docker, CI and docs linters
  shellcheck:
    '-a --check-sourced -C=? --color=? -e= --exclude= -f= --format= -i= --include= -o= --enable= -P= --source-path= -s= --shell= -S= --severity= -W= --wiki-link-count= -x --external-sources --norc --rcfile= -V --version --list-optional --extended-analysis=? -h --help',
  shfmt:
    '-l -w -d -s -i= -bn -ci -sr -kp -fn -ln= -p -mn -f -tojson --to-json -filename= --filename= --version -h --help --diff --list --write --simplify --indent= --binary-next-line --case-indent --space-redirects --keep-padding --func-next-line --language-dialect= --minify --find --apply-ignore',
  hadolint:
    '--config= -c= --format= -f= --ignore= --no-fail --no-color --strict-labels --failure-threshold= -t= --trusted-registry= --require-label= --disable-ignore-pragma -V --version -v --verbose --info= --warning= --error= --style= --file-path-in-report= -h --help',
  actionlint: {
    singleDash: true,
    opts: '-color -no-color -oneline -format= -ignore= -config-file= -init-config -verbose -debug -version -stdin-filename= -h -help',
    note: '-shellcheck and -pyflakes name programs to run: left out',
  },
  markdownlint:
    '--ignore= -i= --config= -c= --fix -f --json -j --output=write -o=write --dot -d --stdin -s --ignore-path= -p= --enable= --disable= --quiet -q --version -V --help -h -r=load --rules=load',
  'markdownlint-cli2': '--fix --help --no-globs --config=check:projectcode --format',
  stylelint:
    '--fix --config= -c= --config-basedir= --ignore-path= -i= --ignore-pattern= --ip= --custom-syntax= --formatter= -f= --quiet -q --quiet-deprecation-warnings --color --no-color --report-needless-disables --rd --report-invalid-scope-disables --risd --report-descriptionless-disables --rdd --max-warnings= --mw= --output-file=write -o=write --print-config= --cache --cache-location= --cache-strategy= --allow-empty-input --aei --version -v --help -h --stdin-filename= --ignore-disables --id --disable-default-ignores --di --custom-formatter=load',
  knip: '--production --strict --fix --fix-type= --allow-remove-files --include= --exclude= --reporter= --no-progress --no-exit-code --max-issues= --workspace= -W= --directory= --config= -c= --tsConfig= -t= --dependencies --exports --files --cache --watch --debug --performance --isolate-workspaces --include-entry-exports --include-libs --no-gitignore --treat-config-hints-as-errors --no-config-hints --version -V --help -h',
  depcheck:
    '--ignores= --ignore-dirs= --ignore-patterns= --skip-missing --json --oneline --detailed --specials= --version --help --quiet',
  madge:
    '--circular -c --extensions= --exclude= --ts-config= --webpack-config= --require-config= --json -j --summary -s --depends= -d= --orphans --leaves --warning --no-color --no-spinner --no-count --version -V --help -h --basedir= -b= --include-npm --layout= --rankdir= --dot',
  cloc: '--by-file --by-file-by-lang --exclude-dir= --exclude-ext= --exclude-lang= --include-ext= --include-lang= --json --yaml --csv --md --quiet --hide-rate --progress-rate= --match-f= --not-match-f= --match-d= --not-match-d= --fullpath --skip-uniqueness --no-autogen --git --diff --sum-reports --report-file=write --out=write --list-file= --exclude-list-file= --timeout= --processes= --follow-links --version --help --show-lang=? --show-ext=? --3 --max-file-size=',
  // Go tools (build.ts has go and gofmt)
  'golangci-lint': {
    subs: {
      run: GOLANGCI_RUN,
      linters: '-c= --config= --no-config -E= --enable= -D= --disable= --json',
      version: '--format= --debug --short',
      config: { subs: { 'path|verify': '-c= --config= --schema=' } },
      fmt: '--diff -d --stdin -E= --enable= -c= --config= --no-config',
      cache: { subs: { status: '' } },
      help: '',
    },
  },
  staticcheck: {
    singleDash: true,
    opts: '-checks= -f= -fail= -tags= -go= -show-ignored -tests=? -version -debug.version -explain= -matrix -merge -list-checks -h -help',
  },
  govulncheck: { singleDash: true, opts: '-json -format= -mode= -scan= -show= -tags= -test -C= -db= -version -h' },
  goreleaser: {
    globals: '--verbose --debug -h --help -v --version',
    subs: {
      release:
        '--snapshot --clean --rm-dist --skip= --skip-publish --skip-validate --skip-sign --skip-announce --skip-docker --skip-before --parallelism= -p= --timeout= --release-notes= --draft --fail-fast --single-target --id= --auto-snapshot -f=check:projectcode --config=check:projectcode',
      build:
        '--snapshot --clean --rm-dist --single-target --id= --output=write -o=write --skip= --timeout= -p= --parallelism= --auto-snapshot -f=check:projectcode --config=check:projectcode',
      'check|healthcheck|jsonschema': '-q --quiet --deprecated -o= -f=check:projectcode --config=check:projectcode',
    },
    note: 'without --snapshot, release publishes: judged by the publishing rules',
  },
  // Site generators and documents
  hugo: {
    subOptional: true,
    opts: HUGO,
    maxOperands: 0,
    subs: {
      'server|serve': `${HUGO} --port= -p= --navigateToChanged --disableFastRender --disableLiveReload --liveReloadPort= --appendPort=? --openBrowser -O --renderStaticToDisk`,
      'version|env|config': '',
      list: { subs: { 'all|drafts|expired|future|published': '' } },
      new: {
        subOptional: true,
        opts: '-f= --format= -k= --kind= --force',
        subs: { 'site|theme|content': '-f= --format= -k= --kind= --force' },
      },
    },
    note: '`--bind` (listening beyond this machine) and `hugo deploy` are left out',
  },
  jekyll: {
    subs: {
      'build|b':
        '--config= -d= --destination= -s= --source= --future --limit_posts= --watch -w --force_polling -b= --baseurl= --lsi --drafts -D --unpublished --disable-disk-cache -q --quiet -V --verbose --trace -t --strict_front_matter --incremental -I --profile --safe',
      'serve|s|server':
        '--config= -d= --destination= -s= --source= --future --watch -w --drafts -D --unpublished -q --quiet -V --verbose --trace -t --incremental -I --safe --port= -P= --livereload -l --open-url -o --skip-initial-build --no-watch -b= --baseurl=',
      'doctor|hyde': '--config=',
    },
  },
  zola: {
    globals: '-r= --root= -c= --config=',
    subs: {
      build: '--base-url= -u= -o= --output-dir= --force -f --drafts --minify',
      serve: '--port= -p= --open -O --drafts --fast -f --no-port-append --base-url= -u= -o= --output-dir=',
      check: '--drafts --skip-external-links',
      init: '--force',
    },
  },
  pandoc:
    '-f= --from= -r= --read= -t= --to= -w= --write= -o=write --output=write -s --standalone --toc --table-of-contents --toc-depth= -N --number-sections --template= --css= -c= --metadata= -M= --variable= -V= --citeproc --bibliography= --csl= --highlight-style= --syntax-highlighting= --wrap= --columns= --reference-doc= --resource-path= --self-contained --embed-resources --extract-media= --shift-heading-level-by= --number-offset= --eol= --dpi= --tab-stop= --preserve-tabs --strip-comments --verbose --quiet --fail-if-warnings --list-input-formats --list-output-formats --list-extensions=? --list-highlight-styles --list-highlight-languages --version -v --help -h --mathjax=? --katex=? --html-q-tags --ascii --reference-links --markdown-headings= --top-level-division= --sandbox --no-highlight --trace',
  typst: {
    subs: {
      'compile|c|watch|w':
        '--root= --font-path= --format= -f= --ppi= --pages= --input= --diagnostic-format= --make-deps=write --pdf-standard= --jobs= -j= --ignore-system-fonts --creation-timestamp= --features= --package-path= --package-cache-path=',
      query: '--root= --field= --one --format= --pretty --input=',
      fonts: '--variants --font-path= --ignore-system-fonts',
      init: '',
    },
    globals: '-h --help -V --version --color=',
    note: '`--open` (a viewer it starts) and `typst update` are left out',
  },
  latexmk: {
    singleDash: true,
    opts: '-pdf -pdflua -pdfxe -xelatex -lualatex -dvi -ps -c -C -f -g -quiet -silent -interaction= -outdir= -output-directory= -auxdir= -aux-directory= -jobname= -synctex= -no-shell-escape -halt-on-error -file-line-error -bibtex -nobibtex -bibtex-cond -pv -view= -verbose -time -version -help -norc -cd -recorder',
    note: '-shell-escape, -e and -r (Perl code), -latex=/-pdflatex= (programs to run) are left out',
  },
  protoc: {
    opts: '-I= --proto_path= --cpp_out= --java_out= --python_out= --pyi_out= --go_out= --go-grpc_out= --go_opt= --go-grpc_opt= --js_out= --ts_out= --ts_opt= --csharp_out= --ruby_out= --php_out= --objc_out= --kotlin_out= --rust_out= --grpc_out= --dart_out= --swift_out= --descriptor_set_out=write -o=write --include_imports --include_source_info --experimental_allow_proto3_optional --version --help -h --error_format= --fatal_warnings --print_free_field_numbers --decode_raw',
    operands: NO_ARGFILE,
    note: '--plugin (a program to run) and @files are left out',
  },
  buf: {
    globals: '--debug -v --verbose --log-format= --timeout= -h --help --version',
    subs: {
      'lint|build|generate|format|breaking|ls-files|export|convert':
        '--path= --exclude-path= --config= --template= -o= --output= --error-format= --against= --diff -d --write -w --exit-code --include-imports --include-wkt --exclude-imports --disable-symlinks --limit-to-input-files',
      dep: { subs: { 'update|prune|graph': '--only=' } },
      config: { subs: { 'init|ls-lint-rules|ls-breaking-rules|migrate': '' } },
    },
    note: '`buf push` and `buf registry` are left out',
  },
  sqlc: {
    globals: '-f= --file= --no-remote --experimental -h --help',
    subs: { 'generate|vet|compile|diff|version|init': '' },
    note: '`sqlc push`, `sqlc verify` and `sqlc upload` send the project to a server: left out',
  },
  'clang-format': {
    singleDash: true,
    opts: '-i -n --dry-run -style= --style= -Werror --Werror --version -version -dump-config --dump-config -assume-filename= --assume-filename= -fallback-style= --fallback-style= -sort-includes --sort-includes -lines= --lines= -offset= --offset= -length= --length= -verbose --verbose -files= --files= -output-replacements-xml --ferror-limit= -ferror-limit= -help --help -cursor= -qualifier-alignment= -Wno-error=? -fno-color-diagnostics -fcolor-diagnostics',
  },
  'clang-tidy': {
    singleDash: true,
    opts: '-checks= --checks= -p= --p= -fix --fix -fix-errors --fix-errors -fix-notes -format-style= --format-style= -header-filter= --header-filter= -quiet --quiet -warnings-as-errors= --warnings-as-errors= -export-fixes=write --export-fixes=write -list-checks --list-checks -explain-config -dump-config --dump-config -config= --config= -config-file= --config-file= -extra-arg= --extra-arg= -extra-arg-before= --extra-arg-before= -system-headers -use-color -store-check-profile= -vfsoverlay= --version -version -help --help -line-filter= -exclude-header-filter= --exclude-header-filter= -allow-no-checks --allow-no-checks',
    note: '--load (a plugin) is left out; -extra-arg options reach the compiler (its -fplugin) and are plain only because clang-tidy does not load plugins from them',
  },
  // Task runners
  just: {
    opts: '-l --list -n --dry-run --summary --show= -s= --dump --dump-format= --evaluate --variables --fmt --check --unstable --unsorted -u --list-heading= --list-prefix= -q --quiet -v --verbose --color= --highlight --no-highlight --timestamp --yes --explain --groups --no-deps --one --version -V -h --help -d= --working-directory= -f=check:projectcode --justfile=check:projectcode',
    operands: { match: /^[^=]*$/, why: 'a `NAME=value` given to just replaces a variable its recipes use' },
    note: '--set, --shell, --command (-c) and --choose are left out',
  },
  task: {
    opts: '-l --list -a --list-all -n --dry -f --force -p --parallel -s --silent -v --verbose -d= --dir= -w --watch -C= --concurrency= -x --exit-code --summary -o= --output= --output-group-begin= --output-group-end= --status -y --yes --version --help -h --json --sort= --interval= -I= --no-status --taskfile=check:projectcode -t=check:projectcode',
    operands: { match: /^[^=]*$/, why: 'a `NAME=value` given to task sets a variable its commands use' },
    note: '--global (a Taskfile in the home) is left out',
  },
  // Version managers: listing and switching for this shell or project; installs judged by rules/supply.ts
  nvm: {
    subOptional: true,
    maxOperands: 0,
    opts: '--version --help',
    subs: {
      'ls|list|current|ls-remote|list-remote|version|version-remote|which': NVM_LIST,
      use: '--lts=? --silent -s --delete-prefix --save',
      'install|i|uninstall':
        '--lts=? --latest-npm --reinstall-packages-from= --default --no-progress -s --skip-default-packages -b --save',
      help: '',
    },
  },
  fnm: {
    globals:
      '--log-level= --arch= --version-file-strategy= --corepack-enabled --resolve-engines=? --node-dist-mirror= --fnm-dir= -h --help -V --version',
    subs: {
      'list|ls|current|list-remote|ls-remote': '--lts=? --filter= --latest --sort=',
      use: '--install-if-missing --silent-if-unchanged',
      'install|uninstall': '--lts --latest --progress=',
      env: '--shell= --use-on-cd --json',
      completions: '--shell=',
    },
  },
  volta: {
    globals: '--verbose --quiet -h --help -v --version',
    subs: { 'list|ls': '--format= --current -c --default -d', which: '', 'install|pin|fetch': '' },
  },
  pyenv: {
    subOptional: true,
    maxOperands: 0,
    opts: '--version',
    subs: {
      'versions|version|which|whence|root|prefix|commands|version-name|version-file|help|latest|init':
        '--bare --skip-aliases --known -q --path',
      'local|shell': '--unset',
      'install|uninstall': '-l --list -f --force -s --skip-existing -v --verbose -k --keep -g --debug',
    },
  },
  rbenv: {
    subOptional: true,
    maxOperands: 0,
    opts: '--version',
    subs: {
      'versions|version|which|whence|root|prefix|commands|version-name|version-file|help|init|rehash':
        '--bare --skip-aliases',
      'local|shell': '--unset',
      'install|uninstall': '-l --list -L --list-all -f --force -s --skip-existing -v --verbose -k --keep',
    },
  },
  asdf: {
    subs: {
      'list|current|where|which|info|version|--version|latest|help': '--all',
      'install|uninstall': '',
      'local|set': '--parent -p --home -u',
      plugin: { subs: { 'list|ls': '--urls --refs' } },
    },
    note: '`asdf plugin add` (code from a repository) and `asdf global` are left out',
  },
  mise: {
    globals:
      '-C= --cd= -E= --env= -j= --jobs= -q --quiet -v --verbose -y --yes --raw --no-config -h --help -V --version',
    subs: {
      'ls|list|current|where|which|version|doctor|env|ls-remote|outdated|settings|config':
        '--current -c --installed -i --missing -m --json -J --prefix= --global -g --local -l --all --bump -s --shell= --plugin= --no-header',
      'install|i|use|u|upgrade|up':
        '--force -f --dry-run -n --pin --fuzzy --global -g --env= -e= --path= -p= --interactive -i --bump',
      tasks: { subs: { 'ls|list|info|deps': '--json --hidden --no-header -x --extended --sort=' } },
      'run|r': {
        opts: '-n --dry-run -f --force -p --prefix -i --interleave -o= --output= -j= --jobs= -t= --tool=',
        stopAt: 'first-operand',
        note: "the project's own tasks (mise.toml)",
      },
    },
    note: '`mise trust` (lets a config run code) and `mise exec` (read by the parser) are left out',
  },
  direnv: {
    subs: { 'status|version|hook|export|help': '--json' },
    note: '`direnv allow` trusts an .envrc, which then runs in every shell that enters the directory: left out',
  },
  // Editors (the rest are in system.ts)
  codium: VSCODE,
  'code-insiders': VSCODE,
};
