// The programs Gatehouse knows to be ordinary: ones that only read, and the build, test, lint and run
// tools of every common toolchain. A program in neither list and without a rule of its own is unknown,
// which is medium: Gatehouse fails closed on what it has never seen.

/** Programs that only read (given arguments that are not themselves a concern, which other rules check). */
export const READ_ONLY = new Set([
  // files and text
  'ls', 'll', 'la', 'dir', 'exa', 'eza', 'lsd', 'cat', 'bat', 'batcat', 'less', 'more', 'most', 'view', 'head', 'tail', 'grep', 'egrep',
  'fgrep', 'rg', 'ag', 'ack', 'ugrep', 'sift', 'find', 'fd', 'fdfind', 'locate', 'plocate', 'mdfind', 'tree', 'pwd', 'echo', 'printf',
  'wc', 'sort', 'uniq', 'cut', 'paste', 'join', 'comm', 'column', 'tr', 'nl', 'fold', 'fmt', 'expand', 'unexpand', 'awk', 'gawk', 'mawk',
  'nawk', 'diff', 'diff3', 'sdiff', 'cmp', 'colordiff', 'icdiff', 'difft', 'delta', 'file', 'stat', 'du', 'dust', 'df', 'duf', 'which',
  'whereis', 'type', 'command', 'man', 'apropos', 'whatis', 'help', 'info', 'tldr', 'jq', 'yq', 'xq', 'gron', 'fx', 'jless', 'xxd',
  'hexdump', 'od', 'strings', 'basename', 'dirname', 'realpath', 'readlink', 'namei', 'pathchk', 'test', '[', '[[', 'true', 'false',
  ':', 'md5sum', 'sha1sum', 'sha224sum', 'sha256sum', 'sha384sum', 'sha512sum', 'b2sum', 'shasum', 'md5', 'cksum', 'tac', 'rev', 'seq',
  'yes', 'zcat', 'zless', 'zgrep', 'zdiff', 'xzcat', 'bzcat', 'zstdcat', 'lz4cat', 'zipinfo', 'base32', 'base64', 'iconv', 'csvlook',
  'csvstat', 'xsv', 'qsv', 'sqlformat', 'tokei', 'cloc', 'scc', 'glow', 'mdcat', 'lsattr', 'getfacl', 'xmllint', 'tidy', 'ctags',
  'identify', 'ffprobe', 'mediainfo', 'exiftool', 'pdfinfo', 'pdftotext', 'numfmt', 'factor', 'units', 'look', 'tsort', 'ptx', 'pr',
  'csvcut', 'csvgrep', 'csvjson', 'in2csv', 'csvsort', 'fzf', 'ncdu', 'hexyl', 'tig', 'gitk', 'stern', 'dive', 'ctop', 'mdls', 'say',
  'pidstat', 'dstat', 'nload', 'iftop', 'bmon', 'speedtest', 'whatis', 'lsns', 'lslocks', 'lsipc',
  // the machine
  'date', 'cal', 'whoami', 'logname', 'id', 'groups', 'getent', 'uname', 'arch', 'hostname', 'uptime', 'w', 'who', 'last', 'lastlog',
  'finger', 'users', 'ps', 'pgrep', 'pidof', 'pstree', 'pwdx', 'top', 'htop', 'btop', 'atop', 'glances', 'free', 'vmstat', 'iostat',
  'mpstat', 'pidstat', 'sar', 'nproc', 'getconf', 'locale', 'lsblk', 'blkid', 'findmnt', 'lsmod', 'modinfo', 'dmesg', 'lscpu', 'lsusb',
  'lspci', 'lshw', 'hwinfo', 'inxi', 'neofetch', 'fastfetch', 'sensors', 'nvidia-smi', 'lsb_release', 'sw_vers', 'system_profiler',
  'ioreg', 'vm_stat', 'lsof', 'netstat', 'ss', 'ping', 'ping6', 'dig', 'nslookup', 'host', 'whois', 'traceroute', 'tracepath', 'mtr',
  'ifconfig', 'iwconfig', 'arp', 'route', 'pg_isready', 'ldd', 'otool', 'nm', 'objdump', 'readelf', 'size', 'javap', 'apt-cache',
  'dpkg-query', 'apt-file', 'tty', 'tput', 'clear', 'reset', 'stty',
  // shell built-ins that change only the shell itself
  'cd', 'pushd', 'popd', 'dirs', 'alias', 'unalias', 'hash', 'local', 'read', 'readarray', 'mapfile', 'shift', 'return', 'exit',
  'break', 'continue', 'getopts', 'trap', 'ulimit', 'umask', 'jobs', 'fg', 'bg', 'disown', 'times', 'shopt', 'setopt', 'unsetopt',
  'unset', 'typeset', 'let', 'expr', 'bc', 'dc', 'compgen', 'complete', 'wait', 'sleep', 'caller', 'enable', 'bind', 'fc', 'autoload',
  'zmodload', 'rehash', 'source-highlight', 'Write-Output', 'Write-Host',
  // opening and copying to the clipboard; editors (their writes are a person's)
  'open', 'xdg-open', 'pbcopy', 'pbpaste', 'xclip', 'xsel', 'wl-copy', 'wl-paste', 'code', 'cursor', 'subl', 'vim', 'vi', 'nvim',
  'nano', 'emacs', 'micro', 'hx', 'helix', 'kak', 'ed', 'watch', 'tmux', 'screen', 'zellij', 'code-insiders',
  // keys and certificates that are only looked at (secret paths are judged on their own)
  'ssh-add', 'ssh-keygen', 'ssh-keyscan', 'openssl', 'certutil', 'mktemp', 'xargs', 'timeout', 'time', 'nice', 'nohup', 'env', 'printenv',
  'tee', 'dos2unix', 'unix2dos', 'hyperfine',
]);

/** Build, test, lint, format and run tools: they change files inside the project, which is their job. */
export const BUILD_TEST = new Set([
  // JavaScript and TypeScript
  'npm', 'yarn', 'pnpm', 'bun', 'node', 'nodejs', 'deno', 'tsc', 'tsx', 'ts-node', 'ts-node-dev', 'esno', 'jiti', 'vite-node', 'zx', 'esbuild',
  'swc', 'babel', 'terser', 'uglifyjs', 'vite', 'webpack', 'webpack-cli', 'rollup', 'parcel', 'tsup', 'unbuild', 'microbundle', 'turbo', 'nx',
  'lage', 'moon', 'wireit', 'jest', 'vitest', 'mocha', 'ava', 'tap', 'uvu', 'jasmine', 'karma', 'c8', 'nyc', 'playwright', 'cypress',
  'puppeteer', 'eslint', 'eslint_d', 'prettier', 'prettierd', 'biome', 'oxlint', 'dprint', 'standard', 'xo', 'stylelint', 'knip', 'depcheck',
  'madge', 'size-limit', 'next', 'nuxt', 'nuxi', 'astro', 'svelte-kit', 'svelte-check', 'remix', 'gatsby', 'ng', 'vue-cli-service', 'ember',
  'eleventy', 'docusaurus', 'storybook', 'postcss', 'tailwindcss', 'sass', 'lessc', 'concurrently', 'npm-run-all', 'run-p', 'run-s',
  'nodemon', 'pm2', 'tauri', 'electron-builder', 'electron-forge', 'expo', 'react-native', 'node-gyp', 'prebuild', 'jscodeshift',
  'graphql-codegen', 'openapi-generator', 'openapi-typescript', 'orval', 'typedoc', 'api-extractor', 'commitlint', 'husky', 'lint-staged',
  'syncpack', 'manypkg', 'corepack', 'changeset', 'lerna', 'rush', 'rushx', 'markdownlint', 'markdownlint-cli2', 'htmlhint', 'jsonlint',
  'license-checker',
  // Python
  'python', 'python2', 'python3', 'py', 'pypy', 'pypy3', 'pytest', 'py.test', 'ptw', 'tox', 'nox', 'mypy', 'dmypy', 'pyright', 'pyre', 'ruff',
  'black', 'blue', 'isort', 'flake8', 'pylint', 'pycodestyle', 'pydocstyle', 'pyflakes', 'autopep8', 'yapf', 'bandit', 'vulture', 'radon',
  'coverage', 'behave', 'robot', 'uv', 'poetry', 'pipenv', 'hatch', 'pdm', 'rye', 'pixi', 'flit', 'maturin', 'pip-compile', 'pipdeptree',
  'sphinx-build', 'sphinx-autobuild', 'mkdocs', 'jupyter', 'ipython', 'nbconvert', 'pre-commit', 'codespell', 'yamllint', 'interrogate',
  'django-admin', 'flask', 'uvicorn', 'gunicorn', 'hypercorn', 'celery', 'streamlit', 'basedpyright',
  // standard-library modules run with `python -m` (rules/supply.ts judges `python -m x` as x)
  'unittest', 'venv', 'json.tool',
  // Rust, Go, C and C++
  'cargo', 'rustc', 'rustfmt', 'clippy-driver', 'rust-analyzer', 'cross', 'wasm-pack', 'wasm-bindgen', 'trunk', 'go', 'gofmt', 'gofumpt',
  'goimports', 'golangci-lint', 'staticcheck', 'revive', 'golint', 'govulncheck', 'errcheck', 'gopls', 'dlv', 'gotestsum', 'ginkgo',
  'make', 'gmake', 'cmake', 'ctest', 'cpack', 'ninja', 'meson', 'bazel', 'bazelisk', 'buck', 'buck2', 'pants', 'scons', 'xmake', 'premake5',
  'autoconf', 'autoreconf', 'automake', 'aclocal', 'libtool', 'pkg-config', 'ccache', 'sccache', 'gcc', 'g++', 'cc', 'c++', 'clang', 'clang++',
  'clang-format', 'clang-tidy', 'cppcheck', 'cpplint', 'iwyu', 'ld', 'ar', 'as', 'nasm', 'yasm', 'objcopy', 'strip', 'gdb', 'lldb', 'perf',
  'tcc', 'gfortran', 'zig', 'nim', 'nimble', 'odin', 'v', 'crystal', 'dub', 'ldc2', 'dmd',
  // JVM, .NET, Apple, mobile
  'gradle', 'gradlew', 'mvn', 'mvnw', 'ant', 'sbt', 'mill', 'lein', 'clojure', 'clj', 'javac', 'java', 'jshell', 'kotlinc', 'kotlin', 'scala',
  'scalac', 'groovy', 'ktlint', 'detekt', 'checkstyle', 'pmd', 'spotbugs', 'dotnet', 'msbuild', 'csc', 'swift', 'swiftc',
  'swiftlint', 'swiftformat', 'xcodebuild', 'xcrun', 'xcodegen', 'tuist', 'pod', 'carthage', 'flutter', 'dart', 'cap', 'cordova', 'ionic',
  // Ruby, PHP, Elixir, Haskell, others
  'ruby', 'bundle', 'rake', 'rspec', 'rubocop', 'standardrb', 'irb', 'pry', 'php', 'composer', 'phpunit', 'pest', 'phpstan',
  'psalm', 'php-cs-fixer', 'phpcs', 'phpcbf', 'pint', 'mix', 'elixir', 'iex', 'erl', 'erlc', 'escript', 'rebar3', 'gleam', 'ghc', 'ghci',
  'cabal', 'stack', 'ocaml', 'dune', 'opam', 'elm', 'elm-format', 'lua', 'luajit', 'luarocks', 'busted', 'R', 'Rscript', 'julia', 'perl',
  'prove', 'raku', 'tclsh', 'haxe', 'gnat', 'fpc',
  // shell, containers, infrastructure checks, docs, site builders
  'shellcheck', 'shfmt', 'bats', 'hadolint', 'actionlint', 'checkov', 'tflint', 'tfsec', 'terrascan', 'trivy', 'grype', 'syft', 'snyk',
  'semgrep', 'ast-grep', 'sg', 'gitleaks', 'trufflehog', 'kubeconform', 'kubeval', 'kube-linter', 'kube-score', 'conftest', 'opa', 'polaris',
  'hugo', 'jekyll', 'zola', 'pandoc', 'asciidoctor', 'vale', 'mdbook', 'typst', 'latexmk', 'pdflatex', 'xelatex', 'lualatex', 'tectonic',
  'plantuml', 'dot', 'mmdc', 'direnv', 'nvm', 'fnm', 'volta', 'pyenv', 'rbenv', 'nodenv', 'asdf', 'mise', 'rtx', 'sdk', 'just', 'task',
  'air', 'reflex', 'watchexec', 'entr', 'protoc', 'buf', 'sqlc', 'swag', 'wire', 'mockgen', 'mockery', 'docker-compose', 'skaffold',
  'tilt', 'act', 'git-lfs', 'k6', 'locust', 'ab', 'wrk', 'vegeta',
  // applying a diff to the project's files; media and assets the project builds
  'patch', 'magick', 'ffmpeg', 'optipng', 'pngquant', 'svgo', 'cwebp', 'sox', 'gifsicle', 'jpegoptim',
  // more JavaScript and Python build, serve and check tools
  'ncu', 'npm-check-updates', 'serve', 'http-server', 'live-server', 'json-server', 'tsc-watch', 'webpack-dev-server', 'vue-tsc',
  'nest', 'react-scripts', 'craco', 'gulp', 'grunt', 'rspack', 'rsbuild', 'forever', 'pip-audit', 'safety', 'pyinstaller', 'pdoc',
  'virtualenv', 'cz', 'commitizen', 'mage', 'earthly', 'wasm-opt',
]);
